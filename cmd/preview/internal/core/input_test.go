package core

import "testing"

func TestWheelDelta(t *testing.T) {
	dx, dy := WheelDelta(0, 1) // one notch up: content moves toward the start
	if dx != 0 || dy != -wheelStep {
		t.Errorf("WheelDelta(0, 1) = %v, %v", dx, dy)
	}
	dx, dy = WheelDelta(-0.5, -2)
	if dx != wheelStep/2 || dy != 2*wheelStep {
		t.Errorf("WheelDelta(-0.5, -2) = %v, %v", dx, dy)
	}
}

func TestDragTracker(t *testing.T) {
	type frame struct {
		pressed        bool
		x, y           int
		moved          bool
		cx, cy, dx, dy float32
	}
	frames := []frame{
		{pressed: false, x: 10, y: 10},
		{pressed: true, x: 100, y: 200}, // press: no motion yet
		{pressed: true, x: 100, y: 200}, // held still
		{pressed: true, x: 90, y: 160, moved: true, cx: 45, cy: 80, dx: 5, dy: 20},
		{pressed: true, x: 90, y: 170, moved: true, cx: 45, cy: 85, dx: 0, dy: -5},
		{pressed: false, x: 0, y: 0},    // release
		{pressed: true, x: 300, y: 300}, // a new press starts afresh
		{pressed: true, x: 302, y: 300, moved: true, cx: 151, cy: 150, dx: -1, dy: 0},
	}
	var d DragTracker
	for i, f := range frames {
		cx, cy, dx, dy, moved := d.Step(f.pressed, f.x, f.y, 2)
		if moved != f.moved || cx != f.cx || cy != f.cy || dx != f.dx || dy != f.dy {
			t.Errorf("frame %d: got (%v,%v) d(%v,%v) moved=%v, want (%v,%v) d(%v,%v) moved=%v",
				i, cx, cy, dx, dy, moved, f.cx, f.cy, f.dx, f.dy, f.moved)
		}
	}
}
