//go:build !purego

package raster

import "golang.org/x/sys/cpu"

// spanSIMD selects the AVX2 src-over span kernel (span_amd64.s). It is a
// variable, not a constant, so tests can force the portable kernel and run
// the same exhaustive checks against both.
var spanSIMD = spanSIMDAvailable

// spanSIMDAvailable reports whether the CPU (and OS) support AVX2.
var spanSIMDAvailable = cpu.X86.HasAVX2

//go:noescape
func overSpanAVX2(row []uint8, p uint32)

// overSpan composites the constant translucent colour p over every pixel of
// row. On AVX2 machines whole 8-pixel blocks go through the vector kernel
// (exact rounding, ~4× the SWAR loop's throughput: BenchmarkSrcOverSpan)
// and the tail through the portable one.
func overSpan(row []uint8, p premul) {
	if spanSIMD && len(row) >= 32 {
		n := len(row) &^ 31
		overSpanAVX2(row[:n], uint32(p))
		row = row[n:]
	}
	overSpanGo(row, p)
}

//go:noescape
func lerpGlyphAVX2(dst *uint8, stride int, mask *uint8, w, h int, s uint64)

// lerpGlyph blends an opaque colour p through a w×h coverage mask onto the
// rows of pix from offset i, stride bytes apart, with the AVX2 kernel; it
// reports false (and does nothing) where that kernel is not available or
// the rows would not fit in pix, so the caller runs the portable loop.
func lerpGlyph(pix []uint8, i, stride int, mask []uint8, w, h int, p premul) bool {
	if !spanSIMD || w <= 0 || h <= 0 || i < 0 || len(mask) < w*h || i+(h-1)*stride+4*w > len(pix) {
		return false
	}
	s := uint64(p&0xff) | uint64(p>>8&0xff)<<16 | uint64(p>>16&0xff)<<32 | uint64(p>>24)<<48
	lerpGlyphAVX2(&pix[i], stride, &mask[0], w, h, s)
	return true
}
