package expr

import "strings"

// concatNode is a chain of + whose result is known at compile time to be a
// string because one operand of its first + is a string literal
// ('item-' + id + '-on', x + 'px'). Every later + then also concatenates, so
// the chain joins all parts once instead of allocating each intermediate.
type concatNode struct{ parts []node }

// addNode builds l + r, folding into a concatNode when that keeps JS
// semantics: a string literal on either side of the first + makes it string
// concatenation, and string + anything is concatenation again.
func addNode(l, r node) node {
	if c, ok := l.(*concatNode); ok {
		c.parts = append(c.parts, r)
		return c
	}
	if isStringConst(l) || isStringConst(r) {
		return &concatNode{[]node{l, r}}
	}
	return &binaryNode{opAdd, l, r}
}

func isStringConst(n node) bool {
	c, ok := n.(*constNode)
	if !ok {
		return false
	}
	_, ok = c.v.(string)
	return ok
}

func (n *concatNode) eval(s Scope) Value {
	var small [8]string
	strs := small[:0]
	size := 0
	for _, p := range n.parts {
		str := jsString(toPrimitive(p.eval(s)))
		strs = append(strs, str)
		size += len(str)
	}
	var b strings.Builder
	b.Grow(size)
	for _, str := range strs {
		b.WriteString(str)
	}
	return b.String()
}
