package layout

import (
	"fmt"
	"runtime"
	"testing"
	"time"
)

// Hostile input (issue 10): trees built to make layout slow. A chain of
// nested boxes must cost a bounded number of algorithm runs per box
// (counted through the host, not timed), stay under a memory ceiling and
// lay out exactly as the uncached algorithms do on small versions.

// countTree counts ComputeChildLayout calls and the algorithm runs behind
// them (cache misses).
type countTree struct {
	*MemTree
	calls, computes int
}

func (t *countTree) ComputeChildLayout(id NodeID, in Inputs) Output {
	t.calls++
	return ComputeCached(t, id, in, func(tr Tree, id NodeID, in Inputs) Output {
		t.computes++
		return ComputeBuiltin(tr, id, in, t.nodes[id].measure)
	})
}

// uncachedTree runs every algorithm afresh: the definition the caches must
// reproduce. Exponential in depth; for small trees only.
type uncachedTree struct{ *MemTree }

func (t *uncachedTree) ComputeChildLayout(id NodeID, in Inputs) Output {
	return ComputeBuiltin(t, id, in, t.nodes[id].measure)
}

// wordsLeaf measures like a paragraph of 200 px of words, 40 px the
// longest, 8000 px² of text.
func wordsLeaf(known MaybeSize, avail AvailableSize) (Size, Maybe) {
	w := float32(200)
	switch avail.Width.Kind {
	case MinContent:
		w = 40
	case Definite:
		if avail.Width.Value < w {
			w = max32(avail.Width.Value, 40)
		}
	}
	if known.Width.Ok {
		w = known.Width.V
	}
	return Size{w, 8000 / max32(w, 1)}, Some(10)
}

type chainCase struct {
	name  string
	level string // style of every box of the chain
	words bool   // each box also holds a paragraph beside the next box
	// perBox bounds algorithm runs per box.
	perBox int
}

var chainCases = []chainCase{
	// The case: 1k deep took 0.18 s, 2k 1.0 s, 4k 5.0 s. Once the
	// paddings exceed the width, every level passed its child a different
	// negative width.
	{name: "column with padding", level: "padding: 10px", perBox: 4},
	{name: "row with padding", level: "padding: 1px; flex-direction: row", perBox: 6},
	{name: "row", level: "flex-direction: row", words: true, perBox: 12},
	// Shrink-to-fit boxes: measured under the space offered and again under
	// the width chosen; the offered space went negative level by level.
	{name: "column, align-items flex-start", level: "padding: 3px; align-items: flex-start", words: true, perBox: 12},
	{name: "row, align-items flex-start", level: "padding: 3px; flex-direction: row; align-items: flex-start", words: true, perBox: 12},
	// Two sizing modes of one question evicted each other from one slot.
	{name: "row, min-width min-content", level: "padding: 3px; min-width: min-content; flex-direction: row", words: true, perBox: 12},
	{name: "fit-content width", level: "padding: 3px; width: fit-content", words: true, perBox: 12},
	{name: "margins and padding", level: "margin: 4px; padding: 5px", words: true, perBox: 12},
	{name: "percentages", level: "padding: 2%; width: 99%", words: true, perBox: 12},
	{name: "block", level: "display: block; padding: 10px", words: true, perBox: 6},
	{name: "inline-block", level: "display: inline-block; padding: 3px", words: true, perBox: 6},
	{name: "absolute", level: "position: absolute; padding: 3px", words: true, perBox: 12},
	{name: "flex-grow, basis 0", level: "padding: 3px; flex-grow: 1; flex-basis: 0", words: true, perBox: 12},
	{name: "aspect-ratio", level: "padding: 3px; aspect-ratio: 1", words: true, perBox: 12},
	{name: "overflow hidden row", level: "padding: 3px; overflow: hidden; flex-direction: row", words: true, perBox: 12},
}

// buildChain nests n boxes of the case's style under a 375×667 root,
// around a 10 px high box; chain[0] is that box, chain[n] the outermost.
func buildChain(t testing.TB, c *chainCase, n int) (*MemTree, NodeID, []NodeID) {
	tr := &MemTree{}
	s := css(t, c.level)
	id := tr.NewNode(css(t, "height: 10px"))
	chain := []NodeID{id}
	for i := 0; i < n; i++ {
		if c.words {
			id = tr.NewNode(s, id, tr.NewLeaf(css(t, ""), wordsLeaf))
		} else {
			id = tr.NewNode(s, id)
		}
		chain = append(chain, id)
	}
	root := tr.NewNode(css(t, "width: 375px; height: 667px"), id)
	return tr, root, chain
}

var viewport = MaybeSize{Width: Some(375), Height: Some(667)}

func TestHostileDeepChains(t *testing.T) {
	const depth = 10000
	for i := range chainCases {
		c := &chainCases[i]
		t.Run(c.name, func(t *testing.T) {
			// Small: the caches reproduce the uncached algorithms exactly.
			for _, n := range []int{3, 7} {
				a, ra, _ := buildChain(t, c, n)
				b, rb, _ := buildChain(t, c, n)
				ComputeRootLayout(a, ra, viewport)
				ComputeRootLayout(&uncachedTree{b}, rb, viewport)
				for id := 0; id < a.Len(); id++ {
					if la, lb := a.Layout(NodeID(id)), b.Layout(NodeID(id)); la != lb {
						t.Fatalf("depth %d, node %d: cached %+v, uncached %+v", n, id, la, lb)
					}
				}
			}
			// Big: a bounded number of runs per box, bounded memory.
			tr, root, _ := buildChain(t, c, depth)
			ct := &countTree{MemTree: tr}
			var m0, m1 runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&m0)
			ComputeRootLayout(ct, root, viewport)
			runtime.ReadMemStats(&m1)
			boxes := tr.Len()
			if ct.computes > c.perBox*boxes {
				t.Errorf("%d boxes: %d algorithm runs (%d calls), over %d per box", boxes, ct.computes, ct.calls, c.perBox)
			}
			// What layout allocates is the scratch stack of flex items, one
			// frame per level, grown by appending.
			if mem := m1.TotalAlloc - m0.TotalAlloc; mem > uint64(4<<10*boxes) {
				t.Errorf("%d boxes: allocated %d bytes, over 4 KiB per box", boxes, mem)
			}
			t.Logf("%d boxes: %d runs, %d calls", boxes, ct.computes, ct.calls)
		})
	}
}

