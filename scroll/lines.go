package scroll

import (
	"math"

	"github.com/skyline-go/skyline/layout"
)

// Insets are paddings in CSS order (spec §4.5–4.7 padding: [T, R, B, L] px).
type Insets struct{ Top, Right, Bottom, Left float64 }

// along splits the insets into scroll-order leading / trailing and
// cross-start / cross-end for an axis.
func (p Insets) along(axis Axis, reverse bool) (lead, trail, cs, ce float64) {
	if axis == Horizontal {
		lead, trail, cs, ce = p.Left, p.Right, p.Top, p.Bottom
	} else {
		lead, trail, cs, ce = p.Top, p.Bottom, p.Left, p.Right
	}
	if reverse {
		lead, trail = trail, lead
	}
	return
}

// lines is the lazy core shared by List and the aligned Grid: a sequence of
// lines (a list item, or a grid row of perLine items) of which only a
// contiguous window is built — the lines intersecting the cache area.
//
// Positions: built lines are the truth for the current frame; an unbuilt
// line k sits at store.offset(k) + drift, where drift is how far the built
// window's measured layout has moved from the store's estimate. drift keeps
// the sliver's extent continuous when its window empties (the sliver left
// the cache area), so content after it never jumps — the grid-builder
// jump-to-top bug of spec §4.7 cannot happen. When the window reaches line 0
// off 0, or a leading line would start before 0, the window is shifted and
// the shift returned as a ScrollOffsetCorrection: what is on screen keeps its
// screen position.
type lines struct {
	perLine       int
	gap, crossGap float64
	fixed         float64 // static extent per line, 0 = measured
	initial       int     // items to build on the first layout

	store extents
	drift float64
	live  []liveLine
	nodes []layout.NodeID // perLine per live line
	ext   []float64       // item main extents, perLine per live line
	count int             // items
	colW  float64         // item cross extent of the live items
	cs    float64         // cross-start padding
	lead  float64
	c     SliverConstraints
	dirty bool
	begun bool
}

type liveLine struct {
	index          int
	offset, extent float64 // content coordinates; extent without the gap
	dirty          bool
}

func (l *lines) nlines() int { return (l.count + l.perLine - 1) / l.perLine }

// sync applies item-count and cross-extent changes before a layout.
func (l *lines) sync(m ChildManager, colW float64) {
	n := max(m.ItemCount(), 0)
	if !l.begun {
		l.begun = true
		l.count = n
		l.store.reset(l.nlines(), l.fixed)
		l.colW = colW
	}
	if n != l.count {
		keep := min(n, l.count) / l.perLine // lines untouched by the change
		for len(l.live) > 0 && l.live[len(l.live)-1].index >= keep {
			l.disposeBack(m)
		}
		for len(l.live) > 0 && l.live[0].index >= keep {
			l.disposeFront(m)
		}
		l.count = n
		l.store.resize(l.nlines())
		for k := keep; k < l.nlines() && k*l.perLine < n; k++ {
			l.store.forget(k)
		}
	}
	if colW != l.colW {
		// Every measurement was taken at the old width (spec §4.6 column
		// width depends on the cross size): estimates restart, live lines
		// are laid out again.
		l.colW = colW
		l.store.reset(l.nlines(), l.fixed)
		for i := range l.live {
			l.live[i].dirty = true
		}
		l.dirty = len(l.live) > 0
	}
}

// itemChanged records that item index's content changed (its extent may
// have): a built line is laid out again at the next layout, an unbuilt one
// forgets its measurement.
func (l *lines) itemChanged(index int) {
	k := index / l.perLine
	if i := l.liveIndex(k); i >= 0 {
		l.live[i].dirty = true
		l.dirty = true
		return
	}
	l.store.forget(k)
}

func (l *lines) liveIndex(k int) int {
	if len(l.live) == 0 || k < l.live[0].index || k > l.live[len(l.live)-1].index {
		return -1
	}
	return k - l.live[0].index
}

// buildLine builds line k's items and returns its extent (without gap).
func (l *lines) buildLine(m ChildManager, k int, nodes []layout.NodeID, ext []float64) float64 {
	var e float64
	for j := 0; j < l.perLine; j++ {
		idx := k*l.perLine + j
		if idx >= l.count {
			nodes[j], ext[j] = 0, 0
			continue
		}
		node, me := m.Build(idx, l.colW)
		me = float64(float32(me)) // the store keeps float32: stay consistent with it
		nodes[j], ext[j] = node, me
		e = math.Max(e, me)
	}
	if l.fixed > 0 {
		return l.fixed - l.gap
	}
	l.store.set(k, e+l.gap)
	return e
}

