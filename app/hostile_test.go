package app

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/internal/script"
	"github.com/skyline-go/skyline/logic"
)

// Memory ceilings of the hostile pages: the peak of the heap while a page
// runs (script.WatchHeap: objects live or not yet collected) and the live
// heap once it is closed (runtime.ReadMemStats after a GC).
const (
	hostilePeakCeiling = 1 << 30
	hostileLiveCeiling = 256 << 20
)

// TestHostilePages opens pages whose scripts attack the bridge and the
// budgets. Each page must open and render its other content (#rest), close
// within the bound, stay under the memory ceilings, and report the attack
// once, positioned (file:line:col).
func TestHostilePages(t *testing.T) {
	const rest = `<text id="rest">rest of the page</text><text id="ok">{{ok}}</text>`
	cases := []struct {
		name  string
		files map[string]string
		real  bool          // real clock (timers fire by themselves)
		wait  time.Duration // let the page run this long (real clock) before closing
		at    string        // the diagnostic's position: file:line
		msg   string
		ok    string // #ok's text
		limit time.Duration
		bound time.Duration
	}{
		{name: "sparse array from onLoad's setData", at: "index.js:4", msg: `setData: field "a": array of length 4294967295`, ok: "1",
			files: map[string]string{"index.js": "Page({ onLoad() {\n  const a = []\n  a.length = 4294967295\n  this.setData({ a, ok: 1 })\n} })"}},
		{name: "sparse array in Page data", at: "index.js:2", msg: `Page data field "a": array of length 4294967295`, ok: "yes",
			files: map[string]string{"index.js": "const a = []; a.length = 4294967295\nPage({ data: { a, ok: 'yes' } })"}},
		{name: "sparse array from a WXS function", at: "index.wxml:1", msg: "array of length 4294967295", ok: "",
			files: map[string]string{"index.wxml": `<wxs module="m">module.exports = { big: function () { var a = []; a.length = 4294967295; return a } };</wxs><text id="big">{{m.big().length}}</text>`}},
		{name: "100k-deep object", at: "index.js:3", msg: "nested more than 100 levels", ok: "1",
			files: map[string]string{"index.js": "Page({ onLoad() { let o = {}; const root = o; for (let i = 0; i < 100000; i++) { o.c = {}; o = o.c }\n  // deep\n  this.setData({ deep: root, ok: 1 })\n} })"}},
		{name: "runaway interval on the real clock", real: true, wait: 300 * time.Millisecond, at: "index.js:2", msg: "the timer is cancelled", ok: "1",
			limit: 50 * time.Millisecond,
			files: map[string]string{"index.js": "Page({ onLoad() { this.setData({ ok: 1 })\n  setInterval(() => { while (1) {} }, 1)\n} })"}},
		{name: "100k looping timers", at: "index.js:3", msg: "more than 10000 timers pending", ok: "1", limit: 100 * time.Millisecond,
			files: map[string]string{"index.js": "Page({ onLoad() { this.setData({ ok: 1 })\n  for (let i = 0; i < 100000; i++)\n    setTimeout(() => { for (;;) {} }, 0)\n} })"}},
		{name: "runaway string growth", at: "index.js:2", msg: "and was interrupted", ok: "1", limit: 5 * time.Second, bound: 30 * time.Second,
			files: map[string]string{"index.js": "Page({ onLoad() { this.setData({ ok: 1 })\n  let s = 'ab'; for (;;) s += s\n} })"}},
		// goja places the interrupt of an empty loop at its function.
		{name: "runaway onLoad", at: "index.js:1", msg: "interrupted", ok: "", limit: 50 * time.Millisecond,
			files: map[string]string{"index.js": "Page({ onLoad() {\n  for (;;) {}\n} })"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"index.wxml": rest}
			for k, v := range tc.files {
				if k == "index.wxml" {
					v += rest
				}
				files[k] = v
			}
			limit := tc.limit
			if limit == 0 {
				limit = time.Second
			}
			bound := tc.bound
			if bound == 0 {
				bound = 15 * time.Second
			}
			watch := script.WatchHeap()
			start := time.Now()
			opts := Options{TimeLimit: limit}
			if !tc.real {
				opts.Clock = &logic.ManualClock{}
			}
			a, err := Open(writePkg(t, files), opts)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			if tc.real {
				// At least tc.wait of wall time, and on a loaded machine until
				// the budget (CPU time, not wall time) has tripped.
				for end, limit := time.Now().Add(tc.wait), time.Now().Add(20*time.Second); time.Now().Before(limit); time.Sleep(20 * time.Millisecond) {
					a.Poll()
					if time.Now().After(end) && diagsWith(a, diag.Error, tc.msg) != nil || time.Now().After(end) && diagsWith(a, diag.Warning, tc.msg) != nil {
						break
					}
				}
			} else {
				for i := 0; i < 5; i++ {
					a.Advance(time.Millisecond)
				}
			}
			if got := textOf(t, a, "rest"); got != "rest of the page" {
				t.Errorf("#rest = %q", got)
			}
			if got := textOf(t, a, "ok"); got != tc.ok {
				t.Errorf("#ok = %q, want %q", got, tc.ok)
			}
			_ = render(a) // the frame still paints
			var hits []diag.Diagnostic
			for _, d := range a.Diagnostics() {
				if strings.Contains(d.Msg, tc.msg) {
					hits = append(hits, d)
				}
			}
			if len(hits) != 1 {
				t.Fatalf("%d diagnostics containing %q: %v", len(hits), tc.msg, a.Diagnostics())
			}
			if p := hits[0].Pos; p.File+":"+itoa(p.Line) != tc.at || p.Col <= 0 {
				t.Errorf("diagnostic %v, want it at %s:<col>", hits[0], tc.at)
			}
			closing := time.Now()
			a.Close()
			if d := time.Since(closing); d > 3*time.Second {
				t.Errorf("Close took %v", d)
			}
			if d := time.Since(start); d > bound {
				t.Errorf("took %v (bound %v)", d, bound)
			}
			peak := watch.Stop()
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			t.Logf("heap peak %d MiB, live after %d MiB; %v in all", peak>>20, ms.HeapAlloc>>20, time.Since(start))
			if peak > hostilePeakCeiling || ms.HeapAlloc > hostileLiveCeiling {
				t.Errorf("memory: heap peaked at %d MiB (ceiling %d), %d MiB live after (ceiling %d)",
					peak>>20, hostilePeakCeiling>>20, ms.HeapAlloc>>20, hostileLiveCeiling>>20)
			}
		})
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}
