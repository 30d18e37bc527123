package scroll

import (
	"math"
	"testing"
)

func run(s *Scroller, dt float64, maxSteps int) int {
	n := 0
	for s.Step(dt) && n < maxSteps {
		n++
	}
	return n
}

// The decay has a closed form: any frame rate lands on the same curve.
func TestFlingIsFrameRateIndependent(t *testing.T) {
	var ends []float64
	for _, dt := range []float64{1.0 / 30, 1.0 / 60, 1.0 / 120, 0.0123} {
		s := &Scroller{Max: 1e9}
		s.Fling(3000)
		steps := 0
		for t := 0.0; t < 1.0-1e-9; t += dt {
			s.Step(dt)
			steps++
		}
		// Compare at the same time: rewind the last partial step.
		s2 := &Scroller{Max: 1e9}
		s2.Fling(3000)
		s2.Step(float64(steps) * dt)
		if math.Abs(s.Offset-s2.Offset) > 1e-6 {
			t.Errorf("dt %v: %v vs one step %v", dt, s.Offset, s2.Offset)
		}
		run(s, dt, 1e6)
		ends = append(ends, s.Offset)
	}
	k := -1000 * math.Log(decelNormal)
	for _, e := range ends {
		if math.Abs(e-3000/k) > 6 { // stops when |v| < 10 px/s: ≤ 10/k short
			t.Errorf("fling ended at %v, want ≈%v", e, 3000/k)
		}
	}
	s := &Scroller{Max: 1e9, Physics: Physics{FastDeceleration: true}}
	s.Fling(3000)
	run(s, 1.0/60, 1e6)
	if s.Offset > 400 {
		t.Errorf("fast deceleration travelled %v", s.Offset)
	}
}

func TestEdges(t *testing.T) {
	for _, tc := range []struct {
		name     string
		clamping bool
		v        float64
		maxOver  func(float64) bool
	}{
		{"clamping stops at the edge", true, 3000, func(o float64) bool { return o == 0 }},
		{"bouncing overshoots and returns", false, 3000, func(o float64) bool { return o > 20 && o < 200 }},
		{"bouncing at the start", false, -3000, func(o float64) bool { return o > 20 && o < 200 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &Scroller{Max: 500, Offset: 250, Physics: Physics{Clamping: tc.clamping}}
			s.Fling(tc.v)
			over := 0.0
			for i := 0; s.Step(1.0/60) && i < 10000; i++ {
				over = math.Max(over, math.Max(s.Offset-s.Max, s.Min-s.Offset))
			}
			if !tc.maxOver(over) {
				t.Errorf("max overscroll %v", over)
			}
			want := 500.0
			if tc.v < 0 {
				want = 0
			}
			if s.Offset != want || s.Phase() != Idle {
				t.Errorf("ended at %v phase %v, want %v idle", s.Offset, s.Phase(), want)
			}
			if bv := s.BoundaryVelocity(); math.IsNaN(bv) || math.Abs(bv) >= math.Abs(tc.v) || bv*tc.v <= 0 {
				t.Errorf("boundary velocity %v", bv)
			}
		})
	}
}

func TestDragSlopAndOverscroll(t *testing.T) {
	s := &Scroller{Max: 1000, ViewportExtent: 800}
	s.DragStart()
	for i, tc := range []struct {
		delta   float64
		claimed bool
		offset  float64
	}{
		{10, false, 0}, {7, false, 0}, {5, true, 4}, {20, true, 24},
	} {
		if got := s.DragUpdate(tc.delta); got != tc.claimed || s.Offset != tc.offset {
			t.Errorf("step %d: claimed %v offset %v, want %v %v", i, got, s.Offset, tc.claimed, tc.offset)
		}
	}
	// Dragging past the start is damped (bouncing) …
	s.DragUpdate(-124)
	if s.Offset >= -50 || s.Offset <= -100*0.52-1e-9 {
		t.Errorf("overscroll %v: want damped, > −52", s.Offset)
	}
	s.DragEnd(0)
	run(s, 1.0/60, 1000)
	if s.Offset != 0 {
		t.Errorf("spring back ended at %v", s.Offset)
	}
	// … and dropped when clamping.
	c := &Scroller{Max: 1000, Physics: Physics{Clamping: true, MinDragDistance: 1}}
	c.DragStart()
	c.DragUpdate(-101)
	if c.Offset != 0 {
		t.Errorf("clamping drag went to %v", c.Offset)
	}
	// A tap (no claim) does not fling.
	c.DragStart()
	c.DragUpdate(0.5)
	c.DragEnd(5000)
	if c.Phase() != Idle || c.Offset != 0 {
		t.Errorf("tap moved: %v %v", c.Phase(), c.Offset)
	}
}

