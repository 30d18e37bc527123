package logic

import (
	"fmt"

	"github.com/skyline-go/skyline/diag"
)

// MaxNesting bounds how deep brackets ((, [, {, ${) nest in a script. Both
// parsers recurse per level: goja's overflows the Go stack (a crash, not an
// error) near a million levels, esbuild takes minutes at 100,000. Real
// code, minified bundles included, stays far below.
const MaxNesting = 1000

// checkNesting finds the first bracket nested deeper than MaxNesting,
// skipping comments, strings, template text and (by the usual heuristic:
// a slash where an operand is expected) regular expression literals.
func checkNesting(file, src string) error {
	depth := 0
	var tmpl []int // depth at each open template's ${, innermost last
	operand := true
	line, lineStart := 1, 0
	fail := func(i int) error {
		return &transformError{pos: diag.Pos{File: file, Line: line, Col: i - lineStart + 1},
			msg: fmt.Sprintf("brackets nested more than %d deep", MaxNesting)}
	}
	skipTemplate := func(i int) int { // from after ` or }: to after ` or ${
		for ; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case '\n':
				line, lineStart = line+1, i+1
			case '`':
				return i + 1
			case '$':
				if i+1 < len(src) && src[i+1] == '{' {
					depth++
					tmpl = append(tmpl, depth)
					return i + 2
				}
			}
		}
		return i
	}
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			line, lineStart = line+1, i+1
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i += 2
			for i+1 < len(src) && !(src[i] == '*' && src[i+1] == '/') {
				if src[i] == '\n' {
					line, lineStart = line+1, i+1
				}
				i++
			}
			i += 2
			continue
		case c == '\'' || c == '"':
			for i++; i < len(src) && src[i] != c && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
			i++
			operand = false
			continue
		case c == '`':
			if len(tmpl) >= MaxNesting {
				return fail(i)
			}
			i = skipTemplate(i + 1)
			operand = false
			continue
		case c == '/' && operand:
			inClass := false
			for i++; i < len(src) && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				} else if src[i] == '[' {
					inClass = true
				} else if src[i] == ']' {
					inClass = false
				} else if src[i] == '/' && !inClass {
					break
				}
			}
			i++
			operand = false
			continue
		case c == '(' || c == '[' || c == '{':
			depth++
			if depth > MaxNesting {
				return fail(i)
			}
			operand = true
		case c == ')' || c == ']' || c == '}':
			if c == '}' && len(tmpl) > 0 && tmpl[len(tmpl)-1] == depth {
				tmpl = tmpl[:len(tmpl)-1]
				depth--
				i = skipTemplate(i + 1)
				operand = false
				continue
			}
			if depth > 0 {
				depth--
			}
			operand = c == '}'
		case wordByte(c):
			j := i
			for j < len(src) && wordByte(src[j]) {
				j++
			}
			w := src[i:j]
			// After a keyword an operand follows (return /re/); after a
			// name or number, an operator (a / b).
			switch w {
			case "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await":
				operand = true
			default:
				operand = false
			}
			i = j
			continue
		default:
			operand = true // an operator or punctuation: an operand may follow
		}
		i++
	}
	return nil
}
