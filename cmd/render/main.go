// Command render is the headless renderer of render-cli.md: it loads a page
// from disk, runs its scripts (app.js, Page, Component: what onLoad and
// attached set is in the picture), lays it out at a window size and writes a
// PNG and, optionally, the layout dump. -data overrides the fields of
// Page({data}) as a .data.json does (app.Open).
//
// It may import every package of the module.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/skyline-go/skyline/app"
	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr *os.File) int {
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
	vp := engine.Viewport{Width: float32(*width), Height: float32(*height), DPR: float32(*dpr), Dark: *dark}
	opts := app.Options{Viewport: vp, LogOutput: stderr}
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
	if *layoutOut != "" {
		b, err := p.LayoutDump().MarshalIndent()
		if err == nil {
			err = os.WriteFile(*layoutOut, append(b, '\n'), 0o644)
		}
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	}
	png := *out
	if png == "" {
		png = strings.TrimSuffix(filepath.Base(strings.TrimSuffix(page, "/")), ".wxml") + ".png"
	}
	if err := writePNG(p, png, *full); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return report(a.Diagnostics(), stderr)
}

// report prints diagnostics as file:line:col: message and returns the exit
// status: non-zero only for errors (render-cli.md).
func report(ds []diag.Diagnostic, stderr *os.File) int {
	status := 0
	for _, d := range ds {
		fmt.Fprintln(stderr, d.String())
		if d.Severity == diag.Error {
			status = 1
		}
	}
	return status
}
