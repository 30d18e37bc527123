package style

// This file is the contract between style and every later stage (layout,
// paint, scroll, widgets): computed values are typed, so nothing downstream
// re-parses strings. Lengths that depend on layout (percentages, auto) stay
// symbolic; everything that style can resolve (rpx, vw, em, rem, var()) is
// already resolved to px here.

// LengthKind says how a Length is to be read.
type LengthKind uint8

const (
	// LengthAuto is `auto` (and `normal` where a property uses that word).
	LengthAuto LengthKind = iota
	// LengthFixed is Px + Pct% of the reference size. calc() of lengths and
	// percentages folds into this linear form.
	LengthFixed
	// LengthNone is `none` (max-width / max-height without a limit).
	LengthNone
	// LengthMinContent, LengthMaxContent and LengthFitContent are the intrinsic
	// sizing keywords.
	LengthMinContent
	LengthMaxContent
	LengthFitContent
)

// Length is a computed length-percentage.
type Length struct {
	Kind LengthKind
	Px   float32 // absolute part, CSS px
	Pct  float32 // percentage part, 0..100 (and beyond)
	// Calc, when set, is a min() / max() / clamp() that compares
	// percentages, so it needs the percentage basis; its value adds to
	// Px + Pct%. Read lengths through Resolve or At, which include it.
	Calc *Calc
}

// At is the length's value against the percentage basis ref (0 for a
// non-length).
func (l Length) At(ref float32) float32 {
	if l.Kind != LengthFixed {
		return 0
	}
	v := l.Px + l.Pct*ref/100
	if l.Calc != nil {
		v += l.Calc.Eval(ref)
	}
	return v
}

// CalcOp is what a Calc does with its terms.
type CalcOp uint8

const (
	CalcSum CalcOp = iota
	CalcMin
	CalcMax
)

// Calc is a computed math expression over the percentage basis: the sum,
// minimum or maximum of its terms.
type Calc struct {
	Op    CalcOp
	Terms []CalcTerm
}

// CalcTerm is Px + Pct% of the basis, plus K × Sub when Sub is set.
type CalcTerm struct {
	Px, Pct, K float32
	Sub        *Calc
}

// Eval evaluates c against the percentage basis ref.
func (c *Calc) Eval(ref float32) float32 {
	var acc float32
	for i, t := range c.Terms {
		v := t.Px + t.Pct*ref/100
		if t.Sub != nil {
			v += t.K * t.Sub.Eval(ref)
		}
		switch {
		case c.Op == CalcSum:
			acc += v
		case i == 0:
			acc = v
		case c.Op == CalcMin:
			acc = min(acc, v)
		default:
			acc = max(acc, v)
		}
	}
	return acc
}

// Px returns a fixed length in px.
func Px(v float32) Length { return Length{Kind: LengthFixed, Px: v} }

// Pct returns a percentage length.
func Pct(v float32) Length { return Length{Kind: LengthFixed, Pct: v} }

// Auto is the `auto` length.
var Auto = Length{Kind: LengthAuto}

// None is the `none` length used by max-width / max-height.
var None = Length{Kind: LengthNone}

// IsAuto reports whether l is `auto`.
func (l Length) IsAuto() bool { return l.Kind == LengthAuto }

// IsFixed reports whether l is a length-percentage.
func (l Length) IsFixed() bool { return l.Kind == LengthFixed }

// HasPct reports whether resolving l needs a reference size.
func (l Length) HasPct() bool { return l.Kind == LengthFixed && (l.Pct != 0 || l.Calc != nil) }

// Resolve returns the length in px against ref (the percentage basis). It
// reports false when l is not a length-percentage, or when it has a percentage
// part and ref is indefinite (refDefinite false).
func (l Length) Resolve(ref float32, refDefinite bool) (float32, bool) {
	if l.Kind != LengthFixed {
		return 0, false
	}
	if l.Pct == 0 && l.Calc == nil {
		return l.Px, true
	}
	if !refDefinite {
		return 0, false
	}
	return l.At(ref), true
}

// ResolveOr is Resolve with a fallback for the unresolvable case.
func (l Length) ResolveOr(ref float32, refDefinite bool, fallback float32) float32 {
	if v, ok := l.Resolve(ref, refDefinite); ok {
		return v
	}
	return fallback
}

// Edges holds one length per side, in CSS order.
type Edges struct {
	Top, Right, Bottom, Left Length
}

// Color is a non-premultiplied sRGB colour.
type Color struct {
	R, G, B, A uint8
}

