package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"github.com/skyline-go/skyline/cmd/preview/internal/core"
	"github.com/skyline-go/skyline/diag"
)

// The page frame is uploaded straight into an ebiten image.
var _ core.PixelSink = (*ebiten.Image)(nil)

// game is the preview window: ebiten calls Update (input, reloads,
// rendering) and Draw (compositing the frame and the overlay) on its own
// goroutine; only the poller runs beside it and talks through a channel.
type game struct {
	opts           core.Options
	stdout, stderr io.Writer

	s        *core.Session
	frames   core.FrameSync
	img      *ebiten.Image // the page frame on the GPU
	over     overlay
	poll     *core.Poller
	pollRoot string
	// touchDown: the left button is down on the page since (touchX, touchY)
	// device px (touch.go).
	touchDown      bool
	touchX, touchY int
	// clock measures the real time between ticks, the page's frame dt.
	clock core.TickClock

	printed string // the messages last printed to stderr

	dirty  bool // the page must be rendered again
	redraw bool // the screen must be composed again
	// screenSize is the last size Layout returned, outsideSize the window
	// size it was given, screen the image Draw last composed into: a change
	// of any of them may come with a new, blank screen image.
	screenSize  [2]int
	outsideSize [2]int
	screen      *ebiten.Image
	quit        bool
	ticks       int

	shotReq     string        // the next Draw saves the screen here
	chars       []rune        // typed characters of this tick (typing)
	frameReq    chan struct{} // on-demand mode: the next frame is wanted (wantFrame)
	shotWritten bool          // the -shot file was written
	saves       sync.WaitGroup

	// The developer tools (devtools.go): the frame-time overlay (F).
	frameLog   core.FrameLog
	frameFresh bool // a frame was recorded since the last Draw: its display time is still counting
	showFrames bool
	graph      *ebiten.Image
	insp       inspector // the element inspector (I)
	showHelp   bool      // the key list (?)
	help       *ebiten.Image

	// hook, when set, runs at the end of every Update; tests drive the
	// window with it. An error ends the run with that error.
	hook func(g *game) error
}

func newGame(opts core.Options, stdout, stderr io.Writer) *game {
	return &game{
		opts: opts, stdout: stdout, stderr: stderr,
		s:       core.NewSession(opts.Page, opts.Dev, opts.Dark),
		shotReq: opts.Shot,
	}
}

// run loads the page, opens the window and returns when it closes.
func (g *game) run() error {
	g.reload()
	defer func() {
		if g.poll != nil {
			g.poll.Close()
		}
		g.s.Close()
		g.over.view.Close()
		g.insp.view.Close()
	}()
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	// The frame changes only on a reload, a toggle, input or while
	// something animates, so the screen is composed only then, not 60
	// times a second.
	ebiten.SetScreenClearedEveryFrame(false)
	stop := g.onDemand()
	defer stop()
	g.applyDevice()
	err := ebiten.RunGame(g)
	g.saves.Wait()
	return err
}

// reload reads the page again and watches its package root, which a page
// that now loads (or an app.json added or removed) may have moved.
func (g *game) reload() {
	g.s.Reload()
	g.watch()
}

// watch polls the page's package root, starting again when it moved.
func (g *game) watch() {
	root := core.PackageRoot(g.opts.Page)
	if g.s.Page != nil {
		root = g.s.Page.Pkg.Root
	}
	if root != g.pollRoot || g.poll == nil {
		if g.poll != nil {
			g.poll.Close()
		}
		g.poll, g.pollRoot = core.StartPoller(root, core.PollInterval), root
	}
	g.dirty = true
}

// reloadChanged applies a save with the least reload that shows it
// (core.Session.ReloadChanged: styles in place, markup with the current
// data, scripts from scratch) and says what it did.
func (g *game) reloadChanged(files []string) {
	fmt.Fprintln(g.stdout, "preview: package changed, reloading:", g.s.ReloadChanged(files))
	g.watch()
}

// applyDevice sizes the window for the current device and sets the title.
func (g *game) applyDevice() {
	w, h := g.s.Dev.Pixels()
	mon := ebiten.Monitor()
	mw, mh := mon.Size()
	ebiten.SetWindowSize(core.FitWindow(w, h, mon.DeviceScaleFactor(), mw, mh))
	g.updateTitle()
	g.dirty = true
}

