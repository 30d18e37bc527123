package style

// Text and font properties (spec §2.7 "Text and font").

func init() {
	props[PropColor] = propDef{
		parse: parseColorProp,
		// In pass one x.color is the parent's colour, so currentColor inherits.
		apply: func(c *Computed, v *sval, x cctx) { c.Color = v.col.resolve(x.color) },
		copy:  func(d, s *Computed) { d.Color = s.Color },
	}
	props[PropFontSize] = propDef{
		parse: parseFontSize,
		// In pass one x.fontSize is the parent's, the em basis of font-size.
		apply: func(c *Computed, v *sval, x cctx) { c.FontSize = x.px(&v.len) },
		copy:  func(d, s *Computed) { d.FontSize = s.FontSize },
	}
}

// parseFontSize reads a font-size: a length without % or keywords (spec §2.7 ⚠).
func parseFontSize(ts []vtok, _ string) (sval, error) {
	if len(ts) != 1 {
		return sval{}, errValue
	}
	switch ts[0].kind {
	case vtPercent:
		return sval{}, unsupported("no percentages for font-size (spec §2.7)")
	case vtIdent:
		return sval{}, unsupported("no keywords for font-size (spec §2.7)")
	}
	l, ok := parseLen(ts[0], 0)
	if !ok {
		return sval{}, lenError(ts[0])
	}
	if l.pct != 0 {
		return sval{}, unsupported("no percentages for font-size (spec §2.7)")
	}
	return sval{len: l}, nil
}

