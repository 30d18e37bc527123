package scroll

import "testing"

// TestNestedLinked: once linked, input given to either scroller chains
// (spec §4.8), and a host that steps both scrollers every frame, in either
// order, advances the pair once per frame: the linked run matches Nested's
// own run step by step.
func TestNestedLinked(t *testing.T) {
	const pinned = 300
	for _, tc := range []struct {
		name       string
		via        func(n *Nested) *Scroller // the scroller the pointer is on
		innerFirst bool                      // step order of the host
	}{
		{"pointer on inner", func(n *Nested) *Scroller { return n.Inner }, false},
		{"pointer on outer", func(n *Nested) *Scroller { return n.Outer }, false},
		{"inner stepped first", func(n *Nested) *Scroller { return n.Inner }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ref := &Nested{Outer: &Scroller{Max: pinned}, Inner: &Scroller{Max: 5000}}
			n := &Nested{Outer: &Scroller{Max: pinned}, Inner: &Scroller{Max: 5000}}
			n.Link()
			s := tc.via(n)
			ref.DragStart()
			s.DragStart()
			for _, d := range []float64{10, 10, 100, 150, 80, -20} {
				ref.DragUpdate(d)
				s.DragUpdate(d)
				if n.Outer.Offset != ref.Outer.Offset || n.Inner.Offset != ref.Inner.Offset {
					t.Fatalf("drag %v: %v/%v, want %v/%v", d, n.Outer.Offset, n.Inner.Offset, ref.Outer.Offset, ref.Inner.Offset)
				}
			}
			if n.Outer.Offset != pinned || n.Inner.Offset != 2+100+150+80-20-pinned {
				t.Fatalf("after drag: outer %v inner %v", n.Outer.Offset, n.Inner.Offset)
			}
			ref.DragEnd(-2500)
			s.DragEnd(-2500)
			for i := 0; ; i++ {
				a := ref.Step(1.0 / 60)
				var b bool
				if tc.innerFirst {
					b = n.Inner.Step(1.0 / 60)
					b = n.Outer.Step(1.0/60) || b
				} else {
					b = n.Outer.Step(1.0 / 60)
					b = n.Inner.Step(1.0/60) || b
				}
				if a != b || n.Outer.Offset != ref.Outer.Offset || n.Inner.Offset != ref.Inner.Offset {
					t.Fatalf("frame %d: %v %v/%v, want %v %v/%v", i, b, n.Outer.Offset, n.Inner.Offset, a, ref.Outer.Offset, ref.Inner.Offset)
				}
				if !a || i > 10000 {
					break
				}
			}
			// The fling back went through the inner's start into the outer.
			if n.Inner.Offset != 0 || n.Outer.Offset >= pinned || n.Outer.Phase() != Idle || n.Inner.Phase() != Idle {
				t.Errorf("after fling back: outer %v (%v) inner %v (%v)", n.Outer.Offset, n.Outer.Phase(), n.Inner.Offset, n.Inner.Phase())
			}
			n.Unlink()
			if n.Outer.Linked() || n.Inner.Linked() || n.Outer.HandOffAtMax {
				t.Error("still linked after Unlink")
			}
		})
	}
}

// A tap (no claim) on a linked pair moves nothing, however fast the
// release; after a claimed drag ends, the scroller that does not fling is
// idle (no Dragging phase left behind: scrollend can fire).
func TestNestedTapAndPhases(t *testing.T) {
	n := &Nested{Outer: &Scroller{Max: 300}, Inner: &Scroller{Max: 5000}}
	n.Link()
	n.Inner.DragStart()
	n.Inner.DragUpdate(5)
	n.Inner.DragEnd(4000)
	if n.Outer.Phase() != Idle || n.Inner.Phase() != Idle || n.Outer.Offset != 0 || n.Inner.Offset != 0 {
		t.Fatalf("tap: outer %v %v inner %v %v", n.Outer.Phase(), n.Outer.Offset, n.Inner.Phase(), n.Inner.Offset)
	}
	n.Inner.DragStart()
	n.Inner.DragUpdate(18 + 50)
	n.Inner.DragEnd(1000)
	if n.Outer.Phase() != Flinging || n.Inner.Phase() != Idle {
		t.Fatalf("after drag: outer %v inner %v, want flinging / idle", n.Outer.Phase(), n.Inner.Phase())
	}
	// Overscroll at the outer's start springs back only the outer.
	n.Outer.JumpTo(0)
	n.Inner.DragStart()
	n.Inner.DragUpdate(-18 - 100)
	if n.Outer.Offset >= 0 || n.Inner.Offset != 0 {
		t.Fatalf("pull at the top: outer %v inner %v", n.Outer.Offset, n.Inner.Offset)
	}
	n.Inner.DragEnd(-500)
	if n.Outer.Phase() != Springing || n.Inner.Phase() != Idle {
		t.Fatalf("release of a pull: outer %v inner %v", n.Outer.Phase(), n.Inner.Phase())
	}
	for i := 0; n.Outer.Step(1.0/60) && i < 1000; i++ {
	}
	if n.Outer.Offset != 0 {
		t.Errorf("spring ended at %v", n.Outer.Offset)
	}
}

// A spring toward the Min edge follows it when it moves: the refresher's
// hold (spec §4.5) opens while the content springs back, which then comes
// to rest at the new Min; closing it later springs to 0.
func TestSpringFollowsMin(t *testing.T) {
	s := &Scroller{Max: 1000, ViewportExtent: 600}
	s.DragStart()
	s.DragUpdate(-18 - 200)
	pulled := s.Offset
	s.DragEnd(0)
	s.Step(1.0 / 60)
	s.SetRange(-45, 1000)
	if s.Phase() != Springing {
		t.Fatalf("phase %v", s.Phase())
	}
	for i := 0; s.Step(1.0/60) && i < 1000; i++ {
		if s.Offset < pulled-1e-9 || s.Offset > 0 {
			t.Fatalf("spring left [%v, 0]: %v", pulled, s.Offset)
		}
	}
	if s.Offset != -45 {
		t.Fatalf("held at %v, want −45", s.Offset)
	}
	s.SetRange(0, 1000)
	for i := 0; s.Step(1.0/60) && i < 1000; i++ {
	}
	if s.Offset != 0 || s.Phase() != Idle {
		t.Errorf("closed at %v (%v)", s.Offset, s.Phase())
	}
}
