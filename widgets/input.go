package widgets

import (
	"strings"
	"unicode/utf8"

	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/style"
)

// The input and textarea components: value (the text shown, followed by
// the page: setData of a new value replaces what was typed), placeholder
// (#808080 when the value is empty), type text / number / digit / idcard
// (which characters typing keeps), password (shown as dots), maxlength
// (140; -1 for no limit), disabled, focus / auto-focus, confirm-type. A
// tap gives the element the keyboard (focus {value, height}); typed text
// and Backspace change the value at its end (input {value, cursor,
// keyCode}); Enter on an input fires confirm {value} (on a textarea it is
// a new line); a tap elsewhere takes the keyboard away (blur {value,
// cursor}). The text is the element's ::after content (a state class gives
// it the box); the caret is drawn after it.
//
// Decisions (UNVERIFIED in the spec): the caret sits at the end of the
// text (no selection or cursor moves in this version); the caret is 2 px of
// WeUI's green (#07c160) unless cursor-color says otherwise.

// Input is the input component's unit.
var Input = Component{
	Spec:         Spec{Tag: "input", Support: Full, Kind: Container},
	DefaultStyle: "display: block; height: 22.4px; line-height: 22.4px; font-size: 16px; overflow: hidden; white-space: nowrap;",
	Sheet: `
.wx-input::after { content: ""; white-space: nowrap; }
.wx-input-placeholder::after { color: #808080; }
`,
	Control: &Control{Kind: ControlInput, HoverClass: "none", Paint: paintCaret,
		Follows: func(a Attrs) string { return String(a, "value", "") },
		Classes: inputClasses, Trail: inputTrail},
}

// Textarea is the textarea component's unit.
var Textarea = Component{
	Spec:         Spec{Tag: "textarea", Support: Full, Kind: Container},
	DefaultStyle: "display: block; width: 300px; height: 150px; font-size: 16px; line-height: 22.4px; overflow: hidden;",
	Sheet: `
.wx-textarea::after { content: ""; }
.wx-input-placeholder::after { color: #808080; }
`,
	Control: &Control{Kind: ControlInput, HoverClass: "none", Paint: paintCaret,
		Follows: func(a Attrs) string { return String(a, "value", "") },
		Classes: func(dst []string, a Attrs, s *State) []string {
			dst = append(dst, "wx-textarea")
			if s.Text == "" {
				dst = append(dst, "wx-input-placeholder")
			}
			return dst
		}, Trail: inputTrail},
}

func inputClasses(dst []string, a Attrs, s *State) []string {
	dst = append(dst, "wx-input")
	if s.Text == "" {
		dst = append(dst, "wx-input-placeholder")
	}
	return dst
}

// inputTrail is the text shown: the value (dots for a password) or the
// placeholder.
func inputTrail(a Attrs, s *State) (string, bool) {
	if s.Text == "" {
		return String(a, "placeholder", ""), true
	}
	if Bool(a, "password") {
		return strings.Repeat("•", utf8.RuneCountInString(s.Text)), true
	}
	return s.Text, true
}

// MaxLength is an input's maxlength: 140 by default, -1 (or any negative)
// for none.
func MaxLength(a Attrs) int { return int(Number(a, "maxlength", 140)) }

// clampInput cuts s to maxlength characters.
func clampInput(a Attrs, s string) string {
	if n := MaxLength(a); n >= 0 && utf8.RuneCountInString(s) > n {
		r := []rune(s)
		return string(r[:n])
	}
	return s
}

// TypeInto appends typed text to s's value as the input's type allows
// (number: digits; digit: digits and one point; idcard: digits and X) and
// within maxlength; it reports whether the value changed.
func TypeInto(a Attrs, s *State, text string) bool {
	typ := String(a, "type", "text")
	var b strings.Builder
	b.WriteString(s.Text)
	for _, r := range text {
		switch typ {
		case "number":
			if r < '0' || r > '9' {
				continue
			}
		case "digit":
			if (r < '0' || r > '9') && (r != '.' || strings.ContainsRune(b.String(), '.')) {
				continue
			}
		case "idcard":
			if (r < '0' || r > '9') && r != 'X' && r != 'x' {
				continue
			}
			if r == 'x' {
				r = 'X'
			}
		}
		b.WriteRune(r)
	}
	v := clampInput(a, b.String())
	if v == s.Text {
		return false
	}
	s.Text = v
	return true
}

// Backspace deletes the character before the caret (the end).
func Backspace(s *State) bool {
	if s.Text == "" {
		return false
	}
	_, size := utf8.DecodeLastRuneInString(s.Text)
	s.Text = s.Text[:len(s.Text)-size]
	return true
}

// paintCaret draws the caret after the text while the element has the
// keyboard.
func paintCaret(c Canvas, b Box, st *style.Computed, a Attrs, s *State) {
	if !s.Focused || b.Trail == nil {
		return
	}
	col := ColorAttr(a, "cursor-color", style.Color{R: 0x07, G: 0xc1, B: 0x60, A: 255})
	t := b.Trail
	x := t.X + t.W
	if s.Text == "" {
		x = t.X // before the placeholder
	}
	h := st.FontSize * 1.2
	y := t.Y + (t.H-h)/2
	c.Fill(raster.RRect{Rect: raster.Rect{X0: x, Y0: y, X1: x + 2, Y1: y + h}}, col)
}