func init() {
	props[PropFontFamily] = propDef{
		parse: parseFontFamily,
		apply: func(c *Computed, v *sval, _ cctx) { c.FontFamily = v.ref.([]string) },
		copy:  func(d, s *Computed) { d.FontFamily = s.FontFamily },
	}
	props[PropFontWeight] = propDef{
		parse: parseFontWeight,
		apply: func(c *Computed, v *sval, _ cctx) { c.FontWeight = uint16(v.num) },
		copy:  func(d, s *Computed) { d.FontWeight = s.FontWeight },
	}
	props[PropFontStyle] = propDef{
		parse: func(ts []vtok, b string) (sval, error) {
			if len(ts) >= 1 && ts[0].is("oblique") {
				return sval{}, unsupported("no oblique (spec §2.7)")
			}
			return parseKw(kwEnt{"normal", uint8(FontStyleNormal)}, kwEnt{"italic", uint8(FontStyleItalic)})(ts, b)
		},
		apply: func(c *Computed, v *sval, _ cctx) { c.FontStyle = FontStyle(v.kw) },
		copy:  func(d, s *Computed) { d.FontStyle = s.FontStyle },
	}
	props[PropFontFeatureSettings] = propDef{
		parse: parseFontFeatures,
		apply: func(c *Computed, v *sval, _ cctx) { c.FontFeatures = v.ref.(string) },
		copy:  func(d, s *Computed) { d.FontFeatures = s.FontFeatures },
	}
	props[PropLineHeight] = propDef{
		parse: parseLineHeight,
		apply: func(c *Computed, v *sval, x cctx) {
			switch LineHeightKind(v.kw) {
			case LineHeightPx:
				l := x.length(&v.len)
				c.LineHeight = LineHeight{Kind: LineHeightPx, Value: l.At(x.fontSize)}
			default:
				c.LineHeight = LineHeight{Kind: LineHeightKind(v.kw), Value: v.num}
			}
		},
		copy: func(d, s *Computed) { d.LineHeight = s.LineHeight },
	}
	props[PropLetterSpacing] = propDef{
		parse: parseSpacing,
		apply: func(c *Computed, v *sval, x cctx) { c.LetterSpacing = x.px(&v.len) },
		copy:  func(d, s *Computed) { d.LetterSpacing = s.LetterSpacing },
	}
	props[PropWordSpacing] = propDef{
		parse: parseSpacing,
		apply: func(c *Computed, v *sval, x cctx) { c.WordSpacing = x.px(&v.len) },
		copy:  func(d, s *Computed) { d.WordSpacing = s.WordSpacing },
	}
	props[PropTextAlign] = propDef{
		parse: parseKw(kwEnt{"start", uint8(TextAlignStart)}, kwEnt{"end", uint8(TextAlignEnd)},
			kwEnt{"left", uint8(TextAlignLeft)}, kwEnt{"right", uint8(TextAlignRight)},
			kwEnt{"center", uint8(TextAlignCenter)}, kwEnt{"justify", uint8(TextAlignJustify)}),
		apply: func(c *Computed, v *sval, _ cctx) { c.TextAlign = TextAlign(v.kw) },
		copy:  func(d, s *Computed) { d.TextAlign = s.TextAlign },
	}
	props[PropVerticalAlign] = propDef{
		parse: parseKw(kwEnt{"baseline", uint8(VAlignBaseline)}, kwEnt{"top", uint8(VAlignTop)},
			kwEnt{"middle", uint8(VAlignMiddle)}, kwEnt{"bottom", uint8(VAlignBottom)}),
		apply: func(c *Computed, v *sval, _ cctx) { c.VerticalAlign = VerticalAlign(v.kw) },
		copy:  func(d, s *Computed) { d.VerticalAlign = s.VerticalAlign },
	}
	props[PropWhiteSpace] = propDef{
		parse: func(ts []vtok, b string) (sval, error) {
			if len(ts) == 1 && ts[0].kind == vtIdent && len(ts[0].text) >= 3 && ts[0].lower()[:3] == "pre" {
				return sval{}, unsupported("only normal and nowrap (spec §2.7)")
			}
			return parseKw(kwEnt{"normal", uint8(WhiteSpaceNormal)}, kwEnt{"nowrap", uint8(WhiteSpaceNoWrap)})(ts, b)
		},
		apply: func(c *Computed, v *sval, _ cctx) { c.WhiteSpace = WhiteSpace(v.kw) },
		copy:  func(d, s *Computed) { d.WhiteSpace = s.WhiteSpace },
	}
	props[PropWordBreak] = propDef{
		// keep-all parses but acts as normal; break-word maps to normal (spec §2.7).
		parse: parseKw(kwEnt{"normal", uint8(WordBreakNormal)}, kwEnt{"break-all", uint8(WordBreakBreakAll)},
			kwEnt{"keep-all", uint8(WordBreakNormal)}, kwEnt{"break-word", uint8(WordBreakNormal)}),
		apply: func(c *Computed, v *sval, _ cctx) { c.WordBreak = WordBreak(v.kw) },
		copy:  func(d, s *Computed) { d.WordBreak = s.WordBreak },
	}
	props[PropTextOverflow] = propDef{
		parse: parseKw(kwEnt{"clip", uint8(TextOverflowClip)}, kwEnt{"ellipsis", uint8(TextOverflowEllipsis)}),
		apply: func(c *Computed, v *sval, _ cctx) { c.TextOverflow = TextOverflow(v.kw) },
		copy:  func(d, s *Computed) { d.TextOverflow = s.TextOverflow },
	}
	props[PropTextDecorationLine] = propDef{
		parse: func(ts []vtok, b string) (sval, error) {
			if len(ts) > 1 {
				return sval{}, unsupported("one text-decoration line only (spec §2.6)")
			}
			return parseKw(kwEnt{"none", uint8(DecorationNone)}, kwEnt{"underline", uint8(DecorationUnderline)},
				kwEnt{"overline", uint8(DecorationOverline)}, kwEnt{"line-through", uint8(DecorationLineThrough)})(ts, b)
		},
		apply: func(c *Computed, v *sval, _ cctx) { c.TextDecoration.Line = DecorationLine(v.kw) },
		copy:  func(d, s *Computed) { d.TextDecoration.Line = s.TextDecoration.Line },
	}
	props[PropTextDecorationStyle] = propDef{
		parse: parseKw(kwEnt{"solid", uint8(DecorationSolid)}, kwEnt{"double", uint8(DecorationDouble)},
			kwEnt{"dotted", uint8(DecorationDotted)}, kwEnt{"dashed", uint8(DecorationDashed)},
			kwEnt{"wavy", uint8(DecorationWavy)}),
		apply: func(c *Computed, v *sval, _ cctx) { c.TextDecoration.Style = DecorationStyle(v.kw) },
		copy:  func(d, s *Computed) { d.TextDecoration.Style = s.TextDecoration.Style },
	}
	props[PropTextDecorationColor] = propDef{
		parse: parseColorProp,
		apply: func(c *Computed, v *sval, x cctx) { c.TextDecoration.Color = v.col.resolve(x.color) },
		copy:  func(d, s *Computed) { d.TextDecoration.Color = s.TextDecoration.Color },
	}
	props[PropTextShadow] = propDef{
		parse: func(ts []vtok, _ string) (sval, error) {
			s, err := parseShadows(ts, false)
			return sval{ref: s}, err
		},
		apply: func(c *Computed, v *sval, x cctx) { c.TextShadow = v.ref.(*sshadows).compute(x) },
		copy:  func(d, s *Computed) { d.TextShadow = s.TextShadow },
	}
	props[PropLineClamp] = propDef{
		parse: func(ts []vtok, _ string) (sval, error) {
			if len(ts) == 1 && ts[0].is("none") {
				return sval{}, nil
			}
			v, err := parseIntProp(ts, "")
			if err != nil || v.num < 1 {
				return sval{}, errValue
			}
			return v, nil
		},
		apply: func(c *Computed, v *sval, _ cctx) { c.LineClamp = int32(v.num) },
		copy:  func(d, s *Computed) { d.LineClamp = s.LineClamp },
	}
	// caret-color is inherited but paints nothing in a static renderer.
	props[PropCaretColor] = propDef{
		parse: func(ts []vtok, b string) (sval, error) {
			if len(ts) == 1 && ts[0].is("auto") {
				return sval{}, nil
			}
			return parseColorProp(ts, b)
		},
		apply: applyNothing,
		copy:  copyNothing,
	}
	props[PropContent] = propDef{
		parse: parseContent,
		apply: func(c *Computed, v *sval, _ cctx) {
			c.Content, c.HasContent = "", v.kw == 1
			if v.kw == 1 {
				c.Content = v.ref.(string)
			}
		},
		copy: func(d, s *Computed) { d.Content, d.HasContent = s.Content, s.HasContent },
	}
	for id := PropWxPartialZIndex; id <= PropWxContain; id++ {
		props[id] = propDef{parse: parseIgnored, apply: applyNothing, copy: copyNothing}
	}
}

