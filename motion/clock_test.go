package motion

import (
	"testing"
	"time"
)

type countTicker struct {
	left  int
	times []time.Duration
}

func (c *countTicker) Tick(now time.Duration) bool {
	c.times = append(c.times, now)
	c.left--
	return c.left > 0
}

func TestClockManualFrames(t *testing.T) {
	var c Clock
	if c.NeedsFrame() {
		t.Fatal("an idle clock asks for a frame")
	}
	a, b := &countTicker{left: 2}, &countTicker{left: 3}
	c.Start(a)
	c.Start(b)
	c.Start(a) // twice: still one registration
	if !c.NeedsFrame() || c.Active() != 2 {
		t.Fatalf("active %d", c.Active())
	}
	for range 3 {
		c.Advance(16 * time.Millisecond)
		c.Frame()
	}
	if c.NeedsFrame() {
		t.Fatal("finished tickers still ask for frames")
	}
	want := []time.Duration{16 * time.Millisecond, 32 * time.Millisecond}
	if len(a.times) != 2 || a.times[0] != want[0] || a.times[1] != want[1] {
		t.Fatalf("a ticked at %v", a.times)
	}
	if len(b.times) != 3 || b.times[2] != 48*time.Millisecond {
		t.Fatalf("b ticked at %v", b.times)
	}
	if c.Delta() != 16*time.Millisecond {
		t.Fatalf("delta %v", c.Delta())
	}
	c.Set(time.Millisecond) // backwards: ignored
	if c.Now() != 48*time.Millisecond {
		t.Fatalf("time went backwards to %v", c.Now())
	}
	c.RequestFrame()
	if !c.NeedsFrame() {
		t.Fatal("a requested frame is not needed")
	}
	c.BeginFrame()
	if c.NeedsFrame() {
		t.Fatal("the request outlived its frame")
	}
}

func TestClockStop(t *testing.T) {
	var c Clock
	a, b := &countTicker{left: 100}, &countTicker{left: 100}
	c.Start(a)
	c.Start(b)
	c.Stop(a)
	c.Frame()
	if len(a.times) != 0 || len(b.times) != 1 {
		t.Fatalf("a %d b %d ticks", len(a.times), len(b.times))
	}
}

func TestClockReal(t *testing.T) {
	c := NewRealClock()
	t0 := c.BeginFrame()
	time.Sleep(2 * time.Millisecond)
	t1 := c.BeginFrame()
	if t1 <= t0 || c.Delta() != t1-t0 {
		t.Fatalf("real clock %v then %v", t0, t1)
	}
}

func TestClockFrameAllocs(t *testing.T) {
	var c Clock
	tk := &stillTicker{}
	c.Start(tk)
	if n := testing.AllocsPerRun(100, func() { c.Advance(time.Millisecond); c.Frame() }); n != 0 {
		t.Fatalf("Frame allocates %v", n)
	}
}

type stillTicker struct{ n int }

func (s *stillTicker) Tick(time.Duration) bool { s.n++; return true }

// chainTicker starts next and stops victim from its Tick.
type chainTicker struct {
	c            *Clock
	next, victim Ticker
	ticks        int
}

func (t *chainTicker) Tick(time.Duration) bool {
	t.ticks++
	if t.next != nil {
		t.c.Start(t.next)
		t.next = nil
	}
	if t.victim != nil {
		t.c.Stop(t.victim)
		t.victim = nil
	}
	return t.ticks < 3
}

func TestClockStartStopFromTick(t *testing.T) {
	var c Clock
	later := &countTicker{left: 5}
	victim := &countTicker{left: 5}
	first := &chainTicker{c: &c, next: later, victim: victim}
	c.Start(first)
	c.Start(victim)
	c.Frame()
	if len(later.times) != 0 || len(victim.times) != 0 {
		t.Errorf("first frame: later ticked %d, victim %d (want 0, 0)", len(later.times), len(victim.times))
	}
	c.Frame()
	if len(later.times) != 1 || len(victim.times) != 0 || c.Active() != 2 {
		t.Errorf("second frame: later %d victim %d active %d", len(later.times), len(victim.times), c.Active())
	}
}

func TestClockStopEarlierTickerFromTick(t *testing.T) {
	var c Clock
	victim := &countTicker{left: 5}
	c.Start(victim)
	c.Start(&chainTicker{c: &c, victim: victim})
	c.Frame()
	c.Frame()
	if len(victim.times) != 1 {
		t.Errorf("victim ticked %d times, want 1 (stopped after its first tick)", len(victim.times))
	}
}
