package widgets

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/style"
)

// The contract between a form control (button, switch, checkbox, radio,
// slider, progress, icon, label, form) and the host that runs it. A
// control is a Component with a Control: the host keeps one State per
// node, reads the node's attributes through Attrs, and asks the control
//   - for the state classes its default rules style (Classes: the look that
//     default CSS can express, with specificity (0,1,0) as WeChat's
//     `button[type=primary]` rules have over an author's tag rule);
//   - to draw what CSS cannot (Paint: a switch's track and knob, a
//     checkmark, a slider, an icon) through a Canvas in CSS px;
//   - what a tap or a drag does to its state (Tap, Drag), and which event
//     that fires, with WeChat's detail shape.
// Tree-wide behaviour — a checkbox-group collecting its checkboxes, a
// label toggling its control, a form collecting named values — is the
// host's walk over its nodes, driven by the fields below (Group, Toggles,
// FormValue). A control never sees the host's nodes.

// Attrs is what a control reads of its node: attribute values as bound
// (spec §1.2: a literal is a string, a bare attribute true, a binding any
// value).
type Attrs interface {
	Attr(name string) (any, bool)
	Bool(name string) bool
}

// State is the per-node state the host keeps for a control.
type State struct {
	// Pressed: a finger is down on the element (after hover-start-time)
	// or was lifted less than hover-stay-time ago.
	Pressed bool
	// Checked is a switch, checkbox or radio's value; Value a slider's;
	// Text an input's, Focused while it has the keyboard.
	Checked bool
	Value   float64
	Text    string
	Focused bool
	// seen is the attribute text Checked / Value were last taken from: a
	// user toggle keeps its value until the page sets the attribute to
	// something new (WeChat's uncontrolled components).
	seen  string
	ready bool
}

// Sync takes Checked (attribute "checked") or Value (attribute "value") from
// a when the attribute changed since the last Sync, so that setData wins
// over a user's toggle only when it says something new.
func (c *Control) Sync(a Attrs, s *State) {
	if c.Follows == nil {
		return
	}
	key := c.Follows(a)
	if s.ready && key == s.seen {
		return
	}
	s.ready, s.seen = true, key
	c.Reset(a, s)
}

// Reset takes the state from the attributes (form reset).
func (c *Control) Reset(a Attrs, s *State) {
	if c.Follows == nil {
		return
	}
	if c.Kind == ControlSlider {
		s.Value = sliderValue(a, Number(a, "value", 0))
		return
	}
	if c.Kind == ControlInput {
		s.Text = clampInput(a, String(a, "value", ""))
		return
	}
	s.Checked = Bool(a, "checked")
}

// ControlKind names the control's behaviour class.
type ControlKind uint8

const (
	ControlNone     ControlKind = iota
	ControlButton               // form-type submit / reset
	ControlSwitch               // toggles; change {value: bool}
	ControlCheckbox             // toggles within a checkbox-group
	ControlRadio                // selects within a radio-group
	ControlGroup                // checkbox-group / radio-group: fires change
	ControlSlider               // drags; changing / change {value}
	ControlLabel                // forwards a tap to its control
	ControlForm                 // collects values: submit / reset
	ControlStatic               // draws only (progress, icon)
	ControlInput                // input / textarea: focus, typed text; input / focus / blur / confirm
)

// Box is an element's border box in CSS px with its border and padding
// widths (top, right, bottom, left).
type Box struct {
	X, Y, W, H      float32
	Border, Padding [4]float32
	// Lead is the box of the element's ::before content when it has one
	// (where a loading button draws its spinner), else nil; Trail that of
	// its ::after content (a slider's value, a progress bar's percentage).
	Lead, Trail *Box
}

// inner is the room left of the Trail box (less its gap) in the content
// box: where a slider's track or a progress bar runs.
func (b Box) inner(gap float32) (x, y, w, h float32) {
	x, y, w, h = b.Content()
	if b.Trail != nil {
		w = max(min(w, b.Trail.X-gap-x), 0)
	}
	return x, y, w, h
}

// Content returns the content box.
func (b Box) Content() (x, y, w, h float32) {
	x = b.X + b.Border[3] + b.Padding[3]
	y = b.Y + b.Border[0] + b.Padding[0]
	w = b.W - b.Border[1] - b.Border[3] - b.Padding[1] - b.Padding[3]
	h = b.H - b.Border[0] - b.Border[2] - b.Padding[0] - b.Padding[2]
	return x, y, max(w, 0), max(h, 0)
}

