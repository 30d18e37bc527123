//go:build !amd64 || purego

package raster

// spanSIMD is always false where no vector kernel exists (non-amd64, or the
// purego build tag); composite_test.go checks it still runs both paths.
var spanSIMD = false

const spanSIMDAvailable = false

// overSpan composites the constant translucent colour p over every pixel of
// row with the portable SWAR kernel.
func overSpan(row []uint8, p premul) { overSpanGo(row, p) }

// lerpGlyph has no vector kernel here: the caller runs the portable loop.
func lerpGlyph(pix []uint8, i, stride int, mask []uint8, w, h int, p premul) bool { return false }
