package main

import (
	"bufio"
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"

	"github.com/skyline-go/skyline/app"
	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/imagesrc"
)

// writePNG renders the page (the window, or with full the window width by
// the content height, render-cli.md) and writes it as a PNG. BestSpeed: the
// picture is a test artefact read back by tools, and the default level
// spends more time compressing than the engine spends painting.
//
// Remote images start loading when the page is first painted, and the
// page draws them when they arrive: when the first paint started fetches,
// writePNG waits for them (each bounded by the loader's timeouts, all
// together by imageWait) and paints again.
func writePNG(p *engine.Page, path string, full bool, loader *imagesrc.Loader, stderr io.Writer) error {
	return writeFrame(func() *image.RGBA { return paintPage(p, full) }, path, loader, stderr)
}

// writeAppPNG is writePNG for a whole app: the window with the bars around
// the page (app.App.Render).
func writeAppPNG(a *app.App, path string, loader *imagesrc.Loader, stderr io.Writer) error {
	return writeFrame(func() *image.RGBA {
		vp := a.Page().Viewport()
		win := a.Window()
		img := image.NewRGBA(image.Rect(0, 0, int(win.Width*vp.DPR+0.5), int(win.Height*vp.DPR+0.5)))
		a.Render(img)
		return img
	}, path, loader, stderr)
}

func writeFrame(paint func() *image.RGBA, path string, loader *imagesrc.Loader, stderr io.Writer) error {
	gen := loader.Generation()
	img := paint()
	ctx, cancel := context.WithTimeout(context.Background(), imageWait)
	defer cancel()
	if err := loader.Wait(ctx); err != nil {
		fmt.Fprintf(stderr, "render: remote images still loading after %v are drawn without them\n", imageWait)
	}
	if loader.Generation() != gen {
		img = paint()
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(bw, img); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// imageWait bounds the wait for remote images.
const imageWait = imagesrc.DefaultConnectTimeout + imagesrc.DefaultTimeout

func paintPage(p *engine.Page, full bool) *image.RGBA {
	w, h := p.RenderSize(full)
	if full {
		h = min(h, maxSide, maxPixels/max(w, 1)) // fitOutput said so
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	p.Render(img)
	return img
}
