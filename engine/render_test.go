package engine

import (
	"image"
	"path/filepath"
	"testing"

	"github.com/skyline-go/skyline/layout"
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

// TestInlineBoxesAreStretches: paint finds an inline element's content by
// a range of paragraph items (paint.InlineBox); on every test page, and on
// nested, pseudo and margined inline elements, that range holds exactly
// the items whose node lies inside the element.
func TestInlineBoxesAreStretches(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("..", "testdata", "pages", "*"))
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, dir := range pages {
		p, err := Load(dir, LoadOptions{})
		if err != nil {
			continue // a page that needs its scripts is app's to render
		}
		seen += checkInlineStretches(t, filepath.Base(dir), p)
	}
	p, err := loadWXML(t, `<text>a <text class="chip">b <text class="inner">c</text> d</text> e <block><text class="chip">f</text></block><text class="edge"> g <text class="inner">h</text></text></text>`, "",
		map[string]string{"index.wxss": `.chip { background: #f00; padding: 0 4px; margin: 0 3px; border: 1px solid #000 }
.chip::before { content: "x"; padding-left: 2px }
.inner { background: #0f0 }
.inner::after { content: "y"; margin-right: 4px }
.edge { border: 1px solid red; margin-left: 5px }`})
	if err != nil {
		t.Fatal(err)
	}
	n := checkInlineStretches(t, "nested", p)
	if n < 5 {
		t.Errorf("nested: %d inline boxes, want 5", n)
	}
	t.Logf("%d inline boxes checked", seen+n)
}

// checkInlineStretches renders p and checks every InlineBox of its text
// roots against the node tree; it returns how many it checked.
func checkInlineStretches(t *testing.T, name string, p *Page) int {
	t.Helper()
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2})
	p.Render(image.NewRGBA(image.Rect(0, 0, 750, 1334)))
	h := &p.pipe.lt.paint
	seen := 0
	for i := range h.t.boxes {
		b := &h.t.boxes[i]
		if b.kind != boxTextRoot || b.para == nil {
			continue
		}
		ibs := h.InlineBoxes(layout.NodeID(i), nil)
		for k, ib := range ibs {
			e := h.inline[k]
			if ib.Style != e.Style {
				t.Errorf("%s: box %d, inline element %d: not the element's style", name, i, k)
			}
			for d, n := range b.inline {
				inside := false
				for m := n; m != nil && m != b.node; m = m.Parent() {
					inside = inside || m == e
				}
				if in := uint32(d) >= ib.First && uint32(d) < ib.End; in != inside {
					t.Errorf("%s: box %d, inline element %d: item %d in range %v, inside %v", name, i, k, d, in, inside)
				}
			}
			seen++
		}
	}
	return seen
}
