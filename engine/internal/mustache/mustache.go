// Package mustache finds where a {{ }} binding ends. Both the WXML parser
// (to skip bindings inside text and attribute values) and the expression
// compiler (to split templates) need the same answer, so they share this
// one scanner. It imports nothing.
package mustache

// End returns the offset of the "}}" that closes a mustache whose body
// starts at src[i], or -1. Quoted strings are skipped with their escapes, so
// "}}" or '<' inside a literal does not end anything, and braces of object
// literals nest, so {{ {a: {b: 1}} }} ends at the last "}}".
func End[T string | []byte](src T, i int) int {
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
