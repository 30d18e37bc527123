package engine

import (
	"fmt"

	"github.com/skyline-go/skyline/engine/paint"
	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/gesture"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/style"
	"github.com/skyline-go/skyline/widgets"
)

// Form controls (widgets.Control): the page keeps each control's state,
// adapts its nodes to the controls' contract, and runs what the touch
// stream means to them —
//   - press feedback: while a finger is down, the elements with a
//     hover-class on the path from the target up (stopping after one with
//     hover-stop-propagation) carry that class from hover-start-time after
//     the touch until hover-stay-time after the lift, and the target and
//     its ancestors are :active (style.StateActive) until the lift; a touch
//     that strays beyond the tap slop drops both at once;
//   - taps: a switch, checkbox or radio toggles, a label acts on its
//     control, a button with form-type submits or resets its form;
//   - drags: a slider follows the finger (changing, then change);
// and fires their events through the handler-call queue with WeChat's
// detail shapes. The state classes (widgets.Control.Classes) are the
// node's extra classes, refreshed before each restyle.

// controlState is the page's form-control state.
type controlState struct {
	states map[*Node]*widgets.State
	// press is the touch giving press feedback (one at a time: the first
	// finger).
	press *pressState
	// stay are hover classes waiting to come off at their time.
	stay []hoverTimer
	// slider is the slider a finger drags, and which finger.
	slider  *Node
	sliderF int
	classes []string
	swept   int // len(states) after the last sweep of dead nodes
	canvas  controlCanvas
	// focus is the input or textarea with the keyboard (textinput.go);
	// autoFocused the ones their focus attribute already focused.
	focus       *Node
	autoFocused map[*Node]bool
}

type pressState struct {
	finger  int
	start   float64 // when the hover classes come on
	on      bool    // they are on
	hover   []*Node // the elements with a hover class
	active  []*Node // :active elements: the target and its ancestors
	maxStay float64
}

type hoverTimer struct {
	n  *Node
	at float64
}

// nodeAttrs is a node as widgets.Attrs.
type nodeAttrs struct{ n *Node }

func (a nodeAttrs) Attr(name string) (any, bool) {
	at, ok := a.n.Attr(name)
	return at.Value, ok
}

func (a nodeAttrs) Bool(name string) bool { return a.n.BoolAttr(name) }

// ctlState returns n's control state, making it.
func (p *Page) ctlState(n *Node) *widgets.State {
	c := &p.ctl
	if c.states == nil {
		c.states = map[*Node]*widgets.State{}
	}
	s := c.states[n]
	if s == nil {
		s = new(widgets.State)
		c.states[n] = s
	}
	return s
}

// syncControls brings the state and state classes of the controls that
// changed (or all, before the first restyle) up to date; it runs before
// restyle. It reports whether this is a full styling.
func (p *Page) syncControls() bool {
	full := !p.pipe.styled
	if full {
		p.syncSubtree(p.Root())
		return true
	}
	if len(p.ctl.states) > 0 && p.ctl.swept < len(p.ctl.states)/2 {
		// Drop the state of nodes that left the tree for good, now and then
		// (amortised: when the map has doubled since the last sweep).
		for n := range p.ctl.states {
			if n.Dead {
				delete(p.ctl.states, n)
			}
		}
		p.ctl.swept = len(p.ctl.states)
	}
	dirty := p.DirtyNodes()
	for i := 0; i < len(dirty); i++ { // refreshControl may append
		n := dirty[i]
		if n.Dead {
			delete(p.ctl.states, n)
			continue
		}
		if n.Dirty&DirtyInserted != 0 {
			p.syncSubtree(n)
		} else if n.Dirty&(DirtyAttr|DirtyClass) != 0 {
			p.refreshControl(n)
		}
		dirty = p.DirtyNodes()
	}
	return false
}

// syncSubtree refreshes every control under root (a builder's item before
// it is styled: scroll_builder.go).
func (p *Page) syncSubtree(root *Node) {
	root.Walk(func(n *Node) bool {
		p.refreshControl(n)
		return true
	})
}

