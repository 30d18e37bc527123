package template

import (
	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/dom"
)

// nodeState is what the template stage keeps for each node it makes (the
// node's Template field): where the node came from and what its bindings
// combine. The frame pipeline never reads it; it asks through the
// functions below (OwnerID, Hosted, BuilderOf).
type nodeState struct {
	// owner is the component instance whose template made the node (nil:
	// the page); inst is the instance a component host hosts; slot is set
	// on <slot> nodes; comp names the custom component a host instantiates.
	owner *Instance
	inst  *Instance
	slot  *slotState
	comp  *ComponentRef

	// classToggles and styleProps are the glass-easel class:x / style:x
	// parts, combined with the base attribute by refreshClass / refreshStyle.
	baseClass    string
	classToggles []classToggle
	baseStyle    string
	styleProps   []styleProp

	// builder is a list-builder / grid-builder's item template (builder.go).
	builder *Builder
}

// ComponentRef names the custom component a host node instantiates
// (usingComponents entry).
type ComponentRef struct {
	Name string // tag as used in the page
	Path string // package path of the component (without extension)

	def *compDef // nil when the component could not be loaded
}

type classToggle struct {
	name string
	on   bool
}

type styleProp struct {
	name, value string
}

// stateNode allocates a node and its template state together: one
// allocation per node, as before the node tree had its own package.
type stateNode struct {
	node dom.Node
	st   nodeState
}

// newNode makes a node of kind k made by owner's template (nil: the page).
func newNode(k dom.NodeKind, pos diag.Pos, owner *Instance) (*dom.Node, *nodeState) {
	sn := &stateNode{}
	n, st := &sn.node, &sn.st
	n.Kind, n.Pos, n.Template = k, pos, st
	st.owner = owner
	if owner != nil {
		n.Scope = owner.def.scope
	}
	return n, st
}

// stateOf returns the template state of n. Every node of a page is made
// by newNode, so it is never nil for them.
func stateOf(n *dom.Node) *nodeState {
	st, _ := n.Template.(*nodeState)
	if st == nil {
		return &noState
	}
	return st
}

// noState answers for nodes made outside a template (tests' own trees).
var noState nodeState

// OwnerID returns the instance whose template made n (0: the page). A
// selector query in an instance's scope searches exactly the nodes it owns,
// as WeChat's createSelectorQuery().in(component) does; slot content belongs
// to the tree that wrote it. The handler of a bind:x on n runs there too.
func OwnerID(n *dom.Node) InstanceID { return stateOf(n).owner.ID() }

// Hosted returns the component instance hosted at n, nil when n is not a
// custom-component host.
func Hosted(n *dom.Node) *Instance { return stateOf(n).inst }

// IsSlot reports a <slot> node of a component template.
func IsSlot(n *dom.Node) bool { return stateOf(n).slot != nil }

// Owner returns the instance whose template made n (nil: the page).
func Owner(n *dom.Node) *Instance { return stateOf(n).owner }
