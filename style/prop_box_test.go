package style

import (
	"strings"

	"github.com/skyline-go/skyline/diag"
	"testing"
)

var testEnv = &Env{WindowWidth: 375, WindowHeight: 667}

// computeCase checks one inline style against the fields it should set.
type computeCase struct {
	style string
	check func(c *Computed) bool
}

func runComputeCases(t *testing.T, env *Env, cases []computeCase) {
	t.Helper()
	for _, tc := range cases {
		c, ds := computeInlineBase(tc.style, nil, env)
		if len(ds) != 0 {
			t.Errorf("%q: unexpected diagnostics %v", tc.style, ds)
			continue
		}
		if !tc.check(&c) {
			t.Errorf("%q: computed value wrong: %+v", tc.style, c)
		}
	}
}

func TestBoxProperties(t *testing.T) {
	runComputeCases(t, testEnv, []computeCase{
		{"display: block", func(c *Computed) bool { return c.Display == DisplayBlock }},
		{"display: none", func(c *Computed) bool { return c.Display == DisplayNone }},
		{"display: inline-flex", func(c *Computed) bool { return c.Display == DisplayInlineFlex }},
		{"DISPLAY: Flex", func(c *Computed) bool { return c.Display == DisplayFlex }},
		{"position: absolute", func(c *Computed) bool { return c.Position == PositionAbsolute }},
		{"position: fixed", func(c *Computed) bool { return c.Position == PositionFixed }},
		{"box-sizing: content-box", func(c *Computed) bool { return c.BoxSizing == ContentBox }},
		{"overflow: hidden", func(c *Computed) bool { return c.Overflow == OverflowHidden }},
		{"overflow: hidden hidden", func(c *Computed) bool { return c.Overflow == OverflowHidden }},
		{"width: 100px", func(c *Computed) bool { return c.Width == Px(100) }},
		{"width: 50%", func(c *Computed) bool { return c.Width == Pct(50) }},
		{"width: 750rpx", func(c *Computed) bool { return c.Width == Px(375) }},
		{"width: 10vw", func(c *Computed) bool { return c.Width == Px(37.5) }},
		{"height: 10vh", func(c *Computed) bool { return c.Height == Px(66.7) }},
		{"width: 10vmin; height: 10vmax", func(c *Computed) bool { return c.Width == Px(37.5) && c.Height == Px(66.7) }},
		{"width: 2rem", func(c *Computed) bool { return c.Width == Px(32) }},
		{"font-size: 20px; width: 2em", func(c *Computed) bool { return c.Width == Px(40) }},
		{"width: 2em; font-size: 20px", func(c *Computed) bool { return c.Width == Px(40) }},
		{"width: calc(100% - 20px)", func(c *Computed) bool { return c.Width == Length{Kind: LengthFixed, Px: -20, Pct: 100} }},
		{"width: calc((100% - 10px) / 2)", func(c *Computed) bool { return c.Width == Length{Kind: LengthFixed, Px: -5, Pct: 50} }},
		{"width: calc(2 * (10px + 5%) + 1rem)", func(c *Computed) bool { return c.Width == Length{Kind: LengthFixed, Px: 36, Pct: 10} }},
		{"width: calc(100rpx + calc(10px * 3))", func(c *Computed) bool { return c.Width == Px(80) }},
		{"width: min-content", func(c *Computed) bool { return c.Width.Kind == LengthMinContent }},
		{"width: max-content", func(c *Computed) bool { return c.Width.Kind == LengthMaxContent }},
		{"width: fit-content", func(c *Computed) bool { return c.Width.Kind == LengthFitContent }},
		{"height: auto", func(c *Computed) bool { return c.Height == Auto }},
		{"min-width: 10px; max-height: 50%", func(c *Computed) bool { return c.MinWidth == Px(10) && c.MaxHeight == Pct(50) }},
		{"max-width: none", func(c *Computed) bool { return c.MaxWidth == None }},
		{"margin: 1px 2px 3px 4px", func(c *Computed) bool {
			return c.Margin == Edges{Px(1), Px(2), Px(3), Px(4)}
		}},
		{"margin: 1px 2px", func(c *Computed) bool { return c.Margin == Edges{Px(1), Px(2), Px(1), Px(2)} }},
		{"margin: 1px 2px 3px", func(c *Computed) bool { return c.Margin == Edges{Px(1), Px(2), Px(3), Px(2)} }},
		{"margin: 0 auto", func(c *Computed) bool { return c.Margin == Edges{Px(0), Auto, Px(0), Auto} }},
		{"margin: -10px", func(c *Computed) bool { return c.Margin.Left == Px(-10) }},
		{"padding: 10rpx", func(c *Computed) bool { return c.Padding.Bottom == Px(5) }},
		{"padding-left: 5%", func(c *Computed) bool { return c.Padding.Left == Pct(5) }},
		{"inset: 1px 2px", func(c *Computed) bool { return c.Inset == Edges{Px(1), Px(2), Px(1), Px(2)} }},
		{"top: -5px; left: auto", func(c *Computed) bool { return c.Inset.Top == Px(-5) && c.Inset.Left == Auto }},
		{"top: env(safe-area-inset-top)", func(c *Computed) bool { return c.Inset.Top == Px(0) }},
		{"top: env(unknown-thing, 7px)", func(c *Computed) bool { return c.Inset.Top == Px(7) }},
		{"padding-bottom: calc(10px + env(safe-area-inset-bottom))", func(c *Computed) bool { return c.Padding.Bottom == Px(10) }},
		{"flex-direction: row", func(c *Computed) bool { return c.FlexDir == Row }},
		{"flex-wrap: wrap-reverse", func(c *Computed) bool { return c.FlexWrap == WrapReverse }},
		{"flex-flow: row-reverse wrap", func(c *Computed) bool { return c.FlexDir == RowReverse && c.FlexWrap == Wrap }},
		{"flex-flow: wrap", func(c *Computed) bool { return c.FlexDir == Column && c.FlexWrap == Wrap }},
		{"justify-content: space-between", func(c *Computed) bool { return c.Justify == AlignSpaceBetween }},
		{"justify-content: space-evenly", func(c *Computed) bool { return c.Justify == AlignSpaceEvenly }},
		{"align-items: center", func(c *Computed) bool { return c.AlignItems == AlignCenter }},
		{"align-items: baseline", func(c *Computed) bool { return c.AlignItems == AlignBaseline }},
		{"align-self: flex-end", func(c *Computed) bool { return c.AlignSelf == AlignFlexEnd }},
		{"align-content: space-around", func(c *Computed) bool { return c.AlignContent == AlignSpaceAround }},
		{"justify-content: safe center", func(c *Computed) bool { return c.Justify == AlignCenter && c.AlignSafe == SafeJustify }},
		{"justify-content: unsafe flex-end", func(c *Computed) bool { return c.Justify == AlignFlexEnd && c.AlignSafe == 0 }},
		{"align-items: safe end; align-self: SAFE self-start", func(c *Computed) bool {
			return c.AlignItems == AlignEnd && c.AlignSelf == AlignSelfStart && c.AlignSafe == SafeAlignItems|SafeAlignSelf
		}},
		{"align-content: safe center; align-content: unsafe center", func(c *Computed) bool {
			return c.AlignContent == AlignCenter && c.AlignSafe == 0
		}},
		{"flex-grow: 2; flex-shrink: 0", func(c *Computed) bool { return c.FlexGrow == 2 && c.FlexShrink == 0 }},
		{"flex-basis: 30%", func(c *Computed) bool { return c.FlexBasis == Pct(30) }},
		{"order: -1", func(c *Computed) bool { return c.Order == -1 }},
		{"z-index: 5", func(c *Computed) bool { return c.ZIndex == 5 && !c.ZIndexAuto }},
		{"z-index: auto", func(c *Computed) bool { return c.ZIndexAuto }},
		{"gap: 10px 20px", func(c *Computed) bool { return c.RowGap == Px(10) && c.ColumnGap == Px(20) }},
		{"gap: 8px", func(c *Computed) bool { return c.RowGap == Px(8) && c.ColumnGap == Px(8) }},
		{"row-gap: 5%; column-gap: normal", func(c *Computed) bool { return c.RowGap == Pct(5) && c.ColumnGap == Px(0) }},
		{"aspect-ratio: 16 / 9", func(c *Computed) bool { return c.AspectRatio == float32(16)/9 }},
		{"aspect-ratio: 2", func(c *Computed) bool { return c.AspectRatio == 2 }},
		{"aspect-ratio: auto", func(c *Computed) bool { return c.AspectRatio == 0 }},
		{"aspect-ratio: auto 1/2", func(c *Computed) bool { return c.AspectRatio == 0.5 && c.RatioAuto }},
		{"aspect-ratio: 3 auto", func(c *Computed) bool { return c.AspectRatio == 3 && c.RatioAuto }},
		{"aspect-ratio: 3", func(c *Computed) bool { return c.AspectRatio == 3 && !c.RatioAuto }},
	})
}

