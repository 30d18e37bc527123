package dom

// classList is a class attribute parsed once per change. Matching asks
// HasClass for every candidate rule, so names are kept split; lists are short
// (a handful of names), where a linear scan beats hashing.
type classList struct {
	raw   string
	names []string
	// extra are the classes the built-in component adds for its state
	// (widgets.Control.Classes, hover-class while pressed); they follow
	// the names of raw.
	extra []string
}

// set re-parses raw, reusing the names slice (a class change in setData
// allocates nothing beyond the new string). Duplicates are dropped.
func (c *classList) set(raw string) {
	c.raw = raw
	c.names = c.names[:0]
	i := 0
	for i < len(raw) {
		for i < len(raw) && isSpace(raw[i]) {
			i++
		}
		j := i
		for j < len(raw) && !isSpace(raw[j]) {
			j++
		}
		if j > i && !c.has(raw[i:j]) {
			c.names = append(c.names, raw[i:j])
		}
		i = j
	}
	for _, x := range c.extra {
		if !c.has(x) {
			c.names = append(c.names, x)
		}
	}
}

func (c *classList) has(name string) bool {
	for _, n := range c.names {
		if n == name {
			return true
		}
	}
	return false
}

// isSpace is the XML/CSS whitespace set (space, tab, CR, LF, FF).
func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f'
}
