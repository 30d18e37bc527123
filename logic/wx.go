package logic

import (
	"fmt"
	"slices"
	"time"

	"github.com/dop251/goja"
	"github.com/skyline-go/skyline/engine/expr"
)

// offlineErr is the errMsg tail of network calls without a fixture.
const offlineErr = "fail network is not available offline"

// newWx builds the wx object: what makes sense offline; nothing else.
func (s *state) newWx() goja.Value {
	vm := s.r.vm
	wx := vm.NewObject()
	apis := map[string]bool{} // what canIUse answers for, whatever scripts do to wx
	fn := func(name string, f func(goja.FunctionCall) goja.Value) {
		apis[name] = true
		_ = wx.Set(name, f)
	}
	info := func(name string, f func() map[string]any) {
		fn(name+"Sync", func(goja.FunctionCall) goja.Value { return s.toJS(f()) })
		fn(name, func(c goja.FunctionCall) goja.Value { return s.async(name, c.Argument(0), true, f()) })
	}
	info("getSystemInfo", s.systemInfo)
	fn("getSystemInfoAsync", func(c goja.FunctionCall) goja.Value {
		return s.async("getSystemInfoAsync", c.Argument(0), true, s.systemInfo())
	})
	sync := func(name string, f func() map[string]any) {
		fn(name, func(goja.FunctionCall) goja.Value { return s.toJS(f()) })
	}
	sync("getWindowInfo", s.windowInfo)
	sync("getDeviceInfo", s.deviceInfo)
	sync("getAppBaseInfo", s.appBaseInfo)
	sync("getSystemSetting", s.systemSetting)
	sync("getAppAuthorizeSetting", s.appAuthorizeSetting)
	sync("getMenuButtonBoundingClientRect", s.menuButton)
	_ = wx.Set("env", s.toJS(map[string]any{"USER_DATA_PATH": UserDataPath}))
	apis["env"] = true
	fn("onWindowResize", func(c goja.FunctionCall) goja.Value { s.onResize.on(c.Argument(0)); return goja.Undefined() })
	fn("offWindowResize", func(c goja.FunctionCall) goja.Value { s.onResize.off(c.Argument(0)); return goja.Undefined() })
	fn("onThemeChange", func(c goja.FunctionCall) goja.Value { s.onTheme.on(c.Argument(0)); return goja.Undefined() })
	fn("offThemeChange", func(c goja.FunctionCall) goja.Value { s.onTheme.off(c.Argument(0)); return goja.Undefined() })
	s.addAppAPIs(fn)
	// Vibration is a no-op that succeeds (a preview has nothing to shake).
	for _, api := range []string{"vibrateShort", "vibrateLong"} {
		api := api
		fn(api, func(c goja.FunctionCall) goja.Value { return s.async(api, c.Argument(0), true, nil) })
	}

	// Storage lives in memory for the runtime's life (values are copied in
	// and out, as real storage serializes them).
	fn("setStorageSync", func(c goja.FunctionCall) goja.Value {
		if v, ok := s.storageValue("setStorageSync", c.Argument(1)); ok {
			s.storage[c.Argument(0).String()] = v
		}
		return goja.Undefined()
	})
	fn("getStorageSync", func(c goja.FunctionCall) goja.Value {
		if v, ok := s.storage[c.Argument(0).String()]; ok {
			return s.toJS(cloneValue(v))
		}
		return vm.ToValue("")
	})
	fn("removeStorageSync", func(c goja.FunctionCall) goja.Value {
		delete(s.storage, c.Argument(0).String())
		return goja.Undefined()
	})
	fn("clearStorageSync", func(goja.FunctionCall) goja.Value {
		clear(s.storage)
		return goja.Undefined()
	})
	fn("getStorageInfoSync", func(goja.FunctionCall) goja.Value { return s.toJS(s.storageInfo()) })
	fn("setStorage", func(c goja.FunctionCall) goja.Value {
		o := asObject(c.Argument(0))
		if o == nil {
			return s.async("setStorage", nil, false, map[string]any{"errMsg": "setStorage:fail parameter error"})
		}
		v, ok := s.storageValue("setStorage", o.Get("data"))
		if !ok {
			return s.async("setStorage", o, false, map[string]any{"errMsg": "setStorage:fail data cannot be stored"})
		}
		s.storage[o.Get("key").String()] = v
		return s.async("setStorage", o, true, nil)
	})
	fn("getStorage", func(c goja.FunctionCall) goja.Value {
		o := asObject(c.Argument(0))
		key := ""
		if o != nil {
			key = o.Get("key").String()
		}
		if v, ok := s.storage[key]; ok {
			return s.async("getStorage", o, true, map[string]any{"data": cloneValue(v)})
		}
		return s.async("getStorage", o, false, map[string]any{"errMsg": "getStorage:fail data not found"})
	})
	fn("removeStorage", func(c goja.FunctionCall) goja.Value {
		o := asObject(c.Argument(0))
		if o != nil {
			delete(s.storage, o.Get("key").String())
		}
		return s.async("removeStorage", o, true, nil)
	})
	fn("clearStorage", func(c goja.FunctionCall) goja.Value {
		clear(s.storage)
		return s.async("clearStorage", c.Argument(0), true, nil)
	})

	fn("nextTick", func(c goja.FunctionCall) goja.Value {
		f := c.Argument(0)
		if isFunc(f) {
			s.tickQueue = append(s.tickQueue, func() { s.call("nextTick", f, goja.Undefined()) })
		}
		return goja.Undefined()
	})

	toast := func(c goja.FunctionCall, api, icon string) goja.Value {
		o := asObject(c.Argument(0))
		t := ShowToast{Icon: icon, Duration: 1500 * time.Millisecond}
		if o != nil {
			t.Title = str(o.Get("title"))
			if v := str(o.Get("icon")); v != "" {
				t.Icon = v
			}
			t.Image = str(o.Get("image"))
			t.Mask = o.Get("mask") != nil && o.Get("mask").ToBoolean()
			if d := o.Get("duration"); d != nil && !goja.IsUndefined(d) {
				t.Duration = time.Duration(d.ToFloat() * float64(time.Millisecond))
			}
		}
		if icon == "loading" {
			t.Duration = 0 // stays until hideLoading
		}
		s.r.emit(t)
		return s.async(api, o, true, nil)
	}
	fn("showToast", func(c goja.FunctionCall) goja.Value { return toast(c, "showToast", "success") })
	fn("showLoading", func(c goja.FunctionCall) goja.Value { return toast(c, "showLoading", "loading") })
	hide := func(api string) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value {
			s.r.emit(HideToast{})
			return s.async(api, c.Argument(0), true, nil)
		}
	}
	fn("hideToast", hide("hideToast"))
	fn("hideLoading", hide("hideLoading"))
	fn("showModal", func(c goja.FunctionCall) goja.Value {
		o := asObject(c.Argument(0))
		if o == nil {
			o = vm.NewObject()
		}
		s.nextReq++
		m := ShowModal{Req: s.nextReq, Title: str(o.Get("title")), Content: str(o.Get("content")),
			ShowCancel: true, ConfirmText: "确定", CancelText: "取消"}
		if v := o.Get("showCancel"); v != nil && !goja.IsUndefined(v) {
			m.ShowCancel = v.ToBoolean()
		}
		if v := str(o.Get("confirmText")); v != "" {
			m.ConfirmText = v
		}
		if v := str(o.Get("cancelText")); v != "" {
			m.CancelText = v
		}
		s.modals[m.Req] = o
		s.r.emit(m)
		return goja.Undefined()
	})

	for _, api := range []string{"request", "downloadFile", "uploadFile"} {
		api := api
		fn(api, func(c goja.FunctionCall) goja.Value { return s.network(api, asObject(c.Argument(0))) })
	}
	s.setupRoutes(fn)
	_ = wx.Set("worklet", s.setupWorklet())
	apis["worklet"] = true
	fn("createSelectorQuery", func(goja.FunctionCall) goja.Value { return s.newSelectorQuery(0) })
	fn("canIUse", func(c goja.FunctionCall) goja.Value {
		schema, ok := c.Argument(0).Export().(string)
		return vm.ToValue(ok && canIUse(apis, schema))
	})

	// An API the runtime lacks is simply absent, as on an older base
	// library: feature detection (if (wx.cloud), 'cloud' in wx) takes the
	// branch it would there, and calling it throws the usual TypeError,
	// positioned at the script like any other script error.
	return wx
}