// Common colours.
var (
	Transparent = Color{}
	Black       = Color{A: 255}
	White       = Color{255, 255, 255, 255}
)

// Display is the computed `display`.
type Display uint8

const (
	DisplayFlex Display = iota
	DisplayBlock
	DisplayNone
	DisplayInlineFlex
	DisplayInline      // meaningful only inside text / span (spec §3.4)
	DisplayInlineBlock // meaningful only inside text / span (spec §3.4)
)

// Position is the computed `position`.
type Position uint8

const (
	PositionRelative Position = iota
	PositionAbsolute
	PositionFixed
	PositionStatic
)

// BoxSizing is the computed `box-sizing`.
type BoxSizing uint8

const (
	BorderBox BoxSizing = iota
	ContentBox
)

// FlexDirection is the computed `flex-direction`.
type FlexDirection uint8

const (
	Column FlexDirection = iota
	ColumnReverse
	Row
	RowReverse
)

// IsRow reports whether the main axis is horizontal.
func (d FlexDirection) IsRow() bool { return d == Row || d == RowReverse }

// IsReverse reports whether the main axis runs backwards.
func (d FlexDirection) IsReverse() bool { return d == RowReverse || d == ColumnReverse }

// FlexWrap is the computed `flex-wrap`.
type FlexWrap uint8

const (
	NoWrap FlexWrap = iota
	Wrap
	WrapReverse
)

// Align covers the values of justify-content, align-items, align-self and
// align-content. AlignAuto is meaningful only for align-self.
type Align uint8

const (
	AlignAuto Align = iota
	AlignNormal
	AlignStretch
	AlignFlexStart
	AlignFlexEnd
	AlignCenter
	AlignBaseline
	AlignStart
	AlignEnd
	AlignSelfStart
	AlignSelfEnd
	AlignLeft
	AlignRight
	AlignSpaceBetween
	AlignSpaceAround
	AlignSpaceEvenly
)

// AlignSafety records which alignment properties were given the `safe`
// overflow keyword (css-align-3 §4.4): a subject that would overflow its
// alignment container is then aligned to start. `unsafe`, like no keyword,
// keeps the requested alignment (Chromium's flexbox).
type AlignSafety uint8

const (
	SafeJustify AlignSafety = 1 << iota
	SafeAlignItems
	SafeAlignSelf
	SafeAlignContent
)

// Overflow is the computed `overflow` (one value for both axes, spec §2.7).
type Overflow uint8

const (
	OverflowVisible Overflow = iota
	OverflowHidden
)

// Visibility is the computed `visibility`.
type Visibility uint8

const (
	Visible Visibility = iota
	Hidden
)

// PointerEvents is the computed `pointer-events`.
type PointerEvents uint8

const (
	PointerAuto PointerEvents = iota
	PointerNone
)

// BorderStyle is the computed `border-*-style`.
type BorderStyle uint8

const (
	BorderNone BorderStyle = iota
	BorderHidden
	BorderSolid
	BorderDashed
	BorderDotted
	BorderDouble
)

// BorderSide is one side's computed border. Width is already 0 when Style is
// none or hidden (the CSS computed-value rule), so layout can use it directly.
type BorderSide struct {
	Width float32
	Style BorderStyle
	Color Color
}

// Radius is one corner's radius; X and Y differ for elliptical corners.
// Percentages refer to the border box's width (X) and height (Y).
type Radius struct {
	X, Y Length
}

// Shadow is one box-shadow or text-shadow. Inset and Spread apply to boxes only.
type Shadow struct {
	Inset              bool
	X, Y, Blur, Spread float32
	Color              Color
}

// ImageKind says what a background or mask layer paints.
type ImageKind uint8

const (
	ImageNone ImageKind = iota
	ImageURL
	ImageLinearGradient
	ImageRadialGradient
	ImageConicGradient
)

// ColorStop is a gradient stop. Pos is a Length (percentage or px along the
// gradient line); PosAuto means the position is to be distributed.
type ColorStop struct {
	Color   Color
	Pos     Length
	PosAuto bool
}

// Image is one background-image / mask-image layer.
type Image struct {
	Kind ImageKind
	URL  string // resolved against the stylesheet's file by the style package
	// Linear gradients: angle in degrees, CSS convention (0 = to top, 90 = to right).
	Angle float32
	// LinearCorner marks `to <corner>`: Angle (45, 135, 225 or 315) names
	// the corner, and paint derives the true angle from the box size (CSS
	// Images §3.1.1).
	LinearCorner bool
	// Radial gradients: circle radius (px, 0 = farthest-corner) and centre.
	Radius         float32
	CenterX        Length
	CenterY        Length
	Stops          []ColorStop
	Repeating      bool
	RadialEllipse  bool // parsed for completeness; Skyline paints circles (spec §2.1)
	RadialExtentKw uint8
}

