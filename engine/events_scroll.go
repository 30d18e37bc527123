package engine

import (
	"math"

	"github.com/skyline-go/skyline/scroll"
)

// Touches scroll (spec §4.5, §5.5): one touch stream drives both the
// touch events (events_touch.go) and the scroll-views under the finger, as
// on a device.
//
//   - Touch down: the scroll-views on the path from the hit element up to
//     the root are the drag's candidates, innermost first. Each one stops
//     (a finger catches a fling); a touch that caught a moving scroll-view
//     taps nothing (Flutter's scrollables ignore taps on their content
//     while they move; a platform list does the same).
//   - Touch moves: every candidate sees the motion along its own axis, and
//     the first, innermost first, whose motion passes its
//     min-drag-distance (18 px) claims the gesture (§5.5 rule 3: same-type
//     nesting, the inner one wins; a horizontal list lets a vertical drag
//     through to its vertical parent). From then on the claimant alone
//     follows the finger and the touch no longer taps or long-presses;
//     touchmove events are still dispatched.
//   - Release: the claimant flings with the finger's velocity over the
//     last 100 ms; the others settle.
//
// A scroll-view whose scroll-x and scroll-y are both off does not scroll
// by touch (§5.5 rule 6). A scroller linked into a nested pair drives its
// partner itself (scroll.Nested), so the candidates stop at it.
//
// Only the first finger down scrolls; later fingers are touches only.

// maxDragCandidates bounds the scroll-views one touch may drive (nesting
// deeper than this is not a real page).
const maxDragCandidates = 4

// pointer is the drag a touch drives: its candidate scroll-views, the one
// that claimed it, and the finger's recent positions.
type pointer struct {
	id    int
	down  bool
	cands [maxDragCandidates]*scrollView
	n     int
	sv    *scrollView // the claimant, nil until one claims
	x, y  float64
	// samples are the finger's recent positions (CSS px) and times (ms)
	// where it moved; still is the time of the latest input at the last
	// sample's position (a hold, or the lift).
	samples [8]struct{ x, y, t float64 }
	ns      int
	still   float64
}

// dragStart begins finger id's drag at page point (x, y) at time t (ms)
// and reports whether it caught a moving scroll-view.
func (p *Page) dragStart(id int, x, y, t float64) (caught bool) {
	if p.pipe == nil {
		return false
	}
	h := &p.pipe.lt.sc
	if h.ptr.down {
		return false // another finger drives the scrolling
	}
	h.ptr = pointer{id: id, x: x, y: y}
	h.now = t
	for n := p.HitTest(float32(x), float32(y)); n != nil && h.ptr.n < maxDragCandidates; n = n.parent {
		sv := p.laidScrollView(n)
		if sv == nil || !userScrollable(sv) {
			continue
		}
		if sv.sc.Phase() != scroll.Idle {
			caught = true
		}
		h.ptr.cands[h.ptr.n] = sv
		h.ptr.n++
		if sv.sc.Linked() {
			break // its nested partner moves with it
		}
	}
	if h.ptr.n == 0 {
		return false
	}
	h.ptr.down = true
	h.ptr.sample(x, y, t)
	for _, sv := range h.ptr.cands[:h.ptr.n] {
		sv.sc.DragStart()
		sv.sync()
	}
	return caught
}

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

// dragMove moves finger id to (x, y) at time t (ms) and reports whether a
// scroll-view has claimed its drag.
func (p *Page) dragMove(id int, x, y, t float64) bool {
	if p.pipe == nil {
		return false
	}
	h := &p.pipe.lt.sc
	q := &h.ptr
	if !q.down || q.id != id {
		return false
	}
	dx, dy := q.x-x, q.y-y // the finger going up scrolls toward the end
	q.x, q.y = x, y
	q.sample(x, y, t)
	h.now = t
	if dx == 0 && dy == 0 {
		return q.sv != nil
	}
	if q.sv != nil {
		q.sv.sc.DragUpdate(q.sv.along(dx, dy))
		q.sv.sync()
		return true
	}
	for _, sv := range q.cands[:q.n] {
		if sv.sc.DragUpdate(sv.along(dx, dy)) {
			q.sv = sv
			break
		}
	}
	if q.sv == nil {
		return false
	}
	for _, sv := range q.cands[:q.n] {
		if sv != q.sv {
			sv.sc.DragEnd(0) // unclaimed: it settles where it is
		}
		sv.sync()
	}
	return true
}

// dragEnd lifts finger id: the claimant flings with the finger's
// velocity, unclaimed candidates settle. It reports whether the drag had
// been claimed.
func (p *Page) dragEnd(id int, cancel bool) bool {
	if p.pipe == nil {
		return false
	}
	h := &p.pipe.lt.sc
	q := &h.ptr
	if !q.down || q.id != id {
		return false
	}
	claimed := q.sv != nil
	if claimed {
		v := 0.0
		if !cancel {
			v = q.sv.along(q.velocity())
		}
		q.sv.sc.DragEnd(v)
		q.sv.sync()
	} else {
		for _, sv := range q.cands[:q.n] {
			sv.sc.DragEnd(0)
			sv.sync()
		}
	}
	*q = pointer{}
	return claimed
}

// along is the part of a motion (dx, dy) along sv's scroll axis.
func (sv *scrollView) along(dx, dy float64) float64 {
	if sv.vertical() {
		return dy
	}
	return dx
}

func (q *pointer) sample(x, y, t float64) {
	if q.ns > 0 && q.samples[q.ns-1].x == x && q.samples[q.ns-1].y == y {
		q.still = t // no motion: not a sample of the velocity
		return
	}
	q.still = t
	if q.ns == len(q.samples) {
		copy(q.samples[:], q.samples[1:])
		q.ns--
	}
	q.samples[q.ns] = struct{ x, y, t float64 }{x, y, t}
	q.ns++
}

// velocityWindow is how far back (ms) the release velocity looks: the
// finger's last 100 ms, as Flutter's and Android's velocity trackers.
const velocityWindow = 100

// velocity is the content's velocity (px/s, offset space: the finger
// moving up is positive) over the finger's motion in the velocityWindow ms
// before it last moved; a finger that then rested for longer than the
// window before lifting has none. Inputs that report the finger where it
// was (the lift, a host's per-frame samples) are not motion: counting
// them would make a lift that a slow host reports one late frame after the
// last move (ebiten samples the mouse once per tick) a stop.
func (q *pointer) velocity() (vx, vy float64) {
	if q.ns < 2 {
		return 0, 0
	}
	last := q.samples[q.ns-1]
	if q.still-last.t > velocityWindow {
		return 0, 0
	}
	i := q.ns - 2
	for i > 0 && last.t-q.samples[i-1].t <= velocityWindow {
		i--
	}
	first := q.samples[i]
	dt := (last.t - first.t) / 1000
	if dt <= 0 {
		return 0, 0
	}
	return (first.x - last.x) / dt, (first.y - last.y) / dt
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
		d := float64(dy)
		if !sv.vertical() && dx != 0 {
			d = float64(dx)
		}
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
	q := &p.pipe.lt.sc.ptr
	return q.down && q.id == PointerID
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
	return p.pipe != nil && p.pipe.lt.sc.ptr.sv != nil
}
