package scroll

import "testing"

// TestSectionExtentStable: a sticky-section's extent does not change when
// its lazy children leave the cache area, so the content after it never
// moves (lines' drift, masonry's kept placements). The issue-4 report (5 ×
// 100 px rows under a 40 px header; section B said to move from 540 to 560
// between offsets 560 and 700) is the first case: B stays at 540 at every
// offset, including past the end (a viewport is laid out wherever the
// scroller is; the engine clamps 700 to the maximum 680 at rest, which is
// what moved the first header 20 px in the engine test).
func TestSectionExtentStable(t *testing.T) {
	offsets := []float64{0, 200, 520, 560, 600, 680, 700, 900, 2000, 100, 0, 700, 300, 1500, 0}
	for _, tc := range []struct {
		name  string
		make  func(t *testing.T) Sliver
		start float64 // section B's start once everything was measured
	}{
		{"list", func(t *testing.T) Sliver {
			return &List{Children: newHost(t, 5, func(int) float64 { return 100 })}
		}, 540},
		{"list-padding", func(t *testing.T) Sliver {
			return &List{Children: newHost(t, 5, func(int) float64 { return 100 }), Padding: Insets{Top: 7, Bottom: 13}}
		}, 560},
		{"list-varied", func(t *testing.T) Sliver {
			return &List{Children: newHost(t, 7, hashHeight)}
		}, 0},
		{"grid", func(t *testing.T) Sliver {
			return &Grid{Children: newHost(t, 9, hashHeight), MainAxisGap: 4, CrossAxisCount: 2}
		}, 0},
		{"masonry", func(t *testing.T) Sliver {
			return &MasonryGrid{Children: newHost(t, 9, hashHeight), MainAxisGap: 4, CrossAxisCount: 2}
		}, 0},
	} {
		for _, cache := range []float64{0, 50, 250} {
			bx := boxes{1: 40, 2: 40}
			vp := &Viewport{MainExtent: 400, CrossExtent: 375, CacheExtent: cache, Slivers: []Sliver{
				&StickySection{Children: []Sliver{&StickyHeader{Layouter: bx, Node: 1}, tc.make(t)}},
				&StickySection{Children: []Sliver{&StickyHeader{Layouter: bx, Node: 2}, tc.make(t)}},
			}}
			// Measure everything once (estimates settle), then every
			// offset must find section B where the measuring pass left it.
			for off := 0.0; off <= 3000; off += 50 {
				vp.Layout(off)
			}
			vp.Layout(0)
			start, content := vp.SliverStart(1), vp.ContentExtent()
			if tc.start != 0 && start != tc.start {
				t.Errorf("%s cache %v: section B starts at %v, want %v", tc.name, cache, start, tc.start)
			}
			for _, off := range offsets {
				if got := vp.Layout(off); got != off {
					t.Errorf("%s cache %v: offset %v corrected to %v after everything was measured", tc.name, cache, off, got)
				}
				if s, c := vp.SliverStart(1), vp.ContentExtent(); s != start || c != content {
					t.Errorf("%s cache %v: at %v section B starts at %v (content %v), want %v (%v)", tc.name, cache, off, s, c, start, content)
				}
			}
		}
	}
}
