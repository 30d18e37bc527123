package logic

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/internal/script"
)

// Memory ceilings of the hostile cases: the peak of the heap while a case
// runs (script.WatchHeap: objects live or not yet collected) and the live
// heap once it is over (runtime.ReadMemStats after a GC).
const (
	hostilePeakCeiling = 1 << 30
	hostileLiveCeiling = 256 << 20
)

// watchMemory starts watching the heap; the function it returns fails the
// test when the case went over the ceilings.
func watchMemory(t *testing.T) func() {
	w := script.WatchHeap()
	return func() {
		t.Helper()
		peak := w.Stop()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		t.Logf("heap peak %d MiB, live after %d MiB", peak>>20, ms.HeapAlloc>>20)
		if peak > hostilePeakCeiling || ms.HeapAlloc > hostileLiveCeiling {
			t.Errorf("memory: heap peaked at %d MiB (ceiling %d), %d MiB live after the case (ceiling %d)",
				peak>>20, hostilePeakCeiling>>20, ms.HeapAlloc>>20, hostileLiveCeiling>>20)
		}
	}
}

// TestHostileScripts runs scripts that attack the bridge and the budgets.
// Each must leave the runtime alive (a later handler runs), finish within
// its bound, keep memory under the ceilings, still deliver the page's other
// data, and report one positioned error.
func TestHostileScripts(t *testing.T) {
	cases := []struct {
		name  string
		js    string // the body of go(); Page({ data: {…}, go() {…}, alive() {…} })
		data  string // Page data (default {})
		pre   string // code before Page(...)
		limit time.Duration
		// want: a diagnostic containing msg at p.js:line (col > 0).
		line  int
		msg   string
		patch string // a key the page's patch must still carry ("" none)
		bound time.Duration
	}{
		{name: "sparse array in setData", line: 5, msg: `setData: field "a": array of length 4294967295: over the limit`,
			js: "const a = []\n    a.length = 4294967295\n    this.setData({ a, ok: 1 })", patch: "ok"},
		{name: "sparse array deep in setData", line: 5, msg: `setData: field "list[0].deep[1]": array of length 4294967295`,
			js: "const a = []\n    a.length = 4294967295\n    this.setData({ list: [{ deep: [0, a] }], ok: 1 })", patch: "ok"},
		{name: "100k-deep object", line: 5, msg: "nested more than 100 levels", bound: 10 * time.Second,
			js: "let o = {}; const root = o\n    for (let i = 0; i < 100000; i++) { o.c = {}; o = o.c }\n    this.setData({ deep: root, ok: 1 })", patch: "ok"},
		{name: "cyclic value", line: 4, msg: `field "o.self": value is cyclic`,
			js: "const o = {}; o.self = o\n    this.setData({ o, ok: 1 })", patch: "ok"},
		{name: "exponential sharing", line: 4, msg: "limit of 1048576 elements",
			js: "let o = { leaf: 1 }; for (let i = 0; i < 50; i++) o = { l: o, r: o }\n    this.setData({ o, ok: 1 })", patch: "ok"},
		{name: "huge string", line: 4, msg: "more than 32 MiB of strings",
			js: "const s = 'x'.repeat(40 << 20)\n    this.setData({ s, ok: 1 })", patch: "ok"},
		{name: "many fields share one budget", line: 4, msg: "limit of 1048576 elements",
			js: "const big = new Array(600000).fill(0)\n    this.setData({ a: big, b: big, ok: 1 })", patch: "ok"},
		// goja places the interrupt of an empty loop at its function.
		{name: "runaway loop", line: 2, msg: "interrupted", limit: 50 * time.Millisecond,
			js: "while (true) {}"},
		{name: "runaway s += s", line: 3, msg: "and was interrupted", limit: 2 * time.Second,
			js: "let s = 'ab'; for (;;) s += s"},
		{name: "runaway array growth", line: 3, msg: "grew memory by more than 64 MiB", limit: 60 * time.Second, bound: 60 * time.Second,
			js: "const a = []; for (;;) a.push({ i: a.length, s: 'text ' + a.length })"},
		{name: "repeat beyond the string limit", line: 3, msg: "RangeError: Invalid string length",
			js: "'x'.repeat(2 ** 30)"},
		{name: "join of a sparse array", line: 4, msg: "RangeError: array of length 4294967295 is over the sandbox limit",
			js: "const a = []; a.length = 4294967295\n    a.join(',')"},
		{name: "JSON.stringify of a sparse array", line: 4, msg: "RangeError",
			js: "const a = []; a.length = 4294967295\n    JSON.stringify({ a })"},
		{name: "typed array of 4 GiB", line: 3, msg: "over the sandbox limit",
			js: "new Float64Array(2 ** 29)"},
		{name: "getter that loops during conversion", line: 3, msg: "interrupted", limit: 50 * time.Millisecond,
			js: "this.setData({ o: { get x() { for (;;) {} } }, ok: 1 })"},
		{name: "nextTick chain of runaways", line: 3, msg: "budget of this turn spent", limit: 50 * time.Millisecond,
			js: "const f = () => { wx.nextTick(f); for (;;) {} }\n    f()"},
		{name: "sparse array in Page data", line: 2, msg: `Page data field "a": array of length 4294967295`,
			pre: "const a = []; a.length = 4294967295\n", data: "{ a, ok: 1 }", js: "this.setData({ ok: 2 })", patch: "ok"},
		{name: "cyclic value in storage", line: 3, msg: "setStorageSync: data.self: value is cyclic",
			js: "const o = {}; o.self = o; wx.setStorageSync('k', o); this.setData({ ok: 1 })", patch: "ok"},
		{name: "getters that setData during the conversion", line: 4, msg: "limit of 1048576 elements",
			js: "const big = new Array(700000).fill(0), self = this\n    this.setData({ a: big, b: { get x() { self.setData({ inner: 1 }); return big } }, ok: 1 })", patch: "ok"},
		{name: "console.log of a hostile value", js: "const o = {}; o.self = o; console.log(o); this.setData({ ok: 1 })", patch: "ok"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.data
			if data == "" {
				data = "{}"
			}
			src := tc.pre + "Page({ data: " + data + ",\n  go() {\n    " + tc.js + "\n  },\n  alive() { console.log('alive') },\n})"
			limit := tc.limit
			if limit == 0 {
				limit = time.Second
			}
			bound := tc.bound
			if bound == 0 {
				bound = 10 * time.Second
			}
			checkMemory := watchMemory(t)
			h := newHarness(t, files{"p.js": src}, func(c *Config) { c.TimeLimit = limit })
			start := time.Now()
			out := h.run(LoadPage{ID: 1, Path: "p"})
			out = append(out, h.run(Event{ID: 1, Handler: "go"})...)
			if d := time.Since(start); d > bound {
				t.Errorf("took %v (bound %v)", d, bound)
			}
			ds := diagsOf(out)
			if tc.msg != "" {
				var hit *diag.Diagnostic
				for i := range ds {
					if strings.Contains(ds[i].Msg, tc.msg) {
						hit = &ds[i]
						break
					}
				}
				if hit == nil {
					t.Fatalf("no diagnostic containing %q: %v", tc.msg, ds)
				}
				if hit.Severity != diag.Error || hit.Pos.File != "p.js" || hit.Pos.Line != tc.line || hit.Pos.Col <= 0 {
					t.Errorf("diagnostic %v, want an error at p.js:%d:<col>", hit, tc.line)
				}
			}
			if tc.patch != "" {
				found := false
				for _, p := range patchesOf(out, 1) {
					_, found = p[tc.patch]
					if found {
						break
					}
				}
				if !found {
					t.Errorf("no patch carries %q: %v", tc.patch, patchesOf(out, 1))
				}
			}
			if got := joined(logsOf(h.run(Event{ID: 1, Handler: "alive"}))); got != "alive" {
				t.Errorf("runtime not alive afterwards: %q", got)
			}
			checkMemory()
		})
	}
}

