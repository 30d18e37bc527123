package style

// Shorthands of the background, mask, text-decoration and font groups
// (spec §2.6), and the transition / animation ones (prop_motion.go).

func initPaintShorthands() {
	shorthands["background"] = shorthand{
		[]PropID{PropBackgroundColor, PropBackgroundImage, PropBackgroundSize,
			PropBackgroundPositionX, PropBackgroundPositionY, PropBackgroundRepeat},
		expandBackground,
	}
	shorthands["background-position"] = shorthand{
		[]PropID{PropBackgroundPositionX, PropBackgroundPositionY},
		func(ts []vtok, _ string) ([]propVal, error) {
			var x, y slen
			for i, g := range vSplitCommas(ts) {
				gx, gy, ok := parsePosition(g)
				if !ok {
					return nil, errValue
				}
				if i == 0 {
					x, y = gx, gy
				}
			}
			return []propVal{{PropBackgroundPositionX, sval{len: x}}, {PropBackgroundPositionY, sval{len: y}}}, nil
		},
	}
	shorthands["mask"] = shorthand{
		[]PropID{PropMaskImage, PropMaskSize, PropMaskPosition, PropMaskRepeat},
		expandMask,
	}
	shorthands["-webkit-mask"] = shorthands["mask"]
	shorthands["text-decoration"] = shorthand{
		[]PropID{PropTextDecorationLine, PropTextDecorationStyle, PropTextDecorationColor},
		expandTextDecoration,
	}
	shorthands["font"] = shorthand{
		[]PropID{PropFontStyle, PropFontWeight, PropFontSize, PropLineHeight, PropFontFamily},
		expandFont,
	}
	initMotionShorthands()
}

// bgLayer is one layer of the background or mask shorthand.
type bgLayer struct {
	image, size, posX, posY, repeat, color sval
	hasImage, hasPos, hasRepeat, hasColor  bool
}

func isPositionToken(t vtok) bool {
	if t.kind == vtIdent {
		switch t.lower() {
		case "left", "right", "top", "bottom", "center":
			return true
		}
		return false
	}
	_, ok := parseLen(t, lenPct|lenNeg)
	return ok
}

// parseBgLayer reads one comma-separated layer. Attachment, origin and clip
// are dropped (spec §2.6).
func parseBgLayer(ts []vtok, base string, mask bool) (bgLayer, error) {
	l := bgLayer{
		image: sval{wide: wideInitial}, size: sval{wide: wideInitial}, posX: sval{wide: wideInitial},
		posY: sval{wide: wideInitial}, repeat: sval{wide: wideInitial}, color: sval{wide: wideInitial},
	}
	for i := 0; i < len(ts); {
		t := ts[i]
		switch {
		case !l.hasImage && (t.kind == vtURL || t.kind == vtFunc && isImageFunc(t.text) || t.is("none")):
			imgs, err := parseImageList(ts[i:i+1], base, !mask, 1)
			if err != nil {
				return l, err
			}
			l.image, l.hasImage = sval{ref: imgs}, true
			i++
		case !l.hasPos && isPositionToken(t):
			j := i
			for j < len(ts) && j-i < 4 && isPositionToken(ts[j]) {
				j++
			}
			x, y, ok := parsePosition(ts[i:j])
			if !ok {
				return l, errValue
			}
			l.posX, l.posY, l.hasPos = sval{len: x}, sval{len: y}, true
			i = j
			if i < len(ts) && ts[i].kind == vtSlash {
				k, n := i+1, 0
				for k+n < len(ts) && n < 2 && isSizeToken(ts[k+n]) {
					n++
				}
				sz, err := parseBgSize(ts[k:k+n], "")
				if err != nil {
					return l, err
				}
				l.size = sz
				i = k + n
			}
		case !l.hasRepeat && t.kind == vtIdent && isRepeatKw(t):
			j := i + 1
			if j < len(ts) && ts[j].kind == vtIdent && isRepeatKw(ts[j]) {
				j++
			}
			r, err := parseRepeat(ts[i:j], "")
			if err != nil {
				return l, err
			}
			l.repeat, l.hasRepeat = r, true
			i = j
		case t.kind == vtIdent && isDroppedBgKw(t):
			i++
		case !l.hasColor && !mask && isColor(t):
			c, _ := parseColor(t)
			l.color, l.hasColor = sval{col: c}, true
			i++
		default:
			if t.kind == vtIdent && (t.is("space") || t.is("round")) {
				return l, unsupported("no space or round (spec §2.7)")
			}
			return l, lenError(t)
		}
	}
	return l, nil
}

func isImageFunc(name string) bool {
	switch name {
	case "linear-gradient", "radial-gradient", "conic-gradient", "repeating-linear-gradient",
		"repeating-radial-gradient", "repeating-conic-gradient", "-webkit-linear-gradient":
		return true
	}
	return false
}

// isSizeToken reports whether t can be part of a background size.
func isSizeToken(t vtok) bool {
	if t.is("cover") || t.is("contain") {
		return true
	}
	_, ok := parseLen(t, lenPct|lenAuto)
	return ok
}

func isRepeatKw(t vtok) bool {
	switch t.lower() {
	case "repeat", "no-repeat", "repeat-x", "repeat-y", "space", "round":
		return true
	}
	return false
}

func isDroppedBgKw(t vtok) bool {
	switch t.lower() {
	case "scroll", "fixed", "local", "border-box", "padding-box", "content-box", "text",
		"add", "subtract", "intersect", "exclude", "alpha", "luminance", "match-source", "no-clip":
		return true
	}
	return false
}

