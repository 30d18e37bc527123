package scroll

import "testing"

// Steady-state frames allocate nothing: a warmed list scrolled frame by
// frame (items built from the pool, disposed into it) and a fling frame.
func TestFrameAllocatesNothing(t *testing.T) {
	_, _, d := newMillion(t)
	off, _ := d.vp.ScrollIntoView(0, 400_000, IntoView{})
	d.s.JumpTo(off)
	d.layout()
	ev := &Events{UpperThreshold: 50, LowerThreshold: 50}
	frame := func(step float64) {
		d.s.Offset += step
		d.frame(1.0 / 60)
		ev.Update(d.s.Offset, d.vp.ContentExtent(), vpMain, 400, d.s.Phase(), d.s.BoundaryVelocity())
	}
	for range 400 { // warm: buffers and the pool reach their steady size
		frame(60)
	}
	for range 400 {
		frame(-60)
	}
	if a := testing.AllocsPerRun(200, func() { frame(45) }); a != 0 {
		t.Errorf("scroll frame: %v allocs", a)
	}
	d.s.Fling(3000)
	if a := testing.AllocsPerRun(50, func() { frame(0) }); a != 0 {
		t.Errorf("fling frame: %v allocs", a)
	}
}
