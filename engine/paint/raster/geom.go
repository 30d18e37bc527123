package raster

import (
	"image"
	"math"
)

// Point is a position in device pixels (y down).
type Point struct{ X, Y float32 }

// Rect is an axis-aligned rectangle [X0, X1) × [Y0, Y1) in device pixels.
// A rectangle with X1 <= X0 or Y1 <= Y0 is empty.
type Rect struct{ X0, Y0, X1, Y1 float32 }

// XYWH builds a Rect from its origin and size.
func XYWH(x, y, w, h float32) Rect { return Rect{x, y, x + w, y + h} }

// Empty reports whether r covers no area.
func (r Rect) Empty() bool { return !(r.X1 > r.X0 && r.Y1 > r.Y0) }

// W is the width of r.
func (r Rect) W() float32 { return r.X1 - r.X0 }

// H is the height of r.
func (r Rect) H() float32 { return r.Y1 - r.Y0 }

// Inset shrinks r by the given amounts per side (negative grows it).
func (r Rect) Inset(top, right, bottom, left float32) Rect {
	return Rect{r.X0 + left, r.Y0 + top, r.X1 - right, r.Y1 - bottom}
}

// Offset translates r.
func (r Rect) Offset(dx, dy float32) Rect { return Rect{r.X0 + dx, r.Y0 + dy, r.X1 + dx, r.Y1 + dy} }

// Intersect returns the overlap of r and s (possibly empty).
func (r Rect) Intersect(s Rect) Rect {
	return Rect{max(r.X0, s.X0), max(r.Y0, s.Y0), min(r.X1, s.X1), min(r.Y1, s.Y1)}
}

// pixels returns the smallest integer rectangle that contains r.
func (r Rect) pixels() image.Rectangle {
	if r.Empty() {
		return image.Rectangle{}
	}
	return image.Rect(floorInt(r.X0), floorInt(r.Y0), ceilInt(r.X1), ceilInt(r.Y1))
}

// onPixelGrid reports whether every edge of r lies on an integer.
func (r Rect) onPixelGrid() bool {
	return r.X0 == float32(math.Floor(float64(r.X0))) && r.X1 == float32(math.Floor(float64(r.X1))) &&
		r.Y0 == float32(math.Floor(float64(r.Y0))) && r.Y1 == float32(math.Floor(float64(r.Y1)))
}

// clampInt keeps coordinates far outside any canvas from overflowing int
// conversions (a style may produce 1e30px).
const coordLimit = 1 << 24

func floorInt(v float32) int {
	f := math.Floor(float64(v))
	return int(max(-coordLimit, min(coordLimit, f)))
}

func ceilInt(v float32) int {
	f := math.Ceil(float64(v))
	return int(max(-coordLimit, min(coordLimit, f)))
}

// Radii holds the horizontal (X) and vertical (Y) radius of each corner of a
// rounded rectangle, in CSS order top-left, top-right, bottom-right,
// bottom-left (spec §2.7 border-*-radius: elliptical via the 2-value form).
type Radii struct {
	TopLeft, TopRight, BottomRight, BottomLeft Point
}

// Uniform returns Radii with every corner circular of radius r.
func Uniform(r float32) Radii {
	p := Point{r, r}
	return Radii{p, p, p, p}
}

// IsZero reports whether every corner is square.
func (rd Radii) IsZero() bool {
	sq := func(p Point) bool { return p.X <= 0 || p.Y <= 0 }
	return sq(rd.TopLeft) && sq(rd.TopRight) && sq(rd.BottomRight) && sq(rd.BottomLeft)
}

// RRect is a rectangle with per-corner elliptical radii.
type RRect struct {
	Rect  Rect
	Radii Radii
}

