package style

// Background, border radius and effect properties (spec §2.7 "Background,
// border, effects").

func init() {
	props[PropVisibility] = propDef{
		parse: func(ts []vtok, b string) (sval, error) {
			if len(ts) == 1 && ts[0].is("collapse") {
				return sval{}, unsupported("no collapse (spec §2.7)")
			}
			return parseKw(kwEnt{"visible", uint8(Visible)}, kwEnt{"hidden", uint8(Hidden)})(ts, b)
		},
		apply: func(c *Computed, v *sval, _ cctx) { c.Visibility = Visibility(v.kw) },
		copy:  func(d, s *Computed) { d.Visibility = s.Visibility },
	}
	props[PropOpacity] = propDef{
		parse: parseAlphaProp,
		apply: func(c *Computed, v *sval, _ cctx) { c.Opacity = v.num },
		copy:  func(d, s *Computed) { d.Opacity = s.Opacity },
	}
	props[PropPointerEvents] = propDef{
		parse: parseKw(kwEnt{"auto", uint8(PointerAuto)}, kwEnt{"none", uint8(PointerNone)}),
		apply: func(c *Computed, v *sval, _ cctx) { c.PointerEvents = PointerEvents(v.kw) },
		copy:  func(d, s *Computed) { d.PointerEvents = s.PointerEvents },
	}
	props[PropBackgroundColor] = propDef{
		parse: parseColorProp,
		apply: func(c *Computed, v *sval, x cctx) { c.Background.Color = v.col.resolve(x.color) },
		copy:  func(d, s *Computed) { d.Background.Color = s.Background.Color },
	}
	props[PropBackgroundImage] = propDef{
		parse: func(ts []vtok, base string) (sval, error) {
			s, err := parseImageList(ts, base, true, 2)
			return sval{ref: s}, err
		},
		apply: func(c *Computed, v *sval, x cctx) { c.Background.Layers = v.ref.(*simages).compute(x) },
		copy:  func(d, s *Computed) { d.Background.Layers = s.Background.Layers },
	}
	props[PropBackgroundSize] = propDef{
		parse: firstLayer(parseBgSize),
		apply: func(c *Computed, v *sval, x cctx) { c.Background.Size = x.bgSize(v) },
		copy:  func(d, s *Computed) { d.Background.Size = s.Background.Size },
	}
	props[PropBackgroundPositionX] = propDef{
		parse: firstLayer(parsePositionAxis(true)),
		apply: func(c *Computed, v *sval, x cctx) { c.Background.PosX = x.length(&v.len) },
		copy:  func(d, s *Computed) { d.Background.PosX = s.Background.PosX },
	}
	props[PropBackgroundPositionY] = propDef{
		parse: firstLayer(parsePositionAxis(false)),
		apply: func(c *Computed, v *sval, x cctx) { c.Background.PosY = x.length(&v.len) },
		copy:  func(d, s *Computed) { d.Background.PosY = s.Background.PosY },
	}
	props[PropBackgroundRepeat] = propDef{
		parse: firstLayer(parseRepeat),
		apply: func(c *Computed, v *sval, _ cctx) { c.Background.Repeat = Repeat(v.kw) },
		copy:  func(d, s *Computed) { d.Background.Repeat = s.Background.Repeat },
	}
	for corner := 0; corner < 4; corner++ {
		i := corner
		props[PropBorderTopLeftRadius+PropID(i)] = propDef{
			parse: parseCornerRadius,
			apply: func(c *Computed, v *sval, x cctx) {
				c.Radius[i] = Radius{X: x.length(&v.len), Y: x.length(&v.len2)}
			},
			copy: func(d, s *Computed) { d.Radius[i] = s.Radius[i] },
		}
	}
	props[PropBoxShadow] = propDef{
		parse: func(ts []vtok, _ string) (sval, error) {
			s, err := parseShadows(ts, true)
			return sval{ref: s}, err
		},
		apply: func(c *Computed, v *sval, x cctx) { c.BoxShadow = v.ref.(*sshadows).compute(x) },
		copy:  func(d, s *Computed) { d.BoxShadow = s.BoxShadow },
	}
	props[PropTransform] = propDef{
		parse: parseTransform,
		apply: func(c *Computed, v *sval, x cctx) { c.Transform = v.ref.(*stransform).compute(x) },
		copy:  func(d, s *Computed) { d.Transform = s.Transform },
	}
	props[PropTransformOrigin] = propDef{
		parse: parseTransformOrigin,
		apply: func(c *Computed, v *sval, x cctx) {
			o := v.ref.(*sorigin)
			c.TransformOrigin = [3]Length{x.length(&o[0]), x.length(&o[1]), Px(x.px(&o[2]))}
		},
		copy: func(d, s *Computed) { d.TransformOrigin = s.TransformOrigin },
	}
	props[PropFilter] = propDef{
		parse: parseFilter,
		apply: func(c *Computed, v *sval, x cctx) { c.Filter = x.filter(v) },
		copy:  func(d, s *Computed) { d.Filter = s.Filter },
	}
	props[PropBackdropFilter] = propDef{
		parse: parseFilter,
		apply: func(c *Computed, v *sval, x cctx) { c.BackdropFilter = x.filter(v) },
		copy:  func(d, s *Computed) { d.BackdropFilter = s.BackdropFilter },
	}
	props[PropMaskImage] = propDef{
		parse: func(ts []vtok, base string) (sval, error) {
			s, err := parseImageList(ts, base, false, 1)
			return sval{ref: s}, err
		},
		apply: func(c *Computed, v *sval, x cctx) {
			c.Mask.Image = Image{}
			if l := v.ref.(*simages).compute(x); len(l) > 0 {
				c.Mask.Image = l[0]
			}
		},
		copy: func(d, s *Computed) { d.Mask.Image = s.Mask.Image },
	}
	props[PropMaskSize] = propDef{
		parse: firstLayer(parseBgSize),
		apply: func(c *Computed, v *sval, x cctx) { c.Mask.Size = x.bgSize(v) },
		copy:  func(d, s *Computed) { d.Mask.Size = s.Mask.Size },
	}
	props[PropMaskPosition] = propDef{
		parse: firstLayer(func(ts []vtok, _ string) (sval, error) {
			x, y, ok := parsePosition(ts)
			if !ok {
				return sval{}, errValue
			}
			return sval{len: x, len2: y}, nil
		}),
		apply: func(c *Computed, v *sval, x cctx) { c.Mask.PosX, c.Mask.PosY = x.length(&v.len), x.length(&v.len2) },
		copy:  func(d, s *Computed) { d.Mask.PosX, d.Mask.PosY = s.Mask.PosX, s.Mask.PosY },
	}
	props[PropMaskRepeat] = propDef{
		parse: firstLayer(parseRepeat),
		apply: func(c *Computed, v *sval, _ cctx) { c.Mask.Repeat = Repeat(v.kw) },
		copy:  func(d, s *Computed) { d.Mask.Repeat = s.Mask.Repeat },
	}
	props[PropWillChange] = propDef{
		parse: func(ts []vtok, _ string) (sval, error) {
			if len(ts) == 1 && ts[0].is("auto") {
				return sval{}, nil
			}
			if len(ts) == 1 && ts[0].is("contents") {
				return sval{kw: 1}, nil
			}
			return sval{}, unsupported("only auto and contents (spec §2.7)")
		},
		apply: func(c *Computed, v *sval, _ cctx) { c.WillChange = v.kw == 1 },
		copy:  func(d, s *Computed) { d.WillChange = s.WillChange },
	}
}

