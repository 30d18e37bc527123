package dom

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
// kept across reorders. Only this package edits the links (InsertAfter,
// Unlink) and the bound attributes (the Set* methods), so every change
// leaves the node's parsed forms (the class list) consistent.
type Node struct {
	Kind NodeKind
	// Tag is the WXML tag as written ("page" for the root). An unknown tag
	// keeps its name here but renders as a view (spec §8.10): see Spec.
	Tag string
	// Spec is the built-in component this node renders as.
	Spec widgets.Spec
	// Pos is where the node's tag or text starts in its source file.
	Pos diag.Pos

	parent, firstChild, lastChild, prev, next *Node

	// Text is the bound content of a text node (whitespace collapsed).
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

	// Scope is the style scope of the template that made the node (0: the
	// page; spec §2.3). HostedScope is the scope of the component the node
	// hosts, 0 when it hosts none with a box. ExtNames are the class names
	// that came from the owner's user through externalClasses; they match in
	// ExtScope, the user's scope.
	Scope       int32
	HostedScope int32
	ExtNames    []string
	ExtScope    int32
	// Virtual: the node makes no box — gesture handlers, slots (spec §5.1,
	// §1.8) and virtualHost component hosts; its children are laid out as
	// children of its parent.
	Virtual bool

	// States are the interaction states (style.StateActive while pressed)
	// the input stage sets for :active rules.
	States style.StateMask

	// Style is the node's computed style, filled by the style stage.
	Style *style.Computed
	// Index is the node's slot in the layout tree, filled by the layout stage.
	Index int32
	// Dirty accumulates changes since the page's last ClearDirty.
	Dirty Dirty
	// Dead is set when the node left the tree for good (its region was
	// destroyed); stages holding it drop it.
	Dead bool

	// Template is the template stage's state of the node (package
	// engine/template: the instance that made it, the one it hosts, its
	// slot, its class and style toggles); nil for nodes no template made.
	Template any
	// Runtime is the frame pipeline's per-node state (package engine: the
	// style cache, a scroll-view's state), made at the node's first
	// restyle.
	Runtime any
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
	return BoolValue(a)
}

// BoolValue coerces an attribute value to a boolean (spec §8.9).
func BoolValue(a Attribute) bool {
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

// ElementStates implements style.StatefulElement.
func (n *Node) ElementStates() style.StateMask { return n.States }

// StyleScope implements style.Element.
func (n *Node) StyleScope() int { return int(n.Scope) }

// --- tree editing ---

// InsertAfter links n into parent after prev (nil = as first child).
func InsertAfter(parent, prev, n *Node) {
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

// Unlink removes n from its parent's child list.
func Unlink(n *Node) {
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

// Attached reports whether the node is still part of its page's tree.
func (n *Node) Attached() bool { return !n.Dead }
