package engine

import (
	"image"
	"path/filepath"
	"testing"
)

// loadPaintPage loads a test page at 375×667 @2 and renders a first frame
// (decoding images, filling the glyph cache and the layer pools).
func loadPaintPage(tb testing.TB, name string) (*Page, *image.RGBA) {
	tb.Helper()
	p, err := Load(filepath.Join("..", "testdata", "pages", name), LoadOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2})
	img := image.NewRGBA(image.Rect(0, 0, 750, 1334))
	p.Render(img)
	return p, img
}

// TestRenderAllocs: repainting an unchanged page allocates nothing — the
// display list, gradients, glyph masks and layer buffers are all reused.
func TestRenderAllocs(t *testing.T) {
	for _, name := range []string{"showcase", "feed", "effects", "transforms", "backgrounds", "text-en", "product-grid"} {
		p, img := loadPaintPage(t, name)
		p.Render(img)
		if n := testing.AllocsPerRun(5, func() { p.Render(img) }); n != 0 {
			t.Errorf("%s: %v allocations per unchanged frame, want 0", name, n)
		}
	}
}

// BenchmarkRender is a full-frame raster of a page at 750×1334 (375×667
// @2): Update (nothing to do), display-list build and execution.
func BenchmarkRender(b *testing.B) {
	for _, name := range []string{"showcase", "feed"} {
		b.Run(name, func(b *testing.B) {
			p, img := loadPaintPage(b, name)
			b.ReportAllocs()
			for b.Loop() {
				p.Render(img)
			}
		})
	}
}

// BenchmarkPaintBuild is the display-list build alone (the part a scroll
// stage would skip by replaying cached lists).
func BenchmarkPaintBuild(b *testing.B) {
	p, _ := loadPaintPage(b, "feed")
	b.ReportAllocs()
	for b.Loop() {
		p.buildDisplayList()
	}
	ops, glyphs := p.pipe.lt.paint.pt.Len()
	b.ReportMetric(float64(ops), "ops")
	b.ReportMetric(float64(glyphs), "glyphs")
}