func TestFlexShorthand(t *testing.T) {
	basis0 := Length{Kind: LengthFixed}
	cases := []struct {
		value        string
		grow, shrink float32
		basis        Length
	}{
		{"none", 0, 0, Auto},
		{"auto", 1, 1, Auto},
		{"1", 1, 1, basis0},
		{"2 3", 2, 3, basis0},
		{"0", 0, 1, basis0},
		{"1 0 0", 1, 0, Px(0)},
		{"2 100px", 2, 1, Px(100)},
		{"30%", 1, 1, Pct(30)},
		{"10px 2", 2, 1, Px(10)},
		{"1 2 auto", 1, 2, Auto},
		{"initial", 0, 1, Auto},
	}
	for _, tc := range cases {
		c, ds := ComputeInline("flex: "+tc.value, nil, testEnv)
		if len(ds) != 0 || c.FlexGrow != tc.grow || c.FlexShrink != tc.shrink || c.FlexBasis != tc.basis {
			t.Errorf("flex: %s → grow %v shrink %v basis %+v, diags %v; want %v %v %+v",
				tc.value, c.FlexGrow, c.FlexShrink, c.FlexBasis, ds, tc.grow, tc.shrink, tc.basis)
		}
	}
}

func TestBorderWidths(t *testing.T) {
	runComputeCases(t, testEnv, []computeCase{
		{"border-width: 2px", func(c *Computed) bool { return c.Border[0].Width == 0 }}, // style none → 0
		{"border-style: solid", func(c *Computed) bool { return c.Border[2].Width == 3 && c.Border[2].Color == Black }},
		{"border: 1px solid red", func(c *Computed) bool {
			return c.Border[3] == BorderSide{1, BorderSolid, Color{255, 0, 0, 255}}
		}},
		{"border-top: thick dashed; border-left: thin dotted #00f", func(c *Computed) bool {
			return c.Border[0].Width == 5 && c.Border[0].Style == BorderDashed && c.Border[3] == BorderSide{1, BorderDotted, Color{0, 0, 255, 255}} && c.Border[1].Width == 0
		}},
		{"border: 2px solid; border-right-style: hidden", func(c *Computed) bool { return c.Border[1].Width == 0 && c.Border[0].Width == 2 }},
		{"border-style: solid; border-width: 1px 2px 3px 4px", func(c *Computed) bool {
			return c.Border[0].Width == 1 && c.Border[1].Width == 2 && c.Border[2].Width == 3 && c.Border[3].Width == 4
		}},
		{"border: 1rpx solid #eee", func(c *Computed) bool { return c.Border[0].Width == 0.5 }},
		{"border: 1px solid red; border-color: currentColor; color: blue", func(c *Computed) bool {
			return c.Border[0].Color == Color{0, 0, 255, 255}
		}},
	})
}

