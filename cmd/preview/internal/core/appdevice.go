package core

import "github.com/skyline-go/skyline/logic"

// Info is what the page's scripts see of the device (wx.getSystemInfoSync,
// getWindowInfo): the preset's window and pixel ratio, and its status bar,
// which custom navigation bars pad by (44 px on notched iPhones).
func (d Device) Info() logic.Device {
	info := logic.Device{
		Brand: "devtools", Model: d.Label, System: "iOS 17.0", Platform: "ios",
		Language: "zh_CN", Version: "8.0.50", SDKVersion: "3.4.0",
		PixelRatio: float64(d.DPR), WindowWidth: float64(d.Width), WindowHeight: float64(d.Height),
		ScreenWidth: float64(d.Width), ScreenHeight: float64(d.Height), StatusBarHeight: 20,
	}
	switch d.Name {
	case "iphonex":
		info.StatusBarHeight = 44
	case "android360":
		info.System, info.Platform, info.StatusBarHeight = "Android 14", "android", 24
	}
	// The safe area starts below the status bar (or the notch) and ends
	// above the home indicator: the same insets env(safe-area-inset-*) reads.
	top := max(info.StatusBarHeight, float64(d.SafeArea.Top))
	info.SafeArea = logic.Rect{Top: top, Width: info.WindowWidth, Height: info.WindowHeight - top - float64(d.SafeArea.Bottom)}
	return info
}
