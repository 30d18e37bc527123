package style

import (
	"strconv"
	"strings"
)

// This file splits a declaration value into component values. It is not a
// full CSS tokenizer (the sheet tokenizer lives in tokenize*.go): a value has
// already been cut out of its rule, so only what property grammars need is
// recognised. A function is one vtok whose args hold its raw inner text,
// which the property parser lexes again when it needs to.

type vkind uint8

const (
	vtIdent   vkind = iota + 1
	vtNumber        // num; unitless
	vtPercent       // num%
	vtDim           // num + unit (lower case)
	vtHash          // text is what follows '#'
	vtString        // text is the unquoted, unescaped content
	vtFunc          // text is the lower-case name ("" for a bare parenthesis), args the inner text
	vtURL           // text is the address
	vtComma
	vtSlash
	vtDelim // one other character in text (calc operators + - *)
)

type vtok struct {
	kind vkind
	text string
	num  float32
	args string
}

// is reports whether t is the identifier kw (ASCII case-insensitive; kw is
// lower case).
func (t vtok) is(kw string) bool { return t.kind == vtIdent && strings.EqualFold(t.text, kw) }

// lower returns an identifier's text in lower case.
func (t vtok) lower() string { return strings.ToLower(t.text) }

// lexValue splits s into tokens. It reports false on text no property grammar
// can use (a stray quote or bracket, a bad escape).
func lexValue(s string) ([]vtok, bool) {
	var out []vtok
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case vIsSpace(c):
			i++
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				i = len(s)
			} else {
				i += end + 4
			}
		case c == ',':
			out = append(out, vtok{kind: vtComma, text: ","})
			i++
		case c == '/':
			out = append(out, vtok{kind: vtSlash, text: "/"})
			i++
		case c == '"' || c == '\'':
			str, n, ok := vLexString(s[i:])
			if !ok {
				return nil, false
			}
			out = append(out, vtok{kind: vtString, text: str})
			i += n
		case c == '#':
			j := i + 1
			for j < len(s) && vIsNameChar(s[j]) {
				j++
			}
			if j == i+1 {
				return nil, false
			}
			out = append(out, vtok{kind: vtHash, text: s[i+1 : j]})
			i = j
		case vStartsNumber(s[i:]):
			t, n := vLexNumber(s[i:])
			out = append(out, t)
			i += n
		case c == '(':
			inner, n, ok := vLexParens(s[i:])
			if !ok {
				return nil, false
			}
			out = append(out, vtok{kind: vtFunc, args: inner})
			i += n
		case vStartsName(s[i:]):
			j := i
			for j < len(s) && vIsNameChar(s[j]) {
				j++
			}
			name := s[i:j]
			if j < len(s) && s[j] == '(' {
				inner, n, ok := vLexParens(s[j:])
				if !ok {
					return nil, false
				}
				lname := strings.ToLower(name)
				if lname == "url" {
					u, ok := vURLArg(inner)
					if !ok {
						return nil, false
					}
					out = append(out, vtok{kind: vtURL, text: u})
				} else {
					out = append(out, vtok{kind: vtFunc, text: lname, args: inner})
				}
				i = j + n
				continue
			}
			out = append(out, vtok{kind: vtIdent, text: name})
			i = j
		case c == ')' || c == ']' || c == '}' || c == ';' || c == '\\':
			return nil, false
		default:
			out = append(out, vtok{kind: vtDelim, text: s[i : i+1]})
			i++
		}
	}
	return out, true
}

func vIsSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func vIsNameStart(c byte) bool {
	return c == '_' || c >= 0x80 || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

func vIsNameChar(c byte) bool { return vIsNameStart(c) || c == '-' || (c >= '0' && c <= '9') }

func vStartsName(s string) bool {
	if s[0] == '-' {
		return len(s) > 1 && (vIsNameStart(s[1]) || s[1] == '-')
	}
	return vIsNameStart(s[0])
}

func vStartsNumber(s string) bool {
	i := 0
	if s[0] == '+' || s[0] == '-' {
		i++
	}
	if i < len(s) && s[i] >= '0' && s[i] <= '9' {
		return true
	}
	return i+1 < len(s) && s[i] == '.' && s[i+1] >= '0' && s[i+1] <= '9'
}

// vLexNumber reads a number with its unit or percent sign.
func vLexNumber(s string) (vtok, int) {
	i := 0
	if s[0] == '+' || s[0] == '-' {
		i++
	}
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i+1 < len(s) && s[i] == '.' && s[i+1] >= '0' && s[i+1] <= '9' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && s[j] >= '0' && s[j] <= '9' {
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			i = j
		}
	}
	f, _ := strconv.ParseFloat(s[:i], 32)
	t := vtok{kind: vtNumber, num: float32(f), text: s[:i]}
	switch {
	case i < len(s) && s[i] == '%':
		t.kind = vtPercent
		i++
	case i < len(s) && vStartsName(s[i:]):
		j := i
		for j < len(s) && vIsNameChar(s[j]) {
			j++
		}
		t.kind = vtDim
		t.text = strings.ToLower(s[i:j])
		i = j
	}
	return t, i
}

// vLexString reads a quoted string starting at s[0], returning its content.
func vLexString(s string) (string, int, bool) {
	q := s[0]
	var b strings.Builder
	plain := true
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == q:
			if plain {
				return s[1:i], i + 1, true
			}
			return b.String(), i + 1, true
		case c == '\\' && i+1 < len(s):
			if plain {
				b.WriteString(s[1:i])
				plain = false
			}
			i++
			if s[i] == '\n' {
				continue
			}
			// Hex escapes: up to six hex digits and one optional space.
			j := i
			for j < len(s) && j-i < 6 && vIsHex(s[j]) {
				j++
			}
			if j > i {
				r, _ := strconv.ParseUint(s[i:j], 16, 32)
				if r == 0 || r > 0x10FFFF {
					r = 0xFFFD
				}
				b.WriteRune(rune(r))
				if j < len(s) && vIsSpace(s[j]) {
					j++
				}
				i = j - 1
				continue
			}
			b.WriteByte(s[i])
		case c == '\n':
			return "", 0, false
		default:
			if !plain {
				b.WriteByte(c)
			}
		}
	}
	// An unterminated string runs to the end of the value (CSS Syntax §4.3.5).
	if plain {
		return s[1:], len(s), true
	}
	return b.String(), len(s), true
}

func vIsHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c|0x20 >= 'a' && c|0x20 <= 'f')
}

// vLexParens returns the text between s[0] == '(' and its matching ')'. An
// unclosed parenthesis closes at the end of the value, as CSS does.
func vLexParens(s string) (string, int, bool) {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return s[1:i], i + 1, true
			}
		case '"', '\'':
			_, n, ok := vLexString(s[i:])
			if !ok {
				return "", 0, false
			}
			i += n - 1
		}
	}
	return s[1:], len(s), true
}

// vURLArg reads the inside of url(...): a quoted string or a bare address.
func vURLArg(inner string) (string, bool) {
	t := strings.TrimSpace(inner)
	if t == "" {
		return "", true
	}
	if t[0] == '"' || t[0] == '\'' {
		str, n, ok := vLexString(t)
		if !ok || strings.TrimSpace(t[n:]) != "" {
			return "", false
		}
		return str, true
	}
	if strings.ContainsAny(t, "\"'() \t\n") {
		return "", false
	}
	return t, true
}

// vSplitCommas cuts toks at top-level commas.
func vSplitCommas(toks []vtok) [][]vtok {
	var out [][]vtok
	start := 0
	for i, t := range toks {
		if t.kind == vtComma {
			out = append(out, toks[start:i])
			start = i + 1
		}
	}
	return append(out, toks[start:])
}
