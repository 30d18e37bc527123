package core

import (
	"bytes"
	"testing"
	"time"

	"github.com/skyline-go/skyline/engine"
)

// listOffset is the scroll offset of the scroll-feed page's list.
func listOffset(t *testing.T, s *Session) float64 {
	t.Helper()
	var list *engine.Node
	s.Page.Root().Walk(func(n *engine.Node) bool {
		if n.ID() == "list" {
			list = n
		}
		return list == nil
	})
	off, _, ok := s.Page.ScrollOffset(list)
	if !ok {
		t.Fatal("the feed's list is not laid out")
	}
	return off
}

// TestSessionDragScrolls: in the preview's session, a click-drag on the
// feed drags its list (the frame changes on every move), the release
// flings it on while Tick runs with the frame time, Tick asks for frames
// while the list moves and for none once it rests; a wheel notch scrolls
// too.
func TestSessionDragScrolls(t *testing.T) {
	dev, _ := LookupDevice("iphone8")
	s := NewSession("../../../../testdata/pages/scroll-feed", dev, false)
	s.Reload()
	defer s.Close()
	if s.App == nil {
		t.Fatalf("did not load: %v", s.Messages())
	}
	const frame = time.Second / 60
	s.Tick(frame) // what loading started settles
	first := renderSession(t, s)
	y := 500.0
	s.Touch("start", 180, y)
	for i := range 20 {
		s.Tick(frame)
		y -= 15
		if changed := s.Touch("move", 180, y); i >= 2 && !changed {
			t.Fatalf("move %d of a drag asked for no frame", i)
		}
	}
	if off := listOffset(t, s); off != 300-18 {
		t.Fatalf("offset %v after a 300 px drag, want 282", off)
	}
	dragged := renderSession(t, s)
	if bytes.Equal(first.Pix, dragged.Pix) {
		t.Fatal("the frame did not change after the drag")
	}
	s.Touch("end", 180, y)
	released := listOffset(t, s)
	ticks := 0
	for s.Tick(frame) {
		ticks++
		if ticks > 600 {
			t.Fatal("the fling never stopped")
		}
	}
	if off := listOffset(t, s); off < released+100 || ticks < 10 {
		t.Fatalf("fling: %v → %v over %d ticks", released, off, ticks)
	}
	if s.Animating() || s.Tick(frame) {
		t.Fatal("at rest, Tick still asks for frames")
	}
	flung := renderSession(t, s)
	if bytes.Equal(flung.Pix, dragged.Pix) {
		t.Fatal("the frame did not change over the fling")
	}
	// The session's clock is the wall clock, so the drag's velocity (and
	// how far the fling went, possibly to the end) depends on the machine:
	// a notch up scrolls back in any case.
	before := listOffset(t, s)
	dx, dy := WheelDelta(0, 1)
	if !s.Wheel(180, 300, dx, dy) || listOffset(t, s) != before-40 {
		t.Fatalf("wheel: offset %v, want %v", listOffset(t, s), before-40)
	}
}
