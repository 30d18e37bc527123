package scroll

import (
	"math"
	"sort"
	"testing"

	"github.com/skyline-go/skyline/layout"
)

// fakeHost is a builder host: items of deterministic pseudo-random heights,
// nodes recycled through a Pool, every call checked for consistency.
type fakeHost struct {
	t        testing.TB
	n        int
	height   func(i int) float64
	over     map[int]float64 // changed heights
	liveNode []layout.NodeID // per index, 0 = not built
	pool     Pool
	next     layout.NodeID
	live     int
	maxLive  int
	builds   int
	disposes int
	log      []int // +index+1 on build, -(index+1) on dispose, when logging
	logging  bool
}

func newHost(t testing.TB, n int, height func(int) float64) *fakeHost {
	return &fakeHost{t: t, n: n, height: height, liveNode: make([]layout.NodeID, n)}
}

// hashHeight gives items 30–179 px, varying wildly between neighbours.
func hashHeight(i int) float64 {
	x := uint32(i)*2654435761 + 0x9e3779b9
	x ^= x >> 15
	return 30 + float64(x%150)
}

func (h *fakeHost) ItemCount() int { return h.n }

func (h *fakeHost) extent(i int) float64 {
	if e, ok := h.over[i]; ok {
		return e
	}
	return h.height(i)
}

func (h *fakeHost) Build(i int, cross float64) (layout.NodeID, float64) {
	if i < 0 || i >= h.n {
		h.t.Fatalf("Build(%d) out of range", i)
	}
	if h.liveNode[i] != 0 {
		h.t.Fatalf("Build(%d) of a live item", i)
	}
	node, ok := h.pool.Take()
	if !ok {
		h.next++
		node = h.next
		h.pool.NoteCreated()
	}
	h.liveNode[i] = node
	h.live++
	h.maxLive = max(h.maxLive, h.live)
	h.builds++
	if h.logging {
		h.log = append(h.log, i+1)
	}
	return node, h.extent(i)
}

func (h *fakeHost) Relayout(i int, node layout.NodeID, cross float64) float64 {
	if h.liveNode[i] != node || node == 0 {
		h.t.Fatalf("Relayout(%d, %d): live node is %d", i, node, h.liveNode[i])
	}
	return h.extent(i)
}

func (h *fakeHost) Dispose(i int, node layout.NodeID) {
	if h.liveNode[i] != node || node == 0 {
		h.t.Fatalf("Dispose(%d, %d): live node is %d", i, node, h.liveNode[i])
	}
	h.liveNode[i] = 0
	h.live--
	h.disposes++
	h.pool.Put(node)
	if h.logging {
		h.log = append(h.log, -(i + 1))
	}
}

// boxes is a BoxLayouter with fixed extents per node.
type boxes map[layout.NodeID]float64

func (b boxes) LayoutBox(node layout.NodeID, cross float64) float64 { return b[node] }

// driver runs frames the way the engine will: step the physics, lay the
// viewport out, hand the correction back, update the range.
type driver struct {
	vp *Viewport
	s  *Scroller
	// physDelta is how far physics moved the offset in the last frame;
	// corrections are excluded (they do not move what is on screen).
	physDelta float64
	last      float64 // offset after the last layout
}

func (d *driver) layout() {
	want := d.s.Offset
	got := d.vp.Layout(want)
	d.s.Correct(got - want)
	d.s.SetRange(0, d.vp.MaxScrollExtent())
	d.last = d.s.Offset
}

// frame steps the physics (after any drag input) and lays out.
func (d *driver) frame(dt float64) {
	d.s.Step(dt)
	d.physDelta = d.s.Offset - d.last
	d.layout()
}

// visibleByIndex maps item index → Main of the visible placements of sliver s.
func visibleByIndex(f *Frame, s int) map[int]float64 {
	m := map[int]float64{}
	for _, p := range f.Placements {
		if p.Visible && p.Sliver == s && p.Index >= 0 {
			m[p.Index] = p.Main
		}
	}
	return m
}

// checkCovered fails when a pixel row of [lo, hi) is not covered by a
// visible placement (spec §6: no blank frame inside the viewport).
func checkCovered(t testing.TB, f *Frame, lo, hi float64, frame int) {
	t.Helper()
	type iv struct{ a, b float64 }
	var ivs []iv
	for _, p := range f.Placements {
		if p.Visible {
			ivs = append(ivs, iv{p.Main, p.Main + p.MainExtent})
		}
	}
	sort.Slice(ivs, func(i, j int) bool { return ivs[i].a < ivs[j].a })
	at := lo
	for _, v := range ivs {
		if v.a > at+1e-6 {
			break
		}
		at = math.Max(at, v.b)
	}
	if at < hi-1e-6 {
		t.Fatalf("frame %d: viewport rows [%.3f, %.3f) not covered by a built item", frame, at, hi)
	}
}
