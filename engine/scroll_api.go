package engine

import (
	"math"

	"github.com/skyline-go/skyline/scroll"
)

// scrollViewFor returns the laid-out scroll-view state of n.
func (p *Page) scrollViewFor(n *Node) *scrollView {
	p.Update()
	if n == nil || n.rt == nil || n.rt.scroll == nil {
		return nil
	}
	sv := n.rt.scroll
	if sv.t != &p.pipe.lt || sv.gen != p.pipe.lt.sc.gen || !sv.laid {
		return nil
	}
	return sv
}

// ScrollOffset returns a scroll-view's offset along its axis (scrollTop or
// scrollLeft) and its maximum; ok is false when n is not a laid-out
// scroll-view.
func (p *Page) ScrollOffset(n *Node) (offset, max float64, ok bool) {
	sv := p.scrollViewFor(n)
	if sv == nil {
		return 0, 0, false
	}
	return sv.sc.Offset, sv.vp.MaxScrollExtent(), true
}

// ScrollTo moves a scroll-view to offset (clamped), at once or with the
// scroll-with-animation curve (then Advance runs it).
func (p *Page) ScrollTo(n *Node, offset float64, animate bool) bool {
	sv := p.scrollViewFor(n)
	if sv == nil {
		return false
	}
	sv.moveTo(offset, animate)
	sv.sync()
	return true
}

// ScrollBy moves a scroll-view by delta along its axis (clamped), at once.
func (p *Page) ScrollBy(n *Node, delta float64) bool {
	sv := p.scrollViewFor(n)
	if sv == nil {
		return false
	}
	return p.ScrollTo(n, sv.sc.Offset+delta, false)
}

// Fling starts a fling of a scroll-view with velocity v (px/s along its
// axis, positive toward the content's end); Advance runs it.
func (p *Page) Fling(n *Node, v float64) bool {
	sv := p.scrollViewFor(n)
	if sv == nil {
		return false
	}
	sv.sc.Fling(v)
	return true
}

// ScrollIntoIndex reveals item index of the scroll-view's sliver s (the
// s-th custom-mode child; 0 in list mode) as o asks, in one frame: the
// target is built and measured in place, so it lands exactly (spec §4.5).
// Unlike the scroll-into-view attribute it also reaches builder items.
func (p *Page) ScrollIntoIndex(n *Node, s, index int, o scroll.IntoView, animate bool) bool {
	sv := p.scrollViewFor(n)
	if sv == nil {
		return false
	}
	off, ok := sv.vp.ScrollIntoView(s, index, o)
	if !ok {
		return false
	}
	sv.moveTo(off, animate)
	sv.sync()
	return true
}

// Advance steps every scroll-view's physics (fling, spring, animation) by
// dt seconds, lays out what moved and queues the events. It reports
// whether anything is still moving. No wall clock is read: the host
// decides the frame times.
func (p *Page) Advance(dt float64) bool {
	p.Update()
	moving := false
	p.pipe.lt.sc.now += dt * 1000
	for _, sv := range p.pipe.lt.sc.views {
		if !sv.laid {
			continue
		}
		if sv.sc.Step(dt) {
			moving = true
		}
		sv.sync()
	}
	return moving
}

// sync lays the content out again when the scroller moved, places it, and
// derives the frame's events.
func (sv *scrollView) sync() {
	if sv.syncPair() {
		return // a nested pair moves together: both synced (scroll_nested.go)
	}
	if sv.sc.Offset != sv.laidFor {
		sv.layoutContent()
		sv.placeAbs()
		sv.dropOuterLayers()
	}
	sv.events()
}

// pointer is the drag in progress (PointerDown … PointerUp).
type pointer struct {
	sv      *scrollView
	x, y    float32
	samples [8]struct{ pos, t float64 } // recent finger positions along the axis
	n       int
}

// PointerDown starts a drag at page point (x, y) CSS px at time t
// (seconds, the host's clock): the innermost scroll-view under it catches
// any fling. It reports whether a scroll-view is there.
func (p *Page) PointerDown(x, y float32, t float64) bool {
	sv := p.scrollViewAt(x, y)
	h := &p.pipe.lt.sc
	h.ptr = pointer{sv: sv, x: x, y: y}
	h.now = t * 1000
	if sv == nil {
		return false
	}
	sv.sc.DragStart()
	h.ptr.sample(sv, x, y, t)
	return true
}

// PointerMove moves the finger: content follows it once past
// min-drag-distance (spec §4.5).
func (p *Page) PointerMove(x, y float32, t float64) {
	if p.pipe == nil {
		return
	}
	h := &p.pipe.lt.sc
	sv := h.ptr.sv
	if sv == nil {
		return
	}
	d := float64(h.ptr.y - y) // finger up scrolls toward the end
	if !sv.vertical() {
		d = float64(h.ptr.x - x)
	}
	h.ptr.x, h.ptr.y = x, y
	h.now = t * 1000
	h.ptr.sample(sv, x, y, t)
	sv.sc.DragUpdate(d)
	sv.sync()
}

// PointerUp releases the finger; the velocity of the last 100 ms of motion
// starts a fling.
func (p *Page) PointerUp(x, y float32, t float64) {
	if p.pipe == nil {
		return
	}
	h := &p.pipe.lt.sc
	sv := h.ptr.sv
	if sv == nil {
		return
	}
	p.PointerMove(x, y, t)
	sv.sc.DragEnd(h.ptr.velocity())
	h.ptr = pointer{}
	sv.sync()
}

func (q *pointer) sample(sv *scrollView, x, y float32, t float64) {
	pos := -float64(y)
	if !sv.vertical() {
		pos = -float64(x)
	}
	if q.n == len(q.samples) {
		copy(q.samples[:], q.samples[1:])
		q.n--
	}
	q.samples[q.n] = struct{ pos, t float64 }{pos, t}
	q.n++
}

// velocity is the offset-space velocity over the samples of the last
// 100 ms (px/s).
func (q *pointer) velocity() float64 {
	if q.n < 2 {
		return 0
	}
	last := q.samples[q.n-1]
	i := q.n - 2
	for i > 0 && last.t-q.samples[i-1].t <= 0.1 {
		i--
	}
	first := q.samples[i]
	if last.t-first.t <= 0 {
		return 0
	}
	return (last.pos - first.pos) / (last.t - first.t)
}

// Wheel scrolls the innermost scroll-view under (x, y) by the wheel delta
// (CSS px; positive dy scrolls toward the end), clamped to the content.
func (p *Page) Wheel(x, y, dx, dy float32) bool {
	sv := p.scrollViewAt(x, y)
	if sv == nil {
		return false
	}
	d := float64(dy)
	if !sv.vertical() {
		d = float64(dx)
		if d == 0 {
			d = float64(dy) // a plain wheel scrolls a horizontal list too
		}
	}
	sv.moveTo(math.Max(0, sv.sc.Offset+d), false)
	sv.sync()
	return true
}

// dropOuterLayers releases the layers of the units around a scroll-view
// that moved: their pixels hold its content.
func (sv *scrollView) dropOuterLayers() {
	t := sv.t
	for id := t.boxes[sv.box].parent; id != 0; id = t.boxes[id].parent {
		if u, ok := t.sc.units[id]; ok {
			u.sv.layers.release(id)
		}
	}
}
