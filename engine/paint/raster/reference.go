package raster

import "image"

// The generic per-pixel path. It is the definition the fast paths are
// tested against (reference_test.go), written for obviousness: per pixel,
// coverage (8-bit, like every mask) times the clip, the paint's colour at
// the pixel centre, and Porter-Duff src-over on premultiplied colours in
// float: dst = src·cov + dst·(1 − αsrc·cov).

// refOver composites src with coverage cov (0..255) over dst, in float.
func refOver(dst, src premul, cov uint8) premul {
	s, d := src.float(), dst.float()
	k := float32(cov) / 255
	ia := 1 - s.A/255*k
	return colorF{s.R*k + d.R*ia, s.G*k + d.G*ia, s.B*k + d.B*ia, s.A*k + d.A*ia}.quantize()
}

// refFill composites paint over every pixel of bounds with coverage cov.
func (c *Canvas) refFill(p *paintState, bounds image.Rectangle, cov func(x, y int) float32) {
	c.refFillBytes(p, bounds, func(x, y int) uint8 { return covByte(cov(x, y)) })
}

// refFillBytes is refFill for coverage that is already 8-bit (masks).
func (c *Canvas) refFillBytes(p *paintState, bounds image.Rectangle, cov func(x, y int) uint8) {
	b := bounds.Intersect(c.dst.Rect)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			k := mulCov(cov(x, y), c.refClip(x, y))
			if k == 0 {
				continue
			}
			i := c.dst.PixOffset(x, y)
			d := premul(uint32(c.dst.Pix[i]) | uint32(c.dst.Pix[i+1])<<8 | uint32(c.dst.Pix[i+2])<<16 | uint32(c.dst.Pix[i+3])<<24)
			o := refOver(d, p.colorAt(x, y), k)
			c.dst.Pix[i], c.dst.Pix[i+1], c.dst.Pix[i+2], c.dst.Pix[i+3] = uint8(o), uint8(o>>8), uint8(o>>16), uint8(o>>24)
		}
	}
}
