package expr

import (
	"math"
	"strconv"
)

// node is one compiled sub-expression. Eval walks this tree; the source is
// never looked at again after Parse.
type node interface {
	eval(s Scope) Value
}

// key is a static member name, with its array index precomputed when the name
// is a canonical non-negative integer ("2" but not "02"), so a[2] and a['2']
// index arrays without parsing at Eval time.
type key struct {
	name string
	idx  int // -1 when name is not an array index
}

func makeKey(name string) key {
	k := key{name: name, idx: -1}
	if n, err := strconv.Atoi(name); err == nil && n >= 0 && strconv.Itoa(n) == name {
		k.idx = n
	}
	return k
}

// getMember reads obj[k] the way Skyline binds data: member access on
// null/undefined/primitives yields Undefined instead of throwing (spec §1.2).
func getMember(obj Value, k key) Value {
	switch o := obj.(type) {
	case *Object:
		if v, ok := o.Get(k.name); ok {
			return v
		}
	case map[string]any:
		if v, ok := o[k.name]; ok {
			return v
		}
	case []any:
		if k.idx >= 0 {
			if k.idx < len(o) {
				return o[k.idx]
			}
			return Undefined
		}
		if k.name == "length" {
			return float64(len(o))
		}
	case string:
		if k.idx >= 0 {
			if c, ok := charAt(o, k.idx); ok {
				return c
			}
			return Undefined
		}
		if k.name == "length" {
			return float64(utf16Len(o))
		}
	}
	return Undefined
}

// keyOf turns a computed member value into a key: integral numbers index
// arrays directly, everything else goes through JS String().
func keyOf(v Value) key {
	if f, ok := v.(float64); ok && f >= 0 && f == math.Trunc(f) && f < 1<<31 {
		return key{name: numberString(f), idx: int(f)}
	}
	return makeKey(jsString(v))
}

type constNode struct{ v Value }

func (n *constNode) eval(Scope) Value { return n.v }

// pathNode is an identifier followed by static members (a.b[2].c); the common
// binding shape, evaluated without allocation.
type pathNode struct {
	root string
	keys []key
}

func (n *pathNode) eval(s Scope) Value {
	if s == nil {
		return Undefined
	}
	v, ok := s.Lookup(n.root)
	if !ok {
		return Undefined
	}
	for _, k := range n.keys {
		v = getMember(v, k)
	}
	return v
}

type memberNode struct {
	obj node
	k   key
}

func (n *memberNode) eval(s Scope) Value { return getMember(n.obj.eval(s), n.k) }

type indexNode struct{ obj, index node }

func (n *indexNode) eval(s Scope) Value {
	o := n.obj.eval(s)
	return getMember(o, keyOf(n.index.eval(s)))
}

// element is one array element or call argument, possibly spread (...x).
type element struct {
	x      node
	spread bool
}

// spreadInto appends the elements of an iterable: arrays item by item, strings
// character by character; anything else spreads to nothing instead of throwing.
func spreadInto(out []Value, v Value) []Value {
	switch x := v.(type) {
	case []any:
		return append(out, x...)
	case string:
		for _, r := range x {
			out = append(out, string(r))
		}
	}
	return out
}

func evalElements(s Scope, elems []element) []Value {
	// Capacity at least 1 gives every array its own backing store, so that
	// identity (=== on arrays) can tell two empty literals apart.
	out := make([]Value, 0, max(len(elems), 1))
	for _, e := range elems {
		if e.spread {
			out = spreadInto(out, e.x.eval(s))
		} else {
			out = append(out, e.x.eval(s))
		}
	}
	return out
}

type arrayNode struct{ elems []element }

func (n *arrayNode) eval(s Scope) Value { return evalElements(s, n.elems) }

// property is one object literal entry; spread entries copy every key of their
// value, later entries overwrite earlier ones (spec §1.2).
type property struct {
	name   string
	x      node
	spread bool
}

// objectNode builds an *Object: keys keep the order the literal writes them
// (a spread contributes its source's keys in that object's own order), as a
// JavaScript object literal does.
type objectNode struct{ props []property }

func (n *objectNode) eval(s Scope) Value {
	o := NewObject(len(n.props))
	for _, p := range n.props {
		v := p.x.eval(s)
		if !p.spread {
			o.Set(p.name, v)
			continue
		}
		switch x := v.(type) {
		case *Object:
			x.Range(func(k string, e Value) bool {
				o.Set(k, e)
				return true
			})
		case map[string]any:
			keys, _ := ObjectKeys(x)
			for _, k := range keys {
				o.Set(k, x[k])
			}
		case []any:
			for i, e := range x {
				o.Set(strconv.Itoa(i), e)
			}
		case string:
			i := 0
			for _, r := range x {
				o.Set(strconv.Itoa(i), string(r))
				i++
			}
		}
	}
	return o
}

