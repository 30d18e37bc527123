package core

import (
	"errors"
	"fmt"
	"image"
	"net/http"
	"os"
	"runtime/debug"
	"slices"
	"time"

	"github.com/skyline-go/skyline/app"
	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/imagesrc"
)

// Session is the preview's page state, free of any window: the page it
// shows, the device and colour scheme, the last good page and what went
// wrong since. Every call into the engine goes through guard, so a bad page
// or an engine bug becomes a message over the frame instead of a crash.
type Session struct {
	// PagePath is the page as named on the command line (render-cli.md).
	PagePath string
	Dev      Device
	Dark     bool

	// App runs the last page that loaded with its scripts (app.Open); nil
	// before the first success. Page is its engine page.
	App  *app.App
	Page *engine.Page
	// loadErrs are the errors of the last load when it failed; the frame
	// keeps showing Page, the last good one.
	loadErrs []diag.Diagnostic
	// crash is the last engine panic, as a message; cleared by a reload.
	crash string
	// ui draws the page's toasts and modals over the frame.
	ui uiOverlay
	// moving: the page's last Advance reported motion; kicked: an input
	// or a script may have started some; fingerDown: the mouse button is
	// down (a long press may come due). Tick advances the page while any.
	moving, kicked, fingerDown bool
	// images loads the pages' remote images for real (one loader for the
	// session, so a reload keeps what was fetched); imgGen is its
	// Generation at the last Poll.
	images *imagesrc.Loader
	imgGen uint64
	// script is the time spent in the page's scripts (loading, input,
	// polling, timers) since the last Render; Sample is the last Render's
	// frame cost (the frame-time overlay, frames.go).
	script time.Duration
	Sample FrameSample
	// scriptErrs: the last Reload kept the old page because the new one's
	// scripts failed (loadErrs holds their errors). notes are what the
	// last reloads did (reload.go), shown in the console.
	scriptErrs bool
	notes      []RawEntry
	// console caches Console's entries for its raw entries.
	console struct {
		raw     []RawEntry
		entries []Entry
		built   bool
	}
}

// NewSession returns a session that has not loaded its page yet.
func NewSession(pagePath string, dev Device, dark bool) *Session {
	return &Session{PagePath: pagePath, Dev: dev, Dark: dark}
}

// guard runs f and turns a panic into an error message, logging the stack to
// stderr for whoever debugs the engine.
func (s *Session) guard(stage string, f func()) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			s.crash = fmt.Sprintf("engine panic while %s: %v", stage, r)
			fmt.Fprintf(os.Stderr, "preview: %s\n%s", s.crash, debug.Stack())
			ok = false
		}
	}()
	f()
	return true
}

// Reload opens the page again: app.js, the page's script and onLoad run,
// and the data starts over (the R key, and a change of a script:
// ReloadChanged). On failure the last good page stays and the errors are
// kept for the overlay; that includes a page whose scripts fail (a syntax
// error, an exception in onLoad) when a good page is on screen. It reports
// whether the new page replaced the old.
func (s *Session) Reload() bool {
	var a *app.App
	var err error
	s.crash = ""
	if s.images == nil {
		s.images = imagesrc.New(imagesrc.Options{})
	}
	// The preview reaches the network for wx.request, as a phone does.
	opts := app.Options{Viewport: s.Dev.Viewport(s.Dark), LogOutput: os.Stderr, Device: s.Dev.Info(), Images: s.images, HTTP: previewHTTP}
	t0 := time.Now()
	defer func() { s.script += time.Since(t0) }()
	s.scriptErrs = false
	if !s.guard("loading", func() { a, err = app.Open(s.PagePath, opts) }) {
		return false
	}
	if err != nil {
		var el diag.ErrorList
		if errors.As(err, &el) {
			s.loadErrs = append([]diag.Diagnostic(nil), el...)
		} else {
			s.loadErrs = []diag.Diagnostic{{Pos: diag.Pos{File: s.PagePath}, Severity: diag.Error, Msg: err.Error()}}
		}
		return false
	}
	if bad := scriptErrors(a.Diagnostics()); len(bad) > 0 && s.App != nil {
		// A broken script: the last good page stays, with the errors.
		a.Close()
		s.loadErrs, s.scriptErrs = bad, true
		return false
	}
	if s.App != nil {
		s.App.Close()
	}
	s.App, s.Page, s.loadErrs = a, a.Page(), nil
	s.moving, s.kicked, s.fingerDown = false, true, false // onLoad may have started an animation
	return true
}

// Close stops the page's scripts.
func (s *Session) Close() {
	if s.App != nil {
		s.App.Close()
		s.App, s.Page = nil, nil
	}
	s.ui.close()
}

