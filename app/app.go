package app

import (
	"errors"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"time"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/imagesrc"
	"github.com/skyline-go/skyline/logic"
	"github.com/skyline-go/skyline/worklet"
)

// maxPumpRounds bounds one Pump: a round forwards what the engine queued and
// applies what the runtime answered. Real pages settle in two or three; a
// pair of handlers that keep triggering each other would never settle.
const maxPumpRounds = 64

// maxLogs is how many console lines an App keeps (the preview shows the
// newest).
const maxLogs = 200

// Options configure Open.
type Options struct {
	// Viewport is the window; zero means engine.DefaultViewport.
	Viewport engine.Viewport
	// Clock runs the page's timers and event time stamps; nil is the wall
	// clock. A logic.Advancer (logic.ManualClock) moves only through
	// Advance, for tests.
	Clock logic.Clock
	// TimeLimit bounds each JavaScript callback's CPU time (0:
	// logic.DefaultTimeLimit; see logic's budgets).
	TimeLimit time.Duration
	// Fixtures answer wx.request / downloadFile / uploadFile.
	Fixtures map[string]logic.Fixture
	// Data, when non-nil, is the host's data, used instead of the page's
	// .data.json: its top-level fields override Page({data}) (see Open).
	Data map[string]any
	// Device is what wx.getSystemInfoSync reports; zero window, screen and
	// pixel-ratio fields are taken from Viewport.
	Device logic.Device
	// Query is the page's launch query (onLoad's options).
	Query map[string]string
	// LogOutput, when set, receives every console line as it arrives
	// (render and the preview pass stderr); diagnostics are Diagnostics'.
	LogOutput io.Writer
	// HTTP, when set, performs the scripts' wx.request calls that no
	// fixture answers (the preview); nil: fixtures only (tests, renders).
	HTTP *http.Client
	// Images loads data: and remote image srcs (engine.LoadOptions.Images;
	// nil: data: URLs only, remote images offline).
	Images *imagesrc.Loader
}

// LogEntry is one console call of the page's scripts.
type LogEntry struct {
	Level string // log, info, warn, error, debug
	Msg   string
	Pos   diag.Pos
}

// App is a running mini-program: one page opened alone, or a whole app
// (app.json) with its page stack, tab pages and the bars around them
// (stack.go, chrome.go). Its page methods act on the page on screen. It is
// not safe for concurrent use: the host calls it from one goroutine (the
// runtime has its own).
type App struct {
	// pageRun is the page on screen (the top of the stack): its engine
	// page, path and script state.
	*pageRun
	pkg     *engine.Package
	rt      *logic.Runtime
	opts    Options
	clock   logic.Clock
	manual  logic.Advancer
	diags   diag.List
	warned  map[string]bool
	logs    []LogEntry
	toast   *Toast
	modal   *Modal
	changed bool // something the host draws changed since the last Pump/Poll
	// unsynced: messages were sent since the last Sync.
	unsynced bool
	// sentDevice is the device the scripts were last told about.
	sentDevice logic.Device

	// Whole apps (stack.go): manifest is nil for a page opened alone.
	manifest *Manifest
	stack    []*pageRun
	live     []*pageRun // every loaded page, in slot order: the stack and the tab pages kept alive
	nextSlot uint64
	// netDone receives the replies of the requests in flight (netBusy).
	netDone chan logic.NetworkReply
	netBusy int
	// below are the pages that stay under the page being loaded (its
	// onLoad's getCurrentPages).
	below []*pageRun
	// picker is the picker sheet on screen (picker.go).
	picker *PickerSheet
	// touchPicker: the touch in progress is the sheet's.
	touchPicker bool
	// trans is the page transition in progress (transition.go).
	trans *transition
	// touchChrome: the touch in progress started on the bars, not the page.
	touchChrome bool
	// ui is the worklet UI runtime (worklet.go), styles its animated
	// styles by id.
	ui     *worklet.Runtime
	styles map[int]*styleBinding
}

