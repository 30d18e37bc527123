package raster

import "math"

// Analytic coverage of rectangles and rounded rectangles. The float
// functions here are the single definition of "how much of pixel (x, y) the
// shape covers"; the reference path calls them for every pixel, the fast
// paths only on anti-aliased edge pixels (rowSpans says which those are).

// overlap is the length of [a0, a1) ∩ [p, p+1).
func overlap(p int, a0, a1 float32) float32 {
	lo := max(float32(p), a0)
	hi := min(float32(p+1), a1)
	if hi <= lo {
		return 0
	}
	return hi - lo
}

// ellipseCoverage is the coverage of a pixel whose centre lies (dx, dy) from
// an ellipse's centre, towards its corner (dx, dy ≥ 0). It uses the signed
// distance estimate f/|∇f| of the implicit ellipse f = (dx/rx)²+(dy/ry)²−1
// (exact on circles, first order elsewhere) through a one-pixel box filter.
func ellipseCoverage(dx, dy, rx, ry float32) float32 {
	nx, ny := dx/rx, dy/ry
	f := nx*nx + ny*ny - 1
	gx, gy := nx/rx, ny/ry
	g := 2 * float32(math.Sqrt(float64(gx*gx+gy*gy)))
	if g == 0 {
		return 1
	}
	return clamp01(0.5 - f/g)
}

func clamp01(v float32) float32 {
	if !(v > 0) {
		return 0
	}
	return min(v, 1)
}

// covByte quantizes a coverage in [0, 1] to 8 bits; both paths use it so a
// coverage means the same byte everywhere.
func covByte(v float32) uint8 { return uint8(clamp01(v)*255 + 0.5) }

// rrectCoverage is the area coverage of pixel (px, py) by the normalized
// rounded rectangle rr: the product of the horizontal and vertical overlaps,
// limited by the corner ellipse when the pixel centre lies in a corner box.
func rrectCoverage(rr *RRect, px, py int) float32 {
	r := rr.Rect
	c := overlap(px, r.X0, r.X1) * overlap(py, r.Y0, r.Y1)
	if c == 0 {
		return 0
	}
	cx, cy := float32(px)+0.5, float32(py)+0.5
	rd := &rr.Radii
	var e float32 = 1
	switch {
	case rd.TopLeft.X > 0 && cx < r.X0+rd.TopLeft.X && cy < r.Y0+rd.TopLeft.Y:
		e = ellipseCoverage(r.X0+rd.TopLeft.X-cx, r.Y0+rd.TopLeft.Y-cy, rd.TopLeft.X, rd.TopLeft.Y)
	case rd.TopRight.X > 0 && cx > r.X1-rd.TopRight.X && cy < r.Y0+rd.TopRight.Y:
		e = ellipseCoverage(cx-(r.X1-rd.TopRight.X), r.Y0+rd.TopRight.Y-cy, rd.TopRight.X, rd.TopRight.Y)
	case rd.BottomRight.X > 0 && cx > r.X1-rd.BottomRight.X && cy > r.Y1-rd.BottomRight.Y:
		e = ellipseCoverage(cx-(r.X1-rd.BottomRight.X), cy-(r.Y1-rd.BottomRight.Y), rd.BottomRight.X, rd.BottomRight.Y)
	case rd.BottomLeft.X > 0 && cx < r.X0+rd.BottomLeft.X && cy > r.Y1-rd.BottomLeft.Y:
		e = ellipseCoverage(r.X0+rd.BottomLeft.X-cx, cy-(r.Y1-rd.BottomLeft.Y), rd.BottomLeft.X, rd.BottomLeft.Y)
	}
	return min(c, e)
}

// rowSpan describes one row of a rounded rectangle: pixels [i0, a) and
// [b, i1) need rrectCoverage, pixels [a, b) are covered by exactly cy (the
// row's vertical overlap), everything else is outside.
type rowSpan struct {
	i0, a, b, i1 int
	cy           float32
}

// rowSpan computes the decomposition of row py; the corner tests mirror
// rrectCoverage's exactly (a pixel is in a corner box iff its centre is).
func (rr *RRect) rowSpan(py int) rowSpan {
	r := rr.Rect
	cy := overlap(py, r.Y0, r.Y1)
	if cy == 0 || r.Empty() {
		return rowSpan{}
	}
	s := rowSpan{i0: floorInt(r.X0), i1: ceilInt(r.X1), cy: cy}
	s.a, s.b = ceilInt(r.X0), floorInt(r.X1)
	ycen := float32(py) + 0.5
	rd := &rr.Radii
	left := func(p Point, in bool) {
		if p.X > 0 && in {
			s.a = max(s.a, ceilInt(r.X0+p.X-0.5))
		}
	}
	right := func(p Point, in bool) {
		if p.X > 0 && in {
			s.b = min(s.b, floorInt(r.X1-p.X-0.5)+1)
		}
	}
	left(rd.TopLeft, ycen < r.Y0+rd.TopLeft.Y)
	left(rd.BottomLeft, ycen > r.Y1-rd.BottomLeft.Y)
	right(rd.TopRight, ycen < r.Y0+rd.TopRight.Y)
	right(rd.BottomRight, ycen > r.Y1-rd.BottomRight.Y)
	s.a = min(max(s.a, s.i0), s.i1)
	s.b = min(max(s.b, s.a), s.i1)
	return s
}

// kind classifies pixel x of the row: perPixel, or a constant coverage.
func (s *rowSpan) kind(x int) (perPixel bool, c float32) {
	switch {
	case x < s.i0 || x >= s.i1:
		return false, 0
	case x >= s.a && x < s.b:
		return false, s.cy
	}
	return true, 0
}