func expandBackground(ts []vtok, base string) ([]propVal, error) {
	groups := vSplitCommas(ts)
	if len(groups) > 2 {
		return nil, unsupported("at most two background layers (spec §2.7)")
	}
	imgs := &simages{}
	var first bgLayer
	color := sval{wide: wideInitial}
	anyImage := false
	for i, g := range groups {
		if len(g) == 0 {
			return nil, errValue
		}
		l, err := parseBgLayer(g, base, false)
		if err != nil {
			return nil, err
		}
		if l.hasColor {
			if i != len(groups)-1 {
				return nil, errValue // only the final layer has a colour
			}
			color = l.color
		}
		if i == 0 {
			first = l
		}
		layer := simage{}
		if l.hasImage {
			if li := l.image.ref.(*simages).layers; len(li) > 0 {
				layer, anyImage = li[0], true
			}
		}
		imgs.layers = append(imgs.layers, layer)
	}
	if !anyImage {
		imgs.layers = nil
	}
	imgs.finish()
	return []propVal{
		{PropBackgroundColor, color},
		{PropBackgroundImage, sval{ref: imgs}},
		{PropBackgroundSize, first.size},
		{PropBackgroundPositionX, first.posX},
		{PropBackgroundPositionY, first.posY},
		{PropBackgroundRepeat, first.repeat},
	}, nil
}

func expandMask(ts []vtok, base string) ([]propVal, error) {
	if len(vSplitCommas(ts)) != 1 {
		return nil, unsupported("one mask layer (spec §2.7)")
	}
	l, err := parseBgLayer(ts, base, true)
	if err != nil {
		return nil, err
	}
	pos := sval{wide: wideInitial}
	if l.hasPos {
		pos = sval{len: l.posX.len, len2: l.posY.len}
	}
	return []propVal{
		{PropMaskImage, l.image},
		{PropMaskSize, l.size},
		{PropMaskPosition, pos},
		{PropMaskRepeat, l.repeat},
	}, nil
}

// expandTextDecoration reads line, style and colour in any order; only one
// line value may be given and a thickness is ignored (spec §2.6).
func expandTextDecoration(ts []vtok, _ string) ([]propVal, error) {
	line, style, color := sval{wide: wideInitial}, sval{wide: wideInitial}, sval{wide: wideInitial}
	var seenL, seenS, seenC, seenT bool
	for _, t := range ts {
		if v, err := props[PropTextDecorationLine].parse([]vtok{t}, ""); err == nil {
			if seenL {
				return nil, unsupported("one text-decoration line only (spec §2.6)")
			}
			line, seenL = v, true
			continue
		}
		if v, err := props[PropTextDecorationStyle].parse([]vtok{t}, ""); err == nil && !seenS {
			style, seenS = v, true
			continue
		}
		if c, ok := parseColor(t); ok && !seenC {
			color, seenC = sval{col: c}, true
			continue
		}
		if _, ok := parseLen(t, lenPct|lenAuto); (ok || t.is("from-font")) && !seenT {
			seenT = true // text-decoration-thickness is ignored (spec §2.6)
			continue
		}
		return nil, errValue
	}
	return []propVal{{PropTextDecorationLine, line}, {PropTextDecorationStyle, style}, {PropTextDecorationColor, color}}, nil
}

// expandFont reads [style || weight || variant || stretch]? size [/
// line-height]? family (CSS Fonts §3.7). System-font keywords are
// unsupported (spec §2.6).
func expandFont(ts []vtok, base string) ([]propVal, error) {
	if len(ts) == 1 && ts[0].kind == vtIdent {
		switch ts[0].lower() {
		case "caption", "icon", "menu", "message-box", "small-caption", "status-bar":
			return nil, unsupported("no system fonts (spec §2.6)")
		}
	}
	style, weight := sval{wide: wideInitial}, sval{wide: wideInitial}
	var seenStyle, seenWeight bool
	i := 0
	for ; i < len(ts) && i < 4; i++ {
		t := ts[i]
		if t.is("normal") {
			continue
		}
		if t.kind == vtIdent && !seenStyle {
			if v, err := props[PropFontStyle].parse([]vtok{t}, ""); err == nil {
				style, seenStyle = v, true
				continue
			} else if err != errValue {
				return nil, err
			}
		}
		if !seenWeight && (t.kind == vtIdent || t.kind == vtNumber) {
			if v, err := props[PropFontWeight].parse([]vtok{t}, ""); err == nil {
				weight, seenWeight = v, true
				continue
			} else if err != errValue {
				return nil, err
			}
		}
		if t.is("small-caps") || t.kind == vtIdent && isFontStretchKw(t.lower()) {
			continue // font-variant / font-stretch: not modelled
		}
		break
	}
	if i >= len(ts) {
		return nil, errValue
	}
	size, err := parseFontSize(ts[i:i+1], "")
	if err != nil {
		return nil, err
	}
	i++
	lh := sval{wide: wideInitial}
	if i < len(ts) && ts[i].kind == vtSlash {
		if i+1 >= len(ts) {
			return nil, errValue
		}
		if lh, err = props[PropLineHeight].parse(ts[i+1:i+2], ""); err != nil {
			return nil, err
		}
		i += 2
	}
	if i >= len(ts) {
		return nil, errValue // the family is required
	}
	fam, err := props[PropFontFamily].parse(ts[i:], base)
	if err != nil {
		return nil, err
	}
	return []propVal{{PropFontStyle, style}, {PropFontWeight, weight}, {PropFontSize, size},
		{PropLineHeight, lh}, {PropFontFamily, fam}}, nil
}

func isFontStretchKw(s string) bool {
	switch s {
	case "ultra-condensed", "extra-condensed", "condensed", "semi-condensed",
		"semi-expanded", "expanded", "extra-expanded", "ultra-expanded":
		return true
	}
	return false
}
