package style

// Element is what selector matching sees of a node (spec §2.3). The engine
// implements it on its node type; style never imports engine.
//
// Implementations must return a true nil interface (not a typed nil pointer)
// when there is no parent or sibling, and element values must be comparable
// with == and hashable (pointer types are): during a pass the Resolver keys
// its caches (child indexes, combinator loop outcomes) by element.
//
// HasClass should not scan a long class list: matching calls it once per
// class a compound names, so an element with 100,000 classes and a linear
// HasClass makes every such call 100,000 steps.
type Element interface {
	// TagName is the WXML tag ("view", "text", "page" for the page root).
	TagName() string
	// ElementID is the id attribute after binding ("" when absent).
	ElementID() string
	// HasClass reports whether name is one of the element's classes.
	HasClass(name string) bool
	// Classes is the element's class list after binding. The caller never
	// modifies it; returning the node's own slice (no copy) is intended,
	// since the Resolver calls it once per Compute to find indexed rules.
	Classes() []string
	ParentElement() Element
	PrevElementSibling() Element
	NextElementSibling() Element
	// HasChildren reports any element child or non-empty text child
	// (what :empty looks at).
	HasChildren() bool
	// StyleScope is the style-isolation scope of the node: the id of the
	// sheet owner whose template produced it. 0 is the page (app.wxss and
	// the page's wxss apply there); each component definition's template
	// gets another id, shared by all instances of that component (spec §2.3,
	// style isolation).
	StyleScope() int
}

// StatefulElement is an Element that reports interaction states (see
// StateMask): :active, :hover and :focus match only elements that
// implement it and report the state.
type StatefulElement interface {
	Element
	ElementStates() StateMask
}
