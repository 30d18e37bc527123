package style

// parsePosition reads a <bg-position> (CSS Backgrounds §3.6): one to four
// values of keywords and lengths. Offsets from right / bottom fold into the
// linear form: `right 10px` is 100% - 10px.
func parsePosition(ts []vtok) (x, y slen, ok bool) {
	center := slen{kind: LengthFixed, pct: 50}
	type part struct {
		kw  string // "" for a length
		l   slen
		off *slen
	}
	var ps []part
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if t.kind == vtIdent {
			kw := t.lower()
			switch kw {
			case "left", "right", "top", "bottom", "center":
			default:
				return x, y, false
			}
			ps = append(ps, part{kw: kw})
			continue
		}
		l, ok := parseLen(t, lenPct|lenNeg)
		if !ok {
			return x, y, false
		}
		// An offset follows an edge keyword only in the 3- and 4-value forms.
		if n := len(ps); n > 0 && ps[n-1].kw != "" && ps[n-1].kw != "center" && ps[n-1].off == nil && len(ts) > 2 {
			ps[n-1].off = &l
			continue
		}
		ps = append(ps, part{l: l})
	}
	edge := func(p part) (slen, bool, bool) { // value, isHorizontal, isVertical
		var base slen
		switch p.kw {
		case "":
			return p.l, false, false
		case "left", "top":
			base = slen{kind: LengthFixed}
			if p.off != nil {
				base = *p.off
			}
		case "right", "bottom":
			base = slen{kind: LengthFixed, pct: 100}
			if p.off != nil {
				base.add(p.off, -1)
			}
		case "center":
			base = center
		}
		return base, p.kw == "left" || p.kw == "right", p.kw == "top" || p.kw == "bottom"
	}
	switch len(ps) {
	case 1:
		v, h, vert := edge(ps[0])
		switch {
		case vert:
			return center, v, true
		case h:
			return v, center, true
		}
		return v, center, true
	case 2:
		a, ah, av := edge(ps[0])
		b, bh, bv := edge(ps[1])
		if (ah && bh) || (av && bv) {
			return x, y, false
		}
		if av || bh {
			if ps[0].kw == "" || ps[1].kw == "" {
				// A length pairs only with its own axis: `top 10px` is invalid.
				return x, y, false
			}
			return b, a, true
		}
		return a, b, true
	}
	return x, y, false
}
