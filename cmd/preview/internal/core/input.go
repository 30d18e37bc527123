package core

import "time"

// The window's pointer reaches the page as the engine's one touch stream
// (Session.Touch: the left button is a finger, so a click taps and a
// click-drag scrolls and flings, spec §4.5) and as wheel deltas
// (Session.Wheel). Scroll physics run in Session.Tick.

// wheelStep is the CSS distance of one wheel notch, as desktop browsers
// scroll by default (Chromium scrolls 40 px per notch on Linux).
const wheelStep = 40

// WheelDelta turns ebiten's wheel offsets (notches, positive = up/left;
// fractions from trackpads) into a content scroll delta in CSS px
// (positive = toward the end).
func WheelDelta(xoff, yoff float64) (dx, dy float64) {
	return -xoff * wheelStep, -yoff * wheelStep
}

// maxTick bounds one step of the page's clock: after a stall (the window
// dragged, a slow reload) a fling continues from where it was instead of
// jumping to where it would have stopped.
const maxTick = 100 * time.Millisecond

// TickClock measures the real time between the window's ticks (ebiten's
// 60 Hz Update), the dt Session.Tick steps the page's physics by.
type TickClock struct {
	last time.Time
}

// Step returns the time since the previous Step, at most maxTick; the first
// Step returns one 60 Hz frame.
func (c *TickClock) Step(now time.Time) time.Duration {
	dt := time.Second / 60
	if !c.last.IsZero() {
		dt = min(max(now.Sub(c.last), 0), maxTick)
	}
	c.last = now
	return dt
}
