package motion

import (
	"math"

	"github.com/skyline-go/skyline/style"
)

// 3D matrix interpolation (CSS Transforms 2 §12): a matrix is decomposed
// into perspective · translate · rotate · skew · scale (column vectors,
// applied right to left), the parts interpolate (the rotation as a
// quaternion by spherical interpolation) and recompose. Decomposition is
// Gram-Schmidt over the columns of the upper 3×3, which is the spec's
// unmatrix over the rows of its row-vector form.

// m4 is style's 4×4 matrix (column vectors, row-major: m[r*4+c]); a
// transform list's matrix is style.TransformMatrix.
type m4 = style.Matrix

var identityM4 = style.IdentityMatrix

// decomposed3 is a decomposed 3D matrix.
type decomposed3 struct {
	persp [4]float64
	trans [3]float64
	quat  [4]float64 // x, y, z, w
	skew  [3]float64 // xy, xz, yz
	scale [3]float64
}

func dot3(a, b [3]float64) float64 { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }

// decompose3 decomposes m; false for a singular matrix.
func decompose3(m m4) (decomposed3, bool) {
	var d decomposed3
	if m[15] == 0 {
		return d, false
	}
	for i := range m {
		m[i] /= m[15]
	}
	n := m
	n[12], n[13], n[14], n[15] = 0, 0, 0, 1
	inv, ok := invert4(n)
	if !ok {
		return d, false
	}
	// M = P·N: P's bottom row q solves q·N = M's bottom row.
	if m[12] != 0 || m[13] != 0 || m[14] != 0 {
		for c := range 4 {
			for k := range 4 {
				d.persp[c] += m[12+k] * inv[k*4+c]
			}
		}
	} else {
		d.persp = [4]float64{0, 0, 0, 1}
	}
	d.trans = [3]float64{n[3], n[7], n[11]}
	var col [3][3]float64
	for c := range 3 {
		col[c] = [3]float64{n[c], n[4+c], n[8+c]}
	}
	norm := func(v [3]float64) ([3]float64, float64) {
		l := math.Sqrt(dot3(v, v))
		if l == 0 {
			return v, 0
		}
		return [3]float64{v[0] / l, v[1] / l, v[2] / l}, l
	}
	sub := func(a, b [3]float64, k float64) [3]float64 {
		return [3]float64{a[0] - k*b[0], a[1] - k*b[1], a[2] - k*b[2]}
	}
	col[0], d.scale[0] = norm(col[0])
	d.skew[0] = dot3(col[0], col[1])
	col[1] = sub(col[1], col[0], d.skew[0])
	col[1], d.scale[1] = norm(col[1])
	d.skew[1] = dot3(col[0], col[2])
	col[2] = sub(col[2], col[0], d.skew[1])
	d.skew[2] = dot3(col[1], col[2])
	col[2] = sub(col[2], col[1], d.skew[2])
	col[2], d.scale[2] = norm(col[2])
	if d.scale[1] != 0 {
		d.skew[0] /= d.scale[1]
	}
	if d.scale[2] != 0 {
		d.skew[1] /= d.scale[2]
		d.skew[2] /= d.scale[2]
	}
	// A flipped coordinate system: negate rotation and scale.
	cr := [3]float64{col[1][1]*col[2][2] - col[1][2]*col[2][1], col[1][2]*col[2][0] - col[1][0]*col[2][2], col[1][0]*col[2][1] - col[1][1]*col[2][0]}
	if dot3(col[0], cr) < 0 {
		for i := range 3 {
			d.scale[i] = -d.scale[i]
			col[i] = [3]float64{-col[i][0], -col[i][1], -col[i][2]}
		}
	}
	// The rotation matrix R has the columns col; R[r][c] = col[c][r]. The
	// quaternion comes from its largest component (Shepperd's method,
	// exact also for half turns, where the spec's sign tests lose the
	// axis), with w ≥ 0 as the spec's formulas give it.
	r := func(row, c int) float64 { return col[c][row] }
	x, y, z, w := 0.0, 0.0, 0.0, 0.0
	switch tr := r(0, 0) + r(1, 1) + r(2, 2); {
	case tr > 0:
		s := 2 * math.Sqrt(tr+1)
		w, x, y, z = s/4, (r(2, 1)-r(1, 2))/s, (r(0, 2)-r(2, 0))/s, (r(1, 0)-r(0, 1))/s
	case r(0, 0) > r(1, 1) && r(0, 0) > r(2, 2):
		s := 2 * math.Sqrt(1+r(0, 0)-r(1, 1)-r(2, 2))
		w, x, y, z = (r(2, 1)-r(1, 2))/s, s/4, (r(0, 1)+r(1, 0))/s, (r(0, 2)+r(2, 0))/s
	case r(1, 1) > r(2, 2):
		s := 2 * math.Sqrt(1+r(1, 1)-r(0, 0)-r(2, 2))
		w, x, y, z = (r(0, 2)-r(2, 0))/s, (r(0, 1)+r(1, 0))/s, s/4, (r(1, 2)+r(2, 1))/s
	default:
		s := 2 * math.Sqrt(1+r(2, 2)-r(0, 0)-r(1, 1))
		w, x, y, z = (r(1, 0)-r(0, 1))/s, (r(0, 2)+r(2, 0))/s, (r(1, 2)+r(2, 1))/s, s/4
	}
	if w < 0 {
		x, y, z, w = -x, -y, -z, -w
	}
	d.quat = [4]float64{x, y, z, w}
	return d, true
}