// refreshControl syncs n's state with its attributes and sets its state
// classes: the control's own and, while pressed, its hover class.
func (p *Page) refreshControl(n *Node) {
	if n.Kind != ElementNode || n.Dead {
		return
	}
	ctl := widgets.ControlOf(n.Tag)
	var s *widgets.State
	if ctl != nil {
		s = p.ctlState(n)
		ctl.Sync(nodeAttrs{n}, s)
		p.autoFocus(n)
	} else if s = p.ctl.states[n]; s == nil && len(n.ExtraClasses()) == 0 {
		return
	}
	cls := p.ctl.classes[:0]
	if ctl != nil && ctl.Classes != nil {
		cls = ctl.Classes(cls, nodeAttrs{n}, s)
	}
	if s != nil && s.Pressed {
		if h := widgets.HoverClassOf(n.Tag, nodeAttrs{n}); h != "" {
			cls = append(cls, h)
		}
	}
	if n.SetExtraClasses(cls) {
		p.MarkDirty(n, DirtyClass)
	}
	p.ctl.classes = cls[:0]
}

// sizeControls gives the controls restyled this frame (every one when
// full) the size their attributes ask for on an axis left auto
// (widgets.Control.Size); it runs between restyle and relayout.
func (p *Page) sizeControls(full bool) {
	if full {
		p.sizeSubtree(p.Root())
		return
	}
	for _, n := range p.pipe.restyled {
		p.sizeControl(n)
	}
}

// sizeControl applies control n's Trail text and attribute size.
func (p *Page) sizeControl(n *Node) {
	if n.Kind != ElementNode || n.Style == nil {
		return
	}
	ctl := widgets.ControlOf(n.Tag)
	if ctl == nil {
		return
	}
	if ctl.Trail != nil && rtOf(n) != nil && rtOf(n).after != nil {
		if txt, ok := ctl.Trail(nodeAttrs{n}, p.ctlState(n)); ok {
			rtOf(n).after.Content = txt
		}
	}
	if ctl.Size == nil {
		return
	}
	w, h := ctl.Size(nodeAttrs{n})
	if w > 0 && n.Style.Width.IsAuto() {
		n.Style.Width = style.Px(w)
	}
	if h > 0 && n.Style.Height.IsAuto() {
		n.Style.Height = style.Px(h)
	}
}

// sizeSubtree sizes every control under root (a builder's item after it
// is styled).
func (p *Page) sizeSubtree(root *Node) {
	root.Walk(func(n *Node) bool {
		p.sizeControl(n)
		return true
	})
}

// controlPaints reports whether n's box draws part of itself.
func controlPaints(n *Node) bool {
	if n == nil || n.Kind != ElementNode {
		return false
	}
	ctl := widgets.ControlOf(n.Tag)
	return ctl != nil && ctl.Paint != nil
}

// PaintControl implements paint.ControlTree: the control draws in its box
// through a canvas that scales CSS px to the frame's device px.
func (h *paintHost) PaintControl(pt *paint.Painter, id layout.NodeID) {
	b := &h.t.boxes[id]
	n := b.node
	ctl := widgets.ControlOf(n.Tag)
	if ctl == nil || ctl.Paint == nil {
		return
	}
	box := h.t.controlBox(b)
	cv := &h.t.page.ctl.canvas
	cv.pt = pt
	ctl.Paint(cv, box, b.style, nodeAttrs{n}, h.t.page.ctlState(n))
	cv.pt = nil
}

// controlBox is b as widgets.Box with its ::before and ::after boxes.
func (t *layoutTree) controlBox(b *lbox) widgets.Box {
	box := boxOf(b)
	if n := b.node; len(b.children) > 0 && rtOf(n) != nil {
		if c := &t.boxes[b.children[0]]; c.kind == boxPseudo && c.node == n && c.style == rtOf(n).before {
			lead := boxOf(c)
			box.Lead = &lead
		}
		if c := &t.boxes[b.children[len(b.children)-1]]; c.kind == boxPseudo && c.node == n && c.style == rtOf(n).after {
			trail := boxOf(c)
			box.Trail = &trail
		}
	}
	return box
}

