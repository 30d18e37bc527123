package raster

import (
	"encoding/binary"
	"image"
	"math"
)

// FilterKind is one CSS filter function (spec §2.1 <filter-function>:
// Skyline takes exactly one per declaration).
type FilterKind uint8

const (
	NoFilter   FilterKind = iota
	Blur                  // Amount: radius in px (σ = Amount)
	Grayscale             // Amount: 0..1
	Brightness            // Amount: ≥ 0, 1 = unchanged
	Contrast              // Amount: ≥ 0, 1 = unchanged
	Opacity               // Amount: 0..1
	Saturate              // Amount: ≥ 0, 1 = unchanged
	Sepia                 // Amount: 0..1
	Invert                // Amount: 0..1
	HueRotate             // Amount: radians
)

// Filter is a filter function with its argument, applied to a layer when
// it is popped, before its opacity.
type Filter struct {
	Kind   FilterKind
	Amount float32
}

// sigma is the Gaussian standard deviation of a blur filter: CSS blur(r)
// takes r as σ directly (Filter Effects 1 §12.2).
func (f Filter) sigma() float32 {
	if f.Kind != Blur || !(f.Amount > 0) {
		return 0
	}
	return f.Amount
}

// colorMatrix returns the 4×5 matrix (rows R, G, B, A; columns r, g, b, a,
// 1) on unpremultiplied [0, 1] channels that the CSS filter function
// stands for (Filter Effects 1 §12.2 "filter functions", their SVG
// feColorMatrix / feComponentTransfer equivalents).
func (f Filter) colorMatrix() (m [4][5]float32, ok bool) {
	a := f.Amount
	c01 := func() float32 { return 1 - clamp01(a) }
	ident := [4][5]float32{{1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, 1, 0}}
	rgb := func(r [3][3]float32) [4][5]float32 {
		m := ident
		for i := range 3 {
			copy(m[i][:3], r[i][:])
		}
		return m
	}
	switch f.Kind {
	case Grayscale:
		s := c01()
		return rgb([3][3]float32{
			{0.2126 + 0.7874*s, 0.7152 - 0.7152*s, 0.0722 - 0.0722*s},
			{0.2126 - 0.2126*s, 0.7152 + 0.2848*s, 0.0722 - 0.0722*s},
			{0.2126 - 0.2126*s, 0.7152 - 0.7152*s, 0.0722 + 0.9278*s}}), true
	case Sepia:
		s := c01()
		return rgb([3][3]float32{
			{0.393 + 0.607*s, 0.769 - 0.769*s, 0.189 - 0.189*s},
			{0.349 - 0.349*s, 0.686 + 0.314*s, 0.168 - 0.168*s},
			{0.272 - 0.272*s, 0.534 - 0.534*s, 0.131 + 0.869*s}}), true
	case Saturate:
		s := max(a, 0)
		return rgb([3][3]float32{
			{0.213 + 0.787*s, 0.715 - 0.715*s, 0.072 - 0.072*s},
			{0.213 - 0.213*s, 0.715 + 0.285*s, 0.072 - 0.072*s},
			{0.213 - 0.213*s, 0.715 - 0.715*s, 0.072 + 0.928*s}}), true
	case HueRotate:
		sn, cs := math.Sincos(float64(a))
		s, c := float32(sn), float32(cs)
		return rgb([3][3]float32{
			{0.213 + c*0.787 - s*0.213, 0.715 - c*0.715 - s*0.715, 0.072 - c*0.072 + s*0.928},
			{0.213 - c*0.213 + s*0.143, 0.715 + c*0.285 + s*0.140, 0.072 - c*0.072 - s*0.283},
			{0.213 - c*0.213 - s*0.787, 0.715 - c*0.715 + s*0.715, 0.072 + c*0.928 + s*0.072}}), true
	case Brightness:
		b := max(a, 0)
		return rgb([3][3]float32{{b, 0, 0}, {0, b, 0}, {0, 0, b}}), true
	case Contrast:
		k := max(a, 0)
		m := rgb([3][3]float32{{k, 0, 0}, {0, k, 0}, {0, 0, k}})
		for i := range 3 {
			m[i][4] = 0.5 - 0.5*k
		}
		return m, true
	case Invert:
		k := clamp01(a)
		m := rgb([3][3]float32{{1 - 2*k, 0, 0}, {0, 1 - 2*k, 0}, {0, 0, 1 - 2*k}})
		for i := range 3 {
			m[i][4] = k
		}
		return m, true
	case Opacity:
		m := ident
		m[3][3] = clamp01(a)
		return m, true
	}
	return ident, false
}

