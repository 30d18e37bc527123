package raster

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	_ "image/gif" // first frame only: image.Decode returns it
	_ "image/jpeg"
	_ "image/png"

	_ "golang.org/x/image/webp"

	"github.com/skyline-go/skyline/diag"
)

// DefaultMaxPixels is the decode budget: 40 megapixels (160 MB as RGBA).
const DefaultMaxPixels = 40_000_000

// DecodeImage decodes png, jpeg, webp or gif (first frame) bytes into a
// premultiplied RGBA image for the image component (spec §4.4). The header
// is read first and an image above maxPixels (≤ 0 means DefaultMaxPixels)
// is refused before any pixel memory is allocated — a decompression bomb
// costs nothing. Errors are diagnostics positioned at name; a corrupt file
// is an error, never a panic.
func DecodeImage(name string, data []byte, maxPixels int) (img *image.RGBA, err error) {
	if maxPixels <= 0 {
		maxPixels = DefaultMaxPixels
	}
	fail := func(format string, args ...any) error {
		return diag.Diagnostic{Pos: diag.Pos{File: name}, Severity: diag.Error, Msg: fmt.Sprintf(format, args...)}
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fail("cannot decode image: %v", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, fail("%s image has empty size %d×%d", format, cfg.Width, cfg.Height)
	}
	if int64(cfg.Width)*int64(cfg.Height) > int64(maxPixels) {
		return nil, fail("%s image is %d×%d, above the %d-pixel budget", format, cfg.Width, cfg.Height, maxPixels)
	}
	defer func() {
		// The standard decoders report corrupt data as errors, but a
		// decoder bug must not take the page down.
		if r := recover(); r != nil {
			img, err = nil, fail("cannot decode %s image: %v", format, r)
		}
	}()
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fail("cannot decode %s image: %v", format, err)
	}
	b := src.Bounds()
	if b.Dx() != cfg.Width || b.Dy() != cfg.Height {
		return nil, fail("%s image size %v differs from its header %d×%d", format, b.Size(), cfg.Width, cfg.Height)
	}
	if rgba, ok := src.(*image.RGBA); ok && b.Min == (image.Point{}) {
		return rgba, nil
	}
	// draw.Src converts every colour model (NRGBA, YCbCr, Paletted, Gray)
	// to premultiplied RGBA.
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Rect, src, b.Min, draw.Src)
	return dst, nil
}
