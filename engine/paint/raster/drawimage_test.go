package raster

import (
	"image"
	"testing"
)

// TestDrawImageMatchesLayer: DrawImage with opaque runs (copy inside the
// runs, blend outside) equals the generic layer composite, for a layer
// moved partly outside a rectangular clip.
func TestDrawImageMatchesLayer(t *testing.T) {
	img := image.NewRGBA(image.Rect(3, 5, 43, 35))
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		for x := img.Rect.Min.X; x < img.Rect.Max.X; x++ {
			i := img.PixOffset(x, y)
			a := uint8(255)
			switch {
			case x < 6 || y%7 == 0:
				a = uint8(x * 9 % 256) // translucent edge and stripes
			case x > 38:
				a = 0
			}
			r := uint8(x * 5 % 256)
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = min(r, a), min(uint8(y*7), a), a/2, a
		}
	}
	runs := OpaqueRuns(img, nil)
	if runs[2] != 3 || runs[3] != 36 {
		t.Fatalf("row 1 opaque run [%d, %d), want [3, 36)", runs[2], runs[3])
	}
	for _, clip := range []Rect{{0, 0, 64, 64}, {10, 12, 30, 28}} {
		bg := func() *image.RGBA {
			d := image.NewRGBA(image.Rect(0, 0, 64, 64))
			for i := range d.Pix {
				d.Pix[i] = uint8(i * 13)
				if i%4 == 3 {
					d.Pix[i] = 255
				}
			}
			return d
		}
		a, b := bg(), bg()
		ca, cb := NewCanvas(a), NewCanvas(b)
		ca.PushClipRect(clip)
		cb.PushClipRect(clip)
		ca.DrawImage(img, runs, 1)
		cb.DrawImage(img, nil, 1) // the generic path
		for i := range a.Pix {
			if a.Pix[i] != b.Pix[i] {
				t.Fatalf("clip %v: byte %d differs: %d vs %d", clip, i, a.Pix[i], b.Pix[i])
			}
		}
	}
}
