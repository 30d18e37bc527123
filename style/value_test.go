package style

import (
	"testing"

	"github.com/skyline-go/skyline/diag"
)

func posAt(line int) diag.Pos { return diag.Pos{File: "a.wxss", Line: line, Col: 3} }

func rgba(r, g, b, a uint8) Color { return Color{r, g, b, a} }

func TestColors(t *testing.T) {
	cases := []struct {
		value string
		want  Color
	}{
		{"red", rgba(255, 0, 0, 255)},
		{"RebeccaPurple", rgba(0x66, 0x33, 0x99, 255)},
		{"transparent", Transparent},
		{"#abc", rgba(0xaa, 0xbb, 0xcc, 255)},
		{"#abcd", rgba(0xaa, 0xbb, 0xcc, 0xdd)},
		{"#102030", rgba(0x10, 0x20, 0x30, 255)},
		{"#10203040", rgba(0x10, 0x20, 0x30, 0x40)},
		{"rgb(1, 2, 3)", rgba(1, 2, 3, 255)},
		{"rgba(1, 2, 3, 0.5)", rgba(1, 2, 3, 128)},
		{"rgb(1 2 3 / 50%)", rgba(1, 2, 3, 128)},
		{"rgb(100%, 0%, 50%)", rgba(255, 0, 128, 255)},
		{"rgba(300, -5, 0, 2)", rgba(255, 0, 0, 255)},
		{"hsl(0, 100%, 50%)", rgba(255, 0, 0, 255)},
		{"hsl(120deg 100% 25%)", rgba(0, 128, 0, 255)},
		{"hsla(240, 100%, 50%, 0.25)", rgba(0, 0, 255, 64)},
		{"hsl(0.5turn, 100%, 50%)", rgba(0, 255, 255, 255)},
		{"hwb(0 0% 0%)", rgba(255, 0, 0, 255)},
		{"hwb(0 50% 50%)", rgba(128, 128, 128, 255)},
		{"hwb(120 20% 30% / 0.5)", rgba(51, 179, 51, 128)},
	}
	for _, tc := range cases {
		c, ds := ComputeInline("background-color: "+tc.value, nil, testEnv)
		if len(ds) != 0 || c.Background.Color != tc.want {
			t.Errorf("%s → %v %v, want %v", tc.value, c.Background.Color, ds, tc.want)
		}
	}
	for _, bad := range []string{"#ab", "#abcde", "#ggg", "rgb(1,2)", "rgb(1 2, 3)", "notacolor", "rgb(1,2,3,4,5)", "hsl(1, 2, 3)"} {
		_, ds := ComputeInline("color: "+bad, nil, testEnv)
		if len(ds) != 1 {
			t.Errorf("color: %s → %v, want one warning", bad, ds)
		}
	}
}

func TestCurrentColor(t *testing.T) {
	parent, _ := ComputeInline("color: #00ff00", nil, testEnv)
	c, _ := ComputeInline("color: red; background-color: currentColor; text-decoration-color: currentcolor; box-shadow: 1px 1px", &parent, testEnv)
	red := rgba(255, 0, 0, 255)
	if c.Background.Color != red || c.TextDecoration.Color != red || c.BoxShadow[0].Color != red {
		t.Errorf("currentColor: %+v %+v %+v", c.Background.Color, c.TextDecoration.Color, c.BoxShadow)
	}
	// color: currentColor is the inherited colour.
	c2, _ := ComputeInline("color: currentColor", &parent, testEnv)
	if c2.Color != rgba(0, 255, 0, 255) {
		t.Errorf("color: currentColor → %v", c2.Color)
	}
}

