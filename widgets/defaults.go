package widgets

import "strings"

// DefaultStyles is the built-in components' own stylesheet, cascaded below
// app.wxss (it plays the part of a browser's user-agent sheet): one rule per
// component that has a DefaultStyle, in the order of components. Everything
// not listed there takes Skyline's initial values (spec §2.7, §2.8).
var DefaultStyles = defaultStyles()

func defaultStyles() string {
	var b strings.Builder
	b.WriteString("\n")
	for _, c := range components {
		if c.DefaultStyle != "" {
			b.WriteString(c.Tag + " { " + c.DefaultStyle + " }\n")
		}
		b.WriteString(c.Sheet)
	}
	return b.String()
}

// DefaultStylesFile names DefaultStyles in diagnostics.
const DefaultStylesFile = "<built-in components>"