// TestHostileChainGeometry checks the 10,000-deep padded column: each box
// sits inside its parent's padding and is never narrower than its own
// padding once the paddings have used up the width.
func TestHostileChainGeometry(t *testing.T) {
	c := &chainCase{level: "padding: 10px"}
	const n = 10000
	tr, root, chain := buildChain(t, c, n)
	ComputeRootLayout(tr, root, viewport)
	for k := 1; k <= n; k++ { // chain[n] is the outermost box, level 1
		l := tr.Layout(chain[n-k+1])
		w := max32(375-20*float32(k-1), 20)
		h := 20*float32(n-k+1) + 10
		pos := Point{10, 10}
		if k == 1 {
			pos = Point{}
		}
		if l.Size.Width != w || l.Size.Height != h || l.Location != pos {
			t.Fatalf("level %d: %+v, want at %v size %gx%g", k, l, pos, w, h)
		}
	}
	if l := tr.Layout(chain[0]); l.Size != (Size{0, 10}) || l.Location != (Point{10, 10}) {
		t.Fatalf("innermost box: %+v", l)
	}
}

// TestHostileKnownQuadratic pins two chains that remain quadratic in depth
// (left alone, see the report): each level of a wrapping row, or of a row
// aligning baselines, asks its child questions under one more distinct
// height or lays it out at one more size. They must not get worse.
func TestHostileKnownQuadratic(t *testing.T) {
	for _, c := range []chainCase{
		{name: "row wrap", level: "padding: 3px; flex-direction: row; flex-wrap: wrap", words: true},
		{name: "row baseline", level: "padding: 3px; margin: 2px; flex-direction: row; align-items: baseline", words: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			const n = 200
			tr, root, _ := buildChain(t, &c, n)
			ct := &countTree{MemTree: tr}
			ComputeRootLayout(ct, root, viewport)
			if limit := 8 * n * n; ct.computes > limit {
				t.Errorf("%d deep: %d runs, over %d", n, ct.computes, limit)
			}
			t.Logf("%d deep: %d runs", n, ct.computes)
		})
	}
}

// TestHostileDepthBudget: a tree deeper than the budget lays out to the
// budget, reports the cut, and leaves the rest unlaid.
func TestHostileDepthBudget(t *testing.T) {
	saved := maxDepth
	maxDepth = 500
	defer func() { maxDepth = saved }()
	c := &chainCase{level: "padding: 1px"}
	tr, root, chain := buildChain(t, c, 2000)
	ct := &countTree{MemTree: tr}
	ComputeRootLayout(ct, root, viewport)
	if !tr.Scratch().TakeDepthExceeded() {
		t.Fatal("the cut was not reported")
	}
	if tr.Scratch().TakeDepthExceeded() {
		t.Fatal("TakeDepthExceeded did not clear")
	}
	if ct.computes > 4*maxDepth {
		t.Errorf("%d runs past a budget of %d", ct.computes, maxDepth)
	}
	if l := tr.Layout(chain[2000-9]); l.Size.Width != 375-2*9 { // level 10
		t.Errorf("a box within the budget: %+v", l)
	}
	if l := tr.Layout(chain[0]); l != (Layout{}) {
		t.Errorf("the innermost box, past the budget, was laid out: %+v", l)
	}
	tr.Round(root)
	maxDepth = saved
	ComputeRootLayout(tr, root, viewport)
	if tr.Scratch().TakeDepthExceeded() {
		t.Error("cut within the real budget")
	}
}

// TestHostileDeepStress lays out 100,000-deep chains (skipped with
// -short): about 300 MB of goroutine stack and 250 MB of tree. The wall
// bound is generous; the per-box bound is what the short tests check.
func TestHostileDeepStress(t *testing.T) {
	if testing.Short() {
		t.Skip("stress test")
	}
	for _, level := range []string{"padding: 10px", "display: block; padding: 10px", "padding: 1px; flex-direction: row"} {
		t.Run(level, func(t *testing.T) {
			c := &chainCase{level: level}
			const n = 100000
			tr, root, _ := buildChain(t, c, n)
			ct := &countTree{MemTree: tr}
			start := time.Now()
			ComputeRootLayout(ct, root, viewport)
			d := time.Since(start)
			if d > time.Minute {
				t.Errorf("%d deep took %v", n, d)
			}
			if ct.computes > 6*tr.Len() || tr.Scratch().TakeDepthExceeded() {
				t.Errorf("%d runs for %d boxes (cut: %v)", ct.computes, tr.Len(), tr.Scratch().TakeDepthExceeded())
			}
			t.Logf("%s", fmt.Sprintf("%d deep: %v, %d runs", n, d, ct.computes))
		})
	}
}
