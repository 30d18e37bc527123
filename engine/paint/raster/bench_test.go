package raster

import (
	"image"
	"image/color"
	"image/draw"
	"math/rand/v2"
	"testing"
)

// One benchmark per fast path. ns/px is reported where the work is per
// pixel; compare BenchmarkSrcOverSpan with BenchmarkImageDrawOver (Go's
// image/draw on the same pixels).

const benchW, benchH = 512, 512

func benchCanvas() *Canvas {
	img := image.NewRGBA(image.Rect(0, 0, benchW, benchH))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	for i := 3; i < len(img.Pix); i += 4 {
		img.Pix[i] = 255
	}
	return NewCanvas(img)
}

func perPixel(b *testing.B, px int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(px), "ns/px")
}

func BenchmarkSrcOverSpan(b *testing.B) {
	c := benchCanvas()
	p := Solid(Color{200, 100, 50, 128})
	for b.Loop() {
		c.FillRect(Rect{0, 0, benchW, benchH}, p)
	}
	perPixel(b, benchW*benchH)
}

// BenchmarkSrcOverSpanRows is BenchmarkSrcOverSpan one pixel in from each
// side: every row is its own span (the kernel plus per-row cost, where the
// full-width fill above runs as a single contiguous span).
func BenchmarkSrcOverSpanRows(b *testing.B) {
	c := benchCanvas()
	p := Solid(Color{200, 100, 50, 128})
	for b.Loop() {
		c.FillRect(Rect{1, 0, benchW - 1, benchH}, p)
	}
	perPixel(b, (benchW-2)*benchH)
}

func BenchmarkOpaqueFill(b *testing.B) {
	c := benchCanvas()
	p := Solid(Color{200, 100, 50, 255})
	for b.Loop() {
		c.FillRect(Rect{0, 0, benchW, benchH}, p)
	}
	perPixel(b, benchW*benchH)
}

func BenchmarkRRectFill(b *testing.B) {
	c := benchCanvas()
	p := Solid(Color{200, 100, 50, 200})
	rr := RRect{Rect: Rect{0.5, 0.5, benchW - 0.5, benchH - 0.5}, Radii: Uniform(24)}
	for b.Loop() {
		c.FillRRect(rr, p)
	}
	perPixel(b, benchW*benchH)
}

func BenchmarkImageDrawOver(b *testing.B) {
	c := benchCanvas()
	src := image.NewUniform(color.RGBA{100, 50, 25, 128})
	for b.Loop() {
		draw.Draw(c.Image(), c.Image().Rect, src, image.Point{}, draw.Over)
	}
	perPixel(b, benchW*benchH)
}

type benchOutliner struct{}

// AppendGlyphOutline returns an "o"-like ring of a 16 px glyph.
func (benchOutliner) AppendGlyphOutline(dst []Segment, font, glyph uint32, size float32) []Segment {
	p := Path{Segs: dst}
	p.AddEllipse(4.5, -4.5, 4, 4.6)
	p.AddRRect(RRect{Rect: Rect{2.2, -7.8, 6.8, -1.2}, Radii: Uniform(3)}, false)
	return p.Segs
}

func BenchmarkGlyphCached(b *testing.B) {
	c := benchCanvas()
	var gc GlyphCache
	col := Color{20, 20, 20, 255}
	c.DrawGlyph(&gc, benchOutliner{}, 1, 1, 16, 10, 20, col)
	for b.Loop() {
		c.DrawGlyph(&gc, benchOutliner{}, 1, 1, 16, 10, 20, col)
	}
}

func BenchmarkGlyphUncached(b *testing.B) {
	c := benchCanvas()
	var gc GlyphCache
	col := Color{20, 20, 20, 255}
	for b.Loop() {
		gc.Clear()
		c.DrawGlyph(&gc, benchOutliner{}, 1, 1, 16, 10, 20, col)
	}
}

func BenchmarkGaussianBlur200(b *testing.B) {
	c := benchCanvas()
	for b.Loop() {
		c.PushLayer(Rect{100, 100, 300, 300}, 1, Filter{Kind: Blur, Amount: 4})
		c.FillRRect(RRect{Rect: Rect{120, 120, 280, 280}, Radii: Uniform(16)}, Solid(Color{0, 0, 200, 255}))
		c.PopLayer()
	}
}

