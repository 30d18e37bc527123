package logic

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

// TestGlobalAlias: `global` is globalThis, shared across modules, and
// getApp() answers at a module's top level once app.js has run.
func TestGlobalAlias(t *testing.T) {
	h := newHarness(t, files{
		"app.js":     `global.appName = 'demo'; App({ globalData: { user: 'ann' } })`,
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
		{"!!wx.worklet", `const canWorklet = !!wx.worklet; console.log(canWorklet, wx.worklet === undefined)`, "true false"},
		{"optional call", `console.log(wx.openBluetoothAdapter?.({}) === undefined)`, "true"},
		{"canIUse getWindowInfo", `const info = wx.canIUse('getWindowInfo') ? wx.getWindowInfo() : wx.getSystemInfoSync(); console.log(info.windowWidth, wx.canIUse('getWindowInfo.return.safeArea.bottom'))`, "390 true"},
		{"canIUse cloud", `if (wx.canIUse('cloud')) { wx.cloud.init() } else { console.log('no cloud') }`, "no cloud"},
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

// TestCanIUse: wx.canIUse answers from what is implemented, in WeChat's
// schema forms; unknown or malformed schemas are false.
func TestCanIUse(t *testing.T) {
	cases := []struct {
		schema string
		want   bool
	}{
		{"request", true},
		{"getWindowInfo", true},
		{"getSystemInfoSync", true},
		{"cloud", false},
		{"worklet", true},
		{"worklet.timing", true},
		{"worklet.Easing.bezier", true},
		{"worklet.nope", false},
		{"openBluetoothAdapter", false},
		{"getSystemInfoSync.return.safeArea", true},
		{"getSystemInfoSync.return.safeArea.left", true},
		{"getSystemInfoSync.return.notThere", false},
		{"getSystemInfo.success.screenWidth", true},
		{"getWindowInfo.return.statusBarHeight", true},
		{"showToast.object.icon", true},
		{"showToast.object.icon.error", true},
		{"showToast.object.icon.sparkle", false},
		{"showToast.object.image", true},
		{"showModal.success.confirm", true},
		{"request.object.url", true},
		{"request.object.method.GET", false}, // fixtures are keyed by url alone
		{"request.object", true},
		{"view", true},
		{"scroll-view", true},
		{"web-view", false},    // renders as a plain view with a warning
		{"live-player", false}, // a placeholder box
		{"image.mode", true},
		{"image.mode.aspectFit", true},
		{"image.mode.widthFix", true},
		{"image.mode.stretchy", false},
		{"image.src.x.y", false},
		{"button.open-type.contact", false}, // button lists no attributes yet
		{"no-such-tag", false},
		{"", false},
		{".", false},
		{"request.", false},
		{".request", false},
		{"request..object", false},
		{"canIUse", true},
		{"toString", false},
		{"constructor", false},
		{"__proto__", false},
	}
	for _, c := range cases {
		t.Run(c.schema, func(t *testing.T) {
			h := newHarness(t, files{"p.js": `console.log(wx.canIUse(` + jsQuote(c.schema) + `))
Page({})`})
			out := h.run(LoadPage{ID: 1, Path: "p"})
			noDiags(t, out)
			want := "false"
			if c.want {
				want = "true"
			}
			if got := joined(logsOf(out)); got != want {
				t.Errorf("wx.canIUse(%q) = %s, want %s", c.schema, got, want)
			}
		})
	}
	h := newHarness(t, files{"p.js": `console.log(wx.canIUse(), wx.canIUse(1), wx.canIUse({ toString() { return 'request' } }))
Page({})`})
	if got := joined(logsOf(h.run(LoadPage{ID: 1, Path: "p"}))); got != "false false false" {
		t.Errorf("non-string schemas: %q", got)
	}
}

// TestCanIUseSchemaMatchesWx: every API the schema names is on wx.
func TestCanIUseSchemaMatchesWx(t *testing.T) {
	list, _ := json.Marshal(wxSchema)
	h := newHarness(t, files{"p.js": `for (const e of ` + string(list) + `) {
  if (!['function', 'object'].includes(typeof wx[e.split('.')[0]]) || !wx.canIUse(e)) console.log(e)
}
Page({})`})
	out := h.run(LoadPage{ID: 1, Path: "p"})
	noDiags(t, out)
	if got := logsOf(out); len(got) != 0 {
		t.Errorf("wxSchema entries without an API on wx: %v", got)
	}
}

func jsQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestGetAppAllowDefault: getApp({allowDefault: true}) before App() (a
// util app.js imports) is a default app, which plain getApp() answers too
// from then on, and App() merges its definition into.
func TestGetAppAllowDefault(t *testing.T) {
	h := newHarness(t, files{
		"app.js": `import { store } from './utils/store'
App({ globalData: { user: 'ann' }, version: 2 })
console.log(getApp() === store.app, getApp().globalData.user, getApp().version, getApp().early)`,
		"utils/store.js": `const app = getApp({ allowDefault: true })
app.early = true
export const store = { app, plain: typeof getApp() }
console.log(store.plain, typeof app.globalData)`,
	})
	out := h.run(LoadApp{})
	noDiags(t, out)
	if got, want := joined(logsOf(out)), "object object | true ann 2 true"; got != want {
		t.Errorf("logs = %q, want %q", got, want)
	}
}

// TestAppLevelAPIs: what app.js reads first answers as a devtools
// developer build does, and unhandled rejections reach
// wx.onUnhandledRejection and App.onUnhandledRejection (and are still
// reported).
func TestAppLevelAPIs(t *testing.T) {
	h := newHarness(t, files{"app.js": `const { miniProgram } = wx.getAccountInfoSync()
const launch = wx.getLaunchOptionsSync()
console.log(miniProgram.envVersion, launch.scene, launch.query.from, wx.getEnterOptionsSync().scene)
const um = wx.getUpdateManager()
um.onCheckForUpdate(res => console.log('hasUpdate', res.hasUpdate))
um.onUpdateReady(() => um.applyUpdate())
wx.onUnhandledRejection(({ reason }) => console.log('wx saw', reason.message))
App({
  onLaunch(opts) { console.log('launch', opts.query.from); Promise.reject(new Error('lost')) },
  onUnhandledRejection({ reason, promise }) { console.log('app saw', reason.message, promise instanceof Promise) },
})`})
	out := h.run(LoadApp{Query: map[string]string{"from": "qr"}})
	if got, want := joined(logsOf(out)), "develop 1001 qr 1001 | launch qr | hasUpdate false | wx saw lost | app saw lost true"; got != want {
		t.Errorf("logs = %q, want %q", got, want)
	}
	if got := joined(diagPos(out)); got != "app.js:9:75 Uncaught (in promise) Error: lost" {
		t.Errorf("diags = %q", got)
	}
}
