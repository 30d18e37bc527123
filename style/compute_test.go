package style

import (
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

func mustParse(t testing.TB, text string) []*Declared {
	t.Helper()
	decls, ds := ParseInlineStyle(text, posAt(1), testEnv, testBase)
	if len(ds) != 0 {
		t.Fatalf("%q: %v", text, ds)
	}
	ptrs := make([]*Declared, len(decls))
	for i := range decls {
		ptrs[i] = &decls[i]
	}
	return ptrs
}

func compute(t testing.TB, text string, parent *Computed) Computed {
	t.Helper()
	var out Computed
	var l diag.List
	ComputeInto(&out, parent, mustParse(t, text), testEnv, &l)
	if len(l.Items) != 0 {
		t.Fatalf("%q: %v", text, l.Items)
	}
	return out
}

func TestInheritance(t *testing.T) {
	parent := compute(t, "color: red; font-size: 20px; font-family: serif; font-weight: bold; line-height: 1.5;"+
		"letter-spacing: 2px; text-align: center; white-space: nowrap; word-break: break-all; text-overflow: ellipsis;"+
		"visibility: hidden; pointer-events: none; text-shadow: 1px 1px blue; font-style: italic;"+
		"width: 10px; margin: 5px; background-color: red; opacity: 0.5; text-decoration: underline; display: none;"+
		"border: 1px solid red; -webkit-line-clamp: 2; transform: scale(2)", nil)
	c := compute(t, "", &parent)
	red := rgba(255, 0, 0, 255)
	if c.Color != red || c.FontSize != 20 || c.FontFamily[0] != "serif" || c.FontWeight != 700 ||
		c.LineHeight != (LineHeight{LineHeightNumber, 1.5}) || c.LetterSpacing != 2 || c.TextAlign != TextAlignCenter ||
		c.WhiteSpace != WhiteSpaceNoWrap || c.WordBreak != WordBreakBreakAll || c.TextOverflow != TextOverflowEllipsis ||
		c.Visibility != Hidden || c.PointerEvents != PointerNone || len(c.TextShadow) != 1 || c.FontStyle != FontStyleItalic {
		t.Errorf("inherited properties not inherited: %+v", c)
	}
	init := Initial(testEnv)
	if c.Width != Auto || c.Margin != init.Margin || c.Background.Color != Transparent || c.Opacity != 1 ||
		c.TextDecoration.Line != DecorationNone || c.Display != DisplayFlex || c.Border != init.Border ||
		c.LineClamp != 0 || c.Transform != nil {
		t.Errorf("non-inherited properties leaked: %+v", c)
	}
	// em lengths inherit as px; a number line-height stays a number.
	p2 := compute(t, "font-size: 10px; letter-spacing: 1em; line-height: 2em", nil)
	c2 := compute(t, "font-size: 30px", &p2)
	if c2.LetterSpacing != 10 || c2.LineHeight != (LineHeight{LineHeightPx, 20}) {
		t.Errorf("em inheritance: letter-spacing %v line-height %+v", c2.LetterSpacing, c2.LineHeight)
	}
	// font-size em resolves against the parent's font-size.
	if c3 := compute(t, "font-size: 2em; width: 1em", &p2); c3.FontSize != 20 || c3.Width != Px(20) {
		t.Errorf("font-size: 2em → %v, width 1em → %+v", c3.FontSize, c3.Width)
	}
}

func TestWideKeywords(t *testing.T) {
	parent := compute(t, "width: 50px; color: blue; border: 2px solid red; padding: 1px 2px; flex-direction: row; background: url(x.png) red", nil)
	blue := rgba(0, 0, 255, 255)
	cases := []computeCase{
		{"width: inherit", func(c *Computed) bool { return c.Width == Px(50) }},
		{"width: 10px; width: initial", func(c *Computed) bool { return c.Width == Auto }},
		{"width: 10px; width: unset", func(c *Computed) bool { return c.Width == Auto }},
		{"color: red; color: unset", func(c *Computed) bool { return c.Color == blue }},
		{"color: red; color: initial", func(c *Computed) bool { return c.Color == Black }},
		{"color: inherit", func(c *Computed) bool { return c.Color == blue }},
		{"border: inherit", func(c *Computed) bool { return c.Border[1] == BorderSide{2, BorderSolid, rgba(255, 0, 0, 255)} }},
		{"border-top-style: inherit", func(c *Computed) bool { return c.Border[0].Style == BorderSolid && c.Border[0].Width == 3 }},
		{"border-style: solid; border-top-width: inherit", func(c *Computed) bool { return c.Border[0].Width == 2 }},
		{"padding: inherit", func(c *Computed) bool { return c.Padding.Right == Px(2) }},
		{"margin: 3px; margin: unset", func(c *Computed) bool { return c.Margin.Top == Px(0) }},
		{"flex-direction: inherit", func(c *Computed) bool { return c.FlexDir == Row }},
		{"flex-direction: row; flex-direction: initial", func(c *Computed) bool { return c.FlexDir == Column }},
		{"background: inherit", func(c *Computed) bool {
			return c.Background.Color == rgba(255, 0, 0, 255) && len(c.Background.Layers) == 1
		}},
		{"text-align: center; text-align: initial", func(c *Computed) bool { return c.TextAlign == TextAlignStart }},
		{"font-size: INHERIT", func(c *Computed) bool { return c.FontSize == 16 }},
		{"transition: all 1s; transition: initial", func(c *Computed) bool { return c.Transitions == nil }},
	}
	for _, tc := range cases {
		c := compute(t, tc.style, &parent)
		if !tc.check(&c) {
			t.Errorf("%q: wrong: %+v", tc.style, c)
		}
	}
	// At the root, inherit means initial.
	if c := compute(t, "width: inherit; color: inherit", nil); c.Width != Auto || c.Color != Black {
		t.Errorf("root inherit: %+v %v", c.Width, c.Color)
	}
}

func TestVars(t *testing.T) {
	parent := compute(t, "--main: #f00; --gap: 8px; --pair: 1px 2px", nil)
	red := rgba(255, 0, 0, 255)
	cases := []struct {
		style string
		check func(c *Computed) bool
		warns int
	}{
		{"color: var(--main)", func(c *Computed) bool { return c.Color == red }, 0},
		{"margin: var(--pair)", func(c *Computed) bool { return c.Margin == Edges{Px(1), Px(2), Px(1), Px(2)} }, 0},
		{"margin: var(--gap) 0", func(c *Computed) bool { return c.Margin == Edges{Px(8), Px(0), Px(8), Px(0)} }, 0},
		{"width: calc(var(--gap) * 2)", func(c *Computed) bool { return c.Width == Px(16) }, 0},
		{"width: var(--missing, 5px)", func(c *Computed) bool { return c.Width == Px(5) }, 0},
		{"width: var(--missing, var(--also-missing, var(--gap)))", func(c *Computed) bool { return c.Width == Px(8) }, 0},
		{"--gap: 3px; width: var(--gap)", func(c *Computed) bool { return c.Width == Px(3) }, 0},
		{"width: var(--gap); --gap: 3px", func(c *Computed) bool { return c.Width == Px(3) }, 0},
		{"--a: var(--gap); --b: calc(var(--a) + 1px); width: var(--b)", func(c *Computed) bool { return c.Width == Px(9) }, 0},
		{"--x: 4px; --y: var(--x); --x: 6px; width: var(--y)", func(c *Computed) bool { return c.Width == Px(6) }, 0},
		{"width: 10px; width: var(--missing)", func(c *Computed) bool { return c.Width == Auto }, 1},
		{"color: blue; color: var(--missing)", func(c *Computed) bool { return c.Color == Black }, 1},
		{"width: var(--main)", func(c *Computed) bool { return c.Width == Auto }, 1},
		{"--a: var(--b); --b: var(--a); width: 7px; width: var(--a, 3px)", func(c *Computed) bool { return c.Width == Px(3) }, 0},
		{"--a: var(--b, 1px); --b: var(--a); width: var(--a, 2px)", func(c *Computed) bool { return c.Width == Px(2) }, 0},
		{"--self: var(--self); width: var(--self)", func(c *Computed) bool { return c.Width == Auto }, 1},
		{"--main: var(--main); color: var(--main, green)", func(c *Computed) bool { return c.Color == rgba(0, 128, 0, 255) }, 0},
		{"content: \"var(--main)\"", func(c *Computed) bool { return c.Content == "var(--main)" }, 0},
		{"--Gap: 1px; width: var(--Gap)", func(c *Computed) bool { return c.Width == Px(1) }, 0},
		{"border: var(--gap) solid var(--main)", func(c *Computed) bool {
			return c.Border[2] == BorderSide{8, BorderSolid, red}
		}, 0},
	}
	for _, tc := range cases {
		var out Computed
		var l diag.List
		ComputeInto(&out, &parent, mustParse(t, tc.style), testEnv, &l)
		if !tc.check(&out) || len(l.Items) != tc.warns {
			t.Errorf("%q: wrong (diags %v): %+v", tc.style, l.Items, out)
		}
	}
	// The child's own vars reach its children; the parent's stay shared.
	child := compute(t, "--gap: 1px", &parent)
	var grand Computed
	var gl diag.List
	ComputeInto(&grand, &child, mustParse(t, "width: var(--gap); height: var(--pair, 0)"), testEnv, &gl)
	if grand.Width != Px(1) || grand.Height != Auto || len(gl.Items) != 1 ||
		!strings.Contains(gl.Items[0].Msg, `unsupported value "1px 2px" for property "height"`) {
		t.Errorf("var inheritance: %+v %+v %v", grand.Width, grand.Height, gl.Items)
	}
	if plain := compute(t, "width: 1px", &parent); plain.Vars != parent.Vars {
		t.Error("an element without custom properties must share its parent's Vars")
	}
	// An invalid custom property shadows the inherited value.
	cyc := compute(t, "--main: var(--main)", &parent)
	if v, ok := cyc.Vars.Lookup("--main"); ok && v != varInvalid {
		t.Errorf("cyclic --main = %q", v)
	}
}

// Exponential var() expansion must fail fast instead of building gigabytes.
func TestVarExpansionBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("--v0: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx;")
	for i := 1; i < 40; i++ {
		p := "var(--v" + string(rune('0'+(i-1)%10)) + string(rune('a'+(i-1)/10)) + ")"
		if i == 1 {
			p = "var(--v0)"
		}
		b.WriteString("--v" + string(rune('0'+i%10)) + string(rune('a'+i/10)) + ": " + strings.Repeat(p+" ", 8) + ";")
	}
	b.WriteString("width: var(--v9c, 4px)")
	var out Computed
	var l diag.List
	ComputeInto(&out, nil, mustParse(t, b.String()), testEnv, &l)
	if out.Width != Px(4) {
		t.Errorf("bounded expansion: width %+v", out.Width)
	}
	for i, v := range out.Vars.Values {
		if len(v) > maxVarExpansion {
			t.Errorf("%s has %d bytes", out.Vars.Names[i], len(v))
		}
	}
}

