package engine

import (
	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/expr"
	"github.com/skyline-go/skyline/gesture"
	"github.com/skyline-go/skyline/style"
	"github.com/skyline-go/skyline/widgets"
)

// NodeKind tells element nodes from text nodes.
type NodeKind uint8

const (
	// ElementNode is an instantiated tag (built-in component, custom
	// component host, or an unknown tag rendered as a view).
	ElementNode NodeKind = iota
	// TextNode is a run of character data; its Text is already bound.
	TextNode
)

// Dirty records what changed on a node since the last ClearDirty, so that
// restyle and relayout can be incremental.
type Dirty uint8

const (
	// DirtyText: a text node's Text changed.
	DirtyText Dirty = 1 << iota
	// DirtyClass: the class list changed (selector matching may change).
	DirtyClass
	// DirtyStyle: the inline style text changed.
	DirtyStyle
	// DirtyAttr: another attribute (including id, hidden, dataset) changed.
	DirtyAttr
	// DirtyStructure: children were inserted, removed or moved.
	DirtyStructure
	// DirtyInserted: the node (and its subtree) is new since the last frame.
	DirtyInserted
)

// Attribute is an instantiated attribute. Value keeps its bound type (spec
// §1.2): a literal is a string, a bare attribute is true, a single {{expr}}
// is whatever the expression yields.
type Attribute struct {
	Name  string
	Value any
	// Bound is true when the value came from a binding; boolean coercion
	// depends on it (spec §8.9).
	Bound bool
}

// Event is one event-binding attribute (spec §1.6) recorded for the gesture
// stage. Handler is the bound method name.
type Event struct {
	gesture.Binding
	Handler string
}