func BenchmarkBilinearImage(b *testing.B) {
	c := benchCanvas()
	img := randImage(rand.New(rand.NewPCG(1, 1)), 100, 80)
	dst := Rect{0, 0, 300, 240}
	p := Paint{Image: &ImagePaint{Img: img, Transform: ImageRectTransform(img, dst)}}
	for b.Loop() {
		c.FillRect(dst, p)
	}
	perPixel(b, 300*240)
}

func BenchmarkLinearGradient(b *testing.B) {
	c := benchCanvas()
	r := Rect{0, 0, 300, 240}
	p := Paint{Gradient: LinearGradient(r, 0.7, []Stop{{0, Color{255, 0, 0, 255}}, {1, Color{0, 0, 255, 128}}}, false)}
	for b.Loop() {
		c.FillRect(r, p)
	}
	perPixel(b, 300*240)
}

// TestSteadyStateAllocs proves a frame of every operation allocates nothing
// once the canvas's pools, the glyph cache and the rasterizer are warm.
func TestSteadyStateAllocs(t *testing.T) {
	c := NewCanvas(image.NewRGBA(image.Rect(0, 0, 200, 160)))
	var gc GlyphCache
	img := randImage(rand.New(rand.NewPCG(1, 1)), 20, 16)
	ip := &ImagePaint{Img: img, Transform: ImageRectTransform(img, Rect{10, 10, 90, 70})}
	grad := LinearGradient(Rect{0, 0, 100, 50}, 1, []Stop{{0, Color{255, 0, 0, 255}}, {1, Color{0, 0, 255, 255}}}, false)
	var path Path
	path.MoveTo(5, 5)
	path.CubeTo(60, 0, 80, 90, 10, 70)
	path.Close()
	border := Border{Box: RRect{Rect: Rect{20, 20, 120, 90}, Radii: Uniform(10)},
		Top:    BorderSide{2, Color{0, 0, 0, 255}, BorderDashed},
		Right:  BorderSide{3, Color{200, 0, 0, 255}, BorderSolid},
		Bottom: BorderSide{2, Color{0, 0, 0, 255}, BorderDotted},
		Left:   BorderSide{1, Color{0, 0, 0, 255}, BorderDouble}}
	frame := func() {
		c.Reset(c.Image())
		c.Clear(Color{255, 255, 255, 255})
		c.PushClipRRect(RRect{Rect: Rect{2.5, 2.5, 190, 150}, Radii: Uniform(12)})
		c.FillRect(Rect{0, 0, 100, 50}, Paint{Gradient: grad})
		c.FillRRect(RRect{Rect: Rect{10.5, 60, 80, 120}, Radii: Uniform(8)}, Solid(Color{0, 128, 0, 200}))
		c.FillRect(Rect{10, 10, 90, 70}, Paint{Image: ip})
		c.FillPath(&path, Rotate(0.2), Solid(Color{0, 0, 0, 128}))
		c.DrawBoxShadow(RRect{Rect: Rect{100, 20, 160, 80}, Radii: Uniform(6)}, Shadow{2, 3, 8, 1, Color{0, 0, 0, 100}, false})
		c.DrawBorder(border)
		c.PushLayer(Rect{50, 50, 150, 150}, 0.5, Filter{Kind: Blur, Amount: 3})
		c.FillRect(Rect{60, 60, 140, 140}, Solid(Color{0, 0, 255, 255}))
		c.PopLayer()
		c.PushLayer(Rect{0, 0, 60, 60}, 1, Filter{Kind: Sepia, Amount: 1})
		for i := 0; i < 20; i++ {
			c.DrawGlyph(&gc, benchOutliner{}, 1, uint32(i%5), 16, float32(i)*7.3, 40, Color{0, 0, 0, 255})
		}
		c.PopLayer()
		c.PushProjectedLayer(Rect{0, 0, 40, 30}, 1, Filter{}, Homography{1, 0.2, 100, 0, 1, 100, 0.001, 0, 1})
		c.FillRect(Rect{0, 0, 40, 30}, Solid(Color{255, 0, 0, 255}))
		c.PopLayer()
		c.PopClip()
	}
	frame()
	frame()
	if n := testing.AllocsPerRun(20, frame); n != 0 {
		t.Fatalf("steady-state frame allocates %v times", n)
	}
}