// Open loads the page at pagePath (render-cli.md's naming: a path without
// extension, a .wxml path or a directory) and runs its logic:
//
//  1. app.js runs (App, onLaunch, onShow) when the package has one.
//  2. The page's script runs and Page({data}) is the initial data; a host's
//     Options.Data, else the page's .data.json, overrides its top-level
//     fields (a host that brings its own data wins over the script's
//     defaults).
//  3. The engine instantiates the page with that data; each component with
//     a script gets its Component({...}) definition (property types,
//     defaults, options) first.
//  4. LoadPage runs the lifetimes (created, attached, onLoad, onShow,
//     ready, onReady) and their setData patches are applied before Open
//     returns, so what onLoad or attached set wins over both the script's
//     data and the host's.
//
// A package without scripts is plain markup and data. Load errors come back
// as a diag.ErrorList; script errors are diagnostics of the App and the page
// still renders.
func Open(pagePath string, opts Options) (*App, error) {
	if IsAppRoot(pagePath) {
		return OpenApp(pagePath, opts)
	}
	root, page, err := engine.LocatePage(pagePath)
	if err != nil {
		return nil, diag.ErrorList{{Pos: diag.Pos{File: pagePath}, Severity: diag.Error, Msg: unwrapPath(err).Error()}}
	}
	pkg, err := engine.NewPackage(root)
	if err != nil {
		return nil, diag.ErrorList{{Pos: diag.Pos{File: pagePath}, Severity: diag.Error, Msg: unwrapPath(err).Error()}}
	}
	return OpenFrom(pkg, page, opts)
}

// OpenFrom is Open for a page at package path page (without extension) of
// an already opened package.
func OpenFrom(pkg *engine.Package, page string, opts Options) (*App, error) {
	a := newApp(pkg, opts)
	if a.pkg.Exists("app.js") {
		a.runtime()
	}
	r, err := a.load(page, opts.Query, true)
	if err != nil {
		a.close()
		return nil, err
	}
	a.push(r)
	a.Pump()
	return a, nil
}

func newApp(pkg *engine.Package, opts Options) *App {
	if opts.Viewport.Width <= 0 || opts.Viewport.Height <= 0 {
		opts.Viewport = engine.DefaultViewport
	}
	a := &App{pkg: pkg, opts: opts, clock: opts.Clock, warned: map[string]bool{}}
	if a.clock == nil {
		a.clock = logic.NewRealClock()
	}
	a.manual, _ = a.clock.(logic.Advancer)
	return a
}

// runtime starts the logic runtime on first need and runs app.js in it
// (WeChat runs app.js before any page or component script).
func (a *App) runtime() *logic.Runtime {
	if a.rt != nil {
		return a.rt
	}
	a.sentDevice = a.device()
	a.rt = logic.New(logic.Config{
		Read:      a.pkg.Read,
		Device:    a.sentDevice,
		Clock:     a.clock,
		TimeLimit: a.opts.TimeLimit,
		Fixtures:  a.opts.Fixtures,
		Network:   a.opts.HTTP != nil,
	})
	a.rt.Send(logic.LoadApp{Query: a.opts.Query})
	return a.rt
}

// device fills the preset's zero fields from the viewport.
func (a *App) device() logic.Device {
	d := a.opts.Device
	vp := a.opts.Viewport
	w, h := float64(vp.Width), float64(vp.Height)
	set := func(f *float64, v float64) {
		if *f == 0 {
			*f = v
		}
	}
	set(&d.WindowWidth, w)
	set(&d.WindowHeight, h)
	set(&d.ScreenWidth, w)
	set(&d.ScreenHeight, h)
	set(&d.PixelRatio, float64(vp.DPR))
	// A phone's status bar: custom navigation bars pad by it (spec §0:
	// only a custom navigation bar exists).
	set(&d.StatusBarHeight, 20)
	if d.SafeArea == (logic.Rect{}) {
		// Below the status bar (or the notch), above the home indicator:
		// the insets env(safe-area-inset-*) reads.
		top := max(d.StatusBarHeight, float64(vp.SafeArea.Top))
		d.SafeArea = logic.Rect{Top: top, Width: d.WindowWidth, Height: d.WindowHeight - top - float64(vp.SafeArea.Bottom)}
	}
	if d.Platform == "" {
		d.Platform = "devtools"
	}
	if d.Theme == "" {
		d.Theme = "light"
		if vp.Dark {
			d.Theme = "dark"
		}
	}
	if d.Language == "" {
		d.Language = "zh_CN"
	}
	return d
}

