package style

// sshadows is a specified box-shadow or text-shadow list.
type sshadows struct {
	list  []sshadow
	fixed []Shadow
	memo  memo[[]Shadow]
}

type sshadow struct {
	inset              bool
	x, y, blur, spread slen
	col                scolor
}

func (s *sshadows) compute(x cctx) []Shadow {
	if s.fixed != nil || len(s.list) == 0 {
		return s.fixed
	}
	return memoGet(&s.memo, s, x, buildShadows)
}

func buildShadows(s *sshadows, x cctx) []Shadow {
	out := make([]Shadow, len(s.list))
	for i := range s.list {
		sh := &s.list[i]
		out[i] = Shadow{Inset: sh.inset, X: x.px(&sh.x), Y: x.px(&sh.y), Blur: x.px(&sh.blur),
			Spread: x.px(&sh.spread), Color: sh.col.resolve(x.color)}
	}
	return out
}

// parseShadows reads `none` or a comma list of shadows: for boxes
// `inset? <length>{2,4} <color>?` in any order, for text `<length>{2,3}`
// (spec §2.7). A missing colour is currentColor, as in CSS.
func parseShadows(ts []vtok, box bool) (*sshadows, error) {
	s := &sshadows{}
	if len(ts) == 1 && ts[0].is("none") {
		return s, nil
	}
	var d deps
	for _, g := range vSplitCommas(ts) {
		sh := sshadow{col: scolor{current: true}}
		var lens []slen
		seenColor, lensDone := false, false
		for _, t := range g {
			if box && t.is("inset") && !sh.inset {
				sh.inset = true
				if len(lens) > 0 {
					lensDone = true
				}
				continue
			}
			if l, ok := parseLen(t, lenNeg); ok && !lensDone {
				lens = append(lens, l)
				continue
			}
			if c, ok := parseColor(t); ok && !seenColor {
				sh.col, seenColor = c, true
				if len(lens) > 0 {
					lensDone = true
				}
				continue
			}
			return nil, lenError(t)
		}
		maxLens := 3
		if box {
			maxLens = 4
		}
		if len(lens) < 2 || len(lens) > maxLens {
			return nil, errValue
		}
		lens = append(lens, pxLen(0), pxLen(0))
		sh.x, sh.y, sh.blur, sh.spread = lens[0], lens[1], lens[2], lens[3]
		if sh.blur.negative() {
			return nil, errValue
		}
		for _, l := range lens {
			d |= l.deps()
		}
		d |= sh.col.deps()
		s.list = append(s.list, sh)
	}
	s.memo.deps = d
	if d == 0 {
		s.fixed = buildShadows(s, cctx{})
	}
	return s, nil
}
