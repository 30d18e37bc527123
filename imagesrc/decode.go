package imagesrc

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/fyne-io/oksvg"
	"github.com/srwiley/rasterx"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/paint/raster"
)

// DefaultMaxBytes bounds one image's encoded bytes, wherever they come
// from: the same 32 MiB as one package file (engine.DefaultMaxFileSize).
const DefaultMaxBytes = 32 << 20

// DecodeOptions say how to decode one picture.
type DecodeOptions struct {
	// MaxPixels bounds the decoded picture (≤ 0: raster.DefaultMaxPixels,
	// the engine's per-image budget).
	MaxPixels int
	// Size is the device-pixel size an SVG picture is rasterised at (a
	// zero side follows the picture's aspect ratio). Zero: the picture's
	// intrinsic size times Scale. Raster pictures ignore it.
	Size image.Point
	// Scale multiplies an SVG picture's intrinsic size when Size is zero
	// (the device pixel ratio; ≤ 0: 1).
	Scale float64
	// MediaType is the type the source declared (a data: URL's, an HTTP
	// Content-Type); the bytes are sniffed when it says nothing useful.
	MediaType string
}

func (o DecodeOptions) maxPixels() int {
	if o.MaxPixels <= 0 || o.MaxPixels > raster.DefaultMaxPixels {
		return raster.DefaultMaxPixels
	}
	return o.MaxPixels
}

// Decode decodes one picture named name (for messages) from data: PNG,
// JPEG, GIF (first frame) and WebP through raster.DecodeImage (header
// first, budget, panics as errors), SVG by rasterising it. Errors are
// diag.Diagnostic values positioned at the file name.
func Decode(name string, data []byte, o DecodeOptions) (*image.RGBA, error) {
	if IsSVG(data, o.MediaType) {
		return decodeSVG(name, data, o)
	}
	return raster.DecodeImage(name, data, o.maxPixels())
}

// IsSVG reports whether data is an SVG document: its declared media type
// says so, or its text starts (after a byte order mark, white space, an
// XML declaration, comments or a doctype) with an <svg element.
func IsSVG(data []byte, mediaType string) bool {
	mt, _, _ := strings.Cut(strings.ToLower(mediaType), ";")
	if strings.TrimSpace(mt) == "image/svg+xml" {
		return true
	}
	head := data[:min(len(data), 4096)]
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 || head[0] != '<' {
		return false
	}
	return bytes.HasPrefix(head, []byte("<svg")) || bytes.Contains(head, []byte("<svg"))
}

// SVGSize is an SVG picture's intrinsic size in CSS px: its width and
// height attributes (plain numbers or px), one of them completed from the
// viewBox's aspect ratio, or the viewBox's size; 300×150 (CSS's default
// replaced size) when it states none.
func SVGSize(data []byte) (w, h float64, err error) {
	root, err := svgRoot(data)
	if err != nil {
		return 0, 0, err
	}
	return root.size()
}

type svgRootInfo struct {
	width, height float64 // 0: not given (or not in px)
	vb            [4]float64
	hasVB         bool
}

func (r svgRootInfo) size() (w, h float64, err error) {
	w, h = r.width, r.height
	switch {
	case w > 0 && h > 0:
	case r.hasVB && w > 0:
		h = w * r.vb[3] / r.vb[2]
	case r.hasVB && h > 0:
		w = h * r.vb[2] / r.vb[3]
	case r.hasVB:
		w, h = r.vb[2], r.vb[3]
	case w > 0:
		h = 150
	case h > 0:
		w = 300
	default:
		w, h = 300, 150
	}
	if !(w > 0 && h > 0) || math.IsInf(w, 0) || math.IsInf(h, 0) {
		return 0, 0, fmt.Errorf("svg size %g×%g is empty", w, h)
	}
	return w, h, nil
}

