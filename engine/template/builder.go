package template

import (
	"github.com/skyline-go/skyline/engine/dom"
	"github.com/skyline-go/skyline/engine/expr"
	"github.com/skyline-go/skyline/widgets"
)

// Builders (list-builder / grid-builder, spec §4.7, §6.4): the single child
// of the builder is an item template. The scroll-view decides which items
// exist (those inside viewport + cache-extent); this file makes them: an
// item's subtree is instantiated from the template with slot:item /
// slot:index (or their aliases; item / index when the content names none)
// bound in a let frame. A disposed item goes to the builder's pool; the
// next built item takes it and is rebound to its index through the setData
// machinery (its let frame's watchers fire) instead of being re-created.
//
// Dynamic slots: glass-easel passes the item through the builder's
// <slot item="{{item}}"/>; the engine has no such component, so the
// builder reads the slot:x names off the content's iSlotVars wrapper and
// binds them itself.

// Builder is a builder element's item template and its items.
type Builder struct {
	tree  *Tree
	node  *dom.Node
	body  []*instr
	frame *frame
	owner *Instance
	// itemName / indexName are the names slot:item / slot:index give the
	// values in the content.
	itemName, indexName string

	live map[int]*builtItem
	pool []*builtItem
	// carry holds the items live when the box tree was rebuilt, by index:
	// Build takes an index's own item back (a component instance stays
	// with its index); Settle releases those not built again.
	carry map[int]*builtItem
	// carrying: the first layout after a rebuild is running; an item it
	// disposes is carried too (the layout may build its index again).
	carrying bool
	stampV   uint32
	// created / reused count instantiated vs recycled items.
	created, reused int

	// OnChange hears a change inside the list: the index of an item whose
	// data changed (a live item is rebound before), or -1 when the list
	// was replaced. Nil until a scroll-view lays the builder out.
	OnChange func(i int)
	// OnRelease hears item i given back for good (pooled or destroyed).
	OnRelease func(i int)
}

// builtItem is one instantiated item: its let frame, region and root.
type builtItem struct {
	index int
	fr    *frame
	reg   *region
	root  *dom.Node
	extra []*dom.Node // further top-level nodes of the template (not laid out)
}

// IsBuilderTag reports the builder components.
func IsBuilderTag(tag string) bool { return tag == "list-builder" || tag == "grid-builder" }

// BuilderOf returns the item template of a builder node, nil for others.
func BuilderOf(n *dom.Node) *Builder { return stateOf(n).builder }

// builderTemplate is instantiate's hook for a builder element: its
// content is kept as the item template instead of being instantiated.
func (tr *Tree) builderTemplate(n *dom.Node, in *instr, f *frame, owner *Instance) {
	b := &Builder{tree: tr, node: n, body: in.children, frame: f, owner: owner, itemName: "item", indexName: "index"}
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
	stateOf(n).builder = b
	// A change inside the list reaches the live item of that index (or
	// forgets an unbuilt one's measurement); a new list starts over.
	for _, a := range in.attrs {
		if a.name == "list" && a.t != nil {
			f.watchDeps(a.t.Deps(), b)
		}
	}
}

// watcher: the builder watches its list.
func (b *Builder) dead() bool     { return b.node.Dead }
func (b *Builder) forwards() bool { return true }
func (b *Builder) stamp() *uint32 { return &b.stampV }
func (b *Builder) fire(tr *Tree, rest []string) {
	if b.OnChange == nil {
		return
	}
	i, ok := -1, false
	if len(rest) > 0 {
		i, ok = arrayIndex(rest[0])
	}
	if !ok {
		b.OnChange(-1)
		return
	}
	if it := b.live[i]; it != nil {
		it.fr.lets[0].val = b.itemAt(i)
		tr.collect(&it.fr.watch, append([]string{b.itemName}, rest[1:]...))
	}
	b.OnChange(i)
}

// Node returns the builder element.
func (b *Builder) Node() *dom.Node { return b.node }

func (b *Builder) items() []any {
	if a, ok := b.node.Attr("list"); ok {
		if l, ok := a.Value.([]any); ok {
			return l
		}
	}
	return nil
}

func (b *Builder) itemAt(i int) any {
	if l := b.items(); i < len(l) {
		return l[i]
	}
	return expr.Undefined
}

// Len is the length of the list attribute (the scroll-view caps it by
// child-count).
func (b *Builder) Len() int { return len(b.items()) }

// Live reports that item i is built.
func (b *Builder) Live(i int) bool { return b.live[i] != nil }

// Root returns the element of built item i (nil when it is not built or
// its template made no element).
func (b *Builder) Root(i int) *dom.Node {
	if it := b.live[i]; it != nil {
		return it.root
	}
	return nil
}

// Stats reports the live items and how many item instances were created
// and reused (recycling, spec §4.7).
func (b *Builder) Stats() (live, created, reused int) {
	return len(b.live), b.created, b.reused
}