func TestParseInlineStyle(t *testing.T) {
	decls, ds := ParseInlineStyle("width: 1px !important; content: \"a;b\"; ; color:red!IMPORTANT;\n  --x: { a; }", posAt(4), testEnv, "")
	if len(ds) != 0 {
		t.Fatalf("diags: %v", ds)
	}
	if len(decls) != 4 || !decls[0].Important || decls[1].Important || !decls[2].Important {
		t.Fatalf("decls: %+v", decls)
	}
	if decls[1].v.ref.(string) != "a;b" {
		t.Errorf("content split at quoted ';'")
	}
	if decls[2].Pos != (diag.Pos{File: "a.wxss", Line: 4, Col: 3 + 41}) || decls[3].Pos.Line != 5 || decls[3].Pos.Col != 3 {
		t.Errorf("positions: %v %v", decls[2].Pos, decls[3].Pos)
	}
	// Within one inline style an !important declaration wins over a later normal one.
	c, _ := ComputeInline("width: 1px !important; width: 2px", nil, testEnv)
	if c.Width != Px(1) {
		t.Errorf("!important: width %+v", c.Width)
	}
}

func TestComputeIntoNoAllocs(t *testing.T) {
	decls := mustParse(t, benchStyle)
	parent := compute(t, "color: red; font-size: 20px", nil)
	var out Computed
	ComputeInto(&out, &parent, decls, testEnv, nil) // warm the memos
	allocs := testing.AllocsPerRun(200, func() {
		ComputeInto(&out, &parent, decls, testEnv, nil)
	})
	if allocs != 0 {
		t.Errorf("ComputeInto allocates %v times per call", allocs)
	}
	if out.Width != Px(375) || out.BoxShadow[0].Y != 1 || out.Transform[0].Len[0] != Px(5) {
		t.Errorf("benchmark style computed wrong: %+v", out)
	}
}

