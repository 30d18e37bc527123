package raster

import "encoding/binary"

// The span kernels below are the fast paths of every fill. Each works on one
// row of premultiplied RGBA bytes and is tested exhaustively or against the
// float reference (composite_test.go). Channel math uses SWAR: a pixel's
// R,B and G,A bytes are spread into 16-bit lanes (mask 0x00FF00FF) so one
// multiply scales two channels, and div255 rounds exactly per lane.

const (
	lanes32 = 0x00FF00FF
	round32 = 0x00800080
	lanes64 = 0x00FF00FF00FF00FF
	round64 = 0x0080008000800080
)

// fillSpan stores p in every pixel of row: the opaque fast path, a memory
// fill by doubling copies (memmove is the fastest store loop Go has).
func fillSpan(row []uint8, p premul) {
	if len(row) < 4 {
		return
	}
	binary.LittleEndian.PutUint32(row, uint32(p))
	for n := 4; n < len(row); n *= 2 {
		copy(row[n:], row[:n])
	}
}

// overSpanGo is the portable src-over span (overSpan picks it, or the AVX2
// kernel of span_amd64.s): dst = p + dst·(255−αp)/255, two pixels per
// 64-bit word, eight per iteration. It scales by k = ia + ia>>7 (≈ ia·256/255) and shifts instead
// of dividing: at most one step from the exact result (exhaustively checked
// by TestOverSpanExhaustive), twice as fast as exact rounding, and the only
// kernel where that trade matters (spec target: src-over ≤ 0.5 ns/px). The
// sum cannot carry across bytes because p's channels are ≤ αp.
func overSpanGo(row []uint8, p premul) {
	ia := uint64(255 - p.a())
	k := ia + ia>>7
	s64 := uint64(p) | uint64(p)<<32
	i := 0
	for ; i+32 <= len(row); i += 32 {
		r := row[i : i+32 : i+32]
		d0 := binary.LittleEndian.Uint64(r[0:])
		d1 := binary.LittleEndian.Uint64(r[8:])
		d2 := binary.LittleEndian.Uint64(r[16:])
		d3 := binary.LittleEndian.Uint64(r[24:])
		binary.LittleEndian.PutUint64(r[0:], scaleApprox64(d0, k)+s64)
		binary.LittleEndian.PutUint64(r[8:], scaleApprox64(d1, k)+s64)
		binary.LittleEndian.PutUint64(r[16:], scaleApprox64(d2, k)+s64)
		binary.LittleEndian.PutUint64(r[24:], scaleApprox64(d3, k)+s64)
	}
	for ; i+4 <= len(row); i += 4 {
		d := binary.LittleEndian.Uint32(row[i:])
		binary.LittleEndian.PutUint32(row[i:], uint32(scaleApprox64(uint64(d), k))+uint32(p))
	}
}

// scaleApprox64 returns ≈ d·k/256 per byte of two packed pixels, rounded.
func scaleApprox64(d, k uint64) uint64 {
	rb := ((d&lanes64)*k + round64) >> 8 & lanes64
	ag := ((d>>8&lanes64)*k + round64) &^ lanes64
	return rb | ag
}

// scale64 returns round(d·k/255) per byte for two packed pixels (k ≤ 255).
func scale64(d, k uint64) uint64 {
	rb := (d&lanes64)*k + round64
	rb = (rb + (rb>>8)&lanes64) >> 8 & lanes64
	ag := (d>>8&lanes64)*k + round64
	ag = (ag + (ag>>8)&lanes64) &^ lanes64
	return rb | ag
}

// scale32 returns round(d·k/255) per byte of one packed pixel (k ≤ 255).
func scale32(d, k uint32) uint32 {
	rb := (d&lanes32)*k + round32
	rb = (rb + (rb>>8)&lanes32) >> 8 & lanes32
	ag := (d>>8&lanes32)*k + round32
	ag = (ag + (ag>>8)&lanes32) &^ lanes32
	return rb | ag
}

// over1 is src-over of one premultiplied pixel with full coverage.
func over1(d, s uint32) uint32 { return scale32(d, 255-s>>24) + s }

