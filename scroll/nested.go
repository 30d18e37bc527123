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
type Nested struct {
	Outer, Inner *Scroller
	slop         float64
	claimed      bool
}

func (n *Nested) arm() {
	n.Outer.HandOffAtMax = true
	n.Inner.HandOffAtMin = true
}

// DragStart begins a gesture on either scroller: both stop.
func (n *Nested) DragStart() {
	n.arm()
	n.Outer.DragStart()
	n.Inner.DragStart()
	n.slop, n.claimed = 0, false
}

// DragUpdate distributes delta (offset space) and reports whether the drag
// claimed the gesture (min-drag-distance of the outer).
func (n *Nested) DragUpdate(delta float64) bool {
	if !n.claimed {
		d := n.Outer.MinDragDistance
		if d <= 0 {
			d = DefaultMinDragDistance
		}
		n.slop += delta
		if math.Abs(n.slop) < d {
			return false
		}
		n.claimed = true
		n.Outer.claimed, n.Inner.claimed = true, true
		delta = n.slop - math.Copysign(d, n.slop)
	}
	o, in := n.Outer, n.Inner
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
// flings (or springs back when overscrolled).
func (n *Nested) DragEnd(v float64) {
	n.claimed = false
	n.Fling(v)
}

// Fling starts a chained fling with velocity v.
func (n *Nested) Fling(v float64) {
	n.arm()
	o, in := n.Outer, n.Inner
	switch {
	case o.Offset < o.Min || in.Offset > in.Max:
		o.Fling(v)
		in.Fling(v)
	case v > 0 && o.Offset < o.Max:
		o.Fling(v)
	case v > 0:
		in.Fling(v)
	case v < 0 && in.Offset > in.Min:
		in.Fling(v)
	default:
		o.Fling(v)
	}
}

// Step advances both scrollers by dt, handing a fling over when one
// reaches the pinned offset (outer) or its start (inner).
func (n *Nested) Step(dt float64) bool {
	a := n.Outer.Step(dt)
	innerDone := false
	if v, left, ok := n.Outer.HandOff(); ok {
		n.Inner.Fling(v)
		n.Inner.Step(left)
		innerDone = true
	}
	b := false
	if !innerDone {
		b = n.Inner.Step(dt)
		if v, left, ok := n.Inner.HandOff(); ok {
			n.Outer.Fling(v)
			a = n.Outer.Step(left)
		}
	}
	return a || b || n.Inner.Phase() != Idle || n.Outer.Phase() != Idle
}
