package scroll

import (
	"math"
	"sort"

	"github.com/skyline-go/skyline/layout"
)

// MasonryGrid is a masonry grid-view / grid-builder (spec §4.6, §4.7): each
// item keeps its own extent and goes into the currently shortest column,
// the leftmost on ties (UNVERIFIED in the spec; the standard waterfall rule,
// our decision).
//
// Placement is sequential by nature — item i's column depends on every
// extent before it — so items are placed in order up to the end of the
// cache area and their placement kept (start, extent, column: 13 bytes per
// placed item). Placing an item needs its extent: an item placed while
// outside the cache area (a jump far ahead) is built, measured and disposed
// at once. Item starts never decrease (each goes to the minimum column end,
// which only grows), so the items in a range are found by binary search.
type MasonryGrid struct {
	Children           ChildManager
	CrossAxisCount     int
	MaxCrossAxisExtent float64
	MainAxisGap        float64
	CrossAxisGap       float64
	Padding            Insets

	n, count  int
	colW, gap float64
	cgap, cs  float64
	lead      float64
	begun     bool
	start     []float64 // per placed item
	ext       []float32 // per item ever measured, -1 unknown
	col       []uint8   // per placed item
	colEnd    []float64 // column ends after the placed items (gap included)
	maxExt    float64   // largest placed extent (the binary-search margin)
	sumExt    float64   // of measured items, for the estimate
	nExt      int
	live      []int // sorted built indices
	liveNode  []layout.NodeID
	next      []int
	nextNode  []layout.NodeID
	dirty     []int
}

// LayoutSliver implements Sliver.
func (g *MasonryGrid) LayoutSliver(c SliverConstraints) SliverGeometry {
	m := g.Children
	lead, trail, cs, ce := g.Padding.along(c.Axis, c.Reverse)
	n, w := Columns(max(0, c.CrossAxisExtent-cs-ce), g.CrossAxisCount, g.MaxCrossAxisExtent, g.CrossAxisGap)
	n = min(n, 255)
	count := max(m.ItemCount(), 0)
	if !g.begun || n != g.n || w != g.colW || g.MainAxisGap != g.gap {
		g.disposeAll()
		g.n, g.colW, g.gap, g.begun = n, w, g.MainAxisGap, true
		g.ext = g.ext[:0]
		g.sumExt, g.nExt = 0, 0
		g.start, g.col = g.start[:0], g.col[:0]
		g.count = -1
	}
	g.cgap, g.cs, g.lead = g.CrossAxisGap, cs, lead
	if count != g.count {
		for len(g.ext) < count {
			g.ext = append(g.ext, -1)
		}
		g.ext = g.ext[:count]
		g.count = count
		g.truncate(min(len(g.start), count))
	}
	view := c.ScrollOffset - lead

	// Changed items: re-measure the built ones, forget the others, and
	// re-place from the first change, keeping the first visible item where
	// it was (spec §4.5 scroll-anchoring).
	if len(g.dirty) > 0 {
		anchor, anchorStart := -1, 0.0
		if c.Anchoring {
			for _, i := range g.live {
				if i < len(g.start) && g.start[i]+float64(g.ext[i]) > view {
					anchor, anchorStart = i, g.start[i]
					break
				}
			}
		}
		from := len(g.start)
		for _, i := range g.dirty {
			if i >= count {
				continue
			}
			if k := g.liveAt(i); k >= 0 {
				g.setExt(i, m.Relayout(i, g.liveNode[k], g.colW))
			} else {
				g.setExt(i, -1)
			}
			from = min(from, i)
		}
		g.dirty = g.dirty[:0]
		g.truncate(from)
		if anchor >= 0 {
			g.placeUpTo(anchor)
		}
		if anchor >= 0 {
			if d := g.start[anchor] - anchorStart; d != 0 {
				return SliverGeometry{ScrollOffsetCorrection: d}
			}
		}
	}

	lo, hi := c.cacheStart()-lead, c.cacheEnd()-lead
	// Place (measuring) up to the end of the cache area.
	for len(g.start) < count && g.minEnd() < hi {
		i := len(g.start)
		if g.ext[i] < 0 {
			node, e := m.Build(i, g.colW)
			g.setExt(i, e)
			g.placeNext()
			if g.start[i] < hi && g.start[i]+float64(g.ext[i]) > lo && c.RemainingCacheExtent > 0 {
				g.insertLive(i, node)
			} else {
				m.Dispose(i, node)
			}
			continue
		}
		g.placeNext()
	}

	// The wanted set: placed items intersecting [lo, hi).
	g.next, g.nextNode = g.next[:0], g.nextNode[:0]
	if c.RemainingCacheExtent > 0 && hi > 0 {
		a := sort.Search(len(g.start), func(i int) bool { return g.start[i] >= lo-g.maxExt })
		for i := a; i < len(g.start) && g.start[i] < hi; i++ {
			if g.start[i]+float64(g.ext[i]) > lo {
				g.next = append(g.next, i)
			}
		}
	}
	// Merge (both sorted): keep what stays, dispose what left, build what
	// entered.
	if cap(g.nextNode) < len(g.next) {
		g.nextNode = make([]layout.NodeID, len(g.next), 2*len(g.next))
	}
	g.nextNode = g.nextNode[:len(g.next)]
	p := 0
	for k, i := range g.live {
		for p < len(g.next) && g.next[p] < i {
			p++
		}
		if p < len(g.next) && g.next[p] == i {
			g.nextNode[p] = g.liveNode[k]
		} else {
			m.Dispose(i, g.liveNode[k])
		}
	}
	p = 0
	for k, i := range g.next {
		for p < len(g.live) && g.live[p] < i {
			p++
		}
		if p < len(g.live) && g.live[p] == i {
			continue
		}
		node, e := m.Build(i, g.colW)
		if float32(e) != g.ext[i] {
			// Content changed without ItemChanged: re-place at the next
			// layout.
			g.dirty = append(g.dirty, i)
		}
		g.nextNode[k] = node
	}
	g.live, g.next = g.next, g.live
	g.liveNode, g.nextNode = g.nextNode, g.liveNode
	return geometryFor(&c, lead+g.contentEnd()+trail)
}

