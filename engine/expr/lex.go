package expr

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tEOF tokKind = iota
	tNum
	tStr
	tIdent
	tPunct
)

// token is one lexeme; off is its byte offset in the source, for diagnostics.
type token struct {
	kind tokKind
	text string  // punctuator or identifier text; raw text for literals
	str  string  // decoded string literal
	num  float64 // numeric literal
	off  int
}

func (t token) String() string {
	switch t.kind {
	case tEOF:
		return "end of expression"
	case tNum, tStr:
		return t.text
	}
	return fmt.Sprintf("%q", t.text)
}

// lexError carries the offset of the fault so Parse can position it.
type lexError struct {
	off int
	msg string
}

// punctuators, longest first so that "===" wins over "==".
var punctuators = []string{
	"...", "===", "!==",
	"==", "!=", "<=", ">=", "&&", "||", "??",
	"+", "-", "*", "/", "%", "<", ">", "!", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}",
}

// lex splits src into tokens, ending with a tEOF token.
func lex(src string) ([]token, *lexError) {
	var toks []token
	i := 0
	for {
		for i < len(src) {
			r, size := utf8.DecodeRuneInString(src[i:])
			if !isJSSpace(r) {
				break
			}
			i += size
		}
		if i >= len(src) {
			toks = append(toks, token{kind: tEOF, off: i})
			return toks, nil
		}
		c := src[i]
		switch {
		case isDigit(c) || (c == '.' && i+1 < len(src) && isDigit(src[i+1])):
			t, err := lexNumber(src, i)
			if err != nil {
				return nil, err
			}
			toks = append(toks, t)
			i += len(t.text)
		case c == '\'' || c == '"':
			t, err := lexString(src, i)
			if err != nil {
				return nil, err
			}
			toks = append(toks, t)
			i += len(t.text)
		case isIdentStart(src[i:]):
			j := i
			for j < len(src) {
				r, size := utf8.DecodeRuneInString(src[j:])
				if !isIdentRune(r) {
					break
				}
				j += size
			}
			toks = append(toks, token{kind: tIdent, text: src[i:j], off: i})
			i = j
		default:
			p := ""
			for _, q := range punctuators {
				if strings.HasPrefix(src[i:], q) {
					p = q
					break
				}
			}
			if p == "" {
				r, _ := utf8.DecodeRuneInString(src[i:])
				return nil, &lexError{i, fmt.Sprintf("unexpected character %q", r)}
			}
			toks = append(toks, token{kind: tPunct, text: p, off: i})
			i += len(p)
		}
	}
}

func isIdentStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '_' || r == '$' || unicode.IsLetter(r)
}