// benchStyle is a typical mini-program element style: ten declarations
// with rpx, shorthands and a transform.
const benchStyle = "display: flex; flex-direction: row; width: 750rpx; height: 88rpx; padding: 0 32rpx;" +
	"align-items: center; justify-content: space-between; background-color: #fff;" +
	"box-shadow: 0 2rpx 8rpx rgba(0,0,0,.1); transform: translateX(10rpx)"

func BenchmarkComputeInto10(b *testing.B) {
	decls := mustParse(b, benchStyle)
	parent := compute(b, "color: red; font-size: 20px", nil)
	var out Computed
	b.ReportAllocs()
	for b.Loop() {
		ComputeInto(&out, &parent, decls, testEnv, nil)
	}
}

func BenchmarkParseDeclaration(b *testing.B) {
	cases := []struct{ name, value string }{
		{"width", "750rpx"},
		{"margin", "0 auto 20rpx"},
		{"background-color", "rgba(0, 0, 0, 0.5)"},
		{"border", "1px solid #eee"},
		{"transform", "translate(-50%, -50%) rotate(45deg)"},
		{"background", "linear-gradient(to right, #f00 0%, #00f 100%)"},
		{"width", "calc(100% - 2 * 32rpx)"},
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range cases {
			ParseDeclaration(c.name, c.value, false, diag.Pos{}, testEnv, "")
		}
	}
}

