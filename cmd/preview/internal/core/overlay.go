package core

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/skyline-go/skyline/diag"
)

// Message is one entry of the error/warning overlay.
type Message struct {
	Severity diag.Severity
	Text     string
}

// Line is one wrapped line of the overlay; First marks the line that
// starts a message (it gets the severity marker).
type Line struct {
	Severity diag.Severity
	First    bool
	Text     string
}

// GlyphW and GlyphH are the debug font's cell, in the overlay's (CSS pixel) coordinates.
const (
	GlyphW = 6
	GlyphH = 16
)

// WrapMessages breaks messages into lines of at most cols runes, at spaces
// where a line has one and anywhere otherwise; continuation lines are
// indented two columns. At most maxLines lines come back: when the messages
// need more, the last line says how many were left out. Runes the debug font
// lacks (outside Latin-1) become '?'.
func WrapMessages(msgs []Message, cols, maxLines int) []Line {
	if cols < 8 {
		cols = 8
	}
	if maxLines < 1 {
		return nil
	}
	var out []Line
	for _, m := range msgs {
		text := []rune(Latin1(m.Text))
		first := true
		for {
			width := cols
			if !first {
				width = cols - 2
			}
			n := len(text)
			if n > width {
				n = width
				// Break after the last space that leaves a non-empty line.
				for i := width; i > 0; i-- {
					if text[i] == ' ' {
						n = i
						break
					}
				}
			}
			line := strings.TrimRight(string(text[:n]), " ")
			if !first {
				line = "  " + line
			}
			out = append(out, Line{Severity: m.Severity, First: first, Text: line})
			first = false
			text = []rune(strings.TrimLeft(string(text[n:]), " "))
			if len(text) == 0 {
				break
			}
		}
	}
	if len(out) > maxLines {
		hidden := len(out) - (maxLines - 1)
		out = append(out[:maxLines-1], Line{
			Severity: diag.Warning, First: true,
			Text: fmt.Sprintf("... %d more line%s (see stderr)", hidden, plural(hidden)),
		})
	}
	return out
}

// Latin1 replaces what the debug font cannot draw: runes past U+00FF and
// control characters (a tab or newline inside a message would break the
// panel's line grid).
func Latin1(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == utf8.RuneError, r > 0xff:
			b.WriteByte('?')
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Summary is the panel's heading, e.g. "2 errors, 1 warning".
func Summary(msgs []Message) string {
	var errs, warns int
	for _, m := range msgs {
		if m.Severity == diag.Error {
			errs++
		} else {
			warns++
		}
	}
	var parts []string
	if errs > 0 {
		parts = append(parts, fmt.Sprintf("%d error%s", errs, plural(errs)))
	}
	if warns > 0 {
		parts = append(parts, fmt.Sprintf("%d warning%s", warns, plural(warns)))
	}
	return strings.Join(parts, ", ")
}