// callNode calls a Func (a WXS module member). Calling anything else yields
// Undefined, and a panicking Func is contained, so a binding never takes the
// page down (spec §1.2).
type callNode struct {
	fn   node
	args []element
}

func (n *callNode) eval(s Scope) (result Value) {
	var f func([]Value) Value
	switch x := n.fn.eval(s).(type) {
	case Func:
		f = x
	case func([]Value) Value:
		f = x
	default:
		return Undefined
	}
	args := evalElements(s, n.args)
	defer func() {
		if recover() != nil {
			result = Undefined
		}
	}()
	return f(args)
}

type unaryNode struct {
	op string
	x  node
}

func (n *unaryNode) eval(s Scope) Value {
	v := n.x.eval(s)
	switch n.op {
	case "!":
		return !Truthy(v)
	case "-":
		return -ToNumber(v)
	case "+":
		return ToNumber(v)
	}
	return typeOf(v)
}

type binOp uint8

const (
	opAdd binOp = iota
	opSub
	opMul
	opDiv
	opMod
	opEq
	opNe
	opStrictEq
	opStrictNe
	opLt
	opLe
	opGt
	opGe
)

var binOps = map[string]binOp{
	"+": opAdd, "-": opSub, "*": opMul, "/": opDiv, "%": opMod,
	"==": opEq, "!=": opNe, "===": opStrictEq, "!==": opStrictNe,
	"<": opLt, "<=": opLe, ">": opGt, ">=": opGe,
}

type binaryNode struct {
	op   binOp
	l, r node
}

func (n *binaryNode) eval(s Scope) Value {
	a, b := n.l.eval(s), n.r.eval(s)
	switch n.op {
	case opAdd:
		return add(a, b)
	case opSub:
		return ToNumber(a) - ToNumber(b)
	case opMul:
		return ToNumber(a) * ToNumber(b)
	case opDiv:
		return ToNumber(a) / ToNumber(b)
	case opMod:
		return math.Mod(ToNumber(a), ToNumber(b))
	case opEq:
		return Equal(a, b, false)
	case opNe:
		return !Equal(a, b, false)
	case opStrictEq:
		return Equal(a, b, true)
	case opStrictNe:
		return !Equal(a, b, true)
	}
	return compare(n.op, a, b)
}

// add is JS +: string concatenation when either primitive is a string
// (1 + '2' = '12'), numeric addition otherwise.
func add(a, b Value) Value {
	a, b = toPrimitive(a), toPrimitive(b)
	as, aStr := a.(string)
	bs, bStr := b.(string)
	if aStr || bStr {
		if !aStr {
			as = jsString(a)
		}
		if !bStr {
			bs = jsString(b)
		}
		return as + bs
	}
	return ToNumber(a) + ToNumber(b)
}

// compare is the JS relational comparison: two strings compare by code units,
// otherwise both sides become numbers and NaN makes every comparison false.
func compare(op binOp, a, b Value) bool {
	a, b = toPrimitive(a), toPrimitive(b)
	as, aStr := a.(string)
	bs, bStr := b.(string)
	if aStr && bStr {
		c := compareUTF16(as, bs)
		switch op {
		case opLt:
			return c < 0
		case opLe:
			return c <= 0
		case opGt:
			return c > 0
		}
		return c >= 0
	}
	x, y := ToNumber(a), ToNumber(b)
	switch op {
	case opLt:
		return x < y
	case opLe:
		return x <= y
	case opGt:
		return x > y
	}
	return x >= y
}

// compareUTF16 orders strings as JS does (by UTF-16 code unit), which differs
// from Go's byte order only between astral characters and U+E000–U+FFFF.
func compareUTF16(a, b string) int {
	ar, br := []rune(a), []rune(b)
	for i := 0; i < len(ar) && i < len(br); i++ {
		x, y := utf16Unit(ar[i]), utf16Unit(br[i])
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
		if ar[i] != br[i] {
			if ar[i] < br[i] {
				return -1
			}
			return 1
		}
	}
	return len(ar) - len(br)
}

func utf16Unit(r rune) rune {
	if r >= 0x10000 {
		return 0xd800 + (r-0x10000)>>10
	}
	return r
}

type logicalOp uint8

const (
	opAnd logicalOp = iota
	opOr
	opNullish
)

// logicalNode short-circuits and returns an operand, not a boolean, as JS does
// (a || 'default').
type logicalNode struct {
	op   logicalOp
	l, r node
}

func (n *logicalNode) eval(s Scope) Value {
	a := n.l.eval(s)
	switch n.op {
	case opAnd:
		if !Truthy(a) {
			return a
		}
	case opOr:
		if Truthy(a) {
			return a
		}
	default:
		if a != nil && a != Undefined {
			return a
		}
	}
	return n.r.eval(s)
}

type condNode struct{ cond, yes, no node }

func (n *condNode) eval(s Scope) Value {
	if Truthy(n.cond.eval(s)) {
		return n.yes.eval(s)
	}
	return n.no.eval(s)
}
