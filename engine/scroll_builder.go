package engine

import (
	"github.com/skyline-go/skyline/engine/template"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/scroll"
)

// Builders (list-builder / grid-builder, spec §4.7, §6.4) as scroll-view
// content: the builder's sliver (scroll.List, scroll.Grid,
// scroll.MasonryGrid) decides which items exist — those inside viewport +
// cache-extent — and asks builderBox for them; the template stage makes,
// rebinds and pools the items' nodes (template.Builder), and builderBox
// styles them, gives them boxes and lays them out as the sliver's units.

// builderBox is a builder's layout side, kept on the builder node's
// runtime state.
type builderBox struct {
	page *Page
	tb   *template.Builder
	node *Node

	sv   *scrollView
	box  layout.NodeID
	lazy itemChanger
	list *scroll.List
	grid resetSliver
	// reset: the list was replaced; the next layout starts it over.
	reset bool
}

// builderBoxOf returns n's builder layout state, making it at the first
// layout of a builder node; nil for other nodes.
func (p *Page) builderBoxOf(n *Node) *builderBox {
	rt := ensureRT(n)
	if rt.builder == nil {
		tb := template.BuilderOf(n)
		if tb == nil {
			return nil
		}
		b := &builderBox{page: p, tb: tb, node: n}
		tb.OnChange = b.changed
		tb.OnRelease = b.released
		rt.builder = b
	}
	return rt.builder
}

// changed: a change inside the list (template.Builder.OnChange).
func (b *builderBox) changed(i int) {
	if b.sv == nil {
		return
	}
	switch {
	case i < 0:
		b.reset = true
	case !b.tb.Live(i) && b.lazy != nil:
		b.lazy.ItemChanged(i) // forget an unbuilt item's measurement
	}
	b.sv.t.sc.noteChanged(b.sv)
}

// released: item i was given back for good; tell the page (itemdispose).
func (b *builderBox) released(i int) {
	if binds(b.node, "itemdispose") {
		b.sv.t.sc.emit(b.page, b.node, "itemdispose", map[string]any{"index": float64(i)})
	}
}

// ItemCount is min(child-count, len(list)) (spec §4.7; doc.go).
func (b *builderBox) ItemCount() int {
	n := b.tb.Len()
	if _, ok := b.node.Attr("child-count"); ok {
		n = min(n, max(0, int(numAttr(b.node, "child-count", 0))))
	}
	return n
}

// Build makes item i (template.Builder.Build), styles it, gives it boxes
// and lays it out as a unit of the sliver.
func (b *builderBox) Build(i int, cross float64) (layout.NodeID, float64) {
	p, t := b.page, b.sv.t
	root, carried := b.tb.Build(i)
	if root == nil {
		return 0, 0
	}
	pl := p.pipe
	if !carried {
		p.forgetMotion(root) // a new or rebound item: nothing transitions from a previous binding
	}
	p.syncSubtree(root) // form controls' state classes (controls.go)
	pl.resolver.BeginPass()
	p.styleSubtree(root, b.node.Style, true)
	pl.resolver.EndPass()
	p.sizeSubtree(root)
	t.addElement(root, b.box)
	id := layout.NodeID(root.Index)
	if t.sc.units == nil {
		t.sc.units = map[layout.NodeID]unitRef{}
	}
	t.sc.units[id] = unitRef{sv: b.sv, lazy: b.lazy, index: i}
	ext := b.sv.layoutUnit(id, cross, layout.Maybe{})
	if !carried && binds(b.node, "itembuild") {
		t.sc.emit(p, b.node, "itembuild", map[string]any{"index": float64(i)})
	}
	return id, ext
}

// Relayout lays a live item out again.
func (b *builderBox) Relayout(i int, id layout.NodeID, cross float64) float64 {
	return b.sv.layoutUnit(id, cross, layout.Maybe{})
}

// Dispose returns item i to the template's pool: its box slots go to the
// host's free list, its layer is released.
func (b *builderBox) Dispose(i int, id layout.NodeID) {
	t := b.sv.t
	if root := b.tb.Root(i); root != nil {
		bb := &t.boxes[b.box]
		for k, c := range bb.children {
			if c == id {
				bb.children = append(bb.children[:k], bb.children[k+1:]...)
				break
			}
		}
		delete(t.sc.units, id)
		b.sv.layers.Release(id)
		t.freeBoxTree(id)
	}
	b.tb.Dispose(i)
}

