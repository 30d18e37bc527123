package logic

import (
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

// TestGlobalAlias: `global` is globalThis, shared across modules, and
// getApp() answers at a module's top level once app.js has run.
func TestGlobalAlias(t *testing.T) {
	h := newHarness(t, files{
		"app.js": `global.appName = 'demo'; App({ globalData: { user: 'ann' } })`,
		"utils/a.js": `global.shared = (global.shared || 0) + 1; const app = getApp(); exports.user = app.globalData.user`,
		"p.js": `const a = require('utils/a.js')
console.log(global === globalThis, global.appName, appName, global.shared, a.user, typeof getApp())
Page({})`,
	})
	out := h.run(LoadApp{}, LoadPage{ID: 1, Path: "p"})
	noDiags(t, out)
	if got, want := joined(logsOf(out)), "true demo demo 1 ann object"; got != want {
		t.Errorf("logs = %q, want %q", got, want)
	}
}

// TestFeatureDetection: an API the runtime lacks reads as undefined, as on
// an older base library, so the usual feature checks take the right branch
// and say nothing.
func TestFeatureDetection(t *testing.T) {
	cases := []struct{ name, code, want string }{
		{"if (wx.cloud)", `if (wx.cloud) { wx.cloud.init(); console.log('cloud') } else { console.log('no cloud') }`, "no cloud"},
		{"if (!wx.cloud)", `if (!wx.cloud) console.log('fallback')`, "fallback"},
		{"typeof", `console.log(typeof wx.cloud, typeof wx.request)`, "undefined function"},
		{"in", `console.log('cloud' in wx, 'request' in wx)`, "false true"},
		{"!!wx.worklet", `const canWorklet = !!wx.worklet; console.log(canWorklet, wx.worklet === undefined)`, "false true"},
		{"optional call", `console.log(wx.openBluetoothAdapter?.({}) === undefined)`, "true"},
		{"keys", `console.log(Object.keys(wx).includes('request'), Object.keys(wx).includes('cloud'))`, "true false"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, files{"p.js": c.code + "\nPage({})"})
			out := h.run(LoadPage{ID: 1, Path: "p"})
			noDiags(t, out)
			if got := joined(logsOf(out)); got != c.want {
				t.Errorf("logs = %q, want %q", got, c.want)
			}
		})
	}
}

// TestMissingAPICallThrows: calling an API the runtime lacks throws the
// ordinary TypeError, reported at the author's line and column.
func TestMissingAPICallThrows(t *testing.T) {
	h := newHarness(t, files{"p.js": `Page({ go() {
  wx.openBluetoothAdapter({ fail() {} })
} })`})
	h.run(LoadPage{ID: 1, Path: "p"})
	out := h.run(Event{ID: 1, Handler: "go"})
	ds := diagsOf(out)
	if len(ds) != 1 {
		t.Fatalf("diagnostics = %v, want one error", ds)
	}
	d := ds[0]
	if d.Severity != diag.Error || d.Pos.File != "p.js" || d.Pos.Line != 2 || d.Pos.Col == 0 ||
		!strings.Contains(d.Msg, "TypeError") || !strings.Contains(d.Msg, "openBluetoothAdapter") {
		t.Errorf("diagnostic = %v (pos %+v)", d, d.Pos)
	}
}
