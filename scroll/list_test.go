package scroll

import (
	"math"
	"testing"
)

const (
	vpMain  = 800.0
	vpCache = 250.0
	million = 1_000_000
)

func newMillion(t testing.TB) (*fakeHost, *List, *driver) {
	h := newHost(t, million, hashHeight)
	l := &List{Children: h}
	vp := &Viewport{MainExtent: vpMain, CrossExtent: 400, CacheExtent: vpCache, Slivers: []Sliver{l}}
	s := &Scroller{ViewportExtent: vpMain}
	d := &driver{vp: vp, s: s}
	d.layout()
	return h, l, d
}

// maxFit is how many items of the smallest height fit in viewport + cache.
func maxFit(minItem float64) int {
	return int(math.Ceil((vpMain+2*vpCache)/minItem)) + 2
}

// The must-show of the issue: a 3,000 px/s fling and a drag reversal
// through a 1,000,000-item list of variable heights, frame by frame.
func TestFlingThroughMillionItems(t *testing.T) {
	h, l, d := newMillion(t)
	// Start in the middle: the region is reached by a jump, so everything
	// above is estimated.
	off, ok := d.vp.ScrollIntoView(0, 500_000, IntoView{})
	if !ok {
		t.Fatal("ScrollIntoView failed")
	}
	d.s.JumpTo(off)
	d.layout()

	prev := visibleByIndex(&d.vp.Frame, 0)
	frameNo := 0
	creations := []int{}
	check := func() {
		frameNo++
		checkCovered(t, &d.vp.Frame, 0, vpMain, frameNo)
		if l.LiveCount() > maxFit(30) || h.live != l.LiveCount() {
			t.Fatalf("frame %d: %d live items (host %d), want ≤ %d", frameNo, l.LiveCount(), h.live, maxFit(30))
		}
		cur := visibleByIndex(&d.vp.Frame, 0)
		for i, m := range cur {
			if p, ok := prev[i]; ok {
				if moved := m - p; math.Abs(moved+d.physDelta) > 0.5 {
					t.Fatalf("frame %d: item %d moved %.3f px, scrolling moved %.3f", frameNo, i, moved, -d.physDelta)
				}
			}
		}
		prev = cur
		creations = append(creations, h.pool.Created)
	}

	d.s.Fling(3000)
	for d.s.Phase() != Idle {
		d.frame(1.0 / 60)
		check()
	}
	if d.s.Offset-off < 1400 {
		t.Fatalf("fling travelled %.1f px, want ≈1,500", d.s.Offset-off)
	}
	// Drag reversal: the finger drags the content back, then flings it.
	d.s.DragStart()
	for range 40 {
		d.s.DragUpdate(-25)
		d.frame(1.0 / 60)
		check()
	}
	d.s.DragEnd(-3000)
	for d.s.Phase() != Idle {
		d.frame(1.0 / 60)
		check()
	}
	if frameNo < 100 {
		t.Fatalf("only %d frames", frameNo)
	}
	t.Logf("%d frames, max live %d (bound %d), pool created %d reused %d", frameNo, h.maxLive, maxFit(30), h.pool.Created, h.pool.Reused)
	// Creations level off: after the first second only the pool is used.
	if late := creations[len(creations)-1] - creations[60]; late > 2 {
		t.Errorf("%d nodes created after the first 60 frames; the pool should supply them", late)
	}
	if h.pool.Created > maxFit(30)+2 || h.pool.Reused < 2*h.pool.Created {
		t.Errorf("pool created %d, reused %d", h.pool.Created, h.pool.Reused)
	}
}