// freeBoxTree puts box id and its descendants on the free list (newBox
// takes slots from it), keeping their children buffers.
func (t *layoutTree) freeBoxTree(id layout.NodeID) {
	for _, c := range t.boxes[id].children {
		t.freeBoxTree(c)
	}
	t.sc.free = append(t.sc.free, id)
}

// builderSliver makes the sliver of a builder box (custom mode only).
func (sv *scrollView) builderSliver(c layout.NodeID) scroll.Sliver {
	n := sv.t.boxes[c].node
	b := sv.t.page.builderBoxOf(n)
	if b == nil {
		return nil
	}
	// A new box tree: the live items lose their boxes and are carried
	// over by index; the new sliver builds what it needs, taking each
	// index's own item back (Settle releases the rest).
	b.tb.CarryAll()
	b.sv, b.box, b.reset = sv, c, false
	sv.t.boxes[c].children = sv.t.boxes[c].children[:0]
	pad := insetsAttr(n, "padding")
	if n.Tag == "grid-builder" {
		count := int(numAttr(n, "cross-axis-count", 2))
		maxExt := numAttr(n, "max-cross-axis-extent", 0)
		mg, cg := numAttr(n, "main-axis-gap", 0), numAttr(n, "cross-axis-gap", 0)
		var s resetSliver
		if strAttr(n, "type") == "masonry" {
			g := &scroll.MasonryGrid{Children: b, CrossAxisCount: count, MaxCrossAxisExtent: maxExt, MainAxisGap: mg, CrossAxisGap: cg, Padding: pad}
			b.lazy, s = g, g
		} else {
			g := &scroll.Grid{Children: b, CrossAxisCount: count, MaxCrossAxisExtent: maxExt, MainAxisGap: mg, CrossAxisGap: cg, Padding: pad}
			b.lazy, s = g, g
		}
		b.list, b.grid = nil, s
		sv.build.builders = append(sv.build.builders, b)
		return s
	}
	l := &scroll.List{Children: b, Padding: pad, InitialChildCount: int(numAttr(n, "initial-child-count", 0))}
	if strAttr(n, "type") != "dynamic" {
		l.ChildExtent = numAttr(n, "child-height", 0) // static: arithmetic slots
	}
	b.lazy, b.list, b.grid = l, l, nil
	sv.build.builders = append(sv.build.builders, b)
	return l
}

// resetSliver is a grid-builder's sliver (scroll.Grid, scroll.MasonryGrid).
type resetSliver interface {
	scroll.Sliver
	Reset()
}

// builderState is a scroll-view's builders.
type builderState struct{ builders []*builderBox }

func (s *builderState) reset(sv *scrollView) { s.builders = s.builders[:0] }

// settleBuilders releases the items a box-tree rebuild carried over and
// the layout did not build again.
func (sv *scrollView) settleBuilders() {
	for _, b := range sv.build.builders {
		if b.tb.Carrying() {
			b.tb.Settle()
		}
	}
}

// resetBuilders starts replaced lists over before a layout.
func (sv *scrollView) resetBuilders() {
	for _, b := range sv.build.builders {
		if b.reset {
			b.reset = false
			switch {
			case b.list != nil:
				b.list.Reset()
			case b.grid != nil:
				b.grid.Reset()
			}
		}
	}
}

// noteChanged asks for sv's content to be laid out again at the next
// relayout.
func (h *scrollHost) noteChanged(sv *scrollView) {
	for _, s := range h.changed {
		if s == sv {
			return
		}
	}
	h.changed = append(h.changed, sv)
}

// BuilderStats reports a builder's live items and how many item instances
// it created and reused (recycling, spec §4.7).
func (p *Page) BuilderStats(n *Node) (live, created, reused int, ok bool) {
	if n == nil {
		return 0, 0, 0, false
	}
	b := template.BuilderOf(n)
	if b == nil {
		return 0, 0, 0, false
	}
	live, created, reused = b.Stats()
	return live, created, reused, true
}
