package dom

import (
	"slices"

	"github.com/skyline-go/skyline/style"
)

// Editing the bound attributes. The template stage is the only writer:
// it sets a node's attributes when it instantiates it and again when a
// binding's value changes. Each setter reports whether the value changed,
// so the caller marks the node dirty only then.

// SetID sets the id attribute.
func (n *Node) SetID(id string) bool {
	if id == n.id {
		return false
	}
	n.id = id
	return true
}

// SetClass sets the class attribute (with class:x toggles and external
// classes already applied) and re-parses the class list.
func (n *Node) SetClass(raw string) bool {
	if raw == n.classes.raw {
		return false
	}
	n.classes.set(raw)
	return true
}

// SetExtraClasses sets the classes the node's built-in component adds to
// its class list for its state (the engine's writer beside the template:
// they survive SetClass). It reports whether they changed.
func (n *Node) SetExtraClasses(x []string) bool {
	if slices.Equal(x, n.classes.extra) {
		return false
	}
	n.classes.extra = append(n.classes.extra[:0], x...)
	n.classes.set(n.classes.raw)
	return true
}

// ExtraClasses returns the classes SetExtraClasses set.
func (n *Node) ExtraClasses() []string { return n.classes.extra }

// SetStyleText sets the inline style declarations.
func (n *Node) SetStyleText(s string) bool {
	if s == n.styleText {
		return false
	}
	n.styleText = s
	return true
}

// SetHidden sets the common hidden attribute.
func (n *Node) SetHidden(h bool) bool {
	if h == n.hidden {
		return false
	}
	n.hidden = h
	return true
}

// AddAttr appends an attribute and returns its index for AttrAt.
func (n *Node) AddAttr(a Attribute) int {
	n.attrs = append(n.attrs, a)
	return len(n.attrs) - 1
}

// AttrAt returns the i'th attribute for in-place update.
func (n *Node) AttrAt(i int) *Attribute { return &n.attrs[i] }

// SetAttrValue replaces the value of the attribute named name; false when
// the node has no such attribute.
func (n *Node) SetAttrValue(name string, v any) bool {
	for i := range n.attrs {
		if n.attrs[i].Name == name {
			n.attrs[i].Value = v
			return true
		}
	}
	return false
}

// SetData sets one data-* value (spec §1.6).
func (n *Node) SetData(name string, v any) {
	if n.dataset == nil {
		n.dataset = map[string]any{}
	}
	n.dataset[name] = v
}

// SetMark sets one mark:* value.
func (n *Node) SetMark(name string, v any) {
	if n.marks == nil {
		n.marks = map[string]any{}
	}
	n.marks[name] = v
}

// AddEvent appends an event binding and returns its index for EventAt.
func (n *Node) AddEvent(e Event) int {
	n.events = append(n.events, e)
	return len(n.events) - 1
}

// EventAt returns the i'th event binding for in-place update.
func (n *Node) EventAt(i int) *Event { return &n.events[i] }

var (
	_ style.HostElement        = (*Node)(nil)
	_ style.ScopedClassElement = (*Node)(nil)
)

// HostScope implements style.HostElement: a component host is matched by
// its component's :host rules (spec §2.3). A virtual host has no box to
// style, so the template leaves its HostedScope at 0 (the page's scope,
// which no component has).
func (n *Node) HostScope() (int, bool) {
	if n.HostedScope == 0 {
		return 0, false
	}
	return int(n.HostedScope), true
}

// ClassScope implements style.ScopedClassElement: class names that came
// through externalClasses belong to the scope of the component's user.
func (n *Node) ClassScope(name string) int {
	if len(n.ExtNames) > 0 && slices.Contains(n.ExtNames, name) {
		return int(n.ExtScope)
	}
	return int(n.Scope)
}