// boxOf is a laid-out box as widgets.Box.
func boxOf(b *lbox) widgets.Box {
	l := &b.lay
	return widgets.Box{X: b.absX, Y: b.absY, W: l.Size.Width, H: l.Size.Height,
		Border:  [4]float32{l.Border.Top, l.Border.Right, l.Border.Bottom, l.Border.Left},
		Padding: [4]float32{l.Padding.Top, l.Padding.Right, l.Padding.Bottom, l.Padding.Left}}
}

// controlCanvas is a Painter as widgets.Canvas, with a scratch path.
type controlCanvas struct {
	pt   *paint.Painter
	path raster.Path
}

func (c *controlCanvas) Fill(r raster.RRect, col style.Color) {
	d := c.pt.DPR()
	r.Rect = raster.Rect{X0: r.Rect.X0 * d, Y0: r.Rect.Y0 * d, X1: r.Rect.X1 * d, Y1: r.Rect.Y1 * d}
	sc := func(q raster.Point) raster.Point { return raster.Point{X: q.X * d, Y: q.Y * d} }
	r.Radii = raster.Radii{TopLeft: sc(r.Radii.TopLeft), TopRight: sc(r.Radii.TopRight),
		BottomRight: sc(r.Radii.BottomRight), BottomLeft: sc(r.Radii.BottomLeft)}
	c.pt.Fill(r, raster.Solid(paint.Color(col)))
}

func (c *controlCanvas) FillPath(p *raster.Path, col style.Color) {
	c.pt.FillPath(p.Segs, c.pt.DPR(), paint.Color(col))
}

func (c *controlCanvas) Path() *raster.Path {
	c.path.Reset()
	return &c.path
}

// --- input ---

// controlInput runs what touch event typ of contact c means to the form
// controls, after the page's own handlers for it were queued.
func (p *Page) controlInput(typ string, c *gesture.Contact[*Node], t float64) {
	p.controlsAdvance(t)
	n := c.Target
	cs := &p.ctl
	switch typ {
	case "touchstart":
		if cs.press == nil {
			p.pressStart(c, t)
		}
		if s := closest(n, "slider"); s != nil && cs.slider == nil && !s.BoolAttr("disabled") {
			cs.slider, cs.sliderF = s, c.ID
			p.slideTo(s, c.X, t, "")
		}
	case "touchmove":
		if cs.press != nil && cs.press.finger == c.ID && !c.Taps() {
			p.pressEnd(t, false) // strayed: no press feedback
		}
		if cs.slider != nil && cs.sliderF == c.ID {
			p.slideTo(cs.slider, c.X, t, "changing")
		}
	case "touchend", "touchcancel":
		if cs.press != nil && cs.press.finger == c.ID {
			p.pressEnd(t, true)
		}
		if cs.slider != nil && cs.sliderF == c.ID {
			s := cs.slider
			cs.slider = nil
			if !s.Dead {
				p.fireControl(s, "change", map[string]any{"value": p.ctlState(s).Value}, t)
			}
		}
	case "tap":
		p.controlTap(n, t)
	}
}

// PressPending reports whether press feedback is still to change by
// itself: a hover class waiting for its hover-start-time or for its
// hover-stay-time after a lift. A host that draws only on change keeps
// advancing time (AdvanceTime) and drawing while it is true.
func (p *Page) PressPending() bool {
	return len(p.ctl.stay) > 0 || p.ctl.press != nil && !p.ctl.press.on && len(p.ctl.press.hover) > 0
}

