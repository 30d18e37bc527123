package motion

import "github.com/skyline-go/skyline/style"

// The animatable properties (spec §2.7, transition-property): geometry
// (sizes, margins, paddings, insets, gaps), flex-grow / -shrink / -basis,
// border widths, colours and radii, background colour, position and size,
// transform and transform-origin, opacity, filter and backdrop-filter,
// box-shadow, z-index, text-decoration-color, mask size and position. Not
// animatable: color, font-*, line-height, letter- / word-spacing,
// text-align, text-shadow, white-space, word-break, visibility,
// pointer-events, and every keyword property.

// valueKind is how a property's Value is laid out and interpolated.
type valueKind uint8

const (
	kindNone      valueKind = iota // not animatable
	kindLength                     // L[0]
	kindNumber                     // N
	kindInteger                    // N (rounded), Flag = auto
	kindColor                      // C
	kindRadius                     // L[0], L[1]
	kindPair                       // L[0], L[1]: mask-position
	kindOrigin                     // L[0..2]: transform-origin
	kindSize                       // L[0], L[1], Flag = BackgroundSizeKind
	kindShadows                    // Shadows
	kindTransform                  // Transform
	kindFilter                     // F
)

// propInfo is one animatable property's kind and the range it is clamped
// to while it interpolates (CSS Values 4 §3: values outside the property's
// range, from an overshooting curve, are clamped).
type propInfo struct {
	kind    valueKind
	nonNeg  bool // lengths and numbers stay ≥ 0
	unitMax bool // numbers stay ≤ 1 (opacity)
}

var propTable = func() [256]propInfo {
	var t [256]propInfo
	set := func(k valueKind, nonNeg bool, ps ...style.PropID) {
		for _, p := range ps {
			t[p] = propInfo{kind: k, nonNeg: nonNeg}
		}
	}
	set(kindLength, false, style.PropTop, style.PropRight, style.PropBottom, style.PropLeft,
		style.PropMarginTop, style.PropMarginRight, style.PropMarginBottom, style.PropMarginLeft,
		style.PropBackgroundPositionX, style.PropBackgroundPositionY)
	set(kindLength, true, style.PropWidth, style.PropHeight, style.PropMinWidth, style.PropMinHeight,
		style.PropMaxWidth, style.PropMaxHeight, style.PropPaddingTop, style.PropPaddingRight,
		style.PropPaddingBottom, style.PropPaddingLeft, style.PropFlexBasis, style.PropRowGap, style.PropColumnGap)
	set(kindNumber, true, style.PropBorderTopWidth, style.PropBorderRightWidth, style.PropBorderBottomWidth,
		style.PropBorderLeftWidth, style.PropFlexGrow, style.PropFlexShrink)
	t[style.PropOpacity] = propInfo{kind: kindNumber, nonNeg: true, unitMax: true}
	set(kindInteger, false, style.PropZIndex)
	set(kindColor, false, style.PropBackgroundColor, style.PropBorderTopColor, style.PropBorderRightColor,
		style.PropBorderBottomColor, style.PropBorderLeftColor, style.PropTextDecorationColor)
	set(kindRadius, true, style.PropBorderTopLeftRadius, style.PropBorderTopRightRadius,
		style.PropBorderBottomRightRadius, style.PropBorderBottomLeftRadius)
	set(kindPair, false, style.PropMaskPosition)
	set(kindOrigin, false, style.PropTransformOrigin)
	set(kindSize, true, style.PropBackgroundSize, style.PropMaskSize)
	set(kindShadows, false, style.PropBoxShadow)
	set(kindTransform, false, style.PropTransform)
	set(kindFilter, false, style.PropFilter, style.PropBackdropFilter)
	return t
}()

func infoOf(p style.PropID) propInfo {
	if int(p) >= len(propTable) {
		return propInfo{}
	}
	return propTable[p]
}

// Animatable reports whether p is one of the animatable properties.
func Animatable(p style.PropID) bool { return infoOf(p).kind != kindNone }

// AnimatableProperties lists every animatable property, in PropID order.
var AnimatableProperties = func() []style.PropID {
	var ps []style.PropID
	for i := range propTable {
		if propTable[i].kind != kindNone {
			ps = append(ps, style.PropID(i))
		}
	}
	return ps
}()

// Value is one animatable property's computed value, in the fields its
// kind uses (lengths in L, numbers in N, a colour in C, a filter in F,
// lists in Shadows / Transform, a keyword in Flag). Values read from a
// Computed share its slices; motion never writes into them.
type Value struct {
	L         [3]style.Length
	N         float32
	Flag      uint8
	C         style.Color
	F         style.Filter
	Shadows   []style.Shadow
	Transform []style.TransformFn
}

