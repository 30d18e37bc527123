package script

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
)

// Limits bound one guarded run: a callback and everything it calls.
type Limits struct {
	// CPU is the CPU time the script's own OS thread may use. Time the
	// thread spends waiting for a core (a busy or shared machine) does not
	// count. Where a thread's CPU time cannot be read it is wall time.
	CPU time.Duration
	// Wall is the wall-clock backstop; 0 means WallFactor × CPU.
	Wall time.Duration
	// Heap bounds the growth of the live Go heap during the run (a runaway
	// s += s or array growth), and twice Heap the growth of the heap's
	// objects live or not yet collected (the live size is known only after
	// a collection; this catches a fast runaway before it); 0 means none.
	Heap uint64
}

// WallFactor sets the default wall-clock backstop: a run is stopped after
// WallFactor × its CPU budget of wall time even if its thread got little CPU
// (only a machine starved to 1/WallFactor of a core reaches it).
const WallFactor = 50

// DefaultHeapGrowth is the heap budget of one run of the logic layer or of
// a WXS call: no page needs to keep this much new memory alive in one
// callback.
const DefaultHeapGrowth = 64 << 20

// pollEvery is how often a run with a heap budget is checked.
const pollEvery = 5 * time.Millisecond

// Exceeded is the value a Guard interrupts its runtime with: which budget
// ran out. Its text is the diagnostic's message.
type Exceeded struct {
	Kind  string // "cpu", "wall", "heap" or "closed"
	Limit time.Duration
	Bytes uint64
}

func (e *Exceeded) Error() string {
	switch e.Kind {
	case "cpu":
		if !ThreadCPUMeasured {
			return fmt.Sprintf("script ran longer than %v and was interrupted", e.Limit)
		}
		return fmt.Sprintf("script used more than %v of CPU time and was interrupted (infinite loop?)", e.Limit)
	case "wall":
		return fmt.Sprintf("script ran longer than %v (wall clock) and was interrupted", e.Limit)
	case "heap":
		return fmt.Sprintf("script grew memory by more than %d MiB and was interrupted", e.Bytes>>20)
	case "closed":
		return "script stopped: the page was closed"
	}
	return "script interrupted"
}

// String is Error (goja prints interrupt values with %v).
func (e *Exceeded) String() string { return e.Error() }

// Guard interrupts one goja runtime when the run in progress exceeds its
// Limits. Start and Stop are called on the goroutine that runs the scripts;
// Close may be called from any goroutine.
//
// A guard reads the CPU clock lazily: a run that ends before its first
// check (the common case: most callbacks take microseconds) costs no clock
// read, and the first check takes the baseline, counting the wall time
// before it as CPU time (at most firstCheckMax, an upper bound). An Exact
// guard reads the clock at Start and Stop instead, so Stop's result is the
// run's CPU time however short.
type Guard struct {
	rt    *goja.Runtime
	exact bool

	mu       sync.Mutex
	active   bool
	closed   bool
	lim      Limits
	clock    threadClock
	measured bool          // cpu0 is a reading of clock
	cpu0     time.Duration // clock at the baseline
	charge   time.Duration // wall time before the baseline, counted as CPU
	wall0    time.Time
	heap0    uint64 // live heap at the first check
	objects0 uint64 // heap objects at the first check
	heapSet  bool
	timer    *time.Timer
	tripped  atomic.Pointer[Exceeded]
	samples  []metrics.Sample
}

// firstCheckMax bounds the wall time before a run's first check (and so
// the wall time a lazy guard counts as CPU time).
const firstCheckMax = 10 * time.Millisecond

// NewGuard returns a guard for rt. exact makes Stop report the CPU time of
// short runs too (two clock reads per run); otherwise short runs report
// their wall time.
func NewGuard(rt *goja.Runtime, exact bool) *Guard {
	g := &Guard{rt: rt, exact: exact, samples: []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}}
	g.timer = time.AfterFunc(time.Hour, g.fire)
	g.timer.Stop()
	return g
}