// recip255 holds 1/a: a premultiplied channel times it is the straight
// channel in [0, 1], so unpremultiplying is a multiply.
var recip255 = func() (t [256]float32) {
	for a := 1; a < 256; a++ {
		t[a] = 1 / float32(a)
	}
	return
}()

// applyColorMatrix filters premultiplied pixels in place: unpremultiply,
// matrix, clamp, premultiply. Transparent pixels stay transparent (every
// CSS filter function maps α = 0 to α = 0).
func applyColorMatrix(pix []uint8, m *[4][5]float32) {
	for i := 0; i+4 <= len(pix); i += 4 {
		p := binary.LittleEndian.Uint32(pix[i:])
		a := p >> 24
		if a == 0 {
			continue
		}
		k := recip255[a]
		r, g, b := float32(p&0xff)*k, float32(p>>8&0xff)*k, float32(p>>16&0xff)*k
		af := float32(a) / 255
		na := clamp01(m[3][0]*r + m[3][1]*g + m[3][2]*b + m[3][3]*af + m[3][4])
		nr := clamp01(m[0][0]*r+m[0][1]*g+m[0][2]*b+m[0][3]*af+m[0][4]) * na
		ng := clamp01(m[1][0]*r+m[1][1]*g+m[1][2]*b+m[1][3]*af+m[1][4]) * na
		nb := clamp01(m[2][0]*r+m[2][1]*g+m[2][2]*b+m[2][3]*af+m[2][4]) * na
		binary.LittleEndian.PutUint32(pix[i:], uint32(colorF{nr * 255, ng * 255, nb * 255, na * 255}.quantize()))
	}
}

// applyFilter runs f over a layer image in place.
func (c *Canvas) applyFilter(img *image.RGBA, f Filter) {
	if s := f.sigma(); s > 0 {
		w, h := img.Rect.Dx(), img.Rect.Dy()
		buf := c.pool.getFloats(4 * w * h)
		for i, v := range img.Pix[:4*w*h] {
			buf[i] = float32(v)
		}
		if c.reference {
			refBlurPlanes(buf, w, h, 4, s)
		} else {
			tmp := c.pool.getFloats(blurTmpLen(w, h, s))
			blurPlanes(buf, w, h, 4, s, tmp)
			c.pool.putFloats(tmp)
		}
		for i := 0; i+4 <= len(buf); i += 4 {
			p := colorF{buf[i], buf[i+1], buf[i+2], buf[i+3]}.quantize()
			binary.LittleEndian.PutUint32(img.Pix[i:], uint32(p))
		}
		c.pool.putFloats(buf)
		return
	}
	if c.reference {
		refFilter(img.Pix, f)
		return
	}
	if m, ok := f.colorMatrix(); ok {
		applyColorMatrix(img.Pix, &m)
	}
}

// refFilter is the reference: each function written out per channel in
// float64 straight from the spec's definitions.
func refFilter(pix []uint8, f Filter) {
	a := float64(f.Amount)
	cl := func(v float64) float64 { return math.Max(0, math.Min(1, v)) }
	for i := 0; i+4 <= len(pix); i += 4 {
		al := float64(pix[i+3]) / 255
		if al == 0 {
			continue
		}
		r, g, b := float64(pix[i])/255/al, float64(pix[i+1])/255/al, float64(pix[i+2])/255/al
		switch f.Kind {
		case Grayscale, Sepia, Saturate, HueRotate:
			m, _ := f.colorMatrix() // these four are defined as matrices
			mr, mg, mb := m[0], m[1], m[2]
			r, g, b = float64(mr[0])*r+float64(mr[1])*g+float64(mr[2])*b,
				float64(mg[0])*r+float64(mg[1])*g+float64(mg[2])*b,
				float64(mb[0])*r+float64(mb[1])*g+float64(mb[2])*b
		case Brightness:
			a := math.Max(a, 0)
			r, g, b = r*a, g*a, b*a
		case Contrast:
			a := math.Max(a, 0)
			f := func(v float64) float64 { return (v-0.5)*a + 0.5 }
			r, g, b = f(r), f(g), f(b)
		case Invert:
			a := cl(a)
			f := func(v float64) float64 { return a*(1-v) + (1-a)*v }
			r, g, b = f(r), f(g), f(b)
		case Opacity:
			al *= cl(a)
		}
		p := colorF{float32(cl(r) * al * 255), float32(cl(g) * al * 255), float32(cl(b) * al * 255), float32(al * 255)}.quantize()
		pix[i], pix[i+1], pix[i+2], pix[i+3] = uint8(p), uint8(p>>8), uint8(p>>16), uint8(p>>24)
	}
}
