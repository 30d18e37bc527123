package style

import "strings"

// slen is a specified length: a linear combination of units kept apart until
// computed-value time, because em needs the element's font-size, rpx / vw /
// vh the window and env(safe-area-inset-*) the device (spec §2.1). calc()
// folds into the same form; min(), max() and clamp() are not linear and hang
// off nl.
type slen struct {
	kind               LengthKind
	px, pct            float32
	em, rem, rpx       float32
	vw, vh, vmin, vmax float32
	sa                 [4]float32 // × safe-area-inset-top, right, bottom, left
	// nl, when set, is a min() / max() / clamp() (or a sum over them) whose
	// value adds to the linear part.
	nl *calcNode
}

// relative reports whether computing l needs more than its px and % parts.
func (l *slen) relative() bool {
	return l.em != 0 || l.rem != 0 || l.rpx != 0 || l.vw != 0 || l.vh != 0 || l.vmin != 0 || l.vmax != 0 ||
		l.sa != [4]float32{} || l.nl != nil
}

func (l *slen) add(o *slen, k float32) {
	l.px += k * o.px
	l.pct += k * o.pct
	l.em += k * o.em
	l.rem += k * o.rem
	l.rpx += k * o.rpx
	l.vw += k * o.vw
	l.vh += k * o.vh
	l.vmin += k * o.vmin
	l.vmax += k * o.vmax
	for i := range l.sa {
		l.sa[i] += k * o.sa[i]
	}
	if o.nl != nil {
		l.nl = sumNodes(l.nl, o.nl, k)
	}
}

func (l *slen) scale(k float32) {
	var z slen
	z.add(l, k)
	z.kind = l.kind
	*l = z
}

func (l *slen) isZero() bool { return *l == slen{kind: LengthFixed} }

// negative reports whether l is certainly below zero (used to reject negative
// padding and widths; mixed-unit calc() is clamped later by layout, as CSS does).
func (l *slen) negative() bool {
	if l.kind != LengthFixed || l.nl != nil {
		return false
	}
	pos, neg := false, false
	for _, v := range [...]float32{l.px, l.pct, l.em, l.rem, l.rpx, l.vw, l.vh, l.vmin, l.vmax, l.sa[0], l.sa[1], l.sa[2], l.sa[3]} {
		if v > 0 {
			pos = true
		} else if v < 0 {
			neg = true
		}
	}
	return neg && !pos
}

func pxLen(v float32) slen { return slen{kind: LengthFixed, px: v} }

// lenFlags says which forms a property accepts.
type lenFlags uint8

const (
	lenPct       lenFlags = 1 << iota // percentages
	lenNeg                            // negative values
	lenAuto                           // auto
	lenNone                           // none
	lenIntrinsic                      // min-content / max-content / fit-content
	lenWidthKw                        // thin / medium / thick (border widths)
)

// parseLen reads one length vtok under flags.
func parseLen(t vtok, f lenFlags) (slen, bool) {
	var l slen
	switch t.kind {
	case vtIdent:
		switch t.lower() {
		case "auto":
			return slen{kind: LengthAuto}, f&lenAuto != 0
		case "none":
			return slen{kind: LengthNone}, f&lenNone != 0
		case "min-content":
			return slen{kind: LengthMinContent}, f&lenIntrinsic != 0
		case "max-content":
			return slen{kind: LengthMaxContent}, f&lenIntrinsic != 0
		case "fit-content":
			return slen{kind: LengthFitContent}, f&lenIntrinsic != 0
		case "thin":
			return pxLen(1), f&lenWidthKw != 0
		case "medium":
			return pxLen(3), f&lenWidthKw != 0
		case "thick":
			return pxLen(5), f&lenWidthKw != 0
		}
		return l, false
	case vtNumber:
		// Only a unitless zero is a length (CSS Values §6.1).
		if t.num != 0 {
			return l, false
		}
		return pxLen(0), true
	case vtPercent:
		if f&lenPct == 0 {
			return l, false
		}
		l = slen{kind: LengthFixed, pct: t.num}
	case vtDim:
		var ok bool
		if l, ok = unitLen(t.num, t.text); !ok {
			return l, false
		}
	case vtFunc:
		if t.text == "env" || t.text == "constant" {
			return parseEnv(t.args, f) // the fallback may be any length (auto too)
		}
		v, ok := calcFunc(t, f, 0)
		if !ok {
			return l, false
		}
		if !v.isLen {
			// calc(0) is a length like a plain 0.
			if v.num != 0 {
				return l, false
			}
			return pxLen(0), true
		}
		return v.l, true // math function results may be negative; layout clamps (CSS Values §10.12)
	default:
		return l, false
	}
	if f&lenNeg == 0 && l.negative() {
		return l, false
	}
	return l, true
}

// unitLen converts a dimension to an slen; false for units Skyline lacks
// (spec §2.1 lists px, rpx, rem, em, vw, vh, vmin, vmax).
func unitLen(v float32, unit string) (slen, bool) {
	l := slen{kind: LengthFixed}
	switch unit {
	case "px":
		l.px = v
	case "rpx":
		l.rpx = v
	case "rem":
		l.rem = v
	case "em":
		// UNVERIFIED in Skyline (spec §2.1 / §7); resolved like Chromium.
		l.em = v
	case "vw":
		l.vw = v
	case "vh":
		l.vh = v
	case "vmin":
		l.vmin = v
	case "vmax":
		l.vmax = v
	default:
		return l, false
	}
	return l, true
}

