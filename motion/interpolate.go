package motion

import (
	"math"

	"github.com/skyline-go/skyline/style"
)

// Box is the border-box size that percentages in translate() refer to. It
// matters only when two transform lists must meet as matrices (their
// functions do not pair up); the host sets it after layout, and a zero Box
// resolves those percentages to 0.
type Box struct{ Width, Height float32 }

// Interpolate writes into out the value of property p at progress t from a
// to b (t may leave [0, 1] under an overshooting curve; results are clamped
// to the property's range). It reports false when the two values cannot be
// interpolated (auto and a length, different filter functions, a 3D matrix
// fallback…): the caller then flips discretely at t = 0.5 (CSS Animations
// §3, CSS Transitions do not start at all). out.Shadows and out.Transform
// are rebuilt in the slices out already holds, so a caller that keeps out
// from frame to frame allocates nothing after the first.
func Interpolate(p style.PropID, a, b *Value, t float64, out *Value, box Box) bool {
	info := infoOf(p)
	switch info.kind {
	case kindLength:
		l, ok := lerpLength(a.L[0], b.L[0], t, info.nonNeg)
		out.L[0] = l
		return ok
	case kindNumber:
		v := lerp32(a.N, b.N, t)
		if info.nonNeg {
			v = max(v, 0)
		}
		if info.unitMax {
			v = min(v, 1)
		}
		out.N = v
		return true
	case kindInteger:
		// z-index: integers interpolate as numbers and round to the nearest,
		// halves toward +∞ (CSS Values 4 §3.1); auto is discrete.
		if a.Flag != 0 || b.Flag != 0 {
			return false
		}
		out.N, out.Flag = float32(math.Floor(float64(lerp32(a.N, b.N, t))+0.5)), 0
		return true
	case kindColor:
		out.C = lerpColor(a.C, b.C, t)
		return true
	case kindRadius, kindPair:
		x, okx := lerpLength(a.L[0], b.L[0], t, info.nonNeg)
		y, oky := lerpLength(a.L[1], b.L[1], t, info.nonNeg)
		out.L[0], out.L[1] = x, y
		return okx && oky
	case kindOrigin:
		ok := true
		for i := range out.L {
			l, lok := lerpLength(a.L[i], b.L[i], t, false)
			out.L[i], ok = l, ok && lok
		}
		return ok
	case kindSize:
		if a.Flag != b.Flag {
			return false
		}
		x, okx := lerpLength(a.L[0], b.L[0], t, true)
		y, oky := lerpLength(a.L[1], b.L[1], t, true)
		out.L[0], out.L[1], out.Flag = x, y, a.Flag
		return okx && oky
	case kindShadows:
		s, ok := lerpShadows(out.Shadows[:0], a.Shadows, b.Shadows, t)
		out.Shadows = s
		return ok
	case kindTransform:
		tf, ok := lerpTransform(out.Transform[:0], a.Transform, b.Transform, t, box)
		out.Transform = tf
		return ok
	case kindFilter:
		f, ok := lerpFilter(a.F, b.F, t)
		out.F = f
		return ok
	}
	return false
}

// interpolable reports whether a and b of p interpolate (a dry run of
// Interpolate that writes into a scratch value; for starting transitions).
func interpolable(p style.PropID, a, b *Value, scratch *Value) bool {
	return Interpolate(p, a, b, 0.5, scratch, Box{})
}

func lerp32(a, b float32, t float64) float32 { return float32(float64(a) + (float64(b)-float64(a))*t) }

// lerpLength interpolates two length-percentages: their px and % parts
// separately, which is the interpolation of calc(px + %) (CSS Values 4
// §3.2). auto / none / intrinsic keywords and min() / max() expressions
// interpolate only with themselves.
func lerpLength(a, b style.Length, t float64, nonNeg bool) (style.Length, bool) {
	if a.Kind != style.LengthFixed || b.Kind != style.LengthFixed || a.Calc != nil || b.Calc != nil {
		if sameLength(a, b) {
			return a, true
		}
		if t < 0.5 {
			return a, false
		}
		return b, false
	}
	l := style.Length{Kind: style.LengthFixed, Px: lerp32(a.Px, b.Px, t), Pct: lerp32(a.Pct, b.Pct, t)}
	if nonNeg && l.Pct == 0 {
		l.Px = max(l.Px, 0)
	}
	return l, true
}

// lerpColor interpolates in premultiplied sRGB (CSS Color 4 §12.3, what
// browsers do for legacy colours): transparent takes on the other colour's
// hue instead of greying it.
func lerpColor(a, b style.Color, t float64) style.Color {
	aa, ba := float64(a.A)/255, float64(b.A)/255
	alpha := aa + (ba-aa)*t
	if alpha <= 0 {
		return style.Color{}
	}
	ch := func(x, y uint8) uint8 {
		pa, pb := float64(x)*aa, float64(y)*ba
		return clamp8((pa + (pb-pa)*t) / alpha)
	}
	return style.Color{R: ch(a.R, b.R), G: ch(a.G, b.G), B: ch(a.B, b.B), A: clamp8(alpha * 255)}
}

func clamp8(v float64) uint8 {
	return uint8(min(max(math.Round(v), 0), 255))
}

// lerpShadows pairs the lists item by item, the shorter padded with
// transparent zero shadows of the other's inset-ness (CSS Backgrounds 3
// §7.2); an inset shadow does not interpolate with an outer one.
func lerpShadows(out, a, b []style.Shadow, t float64) ([]style.Shadow, bool) {
	n := max(len(a), len(b))
	for i := range n {
		var x, y style.Shadow
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if i >= len(a) {
			x.Inset = y.Inset
		}
		if i >= len(b) {
			y.Inset = x.Inset
		}
		if x.Inset != y.Inset {
			if t < 0.5 {
				return append(out[:0], a...), false
			}
			return append(out[:0], b...), false
		}
		out = append(out, style.Shadow{
			Inset:  x.Inset,
			X:      lerp32(x.X, y.X, t),
			Y:      lerp32(x.Y, y.Y, t),
			Blur:   max(lerp32(x.Blur, y.Blur, t), 0),
			Spread: lerp32(x.Spread, y.Spread, t),
			Color:  lerpColor(x.Color, y.Color, t),
		})
	}
	return out, true
}

// filterInitial is each filter function's value for interpolation with
// none (Filter Effects 1 §13).
func filterInitial(k style.FilterKind) float32 {
	switch k {
	case style.FilterBrightness, style.FilterContrast, style.FilterOpacity, style.FilterSaturate:
		return 1
	}
	return 0
}

func lerpFilter(a, b style.Filter, t float64) (style.Filter, bool) {
	switch {
	case a.Kind == style.FilterNone && b.Kind == style.FilterNone:
		return a, true
	case a.Kind == style.FilterNone:
		a = style.Filter{Kind: b.Kind, Amount: filterInitial(b.Kind)}
	case b.Kind == style.FilterNone:
		b = style.Filter{Kind: a.Kind, Amount: filterInitial(a.Kind)}
	}
	if a.Kind != b.Kind {
		if t < 0.5 {
			return a, false
		}
		return b, false
	}
	v := lerp32(a.Amount, b.Amount, t)
	if a.Kind != style.FilterHueRotate {
		v = max(v, 0)
	}
	return style.Filter{Kind: a.Kind, Amount: v}, true
}
