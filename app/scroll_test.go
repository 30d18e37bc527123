package app

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/logic"
)

// TestTouchDragFlingsAndWheel: through the App, a finger dragging the feed
// list scrolls it (the engine's touch stream, spec §4.5), the release
// flings on while Advance runs, Advance reports the motion until it stops,
// and a wheel delta scrolls at once.
func TestTouchDragFlingsAndWheel(t *testing.T) {
	clock := &logic.ManualClock{}
	a, err := Open(filepath.Join(pagesDir, "scroll-feed"), Options{Viewport: engine.Viewport{Width: 375, Height: 667, DPR: 1}, Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	p := a.Page()
	p.Update()
	var list *engine.Node
	p.Root().Walk(func(n *engine.Node) bool {
		if n.ID() == "list" {
			list = n
		}
		return list == nil
	})
	offset := func() float64 {
		off, _, ok := p.ScrollOffset(list)
		if !ok {
			t.Fatal("the list is not laid out")
		}
		return off
	}
	const frame = time.Second / 60
	y := 500.0
	a.TouchStart(0, 180, y)
	for range 20 {
		a.Advance(frame)
		y -= 15 // 900 px/s upward
		a.TouchMove(0, 180, y)
	}
	dragged := offset()
	if dragged != 300-18 {
		t.Fatalf("offset %v after a 300 px drag, want 282 (beyond min-drag-distance)", dragged)
	}
	a.TouchEnd(0, 180, y)
	frames := 0
	for a.Advance(frame) {
		frames++
		if frames > 600 {
			t.Fatal("the fling never stopped")
		}
	}
	flung := offset()
	if flung < dragged+100 || frames < 10 {
		t.Fatalf("fling: %v → %v over %d frames", dragged, flung, frames)
	}
	if !a.Wheel(180, 300, 0, 40) || offset() != flung+40 {
		t.Fatalf("wheel: offset %v, want %v", offset(), flung+40)
	}
	if a.Wheel(180, 20, 0, 40) {
		t.Fatal("a wheel over the nav bar scrolled")
	}
}
