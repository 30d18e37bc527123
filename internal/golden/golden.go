// Package golden compares rendered frames with the committed reference
// PNGs under testdata/golden, for the engine's and the app's golden tests
// (testdata/golden/README.md). It imports only the standard library.
package golden

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// Tolerance: a channel may differ by ChannelTol levels; beyond that, at most
// BadFraction of the pixels may differ (anti-aliasing that rounds the other
// way on another CPU's float arithmetic). A misplaced box, a wrong colour or
// a missing glyph run changes far more pixels than that.
const (
	ChannelTol  = 2
	BadFraction = 0.0005
)

// Check compares img with the golden PNG at path, or rewrites the PNG when
// update is set. On a mismatch it writes the frame to the test's temp dir
// and names it in the failure. how tells the reader the command that
// rewrites the goldens.
func Check(t *testing.T, img *image.RGBA, path string, update bool, how string) {
	t.Helper()
	if update {
		if err := WritePNG(path, img); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := ReadPNG(path)
	if err != nil {
		t.Fatalf("%v (run %s)", err, how)
	}
	if want.Rect != img.Rect {
		t.Fatalf("size %v, golden %v", img.Rect.Size(), want.Rect.Size())
	}
	bad := CountDiff(img, want, ChannelTol)
	if limit := int(BadFraction * float64(len(img.Pix)/4)); bad > limit {
		out := filepath.Join(t.TempDir(), filepath.Base(path))
		if err := WritePNG(out, img); err != nil {
			t.Log(err)
		}
		t.Errorf("%d pixels differ by more than %d levels (limit %d); got %s", bad, ChannelTol, limit, out)
	}
}

// CountDiff counts the pixels where some channel differs by more than tol.
func CountDiff(a, b *image.RGBA, tol int) int {
	n := 0
	for i := 0; i+4 <= len(a.Pix) && i+4 <= len(b.Pix); i += 4 {
		for c := range 4 {
			if d := int(a.Pix[i+c]) - int(b.Pix[i+c]); d > tol || d < -tol {
				n++
				break
			}
		}
	}
	return n
}

// WritePNG writes img, best compression (goldens are committed).
func WritePNG(path string, img *image.RGBA) error {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// ReadPNG reads a PNG as RGBA.
func ReadPNG(path string) (*image.RGBA, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if rgba, ok := m.(*image.RGBA); ok {
		return rgba, nil
	}
	out := image.NewRGBA(m.Bounds())
	for y := m.Bounds().Min.Y; y < m.Bounds().Max.Y; y++ {
		for x := m.Bounds().Min.X; x < m.Bounds().Max.X; x++ {
			out.Set(x, y, m.At(x, y))
		}
	}
	return out, nil
}