// Canvas is what a control draws through, in CSS px of the page (the host
// scales to device px). Paths fill with the nonzero rule.
type Canvas interface {
	Fill(r raster.RRect, c style.Color)
	FillPath(p *raster.Path, c style.Color)
	// Path is an empty scratch path, reused from frame to frame (so a
	// steady frame allocates nothing); it is valid until the next call.
	Path() *raster.Path
}

// Control is a component's behaviour beyond its default style.
type Control struct {
	Kind ControlKind
	// HoverClass is the default of the hover-class attribute ("none":
	// no press feedback).
	HoverClass string
	// Classes appends the state classes for a and s to dst.
	Classes func(dst []string, a Attrs, s *State) []string
	// Paint draws the control in box b with computed style st.
	Paint func(c Canvas, b Box, st *style.Computed, a Attrs, s *State)
	// Follows returns the text of the attribute the state follows (see
	// Sync); nil for a control without a value.
	Follows func(a Attrs) string
	// Size is the box's size from attributes (icon size, progress
	// stroke-width, slider block-size) on each axis whose computed width /
	// height is auto; 0 leaves that axis alone.
	Size func(a Attrs) (w, h float32)
	// Trail is the text of the element's ::after content (a state class
	// gives it the box, content ""): a slider's value, a progress bar's
	// percentage; ok false leaves the content alone.
	Trail func(a Attrs, s *State) (text string, ok bool)
	// Group is the tag of the group that collects this control's value
	// (checkbox-group, radio-group); "" when none.
	Group string
}

// Disabled reports the disabled attribute.
func Disabled(a Attrs) bool { return Bool(a, "disabled") }

// Bool reads a boolean attribute by the host's rule (spec §8.9: absent
// false, any literal — bare or even "false" — true, a binding by its
// truthiness).
func Bool(a Attrs, name string) bool { return a.Bool(name) }

// String reads an attribute as text, def when absent.
func String(a Attrs, name, def string) string {
	v, ok := a.Attr(name)
	if !ok || v == nil {
		return def
	}
	if s, ok := v.(string); ok {
		return strings.TrimSpace(s)
	}
	return fmt.Sprint(v)
}

// Number reads a numeric attribute (a number, or text that parses as one;
// "20px" reads as 20), def when absent or not a number.
func Number(a Attrs, name string, def float64) float64 {
	v, ok := a.Attr(name)
	if !ok {
		return def
	}
	switch x := v.(type) {
	case float64:
		return x
	case int:
		return float64(x)
	case string:
		s := strings.TrimSuffix(strings.TrimSpace(x), "px")
		if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			return f
		}
	}
	return def
}

// ColorAttr reads a colour attribute (#rgb, #rrggbb, #rrggbbaa, rgb(),
// rgba() or a few names), def when absent or unreadable.
func ColorAttr(a Attrs, name string, def style.Color) style.Color {
	s := String(a, name, "")
	if c, ok := ParseColor(s); ok {
		return c
	}
	return def
}

// ParseColor reads the colour forms component attributes take.
func ParseColor(s string) (style.Color, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "":
		return style.Color{}, false
	case "red":
		return style.Color{R: 255, A: 255}, true
	case "green":
		return style.Color{G: 128, A: 255}, true
	case "blue":
		return style.Color{B: 255, A: 255}, true
	case "black":
		return style.Black, true
	case "white":
		return style.White, true
	case "transparent":
		return style.Transparent, true
	}
	if strings.HasPrefix(s, "#") {
		h := s[1:]
		if len(h) == 3 || len(h) == 4 {
			var b strings.Builder
			for _, r := range h {
				b.WriteRune(r)
				b.WriteRune(r)
			}
			h = b.String()
		}
		if len(h) != 6 && len(h) != 8 {
			return style.Color{}, false
		}
		v, err := strconv.ParseUint(h, 16, 32)
		if err != nil {
			return style.Color{}, false
		}
		if len(h) == 6 {
			v = v<<8 | 0xff
		}
		return style.Color{R: uint8(v >> 24), G: uint8(v >> 16), B: uint8(v >> 8), A: uint8(v)}, true
	}
	if i := strings.IndexByte(s, '('); i > 0 && strings.HasSuffix(s, ")") && strings.HasPrefix(s, "rgb") {
		parts := strings.FieldsFunc(s[i+1:len(s)-1], func(r rune) bool { return r == ',' || r == ' ' || r == '/' })
		if len(parts) < 3 {
			return style.Color{}, false
		}
		var c [4]float64
		c[3] = 1
		for k := 0; k < len(parts) && k < 4; k++ {
			p := parts[k]
			pct := strings.HasSuffix(p, "%")
			f, err := strconv.ParseFloat(strings.TrimSuffix(p, "%"), 64)
			if err != nil {
				return style.Color{}, false
			}
			if pct {
				f /= 100
				if k < 3 {
					f *= 255
				}
			}
			c[k] = f
		}
		cl := func(f, hi float64) uint8 { return uint8(math.Round(min(max(f, 0), hi))) }
		return style.Color{R: cl(c[0], 255), G: cl(c[1], 255), B: cl(c[2], 255), A: cl(c[3]*255, 255)}, true
	}
	return style.Color{}, false
}

