package paint

import (
	"math"

	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/style"
)

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
	m := style.Translate(float64(ox), float64(oy), oz).Mul(style.TransformMatrix(st.Transform, w, h)).Mul(style.Translate(-float64(ox), -float64(oy), -oz))
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
