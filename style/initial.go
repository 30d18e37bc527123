package style

// Skyline's initial values differ from the web's (spec §2.8): every element
// is a flex column container with stretch alignment, border-box sizing and
// relative position; border and decoration colours are black.
//
// The templates below are what ComputeInto starts from. They keep border
// widths at `medium` (3px, spec §2.7) because a later border-style must see
// that width; ComputeInto (and Initial) then zero the widths of sides whose
// style is none or hidden, the CSS computed-value rule.

// mediumBorder is `medium` (spec §2.7).
const mediumBorder = 3

// initialTemplates holds one template per (DefaultDisplayBlock,
// DefaultContentBox) pair, built once.
var initialTemplates = func() (t [4]Computed) {
	for i := range t {
		t[i] = buildInitial(RendererOptions{DefaultDisplayBlock: i&1 != 0, DefaultContentBox: i&2 != 0})
	}
	return t
}()

func templateFor(env *Env) *Computed {
	if env == nil {
		return &initialTemplates[0]
	}
	i := 0
	if env.Options.DefaultDisplayBlock {
		i |= 1
	}
	if env.Options.DefaultContentBox {
		i |= 2
	}
	return &initialTemplates[i]
}

func buildInitial(o RendererOptions) Computed {
	zero := Px(0)
	c := Computed{
		Display:      DisplayFlex,
		Position:     PositionRelative,
		BoxSizing:    BorderBox,
		Overflow:     OverflowVisible,
		Inset:        Edges{Auto, Auto, Auto, Auto},
		Width:        Auto,
		Height:       Auto,
		MinWidth:     Auto, // the official table's `min-height: none` is read as auto (spec §2.7)
		MinHeight:    Auto,
		MaxWidth:     None,
		MaxHeight:    None,
		Margin:       Edges{zero, zero, zero, zero},
		Padding:      Edges{zero, zero, zero, zero},
		ZIndexAuto:   true,
		FlexDir:      Column,
		FlexWrap:     NoWrap,
		Justify:      AlignFlexStart,
		AlignItems:   AlignStretch,
		AlignSelf:    AlignAuto,
		AlignContent: AlignStretch, // official `auto`, skyline-skills `normal`: both behave as stretch (spec §2.7, UNVERIFIED)
		FlexShrink:   1,
		FlexBasis:    Auto,
		RowGap:       zero,
		ColumnGap:    zero,

		Visibility:    Visible,
		Opacity:       1,
		PointerEvents: PointerAuto,
		Background: Background{
			Color:  Transparent,
			Size:   BackgroundSize{Kind: SizeExplicit, W: Auto, H: Auto},
			PosX:   zero,
			PosY:   zero,
			Repeat: RepeatBoth,
		},
		TransformOrigin: [3]Length{Pct(50), Pct(50), zero},
		Mask: Mask{
			Size:   BackgroundSize{Kind: SizeExplicit, W: Auto, H: Auto},
			PosX:   Pct(50), // spec §2.7: mask-position center center
			PosY:   Pct(50),
			Repeat: NoRepeat, // spec §2.7 ⚠
		},

		Color:          Black,
		FontSize:       defaultFontSize,
		FontWeight:     400,
		LineHeight:     LineHeight{Kind: LineHeightNormal},
		TextDecoration: TextDecoration{Line: DecorationNone, Style: DecorationSolid, Color: Black},
	}
	for i := range c.Border {
		c.Border[i] = BorderSide{Width: mediumBorder, Style: BorderNone, Color: Black}
	}
	for i := range c.Radius {
		c.Radius[i] = Radius{X: zero, Y: zero}
	}
	if o.DefaultDisplayBlock {
		// spec §2.9: web defaults (flex-direction and align-items per skyline-skills).
		c.Display = DisplayBlock
		c.FlexDir = Row
		c.AlignItems = AlignNormal
	}
	if o.DefaultContentBox {
		c.BoxSizing = ContentBox
	}
	return c
}

// Initial returns Skyline's initial computed style (spec §2.7, §2.8) under
// env.Options (env may be nil for the defaults).
func Initial(env *Env) Computed {
	c := *templateFor(env)
	fixBorderWidths(&c)
	return c
}

// fixBorderWidths applies the computed-value rule for border widths: a side
// whose style is none or hidden has width 0.
func fixBorderWidths(c *Computed) {
	for i := range c.Border {
		if c.Border[i].Style == BorderNone || c.Border[i].Style == BorderHidden {
			c.Border[i].Width = 0
		}
	}
}