// warnCase expects a warning mentioning every part of want.
type warnCase struct {
	style string
	want  []string
}

func runWarnCases(t *testing.T, cases []warnCase) {
	t.Helper()
	for _, tc := range cases {
		_, ds := ComputeInline(tc.style, nil, testEnv)
		if len(ds) != 1 {
			t.Errorf("%q: want 1 diagnostic, got %v", tc.style, ds)
			continue
		}
		s := ds[0].String()
		for _, w := range tc.want {
			if !strings.Contains(s, w) {
				t.Errorf("%q: diagnostic %q lacks %q", tc.style, s, w)
			}
		}
	}
}

func TestBoxWarnings(t *testing.T) {
	runWarnCases(t, []warnCase{
		{"display: grid", []string{"<inline>:1:1: warning:", `unsupported value "grid" for property "display"`}},
		{"width: 1px; overflow: scroll", []string{"<inline>:1:13:", `unsupported value "scroll" for property "overflow"`}},
		{"overflow: hidden visible", []string{`"overflow"`, "cannot differ"}},
		{"border-style: groove", []string{`unsupported value "groove" for property "border-style"`}},
		{"border-top-style: ridge", []string{`"ridge"`, "border-top-style"}},
		{"float: left", []string{`unsupported property "float"`}},
		{"clear: both", []string{`unsupported property "clear"`}},
		{"direction: rtl", []string{`unsupported property "direction"`}},
		{"writing-mode: vertical-rl", []string{`unsupported property "writing-mode"`}},
		{"justify-items: center", []string{`unsupported property "justify-items"`}},
		{"colr: red", []string{`unknown property "colr"`}},
		{"width: 10pt", []string{`"10pt"`, "unit pt"}},
		{"width: -10px", []string{`"-10px"`, `"width"`}},
		{"padding: -1px", []string{`"padding"`}},
		{"width: 10", []string{`"10"`}},
		{"width: calc(10px * 2px)", []string{`"width"`}},
		{"width: calc(10px / 0)", []string{`"width"`}},
		{"position: sticky", []string{`"sticky"`}},
		{"flex: 1 2 3 4", []string{`"flex"`}},
		{"flex-grow: -1", []string{`"flex-grow"`}},
		{"aspect-ratio: 1/", []string{`"aspect-ratio"`}},
		{"width: 10px;\n  height: auto;\n  margin: x", []string{"<inline>:3:3:", `"margin"`}},
		{"z-index: 1.5", []string{`"z-index"`}},
		{"justify-content: safe space-between", []string{`"justify-content"`}},
		{"align-items: unsafe stretch", []string{`"align-items"`}},
		{"align-self: safe", []string{`"align-self"`}},
		{"align-content: safe safe center", []string{`"align-content"`}},
		{"nonsense", []string{"invalid declaration"}},
	})
}

