package engine

import (
	"github.com/skyline-go/skyline/engine/expr"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/scroll"
	"github.com/skyline-go/skyline/widgets"
)

// Builders (list-builder / grid-builder, spec §4.7, §6.4): the single child
// of the builder is an item template. An item's subtree is instantiated
// from it only while its slot is inside viewport + cache-extent, with
// slot:item / slot:index (or their aliases; item / index when the content
// names none) bound in a let frame. A disposed item's nodes and layout box
// slots go to the builder's pool; the next built item takes them and is
// rebound to its index through the setData machinery (its let frame's
// watchers fire) instead of being re-created.
//
// Dynamic slots: glass-easel passes the item through the builder's
// <slot item="{{item}}"/>; the engine has no such component, so the
// builder reads the slot:x names off the content's iSlotVars wrapper and
// binds them itself.

// builderTmpl is a builder's template and item state, kept on the
// builder node's runtime state.
type builderTmpl struct {
	page  *Page
	node  *Node
	body  []*instr
	frame *frame
	owner *Instance
	// itemName / indexName are the names slot:item / slot:index give the
	// values in the content.
	itemName, indexName string

	sv   *scrollView
	box  layout.NodeID
	lazy itemChanger
	list *scroll.List
	grid resetSliver
	live map[int]*builtItem
	pool []*builtItem
	// carry holds the items live when the box tree was rebuilt, by index:
	// Build takes an index's own item back (a component instance stays
	// with its index); settle disposes those not built again.
	carry map[int]*builtItem
	// carrying: the first layout after a rebuild is running; an item it
	// disposes is carried too (the layout may build its index again).
	carrying bool
	reset    bool // the list was replaced: dispose everything
	stampV   uint32
	// Created / Reused count instantiated vs recycled items.
	created, reused int
}

// builtItem is one instantiated item: its let frame, region and root.
type builtItem struct {
	index int
	fr    *frame
	reg   *region
	root  *Node
	extra []*Node // further top-level nodes of the template (not laid out)
}

// isBuilderTag reports the builder components.
func isBuilderTag(tag string) bool { return tag == "list-builder" || tag == "grid-builder" }

// builderTemplate is instantiate's hook for a builder element: its
// content is kept as the item template instead of being instantiated.
func (p *Page) builderTemplate(n *Node, in *instr, f *frame, owner *Instance) {
	b := &builderTmpl{page: p, node: n, body: in.children, frame: f, owner: owner, itemName: "item", indexName: "index"}
	if len(b.body) == 1 && b.body[0].kind == iSlotVars {
		w := b.body[0]
		b.body = w.children
		for _, v := range w.slotVars {
			switch v.name {
			case "item":
				b.itemName = v.alias
			case "index":
				b.indexName = v.alias
			}
		}
	}
	if n.rt == nil {
		n.rt = new(nodeRT)
	}
	n.rt.builder = b
	// A change inside the list reaches the live item of that index (or
	// forgets an unbuilt one's measurement); a new list starts over.
	for _, a := range in.attrs {
		if a.name == "list" && a.t != nil {
			f.watchDeps(a.t.Deps(), b)
		}
	}
}

// watcher: the builder watches its list.
func (b *builderTmpl) dead() bool     { return b.node.dead }
func (b *builderTmpl) forwards() bool { return true }
func (b *builderTmpl) stamp() *uint32 { return &b.stampV }
func (b *builderTmpl) fire(p *Page, rest []string) {
	if b.sv == nil {
		return
	}
	i, ok := -1, false
	if len(rest) > 0 {
		i, ok = arrayIndex(rest[0])
	}
	if !ok {
		b.reset = true
	} else if it := b.live[i]; it != nil {
		it.fr.lets[0].val = b.itemAt(i)
		p.collect(&it.fr.watch, append([]string{b.itemName}, rest[1:]...))
	} else if b.lazy != nil {
		b.lazy.ItemChanged(i)
	}
	b.sv.t.sc.noteChanged(b.sv)
}

func (b *builderTmpl) items() []any {
	if a, ok := b.node.Attr("list"); ok {
		if l, ok := a.Value.([]any); ok {
			return l
		}
	}
	return nil
}

func (b *builderTmpl) itemAt(i int) any {
	if l := b.items(); i < len(l) {
		return l[i]
	}
	return expr.Undefined
}

// ItemCount is min(child-count, len(list)) (spec §4.7; doc.go).
func (b *builderTmpl) ItemCount() int {
	n := len(b.items())
	if _, ok := b.node.Attr("child-count"); ok {
		n = min(n, max(0, int(numAttr(b.node, "child-count", 0))))
	}
	return n
}