func (d decomposed3) recompose() m4 {
	p := identityM4
	p[12], p[13], p[14], p[15] = d.persp[0], d.persp[1], d.persp[2], d.persp[3]
	t := identityM4
	t[3], t[7], t[11] = d.trans[0], d.trans[1], d.trans[2]
	x, y, z, w := d.quat[0], d.quat[1], d.quat[2], d.quat[3]
	rot := m4{
		1 - 2*(y*y+z*z), 2 * (x*y - z*w), 2 * (x*z + y*w), 0,
		2 * (x*y + z*w), 1 - 2*(x*x+z*z), 2 * (y*z - x*w), 0,
		2 * (x*z - y*w), 2 * (y*z + x*w), 1 - 2*(x*x+y*y), 0,
		0, 0, 0, 1,
	}
	k := identityM4
	k[1], k[2], k[6] = d.skew[0], d.skew[1], d.skew[2]
	s := identityM4
	s[0], s[5], s[10] = d.scale[0], d.scale[1], d.scale[2]
	return p.Mul(t).Mul(rot).Mul(k).Mul(s)
}

// lerpM4 interpolates two matrices decomposed; false when one is singular.
func lerpM4(a, b m4, t float64) (m4, bool) {
	x, okx := decompose3(a)
	y, oky := decompose3(b)
	if !okx || !oky {
		return m4{}, false
	}
	l := func(p, q float64) float64 { return p + (q-p)*t }
	var o decomposed3
	for i := range 4 {
		o.persp[i] = l(x.persp[i], y.persp[i])
	}
	for i := range 3 {
		o.trans[i] = l(x.trans[i], y.trans[i])
		o.skew[i] = l(x.skew[i], y.skew[i])
		o.scale[i] = l(x.scale[i], y.scale[i])
	}
	o.quat = slerp(x.quat, y.quat, t)
	return o.recompose(), true
}

// slerp is CSS Transforms 2 §12.3's spherical interpolation (without
// taking the shorter arc, as the spec says).
func slerp(a, b [4]float64, t float64) [4]float64 {
	p := min(max(a[0]*b[0]+a[1]*b[1]+a[2]*b[2]+a[3]*b[3], -1), 1)
	if math.Abs(p) == 1 {
		return a
	}
	theta := math.Acos(p)
	w := math.Sin(t*theta) / math.Sqrt(1-p*p)
	ka := math.Cos(t*theta) - p*w
	return [4]float64{a[0]*ka + b[0]*w, a[1]*ka + b[1]*w, a[2]*ka + b[2]*w, a[3]*ka + b[3]*w}
}

// invert4 inverts m by Gauss-Jordan elimination with partial pivoting.
func invert4(m m4) (m4, bool) {
	inv := identityM4
	for c := range 4 {
		p := c
		for r := c + 1; r < 4; r++ {
			if math.Abs(m[r*4+c]) > math.Abs(m[p*4+c]) {
				p = r
			}
		}
		if math.Abs(m[p*4+c]) < 1e-12 {
			return inv, false
		}
		for k := range 4 {
			m[c*4+k], m[p*4+k] = m[p*4+k], m[c*4+k]
			inv[c*4+k], inv[p*4+k] = inv[p*4+k], inv[c*4+k]
		}
		f := 1 / m[c*4+c]
		for k := range 4 {
			m[c*4+k] *= f
			inv[c*4+k] *= f
		}
		for r := range 4 {
			if r == c {
				continue
			}
			g := m[r*4+c]
			for k := range 4 {
				m[r*4+k] -= g * m[c*4+k]
				inv[r*4+k] -= g * inv[c*4+k]
			}
		}
	}
	return inv, true
}

// matrix3DFn is m as a matrix3d() function (column by column).
func matrix3DFn(m m4) style.TransformFn {
	fn := style.TransformFn{Kind: style.TfMatrix3D}
	for c := range 4 {
		for r := range 4 {
			fn.Args[c*4+r] = float32(m[r*4+c])
		}
	}
	return fn
}