// parseAlphaProp reads a number or percentage clamped to [0, 1] (opacity).
func parseAlphaProp(ts []vtok, _ string) (sval, error) {
	if len(ts) != 1 {
		return sval{}, errValue
	}
	a, ok := alphaValue(ts[0])
	if !ok || ts[0].kind == vtIdent {
		return sval{}, errValue
	}
	return sval{num: float32(a)}, nil
}

// firstLayer accepts a comma list and keeps the first layer: Skyline
// computes one size / position / repeat (spec §2.7).
func firstLayer(p func([]vtok, string) (sval, error)) func([]vtok, string) (sval, error) {
	return func(ts []vtok, base string) (sval, error) {
		var v sval
		for i, g := range vSplitCommas(ts) {
			w, err := p(g, base)
			if err != nil {
				return sval{}, err
			}
			if i == 0 {
				v = w
			}
		}
		return v, nil
	}
}

// parseBgSize reads cover | contain | [<length> | auto]{1,2}; kw is the
// BackgroundSizeKind.
func parseBgSize(ts []vtok, _ string) (sval, error) {
	if len(ts) == 1 && ts[0].is("cover") {
		return sval{kw: uint8(SizeCover)}, nil
	}
	if len(ts) == 1 && ts[0].is("contain") {
		return sval{kw: uint8(SizeContain)}, nil
	}
	if len(ts) < 1 || len(ts) > 2 {
		return sval{}, errValue
	}
	w, ok := parseLen(ts[0], lenPct|lenAuto)
	if !ok {
		return sval{}, lenError(ts[0])
	}
	h := slen{kind: LengthAuto}
	if len(ts) == 2 {
		if h, ok = parseLen(ts[1], lenPct|lenAuto); !ok {
			return sval{}, lenError(ts[1])
		}
	}
	return sval{kw: uint8(SizeExplicit), len: w, len2: h}, nil
}

