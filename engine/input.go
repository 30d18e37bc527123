package engine

import (
	"iter"
	"math"

	"github.com/skyline-go/skyline/gesture"
	"github.com/skyline-go/skyline/scroll"
)

// Input (spec §1.6, §4.5, §5.5). The caller supplies every time stamp (ms
// since the page opened, seconds for the Pointer* calls); the engine has no
// clock. What input means is gesture's: gesture.Stream turns touches into
// touch events, taps and long presses and drives the drag that scrolls the
// scroll-views under a finger (min-drag-distance claims, flings with the
// velocity of the last 100 ms); gesture.Wheel routes wheel deltas. The page
// feeds it input and serves it as its gesture.StreamHost: hit testing
// (hittest.go), dispatch (events.go), and its scroll-views as
// gesture.Scrollable.

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
	stream  gesture.Stream[*Node]
	gest    gestureState    // gesture handler components (gesturehandlers.go)
	navs    []Navigation    // navigator taps for the host (navigator.go)
	pickers []PickerRequest // pickers to open for the host (picker.go)
}

// TouchStart puts finger id down at page point (x, y) at time t (ms). The
// target is the hit-tested element (HitTest; call Update first); a touch on
// no element dispatches nothing.
func (p *Page) TouchStart(id int, x, y, t float64) {
	p.ev.stream.Start((*streamHost)(p), id, x, y, t)
	p.gestureDown(id, x, y, t)
}

// TouchMove moves finger id to (x, y) at time t.
func (p *Page) TouchMove(id int, x, y, t float64) {
	p.gestureMove(id, x, y, t) // a handler that wins first keeps the scroll-views out
	p.ev.stream.Move((*streamHost)(p), id, x, y, t)
}

// TouchEnd lifts finger id at (x, y) at time t: touchend, then tap when the
// touch stayed within TapSlop and no longpress handler ran.
func (p *Page) TouchEnd(id int, x, y, t float64) {
	p.ev.stream.End((*streamHost)(p), id, x, y, t)
	p.gestureUp(id, x, y, t)
}

// TouchCancel ends finger id without a tap (the system took the touch).
func (p *Page) TouchCancel(id int, t float64) {
	p.ev.stream.Cancel((*streamHost)(p), id, t)
	p.gestureCancel(t)
}

// AdvanceTime tells the page that time t (ms) has come: a touch held
// LongPressDelay without straying fires longpress and longtap.
func (p *Page) AdvanceTime(t float64) {
	p.ev.stream.Advance((*streamHost)(p), t)
	p.gestureAdvance(t)
	p.controlsAdvance(t)
}

// Tap is a whole tap at (x, y): touch down and up at time t.
func (p *Page) Tap(x, y, t float64) {
	p.TouchStart(0, x, y, t)
	p.TouchEnd(0, x, y, t)
}

// Wheel scrolls the innermost scroll-view under (x, y) by a wheel or
// trackpad delta (CSS px; positive dy scrolls toward the end), at once and
// clamped to the content, as desktop browsers apply precise deltas; a
// fling in progress stops. A plain wheel (dy only) scrolls a horizontal
// list too. It reports whether a scroll-view took the delta.
func (p *Page) Wheel(x, y, dx, dy float32) bool {
	p.Update()
	return gesture.Wheel((*streamHost)(p), float64(x), float64(y), dx, dy)
}

// PointerID is the touch identifier of the Pointer* calls: a mouse or
// stylus driving the page as one more finger.
const PointerID = -1

// PointerDown is TouchStart of finger PointerID with the time in seconds
// (the scroll API's clock): touch events are dispatched and the
// scroll-views under the point become the drag's candidates. It reports
// whether there is one.
func (p *Page) PointerDown(x, y float32, t float64) bool {
	p.Update()
	p.TouchStart(PointerID, float64(x), float64(y), t*1000)
	return p.pipe.lt.sc.drag.Drives(PointerID)
}

// PointerMove is TouchMove of finger PointerID, time in seconds.
func (p *Page) PointerMove(x, y float32, t float64) {
	p.TouchMove(PointerID, float64(x), float64(y), t*1000)
}