func TestPaintValues(t *testing.T) {
	runComputeCases(t, testEnv, []computeCase{
		{"opacity: 0.5", func(c *Computed) bool { return c.Opacity == 0.5 }},
		{"opacity: 150%", func(c *Computed) bool { return c.Opacity == 1 }},
		{"visibility: hidden", func(c *Computed) bool { return c.Visibility == Hidden }},
		{"pointer-events: none", func(c *Computed) bool { return c.PointerEvents == PointerNone }},
		{"will-change: contents", func(c *Computed) bool { return c.WillChange }},
		{"background-image: url(../img/a.png)", func(c *Computed) bool {
			return len(c.Background.Layers) == 1 && c.Background.Layers[0].Kind == ImageURL && c.Background.Layers[0].URL == "pages/img/a.png"
		}},
		{"background-image: url('/static/b.png'), url(\"c.png\")", func(c *Computed) bool {
			return len(c.Background.Layers) == 2 && c.Background.Layers[0].URL == "static/b.png" && c.Background.Layers[1].URL == "pages/home/c.png"
		}},
		{"background-image: url(https://x.org/a.png)", func(c *Computed) bool { return c.Background.Layers[0].URL == "https://x.org/a.png" }},
		{"background-image: none", func(c *Computed) bool { return len(c.Background.Layers) == 0 }},
		{"background-image: linear-gradient(red, blue)", func(c *Computed) bool {
			im := c.Background.Layers[0]
			return im.Kind == ImageLinearGradient && im.Angle == 180 && len(im.Stops) == 2 && im.Stops[0].PosAuto &&
				im.Stops[1].Color == rgba(0, 0, 255, 255)
		}},
		{"background-image: linear-gradient(45deg, red 10%, #00f 20rpx)", func(c *Computed) bool {
			im := c.Background.Layers[0]
			return im.Angle == 45 && im.Stops[0].Pos == Pct(10) && im.Stops[1].Pos == Px(10)
		}},
		{"background-image: linear-gradient(to right, red, blue)", func(c *Computed) bool { return c.Background.Layers[0].Angle == 90 }},
		{"background-image: linear-gradient(to top left, red, blue)", func(c *Computed) bool {
			im := c.Background.Layers[0]
			return im.Angle == 315 && im.LinearCorner
		}},
		{"background-image: linear-gradient(0.25turn, red 0 50%, blue)", func(c *Computed) bool {
			im := c.Background.Layers[0]
			return im.Angle == 90 && len(im.Stops) == 3 && im.Stops[1].Pos == Pct(50)
		}},
		{"background-image: radial-gradient(circle 20px at 10% 30%, red 0%, blue 100%)", func(c *Computed) bool {
			im := c.Background.Layers[0]
			return im.Kind == ImageRadialGradient && im.Radius == 20 && im.CenterX == Pct(10) && im.CenterY == Pct(30) && im.Stops[1].Pos == Pct(100)
		}},
		{"background-image: radial-gradient(red, blue)", func(c *Computed) bool {
			im := c.Background.Layers[0]
			return im.Radius == 0 && im.CenterX == Pct(50) && !im.RadialEllipse
		}},
		{"background-image: repeating-conic-gradient(from 90deg at center, red 0deg, blue 180deg)", func(c *Computed) bool {
			im := c.Background.Layers[0]
			return im.Kind == ImageConicGradient && im.Repeating && im.Angle == 90 && im.Stops[1].Pos == Pct(50)
		}},
		{"background-size: cover", func(c *Computed) bool { return c.Background.Size.Kind == SizeCover }},
		{"background-size: 50% auto", func(c *Computed) bool {
			return c.Background.Size == BackgroundSize{SizeExplicit, Pct(50), Auto}
		}},
		{"background-position: right 10px bottom", func(c *Computed) bool {
			return c.Background.PosX == Length{Kind: LengthFixed, Px: -10, Pct: 100} && c.Background.PosY == Pct(100)
		}},
		{"background-position: top", func(c *Computed) bool { return c.Background.PosX == Pct(50) && c.Background.PosY == Pct(0) }},
		{"background-position: 10px 20px", func(c *Computed) bool { return c.Background.PosX == Px(10) && c.Background.PosY == Px(20) }},
		{"background-position-x: right 5px", func(c *Computed) bool { return c.Background.PosX == Length{Kind: LengthFixed, Px: -5, Pct: 100} }},
		{"background-repeat: repeat-x", func(c *Computed) bool { return c.Background.Repeat == RepeatX }},
		{"background-repeat: no-repeat repeat", func(c *Computed) bool { return c.Background.Repeat == RepeatY }},
		{"background: url(a.png) center / 100px 50px no-repeat #fff", func(c *Computed) bool {
			b := c.Background
			return b.Color == White && b.Layers[0].URL == "pages/home/a.png" && b.PosX == Pct(50) && b.PosY == Pct(50) &&
				b.Size == BackgroundSize{SizeExplicit, Px(100), Px(50)} && b.Repeat == NoRepeat
		}},
		{"background: red", func(c *Computed) bool {
			return c.Background.Color == rgba(255, 0, 0, 255) && len(c.Background.Layers) == 0 && c.Background.Repeat == RepeatBoth
		}},
		{"background-repeat: no-repeat; background: blue fixed padding-box", func(c *Computed) bool {
			return c.Background.Repeat == RepeatBoth && c.Background.Color == rgba(0, 0, 255, 255)
		}},
		{"background: linear-gradient(red, blue), url(x.png) no-repeat", func(c *Computed) bool {
			return len(c.Background.Layers) == 2 && c.Background.Layers[1].Kind == ImageURL
		}},
		{"border-radius: 10px", func(c *Computed) bool { return c.Radius[2] == Radius{Px(10), Px(10)} }},
		{"border-radius: 1px 2px 3px", func(c *Computed) bool {
			return c.Radius == [4]Radius{{Px(1), Px(1)}, {Px(2), Px(2)}, {Px(3), Px(3)}, {Px(2), Px(2)}}
		}},
		{"border-radius: 10px 20px / 5px", func(c *Computed) bool {
			return c.Radius[0] == Radius{Px(10), Px(5)} && c.Radius[1] == Radius{Px(20), Px(5)}
		}},
		{"border-top-left-radius: 50% 10px", func(c *Computed) bool { return c.Radius[0] == Radius{Pct(50), Px(10)} }},
		{"box-shadow: 0 2px 4px rgba(0,0,0,.5)", func(c *Computed) bool {
			return len(c.BoxShadow) == 1 && c.BoxShadow[0] == Shadow{false, 0, 2, 4, 0, rgba(0, 0, 0, 128)}
		}},
		{"box-shadow: inset 1px 2px 3px 4px red, 5px 5px blue", func(c *Computed) bool {
			return len(c.BoxShadow) == 2 && c.BoxShadow[0] == Shadow{true, 1, 2, 3, 4, rgba(255, 0, 0, 255)} && c.BoxShadow[1].X == 5
		}},
		{"box-shadow: none", func(c *Computed) bool { return c.BoxShadow == nil }},
		{"text-shadow: red 1px 2px 3px", func(c *Computed) bool {
			return c.TextShadow[0] == Shadow{X: 1, Y: 2, Blur: 3, Color: rgba(255, 0, 0, 255)}
		}},
		{"filter: blur(4px)", func(c *Computed) bool { return c.Filter == Filter{FilterBlur, 4} }},
		{"filter: grayscale(50%)", func(c *Computed) bool { return c.Filter == Filter{FilterGrayscale, 0.5} }},
		{"filter: hue-rotate(0.5turn)", func(c *Computed) bool { return c.Filter == Filter{FilterHueRotate, 180} }},
		{"backdrop-filter: brightness(1.5)", func(c *Computed) bool { return c.BackdropFilter == Filter{FilterBrightness, 1.5} }},
		{"filter: none", func(c *Computed) bool { return c.Filter == Filter{} }},
		{"mask-image: url(m.png); mask-size: contain; mask-position: left top; mask-repeat: repeat", func(c *Computed) bool {
			return c.Mask.Image.URL == "pages/home/m.png" && c.Mask.Size.Kind == SizeContain && c.Mask.PosX == Pct(0) && c.Mask.Repeat == RepeatBoth
		}},
		{"-webkit-mask: url(m.png) center / cover", func(c *Computed) bool {
			return c.Mask.Image.URL == "pages/home/m.png" && c.Mask.Size.Kind == SizeCover && c.Mask.Repeat == NoRepeat
		}},
	})
}

