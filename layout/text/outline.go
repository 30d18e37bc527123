package text

import (
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
)

// SegmentOp is the kind of one outline segment.
type SegmentOp uint8

const (
	MoveTo SegmentOp = iota
	LineTo
	QuadTo  // P[0] control, P[1] end
	CubicTo // P[0], P[1] controls, P[2] end
)

// Point is a position in px, y growing downwards, relative to the glyph origin
// (the pen position on the baseline).
type Point struct{ X, Y float32 }

// Segment is one step of a glyph outline. Contours are closed implicitly: each
// MoveTo starts a new one, and the rasteriser closes the previous.
type Segment struct {
	Op SegmentOp
	P  [3]Point
}

// AppendOutline appends glyph gid's outline at size px to dst and returns it,
// in px with y down (ready to translate by the glyph position). Glyphs with no
// outline (spaces) append nothing. A .notdef glyph whose face draws nothing
// gets a hollow box, so a missing character is always visible.
func (f *Face) AppendOutline(dst []Segment, gid GlyphID, size float32) []Segment {
	s := size / f.upem
	n := len(dst)
	if o, ok := f.face.GlyphDataOutline(gid); ok {
		for _, seg := range o.Segments {
			var out Segment
			switch seg.Op {
			case ot.SegmentOpMoveTo:
				out.Op = MoveTo
			case ot.SegmentOpLineTo:
				out.Op = LineTo
			case ot.SegmentOpQuadTo:
				out.Op = QuadTo
			case ot.SegmentOpCubeTo:
				out.Op = CubicTo
			}
			for i := range out.P {
				out.P[i] = Point{seg.Args[i].X * s, -seg.Args[i].Y * s}
			}
			dst = append(dst, out)
		}
	}
	if gid == 0 && len(dst) == n {
		dst = appendNotdefBox(dst, f, size)
	}
	return dst
}

// appendNotdefBox draws the conventional missing-glyph box: a rectangle
// outline from the baseline to the cap height, half an em wide, with a stroke
// of a tenth of its width (outer contour clockwise, inner counter-clockwise so
// the non-zero rule leaves it hollow).
func appendNotdefBox(dst []Segment, f *Face, size float32) []Segment {
	w := f.face.HorizontalAdvance(0) * size / f.upem
	if w <= 0 {
		w = size / 2
	}
	h := 0.7 * size
	x0, x1 := w*0.1, w*0.9
	t := (x1 - x0) / 10
	rect := func(dst []Segment, ax, ay, bx, by float32, cw bool) []Segment {
		pts := [4]Point{{ax, ay}, {bx, ay}, {bx, by}, {ax, by}}
		if !cw {
			pts[1], pts[3] = pts[3], pts[1]
		}
		dst = append(dst, Segment{Op: MoveTo, P: [3]Point{pts[0]}})
		for _, p := range pts[1:] {
			dst = append(dst, Segment{Op: LineTo, P: [3]Point{p}})
		}
		return append(dst, Segment{Op: LineTo, P: [3]Point{pts[0]}})
	}
	dst = rect(dst, x0, -h, x1, 0, true)
	return rect(dst, x0+t, -h+t, x1-t, -t, false)
}

// GlyphBitmapOrSVG reports whether gid is drawn from a bitmap, SVG or colour
// table rather than an outline (emoji fonts loaded through @font-face); paint
// may then call Font().GlyphData itself.
func (f *Face) GlyphBitmapOrSVG(gid GlyphID) bool {
	switch f.face.GlyphData(gid).(type) {
	case font.GlyphBitmap, font.GlyphSVG, font.GlyphColor:
		return true
	}
	return false
}
