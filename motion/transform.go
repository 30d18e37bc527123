package motion

import (
	"math"

	"github.com/skyline-go/skyline/style"
)

// Transform interpolation (CSS Transforms 2 §11): none meets a list as that
// list's identity functions; functions that pair up (same kind, rotations
// about the same axis) interpolate argument by argument over the longest
// common prefix; what remains of each list is multiplied into a matrix and
// the two matrices interpolate by decomposition. Decomposition here is 2D:
// A = R(θ)·[[sx, k], [0, sy]] plus a translation, each part interpolated
// linearly (θ the short way round). A 3D remainder (translateZ, rotateX,
// perspective, matrix3d) interpolates by 3D decomposition (matrix3d.go);
// a singular one (scale(0)) does not interpolate: the list flips at 0.5.

func lerpTransform(out, a, b []style.TransformFn, t float64, box Box) ([]style.TransformFn, bool) {
	var scratch style.TransformFn
	switch {
	case len(a) == 0 && len(b) == 0:
		return out, true
	case len(a) == 0:
		for i := range b {
			out = lerpFn(out, identityOf(&b[i], &scratch), &b[i], t)
		}
		return out, true
	case len(b) == 0:
		for i := range a {
			out = lerpFn(out, &a[i], identityOf(&a[i], &scratch), t)
		}
		return out, true
	}
	k := 0
	for k < len(a) && k < len(b) && pairs(&a[k], &b[k]) {
		k++
	}
	if k == len(a) && k == len(b) {
		for i := range a {
			out = lerpFn(out, &a[i], &b[i], t)
		}
		return out, true
	}
	for i := range k {
		out = lerpFn(out, &a[i], &b[i], t)
	}
	ma, oka := matrix2D(a[k:], box)
	mb, okb := matrix2D(b[k:], box)
	if oka && okb {
		m := lerpMatrix(ma, mb, t)
		fn := style.TransformFn{Kind: style.TfMatrix}
		for i, v := range m {
			fn.Args[i] = float32(v)
		}
		return append(out, fn), true
	}
	m, ok := lerpM4(style.TransformMatrix(a[k:], box.Width, box.Height), style.TransformMatrix(b[k:], box.Width, box.Height), t)
	if !ok {
		// A singular matrix (scale(0) …) does not decompose: flip.
		if t < 0.5 {
			return append(out[:0], a...), false
		}
		return append(out[:0], b...), false
	}
	return append(out, matrix3DFn(m)), true
}

// pairs reports whether two functions interpolate argument by argument.
func pairs(a, b *style.TransformFn) bool {
	if a.Kind != b.Kind {
		return false
	}
	if a.Kind == style.TfRotate {
		ax, ay, az := unitAxis(a)
		bx, by, bz := unitAxis(b)
		return math.Abs(ax-bx) < 1e-6 && math.Abs(ay-by) < 1e-6 && math.Abs(az-bz) < 1e-6
	}
	return true
}

func unitAxis(f *style.TransformFn) (x, y, z float64) {
	x, y, z = float64(f.Args[0]), float64(f.Args[1]), float64(f.Args[2])
	l := math.Sqrt(x*x + y*y + z*z)
	if l == 0 {
		return 0, 0, 1
	}
	return x / l, y / l, z / l
}

var identityFns = func() [style.TfPerspective + 1]style.TransformFn {
	var t [style.TfPerspective + 1]style.TransformFn
	zero := style.Length{Kind: style.LengthFixed}
	t[style.TfMatrix] = style.TransformFn{Kind: style.TfMatrix, Args: [16]float32{1, 0, 0, 1}}
	t[style.TfMatrix3D] = style.TransformFn{Kind: style.TfMatrix3D, Args: [16]float32{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}}
	t[style.TfTranslate] = style.TransformFn{Kind: style.TfTranslate, Len: [3]style.Length{zero, zero, zero}}
	t[style.TfScale] = style.TransformFn{Kind: style.TfScale, Args: [16]float32{1, 1, 1}}
	t[style.TfRotate] = style.TransformFn{Kind: style.TfRotate}
	t[style.TfSkew] = style.TransformFn{Kind: style.TfSkew}
	t[style.TfPerspective] = style.TransformFn{Kind: style.TfPerspective}
	return t
}()

// identityOf is the identity function of f's kind (a rotation keeps f's
// axis): a pointer into a shared table, or scratch for a rotation.
func identityOf(f, scratch *style.TransformFn) *style.TransformFn {
	if f.Kind == style.TfRotate {
		*scratch = style.TransformFn{Kind: style.TfRotate}
		scratch.Args[0], scratch.Args[1], scratch.Args[2] = f.Args[0], f.Args[1], f.Args[2]
		return scratch
	}
	return &identityFns[f.Kind]
}