// hostData is Options.Data, else the page's .data.json read through the
// package (nil when there is neither).
func (a *App) hostData(page string, first bool) (map[string]any, error) {
	if first && a.opts.Data != nil {
		return maps.Clone(a.opts.Data), nil
	}
	name := page + ".data.json"
	b, err := a.pkg.Read(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if errors.Is(err, engine.ErrNotRegular) || errors.Is(err, engine.ErrTooLarge) {
		// Hostile rather than broken: the page renders without it (as the
		// engine treats its other optional files).
		a.diags.Warnf(diag.Pos{File: name, Line: 1, Col: 1}, "not read: %v; the page renders without it", unwrapPath(err))
		return nil, nil
	}
	if err != nil {
		return nil, diag.ErrorList{{Pos: diag.Pos{File: name}, Severity: diag.Error, Msg: unwrapPath(err).Error()}}
	}
	return decodeData(name, b)
}

// unwrapPath drops an fs.PathError's wrapping (the message names the file).
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Page returns the engine page (layout dump, hit testing, scroll input).
// Changing its data directly bypasses the page's scripts.
func (a *App) Page() *engine.Page { return a.page }

// HasLogic reports whether any script runs for the page.
func (a *App) HasLogic() bool { return a.rt != nil }

// Diagnostics returns the page's diagnostics (markup, styles, data) then
// the scripts' (errors and warnings), in report order.
func (a *App) Diagnostics() []diag.Diagnostic {
	out := append([]diag.Diagnostic(nil), a.page.Diagnostics()...)
	return append(out, a.diags.Items...)
}

// Window is the window the App renders into (Render's size at its DPR):
// the page's viewport for a lone page, the whole window around the bars of
// an app.
func (a *App) Window() engine.Viewport { return a.opts.Viewport }

// Logs returns the console lines so far (the newest maxLogs).
func (a *App) Logs() []LogEntry { return a.logs }

// SetViewport changes the window (the preview's device keys, rotation,
// theme): the engine lays out in it, and the scripts' device follows it —
// the window, screen, pixel ratio, safe area and theme are the viewport's
// (the host's other Device fields stay). When that changes what the scripts
// see, they get a logic.DeviceChange (wx.onWindowResize, onThemeChange,
// Page onResize) with the next Pump.
func (a *App) SetViewport(vp engine.Viewport) {
	d := a.opts.Device
	d.WindowWidth, d.WindowHeight, d.ScreenWidth, d.ScreenHeight, d.PixelRatio = 0, 0, 0, 0, 0
	d.SafeArea, d.Theme = logic.Rect{}, ""
	a.SetWindow(vp, d)
}

// SetWindow changes the window and the device the scripts see together
// (the preview switching to another device preset: its model, status bar
// and safe area come with it). Zero Device fields are filled from the
// viewport as Open fills them.
func (a *App) SetWindow(vp engine.Viewport, dev logic.Device) {
	if vp.Width <= 0 || vp.Height <= 0 {
		return
	}
	a.opts.Viewport = vp
	a.opts.Device = dev
	a.dress(a.pageRun)
	d := a.device()
	if a.rt != nil && d != a.sentDevice {
		a.sentDevice = d
		a.send(logic.DeviceChange{Device: d})
		a.changed = true
	}
}

// Close stops the pages' scripts: onUnload runs for each, then the runtime
// exits.
func (a *App) Close() {
	if a.rt != nil {
		for _, r := range a.liveRuns() {
			if r.pageJS && r.page != nil {
				a.rt.Send(logic.UnloadPage{ID: r.pageID()})
			}
		}
		a.rt.Sync() // Close drops what is still queued
	}
	a.close()
}

func (a *App) close() {
	if a.ui != nil {
		a.ui.Close()
	}
	if a.rt != nil {
		a.rt.Close()
		a.rt = nil
	}
}

// now is the event time: ms since the page opened, on the App's clock.
func (a *App) now() float64 {
	return float64(a.clock.Now()) / float64(time.Millisecond)
}

func (a *App) warnOnce(key string, p diag.Pos, msg string) {
	if a.warned[key] {
		return
	}
	a.warned[key] = true
	a.diags.Add(diag.Diagnostic{Pos: p, Severity: diag.Warning, Msg: msg})
}
