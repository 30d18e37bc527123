// Command render is the headless renderer of render-cli.md: it loads a page
// from disk, runs its scripts (app.js, Page, Component: what onLoad and
// attached set is in the picture), lays it out at a window size and writes a
// PNG and, optionally, the layout dump. -data overrides the fields of
// Page({data}) as a .data.json does (app.Open). Remote (http(s)) images are
// fetched, with an on-disk cache, and drawn (writePNG waits for them);
// -offline fetches none: their boxes keep their size, with a warning.
// -script runs a list of input steps first and shoots frames on the way
// (script.go).
//
// It may import every package of the module.
package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/skyline-go/skyline/app"
	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/imagesrc"
	"github.com/skyline-go/skyline/logic"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Output bounds (hostile input): the window and the PNG are clamped to
// them, and the command says so on stderr.
const (
	maxWindow = 16384    // -width and -height, CSS px
	maxDPR    = 8        // -dpr (phones are at most 4)
	maxSide   = 16384    // PNG width or height, device px
	maxPixels = 64 << 20 // PNG area, device px (256 MiB of RGBA)
)

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "PNG output (default: PAGE.png in the current directory)")
	width := fs.Float64("width", 375, "window width in CSS px")
	height := fs.Float64("height", 667, "window height in CSS px")
	dpr := fs.Float64("dpr", 2, "device pixel ratio")
	full := fs.Bool("full", false, "render the full content height instead of the window")
	dark := fs.Bool("dark", false, "prefers-color-scheme: dark")
	data := fs.String("data", "", "initial data (default PAGE.data.json when it exists)")
	layoutOut := fs.String("layout", "", "also write the layout dump to this file")
	offline := fs.Bool("offline", false, "fetch no http(s) image: remote images keep their box and get a warning (golden tests)")
	imageCache := fs.String("image-cache", "", "on-disk cache of remote images (default: the user cache directory)")
	scriptFile := fs.String("script", "", "run the steps of this file first (tap, drag, wheel, wait, setData, shot; see script.go) on a manual clock")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: render [flags] PAGE")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	page := fs.Arg(0)
	for _, f := range []struct {
		name, unit string
		v          *float64
		limit      float64
	}{{"width", " CSS px", width, maxWindow}, {"height", " CSS px", height, maxWindow}, {"dpr", "", dpr, maxDPR}} {
		if math.IsNaN(*f.v) || math.IsInf(*f.v, 0) || *f.v <= 0 {
			fmt.Fprintf(stderr, "render: -%s %v: want a finite number above 0\n", f.name, *f.v)
			return 2
		}
		if *f.v > f.limit {
			fmt.Fprintf(stderr, "render: -%s %v clamped to %v%s\n", f.name, *f.v, f.limit, f.unit)
			*f.v = f.limit
		}
	}
	vp := engine.Viewport{Width: float32(*width), Height: float32(*height), DPR: float32(*dpr), Dark: *dark}
	loader := imagesrc.New(imagesrc.Options{Offline: *offline, CacheDir: *imageCache})
	opts := app.Options{Viewport: vp, LogOutput: stderr, Images: loader}
	var steps []step
	if *scriptFile != "" {
		var err error
		if steps, err = readScript(*scriptFile); err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		opts.Clock = &logic.ManualClock{}
	}
	if *data != "" {
		d, err := engine.ReadDataFile(*data)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		opts.Data = d
	}
	a, err := app.Open(page, opts)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer a.Close()
	p := a.Page()
	p.Update()
	fitOutput(p, *full, stderr)
	status := 0
	png := *out
	if png == "" {
		png = strings.TrimSuffix(filepath.Base(strings.TrimSuffix(page, "/")), ".wxml") + ".png"
	}
	if steps != nil {
		// The shots go next to the PNG; the PNG and dump show the end.
		if err := runScript(a, steps, filepath.Dir(png), *layoutOut != "", loader, stderr); err != nil {
			fmt.Fprintln(stderr, err)
			status = 1
		}
	}
	// The PNG first: a failing dump must not lose the picture. A whole app
	// is drawn with its bars (the window); -full shows the page alone.
	write := func() error { return writePNG(p, png, *full, loader, stderr) }
	if a.Manifest() != nil && !*full {
		write = func() error { return writeAppPNG(a, png, loader, stderr) }
	}
	if err := write(); err != nil {
		fmt.Fprintln(stderr, err)
		status = 1
	}
	if *layoutOut != "" {
		if err := writeDump(p, *layoutOut); err != nil {
			fmt.Fprintln(stderr, err)
			status = 1
		}
	}
	return max(status, report(a.Diagnostics(), stderr))
}

// fitOutput keeps the PNG within maxSide and maxPixels: the window is
// rendered at a lower DPR, and a -full page taller than the bound is cut
// at the bound (the layout dump still has the whole page).
func fitOutput(p *engine.Page, full bool, stderr io.Writer) {
	vp := p.Viewport()
	w, h := float64(vp.Width), float64(vp.Height)
	dpr := float64(vp.DPR)
	if s := min(maxSide/w, maxSide/h, math.Sqrt(maxPixels/(w*h))); dpr > s {
		fmt.Fprintf(stderr, "render: a %gx%g window at dpr %g is beyond the %d px side / %d Mpx output bound; dpr lowered to %.4g\n",
			w, h, dpr, maxSide, maxPixels>>20, s)
		vp.DPR = float32(s)
		p.SetViewport(vp)
		p.Update()
	}
	if full {
		pw, ph := p.RenderSize(true)
		if limit := min(maxSide, maxPixels/max(pw, 1)); ph > limit {
			fmt.Fprintf(stderr, "render: the full page is %d px tall at dpr %g; the PNG is cut at %d px (the output bound)\n", ph, vp.DPR, limit)
		}
	}
}

// writeDump writes the layout dump (render-cli.md).
func writeDump(p *engine.Page, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := p.LayoutDump().WriteJSON(f); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write([]byte{'\n'}); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// report prints diagnostics as file:line:col: message and returns the exit
// status: non-zero only for errors (render-cli.md).
func report(ds []diag.Diagnostic, stderr io.Writer) int {
	status := 0
	for _, d := range ds {
		fmt.Fprintln(stderr, d.String())
		if d.Severity == diag.Error {
			status = 1
		}
	}
	return status
}