// lerpFn appends the interpolation of two paired functions.
func lerpFn(out []style.TransformFn, a, b *style.TransformFn, t float64) []style.TransformFn {
	r := style.TransformFn{Kind: a.Kind}
	switch a.Kind {
	case style.TfTranslate:
		for i := range r.Len {
			r.Len[i], _ = lerpLength(a.Len[i], b.Len[i], t, false)
		}
	case style.TfScale:
		for i := range 3 {
			r.Args[i] = lerp32(a.Args[i], b.Args[i], t)
		}
	case style.TfRotate:
		r.Args[0], r.Args[1], r.Args[2] = a.Args[0], a.Args[1], a.Args[2]
		if a.Args[0] == 0 && a.Args[1] == 0 && a.Args[2] == 0 {
			r.Args[0], r.Args[1], r.Args[2] = b.Args[0], b.Args[1], b.Args[2]
		}
		r.Args[3] = lerp32(a.Args[3], b.Args[3], t)
	case style.TfSkew:
		r.Args[0] = lerp32(a.Args[0], b.Args[0], t)
		r.Args[1] = lerp32(a.Args[1], b.Args[1], t)
	case style.TfPerspective:
		// perspective() interpolates its inverse, none being 1/∞ = 0.
		inv := func(d float32) float64 {
			if d <= 0 {
				return 0
			}
			return 1 / float64(d)
		}
		if v := inv(a.Args[0]) + (inv(b.Args[0])-inv(a.Args[0]))*t; v > 0 {
			r.Args[0] = float32(1 / v)
		}
	case style.TfMatrix:
		m := lerpMatrix(affineOf(a), affineOf(b), t)
		for i, v := range m {
			r.Args[i] = float32(v)
		}
	case style.TfMatrix3D:
		m, ok := lerpM4(style.TransformFnMatrix(a, 0, 0), style.TransformFnMatrix(b, 0, 0), t)
		if !ok {
			m = style.TransformFnMatrix(b, 0, 0)
			if t < 0.5 {
				m = style.TransformFnMatrix(a, 0, 0)
			}
		}
		r = matrix3DFn(m)
	}
	return append(out, r)
}

// affine is a 2D matrix(a, b, c, d, e, f): x' = a·x + c·y + e,
// y' = b·x + d·y + f.
type affine [6]float64

func affineOf(f *style.TransformFn) affine {
	return affine{float64(f.Args[0]), float64(f.Args[1]), float64(f.Args[2]), float64(f.Args[3]), float64(f.Args[4]), float64(f.Args[5])}
}

func (m affine) mul(n affine) affine {
	return affine{
		m[0]*n[0] + m[2]*n[1], m[1]*n[0] + m[3]*n[1],
		m[0]*n[2] + m[2]*n[3], m[1]*n[2] + m[3]*n[3],
		m[0]*n[4] + m[2]*n[5] + m[4], m[1]*n[4] + m[3]*n[5] + m[5],
	}
}

// matrix2D multiplies a list into one 2D matrix; false when it is 3D.
func matrix2D(fns []style.TransformFn, box Box) (affine, bool) {
	m := affine{1, 0, 0, 1, 0, 0}
	for i := range fns {
		f := &fns[i]
		a := func(j int) float64 { return float64(f.Args[j]) }
		var n affine
		switch f.Kind {
		case style.TfMatrix:
			n = affineOf(f)
		case style.TfTranslate:
			if f.Len[2].At(0) != 0 {
				return m, false
			}
			n = affine{1, 0, 0, 1, float64(f.Len[0].At(box.Width)), float64(f.Len[1].At(box.Height))}
		case style.TfScale:
			if a(2) != 1 {
				return m, false
			}
			n = affine{a(0), 0, 0, a(1), 0, 0}
		case style.TfRotate:
			x, y, z := unitAxis(f)
			if x != 0 || y != 0 {
				return m, false
			}
			s, c := math.Sincos(a(3) * z * math.Pi / 180)
			n = affine{c, s, -s, c, 0, 0}
		case style.TfSkew:
			n = affine{1, math.Tan(a(1) * math.Pi / 180), math.Tan(a(0) * math.Pi / 180), 1, 0, 0}
		case style.TfPerspective:
			if a(0) > 0 {
				return m, false
			}
			continue
		default:
			return m, false
		}
		m = m.mul(n)
	}
	return m, true
}

// decomposed is a 2D matrix as translate · rotate(θ) · [[sx, k], [0, sy]].
type decomposed struct{ tx, ty, theta, sx, sy, k float64 }

func decompose(m affine) decomposed {
	d := decomposed{tx: m[4], ty: m[5]}
	d.sx = math.Hypot(m[0], m[1])
	if d.sx != 0 {
		d.theta = math.Atan2(m[1], m[0])
	}
	s, c := math.Sincos(d.theta)
	d.k = c*m[2] + s*m[3]
	d.sy = -s*m[2] + c*m[3]
	return d
}

func (d decomposed) recompose() affine {
	s, c := math.Sincos(d.theta)
	return affine{c * d.sx, s * d.sx, c*d.k - s*d.sy, s*d.k + c*d.sy, d.tx, d.ty}
}

func lerpMatrix(a, b affine, t float64) affine {
	x, y := decompose(a), decompose(b)
	if dt := y.theta - x.theta; dt > math.Pi {
		x.theta += 2 * math.Pi
	} else if dt < -math.Pi {
		y.theta += 2 * math.Pi
	}
	l := func(p, q float64) float64 { return p + (q-p)*t }
	return decomposed{l(x.tx, y.tx), l(x.ty, y.ty), l(x.theta, y.theta), l(x.sx, y.sx), l(x.sy, y.sy), l(x.k, y.k)}.recompose()
}