// Node is an element or text node of the instantiated page tree.
//
// Tree links are kept as a doubly linked child list so that insertions,
// removals and keyed moves during setData are O(1) and node identity is
// kept across reorders.
type Node struct {
	Kind NodeKind
	// Tag is the WXML tag as written ("page" for the root). An unknown tag
	// keeps its name here but renders as a view (spec §8.10): see Spec.
	Tag string
	// Spec is the built-in component this node renders as.
	Spec widgets.Spec
	// Component is set on custom-component hosts (a usingComponents tag).
	Component *ComponentRef
	// Pos is where the node's tag or text starts in its source file.
	Pos diag.Pos

	parent, firstChild, lastChild, prev, next *Node

	// Text is the bound content of a text node (whitespace collapsed, see
	// collapseSpace).
	Text string

	id      string
	classes classList
	// styleText is the inline style: the style attribute followed by any
	// glass-easel style:prop declarations.
	styleText string
	attrs     []Attribute
	dataset   map[string]any
	marks     map[string]any
	events    []Event
	hidden    bool
	scope     int32

	// owner is the component instance whose template made the node (nil:
	// the page); inst is the instance a component host hosts; slot is set on
	// <slot> nodes; extNames are the class names that came from the owner's
	// user through externalClasses (component_style.go).
	owner    *Instance
	inst     *Instance
	slot     *slotState
	extNames []string

	// classToggles and styleProps are the glass-easel class:x / style:x
	// parts, combined with the base attribute by refreshClass / refreshStyle.
	baseClass    string
	classToggles []classToggle
	baseStyle    string
	styleProps   []styleProp

	// Style is the node's computed style, filled by the style stage.
	Style *style.Computed
	// Index is the node's slot in the layout tree, filled by the layout stage.
	Index int32
	// Dirty accumulates changes since the page's last ClearDirty.
	Dirty Dirty
	// rt is the frame pipeline's per-node state (pipeline.go), made at the
	// node's first restyle.
	rt *nodeRT

	dead bool
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

// Parent returns the parent node, nil for the root.
func (n *Node) Parent() *Node { return n.parent }

// FirstChild returns the first child node.
func (n *Node) FirstChild() *Node { return n.firstChild }

// LastChild returns the last child node.
func (n *Node) LastChild() *Node { return n.lastChild }

// NextSibling returns the next sibling node.
func (n *Node) NextSibling() *Node { return n.next }

// PrevSibling returns the previous sibling node.
func (n *Node) PrevSibling() *Node { return n.prev }

// ID is the bound id attribute.
func (n *Node) ID() string { return n.id }

// Class returns the class attribute as bound, with class:x toggles applied.
func (n *Node) Class() string { return n.classes.raw }

// ClassList returns the parsed class names; the caller must not modify it.
func (n *Node) ClassList() []string { return n.classes.names }

// StyleText returns the inline style declarations.
func (n *Node) StyleText() string { return n.styleText }

// Hidden reports the common `hidden` attribute; it beats any display
// declaration (spec §8.6).
func (n *Node) Hidden() bool { return n.hidden }

// Attrs returns the node's other attributes (not id, class, style, hidden,
// data-*, mark:*, events, wx:*), in source order. The caller must not
// modify the slice.
func (n *Node) Attrs() []Attribute { return n.attrs }

// Attr returns the attribute named name.
func (n *Node) Attr(name string) (Attribute, bool) {
	for _, a := range n.attrs {
		if a.Name == name {
			return a, true
		}
	}
	return Attribute{}, false
}

// BoolAttr coerces an attribute to a boolean by spec §8.9: absent → false,
// literal (including bare and "false") → true, bound → JS truthiness.
func (n *Node) BoolAttr(name string) bool {
	a, ok := n.Attr(name)
	if !ok {
		return false
	}
	return boolValue(a)
}

func boolValue(a Attribute) bool {
	if a.Bound {
		return expr.Truthy(a.Value)
	}
	return true
}

// Dataset returns the data-* / data:* values (spec §1.6); nil when none.
func (n *Node) Dataset() map[string]any { return n.dataset }

// Marks returns the mark:* values; nil when none.
func (n *Node) Marks() map[string]any { return n.marks }

// Events returns the recorded event bindings.
func (n *Node) Events() []Event { return n.events }

// Walk calls fn for n and every descendant in document order; fn returning
// false skips the node's children.
func (n *Node) Walk(fn func(*Node) bool) {
	if !fn(n) {
		return
	}
	for c := n.firstChild; c != nil; c = c.next {
		c.Walk(fn)
	}
}

// --- style.Element ---

var _ style.Element = (*Node)(nil)

// TagName implements style.Element.
func (n *Node) TagName() string { return n.Tag }

// ElementID implements style.Element.
func (n *Node) ElementID() string { return n.id }

// HasClass implements style.Element.
func (n *Node) HasClass(name string) bool { return n.classes.has(name) }

// Classes implements style.Element.
func (n *Node) Classes() []string { return n.classes.names }

// ParentElement implements style.Element.
func (n *Node) ParentElement() style.Element {
	if n.parent == nil {
		return nil
	}
	return n.parent
}

// PrevElementSibling implements style.Element.
func (n *Node) PrevElementSibling() style.Element {
	for s := n.prev; s != nil; s = s.prev {
		if s.Kind == ElementNode {
			return s
		}
	}
	return nil
}

// NextElementSibling implements style.Element.
func (n *Node) NextElementSibling() style.Element {
	for s := n.next; s != nil; s = s.next {
		if s.Kind == ElementNode {
			return s
		}
	}
	return nil
}

// HasChildren implements style.Element.
func (n *Node) HasChildren() bool {
	for c := n.firstChild; c != nil; c = c.next {
		if c.Kind == ElementNode || c.Text != "" {
			return true
		}
	}
	return false
}

// StyleScope implements style.Element.
func (n *Node) StyleScope() int { return int(n.scope) }

// --- tree editing ---

// insertAfter links n into parent after prev (nil = as first child).
func insertAfter(parent, prev, n *Node) {
	n.parent = parent
	n.prev = prev
	if prev == nil {
		n.next = parent.firstChild
		parent.firstChild = n
	} else {
		n.next = prev.next
		prev.next = n
	}
	if n.next != nil {
		n.next.prev = n
	} else {
		parent.lastChild = n
	}
}

// unlink removes n from its parent's child list.
func unlink(n *Node) {
	p := n.parent
	if p == nil {
		return
	}
	if n.prev != nil {
		n.prev.next = n.next
	} else {
		p.firstChild = n.next
	}
	if n.next != nil {
		n.next.prev = n.prev
	} else {
		p.lastChild = n.prev
	}
	n.parent, n.prev, n.next = nil, nil, nil
}
