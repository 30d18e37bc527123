package style

// Env is what value computation needs to know about the page.
type Env struct {
	WindowWidth, WindowHeight float32 // CSS px; rpx = WindowWidth/750
	Dark                      bool
	Options                   RendererOptions
	RootFontSize              float32 // for rem; 16 when 0
	// SafeArea is what env(safe-area-inset-*) (and the older constant())
	// read: the device's insets in CSS px (a notched phone's status bar and
	// home indicator). The zero value is a window without any.
	SafeArea SafeArea
}

// SafeArea holds the safe-area insets of the device, CSS px.
type SafeArea struct{ Top, Right, Bottom, Left float32 }

// RendererOptions mirrors rendererOptions.skyline (spec §2.9). The zero value
// is Skyline's default (flex, border-box, isolated tag names and keyframes).
type RendererOptions struct {
	DefaultDisplayBlock, DefaultContentBox, EnableScrollViewAutoSize bool
	TagNameStyleIsolationLegacy, KeyframeStyleIsolationLegacy        bool
}

// defaultFontSize is Skyline's initial font-size and the rem basis when the
// page sets none (spec §2.1, §8.8).
const defaultFontSize = 16

// rootFontSize is the rem basis.
func (e *Env) rootFontSize() float32 {
	if e == nil || e.RootFontSize <= 0 {
		return defaultFontSize
	}
	return e.RootFontSize
}

// safeAreaInset maps an env() / constant() name to its index in slen.sa and
// cctx.sa: top, right, bottom, left. The values come from Env.SafeArea at
// computed-value time, so one parsed sheet serves every device.
func safeAreaInset(name string) (int, bool) {
	switch name {
	case "safe-area-inset-top":
		return 0, true
	case "safe-area-inset-right":
		return 1, true
	case "safe-area-inset-bottom":
		return 2, true
	case "safe-area-inset-left":
		return 3, true
	}
	return 0, false
}

// insets returns the safe-area insets in slen.sa order.
func (e *Env) insets() [4]float32 {
	if e == nil {
		return [4]float32{}
	}
	s := e.SafeArea
	return [4]float32{s.Top, s.Right, s.Bottom, s.Left}
}
