package motion

import "time"

// Ticker is anything that moves with time: a node's transitions and
// animations, a worklet animation, scroll physics. Tick steps it to the
// frame timestamp now and reports whether it still moves; a ticker that
// reports false leaves the clock's registry and asks for no more frames
// until it is started again.
type Ticker interface {
	Tick(now time.Duration) (active bool)
}

// Clock is the one frame clock (Flutter's scheduler): every time-driven
// thing of a page steps by the timestamp BeginFrame latches, so a
// transition, a worklet spring and a fling that move in the same frame see
// the same time. A Clock is manual (the zero value, for tests: time moves
// only by Advance or Set) or real (NewRealClock, for hosts: time is read
// from the monotonic wall clock once per frame).
//
// Clock rules (README "Motion rules"):
//   - Now is the latched timestamp of the current frame; it does not move
//     inside a frame, whoever reads it.
//   - Timestamps never go backwards: a real clock that reads an earlier time
//     keeps the previous one.
//   - A page with nothing moving asks for no frames: NeedsFrame is true only
//     while a registered ticker is active or a frame was requested.
//
// A Clock belongs to the frame loop's goroutine; it is not safe for
// concurrent use.
type Clock struct {
	now, prev time.Duration
	origin    time.Time // real clocks: time zero
	real      bool
	requested bool
	tickers   []Ticker
	// While Frame ticks, Start and Stop go through these (a ticker may
	// start or stop tickers, itself included, from its Tick).
	ticking        bool
	added, stopped []Ticker
}

// NewRealClock returns a clock that reads the monotonic wall clock at each
// BeginFrame, starting at 0.
func NewRealClock() *Clock { return &Clock{origin: time.Now(), real: true} }

// Now is the current frame's timestamp.
func (c *Clock) Now() time.Duration { return c.now }

// Delta is the time between the previous frame and this one (0 for the
// first frame); scroll physics step by it.
func (c *Clock) Delta() time.Duration { return c.now - c.prev }

// Advance moves a manual clock forward by d (negative d is ignored). It does
// not start a frame: call BeginFrame (or Frame) after it.
func (c *Clock) Advance(d time.Duration) {
	if d > 0 {
		c.Set(c.now + d)
	}
}

// Set moves a manual clock to t; earlier times are ignored (timestamps
// never go backwards).
func (c *Clock) Set(t time.Duration) {
	if t > c.now {
		c.prev, c.now = c.now, t
	}
}

// BeginFrame latches the frame timestamp (reading the wall clock for a real
// clock) and clears a pending RequestFrame. It returns the timestamp.
func (c *Clock) BeginFrame() time.Duration {
	if c.real {
		c.prev = c.now
		if t := time.Since(c.origin); t > c.now {
			c.now = t
		}
	}
	c.requested = false
	return c.now
}

// Frame begins a frame and ticks every registered ticker with its
// timestamp, in registration order, dropping those that report they no
// longer move. A ticker started during the frame is first ticked in the
// next one; one stopped during the frame is not ticked after. Frame
// allocates nothing in steady state.
func (c *Clock) Frame() time.Duration {
	now := c.BeginFrame()
	c.ticking = true
	n := len(c.tickers)
	kept := 0
	for i := range n {
		t := c.tickers[i]
		if c.isStopped(t) {
			continue
		}
		if t.Tick(now) && !c.isStopped(t) {
			c.tickers[kept] = t
			kept++
		}
	}
	if len(c.stopped) > 0 { // stopped after their own tick this frame
		k := 0
		for _, t := range c.tickers[:kept] {
			if !c.isStopped(t) {
				c.tickers[k] = t
				k++
			}
		}
		kept = k
	}
	clear(c.tickers[kept:])
	c.tickers = append(c.tickers[:kept], c.added...)
	clear(c.added)
	clear(c.stopped)
	c.added, c.stopped = c.added[:0], c.stopped[:0]
	c.ticking = false
	return now
}

func (c *Clock) isStopped(t Ticker) bool {
	for _, u := range c.stopped {
		if u == t {
			return true
		}
	}
	return false
}

// Start registers t so that it is ticked every frame until it reports it
// no longer moves or Stop removes it. Starting a registered ticker again
// does nothing.
func (c *Clock) Start(t Ticker) {
	if c.ticking {
		for i, u := range c.stopped {
			if u == t { // stopped and started again in one frame
				c.stopped = append(c.stopped[:i], c.stopped[i+1:]...)
				break
			}
		}
		if c.registered(c.added, t) || c.registered(c.tickers, t) {
			return
		}
		c.added = append(c.added, t)
		return
	}
	if !c.registered(c.tickers, t) {
		c.tickers = append(c.tickers, t)
	}
}

func (c *Clock) registered(list []Ticker, t Ticker) bool {
	for _, u := range list {
		if u == t {
			return true
		}
	}
	return false
}

// Stop unregisters t (nothing when it is not registered).
func (c *Clock) Stop(t Ticker) {
	if c.ticking {
		for i, u := range c.added {
			if u == t {
				c.added = append(c.added[:i], c.added[i+1:]...)
				return
			}
		}
		c.stopped = append(c.stopped, t)
		return
	}
	for i, u := range c.tickers {
		if u == t {
			copy(c.tickers[i:], c.tickers[i+1:])
			c.tickers[len(c.tickers)-1] = nil
			c.tickers = c.tickers[:len(c.tickers)-1]
			return
		}
	}
}

// Active is the number of registered tickers.
func (c *Clock) Active() int { return len(c.tickers) }

// RequestFrame asks for one frame although nothing moves (a setData, a
// style change that may start a transition).
func (c *Clock) RequestFrame() { c.requested = true }

// NeedsFrame reports whether the host should produce another frame: a
// ticker is registered or a frame was requested since the last BeginFrame.
func (c *Clock) NeedsFrame() bool { return c.requested || len(c.tickers) > 0 }

// ms converts a clock timestamp to float milliseconds, the unit of CSS
// times and of worklet timestamps.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