// BackgroundSizeKind is the kind of a background-size / mask-size value.
type BackgroundSizeKind uint8

const (
	SizeExplicit BackgroundSizeKind = iota // W and H (each may be auto)
	SizeCover
	SizeContain
)

// BackgroundSize is the computed background-size.
type BackgroundSize struct {
	Kind BackgroundSizeKind
	W, H Length
}

// Repeat is the computed background-repeat.
type Repeat uint8

const (
	RepeatBoth Repeat = iota
	RepeatX
	RepeatY
	NoRepeat
)

// Background groups the background longhands. Layers is at most two (spec
// §2.7: official says one, skyline-skills says two; we accept two).
type Background struct {
	Color  Color
	Layers []Image
	Size   BackgroundSize
	PosX   Length
	PosY   Length
	Repeat Repeat
}

// TransformKind names one transform function.
type TransformKind uint8

const (
	TfMatrix TransformKind = iota
	TfMatrix3D
	TfTranslate // Args: x, y, z (lengths in Len)
	TfScale     // Args: x, y, z
	TfRotate    // Args[0..2] axis, Args[3] angle (deg); 2D rotate has axis 0,0,1
	TfSkew      // Args: ax, ay (deg)
	TfPerspective
)

// TransformFn is one parsed transform function. Translations keep lengths
// (percentages refer to the border box); everything else is numbers.
type TransformFn struct {
	Kind TransformKind
	Len  [3]Length
	Args [16]float32
}

// FilterKind names the single filter function Skyline allows (spec §2.1).
type FilterKind uint8

const (
	FilterNone FilterKind = iota
	FilterBlur            // Amount in px
	FilterBrightness
	FilterContrast
	FilterGrayscale
	FilterHueRotate // Amount in degrees
	FilterInvert
	FilterOpacity
	FilterSaturate
	FilterSepia
)

// Filter is a computed filter or backdrop-filter.
type Filter struct {
	Kind   FilterKind
	Amount float32
}

// LineHeightKind says how LineHeight.Value is read.
type LineHeightKind uint8

const (
	LineHeightNormal LineHeightKind = iota
	LineHeightNumber                // multiple of font-size
	LineHeightPx                    // absolute (lengths and percentages resolve to px)
)

// LineHeight is the computed line-height.
type LineHeight struct {
	Kind  LineHeightKind
	Value float32
}

// TextAlign is the computed text-align.
type TextAlign uint8

const (
	TextAlignStart TextAlign = iota
	TextAlignEnd
	TextAlignLeft
	TextAlignRight
	TextAlignCenter
	TextAlignJustify
)

// VerticalAlign is the computed vertical-align (inline boxes in text).
type VerticalAlign uint8

const (
	VAlignBaseline VerticalAlign = iota
	VAlignTop
	VAlignMiddle
	VAlignBottom
)

// WhiteSpace is the computed white-space.
type WhiteSpace uint8

const (
	WhiteSpaceNormal WhiteSpace = iota
	WhiteSpaceNoWrap
)

// WordBreak is the computed word-break.
type WordBreak uint8

const (
	WordBreakNormal WordBreak = iota
	WordBreakBreakAll
)

// TextOverflow is the computed text-overflow.
type TextOverflow uint8

const (
	TextOverflowClip TextOverflow = iota
	TextOverflowEllipsis
)

// FontStyle is the computed font-style.
type FontStyle uint8

const (
	FontStyleNormal FontStyle = iota
	FontStyleItalic
)

// DecorationLine is the computed text-decoration-line (one value, spec §2.6).
type DecorationLine uint8

const (
	DecorationNone DecorationLine = iota
	DecorationUnderline
	DecorationOverline
	DecorationLineThrough
)

// DecorationStyle is the computed text-decoration-style.
type DecorationStyle uint8

const (
	DecorationSolid DecorationStyle = iota
	DecorationDouble
	DecorationDotted
	DecorationDashed
	DecorationWavy
)

// TextDecoration groups the text-decoration longhands.
type TextDecoration struct {
	Line  DecorationLine
	Style DecorationStyle
	Color Color
}

// Timing is a timing function: cubic-bezier(X1,Y1,X2,Y2), or Steps > 0 with
// StepStart for steps().
type Timing struct {
	X1, Y1, X2, Y2 float32
	Steps          int32
	StepStart      bool
}