func (g *game) updateTitle() {
	ebiten.SetWindowTitle("skyline preview — " + g.s.Title())
}

// Update handles keys, reloads and input, steps the page's time by the
// real frame time while anything animates, and renders the page when it
// changed.
func (g *game) Update() error {
	g.ticks++
	dt := g.clock.Step(time.Now())
	if !g.typing() {
		g.keys()
	}
	select {
	case <-g.poll.Changed():
		g.reloadChanged(g.poll.Changes())
	default:
	}
	if !g.inspect() {
		g.forwardTouch()
	} else if g.s.Poll() {
		g.dirty = true
	}
	g.forwardWheel()
	if g.s.Tick(dt) {
		g.dirty = true
	}
	if g.dirty {
		g.paint()
	}
	if g.hook != nil {
		if err := g.hook(g); err != nil {
			return err
		}
	}
	if g.dirty || g.redraw || g.s.Animating() || g.showFrames {
		g.wantFrame() // keep ticking while something moves (on-demand mode)
	}
	if g.quit || (g.opts.Shot != "" && g.shotWritten) {
		return ebiten.Termination
	}
	return nil
}

func (g *game) keys() {
	if helpPressed() {
		g.showHelp = !g.showHelp
		g.redraw = true
		return
	}
	switch {
	case inpututil.IsKeyJustPressed(ebiten.KeyEscape) && g.showHelp:
		g.showHelp = false
		g.redraw = true
	case inpututil.IsKeyJustPressed(ebiten.KeyEscape) && g.insp.on:
		g.toggleInspector() // Esc leaves the tools first
	case inpututil.IsKeyJustPressed(ebiten.KeyEscape) && g.over.state.Open:
		g.over.toggle(g.s.Console())
		g.redraw = true
	case inpututil.IsKeyJustPressed(ebiten.KeyQ), inpututil.IsKeyJustPressed(ebiten.KeyEscape):
		g.quit = true
	case inpututil.IsKeyJustPressed(ebiten.KeyD):
		g.toggleDark()
	case inpututil.IsKeyJustPressed(ebiten.KeyR):
		g.reload()
	case inpututil.IsKeyJustPressed(ebiten.KeyC), inpututil.IsKeyJustPressed(ebiten.KeyBackquote):
		g.over.toggle(g.s.Console())
		g.redraw = true
	case inpututil.IsKeyJustPressed(ebiten.KeyI):
		g.toggleInspector()
	case inpututil.IsKeyJustPressed(ebiten.KeyF):
		g.showFrames = !g.showFrames
		g.redraw = true
	case inpututil.IsKeyJustPressed(ebiten.KeyS):
		dir := core.ShotDir()
		if err := os.MkdirAll(dir, 0o755); err != nil {
			fmt.Fprintln(g.stderr, "preview:", err)
		}
		g.shotReq = filepath.Join(dir, core.ShotName(g.opts.Page, g.s.Dev, g.s.Dark, time.Now().Format("20060102-150405.000")))
	case inpututil.IsKeyJustPressed(ebiten.KeyO):
		g.s.Dev = g.s.Dev.Rotated() // scripts hear onWindowResize with the next frame
		g.applyDevice()
	case inpututil.IsKeyJustPressed(ebiten.KeyP):
		if page, ok := g.s.NextAppPage(); ok {
			fmt.Fprintln(g.stdout, "preview: opening", page)
			g.dirty = true
		}
	}
	for i, k := range []ebiten.Key{ebiten.KeyDigit1, ebiten.KeyDigit2, ebiten.KeyDigit3} {
		if inpututil.IsKeyJustPressed(k) || inpututil.IsKeyJustPressed(ebiten.KeyNumpad1+ebiten.Key(i)) {
			g.setDevice(core.Devices[i])
		}
	}
}

func (g *game) toggleDark() {
	g.s.Dark = !g.s.Dark
	g.updateTitle()
	g.dirty = true
}

func (g *game) setDevice(d core.Device) {
	if d == g.s.Dev {
		return
	}
	g.s.Dev = d
	g.applyDevice()
}

