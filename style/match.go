package style

// matchContext is what matching needs besides the element: the rule's
// style scope and whether tag-only compounds ignore scopes
// (tagNameStyleIsolation "legacy", spec §2.9).
type matchContext struct {
	scope   int
	legacy  bool
	sharing []Sharing         // by scope, see Resolver.SetScopeSharing
	nth     map[Element]int32 // child indexes cached during a pass; nil outside one
}

// matches reports whether sel matches el. Interaction pseudo-classes never
// match in a static render (spec §2.3, see StateMask).
func (m *matchContext) matches(sel *Selector, el Element) bool {
	if sel.States != 0 {
		return false
	}
	if !m.compound(&sel.parts[0], el) {
		return false
	}
	if len(sel.parts) == 1 {
		return true
	}
	return m.rest(sel, 0, el)
}

// rest matches parts[i+1:] given that parts[i] matched el, backtracking over
// descendant and general-sibling combinators (Selectors 4 §16 matching is
// right to left).
func (m *matchContext) rest(sel *Selector, i int, el Element) bool {
	if i+1 >= len(sel.parts) {
		return true
	}
	next := &sel.parts[i+1]
	switch sel.combs[i] {
	case Child:
		p := el.ParentElement()
		return p != nil && m.compound(next, p) && m.rest(sel, i+1, p)
	case Descendant:
		for p := el.ParentElement(); p != nil; p = p.ParentElement() {
			if m.compound(next, p) && m.rest(sel, i+1, p) {
				return true
			}
		}
	case Adjacent:
		s := el.PrevElementSibling()
		return s != nil && m.compound(next, s) && m.rest(sel, i+1, s)
	case Sibling:
		for s := el.PrevElementSibling(); s != nil; s = s.PrevElementSibling() {
			if m.compound(next, s) && m.rest(sel, i+1, s) {
				return true
			}
		}
	}
	return false
}

// compound reports whether every part of c matches el, including the style
// isolation check (spec §2.3): a compound matches only elements of the
// rule's own scope, except tag-only compounds in legacy mode and what the
// scopes share (scope_share.go).
func (m *matchContext) compound(c *compound, el Element) bool {
	return m.scopeOK(c, el) && m.simple(c, el)
}

// simple checks c's tag, id, classes and pseudo-classes on el.
func (m *matchContext) simple(c *compound, el Element) bool {
	if c.tag != "" && c.tag != el.TagName() {
		return false
	}
	if c.id != "" && c.id != el.ElementID() {
		return false
	}
	for _, k := range c.classes {
		if !el.HasClass(k) {
			return false
		}
	}
	for i := range c.pseudos {
		if !m.pseudo(&c.pseudos[i], el) {
			return false
		}
	}
	return true
}

func (m *matchContext) pseudo(p *pseudoClass, el Element) bool {
	switch p.kind {
	case pcFirstChild:
		return el.PrevElementSibling() == nil
	case pcLastChild:
		return el.NextElementSibling() == nil
	case pcOnlyChild:
		return el.PrevElementSibling() == nil && el.NextElementSibling() == nil
	case pcEmpty:
		return !el.HasChildren()
	case pcNthChild:
		return nthMatch(p.a, p.b, m.childIndex(el))
	case pcNot:
		for i := range p.not {
			if m.simple(&p.not[i], el) {
				return false
			}
		}
		return true
	}
	return false
}

// nthMatch reports whether the 1-based index is a*n+b for some n >= 0.
func nthMatch(a, b, idx int) bool {
	if a == 0 {
		return idx == b
	}
	d := idx - b
	return d%a == 0 && d/a >= 0
}

// childIndex is el's 1-based position among its element siblings. Counting
// is linear, so :nth-child over a long list would be quadratic; during a
// pass (Resolver.BeginPass) indexes are cached, and counting stops at the
// first sibling whose index is known — in document order, the previous one.
func (m *matchContext) childIndex(el Element) int {
	if m.nth != nil {
		if v, ok := m.nth[el]; ok {
			return int(v)
		}
	}
	k := 0
	idx := 0
	for s := el.PrevElementSibling(); s != nil; s = s.PrevElementSibling() {
		k++
		if m.nth != nil {
			if v, ok := m.nth[s]; ok {
				idx = int(v) + k
				break
			}
		}
	}
	if idx == 0 {
		idx = k + 1
	}
	if m.nth != nil {
		m.nth[el] = int32(idx)
	}
	return idx
}
