package logic

import "github.com/dop251/goja"

// The app-level information a mini-program's app.js reads first, answered
// the way a developer build in the devtools answers it: no app id, the
// "develop" environment, launched from the scene 1001 (the recent list)
// with the host's launch query, no update available.

// launchOptions is getLaunchOptionsSync / getEnterOptionsSync and
// App.onLaunch / onShow's argument.
func (s *state) launchOptions() map[string]any {
	return map[string]any{"path": "", "query": queryMap(s.launchQuery), "scene": 1001.0,
		"referrerInfo": map[string]any{}, "forwardMaterials": []any{}}
}

func (s *state) accountInfo() map[string]any {
	return map[string]any{"miniProgram": map[string]any{"appId": "", "envVersion": "develop", "version": ""}}
}

// addAppAPIs installs the app-level APIs on wx (fn registers a function
// for canIUse as newWx does).
func (s *state) addAppAPIs(fn func(string, func(goja.FunctionCall) goja.Value)) {
	vm := s.r.vm
	fn("getLaunchOptionsSync", func(goja.FunctionCall) goja.Value { return s.toJS(s.launchOptions()) })
	fn("getEnterOptionsSync", func(goja.FunctionCall) goja.Value { return s.toJS(s.launchOptions()) })
	fn("getAccountInfoSync", func(goja.FunctionCall) goja.Value { return s.toJS(s.accountInfo()) })
	// The update manager reports that there is no update; the other
	// events never come.
	fn("getUpdateManager", func(goja.FunctionCall) goja.Value {
		m := vm.NewObject()
		_ = m.Set("onCheckForUpdate", func(c goja.FunctionCall) goja.Value {
			if f := c.Argument(0); isFunc(f) {
				s.tickQueue = append(s.tickQueue, func() {
					s.call("onCheckForUpdate", f, goja.Undefined(), s.toJS(map[string]any{"hasUpdate": false}))
				})
			}
			return goja.Undefined()
		})
		for _, name := range []string{"onUpdateReady", "onUpdateFailed", "applyUpdate"} {
			_ = m.Set(name, func(goja.FunctionCall) goja.Value { return goja.Undefined() })
		}
		return m
	})
	fn("onUnhandledRejection", func(c goja.FunctionCall) goja.Value { s.onRejection.on(c.Argument(0)); return goja.Undefined() })
	fn("offUnhandledRejection", func(c goja.FunctionCall) goja.Value { s.onRejection.off(c.Argument(0)); return goja.Undefined() })
}

// unhandledRejection runs wx.onUnhandledRejection callbacks and
// App.onUnhandledRejection with {reason, promise}.
func (s *state) unhandledRejection(p *goja.Promise) {
	if len(s.onRejection) == 0 && (s.app == nil || !isFunc(s.app.Get("onUnhandledRejection"))) {
		return
	}
	res := s.r.vm.NewObject()
	reason := p.Result()
	if reason == nil {
		reason = goja.Undefined()
	}
	_ = res.Set("reason", reason)
	_ = res.Set("promise", p)
	for _, f := range append(listeners(nil), s.onRejection...) {
		s.call("onUnhandledRejection", f, goja.Undefined(), res)
	}
	if s.app != nil {
		s.call("App.onUnhandledRejection", s.app.Get("onUnhandledRejection"), s.app, res)
	}
}
