package layout

import "testing"

// incrementalTree is root > [panelA (fixed size: a relayout boundary) >
// leaves, panelB > leaves], with measure functions that count their calls.
type incrementalTree struct {
	tr             MemTree
	root           NodeID
	panelA, panelB NodeID
	leafA          []NodeID
	leafB          []NodeID
	widthA         float32 // content width of leafA[0]
	calls          int     // measure calls of leafA[0]
	otherCalls     int     // measure calls of every other leaf
}

func newIncrementalTree(t testing.TB, widthA float32) *incrementalTree {
	it := &incrementalTree{widthA: widthA}
	leafStyle := css(t, "flex-direction:row")
	measureA0 := func(known MaybeSize, avail AvailableSize) (Size, Maybe) {
		it.calls++
		return Size{it.widthA, 10}, None
	}
	measure := func(known MaybeSize, avail AvailableSize) (Size, Maybe) {
		it.otherCalls++
		return Size{20, 10}, None
	}
	it.leafA = append(it.leafA, it.tr.NewLeaf(leafStyle, measureA0))
	for i := 0; i < 9; i++ {
		it.leafA = append(it.leafA, it.tr.NewLeaf(leafStyle, measure))
	}
	for i := 0; i < 10; i++ {
		it.leafB = append(it.leafB, it.tr.NewLeaf(leafStyle, measure))
	}
	it.panelA = it.tr.NewNode(css(t, "width:300px; height:300px; flex-shrink:0; flex-direction:row"), it.leafA...)
	it.panelB = it.tr.NewNode(css(t, "flex-grow:1; flex-direction:row; flex-wrap:wrap"), it.leafB...)
	it.root = it.tr.NewNode(css(t, "width:375px; height:667px"), it.panelA, it.panelB)
	it.tr.Compute(it.root, MaybeSize{Some(375), Some(667)})
	return it
}

func TestRelayoutUnchangedHitsCache(t *testing.T) {
	it := newIncrementalTree(t, 20)
	before := it.tr.Layout(it.leafB[3])
	it.calls, it.otherCalls = 0, 0
	it.tr.Compute(it.root, MaybeSize{Some(375), Some(667)})
	if it.calls+it.otherCalls != 0 {
		t.Errorf("unchanged relayout measured %d leaves, want 0", it.calls+it.otherCalls)
	}
	if after := it.tr.Layout(it.leafB[3]); after != before {
		t.Errorf("layout changed on cached relayout: %+v -> %+v", before, after)
	}
	allocs := testing.AllocsPerRun(100, func() {
		it.tr.Compute(it.root, MaybeSize{Some(375), Some(667)})
	})
	if allocs != 0 {
		t.Errorf("cached relayout allocates %v times, want 0", allocs)
	}
}

func TestOneLeafChangeStopsAtBoundary(t *testing.T) {
	it := newIncrementalTree(t, 20)
	if !IsRelayoutBoundary(&it.tr, it.panelA, it.root) {
		t.Fatal("fixed-size panel is not a relayout boundary")
	}
	if IsRelayoutBoundary(&it.tr, it.panelB, it.root) {
		t.Fatal("auto-sized panel must not be a relayout boundary")
	}
	oldSecond := it.tr.Layout(it.leafA[1])
	it.widthA = 50
	it.calls, it.otherCalls = 0, 0
	it.tr.MarkDirty(it.leafA[0])
	if it.tr.Cache(it.panelB).IsEmpty() {
		t.Fatal("sibling panel's cache was cleared")
	}
	if it.tr.Cache(it.root).IsEmpty() {
		t.Fatal("root cache cleared above the boundary")
	}
	it.tr.Relayout()
	if got := it.tr.Layout(it.leafA[0]).Size.Width; got != 50 {
		t.Errorf("changed leaf width = %v, want 50", got)
	}
	if got := it.tr.Layout(it.leafA[1]).Location.X; got != oldSecond.Location.X+30 {
		t.Errorf("next leaf x = %v, want %v", got, oldSecond.Location.X+30)
	}
	// Only the changed leaf is measured again; its siblings answer from
	// their caches and panel B is not visited.
	if it.calls == 0 || it.otherCalls != 0 {
		t.Errorf("relayout measured the changed leaf %d times and others %d times, want >0 and 0", it.calls, it.otherCalls)
	}
	// The result equals a layout from scratch.
	fresh := newIncrementalTree(t, 50)
	for i := range it.leafA {
		if a, b := it.tr.Layout(it.leafA[i]), fresh.tr.Layout(fresh.leafA[i]); a != b {
			t.Errorf("leaf %d: incremental %+v, full %+v", i, a, b)
		}
	}
	for i := range it.leafB {
		if a, b := it.tr.Layout(it.leafB[i]), fresh.tr.Layout(fresh.leafB[i]); a != b {
			t.Errorf("panel B leaf %d: incremental %+v, full %+v", i, a, b)
		}
	}
	allocs := testing.AllocsPerRun(100, func() {
		it.widthA = 50 + float32(it.calls%7)
		it.tr.MarkDirty(it.leafA[0])
		it.tr.Relayout()
	})
	if allocs != 0 {
		t.Errorf("one-leaf relayout allocates %v times, want 0", allocs)
	}
}
