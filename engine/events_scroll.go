package engine

import (
	"math"

	"github.com/skyline-go/skyline/gesture"
	"github.com/skyline-go/skyline/scroll"
)

// Touches scroll the scroll-views under the finger (spec §4.5, §5.5): the
// drag's rules are gesture's (gesture.Drag, fed by gesture.Stream); the
// page offers it the user-scrollable scroll-views on the path from the hit
// element up to the root (streamHost.DragCandidates).

// dragView is a scroll-view as gesture.Scrollable.
type dragView scrollView

func (d *dragView) Vertical() bool                { return (*scrollView)(d).vertical() }
func (d *dragView) Moving() bool                  { return d.sc.Phase() != scroll.Idle }
func (d *dragView) Linked() bool                  { return d.sc.Linked() }
func (d *dragView) DragStart()                    { d.sc.DragStart() }
func (d *dragView) DragUpdate(delta float64) bool { return d.sc.DragUpdate(delta) }
func (d *dragView) DragEnd(v float64)             { d.sc.DragEnd(v) }
func (d *dragView) Sync()                         { (*scrollView)(d).sync() }

// laidScrollView returns n's scroll-view state when it is laid out in the
// current box tree.
func (p *Page) laidScrollView(n *Node) *scrollView {
	if n.Kind != ElementNode || n.rt == nil || n.rt.scroll == nil {
		return nil
	}
	if sv := n.rt.scroll; sv.t == &p.pipe.lt && sv.gen == p.pipe.lt.sc.gen && sv.laid {
		return sv
	}
	return nil
}

// userScrollable reports whether the user may scroll sv: scroll-y or
// scroll-x is on (spec §4.5, §5.5 rule 6).
func userScrollable(sv *scrollView) bool {
	return sv.node.BoolAttr("scroll-y") || sv.node.BoolAttr("scroll-x")
}

// Wheel scrolls the innermost scroll-view under (x, y) by a wheel or
// trackpad delta (CSS px; positive dy scrolls toward the end), at once and
// clamped to the content, as desktop browsers apply precise deltas; a
// fling in progress stops. A plain wheel (dy only) scrolls a horizontal
// list too. It reports whether a scroll-view took the delta.
func (p *Page) Wheel(x, y, dx, dy float32) bool {
	p.Update()
	for n := p.HitTest(x, y); n != nil; n = n.parent {
		sv := p.laidScrollView(n)
		if sv == nil || !userScrollable(sv) {
			continue
		}
		d := gesture.WheelDelta((*dragView)(sv), dx, dy)
		if d == 0 {
			continue
		}
		sv.moveTo(math.Max(sv.minOffset(), sv.sc.Offset+d), false)
		sv.sync()
		return true
	}
	return false
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