// WeUI's colours.
var (
	weuiGreen = style.Color{R: 0x07, G: 0xc1, B: 0x60, A: 255}
	weuiRed   = style.Color{R: 0xfa, G: 0x51, B: 0x51, A: 255}
	weuiBlue  = style.Color{R: 0x10, G: 0xae, B: 0xff, A: 255}
	weuiGrey  = style.Color{R: 0xb2, G: 0xb2, B: 0xb2, A: 255}
)

// withAlpha scales c's alpha by f (disabled controls draw at half).
func withAlpha(c style.Color, f float32) style.Color {
	c.A = uint8(float32(c.A)*f + 0.5)
	return c
}

// ControlOf returns the Control of the built-in component named tag, nil
// when it has none.
func ControlOf(tag string) *Control {
	if c, ok := builtins[tag]; ok {
		return c.Control
	}
	return nil
}

// HoverClassOf is the class an element of tag gets while pressed: its
// hover-class attribute, else the component's default; "" for none.
func HoverClassOf(tag string, a Attrs) string {
	def := "none"
	if c := ControlOf(tag); c != nil && c.HoverClass != "" {
		def = c.HoverClass
	}
	h := String(a, "hover-class", def)
	if h == "none" || (tag == "button" && Disabled(a)) {
		return ""
	}
	return h
}

// HoverTimes are hover-start-time and hover-stay-time in ms (spec §4.1:
// 50 and 400; button: 20 and 70, as WeChat documents).
func HoverTimes(tag string, a Attrs) (start, stay float64) {
	start, stay = 50, 400
	if tag == "button" {
		start, stay = 20, 70
	}
	return Number(a, "hover-start-time", start), Number(a, "hover-stay-time", stay)
}

// circle appends a closed circle to p (cw: clockwise; the opposite
// winding cuts a hole).
func circle(p *raster.Path, cx, cy, r float32, cw bool) {
	p.AddRRect(raster.RRect{Rect: raster.XYWH(cx-r, cy-r, 2*r, 2*r), Radii: uniform(r)}, cw)
}

// ring appends a circle outline of width w centred on radius r.
func ring(p *raster.Path, cx, cy, r, w float32) {
	circle(p, cx, cy, r+w/2, true)
	circle(p, cx, cy, r-w/2, false)
}

func uniform(r float32) raster.Radii {
	pt := raster.Point{X: r, Y: r}
	return raster.Radii{TopLeft: pt, TopRight: pt, BottomRight: pt, BottomLeft: pt}
}

// stroke appends a polyline of width w with round joins and caps.
func stroke(p *raster.Path, w float32, pts ...raster.Point) {
	h := w / 2
	for i := 0; i+1 < len(pts); i++ {
		a, b := pts[i], pts[i+1]
		dx, dy := b.X-a.X, b.Y-a.Y
		l := float32(math.Hypot(float64(dx), float64(dy)))
		if l == 0 {
			continue
		}
		nx, ny := -dy/l*h, dx/l*h
		quad := []raster.Point{{X: a.X + nx, Y: a.Y + ny}, {X: b.X + nx, Y: b.Y + ny}, {X: b.X - nx, Y: b.Y - ny}, {X: a.X - nx, Y: a.Y - ny}}
		if shoelace(quad) < 0 { // clockwise on screen (y down), as circle's cw
			quad[0], quad[1], quad[2], quad[3] = quad[3], quad[2], quad[1], quad[0]
		}
		p.AddPolygon(quad...)
	}
	for _, q := range pts {
		circle(p, q.X, q.Y, h, true)
	}
}

// shoelace is twice the signed area of a polygon; positive is clockwise on
// a y-down screen.
func shoelace(pts []raster.Point) float32 {
	var a float32
	for i := range pts {
		j := (i + 1) % len(pts)
		a += pts[i].X*pts[j].Y - pts[j].X*pts[i].Y
	}
	return a
}
