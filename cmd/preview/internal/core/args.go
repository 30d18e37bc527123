package core

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// DefaultPage is the showcase page, relative to the repository root.
const DefaultPage = "testdata/pages/showcase"

// Options are the parsed command line.
type Options struct {
	Page string
	Dev  Device
	Dark bool
	// Shot, when set, is where the first frame is written before exiting.
	Shot string
	// FPS caps the frame rate while something moves (-fps, default 60).
	FPS int
}

// ParseArgs parses the preview's command line. The error is flag.ErrHelp
// for -h; usage has then been printed to stderr.
func ParseArgs(args []string, stderr io.Writer) (Options, error) {
	fs := flag.NewFlagSet("preview", flag.ContinueOnError)
	fs.SetOutput(stderr)
	device := fs.String("device", Devices[0].Name, "device preset: "+DeviceNames())
	width := fs.Float64("width", 0, "window width in CSS px (default: the preset's)")
	height := fs.Float64("height", 0, "window height in CSS px (default: the preset's)")
	dpr := fs.Float64("dpr", 0, "device pixel ratio (default: the preset's)")
	dark := fs.Bool("dark", false, "start in dark mode (prefers-color-scheme: dark)")
	shot := fs.String("shot", "", "write a PNG of the first frame to this file and exit")
	fps := fs.Int("fps", 60, "frame-rate cap while something moves (frames per second)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: preview [flags] [PAGE]   (default PAGE: "+DefaultPage+")")
		fs.PrintDefaults()
		fmt.Fprintln(stderr, "keys: ? key list, F frame times, C console, I inspector, D dark mode, S screenshot (to "+ShotDir()+"), 1/2/3 device presets, O rotate, P next page of an app, R reload, Q/Esc quit")
	}
	// Flags may come before or after the page (preview PAGE -dark).
	var pages []string
	for {
		if err := fs.Parse(args); err != nil {
			return Options{}, err
		}
		if fs.NArg() == 0 {
			break
		}
		pages = append(pages, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pages) > 1 {
		fs.Usage()
		return Options{}, errors.New("at most one PAGE")
	}
	dev, err := ResolveDevice(*device, *width, *height, *dpr)
	if err != nil {
		return Options{}, err
	}
	page := ""
	if len(pages) == 1 {
		page = pages[0]
	}
	if page == "" {
		page = findDefaultPage()
	}
	if *fps < 1 || *fps > 240 {
		return Options{}, fmt.Errorf("-fps %d: want 1 to 240", *fps)
	}
	return Options{Page: page, Dev: dev, Dark: *dark, Shot: *shot, FPS: *fps}, nil
}

// findDefaultPage finds the showcase page from the repository root or from
// inside cmd/preview (where `go run .` runs).
func findDefaultPage() string {
	for _, up := range []string{".", filepath.Join("..", "..")} {
		p := filepath.Join(up, DefaultPage)
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
	}
	return DefaultPage
}

// ShotDir is where the S key saves screenshots: outside the repository,
// under the user's pictures (or the temporary directory).
func ShotDir() string {
	if home, err := os.UserHomeDir(); err == nil {
		if st, err := os.Stat(filepath.Join(home, "Pictures")); err == nil && st.IsDir() {
			return filepath.Join(home, "Pictures", "skyline-preview")
		}
	}
	return filepath.Join(os.TempDir(), "skyline-preview")
}

// ShotName is the file name of an S-key screenshot: page, device, colour
// scheme and a timestamp, so successive shots never overwrite each other.
func ShotName(page string, dev Device, dark bool, stamp string) string {
	base := filepath.Base(strings.TrimSuffix(strings.TrimSuffix(page, "/"), ".wxml"))
	scheme := "light"
	if dark {
		scheme = "dark"
	}
	return fmt.Sprintf("preview-%s-%s-%s-%s.png", base, dev.Name, scheme, stamp)
}