// Build instantiates item i, or rebinds a pooled item to it.
func (b *builderTmpl) Build(i int, cross float64) (layout.NodeID, float64) {
	p, t := b.page, b.sv.t
	wasLoading := p.loading
	p.loading = true // the builder styles and boxes the item itself
	// Each item is its own budget pass with its own node count: live items
	// are bounded by the viewport, not by the page's node budget.
	saved := p.bud
	p.bud.nodes = 0
	p.beginPass()
	it, carried := b.carry[i]
	if carried {
		delete(b.carry, i)
	} else {
		it = b.take()
	}
	if it == nil {
		b.created++
		it = &builtItem{}
		it.fr = &frame{parent: b.frame, kind: fLet, lets: []letVar{{name: b.itemName, val: b.itemAt(i)}, {name: b.indexName, val: float64(i)}}}
		it.reg = &region{host: b.node, frame: it.fr, owner: b.owner}
		p.inst(it.reg, b.body, it.fr, b.node.lastChild, 0)
		for _, n := range it.reg.topNodes(nil) {
			if it.root == nil && n.Kind == ElementNode {
				it.root = n
			} else {
				it.extra = append(it.extra, n)
			}
		}
	} else {
		if !carried {
			b.reused++
		}
		if it.root != nil {
			insertAfter(b.node, b.node.lastChild, it.root)
		}
		it.fr.lets[0].val, it.fr.lets[1].val = b.itemAt(i), float64(i)
		p.collectAll(&it.fr.watch)
		p.flush()
	}
	saved.work = p.bud.work
	p.bud = saved
	p.loading = wasLoading
	it.index = i
	if b.live == nil {
		b.live = map[int]*builtItem{}
	}
	b.live[i] = it
	if it.root == nil {
		return 0, 0
	}
	pl := p.pipe
	pl.resolver.BeginPass()
	p.styleSubtree(it.root, b.node.Style, true)
	pl.resolver.EndPass()
	t.addElement(it.root, b.box)
	id := layout.NodeID(it.root.Index)
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

// stateful reports an item holding a component instance or a
// scroll-view: it is not recycled (Dispose).
func (it *builtItem) stateful() bool {
	if it.root != nil && statefulTree(it.root) {
		return true
	}
	for _, n := range it.extra {
		if statefulTree(n) {
			return true
		}
	}
	return false
}

func statefulTree(n *Node) bool {
	if n.inst != nil || n.Kind == ElementNode && n.Spec.Kind == widgets.Scroller {
		return true
	}
	for c := n.firstChild; c != nil; c = c.next {
		if statefulTree(c) {
			return true
		}
	}
	return false
}

// destroyItems destroys every built and pooled item (the builder node
// itself was destroyed): their bindings stop, their instances detach.
func (p *Page) destroyItems(b *builderTmpl) {
	for i, it := range b.live {
		p.destroy(it.reg, false)
		delete(b.live, i)
	}
	for i, it := range b.carry {
		p.destroy(it.reg, false)
		delete(b.carry, i)
	}
	for _, it := range b.pool {
		p.destroy(it.reg, false)
	}
	clear(b.pool)
	b.pool = b.pool[:0]
}

func (b *builderTmpl) take() *builtItem {
	if n := len(b.pool); n > 0 {
		it := b.pool[n-1]
		b.pool = b.pool[:n-1]
		return it
	}
	return nil
}

// Relayout lays a live item out again.
func (b *builderTmpl) Relayout(i int, id layout.NodeID, cross float64) float64 {
	return b.sv.layoutUnit(id, cross, layout.Maybe{})
}

// Dispose returns item i to the pool: its nodes leave the tree, its box
// slots go to the host's free list, its layer is released.
func (b *builderTmpl) Dispose(i int, id layout.NodeID) {
	t := b.sv.t
	it := b.live[i]
	delete(b.live, i)
	if it == nil {
		return
	}
	if it.root != nil {
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
		it.root.Index = 0
		unlink(it.root)
	}
	if b.carrying {
		b.carry[i] = it
		return
	}
	b.release(i, it)
}

// release pools item i's subtree, or destroys it when it holds state of
// its own, and emits itemdispose.
func (b *builderTmpl) release(i int, it *builtItem) {
	if it.stateful() {
		// Component instances and scroll-views have state of their own
		// (script data, a scroll offset) that rebinding would carry to
		// another index: the item is destroyed (the logic layer hears
		// detached) and the next index gets a new one.
		for _, n := range it.extra {
			unlink(n)
		}
		b.page.destroy(it.reg, false)
	} else {
		b.pool = append(b.pool, it)
	}
	if binds(b.node, "itemdispose") {
		b.sv.t.sc.emit(b.page, b.node, "itemdispose", map[string]any{"index": float64(i)})
	}
}

// settle releases the carried items the first layout of a new box tree
// did not build again.
func (b *builderTmpl) settle() {
	b.carrying = false
	for i, it := range b.carry {
		delete(b.carry, i)
		b.release(i, it)
	}
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
	if n.rt == nil || n.rt.builder == nil {
		return nil
	}
	b := n.rt.builder
	// A new box tree: the live items lose their boxes and are carried
	// over by index; the new sliver builds what it needs, taking each
	// index's own item back (settle releases the rest).
	if b.carry == nil {
		b.carry = map[int]*builtItem{}
	}
	for i, it := range b.live {
		if it.root != nil {
			it.root.Index = 0
			unlink(it.root)
		}
		b.carry[i] = it
		delete(b.live, i)
	}
	b.carrying = true
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
type builderState struct{ builders []*builderTmpl }

func (s *builderState) reset(sv *scrollView) { s.builders = s.builders[:0] }

// settleBuilders releases the items a box-tree rebuild carried over and
// the layout did not build again.
func (sv *scrollView) settleBuilders() {
	for _, b := range sv.build.builders {
		if b.carrying || len(b.carry) > 0 {
			b.settle()
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
	if n == nil || n.rt == nil || n.rt.builder == nil {
		return 0, 0, 0, false
	}
	b := n.rt.builder
	return len(b.live), b.created, b.reused, true
}
