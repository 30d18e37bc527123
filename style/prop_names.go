package style

// propNames is each longhand's CSS name; the index is its PropID.
var propNames = [numProps]string{
	PropInvalid: "",
	PropCustom:  "--*",

	PropDisplay:           "display",
	PropPosition:          "position",
	PropBoxSizing:         "box-sizing",
	PropOverflow:          "overflow",
	PropTop:               "top",
	PropRight:             "right",
	PropBottom:            "bottom",
	PropLeft:              "left",
	PropWidth:             "width",
	PropHeight:            "height",
	PropMinWidth:          "min-width",
	PropMinHeight:         "min-height",
	PropMaxWidth:          "max-width",
	PropMaxHeight:         "max-height",
	PropMarginTop:         "margin-top",
	PropMarginRight:       "margin-right",
	PropMarginBottom:      "margin-bottom",
	PropMarginLeft:        "margin-left",
	PropPaddingTop:        "padding-top",
	PropPaddingRight:      "padding-right",
	PropPaddingBottom:     "padding-bottom",
	PropPaddingLeft:       "padding-left",
	PropBorderTopWidth:    "border-top-width",
	PropBorderRightWidth:  "border-right-width",
	PropBorderBottomWidth: "border-bottom-width",
	PropBorderLeftWidth:   "border-left-width",
	PropBorderTopStyle:    "border-top-style",
	PropBorderRightStyle:  "border-right-style",
	PropBorderBottomStyle: "border-bottom-style",
	PropBorderLeftStyle:   "border-left-style",
	PropBorderTopColor:    "border-top-color",
	PropBorderRightColor:  "border-right-color",
	PropBorderBottomColor: "border-bottom-color",
	PropBorderLeftColor:   "border-left-color",
	PropAspectRatio:       "aspect-ratio",
	PropZIndex:            "z-index",

	PropFlexDirection:  "flex-direction",
	PropFlexWrap:       "flex-wrap",
	PropJustifyContent: "justify-content",
	PropAlignItems:     "align-items",
	PropAlignSelf:      "align-self",
	PropAlignContent:   "align-content",
	PropFlexGrow:       "flex-grow",
	PropFlexShrink:     "flex-shrink",
	PropFlexBasis:      "flex-basis",
	PropOrder:          "order",
	PropRowGap:         "row-gap",
	PropColumnGap:      "column-gap",

	PropVisibility:              "visibility",
	PropOpacity:                 "opacity",
	PropPointerEvents:           "pointer-events",
	PropBackgroundColor:         "background-color",
	PropBackgroundImage:         "background-image",
	PropBackgroundSize:          "background-size",
	PropBackgroundPositionX:     "background-position-x",
	PropBackgroundPositionY:     "background-position-y",
	PropBackgroundRepeat:        "background-repeat",
	PropBorderTopLeftRadius:     "border-top-left-radius",
	PropBorderTopRightRadius:    "border-top-right-radius",
	PropBorderBottomRightRadius: "border-bottom-right-radius",
	PropBorderBottomLeftRadius:  "border-bottom-left-radius",
	PropBoxShadow:               "box-shadow",
	PropTransform:               "transform",
	PropTransformOrigin:         "transform-origin",
	PropFilter:                  "filter",
	PropBackdropFilter:          "backdrop-filter",
	PropMaskImage:               "mask-image",
	PropMaskSize:                "mask-size",
	PropMaskPosition:            "mask-position",
	PropMaskRepeat:              "mask-repeat",
	PropWillChange:              "will-change",

	PropColor:               "color",
	PropFontSize:            "font-size",
	PropFontFamily:          "font-family",
	PropFontWeight:          "font-weight",
	PropFontStyle:           "font-style",
	PropFontFeatureSettings: "font-feature-settings",
	PropLineHeight:          "line-height",
	PropLetterSpacing:       "letter-spacing",
	PropWordSpacing:         "word-spacing",
	PropTextAlign:           "text-align",
	PropVerticalAlign:       "vertical-align",
	PropWhiteSpace:          "white-space",
	PropWordBreak:           "word-break",
	PropTextOverflow:        "text-overflow",
	PropTextDecorationLine:  "text-decoration-line",
	PropTextDecorationStyle: "text-decoration-style",
	PropTextDecorationColor: "text-decoration-color",
	PropTextShadow:          "text-shadow",
	PropLineClamp:           "-webkit-line-clamp",
	PropCaretColor:          "caret-color",

	PropTransitionProperty:       "transition-property",
	PropTransitionDuration:       "transition-duration",
	PropTransitionTimingFunction: "transition-timing-function",
	PropTransitionDelay:          "transition-delay",
	PropAnimationName:            "animation-name",
	PropAnimationDuration:        "animation-duration",
	PropAnimationTimingFunction:  "animation-timing-function",
	PropAnimationDelay:           "animation-delay",
	PropAnimationIterationCount:  "animation-iteration-count",
	PropAnimationDirection:       "animation-direction",
	PropAnimationFillMode:        "animation-fill-mode",
	PropAnimationPlayState:       "animation-play-state",

	PropContent: "content",

	PropWxPartialZIndex:    "-wx-partial-z-index",
	PropWxEngineTouchEvent: "-wx-engine-touch-event",
	PropWxPointerEventRoot: "-wx-pointer-event-root",
	PropWxScrollbarX:       "-wx-scrollbar-x",
	PropWxScrollbarY:       "-wx-scrollbar-y",
	PropWxScrollbarXColor:  "-wx-scrollbar-x-color",
	PropWxScrollbarYColor:  "-wx-scrollbar-y-color",
	PropWxContain:          "-wx-contain",
}

