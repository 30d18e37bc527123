package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"sync"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// game is the preview window: ebiten calls Update (input, reloads,
// rendering) and Draw (compositing the frame and the overlay) on its own
// goroutine; only the poller runs beside it and talks through a channel.
type game struct {
	opts           options
	stdout, stderr io.Writer

	s        *session
	frames   frameSync
	img      *ebiten.Image // the page frame on the GPU
	over     overlay
	poll     *poller
	pollRoot string
	pointer  Pointer
	drag     dragTracker

	dirty  bool // the page must be rendered again
	redraw bool // the screen must be composed again
	quit   bool
	ticks  int

	shotReq     string // the next Draw saves the screen here
	shotWritten bool   // the -shot file was written
	saves       sync.WaitGroup

	// hook, when set, runs at the end of every Update; tests drive the
	// window with it. An error ends the run with that error.
	hook func(g *game) error
}

func newGame(opts options, stdout, stderr io.Writer) *game {
	return &game{
		opts: opts, stdout: stdout, stderr: stderr,
		s:       newSession(opts.page, opts.dev, opts.dark),
		pointer: noPointer{},
		shotReq: opts.shot,
	}
}

// run loads the page, opens the window and returns when it closes.
func (g *game) run() error {
	g.reload()
	defer func() {
		if g.poll != nil {
			g.poll.Close()
		}
	}()
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	// The frame changes only on a reload, a toggle or (later) scrolling, so
	// the screen is composed only then, not 60 times a second.
	ebiten.SetScreenClearedEveryFrame(false)
	g.applyDevice()
	err := ebiten.RunGame(g)
	g.saves.Wait()
	return err
}

// reload reads the page again and watches its package root, which a page
// that now loads (or an app.json added or removed) may have moved.
func (g *game) reload() {
	g.s.reload()
	root := packageRootOf(g.opts.page)
	if g.s.page != nil {
		root = g.s.page.Pkg.Root
	}
	if root != g.pollRoot || g.poll == nil {
		if g.poll != nil {
			g.poll.Close()
		}
		g.poll, g.pollRoot = startPoller(root, pollInterval), root
	}
	g.dirty = true
}

// applyDevice sizes the window for the current device and sets the title.
func (g *game) applyDevice() {
	w, h := g.s.dev.Pixels()
	mon := ebiten.Monitor()
	mw, mh := mon.Size()
	ebiten.SetWindowSize(fitWindow(w, h, mon.DeviceScaleFactor(), mw, mh))
	g.updateTitle()
	g.dirty = true
}

func (g *game) updateTitle() {
	ebiten.SetWindowTitle("skyline preview — " + g.s.title())
}

// Update handles keys and reloads and renders the page when it changed.
func (g *game) Update() error {
	g.ticks++
	g.keys()
	select {
	case <-g.poll.Changed():
		fmt.Fprintln(g.stdout, "preview: package changed, reloading")
		g.reload()
	default:
	}
	if g.dirty {
		g.paint()
	}
	g.forwardPointer()
	if g.hook != nil {
		if err := g.hook(g); err != nil {
			return err
		}
	}
	if g.quit || (g.opts.shot != "" && g.shotWritten) {
		return ebiten.Termination
	}
	return nil
}

func (g *game) keys() {
	switch {
	case inpututil.IsKeyJustPressed(ebiten.KeyQ), inpututil.IsKeyJustPressed(ebiten.KeyEscape):
		g.quit = true
	case inpututil.IsKeyJustPressed(ebiten.KeyD):
		g.toggleDark()
	case inpututil.IsKeyJustPressed(ebiten.KeyR):
		g.reload()
	case inpututil.IsKeyJustPressed(ebiten.KeyS):
		g.shotReq = shotName(g.opts.page, g.s.dev, g.s.dark, time.Now().Format("20060102-150405.000"))
	}
	for i, k := range []ebiten.Key{ebiten.KeyDigit1, ebiten.KeyDigit2, ebiten.KeyDigit3} {
		if inpututil.IsKeyJustPressed(k) || inpututil.IsKeyJustPressed(ebiten.KeyNumpad1+ebiten.Key(i)) {
			g.setDevice(devices[i])
		}
	}
}

func (g *game) toggleDark() {
	g.s.dark = !g.s.dark
	g.updateTitle()
	g.dirty = true
}

func (g *game) setDevice(d Device) {
	if d == g.s.dev {
		return
	}
	g.s.dev = d
	g.applyDevice()
}

// paint renders the page into the back buffer and uploads it only when its
// pixels differ from the frame on screen.
func (g *game) paint() {
	g.dirty = false
	g.redraw = true // the overlay's messages may have changed even if the frame did not
	w, h := g.s.dev.Pixels()
	back := g.frames.backBuffer(w, h)
	if !g.s.render(back) {
		return
	}
	if g.img == nil || g.img.Bounds() != back.Rect {
		if g.img != nil {
			g.img.Deallocate()
		}
		g.img = ebiten.NewImage(w, h)
	}
	g.frames.present(g.img)
}

// forwardPointer passes wheel and drag motion to the pointer sink in CSS px.
func (g *game) forwardPointer() {
	x, y := ebiten.CursorPosition()
	dpr := g.s.dev.DPR
	if xo, yo := ebiten.Wheel(); xo != 0 || yo != 0 {
		dx, dy := wheelDelta(xo, yo)
		g.pointer.Wheel(float32(x)/dpr, float32(y)/dpr, dx, dy)
	}
	if cx, cy, dx, dy, ok := g.drag.step(ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft), x, y, dpr); ok {
		g.pointer.Drag(cx, cy, dx, dy)
	}
}

// backdrop shows where the page paints nothing (a transparent page
// background): the colour scheme's canvas colour, as a browser shows it.
func (g *game) backdrop() color.Color {
	if g.s.dark {
		return color.Black
	}
	return color.White
}

// Draw composes the frame and the overlay when either changed, and saves a
// screenshot of exactly what is on screen when one was asked for.
func (g *game) Draw(screen *ebiten.Image) {
	shot := g.shotReq != "" && g.ticks > 0
	if g.redraw || shot {
		screen.Fill(g.backdrop())
		if g.img != nil && g.frames.current() != nil {
			screen.DrawImage(g.img, nil)
		}
		g.over.draw(screen, g.s.messages(), g.s.dev)
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
	if path == g.opts.shot {
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
// it to the window, keeping the aspect ratio.
func (g *game) Layout(outsideWidth, outsideHeight int) (int, int) {
	return g.s.dev.Pixels()
}