// network answers request / downloadFile / uploadFile from the fixtures.
func (s *state) network(api string, o *goja.Object) goja.Value {
	url := ""
	if o != nil {
		url = str(o.Get("url"))
	}
	fx, ok := s.r.cfg.Fixtures[url]
	if !ok && api == "request" && s.r.cfg.Network {
		return s.hostRequest(o)
	}
	if !ok {
		return s.async(api, o, false, map[string]any{"errMsg": api + ":" + offlineErr})
	}
	status := float64(fx.StatusCode)
	if status == 0 {
		status = 200
	}
	header := map[string]any{}
	for k, v := range fx.Header {
		header[k] = v
	}
	res := map[string]any{"statusCode": status, "header": header}
	switch api {
	case "downloadFile":
		res["tempFilePath"] = jsString(fx.Data)
	default:
		res["data"] = cloneValue(fx.Data)
	}
	return s.async(api, o, true, res)
}

// async completes a callback-style API on the next tick: success or fail,
// then complete, with errMsg "api:ok" unless res has one. Without any
// callback it returns a Promise instead (resolved or rejected the same way).
func (s *state) async(api string, optsV goja.Value, ok bool, res map[string]any) goja.Value {
	if res == nil {
		res = map[string]any{}
	}
	if _, has := res["errMsg"]; !has {
		if ok {
			res["errMsg"] = api + ":ok"
		} else {
			res["errMsg"] = api + ":fail"
		}
	}
	o := asObject(optsV)
	var success, fail, complete goja.Value
	if o != nil {
		success, fail, complete = o.Get("success"), o.Get("fail"), o.Get("complete")
	}
	if !isFunc(success) && !isFunc(fail) && !isFunc(complete) {
		p, resolve, reject := s.r.vm.NewPromise()
		pos := s.callerPos() // where an unhandled rejection is reported
		s.tickQueue = append(s.tickQueue, func() {
			if ok {
				_ = resolve(s.toJS(res))
				return
			}
			s.promisePos[p] = pos
			_ = reject(s.toJS(res))
			delete(s.promisePos, p) // the tracker has taken it if nothing handles it
		})
		return s.r.vm.ToValue(p)
	}
	s.tickQueue = append(s.tickQueue, func() {
		if ok {
			s.call(api+" success", success, goja.Undefined(), s.toJS(res))
		} else {
			s.call(api+" fail", fail, goja.Undefined(), s.toJS(res))
		}
		s.call(api+" complete", complete, goja.Undefined(), s.toJS(res))
	})
	return goja.Undefined()
}

