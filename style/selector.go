package style

import "strings"

// Combinator relates two compounds of a complex selector (spec §2.3).
type Combinator uint8

const (
	Descendant Combinator = iota // a b
	Child                        // a > b
	Adjacent                     // a + b
	Sibling                      // a ~ b
)

// Pseudo names a pseudo-element. Skyline has only ::before and ::after
// (spec §2.3).
type Pseudo uint8

const (
	PseudoNone Pseudo = iota
	PseudoBefore
	PseudoAfter
)

// StateMask records interaction pseudo-classes (:active, :hover, :focus).
// Spec §2.3 leaves them UNVERIFIED; we decide that they match an element
// whose host reports the state through StatefulElement: the engine sets
// StateActive on the pressed element and its ancestors while a finger is
// down (besides the hover-class attribute, Skyline's documented press
// feedback). Nothing sets StateHover or StateFocus yet, so those rules
// never match, and no state ever matches in a static render.
type StateMask uint8

const (
	StateActive StateMask = 1 << iota
	StateHover
	StateFocus
)

// Specificity is (ids, classes and pseudo-classes, tags and
// pseudo-elements), compared lexicographically.
type Specificity [3]uint8

// less reports whether s has lower precedence than o.
func (s Specificity) less(o Specificity) bool {
	for i := range s {
		if s[i] != o[i] {
			return s[i] < o[i]
		}
	}
	return false
}

// pseudoKind is a structural pseudo-class.
type pseudoKind uint8

const (
	pcFirstChild pseudoKind = iota
	pcLastChild
	pcOnlyChild
	pcEmpty
	pcNthChild
	pcNot
)

// pseudoClass is one structural pseudo-class of a compound.
type pseudoClass struct {
	kind pseudoKind
	a, b int        // :nth-child(an+b)
	not  []compound // :not(x, y): none of them may match
}

// compound is a compound selector: every part must match one element.
type compound struct {
	tag     string // "" = any tag
	id      string
	classes []string
	pseudos []pseudoClass
	// states are the interaction pseudo-classes this compound names.
	states StateMask
	// host is `:host` / `:host(compound)`: the compound matches the element
	// hosting a component of the rule's scope (spec §2.3).
	host bool
}

// tagOnly reports whether the compound names no id or class: the kind of
// selector that rendererOptions tagNameStyleIsolation "legacy" lets match
// across scopes (spec §2.9).
func (c *compound) tagOnly() bool { return c.id == "" && len(c.classes) == 0 }

// Selector is one complex selector (one member of a selector group).
type Selector struct {
	// parts are the compounds from the rightmost (the subject) leftwards;
	// combs[i] relates parts[i] to parts[i+1].
	parts []compound
	combs []Combinator

	Pseudo      Pseudo      // ::before / ::after, or PseudoNone
	States      StateMask   // interaction pseudo-classes of any compound (StatefulElement)
	Specificity Specificity //
	text        string      // source text, for messages and tests
}

// String returns the selector as written (whitespace normalised).
func (s *Selector) String() string { return s.text }

// structural reports whether matching looks at siblings (combinators and
// child-index pseudo-classes) or at child counts (:empty): what element
// insertions and removals can change.
func (s *Selector) structural() (siblings, empty bool) {
	for i := range s.parts {
		if i < len(s.combs) && (s.combs[i] == Adjacent || s.combs[i] == Sibling) {
			siblings = true
		}
		sib, emp := structuralPseudos(s.parts[i].pseudos)
		siblings = siblings || sib
		empty = empty || emp
	}
	return siblings, empty
}

func structuralPseudos(ps []pseudoClass) (siblings, empty bool) {
	for _, p := range ps {
		switch p.kind {
		case pcFirstChild, pcLastChild, pcOnlyChild, pcNthChild:
			siblings = true
		case pcEmpty:
			empty = true
		case pcNot:
			for i := range p.not {
				s, e := structuralPseudos(p.not[i].pseudos)
				siblings = siblings || s
				empty = empty || e
			}
		}
	}
	return siblings, empty
}

// eachName calls fn for every class (isID false) and id (isID true) the
// compound names, including inside :not().
func (c *compound) eachName(fn func(name string, isID bool)) {
	if c.id != "" {
		fn(c.id, true)
	}
	for _, k := range c.classes {
		fn(k, false)
	}
	for _, p := range c.pseudos {
		for i := range p.not {
			p.not[i].eachName(fn)
		}
	}
}

// normalizeSelectorText collapses whitespace runs, for Selector.String.
func normalizeSelectorText(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// empty reports a compound with nothing in it yet (where :host must start).
func (c *compound) empty() bool {
	return c.tag == "" && c.id == "" && len(c.classes) == 0 && len(c.pseudos) == 0 && !c.host
}