// controlsAdvance runs the press-feedback timers due at time t (ms).
func (p *Page) controlsAdvance(t float64) {
	cs := &p.ctl
	if pr := cs.press; pr != nil && !pr.on && t >= pr.start {
		pr.on = true
		for _, n := range pr.hover {
			p.setPressed(n, true)
		}
	}
	keep := cs.stay[:0]
	for _, h := range cs.stay {
		if t >= h.at {
			if pr := cs.press; pr == nil || !containsNode(pr.hover, h.n) {
				p.setPressed(h.n, false)
			}
			continue
		}
		keep = append(keep, h)
	}
	cs.stay = keep
}

func containsNode(list []*Node, n *Node) bool {
	for _, m := range list {
		if m == n {
			return true
		}
	}
	return false
}

// pressStart begins press feedback for contact c.
func (p *Page) pressStart(c *gesture.Contact[*Node], t float64) {
	pr := &pressState{finger: c.ID, start: t}
	first := true
	for n := c.Target; n != nil; n = n.Parent() {
		if n.Kind != ElementNode {
			continue
		}
		n.States |= style.StateActive
		pr.active = append(pr.active, n)
		if first {
			// The target's subtree re-matches (.btn:active .label); its
			// ancestors only themselves.
			n.Walk(func(d *Node) bool {
				if d.Kind == ElementNode {
					p.MarkDirty(d, DirtyAttr)
				}
				return true
			})
		} else {
			p.MarkDirty(n, DirtyClass)
		}
		first = false
	}
	for n := c.Target; n != nil; n = n.Parent() {
		if n.Kind != ElementNode {
			continue
		}
		a := nodeAttrs{n}
		if widgets.HoverClassOf(n.Tag, a) != "" {
			start, stay := widgets.HoverTimes(n.Tag, a)
			if len(pr.hover) == 0 {
				pr.start = t + start
			}
			pr.hover = append(pr.hover, n)
			pr.maxStay = max(pr.maxStay, stay)
			if n.BoolAttr("hover-stop-propagation") {
				break
			}
		}
	}
	p.ctl.press = pr
	p.controlsAdvance(t) // a start time of 0 shows at once
}

// pressEnd ends the press: :active comes off now, the hover classes after
// their stay time (lifted) or now (strayed, cancelled before showing).
func (p *Page) pressEnd(t float64, lifted bool) {
	pr := p.ctl.press
	p.ctl.press = nil
	for _, n := range pr.active {
		n.States &^= style.StateActive
		if n.Dead {
			continue
		}
		p.MarkDirty(n, DirtyClass)
		if n == pr.active[0] {
			n.Walk(func(d *Node) bool {
				if d.Kind == ElementNode {
					p.MarkDirty(d, DirtyAttr)
				}
				return true
			})
		}
	}
	for _, n := range pr.hover {
		if !pr.on {
			continue
		}
		if lifted {
			_, stay := widgets.HoverTimes(n.Tag, nodeAttrs{n})
			p.ctl.stay = append(p.ctl.stay, hoverTimer{n, t + stay})
		} else {
			p.setPressed(n, false)
		}
	}
	p.controlsAdvance(t)
}

// setPressed turns n's hover class on or off.
func (p *Page) setPressed(n *Node, on bool) {
	if n.Dead {
		return
	}
	s := p.ctlState(n)
	if s.Pressed == on {
		return
	}
	s.Pressed = on
	p.refreshControl(n)
}

// closest is n or its nearest ancestor of tag.
func closest(n *Node, tag string) *Node {
	for ; n != nil; n = n.Parent() {
		if n.Kind == ElementNode && n.Tag == tag {
			return n
		}
	}
	return nil
}

// slides reports whether the touch starting on target drags a slider
// (controlInput took it at its touchstart): the scroll-views around it
// then do not scroll. A wheel over a slider still scrolls.
func (p *Page) slides(target *Node) bool {
	return p.ctl.slider != nil && closest(target, "slider") == p.ctl.slider
}

