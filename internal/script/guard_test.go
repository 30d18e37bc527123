package script

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
)

func guarded(t *testing.T, src string, lim Limits, setup func(*goja.Runtime)) (error, *Exceeded, time.Duration) {
	t.Helper()
	return guardedMode(t, src, lim, setup, true)
}

func guardedMode(t *testing.T, src string, lim Limits, setup func(*goja.Runtime), exact bool) (error, *Exceeded, time.Duration) {
	t.Helper()
	rt := goja.New()
	if setup != nil {
		setup(rt)
	}
	g := NewGuard(rt, exact)
	g.Start(lim)
	_, err := rt.RunString(src)
	used, e := g.Stop()
	return err, e, used
}

func TestGuardStopsARunawayLoopOnCPUTime(t *testing.T) {
	start := time.Now()
	err, e, used := guarded(t, "while (1) {}", Limits{CPU: 50 * time.Millisecond}, nil)
	var ie *goja.InterruptedError
	if !errors.As(err, &ie) || e == nil || e.Kind != "cpu" {
		t.Fatalf("err %v, exceeded %v", err, e)
	}
	if used < 50*time.Millisecond {
		t.Errorf("interrupted after %v of CPU, before its budget", used)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
	if !strings.Contains(e.Error(), "interrupted") {
		t.Errorf("message %q", e)
	}
}

// Time a script spends off the CPU (here: blocked in a host call, as a
// thread waiting for a core on a busy machine is) does not count: a
// correct page does not fail because the machine is slow or shared.
func TestGuardDoesNotCountTimeOffTheCPU(t *testing.T) {
	if !ThreadCPUMeasured {
		t.Skip("no thread CPU clock on this platform")
	}
	for _, exact := range []bool{true, false} {
		err, e, used := guardedMode(t, "for (var i = 0; i < 6; i++) nap(); 'done'", Limits{CPU: 100 * time.Millisecond, Wall: 5 * time.Second},
			func(rt *goja.Runtime) {
				_ = rt.Set("nap", func() { time.Sleep(50 * time.Millisecond) })
			}, exact)
		if err != nil || e != nil {
			t.Fatalf("exact=%v: a script that waited 300 ms but used little CPU was stopped: %v %v", exact, err, e)
		}
		// A lazy guard counts the wall time before its first check.
		if used > 100*time.Millisecond {
			t.Errorf("exact=%v: counted %v of CPU for a sleeping script", exact, used)
		}
	}
}

func TestLazyGuardStopsARunawayLoop(t *testing.T) {
	err, e, _ := guardedMode(t, "while (1) {}", Limits{CPU: 50 * time.Millisecond}, nil, false)
	if err == nil || e == nil || e.Kind != "cpu" {
		t.Fatalf("err %v, exceeded %v", err, e)
	}
}

func TestGuardWallBackstop(t *testing.T) {
	err, e, _ := guarded(t, "for (;;) nap();", Limits{CPU: time.Second, Wall: 150 * time.Millisecond},
		func(rt *goja.Runtime) {
			_ = rt.Set("nap", func() { time.Sleep(10 * time.Millisecond) })
		})
	if err == nil || e == nil || e.Kind != "wall" {
		t.Fatalf("err %v, exceeded %v; want the wall backstop", err, e)
	}
}

func TestGuardStopsRunawayMemoryGrowth(t *testing.T) {
	for _, src := range []string{
		"var s = 'x'; for (;;) s += s;",
		"var a = []; for (;;) a.push({k: a.length, v: 'some text'});",
	} {
		t.Run(src, func(t *testing.T) {
			w := WatchHeap()
			err, e, _ := guarded(t, src, Limits{CPU: 20 * time.Second, Wall: 60 * time.Second, Heap: 64 << 20}, nil)
			peak := w.Stop()
			if err == nil || e == nil || e.Kind != "heap" {
				t.Fatalf("err %v, exceeded %v; want the heap budget", err, e)
			}
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			// The heap is polled every 5 ms on its own goroutine: a runaway
			// that doubles its memory (s += s) can double once or twice more
			// while a loaded machine delays the poll, so the peak ceiling is
			// that of the hostile tests (1 GiB), not the budget itself.
			if ms.HeapAlloc > 256<<20 || peak > 1<<30 {
				t.Errorf("heap %d MiB after the run, peaked at %d MiB", ms.HeapAlloc>>20, peak>>20)
			}
			t.Logf("%v; heap peaked at %d MiB", e, peak>>20)
		})
	}
}

func TestGuardCloseInterruptsNowAndLater(t *testing.T) {
	rt := goja.New()
	g := NewGuard(rt, true)
	done := make(chan error, 1)
	go func() {
		g.Start(Limits{CPU: time.Minute})
		_, err := rt.RunString("while (1) {}")
		g.Stop()
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	g.Close()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("the loop ended without an error")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not stop the running script")
	}
	g.Start(Limits{CPU: time.Minute})
	_, err := rt.RunString("1 + 1")
	_, e := g.Stop()
	if err == nil || e == nil || e.Kind != "closed" {
		t.Fatalf("a run after Close: %v %v", err, e)
	}
}

func TestGuardRunsBackToBack(t *testing.T) {
	rt := goja.New()
	g := NewGuard(rt, true)
	for i := range 2000 {
		g.Start(Limits{CPU: 100 * time.Millisecond, Heap: DefaultHeapGrowth})
		v, err := rt.RunString("var x = 0; for (var i = 0; i < 100; i++) x += i; x")
		if _, e := g.Stop(); err != nil || e != nil || v.ToInteger() != 4950 {
			t.Fatalf("run %d: %v %v", i, err, e)
		}
	}
}
