package template

import (
	"github.com/skyline-go/skyline/engine/dom"
	"github.com/skyline-go/skyline/engine/expr"
)

// region is one instantiation of an instruction list: the nodes and
// controls it produced, in order, as children of host. Regions form a tree
// mirroring instantiation (element content, loop items, branches, template
// bodies) so that a control can find where its nodes go among its siblings
// and destroy exactly what it made.
type region struct {
	parent *ctl // nil: the content of an element (host)
	pos    int  // index in parent.subs
	host   *dom.Node
	frame  *frame // scope the region was instantiated in
	key    any    // loop items: the wx:key value
	items  []ritem
	dead   bool
	// owner is the component instance whose template the region's
	// instructions come from (nil: the page); its nodes get its style scope.
	owner *Instance
}

// scope is the style scope of the nodes the region makes.
func (r *region) scope() int32 {
	if r.owner == nil {
		return 0
	}
	return r.owner.def.scope
}

type ritem struct {
	node *dom.Node
	sub  *region // element content
	ctl  *ctl
}

// lastNode is the last node this region put into host, nil when none.
func (r *region) lastNode() *dom.Node {
	for i := len(r.items) - 1; i >= 0; i-- {
		it := r.items[i]
		if it.node != nil {
			return it.node
		}
		if n := it.ctl.lastNode(); n != nil {
			return n
		}
	}
	return nil
}

// prevNode is the host child after which this region's first node goes.
func (r *region) prevNode() *dom.Node {
	c := r.parent
	if c == nil {
		return nil
	}
	for i := r.pos - 1; i >= 0; i-- {
		if n := c.subs[i].lastNode(); n != nil {
			return n
		}
	}
	return c.prevNode()
}

// topNodes appends the region's host-level nodes in order.
func (r *region) topNodes(buf []*dom.Node) []*dom.Node {
	for _, it := range r.items {
		if it.node != nil {
			buf = append(buf, it.node)
			continue
		}
		for _, s := range it.ctl.subs {
			buf = s.topNodes(buf)
		}
	}
	return buf
}

// destroy removes the region's nodes from host (unlink) and marks every
// node, region and control below as dead so their watchers are dropped.
func (tr *Tree) destroy(r *region, unlinkTop bool) {
	r.dead = true
	for _, it := range r.items {
		if it.node != nil {
			tr.giveNodes(1)
			if unlinkTop {
				dom.Unlink(it.node)
				tr.markDirty(r.host, dom.DirtyStructure)
			}
			it.node.Dead = true
			if it.sub != nil {
				tr.destroy(it.sub, false)
			}
			if b := stateOf(it.node).builder; b != nil {
				b.destroy()
			}
			if ni := stateOf(it.node).inst; ni != nil {
				tr.detached(ni)
			}
			continue
		}
		for _, s := range it.ctl.subs {
			tr.destroy(s, unlinkTop)
		}
	}
}

// ctlKind is the kind of a control: an instruction whose output depends on
// data beyond attribute values.
type ctlKind uint8

const (
	cLoop ctlKind = iota
	cCond
	cCall
	cLet
	cSlotVars
)

// ctl is an instantiated control. Its content lives in subs: one region per
// loop item, the chosen branch, the template body, the let body.
type ctl struct {
	kind   ctlKind
	in     *instr
	region *region // where the control sits
	idx    int     // its index in region.items
	frame  *frame  // scope the control evaluates in
	subs   []*region
	st     uint32

	cur    int      // cCond: chosen branch, -1 for none
	tmpl   *tmplDef // cCall: the template instantiated
	tframe *frame   // cCall / cLet: the frame the body runs in
	depth  int      // template call nesting, to stop runaway recursion

	warned  bool // one key warning per loop
	keyBuf  map[any]*region
	iterBuf []iterItem // reused per loop: nested loops have their own
	keyVals []any
}

func (c *ctl) lastNode() *dom.Node {
	for i := len(c.subs) - 1; i >= 0; i-- {
		if n := c.subs[i].lastNode(); n != nil {
			return n
		}
	}
	return nil
}

// prevNode is the host child after which the control's first node goes.
func (c *ctl) prevNode() *dom.Node {
	r := c.region
	for i := c.idx - 1; i >= 0; i-- {
		it := r.items[i]
		if it.node != nil {
			return it.node
		}
		if n := it.ctl.lastNode(); n != nil {
			return n
		}
	}
	return r.prevNode()
}

func (c *ctl) dead() bool     { return c.region.dead }
func (c *ctl) stamp() *uint32 { return &c.st }
func (c *ctl) forwards() bool {
	switch c.kind {
	case cLoop:
		return c.in.loop.plain
	case cCall:
		return c.in.call.spread
	}
	return false
}

func (c *ctl) fire(tr *Tree, rest []string) {
	switch c.kind {
	case cLoop:
		tr.fireLoop(c, rest)
	case cCond:
		tr.fireCond(c)
	case cCall:
		tr.fireCall(c, rest)
	case cLet:
		c.tframe.lets = tr.evalLets(c.in.lets, c.frame, c.tframe.lets[:0])
		tr.collectAll(&c.tframe.watch)
	}
}

