package logic

import (
	"encoding/json"
	"reflect"
	"testing"
)

// iPhone8 is the preview's iPhone 6/7/8 preset as app fills it.
var iPhone8 = Device{Brand: "devtools", Model: "iPhone 6/7/8", System: "iOS 17.0", Platform: "ios",
	Language: "zh_CN", Version: "8.0.50", SDKVersion: "3.4.0", Theme: "light", PixelRatio: 2,
	ScreenWidth: 375, ScreenHeight: 667, WindowWidth: 375, WindowHeight: 667, StatusBarHeight: 20,
	SafeArea: Rect{Top: 20, Width: 375, Height: 647}}

func withDevice(d Device) func(*Config) { return func(c *Config) { c.Device = d } }

// TestDeviceInfoValues: the info APIs agree with the device preset and
// with each other (window, pixel ratio, safe area, the capsule).
func TestDeviceInfoValues(t *testing.T) {
	h := newHarness(t, files{"pages/i/i.js": `
const show = (name, v) => console.log(name, JSON.stringify(v))
Page({
  async onLoad() {
    show('window', wx.getWindowInfo())
    show('capsule', wx.getMenuButtonBoundingClientRect())
    show('device', wx.getDeviceInfo())
    show('base', wx.getAppBaseInfo())
    show('setting', wx.getSystemSetting())
    show('auth', wx.getAppAuthorizeSetting())
    const sys = wx.getSystemInfoSync()
    const async = await wx.getSystemInfo()
    show('same', { sync: JSON.stringify(sys) === JSON.stringify({ ...async, errMsg: undefined }), errMsg: async.errMsg })
    show('sys', { w: sys.windowWidth, h: sys.windowHeight, dpr: sys.pixelRatio, sb: sys.statusBarHeight, sa: sys.safeArea, model: sys.model, theme: sys.theme, renderer: sys.renderer, orient: sys.deviceOrientation, cam: sys.cameraAuthorized })
    show('env', [wx.env.USER_DATA_PATH, this.renderer])
  },
})`}, withDevice(iPhone8))
	out := h.run(LoadPage{ID: 1, Path: "pages/i/i"})
	noDiags(t, out)
	got := map[string]any{}
	for _, o := range out {
		if l, ok := o.(Log); ok {
			name, js, _ := cut(l.Msg)
			var v any
			if err := json.Unmarshal([]byte(js), &v); err != nil {
				t.Fatalf("%s: %v", l.Msg, err)
			}
			got[name] = v
		}
	}
	sa := map[string]any{"left": 0.0, "top": 20.0, "width": 375.0, "height": 647.0, "right": 375.0, "bottom": 667.0}
	want := map[string]any{
		"window": map[string]any{"pixelRatio": 2.0, "screenWidth": 375.0, "screenHeight": 667.0, "windowWidth": 375.0,
			"windowHeight": 667.0, "statusBarHeight": 20.0, "screenTop": 0.0, "safeArea": sa},
		"capsule": map[string]any{"width": 87.0, "height": 32.0, "top": 24.0, "right": 368.0, "bottom": 56.0, "left": 281.0},
		"device": map[string]any{"brand": "devtools", "model": "iPhone 6/7/8", "system": "iOS 17.0", "platform": "ios",
			"pixelRatio": 2.0, "benchmarkLevel": -1.0, "abi": "", "deviceAbi": "", "cpuType": "unknown"},
		"base": map[string]any{"SDKVersion": "3.4.0", "language": "zh_CN", "version": "8.0.50", "theme": "light",
			"enableDebug": false, "fontSizeSetting": 16.0, "fontSizeScaleFactor": 1.0, "host": map[string]any{"appId": ""}},
		"setting": map[string]any{"bluetoothEnabled": false, "locationEnabled": false, "wifiEnabled": true, "deviceOrientation": "portrait"},
		"auth": map[string]any{"albumAuthorized": "not determined", "bluetoothAuthorized": "not determined",
			"cameraAuthorized": "not determined", "locationAuthorized": "not determined", "locationReducedAccuracy": false,
			"microphoneAuthorized": "not determined", "notificationAuthorized": "not determined",
			"notificationAlertAuthorized": "not determined", "notificationBadgeAuthorized": "not determined",
			"notificationSoundAuthorized": "not determined", "phoneCalendarAuthorized": "not determined"},
		"same": map[string]any{"sync": true, "errMsg": "getSystemInfo:ok"},
		"sys": map[string]any{"w": 375.0, "h": 667.0, "dpr": 2.0, "sb": 20.0, "sa": sa, "model": "iPhone 6/7/8",
			"theme": "light", "renderer": "skyline", "orient": "portrait", "cam": false},
		"env": []any{"wxfile://usr", "skyline"},
	}
	for k, w := range want {
		if !reflect.DeepEqual(got[k], w) {
			t.Errorf("%s = %v\nwant %v", k, got[k], w)
		}
	}
}