// A memoised list value must follow the context it depends on and be
// shared across contexts it ignores.
func TestMemoisedListValues(t *testing.T) {
	em := mustParse(t, "box-shadow: 1em 0 currentColor")
	rpx := mustParse(t, "transform: translateX(100rpx)")
	var a, b Computed
	for _, fs := range []string{"font-size: 10px; color: red", "font-size: 20px; color: blue", "font-size: 10px; color: red"} {
		parent := compute(t, fs, nil)
		ComputeInto(&a, &parent, em, testEnv, nil)
		if a.BoxShadow[0].X != parent.FontSize || a.BoxShadow[0].Color != parent.Color {
			t.Errorf("%s: shadow %+v", fs, a.BoxShadow[0])
		}
		prev := b.Transform
		ComputeInto(&b, &parent, rpx, testEnv, nil)
		if b.Transform[0].Len[0] != Px(50) || (prev != nil && &prev[0] != &b.Transform[0]) {
			t.Errorf("%s: rpx transform recomputed or wrong: %+v", fs, b.Transform)
		}
	}
	wide := &Env{WindowWidth: 750, WindowHeight: 1000}
	ComputeInto(&b, nil, rpx, wide, nil)
	if b.Transform[0].Len[0] != Px(100) {
		t.Errorf("window change ignored: %+v", b.Transform[0].Len[0])
	}
}
