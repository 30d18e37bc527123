// Command preview is the desktop preview of a Skyline page: it opens the page
// in a window at a phone's size and pixel ratio, reloads it when a file of its
// package changes, toggles dark mode, shows errors and warnings over the page
// and saves screenshots.
//
//	go run . [flags] [PAGE]
//	  -device NAME   iphone8 (375×667@2, default) | iphonex (375×812@3) | android360 (360×780@3)
//	  -width N, -height N, -dpr N   override the preset's CSS window and pixel ratio
//	  -dark          start in dark mode (prefers-color-scheme: dark)
//	  -shot FILE     write a PNG of the first frame and exit
//
// Keys: D dark mode, S screenshot, 1/2/3 device presets, R reload, Q/Esc quit.
//
// It is its own module so that the engine's module stays pure Go: ebiten
// needs cgo and the X11/GL headers (scripts/preview-deps.sh installs them).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// defaultPage is the showcase page, relative to the repository root; run
// from cmd/preview, the same page is two directories up.
const defaultPage = "testdata/pages/showcase"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// options are the parsed command line.
type options struct {
	page string
	dev  Device
	dark bool
	shot string
}

func parseArgs(args []string, stderr io.Writer) (options, error) {
	fs := flag.NewFlagSet("preview", flag.ContinueOnError)
	fs.SetOutput(stderr)
	device := fs.String("device", devices[0].Name, "device preset: "+deviceNames())
	width := fs.Float64("width", 0, "window width in CSS px (default: the preset's)")
	height := fs.Float64("height", 0, "window height in CSS px (default: the preset's)")
	dpr := fs.Float64("dpr", 0, "device pixel ratio (default: the preset's)")
	dark := fs.Bool("dark", false, "prefers-color-scheme: dark")
	shot := fs.String("shot", "", "write a PNG of the first frame to this file and exit")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: preview [flags] [PAGE]   (default PAGE: "+defaultPage+")")
		fs.PrintDefaults()
		fmt.Fprintln(stderr, "keys: D dark mode, S screenshot, 1/2/3 device presets, R reload, Q/Esc quit")
	}
	if err := fs.Parse(args); err != nil {
		return options{}, err
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return options{}, errors.New("at most one PAGE")
	}
	dev, err := resolveDevice(*device, *width, *height, *dpr)
	if err != nil {
		return options{}, err
	}
	page := fs.Arg(0)
	if page == "" {
		page = findDefaultPage()
	}
	return options{page: page, dev: dev, dark: *dark, shot: *shot}, nil
}

// findDefaultPage finds the showcase page from the repository root or from
// inside cmd/preview (where `go run .` runs).
func findDefaultPage() string {
	for _, up := range []string{".", filepath.Join("..", "..")} {
		p := filepath.Join(up, defaultPage)
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
	}
	return defaultPage
}

func run(args []string, stdout, stderr io.Writer) int {
	opts, err := parseArgs(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintln(stderr, "preview:", err)
		return 2
	}
	g := newGame(opts, stdout, stderr)
	if err := g.run(); err != nil {
		fmt.Fprintln(stderr, "preview:", err)
		return 1
	}
	if opts.shot != "" && !g.shotWritten {
		// The window closed before a frame was drawn.
		fmt.Fprintln(stderr, "preview: no frame was drawn; screenshot not written")
		return 1
	}
	return 0
}

// shotName is the file name of an S-key screenshot: page, device and a
// timestamp, so successive shots never overwrite each other.
func shotName(page string, dev Device, dark bool, stamp string) string {
	base := filepath.Base(strings.TrimSuffix(strings.TrimSuffix(page, "/"), ".wxml"))
	scheme := "light"
	if dark {
		scheme = "dark"
	}
	return fmt.Sprintf("preview-%s-%s-%s-%s.png", base, dev.Name, scheme, stamp)
}