// A Page({data}) field the bridge refuses leaves the rest of the initial
// data for the first render.
func TestHostilePageDataKeepsTheRest(t *testing.T) {
	h := newHarness(t, files{"p.js": "const a = []; a.length = 4294967295\nconst o = {}; o.o = o\nPage({ data: { a, o, ok: 'yes' } })"})
	d, err := h.rt.PageDef("p")
	if err != nil {
		t.Fatal(err)
	}
	if d.Data["ok"] != "yes" || d.Data["a"] != nil || d.Data["o"] != nil {
		t.Errorf("data %v", d.Data)
	}
	ds := diagsOf(h.rt.Drain())
	if len(ds) != 2 || ds[0].Pos.Line != 3 || ds[1].Pos.Line != 3 {
		t.Errorf("diagnostics %v, want two at p.js:3", ds)
	}
}

// setInterval(() => { while (1) {} }, 1) on the real clock: the interval is
// interrupted once and cancelled, and Close returns promptly (the timers
// used to catch up forever on a fixed clock while Close waited for them).
func TestHostileRunawayIntervalOnRealClock(t *testing.T) {
	checkMemory := watchMemory(t)
	h := newHarness(t, files{"p.js": "Page({ onLoad() {\n  setInterval(() => {\n    while (1) {}\n  }, 1)\n} })"}, func(c *Config) {
		c.Clock = NewRealClock()
		c.TimeLimit = 50 * time.Millisecond
	})
	start := time.Now()
	h.rt.Send(LoadPage{ID: 1, Path: "p"})
	var ds []diag.Diagnostic
	for len(ds) == 0 && time.Since(start) < 10*time.Second {
		select {
		case <-h.rt.Ready():
			ds = append(ds, diagsOf(h.rt.Drain())...)
		case <-time.After(100 * time.Millisecond):
		}
	}
	// goja places the interrupt of an empty loop at its function (the
	// arrow function on line 2).
	if len(ds) == 0 || ds[0].Pos != (diag.Pos{File: "p.js", Line: 2, Col: 15}) || !strings.Contains(ds[0].Msg, "the timer is cancelled") {
		t.Fatalf("diagnostics %v", ds)
	}
	time.Sleep(100 * time.Millisecond)
	if more := diagsOf(h.rt.Drain()); len(more) != 0 {
		t.Errorf("the cancelled interval ran again: %v", more)
	}
	closed := time.Now()
	h.rt.Close()
	if d := time.Since(closed); d > 2*time.Second {
		t.Errorf("Close took %v", d)
	}
	checkMemory()
}

