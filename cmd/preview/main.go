// Command preview is the desktop preview of a Skyline page: it opens the page
// in a window at a phone's size and pixel ratio, reloads it when a file of its
// package changes (keeping the page's state where it can), toggles dark mode,
// shows a console of messages, a frame-time overlay and an element
// inspector over the page, and saves screenshots.
//
//	go run . [flags] [PAGE]
//	  -device NAME   iphone8 (375×667@2, default) | iphonex (375×812@3) | android360 (360×780@3)
//	  -width N, -height N, -dpr N   override the preset's CSS window and pixel ratio
//	  -dark          start in dark mode (prefers-color-scheme: dark)
//	  -shot FILE     write a PNG of the first frame and exit (status 1 if the page has errors)
//
// The page runs with its scripts (app.Open): a click is a tap, handlers run
// and the page updates; a click-drag drags a scroll-view as a finger does and
// the release flings it, the mouse wheel and trackpad scroll it (the physics
// step by the real frame time while anything moves); toasts and modals are
// drawn over it (click a modal's button to answer it); console output goes
// to stderr and to the console panel.
//
// Keys: F frame-time overlay, C or ` console and messages, I element
// inspector (or Alt-click), D dark mode, S screenshot, 1/2/3 device presets,
// R reload everything, ? the key list, Q quit, Esc (leaves the inspector, closes the
// console, else quits). A saved .wxss restyles in place, a .wxml
// rebuilds the page with its current data, a .js reloads the scripts
// (internal/core/reload.go); the README's "The preview's keys and developer
// tools" has the details.
//
// It is its own module so that the engine's module stays pure Go: ebiten
// needs cgo and the X11/GL headers (scripts/preview-deps.sh installs them).
// Everything that needs no window is in internal/core, whose tests run
// without a display; this package holds the ebiten side.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/skyline-go/skyline/cmd/preview/internal/core"
	"github.com/skyline-go/skyline/diag"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	opts, err := core.ParseArgs(args, stderr)
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
	if opts.Shot != "" {
		if !g.shotWritten {
			fmt.Fprintln(stderr, "preview: the window closed before a frame was drawn; no screenshot")
			return 1
		}
		// As render-cli.md's command: errors (printed already) make the
		// exit status non-zero; the screenshot still shows them.
		for _, m := range g.s.Messages() {
			if m.Severity == diag.Error {
				return 1
			}
		}
	}
	return 0
}
