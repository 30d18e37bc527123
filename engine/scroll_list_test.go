package engine

import (
	"image"
	"path/filepath"
	"testing"

	"github.com/skyline-go/skyline/layout"
)

// findID returns the element with id under n.
func findID(n *Node, id string) *Node {
	var hit *Node
	n.Walk(func(c *Node) bool {
		if hit == nil && c.Kind == ElementNode && c.ID() == id {
			hit = c
		}
		return hit == nil
	})
	return hit
}

func loadScrollPage(tb testing.TB, name string) (*Page, *Node) {
	tb.Helper()
	p, err := Load(filepath.Join("..", "testdata", "pages", name), LoadOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2})
	p.Update()
	sv := findID(p.Root(), "list")
	if sv == nil {
		tb.Fatal("no #list")
	}
	return p, sv
}

// placedRows returns the units the list placed and how many intersect the
// viewport.
func placedRows(p *Page, svNode *Node) (placed, visible int) {
	sv := rtOf(svNode).scroll
	for _, pl := range sv.vp.Frame.Placements {
		placed++
		if pl.Visible {
			visible++
		}
	}
	return
}

// TestScrollListOnDemand: a 1,000-row type="list" scroll-view sizes itself
// from its style (flex-grown between nav and tab bar), lays out only the
// rows inside viewport + cache-extent, and moves them with the offset.
func TestScrollListOnDemand(t *testing.T) {
	p, n := loadScrollPage(t, "scroll-feed")
	l, ok := p.layoutOf(n)
	if !ok {
		t.Fatal("scroll-view has no box")
	}
	if l.Size.Height != 667-56-50 || l.Size.Width != 375 {
		t.Fatalf("scroll-view size %v, want 375×561 (flex-grown, not content-sized)", l.Size)
	}
	placed, visible := placedRows(p, n)
	if visible == 0 || placed > 40 {
		t.Fatalf("placed %d rows (%d visible) of 1000; want only viewport + 200px cache", placed, visible)
	}
	first := findID(n, "row-0")
	fl, _ := p.layoutOf(first)
	_ = fl
	b0 := p.pipe.lt.boxes[first.Index]
	if b0.absY != 56 {
		t.Fatalf("row-0 at y=%v, want 56", b0.absY)
	}
	if !p.ScrollBy(n, 50) {
		t.Fatal("ScrollBy failed")
	}
	if off, _, _ := p.ScrollOffset(n); off != 50 {
		t.Fatalf("offset %v, want 50", off)
	}
	b0 = p.pipe.lt.boxes[first.Index]
	if got := b0.absY; got != 56-50 {
		t.Fatalf("row-0 at y=%v after scrolling 50, want %v", got, 56-50)
	}
	// Deep into the list: early rows are released, late ones built.
	p.ScrollTo(n, 40000, false)
	for _, pl := range rtOf(n).scroll.vp.Frame.Placements {
		if pl.Node == layoutIDOf(first) {
			t.Fatal("row-0 still placed at offset 40000")
		}
	}
	placed, visible = placedRows(p, n)
	if visible == 0 || placed > 40 {
		t.Fatalf("at 40000: placed %d, visible %d", placed, visible)
	}
	img := image.NewRGBA(image.Rect(0, 0, 750, 1334))
	p.Render(img)
	fresh, _ := loadScrollPage(t, "scroll-feed")
	want := pageWant(p, fresh, nil)
	if err := checkContent(p, n, want, img); err != nil {
		t.Fatalf("at 40000: %v", err)
	}
	for _, off := range []float64{39000, 12345.5, 0} {
		p.ScrollTo(n, off, false)
		p.Render(img)
		if err := checkContent(p, n, want, img); err != nil {
			t.Fatalf("at %v: %v", off, err)
		}
	}
}

func layoutIDOf(n *Node) (id layout.NodeID) { return layout.NodeID(n.Index) }