// testBase is the sheet the url() cases resolve against.
const testBase = "pages/home/home.wxss"

func TestTransforms(t *testing.T) {
	runComputeCases(t, testEnv, []computeCase{
		{"transform: translate(10px, 50%)", func(c *Computed) bool {
			return len(c.Transform) == 1 && c.Transform[0].Kind == TfTranslate && c.Transform[0].Len == [3]Length{Px(10), Pct(50), Px(0)}
		}},
		{"transform: translateX(20rpx) translateY(1em) translateZ(3px)", func(c *Computed) bool {
			return len(c.Transform) == 3 && c.Transform[0].Len[0] == Px(10) && c.Transform[1].Len[1] == Px(16) && c.Transform[2].Len[2] == Px(3)
		}},
		{"transform: translate3d(1px, 2px, 3px)", func(c *Computed) bool { return c.Transform[0].Len == [3]Length{Px(1), Px(2), Px(3)} }},
		{"transform: scale(2)", func(c *Computed) bool {
			return c.Transform[0].Kind == TfScale && c.Transform[0].Args[0] == 2 && c.Transform[0].Args[1] == 2 && c.Transform[0].Args[2] == 1
		}},
		{"transform: scaleY(50%) scale3d(1, 2, 3)", func(c *Computed) bool {
			return c.Transform[0].Args[1] == 0.5 && c.Transform[0].Args[0] == 1 && c.Transform[1].Args[2] == 3
		}},
		{"transform: rotate(90deg)", func(c *Computed) bool {
			a := c.Transform[0].Args
			return c.Transform[0].Kind == TfRotate && a[2] == 1 && a[3] == 90
		}},
		{"transform: rotateX(0.25turn) rotate3d(1, 1, 0, 100grad)", func(c *Computed) bool {
			return c.Transform[0].Args[0] == 1 && c.Transform[0].Args[3] == 90 && c.Transform[1].Args[3] == 90 && c.Transform[1].Args[1] == 1
		}},
		{"transform: skew(10deg, 20deg) skewY(5deg)", func(c *Computed) bool {
			return c.Transform[0].Args[0] == 10 && c.Transform[0].Args[1] == 20 && c.Transform[1].Args[1] == 5 && c.Transform[1].Args[0] == 0
		}},
		{"transform: matrix(1, 0, 0, 1, 10, 20)", func(c *Computed) bool {
			return c.Transform[0].Kind == TfMatrix && c.Transform[0].Args[4] == 10 && c.Transform[0].Args[5] == 20
		}},
		{"transform: matrix3d(1,0,0,0,0,1,0,0,0,0,1,0,5,6,7,1)", func(c *Computed) bool {
			return c.Transform[0].Kind == TfMatrix3D && c.Transform[0].Args[12] == 5 && c.Transform[0].Args[15] == 1
		}},
		{"transform: perspective(500px) rotateY(45deg)", func(c *Computed) bool {
			return c.Transform[0].Kind == TfPerspective && c.Transform[0].Args[0] == 500 && c.Transform[1].Args[1] == 1
		}},
		{"transform: none", func(c *Computed) bool { return c.Transform == nil }},
		{"transform-origin: left top", func(c *Computed) bool { return c.TransformOrigin == [3]Length{Pct(0), Pct(0), Px(0)} }},
		{"transform-origin: 10px 20% 5px", func(c *Computed) bool { return c.TransformOrigin == [3]Length{Px(10), Pct(20), Px(5)} }},
		{"transform-origin: bottom", func(c *Computed) bool { return c.TransformOrigin == [3]Length{Pct(50), Pct(100), Px(0)} }},
	})
}