// propAliases are other spellings of a longhand.
var propAliases = map[string]PropID{
	"-wx-line-clamp":           PropLineClamp,
	"-webkit-mask-image":       PropMaskImage,
	"-webkit-mask-size":        PropMaskSize,
	"-webkit-mask-repeat":      PropMaskRepeat,
	"-webkit-mask-position":    PropMaskPosition,
	"-webkit-transform":        PropTransform,
	"-webkit-transform-origin": PropTransformOrigin,
	"-webkit-backdrop-filter":  PropBackdropFilter,
	"-webkit-filter":           PropFilter,
}

// propInherited marks the inherited properties of spec §2.4.
var propInherited = [numProps]bool{
	PropCustom:              true,
	PropColor:               true,
	PropFontSize:            true,
	PropFontFamily:          true,
	PropFontWeight:          true,
	PropFontStyle:           true,
	PropFontFeatureSettings: true,
	PropLineHeight:          true,
	PropLetterSpacing:       true,
	PropWordSpacing:         true,
	PropTextAlign:           true,
	PropTextShadow:          true,
	PropWhiteSpace:          true,
	PropWordBreak:           true,
	PropTextOverflow:        true, // inherited in float-pigment, unlike the web (spec §2.4)
	PropVisibility:          true,
	PropPointerEvents:       true,
	PropCaretColor:          true,
}

var propByName = func() map[string]PropID {
	m := make(map[string]PropID, int(numProps)+len(propAliases))
	for id := PropDisplay; id < numProps; id++ {
		m[propNames[id]] = id
	}
	for n, id := range propAliases {
		m[n] = id
	}
	return m
}()

// LookupProperty finds a longhand by its CSS name (lower case). Shorthands and
// custom properties are not longhands and report false.
func LookupProperty(name string) (PropID, bool) {
	id, ok := propByName[name]
	return id, ok
}

// Name returns the property's CSS name ("--*" for PropCustom).
func (p PropID) Name() string {
	if p >= numProps {
		return ""
	}
	return propNames[p]
}

// Inherited reports whether the property inherits by default (spec §2.4).
func (p PropID) Inherited() bool { return p < numProps && propInherited[p] }
