package core

import (
	"testing"
	"time"
)

func TestWheelDelta(t *testing.T) {
	for _, tc := range []struct{ xo, yo, dx, dy float64 }{
		{0, 1, 0, -40}, // one notch up: content moves toward the start
		{-0.5, -2, 20, 80},
		{0, -0.25, 0, 10}, // a trackpad's fraction of a notch
	} {
		if dx, dy := WheelDelta(tc.xo, tc.yo); dx != tc.dx || dy != tc.dy {
			t.Errorf("WheelDelta(%v, %v) = %v, %v; want %v, %v", tc.xo, tc.yo, dx, dy, tc.dx, tc.dy)
		}
	}
}

func TestTickClock(t *testing.T) {
	var c TickClock
	t0 := time.Unix(1000, 0)
	for i, tc := range []struct {
		at   time.Duration
		want time.Duration
	}{
		{0, time.Second / 60}, // the first tick: one frame
		{17 * time.Millisecond, 17 * time.Millisecond},
		{50 * time.Millisecond, 33 * time.Millisecond},
		{2 * time.Second, maxTick}, // a stall is capped
		{2 * time.Second, 0},
	} {
		if got := c.Step(t0.Add(tc.at)); got != tc.want {
			t.Errorf("tick %d at %v: dt %v, want %v", i, tc.at, got, tc.want)
		}
	}
}
