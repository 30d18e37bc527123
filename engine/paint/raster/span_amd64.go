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