func TestTextValues(t *testing.T) {
	runComputeCases(t, testEnv, []computeCase{
		{"font-size: 20px", func(c *Computed) bool { return c.FontSize == 20 }},
		{"font-size: 32rpx", func(c *Computed) bool { return c.FontSize == 16 }},
		{"font-size: 1.5em", func(c *Computed) bool { return c.FontSize == 24 }},
		{"font-family: \"PingFang SC\", Helvetica Neue, Sans-Serif", func(c *Computed) bool {
			f := c.FontFamily
			return len(f) == 3 && f[0] == "PingFang SC" && f[1] == "Helvetica Neue" && f[2] == "sans-serif"
		}},
		{"font-weight: bold", func(c *Computed) bool { return c.FontWeight == 700 }},
		{"font-weight: 300", func(c *Computed) bool { return c.FontWeight == 300 }},
		{"font-style: italic", func(c *Computed) bool { return c.FontStyle == FontStyleItalic }},
		{"font-feature-settings: \"tnum\", \"liga\" off", func(c *Computed) bool { return c.FontFeatures == `"tnum" 1, "liga" 0` }},
		{"line-height: 1.5", func(c *Computed) bool { return c.LineHeight == LineHeight{LineHeightNumber, 1.5} }},
		{"line-height: 20px", func(c *Computed) bool { return c.LineHeight == LineHeight{LineHeightPx, 20} }},
		{"font-size: 20px; line-height: 150%", func(c *Computed) bool { return c.LineHeight == LineHeight{LineHeightPx, 30} }},
		{"line-height: normal", func(c *Computed) bool { return c.LineHeight.Kind == LineHeightNormal }},
		{"letter-spacing: 0.1em; word-spacing: 2px", func(c *Computed) bool { return c.LetterSpacing == 1.6 && c.WordSpacing == 2 }},
		{"letter-spacing: normal", func(c *Computed) bool { return c.LetterSpacing == 0 }},
		{"text-align: center", func(c *Computed) bool { return c.TextAlign == TextAlignCenter }},
		{"vertical-align: middle", func(c *Computed) bool { return c.VerticalAlign == VAlignMiddle }},
		{"white-space: nowrap", func(c *Computed) bool { return c.WhiteSpace == WhiteSpaceNoWrap }},
		{"word-break: break-all", func(c *Computed) bool { return c.WordBreak == WordBreakBreakAll }},
		{"word-break: keep-all", func(c *Computed) bool { return c.WordBreak == WordBreakNormal }},
		{"text-overflow: ellipsis", func(c *Computed) bool { return c.TextOverflow == TextOverflowEllipsis }},
		{"text-decoration: underline dashed red", func(c *Computed) bool {
			return c.TextDecoration == TextDecoration{DecorationUnderline, DecorationDashed, rgba(255, 0, 0, 255)}
		}},
		{"text-decoration: line-through 2px", func(c *Computed) bool {
			return c.TextDecoration == TextDecoration{DecorationLineThrough, DecorationSolid, Black}
		}},
		{"-webkit-line-clamp: 2", func(c *Computed) bool { return c.LineClamp == 2 }},
		{"-wx-line-clamp: 3", func(c *Computed) bool { return c.LineClamp == 3 }},
		{"content: \"a\" 'b\\41'", func(c *Computed) bool { return c.HasContent && c.Content == "abA" }},
		{"content: \"\"", func(c *Computed) bool { return c.HasContent && c.Content == "" }},
		{"content: none", func(c *Computed) bool { return !c.HasContent }},
		{"font: italic bold 12px/30px Georgia, serif", func(c *Computed) bool {
			return c.FontStyle == FontStyleItalic && c.FontWeight == 700 && c.FontSize == 12 &&
				c.LineHeight == LineHeight{LineHeightPx, 30} && len(c.FontFamily) == 2 && c.FontFamily[1] == "serif"
		}},
		{"line-height: 3; font: 20px sans-serif", func(c *Computed) bool {
			return c.FontSize == 20 && c.LineHeight.Kind == LineHeightNormal && c.FontWeight == 400
		}},
		{"caret-color: red", func(c *Computed) bool { return true }},
		{"-wx-partial-z-index: 2; -wx-contain: paint", func(c *Computed) bool { return true }},
	})
}