// paint renders the page into the back buffer and uploads it only when its
// pixels differ from the frame on screen.
func (g *game) paint() {
	g.dirty = false
	g.redraw = true // the overlay's messages may have changed even if the frame did not
	w, h := g.s.Dev.Pixels()
	back := g.frames.BackBuffer(w, h)
	ok := g.s.Render(back)
	g.printMessages()
	g.over.sync(g.s.Console())
	if !ok {
		return
	}
	t0 := time.Now()
	if g.img == nil || g.img.Bounds() != back.Rect {
		if g.img != nil {
			g.img.Deallocate()
		}
		g.img = ebiten.NewImage(w, h)
	}
	g.frames.Present(g.img)
	sample := g.s.Sample
	sample.Times[core.StageDisplay] = time.Since(t0)
	g.frameLog.Add(sample)
	g.frameFresh = true
}

// printMessages writes the diagnostics to stderr in full whenever they
// change (console lines were printed as they came).
func (g *game) printMessages() {
	var b strings.Builder
	for _, e := range g.s.ConsoleRaw() {
		if e.Console || e.Level == core.LevelInfo {
			continue // printed as they came (console lines to stderr, reload notes to stdout)
		}
		sev := diag.Warning
		if e.Level == core.LevelError {
			sev = diag.Error
		}
		if e.Pos == (diag.Pos{}) {
			b.WriteString(e.Msg) // an engine panic
		} else {
			b.WriteString(diag.Diagnostic{Pos: e.Pos, Severity: sev, Msg: e.Msg}.String())
		}
		b.WriteByte('\n')
	}
	if s := b.String(); s != g.printed {
		g.printed = s
		io.WriteString(g.stderr, s)
	}
}

// forwardWheel passes the mouse wheel and trackpad scrolling to the page
// at the cursor, in CSS px.
func (g *game) forwardWheel() {
	xo, yo := ebiten.Wheel()
	if xo == 0 && yo == 0 {
		return
	}
	x, y := ebiten.CursorPosition()
	dpr := float64(g.s.Dev.DPR)
	dx, dy := core.WheelDelta(xo, yo)
	if g.over.onPanel(y) {
		if g.over.view.ScrollBy(float32(dy)) {
			g.redraw = true
		}
		return
	}
	if in := &g.insp; in.top >= 0 && float64(y) >= in.top && float64(y) < in.bottom {
		if in.view.ScrollBy(float32(dy)) {
			g.redraw = true
		}
		return
	}
	if g.s.Wheel(float64(x)/dpr, float64(y)/dpr, dx, dy) {
		g.dirty = true
	}
}

// backdrop shows where the page paints nothing (a transparent page
// background): the colour scheme's canvas colour, as a browser shows it.
func (g *game) backdrop() color.Color {
	if g.s.Dark {
		return color.Black
	}
	return color.White
}

// Draw composes the frame and the overlay when either changed (the screen
// keeps its pixels between frames), and saves a screenshot of exactly what
// is on screen when one was asked for.
func (g *game) Draw(screen *ebiten.Image) {
	shot := g.shotReq != "" && g.ticks > 0
	if screen != g.screen {
		// ebiten hands a new screen image when the window's size settles
		// (a device switch resizes the window asynchronously, so this can
		// come frames after Layout saw the new size): compose it again.
		g.screen = screen
		g.redraw = true
	}
	if g.redraw {
		if g.frameFresh {
			// Composing a new frame is part of its display time; a redraw
			// for a tool (a hover, a panel) is not a page frame.
			g.frameFresh = false
			t0 := time.Now()
			defer func() { g.frameLog.AddDisplay(time.Since(t0)) }()
		}
		screen.Fill(g.backdrop())
		if g.img != nil && g.frames.Current() != nil {
			screen.DrawImage(g.img, nil)
		}
		g.over.draw(screen, g.s.Console(), g.s.Dev)
		g.drawInspector(screen)
		if g.showFrames {
			g.drawFrames(screen)
		}
		if g.showHelp {
			g.drawHelp(screen)
		}
		g.redraw = false
	}
	if shot {
		g.saveScreen(screen, g.shotReq)
		g.shotReq = ""
	}
}