func TestAnimateTo(t *testing.T) {
	s := &Scroller{Max: 5000}
	s.AnimateTo(1000)
	n := run(s, 1.0/60, 1000)
	if s.Offset != 1000 || n != 17 { // 0.3 s at 60 Hz: 18 steps, the last returns false
		t.Errorf("offset %v after %d steps", s.Offset, n)
	}
	s.AnimateTo(0)
	s.Step(AnimationDuration / 2)
	if math.Abs(s.Offset-500) > 1e-9 {
		t.Errorf("halfway at %v, want 500 (ease-in-out is symmetric)", s.Offset)
	}
}

func TestNestedChaining(t *testing.T) {
	const pinned = 300 // header 300 px, body offset-top 0
	newN := func() *Nested {
		return &Nested{Outer: &Scroller{Max: pinned}, Inner: &Scroller{Max: 5000}}
	}
	// Drag toward the end: outer first up to the pinned offset, then inner.
	n := newN()
	n.DragStart()
	n.DragUpdate(18) // slop
	for _, tc := range []struct{ delta, outer, inner float64 }{
		{200, 200, 0}, {150, 300, 50}, {-30, 300, 20}, {-80, 240, 0},
	} {
		n.DragUpdate(tc.delta)
		if n.Outer.Offset != tc.outer || n.Inner.Offset != tc.inner {
			t.Errorf("delta %v: outer %v inner %v, want %v %v", tc.delta, n.Outer.Offset, n.Inner.Offset, tc.outer, tc.inner)
		}
	}
	// Fling toward the end hands over at the pinned offset with the
	// velocity the outer had there.
	n = newN()
	n.Fling(3000)
	var handed float64
	for i := 0; n.Step(1.0/60) && i < 10000; i++ {
		if handed == 0 && n.Inner.Offset > 0 {
			handed = n.Inner.Velocity()
			if n.Outer.Offset != pinned {
				t.Fatalf("inner moved while outer at %v", n.Outer.Offset)
			}
		}
	}
	k := -1000 * math.Log(decelNormal)
	if handed == 0 || handed > 3000-k*pinned+1e-6 {
		t.Errorf("inner started with %v px/s, want ≤ %v", handed, 3000-k*pinned)
	}
	// One continuous curve: the total equals a single fling's distance.
	single := &Scroller{Max: 1e9}
	single.Fling(3000)
	run(single, 1.0/60, 1e6)
	if total := n.Outer.Offset + n.Inner.Offset; math.Abs(total-single.Offset) > 6 {
		t.Errorf("chained fling travelled %v, single %v", total, single.Offset)
	}
	// Fling back: inner first down to 0, then the outer takes over.
	n.Fling(-4000)
	for i := 0; n.Step(1.0/60) && i < 10000; i++ {
		if n.Outer.Offset < pinned && n.Inner.Offset != 0 {
			t.Fatalf("outer moved while inner at %v", n.Inner.Offset)
		}
	}
	if n.Inner.Offset != 0 || n.Outer.Offset >= pinned {
		t.Errorf("after fling back: outer %v inner %v", n.Outer.Offset, n.Inner.Offset)
	}
}