func TestMotionValues(t *testing.T) {
	runComputeCases(t, testEnv, []computeCase{
		{"transition: opacity 0.3s ease-in 100ms", func(c *Computed) bool {
			return len(c.Transitions) == 1 && c.Transitions[0] == Transition{"opacity", 300, 100, timingEaseIn}
		}},
		{"transition: width 1s, height 2s steps(4, start)", func(c *Computed) bool {
			return len(c.Transitions) == 2 && c.Transitions[1] == Transition{"height", 2000, 0, Timing{Steps: 4, StepStart: true}}
		}},
		{"transition-property: transform, opacity; transition-duration: 200ms", func(c *Computed) bool {
			return len(c.Transitions) == 2 && c.Transitions[1].Property == "opacity" && c.Transitions[1].Duration == 200 && c.Transitions[0].Duration == 200
		}},
		{"transition: all 1s; transition-timing-function: cubic-bezier(0.1, 0.2, 0.3, 0.4)", func(c *Computed) bool {
			return c.Transitions[0].Timing == Timing{X1: 0.1, Y1: 0.2, X2: 0.3, Y2: 0.4} && c.Transitions[0].Duration == 1000
		}},
		{"animation: spin 2s linear infinite alternate both paused 1s", func(c *Computed) bool {
			a := c.Animations
			return len(a) == 1 && a[0] == Animation{"spin", 2000, 1000, timingLinear, -1, AnimAlternate, 3, true}
		}},
		{"animation-name: fade, slide; animation-duration: 1s, 2s; animation-iteration-count: 3", func(c *Computed) bool {
			a := c.Animations
			return len(a) == 2 && a[1].Name == "slide" && a[1].Duration == 2000 && a[0].Iterations == 3 && a[1].Iterations == 3
		}},
		{"animation: bounce 1s step-end", func(c *Computed) bool { return c.Animations[0].Timing == Timing{Steps: 1} }},
	})
}