// scroll-into-view to item 700,000 lands exactly in one frame; then items
// above it change height and it stays put (spec §4.5 scroll-anchoring).
func TestScrollIntoViewAndAnchoring(t *testing.T) {
	for _, tc := range []struct {
		name  string
		o     IntoView
		want  func(ext float64) float64
		moves bool
	}{
		{"start", IntoView{Alignment: AlignStart}, func(float64) float64 { return 0 }, true},
		{"start-offset", IntoView{Alignment: AlignStart, Offset: -44}, func(float64) float64 { return 44 }, true},
		{"center", IntoView{Alignment: AlignCenter}, func(e float64) float64 { return (vpMain - e) / 2 }, true},
		{"end", IntoView{Alignment: AlignEnd}, func(e float64) float64 { return vpMain - e }, true},
		{"nearest-below", IntoView{Alignment: AlignNearest}, func(e float64) float64 { return vpMain - e }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, _, d := newMillion(t)
			const target = 700_000
			off, ok := d.vp.ScrollIntoView(0, target, tc.o)
			if !ok {
				t.Fatal("not revealed")
			}
			d.s.JumpTo(off)
			d.layout()
			got, ok := visibleByIndex(&d.vp.Frame, 0)[target]
			want := tc.want(h.extent(target))
			if !ok || math.Abs(got-want) > 1e-6 {
				t.Fatalf("target at %.4f (visible %v), want %.4f", got, ok, want)
			}
			checkCovered(t, &d.vp.Frame, 0, vpMain, 0)

			// Change every item above the viewport (built in the cache area
			// or not) to three times its height.
			first := target
			for i := range visibleByIndex(&d.vp.Frame, 0) {
				first = min(first, i)
			}
			h.over = map[int]float64{}
			for i := first - 40; i < first; i++ {
				h.over[i] = 3 * h.extent(i)
				d.vp.Slivers[0].(*List).ItemChanged(i)
			}
			d.layout()
			if got2 := visibleByIndex(&d.vp.Frame, 0)[target]; math.Abs(got2-got) > 1e-6 {
				t.Fatalf("target moved from %.4f to %.4f after content above changed", got, got2)
			}
			// Scrolling up through the changed items shows them at their new
			// size and never leaves a gap.
			for i := range 60 {
				d.s.Offset -= 40
				d.physDelta = -40
				d.layout()
				checkCovered(t, &d.vp.Frame, 0, vpMain, i)
			}
		})
	}
}

// nearest does nothing when the target is already fully visible.
func TestRevealOffsetNearest(t *testing.T) {
	for _, tc := range []struct {
		cur, start, ext, want float64
	}{
		{100, 150, 50, 100},  // inside: unchanged
		{100, 50, 100, 50},   // above: align start
		{100, 880, 40, 120},  // below: align end
		{100, 50, 2000, 50},  // larger than the viewport: start
		{100, 100, 800, 100}, // exactly fits
	} {
		if got := RevealOffset(tc.cur, 800, tc.start, tc.ext, IntoView{Alignment: AlignNearest}); got != tc.want {
			t.Errorf("nearest cur=%v start=%v ext=%v: %v, want %v", tc.cur, tc.start, tc.ext, got, tc.want)
		}
	}
}

// within-extent only reveals built items (spec §6.7).
func TestScrollIntoViewWithinExtent(t *testing.T) {
	_, _, d := newMillion(t)
	if _, ok := d.vp.ScrollIntoView(0, 5000, IntoView{WithinExtent: true}); ok {
		t.Error("item 5000 is not built but was revealed within extent")
	}
	off, ok := d.vp.ScrollIntoView(0, 3, IntoView{WithinExtent: true})
	if !ok {
		t.Fatal("item 3 is built but not revealed")
	}
	want := hashHeight(0) + hashHeight(1) + hashHeight(2)
	if math.Abs(off-want) > 1e-3 {
		t.Errorf("offset %.3f, want %.3f", off, want)
	}
}

// Scrolling up from a jump into a region whose items are much taller than
// the estimate corrects the offset without moving what is on screen, and
// ends with item 0 exactly at the top.
func TestCorrectionsWhileScrollingUp(t *testing.T) {
	h := newHost(t, 20_000, func(i int) float64 {
		if i < 300 {
			return 200 // far taller than the estimate from below
		}
		return 40
	})
	l := &List{Children: h}
	vp := &Viewport{MainExtent: vpMain, CrossExtent: 400, CacheExtent: 100, Slivers: []Sliver{l}}
	d := &driver{vp: vp, s: &Scroller{}}
	d.layout()
	off, _ := vp.ScrollIntoView(0, 10_000, IntoView{})
	d.s.JumpTo(off)
	d.layout()
	prev := visibleByIndex(&vp.Frame, 0)
	corrections := 0
	for f := 0; d.s.Offset > 0 || f < 5; f++ {
		if f > 100_000 {
			t.Fatal("never reached the top")
		}
		before := d.s.Offset
		d.s.Offset = math.Max(0, d.s.Offset-120)
		d.physDelta = d.s.Offset - before
		want := d.s.Offset
		d.layout()
		if d.s.Offset != want {
			corrections++
		}
		checkCovered(t, &vp.Frame, 0, vpMain, f)
		cur := visibleByIndex(&vp.Frame, 0)
		for i, m := range cur {
			if p, ok := prev[i]; ok && math.Abs(m-p+d.physDelta) > 0.5 {
				t.Fatalf("frame %d: item %d jumped by %.3f", f, i, m-p+d.physDelta)
			}
		}
		prev = cur
	}
	if corrections == 0 {
		t.Error("no correction happened: the test does not exercise estimates")
	}
	if m, ok := visibleByIndex(&vp.Frame, 0)[0]; !ok || m != 0 {
		t.Errorf("item 0 at %v (visible %v), want 0", m, ok)
	}
}