// maxTemplateDepth stops a template that (indirectly) calls itself forever.
const maxTemplateDepth = 64

// inst instantiates ins into region r in scope f, inserting the produced
// nodes into host after `after` (nil: as first children). It returns the
// last node inserted, or after when none.
func (tr *Tree) inst(r *region, ins []*instr, f *frame, after *dom.Node, depth int) *dom.Node {
	host := r.host
	for _, in := range ins {
		if tr.halted() {
			return after
		}
		switch in.kind {
		case iText:
			if !tr.take(bNodes, in.pos) {
				continue
			}
			n, _ := newNode(dom.TextNode, in.pos, r.owner)
			if in.text.IsStatic() {
				n.Text = in.text.Raw()
			} else {
				b := &binding{kind: bText, node: n, t: in.text, frame: f}
				b.eval(tr)
				f.watchDeps(in.text.Deps(), b)
			}
			tr.insert(host, after, n)
			after = n
			r.items = append(r.items, ritem{node: n})
		case iElem:
			// A component host's content is its component's template (its
			// own content goes to the template's slots); a slot's content is
			// the host's content for it (component_inst.go, slot.go).
			if !tr.take(bNodes, in.pos) {
				continue
			}
			n := tr.newElement(in, f, r.owner)
			tr.insert(host, after, n)
			after = n
			var sub *region
			switch {
			case IsBuilderTag(in.tag) && in.comp == nil:
				tr.builderTemplate(n, in, f, r.owner) // items built on demand (scroll_builder.go)
			case in.comp != nil && in.comp.def != nil:
				sub = tr.instComponent(n, in, f, r.owner, depth)
			case in.slot:
				sub = tr.instSlot(n, in, r.owner, depth)
			case len(in.children) > 0:
				sub = &region{host: n, frame: f, owner: r.owner}
				tr.inst(sub, in.children, f, nil, depth)
			}
			r.items = append(r.items, ritem{node: n, sub: sub})
		case iBlock:
			after = tr.inst(r, in.children, f, after, depth)
		case iInclude:
			if !tr.take(bExpansions, in.pos) {
				continue
			}
			tr.enter(in.pos, "<include src> of "+in.include.path)
			after = tr.inst(r, in.include.body, f, after, depth)
			tr.exit()
		default:
			c := &ctl{in: in, region: r, idx: len(r.items), frame: f, depth: depth, cur: -1}
			r.items = append(r.items, ritem{ctl: c})
			after = tr.startCtl(c, after)
		}
	}
	return after
}

// lazyAfter stands for "after the node before control p.lazyFor": a
// control made again by a data change looks for where its nodes go (a walk
// back over the content before it) only when it makes its first node, so a
// change that re-expands node-less templates costs no walks: thousands of
// them each walking back over the others was quadratic.
var lazyAfter = &dom.Node{}

// insert links n into host after prev and records the structure change
// (not during Load: the first frame builds everything anyway).
func (tr *Tree) insert(host, prev, n *dom.Node) {
	if prev == lazyAfter {
		prev = tr.lazyFor.prevNode()
	}
	dom.InsertAfter(host, prev, n)
	if !tr.loading {
		tr.markDirty(n, dom.DirtyInserted)
		if host.Dirty&dom.DirtyInserted == 0 {
			tr.markDirty(host, dom.DirtyStructure)
		}
	}
}

// markDirty records a change of n for the next frame. Nodes outside the
// page tree are not recorded: a builder's pooled items (scroll_builder.go)
// keep evaluating bindings on outer names while they wait, but have no
// boxes to refresh (their stale box slots may belong to other items), and
// are restyled and laid out in full when they are taken again.
func (tr *Tree) markDirty(n *dom.Node, d dom.Dirty) {
	if tr.loading {
		return
	}
	top := n
	for top.Parent() != nil {
		top = top.Parent()
	}
	if top != tr.root {
		return
	}
	if n.Dirty == 0 {
		tr.dirty = append(tr.dirty, n)
	}
	n.Dirty |= d
}

// startCtl evaluates a control the first time (or again after its content
// was destroyed) and instantiates its content after `after`.
func (tr *Tree) startCtl(c *ctl, after *dom.Node) *dom.Node {
	switch c.kind = ctlKindOf(c.in.kind); c.kind {
	case cLoop:
		c.frame.watchDeps(c.in.loop.src.Deps(), c)
		return tr.instLoop(c, after)
	case cCond:
		for _, b := range c.in.branches {
			if b.cond != nil {
				c.frame.watchDeps(b.cond.Deps(), c)
			}
		}
		c.cur = tr.pickBranch(c)
		return tr.instBranch(c, after)
	case cCall:
		c.frame.watchDeps(c.in.call.is.Deps(), c)
		if c.in.call.data != nil {
			c.frame.watchDeps(c.in.call.data.Deps(), c)
		}
		return tr.instCall(c, after)
	case cSlotVars:
		return tr.startSlotVars(c, after)
	case cLet:
		for _, l := range c.in.lets {
			c.frame.watchDeps(l.t.Deps(), c)
		}
		c.tframe = &frame{parent: c.frame, kind: fLet}
		c.tframe.lets = tr.evalLets(c.in.lets, c.frame, nil)
		sub := &region{parent: c, host: c.region.host, frame: c.tframe, owner: c.region.owner}
		c.subs = []*region{sub}
		return tr.inst(sub, c.in.children, c.tframe, after, c.depth)
	}
	return after
}