func (l *lines) relayoutLine(m ChildManager, i int) {
	ln := &l.live[i]
	var e float64
	for j := 0; j < l.perLine; j++ {
		idx := ln.index*l.perLine + j
		if idx >= l.count {
			continue
		}
		me := float64(float32(m.Relayout(idx, l.nodes[i*l.perLine+j], l.colW)))
		l.ext[i*l.perLine+j] = me
		e = math.Max(e, me)
	}
	ln.dirty = false
	if l.fixed > 0 {
		ln.extent = l.fixed - l.gap
		return
	}
	ln.extent = e
	l.store.set(ln.index, e+l.gap)
}

func (l *lines) pushBack(m ChildManager, k int, offset float64) {
	p := l.perLine
	l.nodes = append(l.nodes, make0(p)...)
	l.ext = append(l.ext, zeros(p)...)
	n := len(l.live)
	e := l.buildLine(m, k, l.nodes[n*p:], l.ext[n*p:])
	l.live = append(l.live, liveLine{index: k, offset: offset, extent: e})
}

// pushFront builds line k ending at end (the next line's start minus gap).
func (l *lines) pushFront(m ChildManager, k int, end float64) {
	p := l.perLine
	l.nodes = append(l.nodes, make0(p)...)
	l.ext = append(l.ext, zeros(p)...)
	l.live = append(l.live, liveLine{})
	copy(l.nodes[p:], l.nodes)
	copy(l.ext[p:], l.ext)
	copy(l.live[1:], l.live)
	e := l.buildLine(m, k, l.nodes[:p], l.ext[:p])
	l.live[0] = liveLine{index: k, offset: end - e, extent: e}
}

func (l *lines) disposeLine(m ChildManager, i int) {
	k := l.live[i].index
	for j := 0; j < l.perLine; j++ {
		if idx := k*l.perLine + j; idx < l.count {
			m.Dispose(idx, l.nodes[i*l.perLine+j])
		}
	}
}

func (l *lines) disposeFront(m ChildManager) {
	l.disposeLine(m, 0)
	p := l.perLine
	copy(l.live, l.live[1:])
	copy(l.nodes, l.nodes[p:])
	copy(l.ext, l.ext[p:])
	l.live = l.live[:len(l.live)-1]
	l.nodes = l.nodes[:len(l.nodes)-p]
	l.ext = l.ext[:len(l.ext)-p]
}

func (l *lines) disposeBack(m ChildManager) {
	l.disposeLine(m, len(l.live)-1)
	l.live = l.live[:len(l.live)-1]
	l.nodes = l.nodes[:len(l.nodes)-l.perLine]
	l.ext = l.ext[:len(l.ext)-l.perLine]
}

func (l *lines) disposeAll(m ChildManager) {
	for len(l.live) > 0 {
		l.disposeBack(m)
	}
}

// Tiny reusable zero slices for append growth without per-call allocation
// once the live buffers have reached their steady capacity.
var zeroNodes [64]layout.NodeID
var zeroExt [64]float64

func make0(p int) []layout.NodeID {
	if p <= len(zeroNodes) {
		return zeroNodes[:p]
	}
	return make([]layout.NodeID, p)
}

func zeros(p int) []float64 {
	if p <= len(zeroExt) {
		return zeroExt[:p]
	}
	return make([]float64, p)
}

// contentEnd is the estimated end of all content (content coordinates).
func (l *lines) contentExtent() float64 {
	if l.count == 0 {
		return 0
	}
	if len(l.live) > 0 {
		f := l.live[0]
		l.drift = f.offset - l.store.offset(f.index)
	}
	return math.Max(0, l.store.totalExtent()+l.drift-l.gap)
}

