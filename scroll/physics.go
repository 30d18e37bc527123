package scroll

import "math"

// Phase is what moves a Scroller.
type Phase uint8

const (
	Idle      Phase = iota
	Dragging        // the finger moves the content
	Flinging        // decelerating after release
	Springing       // returning to an edge after overscroll (bouncing)
	Animating       // programmatic scroll with animation
)

// Physics are the scroll-view's physics options (spec §4.5). The zero value
// is Skyline's default: bouncing edges, normal deceleration, 18 px slop.
type Physics struct {
	// Clamping is bounces="false": edges stop the content instead of letting
	// it overscroll and spring back.
	Clamping bool
	// FastDeceleration is fast-deceleration.
	FastDeceleration bool
	// MinDragDistance is min-drag-distance; 0 means DefaultMinDragDistance.
	MinDragDistance float64
}

// Physics constants. Deceleration is iOS's (UIScrollView.DecelerationRate:
// the velocity keeps 0.998 of itself per ms, 0.99 when fast), an exponential
// decay with an exact closed form, so stepping by any dt lands on the same
// curve: x(t) = x0 + v0/k·(1−e^(−kt)), v(t) = v0·e^(−kt), k = −1000·ln(rate).
// A 3,000 px/s fling travels v0/k ≈ 1,500 px. Overscroll uses Flutter's
// BouncingScrollPhysics drag friction and a critically damped spring with
// Flutter's stiffness 100 and mass 0.5 (ω = √200 s⁻¹).
const (
	DefaultMinDragDistance = 18
	// AnimationDuration is the scroll-with-animation duration (s).
	AnimationDuration = 0.3
	decelNormal       = 0.998
	decelFast         = 0.99
	stopVelocity      = 10 // px/s: a fling slower than this ends
	springOmega       = 14.142135623730951
	springRestDist    = 0.5 // px: the spring snaps to its edge within this …
	springRestVel     = 20  // px/s: … and below this speed
)

// Scroller is one scroll position and what moves it: drag with slop, fling
// with deceleration, bouncing or clamping edges, programmatic jumps and
// animations. Everything advances by an explicit Step(dt): no wall clock,
// so tests are deterministic. Offsets grow toward the content's end; the
// host converts finger motion (finger up = +delta for a vertical scroll).
type Scroller struct {
	Physics
	// Offset is the scroll offset (scrollTop / scrollLeft).
	Offset float64
	// Min and Max bound the in-range offsets (0 and the viewport's
	// MaxScrollExtent; Min < 0 holds a refresher open).
	Min, Max float64
	// ViewportExtent scales the overscroll friction.
	ViewportExtent float64
	// HandOffAtMin / HandOffAtMax make that edge hand a fling's remaining
	// velocity over (HandOff) instead of bouncing: scroll chaining, §4.8.
	HandOffAtMin, HandOffAtMax bool

	phase    Phase
	slop     float64
	claimed  bool
	t        float64 // time in the current simulation
	x0, v0   float64 // simulation start
	k        float64 // decay rate
	edge     float64 // spring target
	from, to float64 // animation
	dur      float64
	vel      float64
	boundary float64
	handV    float64
	handLeft float64
	handOK   bool
	// chain is the Nested pair this scroller is linked into (Nested.Link):
	// drag input and flings given to either scroller go through it.
	chain *Nested
}

// Phase reports what moves the scroller.
func (s *Scroller) Phase() Phase { return s.phase }

// Velocity is the current velocity in px/s.
func (s *Scroller) Velocity() float64 { return s.vel }

// IsDrag reports whether the finger moves the content (the isDrag detail).
func (s *Scroller) IsDrag() bool { return s.phase == Dragging }

// BoundaryVelocity is the velocity with which the last fling hit an edge,
// NaN when it did not (the scroll event's boundaryVelocity, spec §4.5). It
// resets at the next Fling or drag.
func (s *Scroller) BoundaryVelocity() float64 { return s.boundary }

// DragStart begins a gesture: it stops any motion (a finger catches a
// fling). The drag claims the gesture only after MinDragDistance.
func (s *Scroller) DragStart() {
	if s.chain != nil {
		s.chain.DragStart()
		return
	}
	s.dragStart()
}

func (s *Scroller) dragStart() {
	s.phase = Dragging
	s.slop, s.claimed = 0, false
	s.vel = 0
	s.boundary = math.NaN()
	s.handOK = false
}