// svgRoot reads the root element's sizing attributes.
func svgRoot(data []byte) (svgRootInfo, error) {
	var r svgRootInfo
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	for {
		tok, err := dec.Token()
		if err != nil {
			return r, fmt.Errorf("svg: no <svg> root element: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if se.Name.Local != "svg" {
			return r, fmt.Errorf("svg: the root element is <%s>, not <svg>", se.Name.Local)
		}
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "width":
				r.width = svgLength(a.Value)
			case "height":
				r.height = svgLength(a.Value)
			case "viewBox":
				f := strings.FieldsFunc(a.Value, func(c rune) bool { return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r' })
				if len(f) != 4 {
					break
				}
				ok := true
				for i, s := range f {
					v, err := strconv.ParseFloat(s, 64)
					if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
						ok = false
						break
					}
					r.vb[i] = v
				}
				r.hasVB = ok && r.vb[2] > 0 && r.vb[3] > 0
			}
		}
		return r, nil
	}
}

// svgLength reads a width or height in px (a plain number or "px"); any
// other unit, a percentage included, counts as not given.
func svgLength(s string) float64 {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "px")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || !(v > 0) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// decodeSVG rasterises an SVG picture at o's size, its viewBox fitted
// into it as preserveAspectRatio's default does (xMidYMid meet).
func decodeSVG(name string, data []byte, o DecodeOptions) (img *image.RGBA, err error) {
	fail := func(format string, args ...any) error {
		return diag.Diagnostic{Pos: diag.Pos{File: name}, Severity: diag.Error, Msg: fmt.Sprintf(format, args...)}
	}
	root, err := svgRoot(data)
	if err != nil {
		return nil, fail("%v", err)
	}
	iw, ih, err := root.size()
	if err != nil {
		return nil, fail("%v", err)
	}
	tw, th := float64(o.Size.X), float64(o.Size.Y)
	switch {
	case tw > 0 && th > 0:
	case tw > 0:
		th = tw * ih / iw
	case th > 0:
		tw = th * iw / ih
	default:
		s := o.Scale
		if !(s > 0) || math.IsInf(s, 0) {
			s = 1
		}
		tw, th = iw*s, ih*s
	}
	w, h := int(math.Ceil(tw-1e-6)), int(math.Ceil(th-1e-6))
	if w < 1 || h < 1 || float64(w)*float64(h) > float64(o.maxPixels()) {
		return nil, fail("svg image rasterised at %g×%g is above the %d-pixel budget", tw, th, o.maxPixels())
	}
	defer func() {
		// oksvg and rasterx are not hardened against hostile documents: a
		// panic is this image's error, not the page's end.
		if r := recover(); r != nil {
			img, err = nil, fail("cannot rasterise svg image: %v", r)
		}
	}()
	// An SVG drawn as an image inherits nothing: currentColor is the
	// initial color, black.
	icon, err := oksvg.ReadReplacingCurrentColor(bytes.NewReader(data), "#000000", oksvg.IgnoreErrorMode)
	if err != nil {
		return nil, fail("cannot read svg image: %v", err)
	}
	vx, vy, vw, vh := 0.0, 0.0, iw, ih
	if root.hasVB {
		vx, vy, vw, vh = root.vb[0], root.vb[1], root.vb[2], root.vb[3]
	}
	icon.ViewBox.X, icon.ViewBox.Y, icon.ViewBox.W, icon.ViewBox.H = vx, vy, vw, vh
	s := min(float64(w)/vw, float64(h)/vh)
	dw, dh := vw*s, vh*s
	// SvgIcon.SetTarget would translate by the viewBox origin unscaled;
	// this maps p to (p - origin) · s + offset.
	icon.Transform = rasterx.Identity.Translate((float64(w)-dw)/2, (float64(h)-dh)/2).Scale(s, s).Translate(-vx, -vy)
	img = image.NewRGBA(image.Rect(0, 0, w, h))
	scanner := rasterx.NewScannerGV(w, h, img, img.Bounds())
	icon.Draw(rasterx.NewDasher(w, h, scanner), 1)
	return img, nil
}
