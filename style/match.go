package style

// matchContext is what matching needs besides the element: the rule's
// style scope and whether tag-only compounds ignore scopes
// (tagNameStyleIsolation "legacy", spec §2.9).
type matchContext struct {
	scope   int
	legacy  bool
	sharing []Sharing // by scope, see Resolver.SetScopeSharing
	// pass holds what a styling pass caches (child indexes, loop results);
	// nil outside Resolver.BeginPass / EndPass.
	pass *passCache
	rule int32 // index of the rule being matched, part of loop memo keys
	// steps counts candidate elements examined (compound checks), for the
	// work bounds of the hostile-input tests.
	steps int
}

// matchResult is the outcome of matching the rest of a selector, with
// WebKit's failure modes so that combinator loops stop as soon as no
// further candidate can succeed (without them, `.x .a .a .a .b` over 200
// nested `.a` tries every choice of three ancestors).
type matchResult uint8

const (
	matched matchResult = iota
	// failLocal: this candidate fails; the enclosing loop tries the next.
	failLocal
	// failSiblings: no earlier sibling of this candidate can succeed either
	// (a sibling loop ran out); a descendant loop still tries the next
	// ancestor.
	failSiblings
	// failCompletely: no candidate further up can succeed (a descendant
	// loop reached the root): every enclosing loop stops.
	failCompletely
)

// memoAfter is how many candidates a combinator loop examines before it
// consults the pass's loop memo. Real selectors over real trees decide
// within a few steps and never touch the memo; deep trees and long sibling
// lists reach it, and then each (rule, combinator, start element) is
// decided once per pass instead of once per element below or after it.
const memoAfter = 16

// maxLoopMemo bounds the loop memo (entries); it is emptied when full, so
// a pass over a huge tree keeps bounded memory and stays linear between
// flushes.
const maxLoopMemo = 1 << 18

// loopKey names one combinator loop's start: rule, combinator index and the
// first candidate element the loop examines.
type loopKey struct {
	el   Element
	rule int32
	comb int32
}

// passCache is what a styling pass caches about the (unchanging) tree.
type passCache struct {
	nth  map[Element]int32 // 1-based child indexes
	loop map[loopKey]matchResult
}

// matches reports whether sel matches el. Interaction pseudo-classes match
// only the states a StatefulElement reports (spec §2.3, see StateMask).
func (m *matchContext) matches(sel *Selector, el Element) bool {
	m.steps++
	if !m.compound(&sel.parts[0], el) {
		return false
	}
	if len(sel.parts) == 1 {
		return true
	}
	return m.rest(sel, 0, el) == matched
}

// rest matches parts[i+1:] given that parts[i] matched el (Selectors 4
// §16: matching is right to left). Descendant and general-sibling
// combinators loop over candidates; the failure modes end those loops
// early, and past memoAfter candidates a loop's outcome is memoised per
// start element for the rest of the pass, so matching is linear in the
// size of the tree around el rather than exponential in the selector.
func (m *matchContext) rest(sel *Selector, i int, el Element) matchResult {
	if i+1 >= len(sel.parts) {
		return matched
	}
	next := &sel.parts[i+1]
	switch sel.combs[i] {
	case Child:
		return m.one(sel, i, next, el.ParentElement(), failCompletely)
	case Adjacent:
		return m.one(sel, i, next, el.PrevElementSibling(), failSiblings)
	case Descendant:
		return m.loop(sel, i, el.ParentElement(), true)
	case Sibling:
		return m.loop(sel, i, el.PrevElementSibling(), false)
	}
	return failLocal
}

// loop runs a descendant (up: over first and its ancestors) or general
// sibling (over first and its previous siblings) combinator loop for
// combinator i. Its outcome depends only on (rule, i, first), which is what
// the pass memoises.
func (m *matchContext) loop(sel *Selector, i int, first Element, up bool) matchResult {
	exhausted := failCompletely
	if !up {
		exhausted = failSiblings
	}
	next := &sel.parts[i+1]
	n := 0
	var memoFrom Element // first candidate examined with the memo
	res := exhausted
	var stop Element // the candidate that decided res (nil: exhausted)
	for c := first; c != nil; c = step(c, up) {
		if n == memoAfter && m.pass != nil {
			memoFrom = c
		}
		n++
		if memoFrom != nil {
			if r, ok := m.pass.loop[loopKey{c, m.rule, int32(i)}]; ok {
				res, stop = r, c
				break
			}
		}
		m.steps++
		if !m.compound(next, c) {
			continue
		}
		r := m.rest(sel, i+1, c)
		if r == matched || r == failCompletely || !up && r == failSiblings {
			res, stop = r, c
			break
		}
	}
	if memoFrom != nil {
		// Every candidate from memoFrom to stop starts a loop with the
		// same outcome: the ones before stop did not decide it.
		memo := m.pass.loop
		if len(memo) >= maxLoopMemo {
			clear(memo)
		}
		for c := memoFrom; c != nil; c = step(c, up) {
			memo[loopKey{c, m.rule, int32(i)}] = res
			if c == stop {
				break
			}
		}
	}
	return res
}

func step(e Element, up bool) Element {
	if up {
		return e.ParentElement()
	}
	return e.PrevElementSibling()
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
	if c.states != 0 {
		se, ok := el.(StatefulElement)
		if !ok || se.ElementStates()&c.states != c.states {
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
// A long count leaves every nthCheckpoint-th sibling it walked over a
// checkpoint, so that visits in any order (the engine restyles by depth,
// not document order) cost at most that many steps each after the first.
func (m *matchContext) childIndex(el Element) int {
	var nth map[Element]int32
	if m.pass != nil {
		nth = m.pass.nth
		if v, ok := nth[el]; ok {
			return int(v)
		}
	}
	k := 0
	idx := 0
	for s := el.PrevElementSibling(); s != nil; s = s.PrevElementSibling() {
		m.steps++
		k++
		if nth != nil {
			if v, ok := nth[s]; ok {
				idx = int(v) + k
				break
			}
		}
	}
	if idx == 0 {
		idx = k + 1
	}
	if nth != nil {
		nth[el] = int32(idx)
		if k > nthCheckpoint {
			s := el.PrevElementSibling()
			for j := idx - 1; j > idx-k; j-- {
				if j%nthCheckpoint == 0 {
					nth[s] = int32(j)
				}
				s = s.PrevElementSibling()
			}
		}
	}
	return idx
}

// nthCheckpoint spaces the child indexes a long count caches.
const nthCheckpoint = 32

// one matches a combinator with a single candidate (child: the parent;
// adjacent sibling: the previous sibling); none is the failure when there
// is no candidate at all.
func (m *matchContext) one(sel *Selector, i int, next *compound, cand Element, none matchResult) matchResult {
	if cand == nil {
		return none
	}
	m.steps++
	if !m.compound(next, cand) {
		return failLocal
	}
	return m.rest(sel, i+1, cand)
}
