package logic

import (
	"fmt"
	"strings"
)

// maxPathIndex bounds an index in a setData path (list[1e9] would make the
// renderer pad a huge array).
const maxPathIndex = 1 << 20

// seg is one segment of a data path: a field name or an [n] index. "**" is
// a wildcard segment (observer paths only).
type seg struct {
	key   string
	index bool
}

// parsePath parses setData and observer paths: names separated by dots and
// [n] indexes ("a.b[2].c"). wildcard allows a final "**" segment. Errors
// name the byte offset inside the key.
func parsePath(s string, wildcard bool) ([]seg, error) {
	var segs []seg
	if s == "" {
		return nil, fmt.Errorf("empty path")
	}
	i := 0
	for i < len(s) {
		switch c := s[i]; {
		case c == '[':
			j := i + 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j == i+1 || j >= len(s) || s[j] != ']' {
				return nil, fmt.Errorf("path %q: expected [digits] at offset %d", s, i)
			}
			n := 0
			for _, d := range s[i+1 : j] {
				n = n*10 + int(d-'0')
				if n > maxPathIndex {
					return nil, fmt.Errorf("path %q: index too large", s)
				}
			}
			segs = append(segs, seg{key: fmt.Sprint(n), index: true})
			i = j + 1
			if i < len(s) && s[i] != '.' && s[i] != '[' {
				return nil, fmt.Errorf("path %q: expected . or [ at offset %d", s, i)
			}
		case c == '.':
			if i == 0 || i+1 >= len(s) || s[i+1] == '.' || s[i+1] == '[' {
				return nil, fmt.Errorf("path %q: empty segment at offset %d", s, i)
			}
			i++
		case c == ']':
			return nil, fmt.Errorf("path %q: unexpected ] at offset %d", s, i)
		default:
			j := i
			for j < len(s) && s[j] != '.' && s[j] != '[' && s[j] != ']' {
				j++
			}
			name := s[i:j]
			if name == "**" {
				if !wildcard || j != len(s) {
					return nil, fmt.Errorf("path %q: ** only ends an observer path", s)
				}
			}
			segs = append(segs, seg{key: name})
			i = j
		}
	}
	return segs, nil
}

// joinPath writes segments back in setData syntax.
func joinPath(segs []seg) string {
	var b strings.Builder
	for i, sg := range segs {
		switch {
		case sg.index:
			b.WriteByte('[')
			b.WriteString(sg.key)
			b.WriteByte(']')
		default:
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(sg.key)
		}
	}
	return b.String()
}

// hasPrefix reports whether p starts with the segments of pre (names and
// indexes compare by their text: "list[0]" and "list.0" name the same field).
func hasPrefix(p, pre []seg) bool {
	if len(pre) > len(p) {
		return false
	}
	for i := range pre {
		if p[i].key != pre[i].key {
			return false
		}
	}
	return true
}