func (x cctx) bgSize(v *sval) BackgroundSize {
	if BackgroundSizeKind(v.kw) != SizeExplicit {
		return BackgroundSize{Kind: BackgroundSizeKind(v.kw), W: Auto, H: Auto}
	}
	return BackgroundSize{W: x.length(&v.len), H: x.length(&v.len2)}
}

// parsePositionAxis reads background-position-x / -y: a keyword, a length,
// or an edge keyword with an offset.
func parsePositionAxis(horizontal bool) func([]vtok, string) (sval, error) {
	lo, hi := "left", "right"
	if !horizontal {
		lo, hi = "top", "bottom"
	}
	return func(ts []vtok, _ string) (sval, error) {
		if len(ts) < 1 || len(ts) > 2 {
			return sval{}, errValue
		}
		if ts[0].kind != vtIdent {
			if len(ts) != 1 {
				return sval{}, errValue
			}
			l, ok := parseLen(ts[0], lenPct|lenNeg)
			if !ok {
				return sval{}, lenError(ts[0])
			}
			return sval{len: l}, nil
		}
		var l slen
		switch ts[0].lower() {
		case lo:
			l = slen{kind: LengthFixed}
		case hi:
			l = slen{kind: LengthFixed, pct: 100}
		case "center":
			if len(ts) != 1 {
				return sval{}, errValue
			}
			return sval{len: slen{kind: LengthFixed, pct: 50}}, nil
		default:
			return sval{}, errValue
		}
		if len(ts) == 2 {
			off, ok := parseLen(ts[1], lenPct|lenNeg)
			if !ok {
				return sval{}, errValue
			}
			if ts[0].lower() == hi {
				l.add(&off, -1)
			} else {
				l = off
			}
		}
		return sval{len: l}, nil
	}
}

// parseRepeat reads background-repeat / mask-repeat (spec §2.7: repeat,
// repeat-x, repeat-y, no-repeat; no space, no round), one or two values.
func parseRepeat(ts []vtok, _ string) (sval, error) {
	kw := func(t vtok) (int, error) { // 0 repeat, 1 no-repeat, 2 repeat-x, 3 repeat-y
		switch t.lower() {
		case "repeat":
			return 0, nil
		case "no-repeat":
			return 1, nil
		case "repeat-x":
			return 2, nil
		case "repeat-y":
			return 3, nil
		case "space", "round":
			return 0, unsupported("no space or round (spec §2.7)")
		}
		return 0, errValue
	}
	if len(ts) < 1 || len(ts) > 2 || ts[0].kind != vtIdent {
		return sval{}, errValue
	}
	a, err := kw(ts[0])
	if err != nil {
		return sval{}, err
	}
	if len(ts) == 1 {
		return sval{kw: uint8([...]Repeat{RepeatBoth, NoRepeat, RepeatX, RepeatY}[a])}, nil
	}
	b, err := kw(ts[1])
	if err != nil || a > 1 || b > 1 || ts[1].kind != vtIdent {
		if err == nil {
			err = errValue
		}
		return sval{}, err
	}
	return sval{kw: uint8([2][2]Repeat{{RepeatBoth, RepeatX}, {RepeatY, NoRepeat}}[a][b])}, nil
}

// parseCornerRadius reads one corner: one or two non-negative lengths.
func parseCornerRadius(ts []vtok, _ string) (sval, error) {
	if len(ts) < 1 || len(ts) > 2 {
		return sval{}, errValue
	}
	x, ok := parseLen(ts[0], lenPct)
	if !ok {
		return sval{}, lenError(ts[0])
	}
	y := x
	if len(ts) == 2 {
		if y, ok = parseLen(ts[1], lenPct); !ok {
			return sval{}, lenError(ts[1])
		}
	}
	return sval{len: x, len2: y}, nil
}