func isIdentRune(r rune) bool {
	return r == '_' || r == '$' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// lexNumber reads a JS numeric literal: decimal with fraction and exponent,
// or 0x / 0o / 0b integers.
func lexNumber(src string, i int) (token, *lexError) {
	j := i
	if src[i] == '0' && i+1 < len(src) && strings.IndexByte("xXoObB", src[i+1]) >= 0 {
		base := 16
		switch src[i+1] {
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
		j += 2
		for j < len(src) && digitVal(src[j]) < base {
			j++
		}
		if j == i+2 {
			return token{}, &lexError{i, "malformed number " + src[i:j]}
		}
		if j < len(src) && isIdentRune(rune(src[j])) {
			return token{}, &lexError{j, "malformed number " + src[i:j+1]}
		}
		return token{kind: tNum, text: src[i:j], num: parseRadix(src[i+2:j], base), off: i}, nil
	}
	for j < len(src) && isDigit(src[j]) {
		j++
	}
	if j < len(src) && src[j] == '.' {
		j++
		for j < len(src) && isDigit(src[j]) {
			j++
		}
	}
	if j < len(src) && (src[j] == 'e' || src[j] == 'E') {
		k := j + 1
		if k < len(src) && (src[k] == '+' || src[k] == '-') {
			k++
		}
		if k >= len(src) || !isDigit(src[k]) {
			return token{}, &lexError{j, "malformed exponent in number " + src[i:k]}
		}
		for k < len(src) && isDigit(src[k]) {
			k++
		}
		j = k
	}
	if j < len(src) && (isIdentStart(src[j:]) || isDigit(src[j])) {
		return token{}, &lexError{j, "identifier directly after number " + src[i:j]}
	}
	f, err := strconv.ParseFloat(src[i:j], 64)
	if err != nil && !math.IsInf(f, 0) {
		return token{}, &lexError{i, "malformed number " + src[i:j]}
	}
	return token{kind: tNum, text: src[i:j], num: f, off: i}, nil
}

// lexString reads a quoted literal with JS escapes (\n \t \r \b \f \v \0 \xHH
// \uHHHH \u{H…}, line continuations; any other escaped character stands for itself).
func lexString(src string, i int) (token, *lexError) {
	q := src[i]
	var b strings.Builder
	j := i + 1
	for j < len(src) {
		c := src[j]
		switch {
		case c == q:
			return token{kind: tStr, text: src[i : j+1], str: b.String(), off: i}, nil
		case c == '\\':
			if j+1 >= len(src) {
				return token{}, &lexError{i, "unterminated string literal"}
			}
			n, err := unescape(&b, src, j)
			if err != nil {
				return token{}, err
			}
			j = n
		case c == '\n' || c == '\r':
			return token{}, &lexError{i, "unterminated string literal (line break inside)"}
		default:
			b.WriteByte(c)
			j++
		}
	}
	return token{}, &lexError{i, "unterminated string literal"}
}

// unescape decodes the escape at src[j] == '\\' into b and returns the offset after it.
func unescape(b *strings.Builder, src string, j int) (int, *lexError) {
	c := src[j+1]
	switch c {
	case 'n', 't', 'r', 'b', 'f', 'v':
		b.WriteByte("\n\t\r\b\f\v"[strings.IndexByte("ntrbfv", c)])
		return j + 2, nil
	case '0':
		if j+2 < len(src) && isDigit(src[j+2]) {
			return 0, &lexError{j, "octal escapes are not allowed"}
		}
		b.WriteByte(0)
		return j + 2, nil
	case '\n':
		return j + 2, nil
	case '\r':
		if j+2 < len(src) && src[j+2] == '\n' {
			return j + 3, nil
		}
		return j + 2, nil
	case 'x':
		if j+4 > len(src) {
			return 0, &lexError{j, `malformed \x escape`}
		}
		v, err := strconv.ParseUint(src[j+2:j+4], 16, 8)
		if err != nil {
			return 0, &lexError{j, `malformed \x escape`}
		}
		b.WriteRune(rune(v))
		return j + 4, nil
	case 'u':
		if j+2 < len(src) && src[j+2] == '{' {
			end := strings.IndexByte(src[j+3:], '}')
			if end < 1 {
				return 0, &lexError{j, `malformed \u{} escape`}
			}
			v, err := strconv.ParseUint(src[j+3:j+3+end], 16, 32)
			if err != nil || v > unicode.MaxRune {
				return 0, &lexError{j, `malformed \u{} escape`}
			}
			b.WriteRune(rune(v))
			return j + 4 + end, nil
		}
		if j+6 > len(src) {
			return 0, &lexError{j, `malformed \u escape`}
		}
		v, err := strconv.ParseUint(src[j+2:j+6], 16, 16)
		if err != nil {
			return 0, &lexError{j, `malformed \u escape`}
		}
		next := j + 6
		r := rune(v)
		// A surrogate pair written as two escapes is one character.
		if 0xd800 <= r && r < 0xdc00 && next+6 <= len(src) && src[next] == '\\' && src[next+1] == 'u' {
			if lo, err := strconv.ParseUint(src[next+2:next+6], 16, 16); err == nil && 0xdc00 <= lo && lo < 0xe000 {
				r = 0x10000 + (r-0xd800)<<10 + (rune(lo) - 0xdc00)
				next += 6
			}
		}
		b.WriteRune(r)
		return next, nil
	}
	r, size := utf8.DecodeRuneInString(src[j+1:])
	b.WriteRune(r)
	return j + 1 + size, nil
}
