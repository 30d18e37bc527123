package style

import (
	"strings"
	"unicode/utf8"

	"github.com/skyline-go/skyline/diag"
	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
)

// token is one CSS token (CSS Syntax 3, via tdewolff's lexer) with its byte
// offset, so every diagnostic can name file:line:col. Comments are dropped
// here (spec §2.2: only /* */ comments exist); whitespace is kept because it
// is the descendant combinator in selectors.
type token struct {
	kind css.TokenType
	text string // a slice of source.text: no copy per token
	off  int
}

// source is one tokenized file.
type source struct {
	file  string
	text  string
	lines []int // byte offset of each line start
	toks  []token
}

// tokenize lexes src completely. It reports unterminated comments, strings
// and url()s as positioned warnings; the lexer itself always recovers, so
// the parser sees a well-formed token stream either way.
func tokenize(file string, src []byte, diags *diag.List) *source {
	s := &source{file: file, text: string(src)}
	s.lines = diag.LineStarts(s.text)
	// The lexer appends a NUL sentinel to its buffer; give it a private copy
	// with room for it so the caller's bytes are never written.
	buf := make([]byte, len(src), len(src)+1)
	copy(buf, src)
	lx := css.NewLexer(parse.NewInputBytes(buf))
	// Sized up front (real sheets have a token per 3–6 bytes): growing the
	// slice by appending copies it again and again, five times its final
	// size in all, which for a megabyte of input is most of the memory a
	// parse takes.
	s.toks = make([]token, 0, len(src)/2+16)
	off := 0
	for off < len(s.text) {
		kind, data := lx.Next()
		if kind == css.ErrorToken || len(data) == 0 {
			break
		}
		t := token{kind: kind, text: s.text[off : off+len(data)], off: off}
		off += len(data)
		switch kind {
		case css.CommentToken:
			if len(t.text) < 4 || !strings.HasSuffix(t.text, "*/") {
				diags.Warnf(s.pos(t.off), "unterminated comment")
			}
			continue
		case css.BadStringToken:
			diags.Warnf(s.pos(t.off), "unterminated string (newline inside quotes)")
		case css.StringToken:
			if !stringClosed(t.text) {
				diags.Warnf(s.pos(t.off), "unterminated string")
				t.kind = css.BadStringToken
			}
		case css.BadURLToken:
			diags.Warnf(s.pos(t.off), "malformed url()")
		}
		s.toks = append(s.toks, t)
	}
	return s
}

// pos converts a byte offset into a 1-based line and byte column.
func (s *source) pos(off int) diag.Pos {
	line, col := diag.LineCol(s.text, s.lines, off)
	return diag.Pos{File: s.file, Line: line, Col: col}
}

// endPos is the position just past the last byte, for "unexpected end of
// file" messages.
func (s *source) endPos() diag.Pos { return s.pos(len(s.text)) }

// isDelim reports whether t is the single character c.
func (t token) isDelim(c byte) bool {
	return t.kind == css.DelimToken && len(t.text) == 1 && t.text[0] == c
}

// stringClosed reports whether a string token ends with its own unescaped
// quote (the lexer also ends strings at end of file).
func stringClosed(s string) bool {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case s[0]:
			return i == len(s)-1
		}
	}
	return false
}

// unquote returns the content of a string token, with CSS escapes of the
// quote and backslash resolved (the only escapes WXSS files use in paths
// and content strings). Other escapes are kept for the value parser.
func unquote(s string) string {
	if len(s) == 0 {
		return s
	}
	q := s[0]
	if q != '"' && q != '\'' {
		return s
	}
	s = s[1:]
	if len(s) > 0 && s[len(s)-1] == q {
		s = s[:len(s)-1]
	}
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && (s[i+1] == q || s[i+1] == '\\') {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// unescapeIdent resolves CSS escapes in an identifier (CSS Syntax 3 §4.3.7):
// "\\/" is "/", "\\31 " is "1". Class names such as "w-1\\/2" must compare
// equal to the class attribute's "w-1/2".
func unescapeIdent(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		j := i + 1
		v := rune(0)
		for j < len(s) && j < i+7 && isHex(s[j]) {
			v = v*16 + rune(hexVal(s[j]))
			j++
		}
		if j == i+1 {
			b.WriteByte(s[j])
			i = j
			continue
		}
		if v == 0 || v > 0x10FFFF || v >= 0xD800 && v <= 0xDFFF {
			v = 0xFFFD
		}
		b.WriteRune(v)
		if j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n') {
			j++
		}
		i = j - 1
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hexVal(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// urlArg returns the address inside a url(...) token.
func urlArg(t token) string {
	s := t.text
	i := strings.IndexByte(s, '(')
	if i < 0 {
		return ""
	}
	s = strings.TrimSpace(strings.TrimSuffix(s[i+1:], ")"))
	return unquote(s)
}

// maxQuoted is how much of a value, selector or token a message quotes.
const maxQuoted = 160

// clipQuoted shortens text quoted in a message, so a megabyte selector or
// value does not make a megabyte warning. It cuts on a UTF-8 boundary.
func clipQuoted(s string) string {
	if len(s) <= maxQuoted {
		return s
	}
	i := maxQuoted
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// clipArgs applies clipQuoted to the string arguments of a message.
func clipArgs(args []any) []any {
	for i, a := range args {
		if s, ok := a.(string); ok && len(s) > maxQuoted {
			args[i] = clipQuoted(s)
		}
	}
	return args
}
