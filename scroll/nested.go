package scroll

import "math"

// Nested chains an outer scroll-view type="nested" and the inner scrollable
// inside its nested-scroll-body (spec §4.8). Outer.Max must be the pinned
// offset: the headers' extent minus the body's offset-top, where the body
// reaches its pinned position.
//
// Toward the end the outer consumes the motion until it is pinned, then the
// inner scrolls; toward the start the inner scrolls back to its start first,
// then the outer. A fling that reaches the hand-over point continues in the
// other scroller with the velocity it had there, exactly at the moment it
// got there (Scroller's hand-off edges).
//
// The pair is driven either through Nested's own methods or, after Link,
// through either Scroller: a host that routes a pointer to whichever
// scroll-view is under it, and steps every scroller once per frame, gets
// the chaining without knowing about it.
type Nested struct {
	Outer, Inner *Scroller
	slop         float64
	claimed      bool
}

func (n *Nested) arm() {
	n.Outer.HandOffAtMax = true
	n.Inner.HandOffAtMin = true
}

// Link routes the two scrollers' drag input, flings and steps through n
// (see Scroller.Step for stepping). A scroller is in at most one pair: a
// previous link of either is replaced.
func (n *Nested) Link() {
	for _, s := range [2]*Scroller{n.Outer, n.Inner} {
		if s.chain != nil && s.chain != n {
			s.chain.Unlink()
		}
		s.chain = n
	}
	n.arm()
}

// Unlink makes the scrollers independent again (their hand-off edges
// bounce or clamp as before).
func (n *Nested) Unlink() {
	for _, s := range [2]*Scroller{n.Outer, n.Inner} {
		if s.chain == n {
			s.chain = nil
		}
	}
	n.Outer.HandOffAtMax = false
	n.Inner.HandOffAtMin = false
}

// Linked reports whether s is linked into a pair.
func (s *Scroller) Linked() bool { return s.chain != nil }

// DragStart begins a gesture on either scroller: both stop.
func (n *Nested) DragStart() {
	n.arm()
	n.Outer.dragStart()
	n.Inner.dragStart()
	n.slop, n.claimed = 0, false
}

// DragUpdate distributes delta (offset space) and reports whether the drag
// claimed the gesture (min-drag-distance of the outer).
func (n *Nested) DragUpdate(delta float64) bool {
	o, in := n.Outer, n.Inner
	if o.phase != Dragging || in.phase != Dragging {
		n.DragStart()
	}
	if !n.claimed {
		d := o.MinDragDistance
		if d <= 0 {
			d = DefaultMinDragDistance
		}
		n.slop += delta
		if math.Abs(n.slop) < d {
			return false
		}
		n.claimed = true
		o.claimed, in.claimed = true, true
		delta = n.slop - math.Copysign(d, n.slop)
	}
	if delta > 0 {
		if room := o.Max - o.Offset; room > 0 {
			take := math.Min(delta, room)
			o.Offset += take
			delta -= take
		}
		if delta > 0 {
			in.applyDrag(delta)
		}
		return true
	}
	if room := in.Offset - in.Min; room > 0 {
		take := math.Max(delta, -room)
		in.Offset += take
		delta -= take
	}
	if delta < 0 {
		o.applyDrag(delta)
	}
	return true
}

// DragEnd releases with velocity v: the scroller that would move first
// flings (or springs back when overscrolled); a drag that never claimed
// the gesture (a tap) only settles.
func (n *Nested) DragEnd(v float64) {
	claimed := n.claimed
	n.claimed = false
	for _, s := range [2]*Scroller{n.Outer, n.Inner} {
		s.claimed = false
		s.phase, s.vel = Idle, 0
	}
	if !claimed {
		n.Outer.settleRange()
		n.Inner.settleRange()
		return
	}
	n.Fling(v)
}

// Fling starts a chained fling with velocity v: one scroller moves, the
// other stops. An overscrolled scroller springs back instead (the other
// stays put: the outer overscrolls only at its start, where the inner is
// at its start, and the inner only at its end, where the outer is pinned).
func (n *Nested) Fling(v float64) {
	n.arm()
	o, in := n.Outer, n.Inner
	oOut := o.Offset < o.Min || o.Offset > o.Max
	iOut := in.Offset < in.Min || in.Offset > in.Max
	first, other := o, in
	switch {
	case oOut || iOut:
		for _, s := range [2]*Scroller{o, in} {
			if s.Offset < s.Min || s.Offset > s.Max {
				s.fling(v)
			} else {
				s.phase, s.vel = Idle, 0
			}
		}
		return
	case v > 0 && o.Offset >= o.Max, v < 0 && in.Offset > in.Min:
		first, other = in, o
	}
	other.phase, other.vel = Idle, 0
	first.fling(v)
}

// Step advances both scrollers by dt, handing a fling over when one
// reaches the pinned offset (outer) or its start (inner).
func (n *Nested) Step(dt float64) bool {
	a := n.Outer.step(dt)
	innerDone := false
	if v, left, ok := n.Outer.HandOff(); ok {
		n.Inner.fling(v)
		n.Inner.step(left)
		innerDone = true
	}
	b := false
	if !innerDone {
		b = n.Inner.step(dt)
		if v, left, ok := n.Inner.HandOff(); ok {
			n.Outer.fling(v)
			a = n.Outer.step(left)
		}
	}
	return a || b || n.Inner.Phase() != Idle || n.Outer.Phase() != Idle
}
