package style

// InvalidationScope says which elements may match a different set of rules
// after a change on one element. It is about selector matching only: when a
// restyled element's inherited values change, the engine still passes them
// down to its children as usual.
type InvalidationScope uint8

const (
	// InvalidateSelf: the changed element itself.
	InvalidateSelf InvalidationScope = 1 << iota
	// InvalidateDescendants: elements in the changed element's subtree
	// (the name is used left of a descendant or child combinator).
	InvalidateDescendants
	// InvalidateSiblings: for a class or id change, the following siblings
	// and their subtrees (the name is used left of + or ~). For an
	// insertion or removal (InvalidationStructural), every sibling of the
	// inserted or removed element and their subtrees (:first-child,
	// :last-child, :only-child, :nth-child, + and ~).
	InvalidateSiblings
	// InvalidateParent: only from InvalidationStructural — the parent and
	// its subtree (:empty).
	InvalidateParent
)

// InvalidationNone is the empty scope: no rule mentions the name.
const InvalidationNone InvalidationScope = 0

// Invalidation tells which elements may need restyling when className is
// added to or removed from an element.
func (r *Resolver) Invalidation(className string) InvalidationScope {
	return r.classInv[className]
}

// InvalidationID is Invalidation for a change of an element's id from or to
// id (call it for both the old and the new id).
func (r *Resolver) InvalidationID(id string) InvalidationScope {
	return r.idInv[id]
}

// InvalidationStructural tells what may need restyling, besides the new
// element itself, when an element is inserted into or removed from a
// parent.
func (r *Resolver) InvalidationStructural() InvalidationScope {
	return r.structural
}

// noteInvalidation records which names sel depends on and where, walking
// from the subject leftwards: a name in the subject compound affects the
// element itself; in a compound reached through a descendant or child
// combinator, that element's subtree; through + or ~, its following
// siblings and their subtrees. Only the combinator next to the compound
// matters: whatever comes after it stays inside that subtree or among
// those siblings' subtrees.
func (r *Resolver) noteInvalidation(sel *Selector) {
	for i := range sel.parts {
		scope := InvalidateSelf
		if i > 0 {
			switch sel.combs[i-1] {
			case Descendant, Child:
				scope = InvalidateDescendants
			default:
				scope = InvalidateSiblings
			}
		}
		sel.parts[i].eachName(func(name string, isID bool) {
			if isID {
				r.idInv[name] |= scope
			} else {
				r.classInv[name] |= scope
			}
		})
	}
	siblings, empty := sel.structural()
	if siblings {
		r.structural |= InvalidateSiblings
	}
	if empty {
		r.structural |= InvalidateParent
	}
}
