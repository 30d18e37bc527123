package engine

import "github.com/skyline-go/skyline/gesture"

// Touch input (spec §1.6). The caller supplies every time stamp (ms since
// the page opened); the engine has no clock. The touch stream — which
// finger targets what, when a touch taps or long-presses — is gesture's
// (gesture.Touches); the page hit-tests, feeds it, dispatches the events it
// reports, and feeds the same touches to the scroll-views under them
// (events_scroll.go): a touch a scroll-view claimed, or one that caught a
// moving scroll-view, neither taps nor long-presses.

// TapSlop is how far (CSS px) a touch may move and still tap or long-press.
const TapSlop = gesture.TapSlop

// LongPressDelay is how long (ms) a touch is held before longpress fires.
const LongPressDelay = gesture.LongPressDelay

// eventState is the page's input state.
type eventState struct {
	hit     gesture.HitTester
	calls   []HandlerCall
	path    []*Node
	steps   []gesture.Step
	touches gesture.Touches[*Node]
}

// touchContact is one finger down, targeting a node.
type touchContact = gesture.Contact[*Node]

func (p *Page) touchEvent(typ string, c *touchContact, t float64) {
	if c.Target == nil || c.Target.dead {
		return
	}
	p.dispatchTouchEvent(c.Target, EventObject{Type: typ, TimeStamp: t,
		Detail:  map[string]any{"x": c.X, "y": c.Y},
		Touches: p.ev.touches.List(), ChangedTouches: []Touch{c.Touch()}})
}

// TouchStart puts finger id down at page point (x, y) at time t (ms). The
// target is the hit-tested element (HitTest; call Update first); a touch on
// no element dispatches nothing.
func (p *Page) TouchStart(id int, x, y, t float64) {
	p.AdvanceTime(t)
	if p.ev.touches.Get(id) != nil {
		p.TouchCancel(id, t)
	}
	p.touchEvent("touchstart", p.ev.touches.Start(id, p.HitTest(float32(x), float32(y)), x, y, t), t)
	if p.dragStart(id, x, y, t) {
		if c := p.ev.touches.Get(id); c != nil {
			c.SetScrolled()
		}
	}
}

// TouchMove moves finger id to (x, y) at time t.
func (p *Page) TouchMove(id int, x, y, t float64) {
	p.AdvanceTime(t)
	c := p.ev.touches.Move(id, x, y)
	if c == nil {
		return
	}
	p.touchEvent("touchmove", c, t)
	if p.dragMove(id, x, y, t) {
		if c := p.ev.touches.Get(id); c != nil {
			c.SetScrolled()
		}
	}
}

// TouchEnd lifts finger id at (x, y) at time t: touchend, then tap when the
// touch stayed within TapSlop and no longpress handler ran.
func (p *Page) TouchEnd(id int, x, y, t float64) {
	p.AdvanceTime(t)
	c, ok := p.ev.touches.Lift(id, x, y)
	if !ok {
		return
	}
	// The lift position moves the content first: it may claim the drag.
	if p.dragMove(id, x, y, t) {
		c.SetScrolled()
	}
	p.touchEvent("touchend", &c, t)
	if c.Taps() {
		p.touchEvent("tap", &c, t)
	}
	p.dragEnd(id, false) // a claimed drag flings
}

// TouchCancel ends finger id without a tap (the system took the touch).
func (p *Page) TouchCancel(id int, t float64) {
	c, ok := p.ev.touches.Cancel(id)
	if !ok {
		return
	}
	p.touchEvent("touchcancel", &c, t)
	p.dragEnd(id, true) // no fling: the content settles
}

// AdvanceTime tells the page that time t (ms) has come: a touch held
// LongPressDelay without straying fires longpress and longtap.
func (p *Page) AdvanceTime(t float64) {
	for c := p.ev.touches.LongPressDue(t); c != nil; c = p.ev.touches.LongPressDue(t) {
		before := len(p.ev.calls)
		p.touchEvent("longpress", c, t)
		c.LongPressHandled(len(p.ev.calls) > before)
		p.touchEvent("longtap", c, t)
	}
}

// Tap is a whole tap at (x, y): touch down and up at time t.
func (p *Page) Tap(x, y, t float64) {
	p.TouchStart(0, x, y, t)
	p.TouchEnd(0, x, y, t)
}