func (g *MasonryGrid) setExt(i int, e float64) {
	if old := g.ext[i]; old >= 0 {
		g.sumExt -= float64(old)
		g.nExt--
	}
	g.ext[i] = -1
	if e >= 0 {
		g.ext[i] = float32(e)
		g.sumExt += float64(g.ext[i])
		g.nExt++
	}
}

// placeNext places the next item in the shortest column, leftmost on ties.
func (g *MasonryGrid) placeNext() {
	c := 0
	for k := 1; k < g.n; k++ {
		if g.colEnd[k] < g.colEnd[c] {
			c = k
		}
	}
	i := len(g.start)
	g.start = append(g.start, g.colEnd[c])
	g.col = append(g.col, uint8(c))
	e := float64(g.ext[i])
	g.maxExt = math.Max(g.maxExt, e)
	g.colEnd[c] += e + g.gap
}

// truncate drops placements from item k on and replays the column ends.
func (g *MasonryGrid) truncate(k int) {
	g.start, g.col = g.start[:k], g.col[:k]
	if cap(g.colEnd) < g.n {
		g.colEnd = make([]float64, g.n)
	}
	g.colEnd = g.colEnd[:g.n]
	clear(g.colEnd)
	g.maxExt = 0
	for i := range k {
		e := float64(g.ext[i])
		g.colEnd[g.col[i]] = g.start[i] + e + g.gap
		g.maxExt = math.Max(g.maxExt, e)
	}
	for len(g.live) > 0 && g.live[len(g.live)-1] >= g.count {
		last := len(g.live) - 1
		g.Children.Dispose(g.live[last], g.liveNode[last])
		g.live, g.liveNode = g.live[:last], g.liveNode[:last]
	}
}

func (g *MasonryGrid) minEnd() float64 {
	m := math.Inf(1)
	for _, e := range g.colEnd {
		m = math.Min(m, e)
	}
	return m
}

// contentEnd: the longest column, plus an estimate for unplaced items
// spread over the columns.
func (g *MasonryGrid) contentEnd() float64 {
	if g.count == 0 {
		return 0
	}
	var hi float64
	for _, e := range g.colEnd {
		hi = math.Max(hi, e)
	}
	if rest := g.count - len(g.start); rest > 0 {
		avg := 1.0
		if g.nExt > 0 {
			avg = g.sumExt / float64(g.nExt)
		}
		hi = math.Max(hi, g.minEnd()+float64(rest)*(avg+g.gap)/float64(g.n))
	}
	return math.Max(0, hi-g.gap)
}

func (g *MasonryGrid) liveAt(i int) int {
	k := sort.SearchInts(g.live, i)
	if k < len(g.live) && g.live[k] == i {
		return k
	}
	return -1
}

func (g *MasonryGrid) insertLive(i int, node layout.NodeID) {
	k := sort.SearchInts(g.live, i)
	g.live = append(g.live, 0)
	g.liveNode = append(g.liveNode, 0)
	copy(g.live[k+1:], g.live[k:])
	copy(g.liveNode[k+1:], g.liveNode[k:])
	g.live[k], g.liveNode[k] = i, node
}

func (g *MasonryGrid) disposeAll() {
	for k, i := range g.live {
		g.Children.Dispose(i, g.liveNode[k])
	}
	g.live, g.liveNode = g.live[:0], g.liveNode[:0]
}

// Place implements Sliver.
func (g *MasonryGrid) Place(f *Frame, origin, cross float64) {
	for k, i := range g.live {
		f.place(i, g.liveNode[k], origin+g.lead+g.start[i],
			cross+g.cs+float64(g.col[i])*(g.colW+g.cgap), float64(g.ext[i]), g.colW, false)
	}
}

// ItemChanged tells the grid item index's content changed.
func (g *MasonryGrid) ItemChanged(index int) { g.dirty = append(g.dirty, index) }

// RevealItem implements Revealer: items are placed (measured) up to index.
func (g *MasonryGrid) RevealItem(index int, builtOnly bool) (float64, float64, bool) {
	if !g.begun || index < 0 || index >= g.count {
		return 0, 0, false
	}
	if builtOnly && g.liveAt(index) < 0 {
		return 0, 0, false
	}
	g.placeUpTo(index)
	return g.lead + g.start[index], float64(g.ext[index]), true
}

// placeUpTo places items through index, measuring unmeasured ones (a
// live item is measured already; others are built and disposed at once).
func (g *MasonryGrid) placeUpTo(index int) {
	for len(g.start) <= index {
		i := len(g.start)
		if g.ext[i] < 0 {
			node, e := g.Children.Build(i, g.colW)
			g.setExt(i, e)
			g.Children.Dispose(i, node)
		}
		g.placeNext()
	}
}

// Reset disposes every item and forgets all measurements and placements
// (the data array was replaced).
func (g *MasonryGrid) Reset() {
	g.disposeAll()
	g.dirty = g.dirty[:0]
	g.begun = false
}

// LiveCount is the number of built items.
func (g *MasonryGrid) LiveCount() int { return len(g.live) }
