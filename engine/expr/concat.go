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
	if c, ok := l.(*addChain); ok {
		c.parts = append(c.parts, r)
		return c
	}
	return &addChain{[]node{l, r}}
}

// addChain is a chain a + b + c … whose operand types are known only at
// run time. It evaluates left to right as JS does — numeric addition while
// both sides are non-strings — and from the first string on joins every
// remaining operand once: s + s + … with 100,000 terms is linear, not a
// new string per +.
type addChain struct{ parts []node }

func (n *addChain) eval(s Scope) Value {
	acc := toPrimitive(n.parts[0].eval(s))
	for i := 1; i < len(n.parts); i++ {
		v := toPrimitive(n.parts[i].eval(s))
		as, aStr := acc.(string)
		bs, bStr := v.(string)
		if !aStr && !bStr {
			acc = ToNumber(acc) + ToNumber(v)
			continue
		}
		if !aStr {
			as = jsString(acc)
		}
		if !bStr {
			bs = jsString(v)
		}
		rest := n.parts[i+1:]
		if len(rest) == 0 {
			return as + bs
		}
		var b strings.Builder
		b.WriteString(as)
		b.WriteString(bs)
		for _, p := range rest {
			b.WriteString(jsString(toPrimitive(p.eval(s))))
		}
		return b.String()
	}
	return acc
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
