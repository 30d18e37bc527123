package core

// Pointer receives the window's pointer input in the page's CSS pixels. The
// preview forwards wheel and click-drag motion to it; scroll physics (a later
// issue) will implement it. Coordinates are the pointer's position in the
// page window; deltas are how far the content should move, positive toward
// the end (scrollTop grows).
type Pointer interface {
	Wheel(x, y, dx, dy float32)
	Drag(x, y, dx, dy float32)
}

// NoPointer ignores input: nothing scrolls yet.
type NoPointer struct{}

func (NoPointer) Wheel(x, y, dx, dy float32) {}
func (NoPointer) Drag(x, y, dx, dy float32)  {}

// wheelStep is the CSS distance of one wheel notch, as desktop browsers
// scroll by default (Chromium scrolls 40 px per notch on Linux).
const wheelStep = 40

// WheelDelta turns ebiten's wheel offsets (notches, positive = up/left)
// into a content scroll delta in CSS px (positive = toward the end).
func WheelDelta(xoff, yoff float64) (dx, dy float32) {
	return float32(-xoff * wheelStep), float32(-yoff * wheelStep)
}

// DragTracker turns per-frame button state and cursor position (device
// pixels) into drag deltas in CSS px. Dragging the content down moves it
// toward the start, so the delta is the opposite of the pointer's motion.
type DragTracker struct {
	down         bool
	lastX, lastY int
}

// Step records one frame; moved is true when a drag moved the pointer.
func (t *DragTracker) Step(pressed bool, x, y int, dpr float32) (cx, cy, dx, dy float32, moved bool) {
	if !pressed {
		t.down = false
		return 0, 0, 0, 0, false
	}
	if !t.down {
		t.down, t.lastX, t.lastY = true, x, y
		return 0, 0, 0, 0, false
	}
	if x == t.lastX && y == t.lastY {
		return 0, 0, 0, 0, false
	}
	dx, dy = float32(t.lastX-x)/dpr, float32(t.lastY-y)/dpr
	t.lastX, t.lastY = x, y
	return float32(x) / dpr, float32(y) / dpr, dx, dy, true
}