// Build instantiates item i, or rebinds a pooled item to it, and links its
// root as the builder's last child. carried reports an item this index
// had before the box tree was rebuilt (it is not new to the logic layer).
// The caller styles and boxes the root.
func (b *Builder) Build(i int) (root *dom.Node, carried bool) {
	tr := b.tree
	wasLoading := tr.loading
	tr.loading = true // the caller styles and boxes the item itself
	// Each item is its own budget pass with its own node count: live items
	// are bounded by the viewport, not by the page's node budget.
	saved := tr.bud
	tr.bud.nodes = 0
	tr.beginPass()
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
		tr.inst(it.reg, b.body, it.fr, b.node.LastChild(), 0)
		for _, n := range it.reg.topNodes(nil) {
			if it.root == nil && n.Kind == dom.ElementNode {
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
			dom.InsertAfter(b.node, b.node.LastChild(), it.root)
		}
		it.fr.lets[0].val, it.fr.lets[1].val = b.itemAt(i), float64(i)
		tr.collectAll(&it.fr.watch)
		tr.flush()
	}
	saved.work = tr.bud.work
	tr.bud = saved
	tr.loading = wasLoading
	it.index = i
	if b.live == nil {
		b.live = map[int]*builtItem{}
	}
	b.live[i] = it
	return it.root, carried
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

func statefulTree(n *dom.Node) bool {
	if stateOf(n).inst != nil || n.Kind == dom.ElementNode && n.Spec.Kind == widgets.Scroller {
		return true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if statefulTree(c) {
			return true
		}
	}
	return false
}

// destroy destroys every built and pooled item (the builder node itself
// was destroyed): their bindings stop, their instances detach.
func (b *Builder) destroy() {
	for i, it := range b.live {
		b.tree.destroy(it.reg, false)
		delete(b.live, i)
	}
	for i, it := range b.carry {
		b.tree.destroy(it.reg, false)
		delete(b.carry, i)
	}
	for _, it := range b.pool {
		b.tree.destroy(it.reg, false)
	}
	clear(b.pool)
	b.pool = b.pool[:0]
}

func (b *Builder) take() *builtItem {
	if n := len(b.pool); n > 0 {
		it := b.pool[n-1]
		b.pool = b.pool[:n-1]
		return it
	}
	return nil
}

// Dispose takes item i out of the tree: it is carried while a rebuilt box
// tree is first laid out, else pooled (or destroyed, release).
func (b *Builder) Dispose(i int) {
	it := b.live[i]
	delete(b.live, i)
	if it == nil {
		return
	}
	if it.root != nil {
		it.root.Index = 0 // its box is gone
		dom.Unlink(it.root)
	}
	if b.carrying {
		b.carry[i] = it
		return
	}
	b.release(i, it)
}

// CarryAll starts a rebuilt box tree: the live items lose their boxes and
// are carried over by index; the new layout builds what it needs, taking
// each index's own item back (Settle releases the rest).
func (b *Builder) CarryAll() {
	if b.carry == nil {
		b.carry = map[int]*builtItem{}
	}
	for i, it := range b.live {
		if it.root != nil {
			it.root.Index = 0
			dom.Unlink(it.root)
		}
		b.carry[i] = it
		delete(b.live, i)
	}
	b.carrying = true
}

// Carrying reports carried items Settle has yet to release.
func (b *Builder) Carrying() bool { return b.carrying || len(b.carry) > 0 }

// release pools item i's subtree, or destroys it when it holds state of
// its own.
func (b *Builder) release(i int, it *builtItem) {
	if it.stateful() {
		// Component instances and scroll-views have state of their own
		// (script data, a scroll offset) that rebinding would carry to
		// another index: the item is destroyed (the logic layer hears
		// detached) and the next index gets a new one.
		for _, n := range it.extra {
			dom.Unlink(n)
		}
		b.tree.destroy(it.reg, false)
	} else {
		b.pool = append(b.pool, it)
	}
	if b.OnRelease != nil {
		b.OnRelease(i)
	}
}

// Settle releases the carried items the first layout of a new box tree
// did not build again.
func (b *Builder) Settle() {
	b.carrying = false
	for i, it := range b.carry {
		delete(b.carry, i)
		b.release(i, it)
	}
}

// Pooled returns the roots of the pooled items (tests: pooled items keep
// following outer names without recording changes).
func (b *Builder) Pooled() []*dom.Node {
	var out []*dom.Node
	for _, it := range b.pool {
		if it.root != nil {
			out = append(out, it.root)
		}
	}
	return out
}

// LiveIndices returns the indices of the built items, in no order.
func (b *Builder) LiveIndices() []int {
	out := make([]int, 0, len(b.live))
	for i := range b.live {
		out = append(out, i)
	}
	return out
}
