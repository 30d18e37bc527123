package main

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/skyline-go/skyline/diag"
)

// message is one entry of the error/warning overlay.
type message struct {
	severity diag.Severity
	text     string
}

// overlayLine is one wrapped line of the overlay; first marks the line that
// starts a message (it gets the severity marker).
type overlayLine struct {
	severity diag.Severity
	first    bool
	text     string
}

// The debug font's cell, in the overlay's (CSS pixel) coordinates.
const (
	glyphW = 6
	glyphH = 16
)

// wrapMessages breaks messages into lines of at most cols runes, at spaces
// where a line has one and anywhere otherwise; continuation lines are
// indented two columns. At most maxLines lines come back: when the messages
// need more, the last line says how many were left out. Runes the debug font
// lacks (outside Latin-1) become '?'.
func wrapMessages(msgs []message, cols, maxLines int) []overlayLine {
	if cols < 8 {
		cols = 8
	}
	if maxLines < 1 {
		return nil
	}
	var out []overlayLine
	for _, m := range msgs {
		text := []rune(latin1(m.text))
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
			out = append(out, overlayLine{severity: m.severity, first: first, text: line})
			first = false
			text = []rune(strings.TrimLeft(string(text[n:]), " "))
			if len(text) == 0 {
				break
			}
		}
	}
	if len(out) > maxLines {
		hidden := len(out) - (maxLines - 1)
		out = append(out[:maxLines-1], overlayLine{
			severity: diag.Warning, first: true,
			text: fmt.Sprintf("... %d more line%s (see stderr)", hidden, plural(hidden)),
		})
	}
	return out
}

// latin1 replaces what the debug font cannot draw: runes past U+00FF and
// control characters (a tab or newline inside a message would break the
// panel's line grid).
func latin1(s string) string {
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

// summary is the panel's heading, e.g. "2 errors, 1 warning".
func summary(msgs []message) string {
	var errs, warns int
	for _, m := range msgs {
		if m.severity == diag.Error {
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
