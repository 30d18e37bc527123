package app

import (
	"image"
	"time"

	"github.com/skyline-go/skyline/logic"
)

// Input: the host's touches go to the engine, which hit-tests and
// dispatches (spec §1.6); the handler calls it queues reach the scripts
// through Pump. Time stamps are the App's clock, ms since the page opened.

// Tap is a whole tap at page point (x, y) CSS px: touchstart and touchend
// at the same place and time, so the engine synthesises tap; the handlers
// run and their setData is applied before it returns. It reports whether
// the page took the touch (false while a modal is up).
func (a *App) Tap(x, y float64) bool {
	if !a.TouchStart(0, x, y) {
		return false
	}
	a.TouchEnd(0, x, y)
	return true
}

// TouchStart puts finger id down at (x, y) and runs the handlers. In a
// whole app (x, y) is a window point: a touch on the navigation or tab bar
// is the bar's (its back button or tab acts when the finger lifts there),
// one below it reaches the page in the page's own coordinates.
func (a *App) TouchStart(id int, x, y float64) bool {
	if a.modal != nil || a.Transitioning() {
		return false
	}
	if a.picker != nil {
		a.touchPicker = true // the sheet's: it acts when the finger lifts
		return true
	}
	if c := a.chrome; c != nil {
		if _, _, page := c.hit(float32(x), float32(y), a.opts.Viewport); !page {
			a.touchChrome = true
			return true
		}
		a.touchChrome = false
	}
	a.page.Update() // hit testing uses the last layout
	a.page.TouchStart(id, x, y-a.pageTop(), a.now())
	a.exchange()
	return true
}

// TouchMove moves finger id; past a scroll-view's min-drag-distance the
// touch scrolls it (and no longer taps).
func (a *App) TouchMove(id int, x, y float64) {
	if a.touchChrome || a.touchPicker {
		return
	}
	a.page.TouchMove(id, x, y-a.pageTop(), a.now())
	a.exchange()
}

// TouchEnd lifts finger id: touchend, and tap when it stayed within the
// engine's tap slop and scrolled nothing; a drag flings on (Advance runs
// it).
func (a *App) TouchEnd(id int, x, y float64) {
	if a.touchPicker {
		a.touchPicker = false
		if a.picker != nil {
			a.pickerTap(x, y)
		}
		return
	}
	if a.touchChrome {
		a.touchChrome = false
		a.chromeTap(x, y)
		return
	}
	a.page.TouchEnd(id, x, y-a.pageTop(), a.now())
	a.exchange()
}

// pageTop is where the page starts in the window (below the navigation
// bar of a whole app; 0 for a lone page or custom navigation).
func (a *App) pageTop() float64 {
	if a.chrome == nil {
		return 0
	}
	return float64(a.chrome.topH)
}

// chromeTap acts on a tap on the bars: the back button goes back, a tab
// switches to its page.
func (a *App) chromeTap(x, y float64) {
	what, tab, _ := a.chrome.hit(float32(x), float32(y), a.opts.Viewport)
	switch what {
	case "back":
		_ = a.Navigate("navigateBack", "", 1)
	case "tab":
		if m := a.manifest; m != nil && m.TabBar != nil && tab >= 0 && tab < len(m.TabBar.List) {
			_ = a.Navigate("switchTab", "/"+m.TabBar.List[tab].PagePath, 0)
		}
	}
}

// TouchCancel ends finger id without a tap or fling (the system took the
// touch).
func (a *App) TouchCancel(id int) {
	a.page.TouchCancel(id, a.now())
	a.exchange()
}

// Wheel scrolls the innermost scroll-view under (x, y) by a mouse-wheel or
// trackpad delta in CSS px (positive toward the end; engine.Page.Wheel) and
// hands the scroll events to the scripts. It reports whether a
// scroll-view took it (false while a modal is up).
func (a *App) Wheel(x, y, dx, dy float64) bool {
	if a.modal != nil {
		return false
	}
	took := a.page.Wheel(float32(x), float32(y-a.pageTop()), float32(dx), float32(dy))
	a.exchange()
	return took
}

// Advance moves time on by dt: a manual clock advances (a real one has
// moved by itself), due timers run, a held touch may become a longpress,
// scroll physics step, and everything that caused is applied. It reports
// whether anything the host draws changed or a scroll is still moving.
func (a *App) Advance(dt time.Duration) bool {
	if a.manual != nil {
		a.manual.Advance(dt)
	}
	if a.rt != nil {
		// By 0: the App moved the clock itself, so its own event time
		// stamps and the timers agree.
		a.send(logic.Tick{})
	}
	pressed := a.page.PressPending()
	a.page.AdvanceTime(a.now())
	moving := a.page.Advance(dt.Seconds())
	if a.stepWorklets() {
		moving = true
	}
	a.exchange()
	if a.trans != nil {
		moving = true // one more frame: the last one settles the transition
		a.Transitioning()
	}
	// A hover class that came on or off changed the picture.
	return a.settle() || moving || pressed
}

// Render paints the current frame into dst (dst is the window's device
// pixels): the page, and for a whole app the bars around it. Toasts and
// modals are the host's to draw over it (Toast, Modal).
func (a *App) Render(dst *image.RGBA) {
	switch p, ok := a.transitionProgress(); {
	case ok:
		a.renderTransition(dst, p)
	case a.chrome != nil:
		a.chrome.render(dst, a.page, a.opts.Viewport)
	default:
		a.page.Render(dst)
	}
	if a.picker != nil {
		a.renderPicker(dst)
	}
}

// InputText types text into the focused input or textarea (what a keyboard
// or an input method committed) and runs its handlers; it reports whether
// the value changed.
func (a *App) InputText(text string) bool {
	changed := a.page.InputText(text, a.now())
	a.exchange()
	return changed
}

// InputKey presses a key on the focused input or textarea: "Backspace",
// "Enter" (confirm; a new line in a textarea) or "Escape" (blur).
func (a *App) InputKey(key string) bool {
	did := a.page.InputKey(key, a.now())
	a.exchange()
	return did
}

// Focused reports whether an input or textarea has the keyboard (the host
// then sends its keys there rather than to its own shortcuts).
func (a *App) Focused() bool { return a.page.Focused() != nil }
