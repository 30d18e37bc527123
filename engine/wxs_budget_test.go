package engine

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/internal/script"
)

// WXS calls from bindings run under the WXS budget (CPU time, heap growth,
// bridge limits). A function that breaks it is reported once, positioned in
// its source, and yields undefined from then on: a runaway function inside
// a 200-item wx:for costs one budget, not 200 (it took 40 s on a wall-clock
// timer per call).
func TestWXSBudgetInLoops(t *testing.T) {
	list := `{"list": [` + strings.TrimSuffix(strings.Repeat(`1,`, 200), ",") + `]}`
	cases := []struct {
		name, module, binding string
		at                    string // file:line of the one warning
		msg                   string
		bound                 time.Duration
	}{
		{"runaway function in every item", "module.exports = {\n  spin: function (x) {\n    while (true) { x++ }\n  }\n};", "{{m.spin(item)}}",
			"index.wxml:4", "of CPU time and was interrupted", 5 * time.Second},
		{"runaway on one item only", "module.exports = {\n  f: function (i) {\n    if (i == 57) { for (;;) { i++ } }\n    return i\n  }\n};", "{{m.f(index)}}",
			"index.wxml:4", "interrupted", 5 * time.Second},
		{"sparse array result", "module.exports = {\n  big: function () { var a = []; a.length = 4294967295; return a }\n};", "{{m.big().length}}",
			"index.wxml:1", "array of length 4294967295", 5 * time.Second},
		{"huge native", "module.exports = {\n  rep: function () {\n    return 'x'.repeat(Math.pow(2, 30))\n  }\n};", "{{m.rep()}}",
			"index.wxml:4", "RangeError: Invalid string length", 5 * time.Second},
		{"sparse join", "module.exports = {\n  j: function () { var a = []; a.length = 4294967295;\n    return a.join() }\n};", "{{m.j()}}",
			"index.wxml:4", "RangeError: array of length 4294967295", 5 * time.Second},
		{"runaway memory", "module.exports = {\n  grow: function () { var s = 'ab';\n    for (;;) { s += s } }\n};", "{{m.grow()}}",
			"index.wxml:4", "was interrupted", 20 * time.Second},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := "<wxs module=\"m\">\n" + tc.module + "</wxs>\n<view wx:for=\"{{list}}\"><text>[" + tc.binding + "]</text></view><text id=\"rest\">rest</text>"
			watch := script.WatchHeap()
			start := time.Now()
			p, err := loadWXML(t, src, "", map[string]string{"index.data.json": list})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if d := time.Since(start); d > tc.bound {
				t.Errorf("took %v (bound %v)", d, tc.bound)
			}
			d := body(p)
			if !strings.Contains(d, `text#rest("rest")`) {
				t.Errorf("the rest of the page is missing: %.300s", d)
			}
			var hits []diag.Diagnostic
			for _, x := range p.Diagnostics() {
				if strings.Contains(x.Msg, tc.msg) {
					hits = append(hits, x)
				}
			}
			if len(hits) != 1 {
				t.Fatalf("%d diagnostics containing %q, want one: %v", len(hits), tc.msg, p.Diagnostics())
			}
			if got := hits[0].Pos.File + ":" + itoa(hits[0].Pos.Line); got != tc.at || hits[0].Pos.Col <= 0 {
				t.Errorf("diagnostic %v, want it at %s:<col>", hits[0], tc.at)
			}
			peak := watch.Stop()
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			t.Logf("heap peak %d MiB, live after %d MiB; loaded in %v", peak>>20, ms.HeapAlloc>>20, time.Since(start))
			if peak > 1<<30 || ms.HeapAlloc > 256<<20 {
				t.Errorf("memory: heap peaked at %d MiB (ceiling 1024), %d MiB live after (ceiling 256)", peak>>20, ms.HeapAlloc>>20)
			}
		})
	}
}
