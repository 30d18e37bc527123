package paint

import (
	"math"

	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/style"
)

// Matrix is a 4×4 matrix acting on column vectors, row-major: m[r*4+c].
type Matrix [16]float64

var identity4 = Matrix{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}

// Mul is the product a·b: b applies first.
func (a Matrix) Mul(b Matrix) Matrix {
	var o Matrix
	for r := range 4 {
		for c := range 4 {
			var s float64
			for k := range 4 {
				s += a[r*4+k] * b[k*4+c]
			}
			o[r*4+c] = s
		}
	}
	return o
}

// Translate is a translation by (x, y, z).
func Translate(x, y, z float64) Matrix {
	m := identity4
	m[3], m[7], m[11] = x, y, z
	return m
}

// TransformMatrix composes a transform list (CSS Transforms 2 §6) for a
// border box of w×h CSS px: translations take percentages of it.
func TransformMatrix(fns []style.TransformFn, w, h float32) Matrix {
	m := identity4
	for i := range fns {
		m = m.Mul(transformFnMatrix(&fns[i], w, h))
	}
	return m
}

func transformFnMatrix(f *style.TransformFn, w, h float32) Matrix {
	a := func(i int) float64 { return float64(f.Args[i]) }
	m := identity4
	switch f.Kind {
	case style.TfMatrix:
		// matrix(a, b, c, d, e, f): x' = a·x + c·y + e, y' = b·x + d·y + f.
		m[0], m[1], m[3] = a(0), a(2), a(4)
		m[4], m[5], m[7] = a(1), a(3), a(5)
	case style.TfMatrix3D:
		// matrix3d lists the matrix column by column.
		for c := range 4 {
			for r := range 4 {
				m[r*4+c] = a(c*4 + r)
			}
		}
	case style.TfTranslate:
		return Translate(float64(f.Len[0].ResolveOr(w, true, 0)), float64(f.Len[1].ResolveOr(h, true, 0)), float64(f.Len[2].ResolveOr(0, false, 0)))
	case style.TfScale:
		m[0], m[5], m[10] = a(0), a(1), a(2)
	case style.TfRotate:
		m = rotate4(a(0), a(1), a(2), a(3)*math.Pi/180)
	case style.TfSkew:
		m[1] = math.Tan(a(0) * math.Pi / 180)
		m[4] = math.Tan(a(1) * math.Pi / 180)
	case style.TfPerspective:
		if d := a(0); d > 0 {
			m[14] = -1 / max(d, 1) // CSS clamps the distance to at least 1px
		}
	}
	return m
}

// rotate4 is rotate3d(x, y, z, angle) (CSS Transforms 2 §13: the
// normalised axis, angle clockwise looking towards the origin).
func rotate4(x, y, z, ang float64) Matrix {
	l := math.Sqrt(x*x + y*y + z*z)
	if l == 0 {
		return identity4
	}
	x, y, z = x/l, y/l, z/l
	s, c := math.Sincos(ang)
	t := 1 - c
	return Matrix{
		t*x*x + c, t*x*y - s*z, t*x*z + s*y, 0,
		t*x*y + s*z, t*y*y + c, t*y*z - s*x, 0,
		t*x*z - s*y, t*y*z + s*x, t*z*z + c, 0,
		0, 0, 0, 1,
	}
}

// transformOf returns the homography that maps b's subtree, drawn flat in
// device px, to its transformed place: translate to the transform-origin,
// apply the matrix, translate back (CSS Transforms 1 §6), with the 4×4
// matrix restricted to the z = 0 plane (3D functions and perspective()
// project, spec §2.7). ok is false for a matrix that flattens the box.
func (pt *Painter) transformOf(b *Box) (raster.Homography, bool) {
	st := b.Style
	w, h := b.Layout.Size.Width, b.Layout.Size.Height
	ox := b.X + OriginLen(st.TransformOrigin[0], w)
	oy := b.Y + OriginLen(st.TransformOrigin[1], h)
	oz := float64(st.TransformOrigin[2].ResolveOr(0, false, 0))
	m := Translate(float64(ox), float64(oy), oz).Mul(TransformMatrix(st.Transform, w, h)).Mul(Translate(-float64(ox), -float64(oy), -oz))
	d := float64(pt.dpr)
	// Device space: scale CSS px by the DPR on both sides.
	hm := raster.Homography{
		float32(m[0]), float32(m[1]), float32(m[3] * d),
		float32(m[4]), float32(m[5]), float32(m[7] * d),
		float32(m[12] / d), float32(m[13] / d), float32(m[15]),
	}
	if _, ok := hm.Invert(); !ok {
		return hm, false
	}
	return hm, true
}

// OriginLen resolves one transform-origin coordinate (default 50%).
func OriginLen(l style.Length, size float32) float32 {
	if l.Kind != style.LengthFixed {
		return size / 2
	}
	return l.At(size)
}

// projectBounds is the device bounding box of r under h; a corner behind
// the viewer makes it unbounded.
func projectBounds(h raster.Homography, r raster.Rect) raster.Rect {
	if r.Empty() {
		return r
	}
	out := raster.Rect{X0: math.MaxFloat32, Y0: math.MaxFloat32, X1: -math.MaxFloat32, Y1: -math.MaxFloat32}
	for _, p := range [4]raster.Point{{X: r.X0, Y: r.Y0}, {X: r.X1, Y: r.Y0}, {X: r.X1, Y: r.Y1}, {X: r.X0, Y: r.Y1}} {
		q, ok := h.Apply(p)
		if !ok {
			return raster.Rect{X0: -1e7, Y0: -1e7, X1: 1e7, Y1: 1e7}
		}
		out.X0, out.Y0 = min(out.X0, q.X), min(out.Y0, q.Y)
		out.X1, out.Y1 = max(out.X1, q.X), max(out.Y1, q.Y)
	}
	return out
}