func cut(s string) (string, string, bool) {
	for i := range s {
		if s[i] == ' ' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// TestMenuButtonFollowsDevice: on other windows the capsule keeps its size
// and right inset, 4 px below the status bar.
func TestMenuButtonFollowsDevice(t *testing.T) {
	cases := []struct {
		w, sb float64
		want  Rect
	}{
		{375, 20, Rect{Left: 281, Top: 24, Width: 87, Height: 32}},
		{375, 44, Rect{Left: 281, Top: 48, Width: 87, Height: 32}}, // iPhone X
		{360, 24, Rect{Left: 266, Top: 28, Width: 87, Height: 32}}, // Android 360
		{414, 20, Rect{Left: 320, Top: 24, Width: 87, Height: 32}},
	}
	for _, c := range cases {
		if got := (Device{WindowWidth: c.w, StatusBarHeight: c.sb}).MenuButton(); got != c.want {
			t.Errorf("width %v status bar %v: %+v, want %+v", c.w, c.sb, got, c.want)
		}
	}
}

// TestDeviceChangeEvents: the host's DeviceChange runs wx.onWindowResize
// callbacks (until offWindowResize), Page onResize, pageLifetimes.resize,
// and on a theme change wx.onThemeChange and App.onThemeChange; the info
// APIs answer with the new device.
func TestDeviceChangeEvents(t *testing.T) {
	h := newHarness(t, files{
		"app.js": `App({ onThemeChange({ theme }) { console.log('app theme', theme) } })`,
		"pages/i/i.js": `
const onResize = ({ size, deviceOrientation }) => console.log('resize', size.windowWidth, size.windowHeight, deviceOrientation)
const onTheme = res => console.log('theme', res.theme)
Page({
  onLoad() {
    wx.onWindowResize(onResize)
    wx.onThemeChange(onTheme)
  },
  onResize(res) { console.log('page onResize', res.size.windowWidth, wx.getWindowInfo().windowWidth, wx.getMenuButtonBoundingClientRect().left) },
  stop() { wx.offWindowResize(onResize); wx.offThemeChange() },
})`,
		"comp/c.js": `Component({ pageLifetimes: { resize(res) { console.log('comp resize', res.size.windowHeight) } } })`,
	}, withDevice(iPhone8))
	out := h.run(LoadApp{}, LoadPage{ID: 1, Path: "pages/i/i", Components: []ComponentInit{{ID: 2, Parent: 1, Path: "comp/c"}}})
	noDiags(t, out)
	land := iPhone8
	land.WindowWidth, land.WindowHeight, land.ScreenWidth, land.ScreenHeight = 667, 375, 667, 375
	out = h.run(DeviceChange{Device: land})
	noDiags(t, out)
	if got, want := joined(logsOf(out)), "resize 667 375 landscape | comp resize 375 | page onResize 667 667 573"; got != want {
		t.Errorf("resize: %q, want %q", got, want)
	}
	dark := land
	dark.Theme = "dark"
	out = h.run(DeviceChange{Device: dark})
	if got, want := joined(logsOf(out)), "theme dark | app theme dark"; got != want {
		t.Errorf("theme: %q, want %q", got, want)
	}
	out = h.run(Event{ID: 1, Handler: "stop", Event: EventObject{Type: "tap"}}, DeviceChange{Device: iPhone8})
	if got, want := joined(logsOf(out)), "comp resize 667 | page onResize 375 375 281 | app theme light"; got != want {
		t.Errorf("after off: %q, want %q", got, want)
	}
}

// TestVibrateShortSucceeds: a no-op that succeeds through callbacks and
// the Promise form.
func TestVibrateShortSucceeds(t *testing.T) {
	h := newHarness(t, files{"pages/v/v.js": `Page({
  async onLoad() {
    wx.vibrateShort({ type: 'light', success: r => console.log('success', r.errMsg), complete: r => console.log('complete', r.errMsg) })
    const r = await wx.vibrateShort({ type: 'heavy' })
    console.log('promise', r.errMsg, wx.canIUse('vibrateShort.object.type'), wx.canIUse('getMenuButtonBoundingClientRect.return.right'))
    console.log(['getSystemSetting.return.deviceOrientation', 'getAppAuthorizeSetting.return.cameraAuthorized', 'onWindowResize.callback.size.windowWidth',
      'offThemeChange', 'onThemeChange.callback.theme', 'getSystemInfoAsync', 'getAppBaseInfo.return.host.appId', 'env'].every(wx.canIUse),
      ['getSystemSetting.return.nope', 'onWindowResize.callback.size.nope', 'vibrateShort.object.nope'].some(wx.canIUse))
  },
})`})
	out := h.run(LoadPage{ID: 1, Path: "pages/v/v"})
	noDiags(t, out)
	if got, want := joined(logsOf(out)), "success vibrateShort:ok | complete vibrateShort:ok | promise vibrateShort:ok true true | true false"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
