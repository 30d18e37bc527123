package raster

// Color is a straight (non-premultiplied) sRGB colour with 8-bit alpha, as
// CSS writes it (spec §2.1 <color>); paint converts parsed colours to it.
type Color struct{ R, G, B, A uint8 }

// RGBA builds a Color.
func RGBA(r, g, b, a uint8) Color { return Color{r, g, b, a} }

// Transparent is the zero Color.
var Transparent = Color{}

// premul is a premultiplied colour packed as the little-endian uint32 of its
// R, G, B, A bytes, so that storing it writes one image.RGBA pixel.
type premul uint32

// Premul returns c premultiplied by its alpha, each channel rounded.
func (c Color) premul() premul {
	a := uint32(c.A)
	return pack(div255(uint32(c.R)*a), div255(uint32(c.G)*a), div255(uint32(c.B)*a), a)
}

func pack(r, g, b, a uint32) premul { return premul(r | g<<8 | b<<16 | a<<24) }

func (p premul) a() uint32 { return uint32(p) >> 24 }

// div255 is round(x/255) for 0 ≤ x ≤ 255·255+…: the classic exact
// rounding-division trick (Jim Blinn, "Three Wrongs Make a Right").
func div255(x uint32) uint32 {
	x += 128
	return (x + x>>8) >> 8
}

// colorF is a premultiplied colour in [0, 255] float channels, used by the
// reference path and by gradient stop interpolation.
type colorF struct{ R, G, B, A float32 }

func (c Color) premulF() colorF {
	a := float32(c.A) / 255
	return colorF{float32(c.R) * a, float32(c.G) * a, float32(c.B) * a, float32(c.A)}
}

// quantize rounds a premultiplied float colour to 8 bits, keeping every
// channel ≤ alpha so the integer compositor can never carry across bytes.
func (c colorF) quantize() premul {
	a := roundByte(c.A)
	return pack(min(roundByte(c.R), a), min(roundByte(c.G), a), min(roundByte(c.B), a), a)
}

func roundByte(v float32) uint32 {
	if !(v > 0) {
		return 0
	}
	if v >= 255 {
		return 255
	}
	return uint32(v + 0.5)
}

func (p premul) float() colorF {
	return colorF{float32(p & 0xff), float32(p >> 8 & 0xff), float32(p >> 16 & 0xff), float32(p >> 24)}
}

// within reports whether two packed pixels differ by at most tol in every
// channel.
func within(a, b uint32, tol int) bool {
	for sh := 0; sh < 32; sh += 8 {
		d := int(a>>sh&0xff) - int(b>>sh&0xff)
		if d > tol || d < -tol {
			return false
		}
	}
	return true
}