// Start begins a run. It locks the calling goroutine to its OS thread
// until Stop, so that the thread's CPU clock is the script's. (Only for the
// run: a goroutine locked for good makes every message to it an OS thread
// switch, which tripled a tap's round trip.)
func (g *Guard) Start(lim Limits) {
	if lim.Wall <= 0 {
		lim.Wall = WallFactor * lim.CPU
	}
	runtime.LockOSThread()
	clock := currentThreadClock()
	var cpu0 time.Duration
	ok := false
	if g.exact {
		cpu0, ok = clock.now()
	}
	g.mu.Lock()
	g.rt.ClearInterrupt()
	g.tripped.Store(nil)
	g.active, g.lim = true, lim
	g.clock, g.measured, g.cpu0, g.charge = clock, ok, cpu0, 0
	g.wall0 = time.Now()
	g.heapSet = false
	if g.closed {
		e := &Exceeded{Kind: "closed"}
		g.tripped.Store(e)
		g.rt.Interrupt(e)
	}
	g.timer.Reset(g.firstCheck())
	g.mu.Unlock()
}

func (g *Guard) firstCheck() time.Duration {
	d := min(g.lim.CPU, g.lim.Wall, firstCheckMax) // CPU time cannot run ahead of wall time
	if g.lim.Heap > 0 {
		d = min(d, pollEvery)
	}
	return max(d, time.Millisecond)
}

// used is the run's CPU time so far (wall time where the thread's clock
// cannot be read).
func (g *Guard) used() time.Duration {
	if g.measured {
		if now, ok := g.clock.now(); ok {
			return g.charge + now - g.cpu0
		}
	}
	return time.Since(g.wall0)
}

// baseline takes a lazy guard's first clock reading.
func (g *Guard) baseline() {
	if g.measured {
		return
	}
	if now, ok := g.clock.now(); ok {
		g.cpu0, g.charge, g.measured = now, time.Since(g.wall0), true
	}
}

// heap reads the live heap (as of the last collection) and the heap's
// objects (live or not yet collected).
func (g *Guard) heap() (live, objects uint64) {
	metrics.Read(g.samples)
	if g.samples[0].Value.Kind() == metrics.KindUint64 {
		live = g.samples[0].Value.Uint64()
	}
	if g.samples[1].Value.Kind() == metrics.KindUint64 {
		objects = g.samples[1].Value.Uint64()
	}
	return live, objects
}

// fire checks the run against its limits and interrupts or re-arms.
func (g *Guard) fire() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.active || g.tripped.Load() != nil {
		return
	}
	g.baseline()
	cpu := g.used()
	wall := time.Since(g.wall0)
	var e *Exceeded
	switch {
	case cpu >= g.lim.CPU:
		e = &Exceeded{Kind: "cpu", Limit: g.lim.CPU}
	case wall >= g.lim.Wall:
		e = &Exceeded{Kind: "wall", Limit: g.lim.Wall}
	case g.lim.Heap > 0:
		live, objects := g.heap()
		switch {
		case !g.heapSet:
			g.heap0, g.objects0, g.heapSet = live, objects, true
		case live > g.heap0 && live-g.heap0 > g.lim.Heap,
			objects > g.objects0 && objects-g.objects0 > 2*g.lim.Heap:
			e = &Exceeded{Kind: "heap", Bytes: g.lim.Heap}
		}
	}
	if e != nil {
		g.tripped.Store(e)
		g.rt.Interrupt(e)
		return
	}
	next := min(g.lim.CPU-cpu, g.lim.Wall-wall)
	if g.lim.Heap > 0 {
		next = min(next, pollEvery)
	}
	g.timer.Reset(max(next, time.Millisecond))
}

// Stop ends the run and returns the CPU time it used and why it was
// interrupted (nil when it was not).
func (g *Guard) Stop() (time.Duration, *Exceeded) {
	g.mu.Lock()
	g.active = false
	g.timer.Stop()
	used := g.used()
	e := g.tripped.Load()
	g.rt.ClearInterrupt()
	g.mu.Unlock()
	runtime.UnlockOSThread()
	return used, e
}

// Used is the CPU time of the run in progress (for budgets spanning
// several runs).
func (g *Guard) Used() time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.active {
		return 0
	}
	return g.used()
}

// Tripped is why the run in progress was interrupted, or nil. Go code that
// loops on the script's behalf (value conversion) polls it, since goja only
// notices an interrupt between JavaScript instructions.
func (g *Guard) Tripped() *Exceeded { return g.tripped.Load() }

// Close interrupts the run in progress, if any, and every later one at
// once: the host is shutting the runtime down.
func (g *Guard) Close() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.closed = true
	if g.active && g.tripped.Load() == nil {
		e := &Exceeded{Kind: "closed"}
		g.tripped.Store(e)
		g.rt.Interrupt(e)
	}
}