// layout is the sliver layout in content coordinates (padding removed by
// the caller through lead).
func (l *lines) layout(m ChildManager, c SliverConstraints, lead, trail float64) SliverGeometry {
	l.c, l.lead = c, lead
	view := c.ScrollOffset - lead
	cs, ce := c.cacheStart()-lead, c.cacheEnd()-lead

	// Anchoring (spec §4.5 scroll-anchoring): lay dirty lines out again and
	// re-place the window around the first visible line, so content above
	// it that changed size moves only what is above.
	if l.dirty {
		a := 0
		if c.Anchoring {
			for a < len(l.live)-1 && l.live[a].offset+l.live[a].extent+l.gap <= view {
				a++
			}
		}
		for i := range l.live {
			if l.live[i].dirty {
				l.relayoutLine(m, i)
			}
		}
		for i := a + 1; i < len(l.live); i++ {
			l.live[i].offset = l.live[i-1].offset + l.live[i-1].extent + l.gap
		}
		for i := a - 1; i >= 0; i-- {
			l.live[i].offset = l.live[i+1].offset - l.gap - l.live[i].extent
		}
		l.dirty = false
	}

	n := l.nlines()
	total := l.contentExtent()
	// Without any measurement the estimate means nothing: build where the
	// viewport is and let the corrections settle it.
	guess := l.fixed == 0 && l.store.nmeas == 0
	if n == 0 || (!guess && (c.RemainingCacheExtent <= 0 || ce <= 0 || cs >= total)) {
		// Outside the cache area: nothing stays built (spec §6.4); drift
		// keeps the extent as it was.
		l.disposeAll(m)
		return geometryFor(&c, lead+total+trail)
	}

	// Trim lines that left the cache area; jump when the window no longer
	// intersects it (a fling skipped it, or a reveal moved it).
	for len(l.live) > 0 && l.live[0].offset+l.live[0].extent+l.gap <= cs {
		l.disposeFront(m)
	}
	for len(l.live) > 0 && l.live[len(l.live)-1].offset >= ce {
		l.disposeBack(m)
	}
	if len(l.live) == 0 {
		l.jump(m, l.store.indexAt(math.Max(view, cs)-l.drift))
	}

	// Fill toward the start.
	for l.live[0].index > 0 && l.live[0].offset > cs {
		l.pushFront(m, l.live[0].index-1, l.live[0].offset-l.gap)
	}
	f := l.live[0]
	corr := 0.0
	switch {
	case f.index == 0 && !approxEq(f.offset, 0):
		corr = -f.offset
	case f.index > 0 && f.offset < 0:
		// Estimates above were too large: no room for the lines above.
		corr = l.store.offset(f.index) - f.offset
	}
	if corr != 0 {
		for i := range l.live {
			l.live[i].offset += corr
		}
		l.contentExtent()
		return SliverGeometry{ScrollOffsetCorrection: corr}
	}

	// Fill toward the end (and build initial-child-count items on the first
	// layout, spec §4.7).
	for {
		b := l.live[len(l.live)-1]
		if b.index >= n-1 {
			break
		}
		if b.offset+b.extent+l.gap >= ce && (b.index+1)*l.perLine >= l.initial {
			break
		}
		l.pushBack(m, b.index+1, b.offset+b.extent+l.gap)
	}
	l.initial = 0
	return geometryFor(&c, lead+l.contentExtent()+trail)
}

// jump makes line k the whole window at its estimated position. The line
// is measured first: its own extent is part of the estimate of the lines
// before it once it is the only measurement.
func (l *lines) jump(m ChildManager, k int) {
	l.pushBack(m, k, 0)
	l.live[0].offset = l.store.offset(k) + l.drift
}

// place appends the live items.
func (l *lines) place(f *Frame, origin, cross float64) {
	for i, ln := range l.live {
		for j := 0; j < l.perLine; j++ {
			idx := ln.index*l.perLine + j
			if idx >= l.count {
				break
			}
			k := i*l.perLine + j
			f.place(idx, l.nodes[k], origin+l.lead+ln.offset,
				cross+l.cs+float64(j)*(l.colW+l.crossGap), l.ext[k], l.colW, false)
		}
	}
}

// reveal answers RevealItem: a line outside the window becomes the whole
// window, placed at its estimated position, so the next layout grows around
// it and the target lands where the caller computed (one frame).
func (l *lines) reveal(m ChildManager, index int, builtOnly bool) (float64, float64, bool) {
	if !l.begun || index < 0 || index >= l.count {
		return 0, 0, false
	}
	k := index / l.perLine
	j := index % l.perLine
	if i := l.liveIndex(k); i >= 0 && !l.live[i].dirty {
		return l.lead + l.live[i].offset, l.ext[i*l.perLine+j], true
	}
	if builtOnly {
		return 0, 0, false
	}
	l.contentExtent() // refresh drift from the current window
	l.disposeAll(m)
	l.jump(m, k)
	return l.lead + l.live[0].offset, l.ext[j], true
}

// rebase disposes the window and drops the drift (List.Rebase).
func (l *lines) rebase(m ChildManager) {
	l.disposeAll(m)
	l.drift = 0
}

// liveItems reports how many items are built.
func (l *lines) liveItems() int {
	if len(l.live) == 0 {
		return 0
	}
	last := l.live[len(l.live)-1].index
	return min(l.count, (last+1)*l.perLine) - l.live[0].index*l.perLine
}