// parseEnv reads env(name[, fallback]) (or the older constant()) as a
// length. The safe-area insets are always defined, so their fallback is never
// used; it is for names the renderer does not know.
func parseEnv(args string, f lenFlags) (slen, bool) {
	name, fallback, hasFallback := strings.Cut(args, ",")
	if i, ok := safeAreaInset(strings.ToLower(strings.TrimSpace(name))); ok {
		l := slen{kind: LengthFixed}
		l.sa[i] = 1
		return l, true
	}
	toks, ok := lexValue(fallback)
	if !hasFallback || !ok || len(toks) != 1 {
		return slen{}, false
	}
	return parseLen(toks[0], f)
}

// calcVal is an intermediate calc() value: a number or a length.
type calcVal struct {
	num   float32
	l     slen
	isLen bool
}

// calcDepthLimit bounds calc() nesting so hostile input cannot exhaust the stack.
const calcDepthLimit = 32

// calcFunc evaluates a function token that may stand for a length or a
// number: calc() (or a bare parenthesis), min(), max(), clamp(), env() and
// constant().
func calcFunc(t vtok, f lenFlags, depth int) (calcVal, bool) {
	if depth > calcDepthLimit {
		return calcVal{}, false
	}
	switch t.text {
	case "calc", "":
		return parseCalcExpr(t.args, f, depth)
	case "min", "max", "clamp":
		return parseMathFn(t.text, t.args, f, depth)
	case "env", "constant":
		l, ok := parseEnv(t.args, f)
		return calcVal{l: l, isLen: true}, ok && l.kind == LengthFixed
	}
	return calcVal{}, false
}

func parseCalcExpr(args string, f lenFlags, depth int) (calcVal, bool) {
	toks, ok := lexValue(args)
	if !ok {
		return calcVal{}, false
	}
	return parseCalcToks(toks, f, depth)
}

// parseCalcToks evaluates one calc sum (CSS Values §10.1 <calc-sum>).
func parseCalcToks(toks []vtok, f lenFlags, depth int) (calcVal, bool) {
	if len(toks) == 0 {
		return calcVal{}, false
	}
	c := calcParser{toks: toks, f: f, depth: depth}
	v, ok := c.sum()
	if !ok || c.i != len(toks) {
		return calcVal{}, false
	}
	return v, true
}

type calcParser struct {
	toks  []vtok
	i     int
	f     lenFlags
	depth int
}

func (c *calcParser) sum() (calcVal, bool) {
	v, ok := c.product()
	if !ok {
		return v, false
	}
	for c.i < len(c.toks) && c.toks[c.i].kind == vtDelim && (c.toks[c.i].text == "+" || c.toks[c.i].text == "-") {
		sign := float32(1)
		if c.toks[c.i].text == "-" {
			sign = -1
		}
		c.i++
		w, ok := c.product()
		if !ok || w.isLen != v.isLen {
			return v, false
		}
		if v.isLen {
			v.l.add(&w.l, sign)
		} else {
			v.num += sign * w.num
		}
	}
	return v, true
}

func (c *calcParser) product() (calcVal, bool) {
	v, ok := c.operand()
	if !ok {
		return v, false
	}
	for c.i < len(c.toks) {
		t := c.toks[c.i]
		div := t.kind == vtSlash
		if !div && !(t.kind == vtDelim && t.text == "*") {
			break
		}
		c.i++
		w, ok := c.operand()
		if !ok {
			return v, false
		}
		switch {
		case div:
			if w.isLen || w.num == 0 {
				return v, false
			}
			if v.isLen {
				v.l.scale(1 / w.num)
			} else {
				v.num /= w.num
			}
		case v.isLen && w.isLen:
			return v, false
		case v.isLen:
			v.l.scale(w.num)
		case w.isLen:
			w.l.scale(v.num)
			v = w
		default:
			v.num *= w.num
		}
	}
	return v, true
}

func (c *calcParser) operand() (calcVal, bool) {
	if c.i >= len(c.toks) {
		return calcVal{}, false
	}
	t := c.toks[c.i]
	c.i++
	switch t.kind {
	case vtNumber:
		return calcVal{num: t.num}, true
	case vtPercent:
		if c.f&lenPct == 0 {
			return calcVal{}, false
		}
		return calcVal{l: slen{kind: LengthFixed, pct: t.num}, isLen: true}, true
	case vtDim:
		l, ok := unitLen(t.num, t.text)
		return calcVal{l: l, isLen: true}, ok
	case vtFunc:
		return calcFunc(t, c.f, c.depth+1)
	}
	return calcVal{}, false
}

// number reads a plain number, also from calc(), min(), max() and clamp().
func vNumber(t vtok) (float32, bool) {
	switch t.kind {
	case vtNumber:
		return t.num, true
	case vtFunc:
		switch t.text {
		case "calc", "min", "max", "clamp":
			v, ok := calcFunc(t, 0, 0)
			if !ok || v.isLen {
				return 0, false
			}
			return v.num, true
		}
	}
	return 0, false
}

// integer reads an integer number.
func vInteger(t vtok) (int32, bool) {
	v, ok := vNumber(t)
	if !ok || v != float32(int32(v)) {
		return 0, false
	}
	return int32(v), true
}
