package paint

import (
	"math"

	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/layout/text"
)

// Glyph font keys: the raster glyph cache names a font by a uint32, so the
// key packs the face's index in the FontSet with the synthetic-style flags
// of its GlyphRun (a synthetic bold or italic is a different mask).
const (
	fontKeyItalic = 1 << 0
	fontKeyBold   = 1 << 1
	fontKeyShift  = 2
)

// glyphOutliner adapts layout/text faces to raster.GlyphOutliner, applying
// the synthetic bold (outline emboldening) and italic (shear) that a
// GlyphRun asks for (layout/text: SyntheticBoldOutset, SyntheticItalicSkew).
type glyphOutliner struct {
	faces []*text.Face
	dpr   float32
	segs  []text.Segment
	pts   []raster.Point // one contour's points while emboldening
}

// fontKey returns the cache key of run's face and flags; false when the
// face is not in the set (it cannot be outlined then).
func (o *glyphOutliner) fontKey(run *text.GlyphRun) (uint32, bool) {
	for i, f := range o.faces {
		if f == run.Face {
			k := uint32(i) << fontKeyShift
			if run.SyntheticBold {
				k |= fontKeyBold
			}
			if run.SyntheticItalic {
				k |= fontKeyItalic
			}
			return k, true
		}
	}
	return 0, false
}

// AppendGlyphOutline implements raster.GlyphOutliner. sizePx is the device
// size; the bold outset scales with the CSS size as Skia's fake bold does
// before the device-scale matrix.
func (o *glyphOutliner) AppendGlyphOutline(dst []raster.Segment, font, glyph uint32, sizePx float32) []raster.Segment {
	idx := int(font >> fontKeyShift)
	if idx >= len(o.faces) {
		return dst
	}
	o.segs = o.faces[idx].AppendOutline(o.segs[:0], text.GlyphID(glyph), sizePx)
	n := len(dst)
	for i, s := range o.segs {
		if s.Op == text.MoveTo && i > 0 {
			dst = append(dst, raster.Segment{Op: raster.ClosePath})
		}
		var rs raster.Segment
		switch s.Op {
		case text.MoveTo:
			rs.Op = raster.MoveTo
		case text.LineTo:
			rs.Op = raster.LineTo
		case text.QuadTo:
			rs.Op = raster.QuadTo
		case text.CubicTo:
			rs.Op = raster.CubeTo
		}
		for j := range rs.Args {
			rs.Args[j] = raster.Point{X: s.P[j].X, Y: s.P[j].Y}
		}
		dst = append(dst, rs)
	}
	if len(dst) > n {
		dst = append(dst, raster.Segment{Op: raster.ClosePath})
	}
	if font&fontKeyBold != 0 && o.dpr > 0 {
		o.embolden(dst[n:], text.SyntheticBoldOutset(sizePx/o.dpr)*o.dpr)
	}
	if font&fontKeyItalic != 0 {
		shear(dst[n:], text.SyntheticItalicSkew)
	}
	return dst
}

// shear slants an outline to the right: x += skew·height above the
// baseline (y is down, so above is negative y).
func shear(segs []raster.Segment, skew float32) {
	for i := range segs {
		for j := range segs[i].Args {
			segs[i].Args[j].X -= skew * segs[i].Args[j].Y
		}
	}
}

// embolden grows every contour outwards by d px, moving each point (control
// points included) along the bisector of its two edges' normals by
// d / cos(half the turn), as FreeType's FT_Outline_EmboldenXY does. The
// outward side comes from the outline's overall orientation.
func (o *glyphOutliner) embolden(segs []raster.Segment, d float32) {
	if d <= 0 {
		return
	}
	// Orientation: the sign of the total signed area of the control
	// polygons (outer contours dominate).
	var area float64
	o.forContours(segs, func(pts []*raster.Point) {
		for i := range pts {
			a, b := pts[i], pts[(i+1)%len(pts)]
			area += float64(a.X)*float64(b.Y) - float64(b.X)*float64(a.Y)
		}
	})
	// In y-down coordinates a positive area is clockwise on screen, and
	// the outward normal of a clockwise edge (dx, dy) is (dy, -dx).
	sign := float32(-1)
	if area > 0 {
		sign = 1
	}
	o.forContours(segs, func(pts []*raster.Point) {
		n := len(pts)
		if n < 3 {
			return
		}
		o.pts = o.pts[:0]
		for _, p := range pts {
			o.pts = append(o.pts, *p)
		}
		for i := range n {
			prev, cur, next := o.pts[(i+n-1)%n], o.pts[i], o.pts[(i+1)%n]
			n1 := edgeNormal(prev, cur)
			n2 := edgeNormal(cur, next)
			bx, by := n1.X+n2.X, n1.Y+n2.Y
			dot := n1.X*n2.X + n1.Y*n2.Y
			if dot < -0.9 { // a spike: the bisector is unstable, move less
				continue
			}
			k := sign * d / (1 + dot)
			pts[i].X += bx * k
			pts[i].Y += by * k
		}
	})
}

// edgeNormal is the unit normal (dy, -dx) of the edge a→b, zero for a
// degenerate edge.
func edgeNormal(a, b raster.Point) raster.Point {
	dx, dy := b.X-a.X, b.Y-a.Y
	l := float32(math.Hypot(float64(dx), float64(dy)))
	if l == 0 {
		return raster.Point{}
	}
	return raster.Point{X: dy / l, Y: -dx / l}
}

// forContours calls fn with pointers to the points of each contour in
// order (the start point, then every segment's points), without the
// closing point when it repeats the start.
func (o *glyphOutliner) forContours(segs []raster.Segment, fn func(pts []*raster.Point)) {
	var pts []*raster.Point
	var buf [64]*raster.Point
	pts = buf[:0]
	flush := func() {
		var dup *raster.Point // a closing point repeating the start follows it
		if len(pts) > 1 && *pts[0] == *pts[len(pts)-1] {
			dup = pts[len(pts)-1]
			pts = pts[:len(pts)-1]
		}
		if len(pts) > 0 {
			fn(pts)
		}
		if dup != nil {
			*dup = *pts[0]
		}
		pts = pts[:0]
	}
	for i := range segs {
		s := &segs[i]
		switch s.Op {
		case raster.MoveTo:
			flush()
			pts = append(pts, &s.Args[0])
		case raster.LineTo:
			pts = append(pts, &s.Args[0])
		case raster.QuadTo:
			pts = append(pts, &s.Args[0], &s.Args[1])
		case raster.CubeTo:
			pts = append(pts, &s.Args[0], &s.Args[1], &s.Args[2])
		case raster.ClosePath:
			flush()
		}
	}
	flush()
}
