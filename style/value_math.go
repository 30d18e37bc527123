package style

// min(), max() and clamp() (CSS Values 4 §10.2). Their arguments are calc
// sums of one type; numbers fold at once. Lengths fold at parse time when
// every argument is in px, and otherwise at computed-value time, when em,
// rpx, vw and the safe-area insets are known. What is left after that is a
// comparison involving a percentage: it stays an expression (Length.Calc)
// that layout evaluates against the percentage basis, as calc() percentages
// do.

type calcOp uint8

const (
	opSum calcOp = iota
	opMin
	opMax
)

// calcNode is a specified non-linear length: min / max over its arguments,
// or their weighted sum.
type calcNode struct {
	op   calcOp
	args []calcArg
	// memo holds the computed form for the last context (deps say which
	// parts of the context the node reads).
	memo memo[calcResult]
}

// calcArg is k × l (a linear length, l.nl nil) or k × sub.
type calcArg struct {
	k   float32
	l   slen
	sub *calcNode
}

func (n *calcNode) deps() deps {
	var d deps
	for i := range n.args {
		if a := &n.args[i]; a.sub != nil {
			d |= a.sub.deps()
		} else {
			d |= a.l.deps()
		}
	}
	return d
}

func newNode(op calcOp, args []calcArg) *calcNode {
	n := &calcNode{op: op, args: args}
	n.memo.deps = n.deps()
	return n
}

// sumNodes returns a + k×b (a may be nil).
func sumNodes(a, b *calcNode, k float32) *calcNode {
	arg := calcArg{k: k, sub: b}
	if a == nil {
		return newNode(opSum, []calcArg{arg})
	}
	return newNode(opSum, []calcArg{{k: 1, sub: a}, arg})
}

// argOf wraps a whole slen (its linear part and its nl) as one argument.
func argOf(l slen) calcArg {
	if l.nl == nil {
		return calcArg{k: 1, l: l}
	}
	lin := l
	lin.nl = nil
	if lin.isZero() {
		return calcArg{k: 1, sub: l.nl}
	}
	return calcArg{k: 1, sub: newNode(opSum, []calcArg{{k: 1, l: lin}, {k: 1, sub: l.nl}})}
}

// parseMathFn evaluates min(), max() or clamp() of calc sums.
func parseMathFn(name, args string, f lenFlags, depth int) (calcVal, bool) {
	toks, ok := lexValue(args)
	if !ok {
		return calcVal{}, false
	}
	var vals []calcVal
	for start := 0; start <= len(toks); {
		end := start
		for end < len(toks) && toks[end].kind != vtComma {
			end++
		}
		v, ok := parseCalcToks(toks[start:end], f, depth+1)
		if !ok || len(vals) > 0 && v.isLen != vals[0].isLen {
			return calcVal{}, false
		}
		vals = append(vals, v)
		start = end + 1
	}
	if name == "clamp" {
		if len(vals) != 3 {
			return calcVal{}, false
		}
		// clamp(MIN, VAL, MAX) is max(MIN, min(VAL, MAX)).
		inner := mathOf(opMin, vals[1:])
		return mathOf(opMax, []calcVal{vals[0], inner}), true
	}
	op := opMin
	if name == "max" {
		op = opMax
	}
	return mathOf(op, vals), true
}

// mathOf is min or max of vals, all numbers or all lengths.
func mathOf(op calcOp, vals []calcVal) calcVal {
	if !vals[0].isLen {
		v := vals[0].num
		for _, w := range vals[1:] {
			v = pick(op, v, w.num)
		}
		return calcVal{num: v}
	}
	// Arguments that differ only in px (the same percentage, em, rpx …)
	// compare by their px: fold them now.
	first := vals[0].l
	same := first.nl == nil
	for _, w := range vals[1:] {
		a, b := first, w.l
		a.px, b.px = 0, 0
		if a != b {
			same = false
			break
		}
	}
	if same {
		for _, w := range vals[1:] {
			first.px = pick(op, first.px, w.l.px)
		}
		return calcVal{l: first, isLen: true}
	}
	args := make([]calcArg, len(vals))
	for i, v := range vals {
		args[i] = argOf(v.l)
	}
	return calcVal{l: slen{kind: LengthFixed, nl: newNode(op, args)}, isLen: true}
}

func pick(op calcOp, a, b float32) float32 {
	if op == opMin {
		return min(a, b)
	}
	return max(a, b)
}

// calcResult is a computed calcNode: px + pct% + calc.
type calcResult struct {
	px, pct float32
	calc    *Calc
}

// compute returns n's computed form for x, memoised on the node.
func (n *calcNode) compute(x cctx) calcResult {
	return memoGet(&n.memo, n, x, evalNode)
}

func evalNode(n *calcNode, x cctx) calcResult {
	res := make([]calcResult, len(n.args))
	for i := range n.args {
		a := &n.args[i]
		var r calcResult
		if a.sub != nil {
			r = evalNode(a.sub, x)
		} else {
			l := x.length(&a.l)
			r = calcResult{px: l.Px, pct: l.Pct}
		}
		res[i] = r.scaled(a.k)
	}
	switch n.op {
	case opSum:
		var out calcResult
		var subs []CalcTerm
		for _, r := range res {
			out.px += r.px
			out.pct += r.pct
			if r.calc != nil {
				subs = append(subs, CalcTerm{K: 1, Sub: r.calc})
			}
		}
		switch len(subs) {
		case 0:
		case 1:
			out.calc = subs[0].Sub
		default:
			out.calc = &Calc{Op: CalcSum, Terms: subs}
		}
		return out
	}
	// min / max: without expressions and with one percentage throughout,
	// the comparison is of px alone.
	foldable := true
	for _, r := range res {
		if r.calc != nil || r.pct != res[0].pct {
			foldable = false
			break
		}
	}
	if foldable {
		out := res[0]
		for _, r := range res[1:] {
			out.px = pick(n.op, out.px, r.px)
		}
		return out
	}
	op := CalcMin
	if n.op == opMax {
		op = CalcMax
	}
	c := &Calc{Op: op, Terms: make([]CalcTerm, len(res))}
	for i, r := range res {
		c.Terms[i] = CalcTerm{Px: r.px, Pct: r.pct, K: 1, Sub: r.calc}
	}
	return calcResult{calc: c}
}

func (r calcResult) scaled(k float32) calcResult {
	if k == 1 {
		return r
	}
	r.px *= k
	r.pct *= k
	if r.calc != nil {
		r.calc = &Calc{Op: CalcSum, Terms: []CalcTerm{{K: k, Sub: r.calc}}}
	}
	return r
}
