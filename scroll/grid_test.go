package scroll

import (
	"math"
	"testing"
)

func TestColumns(t *testing.T) {
	for _, tc := range []struct {
		avail       float64
		count       int
		maxExt, gap float64
		wantN       int
		wantW       float64
	}{
		{400, 0, 0, 0, 2, 200},                   // spec default cross-axis-count 2
		{400, 3, 0, 20, 3, 120},                  // (400 − 2·20) / 3
		{400, 3, 150, 10, 3, 126.66666666666667}, // ceil(400/160) = 3 overrides
		{400, 2, 90, 0, 5, 80},                   // ceil(400/90) = 5
		{50, 4, 100, 0, 1, 50},                   // at least 1
		{0, 2, 0, 0, 2, 0},
	} {
		n, w := Columns(tc.avail, tc.count, tc.maxExt, tc.gap)
		if n != tc.wantN || math.Abs(w-tc.wantW) > 1e-9 {
			t.Errorf("Columns(%v, %d, %v, %v) = %d, %v; want %d, %v", tc.avail, tc.count, tc.maxExt, tc.gap, n, w, tc.wantN, tc.wantW)
		}
	}
}

func TestAlignedGrid(t *testing.T) {
	heights := []float64{40, 70, 30, 20, 20, 20, 90}
	h := newHost(t, len(heights), func(i int) float64 { return heights[i] })
	g := &Grid{Children: h, CrossAxisCount: 3, MainAxisGap: 5, CrossAxisGap: 10, Padding: Insets{Top: 8, Left: 4, Right: 6}}
	vp := &Viewport{MainExtent: 1000, CrossExtent: 340, Slivers: []Sliver{g}}
	vp.Layout(0)
	// Column width (340 − 10 − 2·10) / 3 = 103.33; rows 70, 20, 90 tall.
	w := (340.0 - 10 - 20) / 3
	rowStart := []float64{8, 8 + 70 + 5, 8 + 70 + 5 + 20 + 5}
	for _, p := range vp.Frame.Placements {
		r, c := p.Index/3, p.Index%3
		if p.Main != rowStart[r] || math.Abs(p.Cross-(4+float64(c)*(w+10))) > 1e-9 || p.MainExtent != heights[p.Index] {
			t.Errorf("item %d at (%v, %v) ext %v, want (%v, %v) ext %v", p.Index, p.Main, p.Cross, p.MainExtent,
				rowStart[r], 4+float64(c)*(w+10), heights[p.Index])
		}
	}
	if got, want := vp.ContentExtent(), 8+70+5+20+5+90.0; got != want {
		t.Errorf("content %v, want %v", got, want)
	}
}

// Masonry: shortest column, leftmost on ties (spec §4.6, our decision).
func TestMasonryPlacement(t *testing.T) {
	for _, tc := range []struct {
		name    string
		cols    int
		gap     float64
		heights []float64
		col     []int
		start   []float64
	}{
		{"two columns", 2, 0, []float64{100, 50, 30, 80, 20}, []int{0, 1, 1, 1, 0}, []float64{0, 0, 50, 80, 100}},
		{"ties go left", 3, 0, []float64{10, 10, 10, 10, 10, 10}, []int{0, 1, 2, 0, 1, 2}, []float64{0, 0, 0, 10, 10, 10}},
		{"gap counts", 2, 10, []float64{50, 60, 10, 5}, []int{0, 1, 0, 1}, []float64{0, 0, 60, 70}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHost(t, len(tc.heights), func(i int) float64 { return tc.heights[i] })
			g := &MasonryGrid{Children: h, CrossAxisCount: tc.cols, MainAxisGap: tc.gap}
			vp := &Viewport{MainExtent: 1000, CrossExtent: 300, Slivers: []Sliver{g}}
			vp.Layout(0)
			_, w := Columns(300, tc.cols, 0, 0)
			if len(vp.Frame.Placements) != len(tc.heights) {
				t.Fatalf("%d placements", len(vp.Frame.Placements))
			}
			for _, p := range vp.Frame.Placements {
				i := p.Index
				if p.Main != tc.start[i] || p.Cross != float64(tc.col[i])*w {
					t.Errorf("item %d at main %v cross %v, want %v col %d", i, p.Main, p.Cross, tc.start[i], tc.col[i])
				}
			}
		})
	}
}

