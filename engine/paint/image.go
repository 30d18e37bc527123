package paint

import (
	"image"

	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/layout"
)

// FitKind is how an image element's mode (spec §4.4) fits its picture into
// the content box; CSS's object-fit words.
type FitKind uint8

const (
	// FitFill stretches the picture over the box (scaleToFill; widthFix
	// and heightFix have already sized the box to the picture's ratio).
	FitFill    FitKind = iota
	FitContain         // aspectFit: whole picture, centred, letterboxed
	FitCover           // aspectFill: the box covered, centred, the rest cut
	// FitNone keeps the natural size (1 image px = 1 CSS px) and places
	// the picture at Fit.X, Fit.Y (the crop modes, spec §8.5).
	FitNone
)

// Fit is an image element's fit: its kind and, for FitNone, where the
// picture sits along each axis (0 start, 0.5 centre, 1 end).
type Fit struct {
	Kind FitKind
	X, Y float32
}

// paintPicture draws an image element's picture in its content box,
// clipped to it and to the border radius (spec §4.4: border-radius clips
// the picture).
func (pt *Painter) paintPicture(id layout.NodeID, g *boxGeometry) {
	img := pt.t.Picture(id)
	if img == nil || g.content.Empty() {
		return
	}
	pt.drawPicture(img, pt.t.Fit(id), g.contentRRect())
}

// drawPicture places img in the content box cr by fit.
func (pt *Painter) drawPicture(img *image.RGBA, fit Fit, cr raster.RRect) {
	nw, nh := float32(img.Rect.Dx()), float32(img.Rect.Dy())
	if fit.Kind == FitNone {
		nw, nh = nw*pt.dpr, nh*pt.dpr
	}
	c := cr.Rect
	x, y, w, h := placement(fit, c.W(), c.H(), nw, nh)
	dst := raster.XYWH(c.X0+x, c.Y0+y, w, h)
	fill := dst.Intersect(c)
	if fill.Empty() {
		return
	}
	p := pt.paintImage(raster.ImagePaint{Img: img, Transform: raster.ImageRectTransform(img, dst)})
	if cr.Radii.IsZero() {
		pt.Fill(raster.RRect{Rect: fill}, p)
		return
	}
	if fill == c {
		pt.Fill(cr, p)
		return
	}
	pt.op(dlOp{kind: dlPushClipRRect, rect: cr.Rect, radii: cr.Radii})
	pt.Fill(raster.RRect{Rect: fill}, p)
	pt.op(dlOp{kind: dlPopClip})
}

// placement computes where a picture of natural size nw×nh goes for a
// content box of cw×ch (spec §4.4 table, §8.5 crop modes): the rectangle
// the whole picture maps to, relative to the content box's top-left, in
// the units of the arguments. The caller clips it to the content box.
func placement(fit Fit, cw, ch, nw, nh float32) (x, y, w, h float32) {
	switch fit.Kind {
	case FitContain, FitCover:
		k := min(cw/nw, ch/nh)
		if fit.Kind == FitCover {
			k = max(cw/nw, ch/nh)
		}
		w, h = nw*k, nh*k
		return (cw - w) / 2, (ch - h) / 2, w, h
	case FitNone:
		return (cw - nw) * fit.X, (ch - nh) * fit.Y, nw, nh
	}
	return 0, 0, cw, ch
}
