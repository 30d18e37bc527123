package logic

import (
	"github.com/dop251/goja"
)

// UserDataPath is wx.env.USER_DATA_PATH, the root of the user's files.
const UserDataPath = "wxfile://usr"

// The menu button (the capsule) keeps WeChat's iOS size and inset on every
// window: 87×32, its right edge 7 px from the window's, its top 4 px below
// the status bar — {width:87,height:32,top:24,right:368,bottom:56,left:281}
// on a 375-wide iPhone 8 (status bar 20).
const (
	MenuButtonWidth  = 87
	MenuButtonHeight = 32
	MenuButtonRight  = 7 // inset from the window's right edge
	MenuButtonGap    = 4 // below the status bar
)

// MenuButton is wx.getMenuButtonBoundingClientRect's rectangle for d.
func (d Device) MenuButton() Rect {
	return Rect{Left: d.WindowWidth - MenuButtonRight - MenuButtonWidth, Top: d.StatusBarHeight + MenuButtonGap,
		Width: MenuButtonWidth, Height: MenuButtonHeight}
}

// Orientation is "landscape" when the window is wider than tall, else
// "portrait".
func (d Device) Orientation() string {
	if d.WindowWidth > d.WindowHeight {
		return "landscape"
	}
	return "portrait"
}

// The info payloads below are built from one Device, so they agree with
// each other and with the window the engine lays out in (app fills the
// Device from the viewport). What an offline preview has no answer for is
// decided once: nothing is authorized yet ('not determined'), Bluetooth and
// location are off, Wi-Fi is on, the font size is the default 16 px.

func (s *state) windowInfo() map[string]any {
	d := s.dev
	return map[string]any{
		"pixelRatio": d.PixelRatio, "screenWidth": d.ScreenWidth, "screenHeight": d.ScreenHeight,
		"windowWidth": d.WindowWidth, "windowHeight": d.WindowHeight, "statusBarHeight": d.StatusBarHeight,
		"screenTop": 0.0, "safeArea": safeArea(d.SafeArea),
	}
}

func (s *state) deviceInfo() map[string]any {
	d := s.dev
	return map[string]any{"brand": d.Brand, "model": d.Model, "system": d.System, "platform": d.Platform,
		"pixelRatio": d.PixelRatio, "benchmarkLevel": -1.0, "abi": "", "deviceAbi": "", "cpuType": "unknown"}
}

func (s *state) appBaseInfo() map[string]any {
	d := s.dev
	return map[string]any{"SDKVersion": d.SDKVersion, "language": d.Language, "version": d.Version, "theme": d.Theme,
		"enableDebug": false, "fontSizeSetting": 16.0, "fontSizeScaleFactor": 1.0,
		"host": map[string]any{"appId": ""}}
}

func (s *state) systemSetting() map[string]any {
	return map[string]any{"bluetoothEnabled": false, "locationEnabled": false, "wifiEnabled": true,
		"deviceOrientation": s.dev.Orientation()}
}

// authorizeFields are getAppAuthorizeSetting's permission fields.
var authorizeFields = []string{"albumAuthorized", "bluetoothAuthorized", "cameraAuthorized", "locationAuthorized",
	"microphoneAuthorized", "notificationAuthorized", "notificationAlertAuthorized", "notificationBadgeAuthorized",
	"notificationSoundAuthorized", "phoneCalendarAuthorized"}

func (s *state) appAuthorizeSetting() map[string]any {
	m := map[string]any{"locationReducedAccuracy": false}
	for _, f := range authorizeFields {
		m[f] = "not determined"
	}
	return m
}

// systemInfo is getSystemInfo(Sync): the window, device, app-base and
// setting payloads together, as WeChat's deprecated all-in-one API answers
// (its authorization fields are booleans: false, nothing granted).
func (s *state) systemInfo() map[string]any {
	m := s.windowInfo()
	for _, part := range []map[string]any{s.deviceInfo(), s.appBaseInfo(), s.systemSetting()} {
		for k, v := range part {
			m[k] = v
		}
	}
	for _, f := range authorizeFields {
		m[f] = false
	}
	m["locationReducedAccuracy"] = false
	m["renderer"] = "skyline"
	return m
}

func (s *state) menuButton() map[string]any {
	r := s.dev.MenuButton()
	return map[string]any{"width": r.Width, "height": r.Height, "top": r.Top, "left": r.Left,
		"right": r.Left + r.Width, "bottom": r.Top + r.Height}
}

// listeners is one wx.onX / offX event's callbacks.
type listeners []goja.Value

func (l *listeners) on(f goja.Value) {
	if isFunc(f) && len(*l) < maxListeners {
		*l = append(*l, f)
	}
}

// off removes f, or every callback when f is not a function (as WeChat's
// offX() without an argument does).
func (l *listeners) off(f goja.Value) {
	if !isFunc(f) {
		*l = nil
		return
	}
	for i, g := range *l {
		if g.StrictEquals(f) {
			*l = append((*l)[:i], (*l)[i+1:]...)
			return
		}
	}
}

// maxListeners bounds one event's callbacks (a handler that registers one
// on every call).
const maxListeners = 1000

// setDevice applies a device change from the host (the preview switched
// device, rotated, or changed theme): later info calls answer with it; a
// changed window runs wx.onWindowResize callbacks, components'
// pageLifetimes.resize and pages' onResize with {size, deviceOrientation};
// a changed theme runs wx.onThemeChange callbacks and App.onThemeChange
// with {theme}.
func (s *state) setDevice(d Device) {
	old := s.dev
	s.dev = d
	if old.WindowWidth != d.WindowWidth || old.WindowHeight != d.WindowHeight {
		res := map[string]any{
			"size": map[string]any{"windowWidth": d.WindowWidth, "windowHeight": d.WindowHeight,
				"screenWidth": d.ScreenWidth, "screenHeight": d.ScreenHeight},
			"deviceOrientation": d.Orientation(),
		}
		for _, f := range append(listeners(nil), s.onResize...) {
			s.call("onWindowResize", f, goja.Undefined(), s.toJS(res))
		}
		for _, page := range append([]*instance(nil), s.pageStack...) {
			s.preOrder(page, func(c *instance) {
				if c.class == nil {
					return
				}
				for _, fn := range c.class.pageLifetimes["resize"] {
					s.call("pageLifetimes.resize", fn, c.obj, s.toJS(res))
				}
			})
			s.call("onResize", page.obj.Get("onResize"), page.obj, s.toJS(res))
		}
	}
	if old.Theme != d.Theme && d.Theme != "" {
		res := map[string]any{"theme": d.Theme}
		for _, f := range append(listeners(nil), s.onTheme...) {
			s.call("onThemeChange", f, goja.Undefined(), s.toJS(res))
		}
		if s.app != nil {
			s.call("App.onThemeChange", s.app.Get("onThemeChange"), s.app, s.toJS(res))
		}
	}
}
