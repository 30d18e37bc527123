package expr

// mustacheEnd returns the offset of the "}}" that closes a mustache whose body
// starts at src[i], or -1. Quoted strings are skipped (with their escapes), so
// "}}" inside a literal does not end the binding, and braces of object
// literals nest, so {{ {a: {b: 1}} }} ends at the last "}}". engine/wxml keeps
// an identical scanner (it may not import this package); keep them in step.
func mustacheEnd(src string, i int) int {
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
