package wxml

// mustacheEnd returns the offset of the "}}" that closes a mustache whose body
// starts at src[i], or -1. It is the twin of engine/expr's scanner (this
// package may not import expr): quoted strings are skipped with their escapes,
// so "}}" or '<' inside a literal does not end anything, and object-literal
// braces nest. Keep the two in step.
func mustacheEnd(src []byte, i int) int {
	depth := 0
	var quote byte
	for j := i; j < len(src); j++ {
		c := src[j]
		if quote != 0 {
			switch c {
			case '\\':
				j++
			case quote:
				quote = 0
			}
			continue
		}
		switch c {
		case '\'', '"':
			quote = c
		case '{':
			depth++
		case '}':
			if depth == 0 && j+1 < len(src) && src[j+1] == '}' {
				return j
			}
			if depth > 0 {
				depth--
			}
		}
	}
	return -1
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// isNameByte accepts the characters of tag and attribute names as WXML and
// glass-easel write them: wx:for, bind:tap, capture-catch:touchstart,
// data-fooBar, class:active, slot:item, a.b, @x. Non-ASCII bytes are allowed
// so that names in other scripts do not break the tag apart.
func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '_' || c == ':' || c == '.' || c == '-' || c == '@' || c == '$' || c >= 0x80
}

// isTagStart tells a tag from a stray '<' in text (a < b).
func isTagStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c >= 0x80
}