// overCov is src-over of pixel s with coverage c (0..255) on d, with a single
// rounding: out = (s·c·255 + d·(255² − αs·c)) / 255², which is exactly the
// float Porter-Duff result rounded (the reference path).
func overCov(d, s, c uint32) uint32 {
	ka := 65025 - (s>>24)*c
	kc := c * 255
	r := ((s&0xff)*kc + (d&0xff)*ka + 32512) / 65025
	g := ((s>>8&0xff)*kc + (d>>8&0xff)*ka + 32512) / 65025
	b := ((s>>16&0xff)*kc + (d>>16&0xff)*ka + 32512) / 65025
	a := ((s>>24)*kc + (d>>24)*ka + 32512) / 65025
	return r | g<<8 | b<<16 | a<<24
}

// overSpanConst composites p with constant partial coverage c (an
// anti-aliased edge row or a layer's opacity).
func overSpanConst(row []uint8, p premul, c uint32) {
	for i := 0; i+4 <= len(row); i += 4 {
		d := binary.LittleEndian.Uint32(row[i:])
		binary.LittleEndian.PutUint32(row[i:], overCov(d, uint32(p), c))
	}
}

// overSpanMask composites p through a coverage mask (glyphs, path edges,
// shadows): zero coverage is skipped, full coverage takes the opaque or
// src-over path.
func overSpanMask(row []uint8, p premul, cov []uint8) {
	if p.a() == 255 {
		lerpSpanMask(row, p, cov)
		return
	}
	cov = cov[:len(row)/4]
	for j, c := range cov {
		switch c {
		case 0:
		case 255:
			i := j * 4
			binary.LittleEndian.PutUint32(row[i:], over1(binary.LittleEndian.Uint32(row[i:]), uint32(p)))
		default:
			i := j * 4
			binary.LittleEndian.PutUint32(row[i:], overCov(binary.LittleEndian.Uint32(row[i:]), uint32(p), uint32(c)))
		}
	}
}

// lerpSpanMask is overSpanMask for an opaque colour (most text). With
// αs = 255 overCov's single rounding factors to (s·c + d·(255−c))/255, a
// lerp that fits 16-bit lanes: two SWAR multiply pairs per pixel and the
// exact div255 instead of four 32-bit divisions, same result bit for bit.
func lerpSpanMask(row []uint8, p premul, cov []uint8) {
	sRB, sAG := uint32(p)&lanes32, uint32(p)>>8&lanes32
	cov = cov[:len(row)/4]
	for j, c := range cov {
		i := j * 4
		switch c {
		case 0:
		case 255:
			binary.LittleEndian.PutUint32(row[i:], uint32(p))
		default:
			d := binary.LittleEndian.Uint32(row[i:])
			k, ik := uint32(c), 255-uint32(c)
			rb := sRB*k + (d&lanes32)*ik + round32
			rb = (rb + (rb>>8)&lanes32) >> 8 & lanes32
			ag := sAG*k + (d>>8&lanes32)*ik + round32
			ag = (ag + (ag>>8)&lanes32) &^ lanes32
			binary.LittleEndian.PutUint32(row[i:], rb|ag)
		}
	}
}

// overSpanShaded composites a row of shaded source pixels (gradient, image,
// layer) with a constant coverage c or, when cov is non-nil, per-pixel
// coverage.
func overSpanShaded(row, src []uint8, cov []uint8, c uint32) {
	src = src[:len(row)]
	switch {
	case cov != nil:
		cov = cov[:len(row)/4]
		for j, k := range cov {
			if k == 0 {
				continue
			}
			i := j * 4
			s := binary.LittleEndian.Uint32(src[i:])
			d := binary.LittleEndian.Uint32(row[i:])
			if k == 255 {
				binary.LittleEndian.PutUint32(row[i:], over1(d, s))
			} else {
				binary.LittleEndian.PutUint32(row[i:], overCov(d, s, uint32(k)))
			}
		}
	case c == 255:
		for i := 0; i+4 <= len(row); i += 4 {
			s := binary.LittleEndian.Uint32(src[i:])
			switch s >> 24 {
			case 0:
			case 255:
				binary.LittleEndian.PutUint32(row[i:], s)
			default:
				binary.LittleEndian.PutUint32(row[i:], over1(binary.LittleEndian.Uint32(row[i:]), s))
			}
		}
	default:
		for i := 0; i+4 <= len(row); i += 4 {
			s := binary.LittleEndian.Uint32(src[i:])
			binary.LittleEndian.PutUint32(row[i:], overCov(binary.LittleEndian.Uint32(row[i:]), s, c))
		}
	}
}

// mulCov combines two coverages with one rounding.
func mulCov(a, b uint8) uint8 { return uint8(div255(uint32(a) * uint32(b))) }