// slideTo moves slider s to the value at page x, firing ev ("changing")
// when it changed.
func (p *Page) slideTo(s *Node, x float64, t float64, ev string) {
	b := p.controlBox(s)
	if b == nil {
		return
	}
	st := p.ctlState(s)
	v := widgets.SliderValueAt(*b, nodeAttrs{s}, float32(x))
	if v == st.Value {
		return
	}
	st.Value = v
	p.MarkDirty(s, DirtyAttr) // repaint
	if ev != "" {
		p.fireControl(s, ev, map[string]any{"value": v}, t)
	}
}

// controlBox is n's laid-out border box, nil when it has none.
func (p *Page) controlBox(n *Node) *widgets.Box {
	if _, ok := p.layoutOf(n); !ok {
		return nil
	}
	b := p.pipe.lt.controlBox(&p.pipe.lt.boxes[n.Index])
	return &b
}

// controlTap runs a tap's default action: the nearest switch, checkbox,
// radio or button from target up acts; a label met first acts on its
// control.
func (p *Page) controlTap(target *Node, t float64) {
	if p.inputTap(target, t) || p.navigatorTap(target) || p.pickerTap(target) {
		return
	}
	for n := target; n != nil; n = n.Parent() {
		if n.Kind != ElementNode {
			continue
		}
		ctl := widgets.ControlOf(n.Tag)
		if ctl == nil {
			continue
		}
		switch {
		case widgets.LabelTarget(ctl.Kind) || ctl.Kind == widgets.ControlButton:
			p.activate(n, t)
			return
		case ctl.Kind == widgets.ControlLabel:
			if c := p.labelControl(n); c != nil {
				p.activate(c, t)
			}
			return
		}
	}
}

// labelControl is the control label l acts on: the element its for
// attribute names, else its first switch, checkbox, radio or button.
func (p *Page) labelControl(l *Node) *Node {
	if id := widgets.String(nodeAttrs{l}, "for", ""); id != "" {
		var found *Node
		p.Root().Walk(func(n *Node) bool {
			if found == nil && n.Kind == ElementNode && n.ID() == id {
				found = n
			}
			return found == nil
		})
		return found
	}
	var found *Node
	l.Walk(func(n *Node) bool {
		if found != nil {
			return false
		}
		if n.Kind == ElementNode {
			if ctl := widgets.ControlOf(n.Tag); ctl != nil && (widgets.LabelTarget(ctl.Kind) || ctl.Kind == widgets.ControlButton) {
				found = n
			}
		}
		return found == nil
	})
	return found
}

// activate does what a tap on control n does.
func (p *Page) activate(n *Node, t float64) {
	ctl := widgets.ControlOf(n.Tag)
	if ctl == nil || n.BoolAttr("disabled") {
		return
	}
	s := p.ctlState(n)
	switch ctl.Kind {
	case widgets.ControlSwitch:
		s.Checked = !s.Checked
		p.MarkDirty(n, DirtyAttr)
		p.fireControl(n, "change", map[string]any{"value": s.Checked}, t)
	case widgets.ControlCheckbox:
		s.Checked = !s.Checked
		p.MarkDirty(n, DirtyAttr)
		if g := closest(n.Parent(), ctl.Group); g != nil {
			p.fireControl(g, "change", map[string]any{"value": p.groupValues(g, widgets.ControlCheckbox)}, t)
		}
	case widgets.ControlRadio:
		if s.Checked {
			return
		}
		s.Checked = true
		p.MarkDirty(n, DirtyAttr)
		g := closest(n.Parent(), ctl.Group)
		if g == nil {
			return
		}
		g.Walk(func(m *Node) bool {
			if m != n && m.Kind == ElementNode && m.Tag == "radio" && closest(m.Parent(), ctl.Group) == g {
				if ms := p.ctlState(m); ms.Checked {
					ms.Checked = false
					p.MarkDirty(m, DirtyAttr)
				}
			}
			return true
		})
		p.fireControl(g, "change", map[string]any{"value": widgets.String(nodeAttrs{n}, "value", "")}, t)
	case widgets.ControlButton:
		if widgets.Bool(nodeAttrs{n}, "loading") {
			return
		}
		if ot := widgets.String(nodeAttrs{n}, "open-type", ""); ot != "" {
			p.openType(n, ot, t)
		}
		switch widgets.String(nodeAttrs{n}, "form-type", "") {
		case "submit":
			if f := closest(n.Parent(), "form"); f != nil {
				p.fireControl(f, "submit", map[string]any{"value": p.formValues(f)}, t)
			}
		case "reset":
			if f := closest(n.Parent(), "form"); f != nil {
				p.formReset(f)
				p.fireControl(f, "reset", map[string]any{}, t)
			}
		}
	}
}