// PointerUp is TouchEnd of finger PointerID, time in seconds: a claimed
// drag flings with the velocity of the last 100 ms.
func (p *Page) PointerUp(x, y float32, t float64) {
	p.TouchEnd(PointerID, float64(x), float64(y), t*1000)
}

// Dragging reports whether a touch is scrolling a scroll-view right now
// (its drag was claimed): a host redraws on each move while it is.
func (p *Page) Dragging() bool {
	return p.pipe != nil && p.pipe.lt.sc.drag.Claimed()
}

// streamHost is the page as gesture.StreamHost.
type streamHost Page

func (h *streamHost) HitTest(x, y float64) *Node {
	return (*Page)(h).HitTest(float32(x), float32(y))
}

func (h *streamHost) Dispatch(typ string, c *gesture.Contact[*Node], t float64) bool {
	if c.Target == nil || c.Target.Dead {
		return false
	}
	p := (*Page)(h)
	ran := p.dispatchTouchEvent(c.Target, EventObject{Type: typ, TimeStamp: t,
		Detail:  map[string]any{"x": c.X, "y": c.Y},
		Touches: p.ev.stream.Touches.List(), ChangedTouches: []Touch{c.Touch()}}) > 0
	p.controlInput(typ, c, t) // form controls (controls.go)
	return ran
}

// Drag is the drag of the current box tree (its candidates are its
// scroll-views).
func (h *streamHost) Drag() *gesture.Drag {
	if h.pipe == nil {
		return nil
	}
	return &h.pipe.lt.sc.drag
}

// Scrollables are the laid-out scroll-views with scroll-x or scroll-y on
// (spec §4.5, §5.5 rule 6) from target up to the root.
func (h *streamHost) Scrollables(target *Node) iter.Seq[gesture.Scrollable] {
	p := (*Page)(h)
	return func(yield func(gesture.Scrollable) bool) {
		if p.slides(target) {
			return // a slider takes the drag (controls.go)
		}
		for n := target; n != nil; n = n.Parent() {
			if sw := p.laidSwiper(n); sw != nil {
				if !yield((*dragSwiper)(sw)) {
					return
				}
				continue
			}
			sv := p.laidScrollView(n)
			if sv == nil || !userScrollable(sv) {
				continue
			}
			if !yield((*dragView)(sv)) {
				return
			}
		}
	}
}

// ScrollClock is the time stamp (ms) of the input being handled: the
// page's frame clock moves on to it (it never goes back), and the scroll
// events it causes carry it.
func (h *streamHost) ScrollClock(t float64) {
	h.mo.clock.Set(durationOfMs(t))
	h.pipe.lt.sc.now = t
}

// laidScrollView returns n's scroll-view state when it is laid out in the
// current box tree.
func (p *Page) laidScrollView(n *Node) *scrollView {
	if n.Kind != ElementNode || rtOf(n) == nil || rtOf(n).scroll == nil {
		return nil
	}
	if sv := rtOf(n).scroll; sv.t == &p.pipe.lt && sv.gen == p.pipe.lt.sc.gen && sv.laid {
		return sv
	}
	return nil
}

// userScrollable reports whether the user may scroll sv: scroll-y or
// scroll-x is on (spec §4.5, §5.5 rule 6).
func userScrollable(sv *scrollView) bool {
	return sv.node.BoolAttr("scroll-y") || sv.node.BoolAttr("scroll-x")
}

// dragView is a scroll-view as gesture.Scrollable.
type dragView scrollView

func (d *dragView) Vertical() bool                { return (*scrollView)(d).vertical() }
func (d *dragView) Moving() bool                  { return d.sc.Phase() != scroll.Idle }
func (d *dragView) Linked() bool                  { return d.sc.Linked() }
func (d *dragView) DragStart()                    { d.sc.DragStart() }
func (d *dragView) DragUpdate(delta float64) bool { return d.sc.DragUpdate(delta) }
func (d *dragView) DragEnd(v float64)             { d.sc.DragEnd(v) }
func (d *dragView) Sync()                         { (*scrollView)(d).sync() }

func (d *dragView) ScrollBy(delta float64) {
	sv := (*scrollView)(d)
	sv.moveTo(math.Max(sv.minOffset(), sv.sc.Offset+delta), false)
	sv.sync()
}
