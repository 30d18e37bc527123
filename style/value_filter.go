package style

// parseFilter reads `none` or one filter function (spec §2.1: one function
// only, no drop-shadow(), no url()). kw holds the FilterKind; num the amount
// (px for blur, degrees for hue-rotate, a factor otherwise); len the blur
// radius, computed at apply time.
func parseFilter(ts []vtok, _ string) (sval, error) {
	if len(ts) == 1 && ts[0].is("none") {
		return sval{kw: uint8(FilterNone)}, nil
	}
	if len(ts) > 1 {
		return sval{}, unsupported("one filter function only (spec §2.1)")
	}
	if len(ts) != 1 {
		return sval{}, errValue
	}
	if ts[0].kind == vtURL {
		return sval{}, unsupported("no url() filters (spec §2.1)")
	}
	if ts[0].kind != vtFunc {
		return sval{}, errValue
	}
	args, ok := lexValue(ts[0].args)
	if !ok || len(args) > 1 {
		return sval{}, errValue
	}
	var kind FilterKind
	switch ts[0].text {
	case "blur":
		v := sval{kw: uint8(FilterBlur), len: pxLen(0)}
		if len(args) == 1 {
			l, ok := parseLen(args[0], 0)
			if !ok {
				return sval{}, lenError(args[0])
			}
			v.len = l
		}
		return v, nil
	case "hue-rotate":
		v := sval{kw: uint8(FilterHueRotate)}
		if len(args) == 1 {
			a, ok := angleDeg(args[0])
			if !ok {
				return sval{}, errValue
			}
			v.num = a
		}
		return v, nil
	case "brightness":
		kind = FilterBrightness
	case "contrast":
		kind = FilterContrast
	case "grayscale":
		kind = FilterGrayscale
	case "invert":
		kind = FilterInvert
	case "opacity":
		kind = FilterOpacity
	case "saturate":
		kind = FilterSaturate
	case "sepia":
		kind = FilterSepia
	case "drop-shadow":
		return sval{}, unsupported("no drop-shadow() (spec §2.1)")
	default:
		return sval{}, errValue
	}
	v := sval{kw: uint8(kind), num: 1}
	if len(args) == 1 {
		switch args[0].kind {
		case vtPercent:
			v.num = args[0].num / 100
		default:
			n, ok := vNumber(args[0])
			if !ok {
				return sval{}, errValue
			}
			v.num = n
		}
		if v.num < 0 {
			return sval{}, errValue
		}
	}
	// CSS Filter Effects §13: these amounts clamp at 1 (100%).
	switch kind {
	case FilterGrayscale, FilterInvert, FilterOpacity, FilterSepia:
		if v.num > 1 {
			v.num = 1
		}
	}
	return v, nil
}

func (x cctx) filter(v *sval) Filter {
	if FilterKind(v.kw) == FilterBlur {
		return Filter{Kind: FilterBlur, Amount: x.px(&v.len)}
	}
	return Filter{Kind: FilterKind(v.kw), Amount: v.num}
}
