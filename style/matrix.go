package style

import "math"

// Matrix is a 4×4 matrix acting on column vectors, row-major: m[r*4+c]:
// a transform list's matrix (CSS Transforms 2 §6), which painting projects
// and motion interpolates.
type Matrix [16]float64

// IdentityMatrix is the matrix of no transform.
var IdentityMatrix = Matrix{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}

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
	m := IdentityMatrix
	m[3], m[7], m[11] = x, y, z
	return m
}

// TransformMatrix composes a transform list (CSS Transforms 2 §6) for a
// border box of w×h CSS px: translations take percentages of it.
func TransformMatrix(fns []TransformFn, w, h float32) Matrix {
	m := IdentityMatrix
	for i := range fns {
		m = m.Mul(TransformFnMatrix(&fns[i], w, h))
	}
	return m
}

// TransformFnMatrix is one transform function's matrix for a w×h border
// box.
func TransformFnMatrix(f *TransformFn, w, h float32) Matrix {
	a := func(i int) float64 { return float64(f.Args[i]) }
	m := IdentityMatrix
	switch f.Kind {
	case TfMatrix:
		// matrix(a, b, c, d, e, f): x' = a·x + c·y + e, y' = b·x + d·y + f.
		m[0], m[1], m[3] = a(0), a(2), a(4)
		m[4], m[5], m[7] = a(1), a(3), a(5)
	case TfMatrix3D:
		// matrix3d lists the matrix column by column.
		for c := range 4 {
			for r := range 4 {
				m[r*4+c] = a(c*4 + r)
			}
		}
	case TfTranslate:
		return Translate(float64(f.Len[0].ResolveOr(w, true, 0)), float64(f.Len[1].ResolveOr(h, true, 0)), float64(f.Len[2].ResolveOr(0, false, 0)))
	case TfScale:
		m[0], m[5], m[10] = a(0), a(1), a(2)
	case TfRotate:
		m = rotate4(a(0), a(1), a(2), a(3)*math.Pi/180)
	case TfSkew:
		m[1] = math.Tan(a(0) * math.Pi / 180)
		m[4] = math.Tan(a(1) * math.Pi / 180)
	case TfPerspective:
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
		return IdentityMatrix
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
