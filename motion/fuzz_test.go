package motion

import (
	"math"
	"testing"

	"github.com/skyline-go/skyline/style"
)

// FuzzInterpolateTransform interpolates two arbitrary transform lists: it
// must not panic, and finite lists give finite results.
func FuzzInterpolateTransform(f *testing.F) {
	f.Add("rotateX(10deg) translate(10%, 5px)", "scale(2) skew(10deg)", 0.3)
	f.Add("scale(-1, 1) rotate(30deg)", "matrix3d(1,0,0,0.001,0,1,0,0,0,0,1,0,5,6,7,1)", 0.7)
	f.Add("perspective(10px) rotateY(179deg)", "rotate3d(1, 1, 1, -181deg) scale(0.001)", 1.5)
	f.Fuzz(func(t *testing.T, from, to string, p float64) {
		if math.IsNaN(p) || math.IsInf(p, 0) {
			return
		}
		a, ds1 := style.ComputeInline("transform: "+from, nil, nil)
		b, ds2 := style.ComputeInline("transform: "+to, nil, nil)
		if len(ds1)+len(ds2) > 0 {
			return
		}
		for _, l := range [][]style.TransformFn{a.Transform, b.Transform} {
			for _, fn := range l {
				for _, v := range fn.Args {
					if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) || math.Abs(float64(v)) > 1e6 {
						return
					}
				}
			}
		}
		va, vb := Get(style.PropTransform, &a), Get(style.PropTransform, &b)
		var out Value
		Interpolate(style.PropTransform, &va, &vb, p, &out, Box{Width: 100, Height: 100})
		for _, fn := range out.Transform {
			for _, v := range fn.Args {
				if math.IsNaN(float64(v)) {
					t.Fatalf("%q → %q at %v: NaN in %+v", from, to, p, out.Transform)
				}
			}
		}
	})
}
