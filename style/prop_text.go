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
