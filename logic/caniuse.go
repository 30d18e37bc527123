package logic

import (
	"strings"

	"github.com/skyline-go/skyline/widgets"
)

// wxSchema is what wx.canIUse answers true for beyond the bare API names,
// in WeChat's "${API}.${method}.${param}.${option}" form (method: object,
// success, return, callback): the fields the implemented APIs read and
// return. Every prefix of an entry is true as well. Keep it in step with
// newWx (TestCanIUseSchemaMatchesWx).
var wxSchema = func() []string {
	var l []string
	add := func(prefix string, names ...string) {
		for _, n := range names {
			l = append(l, prefix+"."+n)
		}
	}
	callbacks := []string{"success", "fail", "complete"}
	// The info APIs' fields are read off the payloads themselves, so the
	// schema cannot drift from what they return.
	var z state
	var payload func(prefix string, m map[string]any)
	payload = func(prefix string, m map[string]any) {
		for _, k := range sortedKeys(m) {
			if sub, ok := m[k].(map[string]any); ok {
				payload(prefix+"."+k, sub)
				continue
			}
			l = append(l, prefix+"."+k)
		}
	}
	payload("getSystemInfoSync.return", z.systemInfo())
	add("getSystemInfo.object", callbacks...)
	payload("getSystemInfo.success", z.systemInfo())
	add("getSystemInfoAsync.object", callbacks...)
	payload("getSystemInfoAsync.success", z.systemInfo())
	payload("getWindowInfo.return", z.windowInfo())
	payload("getDeviceInfo.return", z.deviceInfo())
	payload("getAppBaseInfo.return", z.appBaseInfo())
	payload("getSystemSetting.return", z.systemSetting())
	payload("getAppAuthorizeSetting.return", z.appAuthorizeSetting())
	payload("getMenuButtonBoundingClientRect.return", z.menuButton())
	add("onWindowResize.callback", "deviceOrientation")
	add("onWindowResize.callback.size", "windowWidth", "windowHeight", "screenWidth", "screenHeight")
	add("onThemeChange.callback", "theme")
	payload("getLaunchOptionsSync.return", z.launchOptions())
	payload("getEnterOptionsSync.return", z.launchOptions())
	payload("getAccountInfoSync.return", z.accountInfo())
	add("onUnhandledRejection.callback", "reason", "promise")
	add("vibrateShort.object", append([]string{"type"}, callbacks...)...)
	add("vibrateLong.object", callbacks...)

	add("getStorageInfoSync.return", "keys", "currentSize", "limitSize")
	add("setStorage.object", append([]string{"key", "data"}, callbacks...)...)
	add("getStorage.object", append([]string{"key"}, callbacks...)...)
	add("getStorage.success", "data")
	add("removeStorage.object", append([]string{"key"}, callbacks...)...)
	add("clearStorage.object", callbacks...)

	add("showToast.object", append([]string{"title", "icon", "image", "duration", "mask"}, callbacks...)...)
	add("showToast.object.icon", "success", "error", "loading", "none")
	add("showLoading.object", append([]string{"title", "mask"}, callbacks...)...)
	add("hideToast.object", callbacks...)
	add("hideLoading.object", callbacks...)
	add("showModal.object", append([]string{"title", "content", "showCancel", "cancelText", "confirmText"}, callbacks...)...)
	add("showModal.success", "confirm", "cancel")

	// Network calls answer from fixtures keyed by url alone (no method,
	// header or data is read).
	for _, api := range []string{"request", "downloadFile", "uploadFile"} {
		add(api+".object", append([]string{"url"}, callbacks...)...)
		add(api+".success", "statusCode", "header")
	}
	add("request.success", "data")
	add("uploadFile.success", "data")
	// wx.worklet (worklet.go; the UI runtime is package worklet).
	add("worklet", "shared", "derived", "cancelAnimation", "runOnUI", "runOnJS", "timing", "spring", "decay",
		"sequence", "repeat", "delay", "Easing")
	add("worklet.Easing", "linear", "ease", "quad", "cubic", "poly", "sin", "circle", "exp", "elastic", "back",
		"bounce", "bezier", "steps", "in", "out", "inOut")
	add("downloadFile.success", "tempFilePath")
	return l
}()

// wxSchemaSet holds every entry of wxSchema and every prefix of one.
var wxSchemaSet = func() map[string]bool {
	m := map[string]bool{}
	for _, e := range wxSchema {
		for i := range e {
			if e[i] == '.' {
				m[e[:i]] = true
			}
		}
		m[e] = true
	}
	return m
}()

// canIUse answers wx.canIUse(schema) from what is implemented: an API
// is one of apis (the functions newWx installs) and the schema's method, parameter and option are in
// wxSchema; a component renders with its own behaviour (widgets: Full or
// Basic support), lists the attribute, and accepts the option (image's
// mode only; other option lists are not kept, so they answer false).
// Anything else, malformed strings included, is false.
func canIUse(apis map[string]bool, schema string) bool {
	parts := strings.Split(schema, ".")
	for _, p := range parts {
		if p == "" {
			return false
		}
	}
	if apis[parts[0]] {
		return len(parts) == 1 || wxSchemaSet[schema]
	}
	c, ok := widgets.ComponentOf(parts[0])
	if !ok || (c.Support != widgets.Full && c.Support != widgets.Basic) || len(parts) > 3 {
		return false
	}
	if len(parts) == 1 {
		return true
	}
	for _, a := range c.Attributes {
		if a.Name != parts[1] {
			continue
		}
		if len(parts) == 2 {
			return true
		}
		if c.Tag == widgets.Image.Tag && a.Name == "mode" {
			_, err := widgets.ParseImageMode(parts[2])
			return err == nil
		}
		return false
	}
	return false
}
