package template

import (
	"strings"

	"github.com/skyline-go/skyline/engine/wxml"
	"github.com/skyline-go/skyline/widgets"
)

// slotSpec is what a <slot> renders as: a virtual node (no box) whose
// children are the content distributed to it (spec §1.8).
var slotSpec = widgets.Spec{Tag: "slot", Support: widgets.Full, Kind: widgets.Virtual}

// slotVar is one slot:name or slot:name="alias" on dynamic-slot content: the
// content sees the slot's attribute name under alias.
type slotVar struct {
	name, alias string
}

// slotElem compiles a <slot>. A slot with attributes other than name passes
// data (glass-easel dynamic slot): every such slot gets its own copy of the
// content (slot.go).
func (c *compiler) slotElem(in *instr, n *wxml.Node) {
	in.spec = slotSpec
	in.slot = true
	for _, a := range n.Attrs {
		if a.Name != "name" && !strings.HasPrefix(a.Name, "wx:") {
			in.slotDyn = true
		}
	}
}

// slotNamesOf returns the slot="…" of each content instruction of a
// component host ("" is the default slot).
func slotNamesOf(children []*instr) []string {
	names := make([]string, len(children))
	for i, in := range children {
		names[i] = slotNameOf(in)
	}
	return names
}

// slotNameOf finds the slot attribute of the element an instruction makes;
// control wrappers (wx:for, wx:if, let:, slot:) look at their first content.
func slotNameOf(in *instr) string {
	switch in.kind {
	case iElem:
		for _, a := range in.attrs {
			if a.kind == aAttr && a.name == "slot" && a.t != nil && a.t.IsStatic() {
				return a.t.Raw()
			}
		}
	case iLoop, iLet, iSlotVars:
		if len(in.children) > 0 {
			return slotNameOf(in.children[0])
		}
	case iCond:
		if len(in.branches) > 0 && len(in.branches[0].body) > 0 {
			return slotNameOf(in.branches[0].body[0])
		}
	}
	return ""
}

// wrapSlotVars wraps an element's instructions in the scope its slot:x
// attributes declare (spec §1.2, glass-easel slot:item / slot:index /
// slot:item="alias").
func (c *compiler) wrapSlotVars(f *file, n *wxml.Node, core []*instr) []*instr {
	var vars []slotVar
	for _, a := range n.Attrs {
		name, ok := strings.CutPrefix(a.Name, "slot:")
		if !ok || name == "" {
			continue
		}
		alias := strings.TrimSpace(a.Value)
		if alias == "" {
			alias = name
		}
		vars = append(vars, slotVar{name: name, alias: alias})
	}
	if len(vars) == 0 || len(core) == 0 {
		return core
	}
	return []*instr{{kind: iSlotVars, pos: n.Pos, file: f, slotVars: vars, children: core}}
}