func ctlKindOf(k instrKind) ctlKind {
	switch k {
	case iLoop:
		return cLoop
	case iCond:
		return cCond
	case iCall:
		return cCall
	case iSlotVars:
		return cSlotVars
	}
	return cLet
}

func (tr *Tree) evalLets(ls []letInstr, f *frame, out []letVar) []letVar {
	for _, l := range ls {
		tr.evals++
		out = append(out, letVar{name: l.name, val: l.t.Eval(f)})
	}
	return out
}

func (tr *Tree) pickBranch(c *ctl) int {
	for i, b := range c.in.branches {
		if b.cond == nil {
			return i
		}
		tr.evals++
		if expr.Truthy(b.cond.Eval(c.frame)) {
			return i
		}
	}
	return -1
}

func (tr *Tree) instBranch(c *ctl, after *dom.Node) *dom.Node {
	if c.cur < 0 {
		c.subs = c.subs[:0]
		return after
	}
	sub := &region{parent: c, host: c.region.host, frame: c.frame, owner: c.region.owner}
	c.subs = append(c.subs[:0], sub)
	return tr.inst(sub, c.in.branches[c.cur].body, c.frame, after, c.depth)
}

// fireCond switches branches when the chosen one changes (spec §1.4:
// elements of false branches do not exist).
func (tr *Tree) fireCond(c *ctl) {
	next := tr.pickBranch(c)
	if next == c.cur {
		return
	}
	for _, s := range c.subs {
		tr.destroy(s, true)
	}
	c.cur = next
	tr.lazyFor = c
	tr.instBranch(c, lazyAfter)
	tr.lazyFor = nil
}

// instCall instantiates <template is>: the body runs in a fresh template
// frame holding only the data object and the defining file's wxs modules
// (spec §1.5).
func (tr *Tree) instCall(c *ctl, after *dom.Node) *dom.Node {
	tr.evals++
	name := expr.ToString(c.in.call.is.Eval(c.frame))
	t := c.in.file.lookupTemplate(name)
	c.tmpl = nil
	c.subs = c.subs[:0]
	if t == nil {
		if !c.warned && !c.in.call.is.IsStatic() { // static names were checked at compile time
			c.warned = true
			tr.diags.Warnf(c.in.pos, "template %q is not defined or imported in %s", name, c.in.file.path)
		}
		return after
	}
	if c.depth >= maxTemplateDepth {
		if !c.warned && !tr.bud.deepWarned[c.in] {
			// Once per call site: a recursion's leaves are half its calls.
			c.warned = true
			if tr.bud.deepWarned == nil {
				tr.bud.deepWarned = map[*instr]bool{}
			}
			tr.bud.deepWarned[c.in] = true
			tr.diags.Warnf(c.in.pos, "template %q nested more than %d deep; not instantiated", name, maxTemplateDepth)
		}
		return after
	}
	if !tr.take(bExpansions, c.in.pos) {
		return after
	}
	c.tmpl = t
	c.tframe = &frame{kind: fTemplate, data: tr.callData(c), wxs: t.file.wxs}
	sub := &region{parent: c, host: c.region.host, frame: c.tframe, owner: c.region.owner}
	c.subs = append(c.subs, sub)
	tr.enter(c.in.pos, "<template is=\""+name+"\">")
	after = tr.inst(sub, t.body, c.tframe, after, c.depth+1)
	tr.exit()
	return after
}

func (tr *Tree) callData(c *ctl) map[string]any {
	if c.in.call.data == nil {
		return nil
	}
	tr.evals++
	// The template's data is the root of its scope, which no binding can
	// enumerate: its key order does not matter.
	switch v := c.in.call.data.Eval(c.frame).(type) {
	case *expr.Object:
		return v.Map()
	case map[string]any:
		return v
	}
	return nil
}

func (tr *Tree) fireCall(c *ctl, rest []string) {
	tr.evals++
	name := expr.ToString(c.in.call.is.Eval(c.frame))
	if c.tmpl == nil || name != c.tmpl.name {
		for _, s := range c.subs {
			tr.destroy(s, true)
		}
		tr.lazyFor = c
		tr.instCall(c, lazyAfter)
		tr.lazyFor = nil
		return
	}
	c.tframe.data = tr.callData(c)
	if c.in.call.spread && len(rest) > 0 {
		// data is {{...path}}: a change at path.k.… is a change of k in the
		// template's data.
		tr.collect(&c.tframe.watch, rest)
		return
	}
	tr.collectAll(&c.tframe.watch)
}