// Poll applies what the page's scripts did on their own since the last
// call (real-clock timers, toasts expiring) and reports whether the frame
// must be drawn again. The window calls it every tick.
func (s *Session) Poll() (changed bool) {
	if s.App == nil {
		return false
	}
	t0 := time.Now()
	s.guard("running the page's scripts", func() { changed = s.App.Poll() })
	s.script += time.Since(t0)
	if g := s.images.Generation(); g != s.imgGen {
		s.imgGen, changed = g, true // a remote picture arrived: the next frame lays it out
	}
	if changed {
		s.kicked = true // a setData may animate a scroll (scroll-with-animation)
	}
	return changed
}

// Touch passes the pointer to the page in CSS px: phase "start", "move"
// or "end" of one finger (the mouse). A press and release without moving
// past the engine's tap slop is a tap; the handlers run and their setData
// is applied before it returns. A press that moves past a scroll-view's
// min-drag-distance drags it instead, and the release flings it (Tick runs
// the fling). While a modal is up, a press answers it when it lands on one
// of its buttons. It reports whether the frame must be drawn again.
func (s *Session) Touch(phase string, x, y float64) (changed bool) {
	a := s.App
	if a == nil {
		return false
	}
	t0 := time.Now()
	defer func() { s.script += time.Since(t0) }()
	s.guard("handling a touch", func() {
		if a.Modal() != nil {
			if phase == "start" {
				if confirm, ok := s.ui.modalButton(float32(x), float32(y)); ok {
					a.AnswerModal(confirm)
				}
			}
			changed = a.Pump()
			return
		}
		switch phase {
		case "start":
			a.TouchStart(0, x, y)
			s.fingerDown = true
		case "move":
			a.TouchMove(0, x, y)
		case "end":
			// The lift may still move the content (and starts its fling).
			scrolled := a.Page().Dragging()
			a.TouchEnd(0, x, y)
			s.fingerDown = false
			changed = scrolled
		}
		s.kicked = true // the next Tick finds out whether anything moves
		if a.Page().Dragging() {
			changed = true // the finger moved the content
		}
		changed = a.Pump() || changed
	})
	return changed
}

// Wheel scrolls the page by a wheel or trackpad delta in CSS px at the
// pointer (x, y) (WheelDelta). It reports whether the frame must be drawn
// again.
func (s *Session) Wheel(x, y, dx, dy float64) (changed bool) {
	a := s.App
	if a == nil {
		return false
	}
	t0 := time.Now()
	defer func() { s.script += time.Since(t0) }()
	s.guard("handling the wheel", func() {
		took := a.Wheel(x, y, dx, dy)
		s.kicked = true
		changed = a.Pump() || took
	})
	return changed
}

// Tick moves the page's time on by dt, the real time since the window's
// last tick, while anything may move: a fling, a bounce or an animated
// scroll (App.Advance reported motion), a finger held down (a long press
// comes due), or right after an input or a script's change (either may
// have started an animation). Physics, timers and the long-press clock
// all step by the same dt. It reports whether the frame must be drawn
// again: while something moved, including the step at which it stopped.
func (s *Session) Tick(dt time.Duration) (changed bool) {
	if s.App == nil || !(s.moving || s.kicked || s.fingerDown) {
		return false
	}
	was := s.moving
	s.kicked = false
	t0 := time.Now()
	s.guard("advancing the page", func() { s.moving = s.App.Advance(dt) })
	s.script += time.Since(t0)
	return s.moving || was
}

// Animating reports whether Tick still has work: the window keeps ticking
// at 60 Hz anyway, this is for tests and diagnostics.
func (s *Session) Animating() bool { return s.moving || s.kicked || s.fingerDown }

// Render lays out and paints the current page into dst, which must be the
// device's pixel size. It reports false when there is nothing to show (no
// page ever loaded, or the engine panicked); dst is then not a frame.
func (s *Session) Render(dst *image.RGBA) bool {
	if s.Page == nil {
		return false
	}
	a := s.App
	return s.guard("rendering", func() {
		a.SetWindow(s.Dev.Viewport(s.Dark), s.Dev.Info()) // scripts hear of a device switch or theme change
		renderApp(a, dst)
		p := a.Page()
		s.ui.compose(dst, s.Dev, a.Toast(), a.Modal())
		st := p.FrameStats()
		s.Sample = FrameSample{Restyled: st.Restyled, Relaid: st.Relaid, Painted: st.Painted, Builder: p.BuilderItems()}
		s.Sample.Times[StageScript] = s.script
		s.Sample.Times[StageStyle] = st.Style
		s.Sample.Times[StageLayout] = st.Layout
		s.Sample.Times[StagePaint] = st.Paint + st.Raster
		s.script = 0
	})
}

