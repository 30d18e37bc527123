package engine

import (
	"image"
	"strconv"
	"testing"
)

// visibleUnits returns the nodes the scroll-view paints this frame.
func visibleUnits(sv *Node) map[int32]bool {
	m := map[int32]bool{}
	for _, pl := range rtOf(sv).scroll.vp.Frame.Placements {
		if pl.Visible {
			m[int32(pl.Node)] = true
		}
	}
	return m
}

// maxChannelDiff compares two renders: the largest per-channel difference
// and how many pixels differ at all.
func maxChannelDiff(a, b *image.RGBA) (maxd, n int) {
	for i := 0; i < len(a.Pix); i += 4 {
		d := 0
		for k := range 4 {
			x := int(a.Pix[i+k]) - int(b.Pix[i+k])
			if x < 0 {
				x = -x
			}
			d = max(d, x)
		}
		if d > 0 {
			n++
		}
		maxd = max(maxd, d)
	}
	return maxd, n
}

// TestScrollLayersMatchDirect: frames of a fling (fractional offsets, item
// recycling, scroll-offset corrections through estimated extents) composed
// from per-unit layers look like the same frames painted directly, and a
// frame rasters only the units that entered the viewport: every other
// unit's layer is moved by whole device pixels and reused.
func TestScrollLayersMatchDirect(t *testing.T) {
	p, sv, _ := loadBuilder(t, 5000)
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2})
	p.Update()
	sv = findID(p.Root(), "list")
	withLayers := image.NewRGBA(image.Rect(0, 0, 750, 1334))
	direct := image.NewRGBA(image.Rect(0, 0, 750, 1334))
	pool := &p.pipe.lt.sc.layers
	render := func() {
		p.Render(withLayers)
		p.pipe.lt.sc.noLayers = true
		p.Render(direct)
		p.pipe.lt.sc.noLayers = false
	}
	render()
	prev := visibleUnits(sv)
	entered, start := 0, pool.Rasters
	if start == 0 {
		t.Fatal("the first frame rastered no layer")
	}
	p.Fling(sv, 2400)
	frames := 0
	for ; frames < 400 && p.Advance(1.0/60); frames++ {
		if frames == 120 {
			p.Fling(sv, -3100) // reverse: items above are built from estimates
		}
		render()
		if d, n := maxChannelDiff(withLayers, direct); d > 2 {
			off, _, _ := p.ScrollOffset(sv)
			t.Fatalf("frame %d (offset %.3f): layers differ from direct paint by %d levels at %d pixels", frames, off, d, n)
		}
		cur := visibleUnits(sv)
		for id := range cur {
			if !prev[id] {
				entered++
			}
		}
		prev = cur
	}
	rastered := pool.Rasters - start
	if frames < 100 {
		t.Fatalf("fling lasted %d frames", frames)
	}
	if rastered > entered {
		t.Fatalf("%d layers rastered over %d frames, but only %d units entered the viewport", rastered, frames, entered)
	}
	t.Logf("%d frames: %d units entered, %d layers rastered", frames, entered, rastered)
	// setData inside a visible unit: that unit alone is rastered again.
	before := pool.Rasters
	p.Advance(1.0 / 60)
	id := firstVisibleIndex(p, sv)
	if err := p.SetData(map[string]any{"items[" + strconv.Itoa(id) + "]": 5.0}); err != nil {
		t.Fatal(err)
	}
	render()
	if d, _ := maxChannelDiff(withLayers, direct); d > 2 {
		t.Fatalf("after setData: layers differ by %d", d)
	}
	if got := pool.Rasters - before; got < 1 || got > 2 {
		t.Fatalf("setData of one visible item rastered %d layers (want that item's, plus one that may enter as it shrinks)", got)
	}
}

// firstVisibleIndex is the builder index of the first visible item.
func firstVisibleIndex(p *Page, sv *Node) int {
	for _, pl := range rtOf(sv).scroll.vp.Frame.Placements {
		if pl.Visible && pl.Index >= 0 {
			return pl.Index
		}
	}
	return 0
}

// TestScrollFrameAllocs: a scroll frame that builds no new unit — the
// scroller steps, the viewport lays out, the layers are moved and composed
// — allocates nothing (spec §6: steady-state frames).
func TestScrollFrameAllocs(t *testing.T) {
	p, sv, _ := loadBuilder(t, 1000)
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2})
	p.Update()
	sv = findID(p.Root(), "list")
	img := image.NewRGBA(image.Rect(0, 0, 750, 1334))
	p.ScrollTo(sv, 5000, false)
	p.Render(img)
	// Small steps inside the cache extent (150 px) build nothing new.
	step := 0.37
	for range 20 {
		p.ScrollBy(sv, step)
		p.Render(img)
	}
	_, created, reused, _ := p.BuilderStats(findID(p.Root(), "b"))
	allocs := testing.AllocsPerRun(50, func() {
		step = -step
		p.ScrollBy(sv, step)
		p.Advance(1.0 / 60)
		p.Render(img)
	})
	if _, c2, r2, _ := p.BuilderStats(findID(p.Root(), "b")); c2 != created || r2 != reused {
		t.Fatalf("the frames built items (%d→%d created, %d→%d reused)", created, c2, reused, r2)
	}
	if allocs != 0 {
		t.Fatalf("%v allocations per scroll frame, want 0", allocs)
	}
}