// Static lists (child-height) place items arithmetically: spec §6.4.
func TestStaticList(t *testing.T) {
	h := newHost(t, 1000, func(int) float64 { return 50 })
	l := &List{Children: h, ChildExtent: 50, Padding: Insets{Top: 10, Bottom: 20, Left: 5, Right: 7}}
	vp := &Viewport{MainExtent: 300, CrossExtent: 100, Slivers: []Sliver{l}}
	vp.Layout(1234)
	if got, want := vp.ContentExtent(), 10+1000*50+20.0; got != want {
		t.Errorf("content extent %v, want %v", got, want)
	}
	for _, p := range vp.Frame.Placements {
		if want := 10 + float64(p.Index)*50 - 1234; p.Main != want || p.Cross != 5 || p.CrossExtent != 88 {
			t.Errorf("item %d at main %v cross %v width %v, want %v 5 88", p.Index, p.Main, p.Cross, p.CrossExtent, want)
		}
	}
	if n := l.LiveCount(); n != 7 { // 1224..1534 covers items 24..30
		t.Errorf("%d live items, want 7", n)
	}
}

// Reverse grows from the end (chat style): item 0 sits at the bottom.
func TestReverseList(t *testing.T) {
	h := newHost(t, 100, func(int) float64 { return 100 })
	vp := &Viewport{MainExtent: 300, CrossExtent: 100, Reverse: true, Slivers: []Sliver{&List{Children: h}}}
	vp.Layout(0)
	m := visibleByIndex(&vp.Frame, 0)
	if m[0] != 200 || m[1] != 100 || m[2] != 0 {
		t.Errorf("reverse placements %v, want 0→200, 1→100, 2→0", m)
	}
}

// initial-child-count builds that many items on the first layout; the
// next layout disposes those outside the cache area (spec §4.7).
func TestInitialChildCount(t *testing.T) {
	h := newHost(t, 100, func(int) float64 { return 100 })
	l := &List{Children: h, InitialChildCount: 10}
	vp := &Viewport{MainExtent: 300, CrossExtent: 100, Slivers: []Sliver{l}}
	vp.Layout(0)
	if h.live != 10 {
		t.Errorf("first layout built %d, want 10", h.live)
	}
	vp.Layout(0)
	if h.live != 3 {
		t.Errorf("second layout keeps %d, want 3", h.live)
	}
}

// Loading more items (the data array grows) keeps the visible items and
// extends the content; shrinking disposes items past the end.
func TestItemCountChanges(t *testing.T) {
	h := newHost(t, 1000, func(int) float64 { return 100 })
	h.n = 20
	l := &List{Children: h}
	vp := &Viewport{MainExtent: 300, CrossExtent: 100, Slivers: []Sliver{l}}
	off := vp.Layout(1700) // at the end: items 17..19
	if vp.MaxScrollExtent() != 1700 || off != 1700 {
		t.Fatalf("max %v, offset %v", vp.MaxScrollExtent(), off)
	}
	h.n = 40
	vp.Layout(1700)
	if vp.ContentExtent() != 4000 || h.live != 3 {
		t.Errorf("after growth: content %v, live %d", vp.ContentExtent(), h.live)
	}
	h.n = 18
	vp.Layout(1500)
	if vp.ContentExtent() != 1800 || h.live != 3 || h.liveNode[18] != 0 {
		t.Errorf("after shrink: content %v, live %d", vp.ContentExtent(), h.live)
	}
}
