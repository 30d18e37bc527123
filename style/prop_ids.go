package style

// PropID names one longhand property (spec §2.7), plus PropCustom for custom
// properties (`--x`). Shorthands (spec §2.6) never appear as a PropID: they
// expand into longhands when parsed.
type PropID uint16

// Longhand properties, grouped as in spec §2.7.
const (
	PropInvalid PropID = iota
	PropCustom         // `--name`; Declared.Name holds the name

	// Box / layout.
	PropDisplay
	PropPosition
	PropBoxSizing
	PropOverflow
	PropTop
	PropRight
	PropBottom
	PropLeft
	PropWidth
	PropHeight
	PropMinWidth
	PropMinHeight
	PropMaxWidth
	PropMaxHeight
	PropMarginTop
	PropMarginRight
	PropMarginBottom
	PropMarginLeft
	PropPaddingTop
	PropPaddingRight
	PropPaddingBottom
	PropPaddingLeft
	PropBorderTopWidth
	PropBorderRightWidth
	PropBorderBottomWidth
	PropBorderLeftWidth
	PropBorderTopStyle
	PropBorderRightStyle
	PropBorderBottomStyle
	PropBorderLeftStyle
	PropBorderTopColor
	PropBorderRightColor
	PropBorderBottomColor
	PropBorderLeftColor
	PropAspectRatio
	PropZIndex

	// Flexbox.
	PropFlexDirection
	PropFlexWrap
	PropJustifyContent
	PropAlignItems
	PropAlignSelf
	PropAlignContent
	PropFlexGrow
	PropFlexShrink
	PropFlexBasis
	PropOrder
	PropRowGap
	PropColumnGap

	// Background, border radius, effects.
	PropVisibility
	PropOpacity
	PropPointerEvents
	PropBackgroundColor
	PropBackgroundImage
	PropBackgroundSize
	PropBackgroundPositionX
	PropBackgroundPositionY
	PropBackgroundRepeat
	PropBorderTopLeftRadius
	PropBorderTopRightRadius
	PropBorderBottomRightRadius
	PropBorderBottomLeftRadius
	PropBoxShadow
	PropTransform
	PropTransformOrigin
	PropFilter
	PropBackdropFilter
	PropMaskImage
	PropMaskSize
	PropMaskPosition
	PropMaskRepeat
	PropWillChange

	// Text and font.
	PropColor
	PropFontSize
	PropFontFamily
	PropFontWeight
	PropFontStyle
	PropFontFeatureSettings
	PropLineHeight
	PropLetterSpacing
	PropWordSpacing
	PropTextAlign
	PropVerticalAlign
	PropWhiteSpace
	PropWordBreak
	PropTextOverflow
	PropTextDecorationLine
	PropTextDecorationStyle
	PropTextDecorationColor
	PropTextShadow
	PropLineClamp // -webkit-line-clamp and -wx-line-clamp
	PropCaretColor

	// Transitions and animations.
	PropTransitionProperty
	PropTransitionDuration
	PropTransitionTimingFunction
	PropTransitionDelay
	PropAnimationName
	PropAnimationDuration
	PropAnimationTimingFunction
	PropAnimationDelay
	PropAnimationIterationCount
	PropAnimationDirection
	PropAnimationFillMode
	PropAnimationPlayState

	// Generated content (::before / ::after).
	PropContent

	// Skyline vendor properties: parsed, stored nowhere (spec §2.7 "parse and
	// ignore initially").
	PropWxPartialZIndex
	PropWxEngineTouchEvent
	PropWxPointerEventRoot
	PropWxScrollbarX
	PropWxScrollbarY
	PropWxScrollbarXColor
	PropWxScrollbarYColor
	PropWxContain

	numProps
)
