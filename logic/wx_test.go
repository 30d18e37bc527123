package logic

import "testing"

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
