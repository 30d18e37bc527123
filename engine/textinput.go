package engine

import (
	"unicode/utf8"

	"github.com/skyline-go/skyline/widgets"
)

// Text input (widgets/input.go is the component). One input or textarea
// at a time has the keyboard: a tap on it (or its focus / auto-focus
// attribute) gives it, a tap elsewhere or Blur takes it away. The host
// sends typed text (InputText: what a keyboard or an input method
// committed) and keys (InputKey); the engine edits the value, redraws the
// element and dispatches WeChat's events as component events: focus
// {value, height}, input {value, cursor, keyCode}, confirm {value}, blur
// {value, cursor}.

// Focused returns the element that has the keyboard, nil when none.
func (p *Page) Focused() *Node {
	if n := p.ctl.focus; n != nil && !n.Dead {
		return n
	}
	return nil
}

// Focus gives n (an input or textarea) the keyboard at time t (ms).
func (p *Page) Focus(n *Node, t float64) {
	if n == nil || n.Dead || !isTextInput(n) || n.BoolAttr("disabled") || p.Focused() == n {
		return
	}
	p.Blur(t)
	s := p.ctlState(n)
	s.Focused = true
	p.ctl.focus = n
	p.MarkDirty(n, DirtyAttr)
	p.fireControl(n, "focus", map[string]any{"value": s.Text, "height": 0.0}, t)
}

// Blur takes the keyboard away from the focused element.
func (p *Page) Blur(t float64) {
	n := p.Focused()
	p.ctl.focus = nil
	if n == nil {
		return
	}
	s := p.ctlState(n)
	s.Focused = false
	p.MarkDirty(n, DirtyAttr)
	p.fireControl(n, "blur", map[string]any{"value": s.Text, "cursor": float64(utf8.RuneCountInString(s.Text))}, t)
}

// InputText types text into the focused element; it reports whether the
// value changed (the type and maxlength may refuse characters).
func (p *Page) InputText(text string, t float64) bool {
	n := p.Focused()
	if n == nil || text == "" {
		return false
	}
	s := p.ctlState(n)
	if !widgets.TypeInto(nodeAttrs{n}, s, text) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text)
	p.inputChanged(n, s, float64(r), t)
	return true
}

// InputKey presses a key on the focused element: "Backspace" deletes the
// last character, "Enter" confirms an input (a new line in a textarea),
// "Escape" takes the keyboard away. It reports whether the key did
// anything.
func (p *Page) InputKey(key string, t float64) bool {
	n := p.Focused()
	if n == nil {
		return false
	}
	s := p.ctlState(n)
	switch key {
	case "Backspace":
		if widgets.Backspace(s) {
			p.inputChanged(n, s, 8, t)
			return true
		}
	case "Enter":
		if n.Tag == "textarea" {
			return p.InputText("\n", t)
		}
		p.fireControl(n, "confirm", map[string]any{"value": s.Text}, t)
		if !n.BoolAttr("confirm-hold") {
			p.Blur(t)
		}
		return true
	case "Escape":
		p.Blur(t)
		return true
	}
	return false
}

func (p *Page) inputChanged(n *Node, s *widgets.State, keyCode, t float64) {
	p.MarkDirty(n, DirtyAttr)
	p.fireControl(n, "input", map[string]any{"value": s.Text, "cursor": float64(utf8.RuneCountInString(s.Text)), "keyCode": keyCode}, t)
}

func isTextInput(n *Node) bool {
	return n.Kind == ElementNode && (n.Tag == "input" || n.Tag == "textarea")
}

// inputTap gives the keyboard to the input or textarea tapped, or takes
// it away when the tap is elsewhere; it reports whether an input took it.
func (p *Page) inputTap(target *Node, t float64) bool {
	for n := target; n != nil; n = n.Parent() {
		if isTextInput(n) {
			p.Focus(n, t)
			return true
		}
	}
	p.Blur(t)
	return false
}

// autoFocus gives the keyboard to an input whose focus or auto-focus
// attribute asks for it (once per element, when no element has it).
func (p *Page) autoFocus(n *Node) {
	if p.ctl.focus != nil || !isTextInput(n) || p.ctl.autoFocused[n] {
		return
	}
	if n.BoolAttr("focus") || n.BoolAttr("auto-focus") {
		if p.ctl.autoFocused == nil {
			p.ctl.autoFocused = map[*Node]bool{}
		}
		p.ctl.autoFocused[n] = true
		p.Focus(n, 0)
	}
}
