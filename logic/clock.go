package logic

import (
	"sync"
	"time"
)

// Clock is the time timers run on.
type Clock interface {
	// Now is the time since an arbitrary origin.
	Now() time.Duration
}

// Advancer is a Clock that moves only when told (ManualClock). The runtime
// arms no wall-clock timers for it; Tick advances it.
type Advancer interface {
	Clock
	Advance(d time.Duration)
}

// RealClock is wall time since its creation.
type RealClock struct{ start time.Time }

// NewRealClock starts a real clock at zero.
func NewRealClock() *RealClock { return &RealClock{start: time.Now()} }

// Now implements Clock.
func (c *RealClock) Now() time.Duration { return time.Since(c.start) }

// ManualClock is a test clock that moves only through Advance (or Tick).
type ManualClock struct {
	mu  sync.Mutex
	now time.Duration
}

// Now implements Clock.
func (c *ManualClock) Now() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward by d (negative d is ignored).
func (c *ManualClock) Advance(d time.Duration) {
	if d <= 0 {
		return
	}
	c.mu.Lock()
	c.now += d
	c.mu.Unlock()
}