func TestDefaultsAndRendererOptions(t *testing.T) {
	c := Initial(nil)
	if c.Display != DisplayFlex || c.FlexDir != Column || c.AlignItems != AlignStretch || c.BoxSizing != BorderBox ||
		c.Position != PositionRelative || c.FlexShrink != 1 || c.MinWidth != Auto || c.MaxHeight != None ||
		c.Border[0] != (BorderSide{0, BorderNone, Black}) || c.TextDecoration.Color != Black || c.Color != Black ||
		c.FontSize != 16 || c.AlignContent != AlignStretch || c.Mask.Repeat != NoRepeat || c.Opacity != 1 ||
		c.TransformOrigin != [3]Length{Pct(50), Pct(50), Px(0)} || c.Justify != AlignFlexStart || c.FontWeight != 400 {
		t.Errorf("Skyline defaults wrong: %+v", c)
	}
	blk := Initial(&Env{Options: RendererOptions{DefaultDisplayBlock: true}})
	if blk.Display != DisplayBlock || blk.FlexDir != Row || blk.AlignItems != AlignNormal || blk.BoxSizing != BorderBox {
		t.Errorf("defaultDisplayBlock: %+v", blk)
	}
	cb := Initial(&Env{Options: RendererOptions{DefaultContentBox: true}})
	if cb.BoxSizing != ContentBox || cb.Display != DisplayFlex {
		t.Errorf("defaultContentBox: %+v", cb)
	}
	// initial on a declaration follows the options too.
	both := &Env{Options: RendererOptions{DefaultDisplayBlock: true, DefaultContentBox: true}}
	got, _ := ComputeInline("display: flex; display: initial; box-sizing: border-box; box-sizing: unset", nil, both)
	if got.Display != DisplayBlock || got.BoxSizing != ContentBox {
		t.Errorf("initial under options: display %v box-sizing %v", got.Display, got.BoxSizing)
	}
}

// computeInlineBase is ComputeInline with url() resolved against testBase.
func computeInlineBase(text string, parent *Computed, env *Env) (Computed, []diag.Diagnostic) {
	decls, ds := ParseInlineStyle(text, diag.Pos{File: "<inline>", Line: 1, Col: 1}, env, testBase)
	ptrs := make([]*Declared, len(decls))
	for i := range decls {
		ptrs[i] = &decls[i]
	}
	var out Computed
	var l diag.List
	ComputeInto(&out, parent, ptrs, env, &l)
	return out, append(ds, l.Items...)
}
