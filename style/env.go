package style

// Env is what value computation needs to know about the page.
type Env struct {
	WindowWidth, WindowHeight float32 // CSS px; rpx = WindowWidth/750
	Dark                      bool
	Options                   RendererOptions
	RootFontSize              float32 // for rem; 16 when 0
}

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

// safeAreaInset is env(safe-area-inset-*). Our renderer draws into a plain
// desktop window or an image, which has no notch or home indicator, so every
// inset is 0 (spec §2.1 lists env() among lengths without values).
func safeAreaInset(name string) (float32, bool) {
	switch name {
	case "safe-area-inset-top", "safe-area-inset-right", "safe-area-inset-bottom", "safe-area-inset-left":
		return 0, true
	}
	return 0, false
}