// normalized returns rr with its radii made valid: a corner with a zero (or
// negative) component is square, and when adjacent radii overflow a side all
// radii shrink by the same factor (CSS Backgrounds 3 §5.5 "Overlapping
// Curves").
func (rr RRect) normalized() RRect {
	w, h := rr.Rect.W(), rr.Rect.H()
	c := [4]*Point{&rr.Radii.TopLeft, &rr.Radii.TopRight, &rr.Radii.BottomRight, &rr.Radii.BottomLeft}
	for _, p := range c {
		if p.X <= 0 || p.Y <= 0 || isNaN(p.X) || isNaN(p.Y) {
			*p = Point{}
		}
	}
	f := float32(1)
	fit := func(side, a, b float32) {
		if s := a + b; s > side && s > 0 {
			f = min(f, side/s)
		}
	}
	fit(w, c[0].X, c[1].X)
	fit(w, c[3].X, c[2].X)
	fit(h, c[0].Y, c[3].Y)
	fit(h, c[1].Y, c[2].Y)
	if f < 1 {
		for _, p := range c {
			p.X *= f
			p.Y *= f
		}
	}
	return rr
}

// hasRadii reports whether any corner of a normalized rr is rounded.
func (rr RRect) hasRadii() bool {
	r := rr.Radii
	return r.TopLeft.X > 0 || r.TopRight.X > 0 || r.BottomRight.X > 0 || r.BottomLeft.X > 0
}

// Inset shrinks rr by per-side amounts, shrinking each corner radius by the
// adjacent side widths (CSS Backgrounds 3 §5.3: the padding edge's radii are
// the border edge's minus the border widths, floored at 0).
func (rr RRect) Inset(top, right, bottom, left float32) RRect {
	in := func(p Point, dx, dy float32) Point { return Point{max(0, p.X-dx), max(0, p.Y-dy)} }
	return RRect{
		Rect: rr.Rect.Inset(top, right, bottom, left),
		Radii: Radii{
			TopLeft:     in(rr.Radii.TopLeft, left, top),
			TopRight:    in(rr.Radii.TopRight, right, top),
			BottomRight: in(rr.Radii.BottomRight, right, bottom),
			BottomLeft:  in(rr.Radii.BottomLeft, left, bottom),
		},
	}
}

// Outset grows rr by d on every side; radii grow by d too, except that a
// square corner stays square (CSS Backgrounds 3 §7.1.1 spread: the spread
// distance is added to non-zero radii).
func (rr RRect) Outset(d float32) RRect {
	grow := func(p Point) Point {
		if p.X <= 0 || p.Y <= 0 {
			return Point{}
		}
		return Point{max(0, p.X+d), max(0, p.Y+d)}
	}
	return RRect{
		Rect:  rr.Rect.Inset(-d, -d, -d, -d),
		Radii: Radii{grow(rr.Radii.TopLeft), grow(rr.Radii.TopRight), grow(rr.Radii.BottomRight), grow(rr.Radii.BottomLeft)},
	}
}

func isNaN(v float32) bool { return v != v }

// Affine is a 2D affine matrix in SVG/CSS order matrix(a, b, c, d, e, f):
// x' = a·x + c·y + e, y' = b·x + d·y + f.
type Affine [6]float32

// Identity is the identity transform.
var Identity = Affine{1, 0, 0, 1, 0, 0}

// Translate returns a translation.
func Translate(dx, dy float32) Affine { return Affine{1, 0, 0, 1, dx, dy} }

// Scale returns a scale about the origin.
func Scale(sx, sy float32) Affine { return Affine{sx, 0, 0, sy, 0, 0} }

// Rotate returns a rotation by rad radians (clockwise on screen, y down, as
// CSS rotate()).
func Rotate(rad float64) Affine {
	s, c := math.Sincos(rad)
	return Affine{float32(c), float32(s), float32(-s), float32(c), 0, 0}
}

// Mul returns m·n: the transform that applies n first, then m.
func (m Affine) Mul(n Affine) Affine {
	return Affine{
		m[0]*n[0] + m[2]*n[1],
		m[1]*n[0] + m[3]*n[1],
		m[0]*n[2] + m[2]*n[3],
		m[1]*n[2] + m[3]*n[3],
		m[0]*n[4] + m[2]*n[5] + m[4],
		m[1]*n[4] + m[3]*n[5] + m[5],
	}
}