// DragUpdate moves the content by delta (offset space) once the slop is
// passed, and reports whether the drag has claimed the gesture. Only motion
// beyond min-drag-distance scrolls (Flutter's DragStartBehavior.start), so
// the content does not jump when the drag is claimed.
func (s *Scroller) DragUpdate(delta float64) bool {
	if s.chain != nil {
		return s.chain.DragUpdate(delta)
	}
	if s.phase != Dragging {
		s.DragStart()
	}
	if !s.claimed {
		d := s.MinDragDistance
		if d <= 0 {
			d = DefaultMinDragDistance
		}
		s.slop += delta
		if math.Abs(s.slop) < d {
			return false
		}
		s.claimed = true
		delta = s.slop - math.Copysign(d, s.slop)
	}
	s.applyDrag(delta)
	return true
}

// Claimed reports whether the current drag passed the slop.
func (s *Scroller) Claimed() bool { return s.claimed }

// applyDrag moves by delta; the part that goes (further) out of range is
// damped when bouncing and dropped when clamping.
func (s *Scroller) applyDrag(delta float64) {
	next := s.Offset + delta
	if s.Clamping {
		s.Offset = clamp(next, math.Min(s.Min, s.Offset), math.Max(s.Max, s.Offset))
		return
	}
	lo, hi := s.Min, s.Max
	switch {
	case delta > 0 && next > hi:
		in := math.Max(0, hi-s.Offset)
		s.Offset = math.Max(s.Offset, hi) + (delta-in)*s.friction(math.Max(s.Offset, hi)-hi)
	case delta < 0 && next < lo:
		in := math.Min(0, lo-s.Offset)
		s.Offset = math.Min(s.Offset, lo) + (delta-in)*s.friction(lo-math.Min(s.Offset, lo))
	default:
		s.Offset = next
	}
}

// friction is Flutter's BouncingScrollPhysics factor for a drag that
// increases an overscroll of over px.
func (s *Scroller) friction(over float64) float64 {
	if s.ViewportExtent <= 0 {
		return 0.52
	}
	f := 1 - math.Min(1, over/s.ViewportExtent)
	return 0.52 * f * f
}

// DragEnd releases the finger with velocity v (px/s, offset space): a fling
// when the drag was claimed, a spring when overscrolled.
func (s *Scroller) DragEnd(v float64) {
	if s.chain != nil {
		s.chain.DragEnd(v)
		return
	}
	if !s.claimed {
		s.phase = Idle
		s.settleRange()
		return
	}
	s.claimed = false
	s.fling(v)
}

// Fling starts a deceleration with velocity v (px/s); out of range it
// springs back instead. A linked scroller (Nested.Link) starts the pair's
// chained fling.
func (s *Scroller) Fling(v float64) {
	if s.chain != nil {
		s.chain.Fling(v)
		return
	}
	s.fling(v)
}

func (s *Scroller) fling(v float64) {
	s.boundary = math.NaN()
	s.handOK = false
	if s.Offset < s.Min || s.Offset > s.Max {
		s.startEdge(v, 0)
		return
	}
	if math.Abs(v) < stopVelocity {
		s.phase, s.vel = Idle, 0
		return
	}
	rate := decelNormal
	if s.FastDeceleration {
		rate = decelFast
	}
	s.phase, s.t, s.x0, s.v0, s.vel = Flinging, 0, s.Offset, v, v
	s.k = -1000 * math.Log(rate)
}

// JumpTo sets the offset at once (scroll-top without animation).
func (s *Scroller) JumpTo(offset float64) {
	s.Offset, s.phase, s.vel = offset, Idle, 0
}

// AnimateTo scrolls to offset over AnimationDuration with an ease-in-out
// cubic (scroll-with-animation; the curve is our choice, spec silent).
func (s *Scroller) AnimateTo(offset float64) {
	s.phase, s.t, s.from, s.to, s.dur = Animating, 0, s.Offset, offset, AnimationDuration
}

// Correct shifts the position and any running simulation by delta: the
// viewport corrected its offset (scroll-offset correction) and the content
// on screen did not move, so neither must the motion.
func (s *Scroller) Correct(delta float64) {
	s.Offset += delta
	s.from += delta
	s.to += delta
	if s.phase == Springing {
		// The spring is relative to its edge: restart it from here.
		s.x0, s.v0, s.t = s.Offset-s.edge, s.vel, 0
		return
	}
	s.x0 += delta
}

// SetRange updates Min and Max (content extents are estimates and change);
// an idle position left outside is clamped or sprung back. A spring toward
// the Min edge follows it when it moves (a refresher opening holds the
// content at −threshold, spec §4.5), and a spring toward Max retargets
// when the position is beyond the new Max.
func (s *Scroller) SetRange(lo, hi float64) {
	oldMin := s.Min
	s.Min, s.Max = lo, math.Max(lo, hi)
	switch s.phase {
	case Idle:
		s.settleRange()
	case Springing:
		switch {
		case s.edge == oldMin && s.edge != s.Min:
			s.retarget(s.Min)
		case s.edge != oldMin && s.Offset > s.Max && s.edge != s.Max:
			s.retarget(s.Max)
		}
	}
}

