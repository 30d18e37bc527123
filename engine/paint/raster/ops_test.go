package raster

import (
	"fmt"
	"image"
	"math"
	"math/rand/v2"
	"testing"
)

func randStops(rng *rand.Rand) []Stop {
	n := 2 + int(rng.UintN(3))
	s := make([]Stop, n)
	for i := range s {
		s[i] = Stop{Pos: rng.Float32()*1.4 - 0.2, Color: randColor(rng)}
	}
	if rng.UintN(3) == 0 && n > 2 {
		s[2].Pos = s[1].Pos // a hard stop
	}
	return s
}

func randImage(rng *rand.Rand, w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < w*h; i++ {
		p := randColor(rng).premul()
		m.Pix[4*i], m.Pix[4*i+1], m.Pix[4*i+2], m.Pix[4*i+3] = uint8(p), uint8(p>>8), uint8(p>>16), uint8(p>>24)
	}
	return m
}

func TestPaintsAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	var tl tally
	defer tl.check(t)
	for iter := 0; iter < 300; iter++ {
		bg := randBackground(rng)
		clip := randClip(rng)
		r := randRect(rng)
		rr := RRect{Rect: r, Radii: randRadii(rng, r)}
		var p Paint
		switch iter % 4 {
		case 0:
			p.Gradient = LinearGradient(r, rng.Float32()*7-1, randStops(rng), rng.UintN(2) == 0)
		case 1:
			p.Gradient = RadialGradient(Point{r.X0 + rng.Float32()*r.W(), r.Y0}, rng.Float32()*30, randStops(rng), rng.UintN(2) == 0)
		case 2:
			p.Gradient = ConicGradient(Point{r.X0 + r.W()/2, r.Y0 + r.H()/2}, rng.Float32()*7, randStops(rng), rng.UintN(2) == 0)
		case 3:
			img := randImage(rng, 1+int(rng.UintN(6)), 1+int(rng.UintN(6)))
			m := ImageRectTransform(img, r)
			if rng.UintN(2) == 0 {
				m = m.Mul(Rotate(rng.Float64() - 0.5))
			}
			p.Image = &ImagePaint{Img: img, Transform: m, RepeatX: rng.UintN(2) == 0, RepeatY: rng.UintN(2) == 0}
		}
		tl.add(compareOp(t, fmt.Sprintf("paint %d #%d", iter%4, iter), bg, 1, func(c *Canvas) {
			clip(c)
			c.FillRRect(rr, p)
		}))
	}
}

func TestLayersAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 1))
	kinds := []FilterKind{NoFilter, Blur, Grayscale, Brightness, Contrast, Opacity, Saturate, Sepia, Invert, HueRotate}
	var tl tally
	defer tl.check(t)
	for iter := 0; iter < 200; iter++ {
		bg := randBackground(rng)
		clip := randClip(rng)
		f := Filter{Kind: kinds[iter%len(kinds)], Amount: rng.Float32() * 2}
		if f.Kind == Blur {
			f.Amount = rng.Float32() * 6
		}
		op := rng.Float32()
		r1, r2 := randRect(rng), randRect(rng)
		c1, c2 := randColor(rng), randColor(rng)
		bounds := randRect(rng).Inset(-15, -15, -15, -15)
		// A filtered layer is quantised twice (filter output, then the
		// composite), each stage within one step of its reference
		// (TestFilterFastAgainstReference, the span kernels): two in all.
		tol := 1
		if f.Kind != NoFilter {
			tol = 2
		}
		tl.add(compareOp(t, fmt.Sprintf("layer %v #%d", f, iter), bg, tol, func(c *Canvas) {
			clip(c)
			c.PushLayer(bounds, op, f)
			c.FillRRect(RRect{Rect: r1, Radii: Uniform(4)}, Solid(c1))
			c.PushClipRect(r2.Inset(-5, -5, -5, -5))
			c.FillRect(r2, Solid(c2))
			c.PopClip()
			c.PopLayer()
		}))
	}
}

func TestProjectedLayersAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 2))
	var tl tally
	defer tl.check(t)
	for iter := 0; iter < 100; iter++ {
		bg := randBackground(rng)
		c1 := randColor(rng)
		c1.A = 200 + uint8(rng.UintN(56))
		a := Translate(24, 20).Mul(Rotate(rng.Float64() * 6)).Mul(Translate(-10, -8))
		h := HomographyFromAffine(a)
		if iter%2 == 1 {
			h[6], h[7] = (rng.Float32()-0.5)*0.02, (rng.Float32()-0.5)*0.02 // perspective
		}
		op := 0.5 + rng.Float32()/2
		tl.add(compareOp(t, fmt.Sprintf("projected #%d", iter), bg, 1, func(c *Canvas) {
			c.PushProjectedLayer(Rect{0, 0, 20, 16}, op, Filter{}, h)
			c.FillRRect(RRect{Rect: Rect{1, 1, 19, 15}, Radii: Uniform(5)}, Solid(c1))
			c.FillRect(Rect{3, 3, 9, 9}, Solid(Color{255, 0, 0, 255}))
			c.PopLayer()
		}))
	}
}

func TestShadowsAndBordersAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	styles := []BorderStyle{BorderSolid, BorderDashed, BorderDotted, BorderDouble, BorderNone}
	var tl tally
	defer tl.check(t)
	for iter := 0; iter < 200; iter++ {
		bg := randBackground(rng)
		clip := randClip(rng)
		r := XYWH(rng.Float32()*20, rng.Float32()*15, 8+rng.Float32()*25, 8+rng.Float32()*20)
		rr := RRect{Rect: r, Radii: randRadii(rng, r)}
		s := Shadow{OffsetX: rng.Float32()*8 - 4, OffsetY: rng.Float32()*8 - 4, Blur: rng.Float32() * 10,
			Spread: rng.Float32()*6 - 2, Color: randColor(rng), Inset: iter%2 == 0}
		tl.add(compareOp(t, fmt.Sprintf("shadow %+v #%d", s, iter), bg, 1, func(c *Canvas) {
			clip(c)
			c.DrawBoxShadow(rr, s)
		}))
		side := func() BorderSide {
			return BorderSide{Width: rng.Float32() * 6, Color: randColor(rng), Style: styles[rng.UintN(uint(len(styles)))]}
		}
		b := Border{Box: rr, Top: side(), Right: side(), Bottom: side(), Left: side()}
		if iter%3 == 0 { // the uniform fast path
			b.Right, b.Bottom, b.Left = b.Top, b.Top, b.Top
			b.Right.Width, b.Left.Width = rng.Float32()*6, rng.Float32()*6
			b.Top.Style, b.Right.Style, b.Bottom.Style, b.Left.Style = BorderSolid, BorderSolid, BorderSolid, BorderSolid
		}
		tl.add(compareOp(t, fmt.Sprintf("border #%d", iter), bg, 1, func(c *Canvas) {
			clip(c)
			c.DrawBorder(b)
		}))
	}
}

// squareOutliner returns a w×h box glyph with a diagonal notch, offset so
// that part of it lies above the baseline.
type squareOutliner struct{ calls int }

func (o *squareOutliner) AppendGlyphOutline(dst []Segment, font, glyph uint32, size float32) []Segment {
	o.calls++
	w := size * 0.6 * float32(1+glyph%3) / 2
	p := Path{Segs: dst}
	p.MoveTo(0.5, -size*0.7)
	p.LineTo(w, -size*0.7)
	p.QuadTo(w+2, 0, w, 1)
	p.LineTo(0.5, 1)
	p.Close()
	return p.Segs
}

func TestGlyphsAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 6))
	var tl tally
	defer tl.check(t)
	for iter := 0; iter < 100; iter++ {
		bg := randBackground(rng)
		clip := randClip(rng)
		col, col2 := randColor(rng), randColor(rng)
		col2.A = 255
		x, y := rng.Float32()*40, rng.Float32()*40
		size := 8 + rng.Float32()*16
		tl.add(compareOp(t, fmt.Sprintf("glyph #%d", iter), bg, 1, func(c *Canvas) {
			var gc GlyphCache
			clip(c)
			c.DrawGlyph(&gc, &squareOutliner{}, 1, uint32(iter), size, x, y, col)
			// The same glyph again, from the cache and in an opaque
			// colour (the lerp mask kernel), where it may straddle an edge.
			c.DrawGlyph(&gc, &squareOutliner{}, 1, uint32(iter), size, x+7, y-9, col2)
		}))
	}
}

func TestGlyphCache(t *testing.T) {
	c := NewCanvas(image.NewRGBA(image.Rect(0, 0, 64, 64)))
	var o squareOutliner
	gc := GlyphCache{Budget: 2000}
	black := Color{0, 0, 0, 255}
	c.DrawGlyph(&gc, &o, 1, 7, 16, 10, 20, black)
	c.DrawGlyph(&gc, &o, 1, 7, 16, 30.02, 20, black) // same quarter-pixel phase
	if o.calls != 1 || gc.Misses != 1 {
		t.Fatalf("second draw at the same subpixel phase rasterised again (%d calls)", o.calls)
	}
	c.DrawGlyph(&gc, &o, 1, 7, 16, 30.25, 20, black) // next phase
	c.DrawGlyph(&gc, &o, 1, 7, 16.5, 10, 20, black)  // other size
	c.DrawGlyph(&gc, &o, 2, 7, 16, 10, 20, black)    // other font
	if gc.Misses != 4 || gc.Len() != 4 {
		t.Fatalf("misses %d, len %d; want 4 distinct keys", gc.Misses, gc.Len())
	}
	for g := uint32(0); g < 100; g++ {
		c.DrawGlyph(&gc, &o, 1, g, 16, 10, 20, black)
		if len(gc.arena) > gc.Budget {
			t.Fatalf("arena %d bytes over budget %d", len(gc.arena), gc.Budget)
		}
	}
	if gc.Len() >= 100 {
		t.Fatalf("cache kept %d glyphs within a 2000-byte budget", gc.Len())
	}
}

// TestBlurApproximatesGaussian checks the three-box approximation against a
// true Gaussian of the same σ within 20% of the peak (for σ ≥ 2.5: SVG's box
// sizes give a flatter-topped kernel, 18% under the Gaussian's peak at σ = 4;
// a σ off by 2× fails), and the fast running sums against the direct
// convolution to 1e-5.
func TestBlurApproximatesGaussian(t *testing.T) {
	for _, sigma := range []float32{2.5, 4, 7.3} {
		const n = 81
		buf := make([]float32, n*n)
		buf[40*n+40] = 1
		ref := append([]float32(nil), buf...)
		blurPlanes(buf, n, n, 1, sigma, make([]float32, blurTmpLen(n, n, sigma)))
		refBlurPlanes(ref, n, n, 1, sigma)
		peak := 1 / (2 * math.Pi * float64(sigma*sigma))
		for y := 0; y < n; y++ {
			for x := 0; x < n; x++ {
				dx, dy := float64(x-40), float64(y-40)
				g := peak * math.Exp(-(dx*dx+dy*dy)/(2*float64(sigma*sigma)))
				if d := math.Abs(float64(buf[y*n+x]) - g); d > 0.2*peak {
					t.Fatalf("σ=%v (%d,%d): blur %.5f gaussian %.5f", sigma, x, y, buf[y*n+x], g)
				}
				if d := math.Abs(float64(buf[y*n+x] - ref[y*n+x])); d > 1e-5 {
					t.Fatalf("σ=%v (%d,%d): running sums %.6f, direct %.6f", sigma, x, y, buf[y*n+x], ref[y*n+x])
				}
			}
		}
	}
}

