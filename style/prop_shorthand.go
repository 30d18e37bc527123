package style

// Shorthands (spec §2.6) are parsed and expanded; only longhands are stored.
// Omitted parts reset to their initial value, as in CSS.

type shorthand struct {
	longs  []PropID
	expand func(ts []vtok, base string) ([]propVal, error)
}

var shorthands map[string]shorthand

func sides(first PropID) []PropID { return []PropID{first, first + 1, first + 2, first + 3} }

func init() {
	borderAll := append(append(sides(PropBorderTopWidth), sides(PropBorderTopStyle)...), sides(PropBorderTopColor)...)
	shorthands = map[string]shorthand{
		"margin":        {sides(PropMarginTop), expandBox(PropMarginTop)},
		"padding":       {sides(PropPaddingTop), expandBox(PropPaddingTop)},
		"inset":         {sides(PropTop), expandBox(PropTop)},
		"border-width":  {sides(PropBorderTopWidth), expandBox(PropBorderTopWidth)},
		"border-style":  {sides(PropBorderTopStyle), expandBox(PropBorderTopStyle)},
		"border-color":  {sides(PropBorderTopColor), expandBox(PropBorderTopColor)},
		"border":        {borderAll, expandBorder(0, 4)},
		"border-radius": {sides(PropBorderTopLeftRadius), expandRadius},
		"gap":           {[]PropID{PropRowGap, PropColumnGap}, expandGap},
		"flex":          {[]PropID{PropFlexGrow, PropFlexShrink, PropFlexBasis}, expandFlex},
		"flex-flow":     {[]PropID{PropFlexDirection, PropFlexWrap}, expandFlexFlow},
	}
	for i, name := range []string{"border-top", "border-right", "border-bottom", "border-left"} {
		shorthands[name] = shorthand{
			[]PropID{PropBorderTopWidth + PropID(i), PropBorderTopStyle + PropID(i), PropBorderTopColor + PropID(i)},
			expandBorder(i, i+1),
		}
	}
	initPaintShorthands()
}

// parseOne parses a single component value as longhand id.
func parseOne(id PropID, t vtok, base string) (sval, error) {
	return props[id].parse([]vtok{t}, base)
}

// expandBox handles the 1-to-4-value box shorthands (top, right, bottom,
// left; CSS Backgrounds §4).
func expandBox(first PropID) func([]vtok, string) ([]propVal, error) {
	return func(ts []vtok, base string) ([]propVal, error) {
		if len(ts) < 1 || len(ts) > 4 {
			return nil, errValue
		}
		var v [4]sval
		for i, t := range ts {
			var err error
			if v[i], err = parseOne(first+PropID(i), t, base); err != nil {
				return nil, err
			}
		}
		switch len(ts) {
		case 1:
			v[1], v[2], v[3] = v[0], v[0], v[0]
		case 2:
			v[2], v[3] = v[0], v[1]
		case 3:
			v[3] = v[1]
		}
		return []propVal{{first, v[0]}, {first + 1, v[1]}, {first + 2, v[2]}, {first + 3, v[3]}}, nil
	}
}

// expandBorder handles border and border-<side>: width, style and colour in
// any order, each at most once, for sides [from, to).
func expandBorder(from, to int) func([]vtok, string) ([]propVal, error) {
	return func(ts []vtok, _ string) ([]propVal, error) {
		if len(ts) == 0 || len(ts) > 3 {
			return nil, errValue
		}
		width, style, color := sval{wide: wideInitial}, sval{wide: wideInitial}, sval{wide: wideInitial}
		var seenW, seenS, seenC bool
		for _, t := range ts {
			if l, ok := parseLen(t, lenBorder); ok && !seenW {
				width, seenW = sval{len: l}, true
				continue
			}
			if t.kind == vtIdent && !seenS {
				if s, err := parseBorderStyle([]vtok{t}, ""); err == nil {
					style, seenS = s, true
					continue
				} else if err != errValue {
					return nil, err
				}
			}
			if c, ok := parseColor(t); ok && !seenC {
				color, seenC = sval{col: c}, true
				continue
			}
			return nil, lenError(t)
		}
		out := make([]propVal, 0, 3*(to-from))
		for i := from; i < to; i++ {
			out = append(out,
				propVal{PropBorderTopWidth + PropID(i), width},
				propVal{PropBorderTopStyle + PropID(i), style},
				propVal{PropBorderTopColor + PropID(i), color})
		}
		return out, nil
	}
}