// retarget restarts the running spring toward edge from the current
// position and velocity.
func (s *Scroller) retarget(edge float64) {
	s.edge, s.x0, s.v0, s.t = edge, s.Offset-edge, s.vel, 0
}

func (s *Scroller) settleRange() {
	if s.Offset >= s.Min && s.Offset <= s.Max {
		return
	}
	if s.Clamping {
		s.Offset = clamp(s.Offset, s.Min, s.Max)
		return
	}
	s.startEdge(0, 0)
}

// HandOff returns the velocity a fling had when it reached a hand-off edge
// and the part of the last step left after it; ok once per hand-off.
func (s *Scroller) HandOff() (v, left float64, ok bool) {
	if !s.handOK {
		return 0, 0, false
	}
	s.handOK = false
	return s.handV, s.handLeft, true
}

// Step advances the motion by dt seconds and reports whether the scroller
// is still moving (dragging counts as moving). A linked pair (Nested.Link)
// advances when its outer scroller is stepped; stepping the inner one only
// reports whether it moves, so a host stepping every scroller once per
// frame advances the pair once.
func (s *Scroller) Step(dt float64) bool {
	if s.chain != nil {
		if s == s.chain.Outer {
			return s.chain.Step(dt)
		}
		return s.phase != Idle
	}
	return s.step(dt)
}

func (s *Scroller) step(dt float64) bool {
	switch s.phase {
	case Flinging:
		s.t += dt
		e := math.Exp(-s.k * s.t)
		x := s.x0 + s.v0/s.k*(1-e)
		v := s.v0 * e
		atMax := x > s.Max && s.v0 > 0
		if atMax || (x < s.Min && s.v0 < 0) {
			edge := s.Min
			if atMax {
				edge = s.Max
			}
			// v = v0 − k·(x − x0) on the decay curve, so the velocity and
			// time at the edge are exact.
			vHit := s.v0 - s.k*(edge-s.x0)
			tHit := math.Log(s.v0/vHit) / s.k
			if math.IsNaN(tHit) || tHit > s.t {
				tHit = s.t
			}
			s.Offset, s.boundary = edge, vHit
			s.startEdgeAt(atMax, vHit, s.t-tHit)
			return s.phase != Idle
		}
		s.Offset, s.vel = x, v
		if math.Abs(v) < stopVelocity {
			s.phase, s.vel = Idle, 0
		}
	case Springing:
		s.t += dt
		s.springAt()
	case Animating:
		s.t += dt
		p := math.Min(1, s.t/s.dur)
		s.Offset = s.from + (s.to-s.from)*easeInOutCubic(p)
		if p >= 1 {
			s.Offset, s.phase, s.vel = s.to, Idle, 0
		}
	}
	return s.phase != Idle
}

// startEdge springs back toward the nearest violated edge.
func (s *Scroller) startEdge(v, left float64) {
	s.startEdgeAt(s.Offset > s.Max, v, left)
}

// startEdgeAt handles reaching (or being beyond) the Max or Min edge with
// velocity v, left seconds into the current step.
func (s *Scroller) startEdgeAt(atMax bool, v, left float64) {
	edge := s.Min
	if atMax {
		edge = s.Max
	}
	if (atMax && s.HandOffAtMax) || (!atMax && s.HandOffAtMin) {
		if (atMax && v > 0) || (!atMax && v < 0) {
			s.Offset = edge
			s.handV, s.handLeft, s.handOK = v, left, true
			s.phase, s.vel = Idle, 0
			return
		}
	}
	if s.Clamping {
		s.Offset = edge
		s.phase, s.vel = Idle, 0
		return
	}
	s.phase, s.t, s.edge, s.x0, s.v0 = Springing, left, edge, s.Offset-edge, v
	s.springAt()
}

// springAt evaluates the critically damped spring around s.edge at s.t:
// y = (y0 + (v0 + ωy0)t)e^(−ωt).
func (s *Scroller) springAt() {
	w, t := springOmega, s.t
	e := math.Exp(-w * t)
	y := (s.x0 + (s.v0+w*s.x0)*t) * e
	v := (s.v0 - w*(s.v0+w*s.x0)*t) * e
	s.Offset, s.vel = s.edge+y, v
	if math.Abs(y) < springRestDist && math.Abs(v) < springRestVel {
		s.Offset, s.phase, s.vel = s.edge, Idle, 0
	}
}

func easeInOutCubic(p float64) float64 {
	if p < 0.5 {
		return 4 * p * p * p
	}
	q := -2*p + 2
	return 1 - q*q*q/2
}
