// Package golden is the engine tests' name for skytest/golden, the
// project's one golden-image mechanism: every function forwards to it (the
// engine's tests import this path; the other tests import skytest/golden
// directly). It imports skytest/golden only.
package golden

import (
	"image"
	"testing"

	sky "github.com/skyline-go/skyline/skytest/golden"
)

// Tolerance (sky.Default): a channel may differ by ChannelTol levels;
// beyond that, at most BadFraction of the pixels may differ.
const (
	ChannelTol  = 2
	BadFraction = 0.0005
)

// Check is sky.Check.
func Check(t *testing.T, img *image.RGBA, path string, update bool, how string) {
	t.Helper()
	sky.Check(t, img, path, update, how)
}

// CountDiff is sky.CountDiff.
func CountDiff(a, b *image.RGBA, tol int) int { return sky.CountDiff(a, b, tol) }

// WritePNG is sky.WritePNG.
func WritePNG(path string, img *image.RGBA) error { return sky.WritePNG(path, img) }

// ReadPNG is sky.ReadPNG.
func ReadPNG(path string) (*image.RGBA, error) { return sky.ReadPNG(path) }