// Get reads property p of c (the zero Value for a property that is not
// animatable).
func Get(p style.PropID, c *style.Computed) Value {
	var v Value
	switch p {
	case style.PropTop:
		v.L[0] = c.Inset.Top
	case style.PropRight:
		v.L[0] = c.Inset.Right
	case style.PropBottom:
		v.L[0] = c.Inset.Bottom
	case style.PropLeft:
		v.L[0] = c.Inset.Left
	case style.PropWidth:
		v.L[0] = c.Width
	case style.PropHeight:
		v.L[0] = c.Height
	case style.PropMinWidth:
		v.L[0] = c.MinWidth
	case style.PropMinHeight:
		v.L[0] = c.MinHeight
	case style.PropMaxWidth:
		v.L[0] = c.MaxWidth
	case style.PropMaxHeight:
		v.L[0] = c.MaxHeight
	case style.PropMarginTop:
		v.L[0] = c.Margin.Top
	case style.PropMarginRight:
		v.L[0] = c.Margin.Right
	case style.PropMarginBottom:
		v.L[0] = c.Margin.Bottom
	case style.PropMarginLeft:
		v.L[0] = c.Margin.Left
	case style.PropPaddingTop:
		v.L[0] = c.Padding.Top
	case style.PropPaddingRight:
		v.L[0] = c.Padding.Right
	case style.PropPaddingBottom:
		v.L[0] = c.Padding.Bottom
	case style.PropPaddingLeft:
		v.L[0] = c.Padding.Left
	case style.PropFlexBasis:
		v.L[0] = c.FlexBasis
	case style.PropRowGap:
		v.L[0] = c.RowGap
	case style.PropColumnGap:
		v.L[0] = c.ColumnGap
	case style.PropBackgroundPositionX:
		v.L[0] = c.Background.PosX
	case style.PropBackgroundPositionY:
		v.L[0] = c.Background.PosY
	case style.PropBorderTopWidth, style.PropBorderRightWidth, style.PropBorderBottomWidth, style.PropBorderLeftWidth:
		v.N = c.Border[p-style.PropBorderTopWidth].Width
	case style.PropBorderTopColor, style.PropBorderRightColor, style.PropBorderBottomColor, style.PropBorderLeftColor:
		v.C = c.Border[p-style.PropBorderTopColor].Color
	case style.PropFlexGrow:
		v.N = c.FlexGrow
	case style.PropFlexShrink:
		v.N = c.FlexShrink
	case style.PropOpacity:
		v.N = c.Opacity
	case style.PropZIndex:
		v.N = float32(c.ZIndex)
		if c.ZIndexAuto {
			v.Flag = 1
		}
	case style.PropBackgroundColor:
		v.C = c.Background.Color
	case style.PropTextDecorationColor:
		v.C = c.TextDecoration.Color
	case style.PropBorderTopLeftRadius, style.PropBorderTopRightRadius, style.PropBorderBottomRightRadius, style.PropBorderBottomLeftRadius:
		r := c.Radius[p-style.PropBorderTopLeftRadius]
		v.L[0], v.L[1] = r.X, r.Y
	case style.PropMaskPosition:
		v.L[0], v.L[1] = c.Mask.PosX, c.Mask.PosY
	case style.PropTransformOrigin:
		v.L = c.TransformOrigin
	case style.PropBackgroundSize:
		v.L[0], v.L[1], v.Flag = c.Background.Size.W, c.Background.Size.H, uint8(c.Background.Size.Kind)
	case style.PropMaskSize:
		v.L[0], v.L[1], v.Flag = c.Mask.Size.W, c.Mask.Size.H, uint8(c.Mask.Size.Kind)
	case style.PropBoxShadow:
		v.Shadows = c.BoxShadow
	case style.PropTransform:
		v.Transform = c.Transform
	case style.PropFilter:
		v.F = c.Filter
	case style.PropBackdropFilter:
		v.F = c.BackdropFilter
	}
	return v
}