func TestValueWarnings(t *testing.T) {
	runWarnCases(t, []warnCase{
		{"font-size: 120%", []string{`unsupported value "120%" for property "font-size"`}},
		{"font-size: larger", []string{`"larger"`, "font-size"}},
		{"font-weight: bolder", []string{`unsupported value "bolder" for property "font-weight"`}},
		{"filter: blur(2px) grayscale(1)", []string{`"filter"`, "one filter function"}},
		{"filter: drop-shadow(1px 1px red)", []string{"drop-shadow"}},
		{"background-repeat: space", []string{`"background-repeat"`}},
		{"background-image: url(a.png), url(b.png), url(c.png)", []string{"two background layers"}},
		{"mask-image: linear-gradient(red, blue)", []string{`"mask-image"`}},
		{"background-image: radial-gradient(red 10px, blue)", []string{"percentages only"}},
		{"white-space: pre-wrap", []string{`"white-space"`}},
		{"text-decoration: underline overline", []string{"one text-decoration line"}},
		{"text-decoration-line: underline overline", []string{"one text-decoration line"}},
		{"font-style: oblique", []string{"oblique"}},
		{"font: caption", []string{"system fonts"}},
		{"visibility: collapse", []string{"collapse"}},
		{"will-change: transform", []string{`"will-change"`}},
		{"content: url(a.png)", []string{`"content"`}},
		{"transform: rotate(10px)", []string{`"transform"`}},
		{"transform: translate(1px, 2px, 3px)", []string{`"transform"`}},
		{"box-shadow: 1px", []string{`"box-shadow"`}},
		{"transition: opacity 1s 2s 3s", []string{`"transition"`}},
		{"animation-iteration-count: -1", []string{`"animation-iteration-count"`}},
		{"transition-timing-function: cubic-bezier(2, 0, 0, 1)", []string{`"transition-timing-function"`}},
		{"-webkit-line-clamp: 0", []string{`"-webkit-line-clamp"`}},
		{"background-attachment: fixed", []string{`unsupported property "background-attachment"`}},
		{"text-indent: 2em", []string{`unsupported property "text-indent"`}},
		{"overflow-x: hidden", []string{`unsupported property "overflow-x"`}},
		{"color: rgb(1,2)", []string{`"rgb(1,2)"`, `"color"`}},
	})
}