// A long masonry builder scrolled frame by frame: covered, bounded, and
// items never move on screen except by the scroll.
func TestMasonryScrolling(t *testing.T) {
	h := newHost(t, 100_000, hashHeight)
	g := &MasonryGrid{Children: h, CrossAxisCount: 2, MainAxisGap: 4, CrossAxisGap: 4}
	vp := &Viewport{MainExtent: vpMain, CrossExtent: 400, CacheExtent: vpCache, Slivers: []Sliver{g}}
	d := &driver{vp: vp, s: &Scroller{}}
	d.layout()
	prev := visibleByIndex(&vp.Frame, 0)
	for f := range 600 {
		d.s.Offset += 37
		d.physDelta = 37
		if f >= 300 {
			d.s.Offset -= 74
			d.physDelta = -37
		}
		d.layout()
		cur := visibleByIndex(&vp.Frame, 0)
		for i, m := range cur {
			if p, ok := prev[i]; ok && math.Abs(m-p+d.physDelta) > 1e-6 {
				t.Fatalf("frame %d: item %d moved %v", f, i, m-p)
			}
		}
		prev = cur
		// Each column is covered: both columns' visible items reach the
		// viewport's bottom (the last rows may be ragged only at the end).
		if g.LiveCount() > 2*maxFit(30) || h.live != g.LiveCount() {
			t.Fatalf("frame %d: %d live", f, g.LiveCount())
		}
	}
	if h.pool.Created > 2*maxFit(30) {
		t.Errorf("created %d nodes", h.pool.Created)
	}
}

// The grid-builder bug of spec §4.7 (leaving the screen relayouts and jumps
// to the top) must not happen: a grid scrolled entirely off screen keeps
// its extent, so the content after it stays put, and scrolling back shows
// it where it was.
func TestGridOffScreenKeepsExtent(t *testing.T) {
	gh := newHost(t, 400, hashHeight)
	g := &Grid{Children: gh, CrossAxisCount: 2} // no gap: every row is covered
	after := &List{Children: newHost(t, 10_000, func(int) float64 { return 60 })}
	vp := &Viewport{MainExtent: vpMain, CrossExtent: 400, CacheExtent: 100, Slivers: []Sliver{g, after}}
	d := &driver{vp: vp, s: &Scroller{}}
	d.layout()
	prev := map[int]float64{}
	for f := 0; f < 2000; f++ {
		d.s.Offset += 30
		d.physDelta = 30
		d.layout()
		cur := visibleByIndex(&vp.Frame, 1)
		for i, m := range cur {
			if p, ok := prev[i]; ok && math.Abs(m-p+30) > 1e-6 {
				t.Fatalf("frame %d: item %d after the grid jumped by %v", f, i, m-p+30)
			}
		}
		prev = cur
		checkCovered(t, &vp.Frame, 0, vpMain, f)
	}
	if gh.live != 0 {
		t.Errorf("%d grid items still built off screen", gh.live)
	}
}

// Masonry anchoring: an item above the viewport grows, the first visible
// item keeps its place on screen.
func TestMasonryAnchoring(t *testing.T) {
	h := newHost(t, 2000, hashHeight)
	g := &MasonryGrid{Children: h, CrossAxisCount: 3}
	vp := &Viewport{MainExtent: vpMain, CrossExtent: 300, CacheExtent: vpCache, Slivers: []Sliver{g}}
	d := &driver{vp: vp, s: &Scroller{}}
	d.s.Offset = 5000
	d.layout()
	before := visibleByIndex(&vp.Frame, 0)
	h.over = map[int]float64{}
	for i := 0; i < 20; i++ {
		h.over[i] = 500
		g.ItemChanged(i)
	}
	d.layout()
	after := visibleByIndex(&vp.Frame, 0)
	first := -1
	for i := range before {
		if first < 0 || i < first {
			first = i
		}
	}
	if m, ok := after[first]; !ok || math.Abs(m-before[first]) > 1e-6 {
		t.Errorf("first visible item %d moved from %v to %v (visible %v)", first, before[first], m, ok)
	}
	checkCovered(t, &vp.Frame, 0, vpMain, 0)
}

// TestGridsReset: Reset (the builder's list was replaced) disposes every
// built item of an aligned or masonry grid; the next layout builds the
// items again and places them by their new extents, not the old ones.
func TestGridsReset(t *testing.T) {
	for _, kind := range []string{"aligned", "masonry"} {
		t.Run(kind, func(t *testing.T) {
			h := newHost(t, 200, hashHeight)
			var s interface {
				Sliver
				Reset()
			}
			if kind == "masonry" {
				s = &MasonryGrid{Children: h, CrossAxisCount: 3, MainAxisGap: 4}
			} else {
				s = &Grid{Children: h, CrossAxisCount: 3, MainAxisGap: 4}
			}
			vp := &Viewport{MainExtent: 600, CrossExtent: 300, CacheExtent: 100, Slivers: []Sliver{s}}
			vp.Layout(500)
			live, builds := h.live, h.builds
			if live == 0 {
				t.Fatal("nothing built")
			}
			h.over = map[int]float64{}
			for i := range h.n {
				h.over[i] = 50
			}
			s.Reset()
			if h.live != 0 || h.disposes < live {
				t.Fatalf("after Reset: %d live, %d disposed; want all %d disposed", h.live, h.disposes, live)
			}
			vp.Layout(0)
			if h.builds == builds {
				t.Fatal("nothing built again after Reset")
			}
			for _, p := range vp.Frame.Placements {
				if p.MainExtent != 50 || p.Main != float64(p.Index/3)*54 {
					t.Fatalf("item %d at %v, extent %v; want %v, 50 (the new extents)", p.Index, p.Main, p.MainExtent, float64(p.Index/3)*54)
				}
			}
		})
	}
}