// TestFilterValues pins a few filter results to numbers from the spec.
func TestFilterValues(t *testing.T) {
	cases := []struct {
		f    Filter
		in   Color
		want Color
	}{
		{Filter{Grayscale, 1}, Color{255, 0, 0, 255}, Color{54, 54, 54, 255}},
		{Filter{Invert, 1}, Color{255, 0, 100, 255}, Color{0, 255, 155, 255}},
		{Filter{Brightness, 0.5}, Color{200, 100, 0, 255}, Color{100, 50, 0, 255}},
		{Filter{Contrast, 0}, Color{200, 10, 0, 255}, Color{128, 128, 128, 255}},
		{Filter{Opacity, 0.5}, Color{255, 255, 255, 255}, Color{255, 255, 255, 128}},
		{Filter{Sepia, 1}, Color{255, 255, 255, 255}, Color{255, 255, 239, 255}},
		{Filter{HueRotate, math.Pi}, Color{255, 0, 0, 255}, Color{0, 110, 110, 255}},
		{Filter{Saturate, 0}, Color{0, 255, 0, 255}, Color{182, 182, 182, 255}},
	}
	for _, tc := range cases {
		p := tc.in.premul()
		pix := []uint8{uint8(p), uint8(p >> 8), uint8(p >> 16), uint8(p >> 24)}
		m, _ := tc.f.colorMatrix()
		applyColorMatrix(pix, &m)
		w := tc.want.premul()
		if !within(uint32(pix[0])|uint32(pix[1])<<8|uint32(pix[2])<<16|uint32(pix[3])<<24, uint32(w), 1) {
			t.Errorf("%v on %v = %v, want %v (premultiplied)", tc.f, tc.in, pix, tc.want)
		}
	}
}

// TestFilterFastAgainstReference runs every colour filter's fast matrix path
// against the per-function float64 reference on random premultiplied
// pixels, including α = 0 and 255.
func TestFilterFastAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 8))
	kinds := []FilterKind{Grayscale, Brightness, Contrast, Opacity, Saturate, Sepia, Invert, HueRotate}
	for _, k := range kinds {
		for _, amount := range []float32{0, 0.3, 1, 1.7, 3} {
			f := Filter{k, amount}
			img := randImage(rng, 64, 16)
			ref := append([]uint8(nil), img.Pix...)
			m, _ := f.colorMatrix()
			applyColorMatrix(img.Pix, &m)
			refFilter(ref, f)
			for i := 0; i < len(ref); i += 4 {
				a := uint32(img.Pix[i]) | uint32(img.Pix[i+1])<<8 | uint32(img.Pix[i+2])<<16 | uint32(img.Pix[i+3])<<24
				b := uint32(ref[i]) | uint32(ref[i+1])<<8 | uint32(ref[i+2])<<16 | uint32(ref[i+3])<<24
				if !within(a, b, 1) {
					t.Fatalf("%v pixel %d: fast %08x reference %08x", f, i/4, a, b)
				}
			}
		}
	}
}

// TestBlurEdgesAgainstReference runs the padded running-sum blur against
// the direct convolution on small random buffers, where the kernel is wider
// than the buffer and spill between passes matters.
func TestBlurEdgesAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for it := 0; it < 200; it++ {
		w, h := 1+int(rng.UintN(30)), 1+int(rng.UintN(30))
		buf := make([]float32, w*h)
		for i := range buf {
			if rng.UintN(3) == 0 {
				buf[i] = rng.Float32() * 255
			}
		}
		ref := append([]float32(nil), buf...)
		s := rng.Float32() * 6
		blurPlanes(buf, w, h, 1, s, make([]float32, blurTmpLen(w, h, s)))
		refBlurPlanes(ref, w, h, 1, s)
		for i := range buf {
			if d := buf[i] - ref[i]; d > 0.01 || d < -0.01 {
				t.Fatalf("%dx%d σ=%v at %d: %v, direct %v", w, h, s, i, buf[i], ref[i])
			}
		}
	}
}