// Transition is one entry of the transition lists.
type Transition struct {
	Property string // "all" or a property name
	Duration float32
	Delay    float32 // ms
	Timing   Timing
}

// AnimationDirection is the computed animation-direction.
type AnimationDirection uint8

const (
	AnimNormal AnimationDirection = iota
	AnimReverse
	AnimAlternate
	AnimAlternateReverse
)

// Animation is the computed animation-* group (ms for times; Iterations < 0
// means infinite).
type Animation struct {
	Name       string
	Duration   float32
	Delay      float32
	Timing     Timing
	Iterations float32
	Direction  AnimationDirection
	FillMode   uint8 // 0 none, 1 forwards, 2 backwards, 3 both (none/backwards behave as forwards in Skyline, spec §2.7)
	Paused     bool
}

// Mask groups the mask longhands.
type Mask struct {
	Image  Image
	Size   BackgroundSize
	PosX   Length
	PosY   Length
	Repeat Repeat // Skyline initial: no-repeat
}

// Computed is the full computed style of one element (or ::before/::after).
// Field order groups properties by the stage that reads them.
type Computed struct {
	// Box and positioning (layout).
	Display      Display
	Position     Position
	BoxSizing    BoxSizing
	Overflow     Overflow
	Inset        Edges // top, right, bottom, left
	Width        Length
	Height       Length
	MinWidth     Length
	MinHeight    Length
	MaxWidth     Length
	MaxHeight    Length
	Margin       Edges
	Padding      Edges
	Border       [4]BorderSide // top, right, bottom, left
	AspectRatio  float32       // width / height; 0 = auto
	RatioAuto    bool          // aspect-ratio: auto && <ratio>: the ratio relates content boxes (css-sizing-4 §7.1)
	ZIndex       int32
	ZIndexAuto   bool
	FlexDir      FlexDirection
	FlexWrap     FlexWrap
	Justify      Align // justify-content
	AlignItems   Align
	AlignSelf    Align
	AlignContent Align
	AlignSafe    AlignSafety // which of the four carry `safe`
	FlexGrow     float32
	FlexShrink   float32
	FlexBasis    Length
	Order        int32
	RowGap       Length
	ColumnGap    Length

	// Paint.
	Visibility      Visibility
	Opacity         float32
	PointerEvents   PointerEvents
	Background      Background
	Radius          [4]Radius // top-left, top-right, bottom-right, bottom-left
	BoxShadow       []Shadow
	Transform       []TransformFn
	TransformOrigin [3]Length // x, y (lengths/percentages), z (px)
	Filter          Filter
	BackdropFilter  Filter
	Mask            Mask
	WillChange      bool // `will-change: contents` marks a paint boundary

	// Text (inherited ones marked in inherit.go).
	Color          Color
	FontSize       float32
	FontFamily     []string // shared, never mutated in place
	FontWeight     uint16   // 100..900
	FontStyle      FontStyle
	FontFeatures   string
	LineHeight     LineHeight
	LetterSpacing  float32
	WordSpacing    float32
	TextAlign      TextAlign
	VerticalAlign  VerticalAlign
	WhiteSpace     WhiteSpace
	WordBreak      WordBreak
	TextOverflow   TextOverflow
	TextDecoration TextDecoration
	TextShadow     []Shadow
	LineClamp      int32 // -webkit-line-clamp / -wx-line-clamp; 0 = none

	// Motion (stored for the animation stage).
	Transitions []Transition
	Animations  []Animation

	// Generated content for ::before / ::after: HasContent is false for
	// `none` / `normal` (no box).
	Content    string
	HasContent bool

	// Vars holds the inherited custom properties (`--x`). Shared with the
	// parent when the element declares none.
	Vars *Vars
}

// Vars is an immutable set of custom properties. A child that declares new
// ones gets a new Vars whose Parent is the inherited set.
type Vars struct {
	Parent *Vars
	Names  []string
	Values []string // raw token text, substituted at computed-value time
	// index maps Names to positions when there are many (an element with
	// thousands of custom properties); nil otherwise.
	index map[string]int
}

// Lookup finds a custom property by name (with its leading "--").
func (v *Vars) Lookup(name string) (string, bool) {
	for s := v; s != nil; s = s.Parent {
		if s.index != nil {
			if i, ok := s.index[name]; ok {
				return s.Values[i], true
			}
			continue
		}
		for i := len(s.Names) - 1; i >= 0; i-- {
			if s.Names[i] == name {
				return s.Values[i], true
			}
		}
	}
	return "", false
}