// Apply transforms a point.
func (m Affine) Apply(p Point) Point {
	return Point{m[0]*p.X + m[2]*p.Y + m[4], m[1]*p.X + m[3]*p.Y + m[5]}
}

// Invert returns the inverse of m and whether it exists.
func (m Affine) Invert() (Affine, bool) {
	det := float64(m[0])*float64(m[3]) - float64(m[1])*float64(m[2])
	if det == 0 || math.IsNaN(det) || math.IsInf(det, 0) {
		return Affine{}, false
	}
	id := 1 / det
	a, b, c, d := float64(m[0]), float64(m[1]), float64(m[2]), float64(m[3])
	e, f := float64(m[4]), float64(m[5])
	return Affine{
		float32(d * id), float32(-b * id), float32(-c * id), float32(a * id),
		float32((c*f - d*e) * id), float32((b*e - a*f) * id),
	}, true
}

// bounds returns the bounding box of r transformed by m.
func (m Affine) bounds(r Rect) Rect {
	return Homography{m[0], m[2], m[4], m[1], m[3], m[5], 0, 0, 1}.bounds(r)
}

// Homography is a projective 3×3 matrix in row-major order:
// [x' y' w'] = H·[x y 1], the device point is (x'/w', y'/w'). It is how paint
// composites a layer rendered flat under a 3D (perspective) transform: the
// 4×4 matrix restricted to the z=0 plane.
type Homography [9]float32

// HomographyFromAffine embeds an affine matrix.
func HomographyFromAffine(m Affine) Homography {
	return Homography{m[0], m[2], m[4], m[1], m[3], m[5], 0, 0, 1}
}

// Apply projects p; ok is false when the point maps behind the viewer (w ≤ 0).
func (h Homography) Apply(p Point) (q Point, ok bool) {
	w := h[6]*p.X + h[7]*p.Y + h[8]
	if !(w > 0) {
		return Point{}, false
	}
	return Point{(h[0]*p.X + h[1]*p.Y + h[2]) / w, (h[3]*p.X + h[4]*p.Y + h[5]) / w}, true
}

// Invert returns the inverse matrix and whether it exists.
func (h Homography) Invert() (Homography, bool) {
	var a [9]float64
	for i, v := range h {
		a[i] = float64(v)
	}
	c00 := a[4]*a[8] - a[5]*a[7]
	c01 := a[5]*a[6] - a[3]*a[8]
	c02 := a[3]*a[7] - a[4]*a[6]
	det := a[0]*c00 + a[1]*c01 + a[2]*c02
	if det == 0 || math.IsNaN(det) || math.IsInf(det, 0) {
		return Homography{}, false
	}
	id := 1 / det
	inv := [9]float64{
		c00, a[2]*a[7] - a[1]*a[8], a[1]*a[5] - a[2]*a[4],
		c01, a[0]*a[8] - a[2]*a[6], a[2]*a[3] - a[0]*a[5],
		c02, a[1]*a[6] - a[0]*a[7], a[0]*a[4] - a[1]*a[3],
	}
	var out Homography
	for i, v := range inv {
		out[i] = float32(v * id)
	}
	return out, true
}

// bounds returns the device bounding box of r's projection, ignoring parts
// behind the viewer; ok-less callers get an empty rect if every corner is.
func (h Homography) bounds(r Rect) Rect {
	out := Rect{X0: float32(math.Inf(1)), Y0: float32(math.Inf(1)), X1: float32(math.Inf(-1)), Y1: float32(math.Inf(-1))}
	for _, p := range [4]Point{{r.X0, r.Y0}, {r.X1, r.Y0}, {r.X1, r.Y1}, {r.X0, r.Y1}} {
		q, ok := h.Apply(p)
		if !ok {
			// A corner behind the eye projects to infinity: the image may
			// cover the whole screen, so the caller's clip bounds it.
			return Rect{-coordLimit, -coordLimit, coordLimit, coordLimit}
		}
		out.X0, out.Y0 = min(out.X0, q.X), min(out.Y0, q.Y)
		out.X1, out.Y1 = max(out.X1, q.X), max(out.Y1, q.Y)
	}
	return out
}