func (s *state) modalReply(m ModalReply) {
	o, ok := s.modals[m.Req]
	if !ok {
		return
	}
	delete(s.modals, m.Req)
	s.async("showModal", o, true, map[string]any{"confirm": m.Confirm, "cancel": !m.Confirm})
}

// storageValue converts a value to store (within the bridge budgets); a
// refused value is an error at the call.
func (s *state) storageValue(api string, v goja.Value) (any, bool) {
	gv, err := s.toGoErr(v)
	if err != nil {
		if !interrupted(err) {
			s.r.diagErr(s.callerPos(), fmt.Sprintf("%s: data%s: %v; not stored", api, bridgePath(err), bridgeMsg(err)))
		}
		return nil, false
	}
	if gv == expr.Undefined {
		gv = nil
	}
	return gv, true
}

func (s *state) storageInfo() map[string]any {
	keys := make([]string, 0, len(s.storage))
	for k := range s.storage {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	list := make([]any, len(keys))
	for i, k := range keys {
		list[i] = k
	}
	return map[string]any{"keys": list, "currentSize": 0.0, "limitSize": 10240.0}
}

func safeArea(r Rect) map[string]any {
	return map[string]any{"left": r.Left, "top": r.Top, "width": r.Width, "height": r.Height,
		"right": r.Left + r.Width, "bottom": r.Top + r.Height}
}

// str is a JS value as a Go string; undefined and null are "".
func str(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return ""
	}
	return v.String()
}