// openType fires the event of a button's open-type with a failure (the
// platform part is not the renderer's) and warns once.
func (p *Page) openType(n *Node, ot string, t float64) {
	ev, api, ok := widgets.OpenTypeEvent(ot)
	if !ok {
		p.warnOnce(n.Pos, fmt.Sprintf("button open-type %q is not one of WeChat's", ot))
		return
	}
	p.warnOnce(n.Pos, fmt.Sprintf("button open-type %q: the platform part (%s) is the host's; the renderer reports a failure", ot, api))
	if ev != "" {
		p.fireControl(n, ev, map[string]any{"errMsg": api + ":fail not supported by the renderer"}, t)
	}
}

// groupValues are the values of group g's checked members of kind k (its
// own, not those of a nested group), in document order.
func (p *Page) groupValues(g *Node, k widgets.ControlKind) []any {
	out := []any{}
	g.Walk(func(m *Node) bool {
		if m == g || m.Kind != ElementNode {
			return true
		}
		ctl := widgets.ControlOf(m.Tag)
		if ctl == nil {
			return true
		}
		if ctl.Kind == widgets.ControlGroup {
			return false // a nested group keeps its members
		}
		if ctl.Kind == k && p.ctlState(m).Checked {
			out = append(out, widgets.String(nodeAttrs{m}, "value", ""))
		}
		return true
	})
	return out
}

// formValues collects form f's named controls (widgets.FormValue).
func (p *Page) formValues(f *Node) map[string]any {
	out := map[string]any{}
	f.Walk(func(m *Node) bool {
		if m == f || m.Kind != ElementNode {
			return true
		}
		name := widgets.String(nodeAttrs{m}, "name", "")
		if name == "" {
			return true
		}
		var checked []string
		switch m.Tag {
		case "checkbox-group", "radio-group":
			k := widgets.ControlCheckbox
			if m.Tag == "radio-group" {
				k = widgets.ControlRadio
			}
			for _, v := range p.groupValues(m, k) {
				checked = append(checked, v.(string))
			}
		}
		if v, ok := widgets.FormValue(m.Tag, nodeAttrs{m}, p.ctlState(m), checked); ok {
			if ss, isList := v.([]string); isList {
				l := make([]any, len(ss))
				for i, s := range ss {
					l[i] = s
				}
				v = l
			}
			out[name] = v
		}
		return true
	})
	return out
}

// formReset puts form f's controls back to their attributes.
func (p *Page) formReset(f *Node) {
	f.Walk(func(m *Node) bool {
		if m.Kind == ElementNode {
			if ctl := widgets.ControlOf(m.Tag); ctl != nil && ctl.Follows != nil {
				ctl.Reset(nodeAttrs{m}, p.ctlState(m))
				p.MarkDirty(m, DirtyAttr)
			}
		}
		return true
	})
}

// fireControl dispatches a built-in component's event (change, changing,
// submit, reset) at n: it does not bubble (WeChat's component events
// reach the element's own bindings only).
func (p *Page) fireControl(n *Node, typ string, detail map[string]any, t float64) {
	path := p.ev.path[:0]
	for m := n; m != nil; m = m.Parent() {
		path = append(path, m)
	}
	p.ev.path = path
	p.dispatch(n, path, EventObject{Type: typ, TimeStamp: t, Detail: detail}, false, false)
}