// 100k timers that each loop: at most MaxLiveTimers are created and
// MaxRunawayTimers run away before every timer is cancelled, so the storm
// costs a few budgets, not 100k of them.
func TestHostileTimerStorm(t *testing.T) {
	checkMemory := watchMemory(t)
	h := newHarness(t, files{"p.js": "Page({ onLoad() {\n  for (let i = 0; i < 100000; i++)\n    setTimeout(() => { for (;;) {} }, 0)\n} })"},
		func(c *Config) { c.TimeLimit = 100 * time.Millisecond })
	start := time.Now()
	out := h.run(LoadPage{ID: 1, Path: "p"})
	for i := 0; i < 10; i++ {
		out = append(out, h.run(Tick{By: time.Millisecond})...)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v", d)
	}
	var limitMsg, runaways, cancelled int
	for _, d := range diagsOf(out) {
		switch {
		case strings.Contains(d.Msg, "more than 10000 timers pending"):
			limitMsg++
			if d.Pos.File != "p.js" || d.Pos.Line != 3 || d.Pos.Col <= 0 {
				t.Errorf("limit diagnostic at %v", d.Pos)
			}
		case strings.Contains(d.Msg, "the timer is cancelled"):
			runaways++
			if d.Pos.File != "p.js" || d.Pos.Line != 3 {
				t.Errorf("runaway diagnostic at %v", d.Pos)
			}
		case strings.Contains(d.Msg, "every timer is cancelled"):
			cancelled++
		}
	}
	if limitMsg != 1 || runaways != MaxRunawayTimers || cancelled != 1 {
		t.Errorf("limit %d, runaways %d, cancelled %d: %v", limitMsg, runaways, cancelled, diagsOf(out))
	}
	out = h.run(Tick{By: time.Second})
	if n := len(diagsOf(out)); n != 0 {
		t.Errorf("timers still run: %v", diagsOf(out))
	}
	checkMemory()
}

// Close interrupts a callback in progress, whatever its budget.
func TestHostileCloseDuringRunaway(t *testing.T) {
	h := newHarness(t, files{"p.js": "Page({ spin() { for (;;) {} } })"}, func(c *Config) { c.TimeLimit = time.Minute })
	h.run(LoadPage{ID: 1, Path: "p"})
	h.rt.Send(Event{ID: 1, Handler: "spin"})
	time.Sleep(50 * time.Millisecond)
	start := time.Now()
	h.rt.Close()
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Close took %v", d)
	}
}

