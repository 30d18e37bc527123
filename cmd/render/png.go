package main

import (
	"bufio"
	"image"
	"image/png"
	"os"

	"github.com/skyline-go/skyline/engine"
)

// writePNG renders the page (the window, or with full the window width by
// the content height, render-cli.md) and writes it as a PNG. BestSpeed: the
// picture is a test artefact read back by tools, and the default level
// spends more time compressing than the engine spends painting.
func writePNG(p *engine.Page, path string, full bool) error {
	w, h := p.RenderSize(full)
	if full {
		h = min(h, maxSide, maxPixels/max(w, 1)) // fitOutput said so
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	p.Render(img)
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