// Messages are the overlay's entries: load errors, an engine panic, then
// the page's own diagnostics (errors first, then warnings), each as
// file:line:col: message.
func (s *Session) Messages() []Message {
	var out []Message
	for _, d := range s.loadErrs {
		out = append(out, Message{Severity: diag.Error, Text: d.String()})
	}
	if s.crash != "" {
		out = append(out, Message{Severity: diag.Error, Text: s.crash})
	}
	if s.App != nil {
		ds := s.App.Diagnostics()
		for _, sev := range []diag.Severity{diag.Error, diag.Warning} {
			for _, d := range ds {
				if d.Severity == sev {
					out = append(out, Message{Severity: sev, Text: d.String()})
				}
			}
		}
	}
	if s.App != nil {
		// console.warn / console.error join the overlay (every console
		// line goes to stderr as it happens).
		for _, l := range s.App.Logs() {
			sev := diag.Warning
			switch l.Level {
			case "error":
				sev = diag.Error
			case "warn":
			default:
				continue
			}
			out = append(out, Message{Severity: sev, Text: fmt.Sprintf("%s: console.%s: %s", l.Pos, l.Level, l.Msg)})
		}
	}
	return out
}

// Shown returns the page on screen (the top of a whole app's stack) and
// where it starts in the window (CSS px below the navigation bar); nil
// before a page loaded.
func (s *Session) Shown() (*engine.Page, float32) {
	if s.App == nil {
		return nil, 0
	}
	return s.App.Page(), float32(s.App.PageTop())
}

// Title is the window title: page, device, DPR, colour scheme.
func (s *Session) Title() string {
	scheme := "light"
	if s.Dark {
		scheme = "dark"
	}
	return fmt.Sprintf("%s — %s — %s", s.PagePath, s.Dev, scheme)
}

// ConsoleRaw lists the console panel's entries before folding: load
// errors, an engine panic, the page's diagnostics (errors, then warnings),
// then every console.* line in order.
func (s *Session) ConsoleRaw() []RawEntry {
	var out []RawEntry
	for _, d := range s.loadErrs {
		out = append(out, RawEntry{Level: LevelError, Pos: d.Pos, Msg: d.Msg})
	}
	if s.crash != "" {
		out = append(out, RawEntry{Level: LevelError, Msg: s.crash})
	}
	if s.App == nil {
		return append(out, s.notes...)
	}
	ds := s.App.Diagnostics()
	for _, sev := range []diag.Severity{diag.Error, diag.Warning} {
		for _, d := range ds {
			if d.Severity == sev {
				lv := LevelWarning
				if sev == diag.Error {
					lv = LevelError
				}
				out = append(out, RawEntry{Level: lv, Pos: d.Pos, Msg: d.Msg})
			}
		}
	}
	for _, l := range s.App.Logs() {
		lv := l.Level
		switch lv {
		case "warn":
			lv = LevelWarning
		case LevelError, LevelInfo, LevelDebug:
		default:
			lv = LevelLog
		}
		out = append(out, RawEntry{Level: lv, Console: true, Pos: l.Pos, Msg: l.Msg})
	}
	return append(out, s.notes...)
}

// Console returns the console panel's entries: ConsoleRaw folded, with
// source excerpts read from the package (BuildEntries). The result is
// cached until the raw entries change.
func (s *Session) Console() []Entry {
	raw := s.ConsoleRaw()
	if s.console.built && slices.Equal(raw, s.console.raw) {
		return s.console.entries
	}
	root := PackageRoot(s.PagePath)
	if s.Page != nil {
		root = s.Page.Pkg.Root
	}
	s.console.raw, s.console.entries, s.console.built = raw, BuildEntries(raw, PackageReader(root)), true
	return s.console.entries
}

// previewHTTP performs the pages' wx.request calls (app.Options.HTTP).
var previewHTTP = &http.Client{Timeout: 60 * time.Second}

// NextAppPage opens the page after the one on screen in app.json's pages
// (the P key: a page picker that walks the list, wrapping), relaunching the
// app's stack on it. ok is false for a page opened alone.
func (s *Session) NextAppPage() (page string, ok bool) {
	if s.App == nil || s.App.Manifest() == nil || len(s.App.Manifest().Pages) == 0 {
		return "", false
	}
	pages := s.App.Manifest().Pages
	stack := s.App.Stack()
	next := pages[0]
	if len(stack) > 0 {
		for i, p := range pages {
			if p == stack[len(stack)-1] {
				next = pages[(i+1)%len(pages)]
				break
			}
		}
	}
	var err error
	s.guard("opening "+next, func() { err = s.App.Navigate("reLaunch", "/"+next, 0) })
	return next, err == nil
}
