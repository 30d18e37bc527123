package engine

import "github.com/skyline-go/skyline/gesture"

// Touch input (spec §1.6, §5.5). The caller supplies every time stamp (ms
// since the page opened); the engine has no clock. The touch stream is
// gesture's (gesture.Stream: touch events, tap slop, long press, the drag
// that scrolls the scroll-views under a finger); the page feeds it input
// and serves it as its gesture.StreamHost: hit testing, dispatch, the
// drag's candidates.

// TapSlop is how far (CSS px) a touch may move and still tap or long-press.
const TapSlop = gesture.TapSlop

// LongPressDelay is how long (ms) a touch is held before longpress fires.
const LongPressDelay = gesture.LongPressDelay

// eventState is the page's input state.
type eventState struct {
	hit    gesture.HitTester
	calls  []HandlerCall
	path   []*Node
	steps  []gesture.Step
	stream gesture.Stream[*Node]
}

// TouchStart puts finger id down at page point (x, y) at time t (ms). The
// target is the hit-tested element (HitTest; call Update first); a touch on
// no element dispatches nothing.
func (p *Page) TouchStart(id int, x, y, t float64) {
	p.ev.stream.Start((*streamHost)(p), id, x, y, t)
}

// TouchMove moves finger id to (x, y) at time t.
func (p *Page) TouchMove(id int, x, y, t float64) {
	p.ev.stream.Move((*streamHost)(p), id, x, y, t)
}

// TouchEnd lifts finger id at (x, y) at time t: touchend, then tap when the
// touch stayed within TapSlop and no longpress handler ran.
func (p *Page) TouchEnd(id int, x, y, t float64) {
	p.ev.stream.End((*streamHost)(p), id, x, y, t)
}

// TouchCancel ends finger id without a tap (the system took the touch).
func (p *Page) TouchCancel(id int, t float64) {
	p.ev.stream.Cancel((*streamHost)(p), id, t)
}

// AdvanceTime tells the page that time t (ms) has come: a touch held
// LongPressDelay without straying fires longpress and longtap.
func (p *Page) AdvanceTime(t float64) {
	p.ev.stream.Advance((*streamHost)(p), t)
}

// Tap is a whole tap at (x, y): touch down and up at time t.
func (p *Page) Tap(x, y, t float64) {
	p.TouchStart(0, x, y, t)
	p.TouchEnd(0, x, y, t)
}

// streamHost is the page as gesture.StreamHost.
type streamHost Page

func (h *streamHost) HitTest(x, y float64) *Node {
	return (*Page)(h).HitTest(float32(x), float32(y))
}

func (h *streamHost) Dispatch(typ string, c *gesture.Contact[*Node], t float64) bool {
	if c.Target == nil || c.Target.dead {
		return false
	}
	p := (*Page)(h)
	return p.dispatchTouchEvent(c.Target, EventObject{Type: typ, TimeStamp: t,
		Detail:  map[string]any{"x": c.X, "y": c.Y},
		Touches: p.ev.stream.Touches.List(), ChangedTouches: []Touch{c.Touch()}}) > 0
}

func (h *streamHost) Drag() *gesture.Drag {
	if h.pipe == nil {
		return nil
	}
	return &h.pipe.lt.sc.drag
}

func (h *streamHost) DragCandidates(target *Node, c *gesture.Candidates) {
	p := (*Page)(h)
	for n := target; n != nil; n = n.parent {
		sv := p.laidScrollView(n)
		if sv == nil || !userScrollable(sv) {
			continue
		}
		if !c.Add((*dragView)(sv)) {
			break
		}
	}
}

func (h *streamHost) ScrollClock(t float64) { h.pipe.lt.sc.now = t }
