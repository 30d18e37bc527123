package template

import (
	"github.com/skyline-go/skyline/engine/dom"
	"github.com/skyline-go/skyline/engine/expr"
)

// Slots (spec §1.8): a component's <slot> is a virtual node whose children
// are the host's content, instantiated in the user's data scope and style
// scope. Without multipleSlots every slot is the default slot; with it,
// content goes to the slot whose name equals its slot="…" attribute. A
// non-dynamic slot name holds its content once (the first slot of that name
// alive); a dynamic slot (one with data attributes, e.g. list-builder's
// <slot item="{{item}}"/>) gets its own copy of the content, which reads the
// slot's attributes through slot:x / slot:x="alias" (glass-easel).

// slotState is what a <slot> node knows.
type slotState struct {
	inst *Instance
	name string
	// vars are the slot:x scopes of the content in this slot, refreshed when
	// the slot's attributes change.
	vars []*ctl
}

// instSlot fills the slot node n of owner's template with the matching
// content of owner's host. It returns the content region (nil when none).
func (tr *Tree) instSlot(n *dom.Node, in *instr, owner *Instance, depth int) *region {
	if owner == nil {
		tr.warnOnce(in.pos, "<slot> outside a component template renders nothing")
		return nil
	}
	name := ""
	if owner.def.def.Options.MultipleSlots {
		if a, ok := n.Attr("name"); ok {
			name = attrString(a.Value)
			if a.Bound {
				name = expr.ToString(a.Value)
			}
		}
	}
	stateOf(n).slot = &slotState{inst: owner, name: name}
	if !in.slotDyn {
		if prev := owner.filled[name]; prev != nil && !prev.Dead {
			return nil
		}
		if owner.filled == nil {
			owner.filled = map[string]*dom.Node{}
		}
		owner.filled[name] = n
	}
	content := owner.contentFor(name)
	if len(content) == 0 {
		return nil
	}
	if !tr.take(bExpansions, in.pos) {
		return nil
	}
	sub := &region{host: n, frame: owner.userFrame, owner: owner.owner}
	tr.enter(in.pos, "<slot> of <"+owner.host.Tag+">")
	tr.inst(sub, content, owner.userFrame, nil, depth)
	tr.exit()
	return sub
}

// contentFor returns the host content instructions that go to slot name.
func (inst *Instance) contentFor(name string) []*instr {
	if !inst.def.def.Options.MultipleSlots {
		return inst.content
	}
	var out []*instr
	for i, in := range inst.content {
		if inst.slotNames[i] == name {
			out = append(out, in)
		}
	}
	return out
}

// slotOf finds the slot node whose content region r is (or is nested in):
// the nearest ancestor of r's host, among the nodes of r's own template,
// that is a slot.
func slotOf(r *region) *dom.Node {
	for h := r.host; h != nil; h = h.Parent() {
		if stateOf(h).slot != nil {
			return h
		}
		if stateOf(h).owner != r.owner {
			return nil
		}
	}
	return nil
}

// startSlotVars instantiates slot:x content: its frame names the slot's
// attributes.
func (tr *Tree) startSlotVars(c *ctl, after *dom.Node) *dom.Node {
	slot := slotOf(c.region)
	c.tframe = &frame{parent: c.frame, kind: fLet}
	c.tframe.lets = slotLets(c.in.slotVars, slot, nil)
	if slot != nil {
		stateOf(slot).slot.vars = append(stateOf(slot).slot.vars, c)
	}
	sub := &region{parent: c, host: c.region.host, frame: c.tframe, owner: c.region.owner}
	c.subs = []*region{sub}
	return tr.inst(sub, c.in.children, c.tframe, after, c.depth)
}

// slotLets reads the slot's attributes for vars (undefined when the slot
// does not pass that name, or the content is not in a slot).
func slotLets(vars []slotVar, slot *dom.Node, out []letVar) []letVar {
	for _, v := range vars {
		var val any = expr.Undefined
		if slot != nil {
			if a, ok := slot.Attr(v.name); ok {
				val = a.Value
			}
		}
		out = append(out, letVar{name: v.alias, val: val})
	}
	return out
}

// slotSub passes a change inside the value of slot attribute name (same
// container) to the slot:x scopes of its content that read it.
func (tr *Tree) slotSub(n *dom.Node, name string, rest []string) {
	for _, c := range stateOf(n).slot.vars {
		if c.dead() {
			continue
		}
		for _, v := range c.in.slotVars {
			if v.name == name {
				tr.collect(&c.tframe.watch, append([]string{v.alias}, rest...))
			}
		}
	}
}

// slotChanged re-reads a slot's attributes into the slot:x scopes of its
// content after a binding on the slot changed.
func (tr *Tree) slotChanged(n *dom.Node) {
	ss := stateOf(n).slot
	live := ss.vars[:0]
	for _, c := range ss.vars {
		if c.dead() {
			continue
		}
		live = append(live, c)
		c.tframe.lets = slotLets(c.in.slotVars, n, c.tframe.lets[:0])
		tr.collectAll(&c.tframe.watch)
	}
	clear(ss.vars[len(live):])
	ss.vars = live
}