// parseFontFamily reads a comma list of quoted names or identifier
// sequences (CSS Fonts §3.1); generic families stay lower case.
func parseFontFamily(ts []vtok, _ string) (sval, error) {
	var fams []string
	for _, g := range vSplitCommas(ts) {
		switch {
		case len(g) == 1 && g[0].kind == vtString:
			fams = append(fams, g[0].text)
		case len(g) > 0:
			name := ""
			for i, t := range g {
				if t.kind != vtIdent {
					return sval{}, errValue
				}
				if i > 0 {
					name += " "
				}
				name += t.text
			}
			if len(g) == 1 {
				switch l := g[0].lower(); l {
				case "serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui":
					name = l
				case "inherit", "initial", "unset", "default":
					return sval{}, errValue
				}
			}
			fams = append(fams, name)
		default:
			return sval{}, errValue
		}
	}
	return sval{ref: fams}, nil
}

// parseFontWeight reads normal, bold or 1..1000 (spec §2.7: no bolder /
// lighter).
func parseFontWeight(ts []vtok, _ string) (sval, error) {
	if len(ts) != 1 {
		return sval{}, errValue
	}
	t := ts[0]
	switch {
	case t.is("normal"):
		return sval{num: 400}, nil
	case t.is("bold"):
		return sval{num: 700}, nil
	case t.is("bolder"), t.is("lighter"):
		return sval{}, unsupported("no bolder / lighter (spec §2.7)")
	}
	n, ok := vNumber(t)
	if !ok || n < 1 || n > 1000 {
		return sval{}, errValue
	}
	return sval{num: n}, nil
}

// parseFontFeatures reads normal or a list of "tag" [on|off|<integer>],
// normalised to `"tag" value` entries separated by ", ".
func parseFontFeatures(ts []vtok, _ string) (sval, error) {
	if len(ts) == 1 && ts[0].is("normal") {
		return sval{ref: ""}, nil
	}
	out := ""
	for _, g := range vSplitCommas(ts) {
		if len(g) < 1 || len(g) > 2 || g[0].kind != vtString || len(g[0].text) != 4 {
			return sval{}, errValue
		}
		val := "1"
		if len(g) == 2 {
			switch {
			case g[1].is("on"):
			case g[1].is("off"):
				val = "0"
			case g[1].kind == vtNumber && g[1].num >= 0 && g[1].num == float32(int32(g[1].num)):
				val = g[1].text
			default:
				return sval{}, errValue
			}
		}
		if out != "" {
			out += ", "
		}
		out += "\"" + g[0].text + "\" " + val
	}
	return sval{ref: out}, nil
}

// parseLineHeight reads normal, a number, a length or a percentage; kw is
// the LineHeightKind (lengths and percentages compute to px).
func parseLineHeight(ts []vtok, _ string) (sval, error) {
	if len(ts) != 1 {
		return sval{}, errValue
	}
	t := ts[0]
	if t.is("normal") {
		return sval{kw: uint8(LineHeightNormal)}, nil
	}
	if n, ok := vNumber(t); ok {
		if n < 0 {
			return sval{}, errValue
		}
		return sval{kw: uint8(LineHeightNumber), num: n}, nil
	}
	l, ok := parseLen(t, lenPct)
	if !ok {
		return sval{}, lenError(t)
	}
	return sval{kw: uint8(LineHeightPx), len: l}, nil
}

// parseSpacing reads letter-spacing / word-spacing: normal (0) or a length.
func parseSpacing(ts []vtok, _ string) (sval, error) {
	if len(ts) == 1 && ts[0].is("normal") {
		return sval{len: pxLen(0)}, nil
	}
	if len(ts) != 1 {
		return sval{}, errValue
	}
	l, ok := parseLen(ts[0], lenNeg)
	if !ok {
		return sval{}, lenError(ts[0])
	}
	return sval{len: l}, nil
}

// parseContent reads content for ::before / ::after: none / normal (no box)
// or strings, concatenated (spec §2.3; url() is not supported). kw 1 means
// a box is generated.
func parseContent(ts []vtok, _ string) (sval, error) {
	if len(ts) == 1 && (ts[0].is("none") || ts[0].is("normal")) {
		return sval{}, nil
	}
	s := ""
	for _, t := range ts {
		switch {
		case t.kind == vtString:
			s += t.text
		case t.kind == vtURL:
			return sval{}, unsupported("no url() content (spec §2.3)")
		default:
			return sval{}, unsupported("string content only (spec §2.3)")
		}
	}
	return sval{kw: 1, ref: s}, nil
}