// A component whose data holds a value the bridge refuses still gets its
// other fields; a triggerEvent detail it refuses arrives as {}.
func TestHostileComponent(t *testing.T) {
	h := newHarness(t, files{
		"p.js": `Page({})`,
		"c.js": "const a = []; a.length = 4294967295\nComponent({ data: { a, ok: 1 },\n  methods: { fire() { const o = {}; o.o = o\n    this.triggerEvent('x', o) } } })",
	})
	out := h.run(LoadPage{ID: 1, Path: "p", Components: []ComponentInit{{ID: 2, Parent: 1, Path: "c"}}})
	d, err := h.rt.ComponentDef("c")
	if err != nil || d.Data["ok"] != 1.0 || d.Data["a"] != nil {
		t.Fatalf("def %v %v", d, err)
	}
	if ds := diagsOf(out); len(ds) != 1 || ds[0].Pos.Line != 2 || !strings.Contains(ds[0].Msg, `data field "a"`) {
		t.Errorf("diagnostics %v", ds)
	}
	out = h.run(Event{ID: 2, Handler: "fire"})
	var ev *TriggerEvent
	for _, o := range out {
		if e, ok := o.(TriggerEvent); ok {
			ev = &e
		}
	}
	if ev == nil || fmt.Sprint(ev.Detail) != "map[]" {
		t.Errorf("event %v", ev)
	}
	if ds := diagsOf(out); len(ds) != 1 || ds[0].Pos.Line != 4 || !strings.Contains(ds[0].Msg, "value is cyclic") {
		t.Errorf("diagnostics %v", ds)
	}
}

// TestDeepNestingRefused: brackets nested past MaxNesting are a positioned
// syntax error before either parser runs (goja's would overflow the Go
// stack near a million levels, a crash; esbuild's takes minutes at
// 100,000), in plain scripts and modules alike; strings, comments,
// templates and regular expressions full of brackets do not count.
func TestDeepNestingRefused(t *testing.T) {
	for _, tail := range []string{"", "\nexport {}"} {
		src := "const ok = 1\n  const x = " + strings.Repeat("[", 1_000_000) + strings.Repeat("]", 1_000_000) + tail + "\nPage({})"
		h := newHarness(t, files{"p.js": src})
		start := time.Now()
		out := h.run(LoadPage{ID: 1, Path: "p"})
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("took %v", d)
		}
		want := fmt.Sprintf("p.js:2:%d SyntaxError: brackets nested more than %d deep", 13+MaxNesting, MaxNesting)
		if got := diagsOf(out); len(got) == 0 || fmt.Sprintf("%s %s", got[0].Pos, got[0].Msg) != want {
			t.Errorf("module %v: diags %v, want %q", tail != "", got, want)
		}
	}
	noisy := "const re = /[([{]+/g, s = '(((', t = `${'['}((( ${ [1].map(x => ({ x })) }`\n" +
		"// ((((((\n/* [[[[[ */ const d = 4 / 2 / (1)\n"
	h := newHarness(t, files{"p.js": strings.Repeat("{ "+noisy+" }\n", 2000) + noisy + "console.log(re.source, s, t, d)\nPage({})"})
	out := h.run(LoadPage{ID: 1, Path: "p"})
	noDiags(t, out)
	if got := joined(logsOf(out)); got != `[([{]+ ((( [((( [object Object] 2` {
		t.Errorf("logs = %q", got)
	}
}

// TestModuleWarningsBounded: a module esbuild warns about thousands of
// times reports maxModuleWarnings of them and a count.
func TestModuleWarningsBounded(t *testing.T) {
	src := "export const o = {" + strings.Repeat(" k: 1,", 5000) + " }\nPage({})"
	h := newHarness(t, files{"p.js": src})
	out := h.run(LoadPage{ID: 1, Path: "p"})
	d := diagsOf(out)
	if len(d) != maxModuleWarnings+1 || d[len(d)-1].Msg != "esbuild: and 4979 more warnings in this file" || d[len(d)-1].Pos.File != "p.js" {
		t.Errorf("%d diagnostics, last %v", len(d), d[len(d)-1])
	}
}
