package engine

import (
	"github.com/skyline-go/skyline/engine/template"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/scroll"
)

// Scroll anchoring across a box-tree rebuild (spec §4.5 scroll-anchoring).
// A structural change anywhere on the page (a wx:if, an item appended to a
// list by the load-more handler, a keyed move) rebuilds the box tree, and
// with it every scroll-view's slivers: their measured extents are gone and
// positions are estimates again, so the same scroll offset would show
// other items (an append at the end of a list-mode feed scrolled to row 27
// showed row 81). As Chromium's scroll anchoring keeps the first visible
// node in place across DOM changes, the first unit that was on screen and
// still exists is revealed where it was: what is on screen stays, the
// estimates move to the content above it. The offset is corrected, not
// jumped to, so a running fling goes on.

// anchorRef is a unit that was on screen at the end of a layout: its node
// (units that persist: list mode, list-view, grid-view, plain boxes), or
// the builder and index of a builder item; main is its leading edge on
// screen.
type anchorRef struct {
	node    *Node
	builder *Node
	index   int
	main    float64
}

// noteAnchors records the visible units after a layout.
func (sv *scrollView) noteAnchors() {
	t := sv.t
	sv.anchors = sv.anchors[:0]
	for _, pl := range sv.vp.Frame.Placements {
		if !pl.Visible || pl.Pinned {
			continue
		}
		n := t.boxes[pl.Node].node
		if n == nil {
			continue
		}
		a := anchorRef{node: n, index: pl.Index, main: pl.Main}
		if par := t.boxes[pl.Node].parent; pl.Index >= 0 && t.boxes[par].node != nil && template.BuilderOf(t.boxes[par].node) != nil {
			a.node, a.builder = nil, t.boxes[par].node
		}
		sv.anchors = append(sv.anchors, a)
	}
}

// reanchor runs at the first layout of rebuilt slivers: it finds the first
// recorded unit in them and corrects the offset so that it is where it
// was. It reports whether it did (the caller lays out again).
func (sv *scrollView) reanchor() bool {
	if !sv.rebuilt {
		return false
	}
	sv.rebuilt = false
	if sv.vp.DisableAnchoring {
		return false
	}
	for _, a := range sv.anchors {
		s, i, ok := sv.findUnit(a)
		if !ok {
			continue
		}
		r, isR := sv.vp.Slivers[s].(scroll.Revealer)
		if !isR {
			continue
		}
		// The rebuilt sliver's first layout guessed where its items
		// are: reveal the anchor at its estimated place instead.
		if rb, ok := r.(interface{ Rebase() }); ok {
			rb.Rebase()
		}
		start, ext, ok := r.RevealItem(i, false)
		if !ok {
			continue
		}
		at := sv.vp.SliverStart(s) + start
		var off float64
		if sv.vp.Reverse {
			off = at + ext + a.main - sv.vp.MainExtent
		} else {
			off = at - a.main
		}
		// The sliver changed (rebased, revealed): lay out again even
		// when the offset stays.
		if d := off - sv.vp.Offset(); d != 0 {
			sv.sc.Correct(d)
			sv.keepPhase(d)
		}
		return true
	}
	return false
}

// findUnit locates anchor a among the top-level slivers: the sliver and
// the item index.
func (sv *scrollView) findUnit(a anchorRef) (s, index int, ok bool) {
	t := sv.t
	var id layout.NodeID
	if a.node != nil {
		if a.node.Dead || a.node.Index <= 0 || int(a.node.Index) >= len(t.boxes) || t.boxes[a.node.Index].node != a.node {
			return 0, 0, false
		}
		id = layout.NodeID(a.node.Index)
	} else if a.builder.Dead {
		return 0, 0, false
	}
	for s, sl := range sv.vp.Slivers {
		switch x := sl.(type) {
		case *scroll.Box:
			if a.node != nil && x.Node == id {
				return s, 0, true
			}
		case *scroll.List:
			if i, ok := sv.unitIndex(x.Children, a, id); ok {
				return s, i, true
			}
		case *scroll.Grid:
			if i, ok := sv.unitIndex(x.Children, a, id); ok {
				return s, i, true
			}
		case *scroll.MasonryGrid:
			if i, ok := sv.unitIndex(x.Children, a, id); ok {
				return s, i, true
			}
		}
	}
	return 0, 0, false
}

func (sv *scrollView) unitIndex(m scroll.ChildManager, a anchorRef, id layout.NodeID) (int, bool) {
	switch u := m.(type) {
	case *unitList:
		if a.node == nil {
			return 0, false
		}
		for i, c := range u.items {
			if c == id {
				return i, true
			}
		}
	case *builderBox:
		if a.builder == u.node && a.index < u.ItemCount() {
			return a.index, true
		}
	}
	return 0, false
}