// Set writes v as property p of c. Slices are assigned, not copied.
func Set(p style.PropID, c *style.Computed, v *Value) {
	switch p {
	case style.PropTop:
		c.Inset.Top = v.L[0]
	case style.PropRight:
		c.Inset.Right = v.L[0]
	case style.PropBottom:
		c.Inset.Bottom = v.L[0]
	case style.PropLeft:
		c.Inset.Left = v.L[0]
	case style.PropWidth:
		c.Width = v.L[0]
	case style.PropHeight:
		c.Height = v.L[0]
	case style.PropMinWidth:
		c.MinWidth = v.L[0]
	case style.PropMinHeight:
		c.MinHeight = v.L[0]
	case style.PropMaxWidth:
		c.MaxWidth = v.L[0]
	case style.PropMaxHeight:
		c.MaxHeight = v.L[0]
	case style.PropMarginTop:
		c.Margin.Top = v.L[0]
	case style.PropMarginRight:
		c.Margin.Right = v.L[0]
	case style.PropMarginBottom:
		c.Margin.Bottom = v.L[0]
	case style.PropMarginLeft:
		c.Margin.Left = v.L[0]
	case style.PropPaddingTop:
		c.Padding.Top = v.L[0]
	case style.PropPaddingRight:
		c.Padding.Right = v.L[0]
	case style.PropPaddingBottom:
		c.Padding.Bottom = v.L[0]
	case style.PropPaddingLeft:
		c.Padding.Left = v.L[0]
	case style.PropFlexBasis:
		c.FlexBasis = v.L[0]
	case style.PropRowGap:
		c.RowGap = v.L[0]
	case style.PropColumnGap:
		c.ColumnGap = v.L[0]
	case style.PropBackgroundPositionX:
		c.Background.PosX = v.L[0]
	case style.PropBackgroundPositionY:
		c.Background.PosY = v.L[0]
	case style.PropBorderTopWidth, style.PropBorderRightWidth, style.PropBorderBottomWidth, style.PropBorderLeftWidth:
		c.Border[p-style.PropBorderTopWidth].Width = v.N
	case style.PropBorderTopColor, style.PropBorderRightColor, style.PropBorderBottomColor, style.PropBorderLeftColor:
		c.Border[p-style.PropBorderTopColor].Color = v.C
	case style.PropFlexGrow:
		c.FlexGrow = v.N
	case style.PropFlexShrink:
		c.FlexShrink = v.N
	case style.PropOpacity:
		c.Opacity = v.N
	case style.PropZIndex:
		c.ZIndex, c.ZIndexAuto = int32(v.N), v.Flag == 1
	case style.PropBackgroundColor:
		c.Background.Color = v.C
	case style.PropTextDecorationColor:
		c.TextDecoration.Color = v.C
	case style.PropBorderTopLeftRadius, style.PropBorderTopRightRadius, style.PropBorderBottomRightRadius, style.PropBorderBottomLeftRadius:
		c.Radius[p-style.PropBorderTopLeftRadius] = style.Radius{X: v.L[0], Y: v.L[1]}
	case style.PropMaskPosition:
		c.Mask.PosX, c.Mask.PosY = v.L[0], v.L[1]
	case style.PropTransformOrigin:
		c.TransformOrigin = v.L
	case style.PropBackgroundSize:
		c.Background.Size = style.BackgroundSize{Kind: style.BackgroundSizeKind(v.Flag), W: v.L[0], H: v.L[1]}
	case style.PropMaskSize:
		c.Mask.Size = style.BackgroundSize{Kind: style.BackgroundSizeKind(v.Flag), W: v.L[0], H: v.L[1]}
	case style.PropBoxShadow:
		c.BoxShadow = v.Shadows
	case style.PropTransform:
		c.Transform = v.Transform
	case style.PropFilter:
		c.Filter = v.F
	case style.PropBackdropFilter:
		c.BackdropFilter = v.F
	}
}

// Equal reports whether a and b are the same value of property p (what
// decides that a style change starts a transition).
func Equal(p style.PropID, a, b *Value) bool {
	switch infoOf(p).kind {
	case kindLength:
		return sameLength(a.L[0], b.L[0])
	case kindNumber:
		return a.N == b.N
	case kindInteger:
		return a.N == b.N && a.Flag == b.Flag
	case kindColor:
		return a.C == b.C
	case kindRadius, kindPair:
		return sameLength(a.L[0], b.L[0]) && sameLength(a.L[1], b.L[1])
	case kindOrigin:
		return sameLength(a.L[0], b.L[0]) && sameLength(a.L[1], b.L[1]) && sameLength(a.L[2], b.L[2])
	case kindSize:
		return a.Flag == b.Flag && sameLength(a.L[0], b.L[0]) && sameLength(a.L[1], b.L[1])
	case kindShadows:
		if len(a.Shadows) != len(b.Shadows) {
			return false
		}
		for i := range a.Shadows {
			if a.Shadows[i] != b.Shadows[i] {
				return false
			}
		}
		return true
	case kindTransform:
		if len(a.Transform) != len(b.Transform) {
			return false
		}
		for i := range a.Transform {
			x, y := &a.Transform[i], &b.Transform[i]
			if x.Kind != y.Kind || x.Args != y.Args || !sameLength(x.Len[0], y.Len[0]) ||
				!sameLength(x.Len[1], y.Len[1]) || !sameLength(x.Len[2], y.Len[2]) {
				return false
			}
		}
		return true
	case kindFilter:
		return a.F == b.F
	}
	return true
}

// sameLength compares lengths; calc() expressions compare by identity
// (style shares a parsed expression between equal declarations).
func sameLength(a, b style.Length) bool {
	return a.Kind == b.Kind && a.Px == b.Px && a.Pct == b.Pct && a.Calc == b.Calc
}

// clone gives v slices of its own, so that it survives the Computed or
// buffer it was read from being rewritten.
func (v Value) clone() Value {
	if v.Shadows != nil {
		v.Shadows = append([]style.Shadow(nil), v.Shadows...)
	}
	if v.Transform != nil {
		v.Transform = append([]style.TransformFn(nil), v.Transform...)
	}
	return v
}

// AffectsLayout reports whether a change of p moves boxes (sizes, margins,
// paddings, insets, gaps, border widths, flex factors), so that a frame in
// which it animates relayouts; the others (colours, radii, transform,
// opacity, filters, shadows, background and mask geometry, z-index) only
// repaint.
func AffectsLayout(p style.PropID) bool {
	switch p {
	case style.PropBackgroundPositionX, style.PropBackgroundPositionY:
		return false
	}
	switch infoOf(p).kind {
	case kindLength:
		return true
	case kindNumber:
		return p != style.PropOpacity
	}
	return false
}