// saveScreen reads the screen back and writes it as PNG: synchronously for
// -shot (the run ends right after), in the background for the S key.
func (g *game) saveScreen(screen *ebiten.Image, path string) {
	b := screen.Bounds()
	img := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	screen.ReadPixels(img.Pix)
	save := func() error {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		if err := png.Encode(f, img); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	if path == g.opts.Shot {
		if err := save(); err != nil {
			fmt.Fprintln(g.stderr, "preview:", err)
			g.quit = true
			return
		}
		g.shotWritten = true
		fmt.Fprintln(g.stdout, "preview: wrote", path)
		return
	}
	g.saves.Add(1)
	go func() {
		defer g.saves.Done()
		if err := save(); err != nil {
			fmt.Fprintln(g.stderr, "preview:", err)
			return
		}
		fmt.Fprintln(g.stdout, "preview: screenshot", path)
	}()
}

// Layout makes the screen exactly the frame's device pixels; ebiten scales
// it to the window, keeping the aspect ratio. A new size gives a new, blank
// screen image (ebiten calls Layout before Update and Draw in each frame), so
// it must be composed again.
func (g *game) Layout(outsideWidth, outsideHeight int) (int, int) {
	w, h := g.s.Dev.Pixels()
	if [2]int{w, h} != g.screenSize || [2]int{outsideWidth, outsideHeight} != g.outsideSize {
		g.screenSize = [2]int{w, h}
		g.outsideSize = [2]int{outsideWidth, outsideHeight}
		g.redraw = true
	}
	return w, h
}

// idleWake is how often an idle window wakes to look for work that comes
// from outside its input: a saved file, a script's timer on the real clock,
// a remote picture that arrived.
const idleWake = 250 * time.Millisecond

// onDemand makes the window tick only when there is something to do (idle
// CPU near zero, issue 17): input wakes it (ebiten's
// FPSModeVsyncOffMinimum), Update schedules the next frame itself while
// anything changes or moves, and a slow ticker wakes it for work that comes
// from outside. Window tests that drive the game from Update (a hook) and
// -shot keep the steady 60 Hz loop. It returns the function that stops the
// ticker.
func (g *game) onDemand() (stop func()) {
	fps := g.opts.FPS
	if fps <= 0 {
		fps = 60
	}
	if g.hook != nil || g.opts.Shot != "" || os.Getenv("SKYLINE_PREVIEW_STEADY") != "" {
		ebiten.SetTPS(fps) // the steady loop, capped at -fps
		return func() {}
	}
	ebiten.SetFPSMode(ebiten.FPSModeVsyncOffMinimum)
	g.frameReq = make(chan struct{}, 1)
	done := make(chan struct{})
	interval := time.Second / time.Duration(fps)
	go func() {
		idle := time.NewTicker(idleWake)
		defer idle.Stop()
		last := time.Now()
		for {
			select {
			case <-idle.C:
				ebiten.ScheduleFrame()
			case <-g.frameReq:
				// The frame-rate cap: an animation asks for its next frame
				// at once; it comes no sooner than 1/fps after the last.
				if wait := interval - time.Since(last); wait > 0 {
					select {
					case <-time.After(wait):
					case <-done:
						return
					}
				}
				last = time.Now()
				ebiten.ScheduleFrame()
			case <-done:
				return
			}
		}
	}()
	return func() { close(done) }
}

// wantFrame asks for the next frame (on demand, within the frame-rate cap;
// the steady loop ticks anyway).
func (g *game) wantFrame() {
	if g.frameReq == nil {
		return
	}
	select {
	case g.frameReq <- struct{}{}:
	default: // one is pending already
	}
}

// typing sends the keyboard to the page while an input or textarea has it:
// typed characters (ebiten passes what an input method committed) and
// Backspace, Enter, Escape; the preview's own key shortcuts wait. It
// reports whether the page had the keyboard.
func (g *game) typing() bool {
	a := g.s.App
	if a == nil || !a.Focused() {
		return false
	}
	g.chars = ebiten.AppendInputChars(g.chars[:0])
	if len(g.chars) > 0 && a.InputText(string(g.chars)) {
		g.dirty = true
	}
	for _, k := range []struct {
		key  ebiten.Key
		name string
	}{{ebiten.KeyBackspace, "Backspace"}, {ebiten.KeyEnter, "Enter"}, {ebiten.KeyNumpadEnter, "Enter"}, {ebiten.KeyEscape, "Escape"}} {
		if inpututil.IsKeyJustPressed(k.key) || k.key == ebiten.KeyBackspace && repeatKey(k.key) {
			if a.InputKey(k.name) {
				g.dirty = true
			}
		}
	}
	return true
}

// repeatKey reports a held key's auto-repeat (after 500 ms, every 50 ms at
// 60 ticks a second).
func repeatKey(k ebiten.Key) bool {
	d := inpututil.KeyPressDuration(k)
	return d > 30 && d%3 == 0
}
