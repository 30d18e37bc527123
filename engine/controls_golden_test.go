package engine

import (
	"image"
	"image/draw"
	"math"
	"path/filepath"
	"testing"

	"github.com/skyline-go/skyline/skytest/golden"
)

// Goldens of the form controls' states beyond the plain renders TestGolden
// makes of the gallery pages: pressed (hover-class, button-hover,
// :active), and checked / dragged after taps, at 2× and 1×.

func renderPage(p *Page, full bool) *image.RGBA {
	w, h := p.RenderSize(full)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	p.Render(img)
	return img
}

// cropStack stacks the regions of img around each element, 4 CSS px
// wider on every side, one under another.
func cropStack(t *testing.T, p *Page, img *image.RGBA, ids []string, dpr float32) *image.RGBA {
	var rects []image.Rectangle
	w, h := 0, 0
	for _, id := range ids {
		b := p.controlBox(elByID(t, p, id))
		r := image.Rect(int(math.Floor(float64((b.X-4)*dpr))), int(math.Floor(float64((b.Y-4)*dpr))),
			int(math.Ceil(float64((b.X+b.W+4)*dpr))), int(math.Ceil(float64((b.Y+b.H+4)*dpr)))).Intersect(img.Rect)
		rects = append(rects, r)
		w, h = max(w, r.Dx()), h+r.Dy()
	}
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	y := 0
	for _, r := range rects {
		draw.Draw(out, image.Rect(0, y, r.Dx(), y+r.Dy()), img, r.Min, draw.Src)
		y += r.Dy()
	}
	return out
}

func TestGoldenControlStates(t *testing.T) {
	dir := filepath.Join("..", "testdata", "golden")
	how := "go test ./engine -run GoldenControlStates -update"
	check := func(img *image.RGBA, name string) {
		t.Helper()
		golden.Check(t, img, filepath.Join(dir, name+".png"), *update, how)
	}
	for _, dpr := range []float32{2, 1} {
		suffix := ""
		if dpr == 1 {
			suffix = "-1x"
		}
		// Pressed: each element held down past its hover-start-time,
		// cropped from a render of the page, stacked.
		pressed := []string{"b-default", "b-primary", "b-warn", "b-mini-primary", "b-plain-primary", "v-hover", "v-active"}
		var crops []*image.RGBA
		for _, id := range pressed {
			p := loadGallery(t, "gallery-buttons")
			p.SetViewport(Viewport{Width: 375, Height: 667, DPR: dpr})
			x, y := centre(t, p, id)
			p.TouchStart(0, x, y, 0)
			p.AdvanceTime(60)
			crops = append(crops, cropStack(t, p, renderPage(p, true), []string{id}, dpr))
		}
		w, h := 0, 0
		for _, c := range crops {
			w, h = max(w, c.Rect.Dx()), h+c.Rect.Dy()
		}
		all := image.NewRGBA(image.Rect(0, 0, w, h))
		y := 0
		for _, c := range crops {
			draw.Draw(all, image.Rect(0, y, c.Rect.Dx(), y+c.Rect.Dy()), c, image.Point{}, draw.Src)
			y += c.Rect.Dy()
		}
		check(all, "gallery-buttons-pressed"+suffix)

		// Changed: every control of the form page toggled or dragged.
		p := loadGallery(t, "gallery-form")
		p.SetViewport(Viewport{Width: 375, Height: 667, DPR: dpr})
		for i, id := range []string{"sw", "sw-on", "sw-red", "sw-box", "cb-a", "cb-b", "cb-c", "r-l", "lb"} {
			tapID(t, p, id, float64(i)*500)
		}
		b := p.controlBox(elByID(t, p, "sl"))
		p.TouchStart(0, float64(b.X+14), float64(b.Y+b.H/2), 9000)
		p.TouchMove(0, float64(b.X+14+(b.W-28)*0.8), float64(b.Y+b.H/2), 9016)
		p.TouchEnd(0, float64(b.X+14+(b.W-28)*0.8), float64(b.Y+b.H/2), 9032)
		check(renderPage(p, true), "gallery-form-changed"+suffix)

		if dpr == 1 {
			for _, name := range []string{"gallery-buttons", "gallery-form"} {
				p := loadGallery(t, name)
				p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
				check(renderPage(p, true), name+"-1x")
			}
		}
	}
}
