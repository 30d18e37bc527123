package raster

import (
	"encoding/binary"
	"image"
	"math"
)

// ImagePaint paints a premultiplied image placed by Transform (image pixel
// space → device space), sampled with bilinear filtering. It serves
// background-image (size/position become Transform, background-repeat
// RepeatX/RepeatY — spec §2.7) and the image component (spec §4.4 modes
// become Transform plus the rectangle paint fills). Without repeat the edge
// texels extend outwards (clamp to edge), so the filled rectangle alone
// decides where the image ends.
type ImagePaint struct {
	Img              *image.RGBA
	Transform        Affine
	RepeatX, RepeatY bool
}

// ImageRectTransform maps img's pixel grid onto dst (scaleToFill geometry;
// the other modes choose dst).
func ImageRectTransform(img *image.RGBA, dst Rect) Affine {
	b := img.Rect
	sx, sy := dst.W()/float32(b.Dx()), dst.H()/float32(b.Dy())
	return Affine{sx, 0, 0, sy, dst.X0 - sx*float32(b.Min.X), dst.Y0 - sy*float32(b.Min.Y)}
}

type imageShader struct {
	img    *image.RGBA
	inv    Affine
	rx, ry bool
	// projective layers sample through hinv with a divide per pixel;
	// transparentOutside makes texels beyond the image transparent (used
	// when the layer's projected quad cannot bound the drawing).
	projective         bool
	hinv               Homography
	transparentOutside bool
}

func (s *imageShader) set(p *ImagePaint) bool {
	inv, ok := p.Transform.Invert()
	if !ok || p.Img.Rect.Empty() {
		return false
	}
	*s = imageShader{img: p.Img, inv: inv, rx: p.RepeatX, ry: p.RepeatY}
	return true
}

// wrap maps texel index i into [0, n): modulo when repeating, clamped
// otherwise.
func wrap(i, n int, repeat bool) int {
	if repeat {
		i %= n
		if i < 0 {
			i += n
		}
		return i
	}
	return min(max(i, 0), n-1)
}

// source maps device point (x, y) to image space relative to the image's
// top-left, shifted by half a texel so texel centres sit on integers; ok
// is false where nothing is sampled (behind the viewer, or outside the
// image when transparentOutside).
func (s *imageShader) source(x, y float64) (u, v float64, ok bool) {
	if s.projective {
		h := &s.hinv
		w := float64(h[6])*x + float64(h[7])*y + float64(h[8])
		if !(w > 0) {
			return 0, 0, false
		}
		u = (float64(h[0])*x + float64(h[1])*y + float64(h[2])) / w
		v = (float64(h[3])*x + float64(h[4])*y + float64(h[5])) / w
	} else {
		u = float64(s.inv[0])*x + float64(s.inv[2])*y + float64(s.inv[4])
		v = float64(s.inv[1])*x + float64(s.inv[3])*y + float64(s.inv[5])
	}
	b := s.img.Rect
	u -= float64(b.Min.X)
	v -= float64(b.Min.Y)
	if s.transparentOutside && (u < 0 || v < 0 || u > float64(b.Dx()) || v > float64(b.Dy())) {
		return 0, 0, false
	}
	return u - 0.5, v - 0.5, true
}

func (s *imageShader) texel(x, y int) uint32 {
	b := s.img.Rect
	x = wrap(x, b.Dx(), s.rx)
	y = wrap(y, b.Dy(), s.ry)
	return binary.LittleEndian.Uint32(s.img.Pix[y*s.img.Stride+4*x:])
}

// colorAt is the reference bilinear sample in float64.
func (s *imageShader) colorAt(x, y float32) colorF {
	u, v, ok := s.source(float64(x), float64(y))
	if !ok {
		return colorF{}
	}
	fx, fy := math.Floor(u), math.Floor(v)
	ax, ay := u-fx, v-fy
	ix, iy := clampCoord(fx), clampCoord(fy)
	var out [4]float64
	for _, t := range [4]struct {
		dx, dy int
		w      float64
	}{{0, 0, (1 - ax) * (1 - ay)}, {1, 0, ax * (1 - ay)}, {0, 1, (1 - ax) * ay}, {1, 1, ax * ay}} {
		p := s.texel(ix+t.dx, iy+t.dy)
		for ch := range out {
			out[ch] += t.w * float64(p>>(8*ch)&0xff)
		}
	}
	return colorF{float32(out[0]), float32(out[1]), float32(out[2]), float32(out[3])}
}

func clampCoord(f float64) int { return int(max(-coordLimit, min(coordLimit, f))) }

// shadeRow samples a row with 16-bit bilinear weights, well under a
// channel step from the reference. For affine maps the sample point
// advances by the inverse matrix's first column per pixel.
func (s *imageShader) shadeRow(dst []uint8, x0, y int) {
	fy := float64(y) + 0.5
	if s.projective || s.transparentOutside {
		for i := 0; i+4 <= len(dst); i += 4 {
			var p uint32
			if u, v, ok := s.source(float64(x0+i/4)+0.5, fy); ok {
				p = s.bilinear(u, v)
			}
			binary.LittleEndian.PutUint32(dst[i:], p)
		}
		return
	}
	u, v, _ := s.source(float64(x0)+0.5, fy)
	du, dv := float64(s.inv[0]), float64(s.inv[1])
	for i := 0; i+4 <= len(dst); i += 4 {
		binary.LittleEndian.PutUint32(dst[i:], s.bilinear(u, v))
		u += du
		v += dv
	}
}

// bilinear filters the four texels around (u, v) (texel centres on
// integers) with 16-bit weights and one rounding.
func (s *imageShader) bilinear(u, v float64) uint32 {
	b := s.img.Rect
	w, h := b.Dx(), b.Dy()
	pix, stride := s.img.Pix, s.img.Stride
	fu, fv := math.Floor(u), math.Floor(v)
	wx := uint64((u - fu) * 65536)
	wy := uint64((v - fv) * 65536)
	ix, iy := clampCoord(fu), clampCoord(fv)
	x0, x1 := wrap(ix, w, s.rx), wrap(ix+1, w, s.rx)
	y0, y1 := wrap(iy, h, s.ry), wrap(iy+1, h, s.ry)
	r0, r1 := y0*stride, y1*stride
	p00 := binary.LittleEndian.Uint32(pix[r0+4*x0:])
	p10 := binary.LittleEndian.Uint32(pix[r0+4*x1:])
	p01 := binary.LittleEndian.Uint32(pix[r1+4*x0:])
	p11 := binary.LittleEndian.Uint32(pix[r1+4*x1:])
	if p00 == p10 && p00 == p01 && p00 == p11 {
		return p00 // flat region: the filter cannot change it
	}
	var out uint32
	for sh := 0; sh < 32; sh += 8 {
		top := uint64(p00>>sh&0xff)*(65536-wx) + uint64(p10>>sh&0xff)*wx
		bot := uint64(p01>>sh&0xff)*(65536-wx) + uint64(p11>>sh&0xff)*wx
		out |= uint32((top*(65536-wy)+bot*wy+1<<31)>>32) << sh
	}
	return out
}

// layerShader reads a layer's pixels one to one.
type layerShader struct{ img *image.RGBA }

func (s *layerShader) shadeRow(dst []uint8, x0, y int) {
	i := s.img.PixOffset(x0, y)
	copy(dst, s.img.Pix[i:i+len(dst)])
}

func (s *layerShader) colorAt(x, y float32) colorF {
	i := s.img.PixOffset(int(math.Floor(float64(x))), int(math.Floor(float64(y))))
	return premul(binary.LittleEndian.Uint32(s.img.Pix[i:])).float()
}