// expandRadius handles border-radius with its optional `/` for elliptical
// corners (CSS Backgrounds §5.1).
func expandRadius(ts []vtok, _ string) ([]propVal, error) {
	h, v := ts, []vtok(nil)
	for i, t := range ts {
		if t.kind == vtSlash {
			h, v = ts[:i], ts[i+1:]
			if len(v) == 0 {
				return nil, errValue
			}
			break
		}
	}
	hx, err := radiusList(h)
	if err != nil {
		return nil, err
	}
	vy := hx
	if v != nil {
		if vy, err = radiusList(v); err != nil {
			return nil, err
		}
	}
	out := make([]propVal, 4)
	for i := range out {
		out[i] = propVal{PropBorderTopLeftRadius + PropID(i), sval{len: hx[i], len2: vy[i]}}
	}
	return out, nil
}

// radiusList expands 1–4 radii to the four corners (top-left, top-right,
// bottom-right, bottom-left).
func radiusList(ts []vtok) ([4]slen, error) {
	var r [4]slen
	if len(ts) < 1 || len(ts) > 4 {
		return r, errValue
	}
	for i, t := range ts {
		l, ok := parseLen(t, lenPct)
		if !ok {
			return r, lenError(t)
		}
		r[i] = l
	}
	switch len(ts) {
	case 1:
		r[1], r[2], r[3] = r[0], r[0], r[0]
	case 2:
		r[2], r[3] = r[0], r[1]
	case 3:
		r[3] = r[1]
	}
	return r, nil
}

func expandGap(ts []vtok, _ string) ([]propVal, error) {
	if len(ts) < 1 || len(ts) > 2 {
		return nil, errValue
	}
	row, err := parseGap(ts[:1], "")
	if err != nil {
		return nil, err
	}
	col := row
	if len(ts) == 2 {
		if col, err = parseGap(ts[1:], ""); err != nil {
			return nil, err
		}
	}
	return []propVal{{PropRowGap, row}, {PropColumnGap, col}}, nil
}

// expandFlex handles the flex shorthand (CSS Flexbox §7.1.1): none, auto,
// and <grow> <shrink>? || <basis>; an omitted basis is 0%, an omitted shrink 1.
func expandFlex(ts []vtok, _ string) ([]propVal, error) {
	mk := func(g, s float32, b slen) []propVal {
		return []propVal{{PropFlexGrow, sval{num: g}}, {PropFlexShrink, sval{num: s}}, {PropFlexBasis, sval{len: b}}}
	}
	if len(ts) == 1 && ts[0].kind == vtIdent {
		switch ts[0].lower() {
		case "none":
			return mk(0, 0, slen{kind: LengthAuto}), nil
		case "auto":
			return mk(1, 1, slen{kind: LengthAuto}), nil
		}
	}
	if len(ts) == 0 || len(ts) > 3 {
		return nil, errValue
	}
	var nums []float32
	basis, haveBasis := slen{kind: LengthFixed, pct: 0}, false
	numsDone := false
	for _, t := range ts {
		// A unitless number is a flex factor; a unitless zero is the basis
		// only after both factors (CSS Flexbox §7.2).
		if n, ok := vNumber(t); ok && !numsDone && len(nums) < 2 {
			if n < 0 {
				return nil, errValue
			}
			nums = append(nums, n)
			continue
		}
		if haveBasis {
			return nil, errValue
		}
		l, ok := parseLen(t, lenSize)
		if !ok {
			if t.is("content") {
				return nil, unsupported("flex-basis: content")
			}
			return nil, lenError(t)
		}
		basis, haveBasis = l, true
		if len(nums) > 0 {
			numsDone = true
		}
	}
	if len(nums) == 0 {
		return mk(1, 1, basis), nil
	}
	shrink := float32(1)
	if len(nums) == 2 {
		shrink = nums[1]
	}
	return mk(nums[0], shrink, basis), nil
}

func expandFlexFlow(ts []vtok, _ string) ([]propVal, error) {
	if len(ts) < 1 || len(ts) > 2 {
		return nil, errValue
	}
	dir, wrap := sval{wide: wideInitial}, sval{wide: wideInitial}
	var seenD, seenW bool
	for _, t := range ts {
		if v, err := props[PropFlexDirection].parse([]vtok{t}, ""); err == nil && !seenD {
			dir, seenD = v, true
			continue
		}
		if v, err := props[PropFlexWrap].parse([]vtok{t}, ""); err == nil && !seenW {
			wrap, seenW = v, true
			continue
		}
		return nil, errValue
	}
	return []propVal{{PropFlexDirection, dir}, {PropFlexWrap, wrap}}, nil
}
