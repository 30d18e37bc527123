package style

import (
	"testing"
)

// iPhoneXEnv is the iPhone X preset's window with its safe-area insets
// (portrait: 44 px status bar / notch on top, 34 px home indicator below).
var iPhoneXEnv = &Env{WindowWidth: 375, WindowHeight: 812, SafeArea: SafeArea{Top: 44, Bottom: 34}}

// at resolves l against a definite percentage basis, or NaN-free -1 when it
// cannot.
func at(l Length, ref float32) float32 {
	v, ok := l.Resolve(ref, true)
	if !ok {
		return -1
	}
	return v
}

func TestMathFunctions(t *testing.T) {
	runComputeCases(t, testEnv, []computeCase{
		{"width: max(12px, 20px)", func(c *Computed) bool { return c.Width == Px(20) }},
		{"width: min(12px, 20px, 4px)", func(c *Computed) bool { return c.Width == Px(4) }},
		{"width: MAX(12px)", func(c *Computed) bool { return c.Width == Px(12) }},
		{"width: clamp(10px, 5px, 20px)", func(c *Computed) bool { return c.Width == Px(10) }},
		{"width: clamp(10px, 15px, 20px)", func(c *Computed) bool { return c.Width == Px(15) }},
		{"width: clamp(10px, 50px, 20px)", func(c *Computed) bool { return c.Width == Px(20) }},
		{"width: clamp(30px, 15px, 20px)", func(c *Computed) bool { return c.Width == Px(30) }}, // the minimum wins
		// Mixed units resolve at computed-value time: 100rpx is 50px at 375 wide, 10vw 37.5px.
		{"width: max(100rpx, 10vw)", func(c *Computed) bool { return c.Width == Px(50) }},
		{"width: min(100rpx, 10vw)", func(c *Computed) bool { return c.Width == Px(37.5) }},
		{"font-size: 20px; width: min(2em, 30px)", func(c *Computed) bool { return c.Width == Px(30) }},
		{"width: max(1rem, 10px)", func(c *Computed) bool { return c.Width == Px(16) }},
		// Nested and inside calc() arithmetic.
		{"width: calc(max(10px, 2rem) + 5px)", func(c *Computed) bool { return c.Width == Px(37) }},
		{"width: max(10px, min(20px, 5rem))", func(c *Computed) bool { return c.Width == Px(20) }},
		{"width: calc(2 * max(10px, 15px))", func(c *Computed) bool { return c.Width == Px(30) }},
		{"width: calc(max(10px, 15px) / 3)", func(c *Computed) bool { return c.Width == Px(5) }},
		{"width: calc(100px - clamp(10px, 1px + 2px * 3, 20px))", func(c *Computed) bool { return c.Width == Px(90) }},
		{"width: max(calc(10px + 5px), (20px - 10px))", func(c *Computed) bool { return c.Width == Px(15) }},
		// Percentages stay symbolic until layout, as calc() does.
		{"width: max(10px, 50%)", func(c *Computed) bool {
			return c.Width.HasPct() && at(c.Width, 100) == 50 && at(c.Width, 10) == 10
		}},
		{"width: calc(100% - max(20px, 10%))", func(c *Computed) bool {
			return at(c.Width, 100) == 80 && at(c.Width, 400) == 360
		}},
		{"width: clamp(100px, 50%, 300px)", func(c *Computed) bool {
			return at(c.Width, 100) == 100 && at(c.Width, 400) == 200 && at(c.Width, 1000) == 300
		}},
		{"width: calc(min(50%, 100px) * 2 + 1px)", func(c *Computed) bool {
			return at(c.Width, 100) == 101 && at(c.Width, 1000) == 201
		}},
		{"width: max(50%, 750rpx - 50%)", func(c *Computed) bool { // 375px - 50%
			return at(c.Width, 100) == 325 && at(c.Width, 1000) == 500
		}},
		// The same percentage on every side folds to a plain length-percentage.
		{"width: max(50% - 10px, 50% - 20px)", func(c *Computed) bool { return c.Width == Length{Kind: LengthFixed, Px: -10, Pct: 50} }},
		{"padding-left: max(8px, 5%)", func(c *Computed) bool {
			_, ok := c.Padding.Left.Resolve(0, false)
			return !ok && at(c.Padding.Left, 400) == 20
		}},
		{"margin-top: min(-10px, -5%)", func(c *Computed) bool { return at(c.Margin.Top, 100) == -10 }},
		{"line-height: max(20px, 150%)", func(c *Computed) bool { return c.LineHeight == LineHeight{Kind: LineHeightPx, Value: 24} }},
		{"font-size: 10px; line-height: max(20px, 150%)", func(c *Computed) bool { return c.LineHeight == LineHeight{Kind: LineHeightPx, Value: 20} }},
		{"font-size: max(12px, 10rpx)", func(c *Computed) bool { return c.FontSize == 12 }},
		{"border-top-width: min(4px, 1rpx); border-top-style: solid", func(c *Computed) bool { return c.Border[0].Width == 0.5 }},
		{"transform: translateX(max(10px, 50%))", func(c *Computed) bool {
			return len(c.Transform) == 1 && at(c.Transform[0].Len[0], 100) == 50
		}},
		// Numbers.
		{"flex-grow: max(1, 2)", func(c *Computed) bool { return c.FlexGrow == 2 }},
		{"opacity: clamp(0, 1.5, 1)", func(c *Computed) bool { return c.Opacity == 1 }},
		{"z-index: min(5, 3)", func(c *Computed) bool { return c.ZIndex == 3 }},
		{"flex-grow: calc(min(4, 2) * 3)", func(c *Computed) bool { return c.FlexGrow == 6 }},
	})
}

func TestMathFunctionsInvalid(t *testing.T) {
	for _, s := range []string{
		"width: max(10px, 2)",              // a number among lengths
		"width: max(0, 10px)",              // unitless 0 is a number inside math functions
		"width: clamp(1px, 2px)",           // clamp takes three
		"width: clamp(1px, 2px, 3px, 4px)", //
		"width: max()",
		"width: min(10px,)",
		"width: min(10px 20px)",
		"font-size: max(10px, 5%)", // no percentages for font-size
		"flex-grow: max(1, 2px)",
		"width: max(10px * 2px)",
	} {
		c, ds := computeInlineBase(s, nil, testEnv)
		if len(ds) == 0 {
			t.Errorf("%q: accepted (width %+v), want a warning", s, c.Width)
		}
	}
}

func TestSafeAreaInsets(t *testing.T) {
	iphone8 := []computeCase{
		{"padding-top: env(safe-area-inset-top)", func(c *Computed) bool { return c.Padding.Top == Px(0) }},
		{"padding-bottom: constant(safe-area-inset-bottom)", func(c *Computed) bool { return c.Padding.Bottom == Px(0) }},
		{"padding-bottom: max(12px, env(safe-area-inset-bottom))", func(c *Computed) bool { return c.Padding.Bottom == Px(12) }},
		{"padding-bottom: calc(10px + env(safe-area-inset-bottom))", func(c *Computed) bool { return c.Padding.Bottom == Px(10) }},
		{"top: env(safe-area-inset-top, 20px)", func(c *Computed) bool { return c.Inset.Top == Px(0) }},
	}
	runComputeCases(t, testEnv, iphone8)
	runComputeCases(t, iPhoneXEnv, []computeCase{
		{"padding-top: env(safe-area-inset-top)", func(c *Computed) bool { return c.Padding.Top == Px(44) }},
		{"padding-top: ENV( Safe-Area-Inset-Top )", func(c *Computed) bool { return c.Padding.Top == Px(44) }},
		{"padding-bottom: env(safe-area-inset-bottom)", func(c *Computed) bool { return c.Padding.Bottom == Px(34) }},
		{"padding-left: env(safe-area-inset-left); padding-right: env(safe-area-inset-right)", func(c *Computed) bool {
			return c.Padding.Left == Px(0) && c.Padding.Right == Px(0)
		}},
		{"padding-top: constant(safe-area-inset-top)", func(c *Computed) bool { return c.Padding.Top == Px(44) }},
		{"padding-bottom: constant(safe-area-inset-bottom)", func(c *Computed) bool { return c.Padding.Bottom == Px(34) }},
		{"padding-bottom: max(12px, env(safe-area-inset-bottom))", func(c *Computed) bool { return c.Padding.Bottom == Px(34) }},
		{"padding-bottom: calc(10px + env(safe-area-inset-bottom))", func(c *Computed) bool { return c.Padding.Bottom == Px(44) }},
		{"padding-bottom: calc(env(safe-area-inset-bottom) / 2 + 20rpx)", func(c *Computed) bool { return c.Padding.Bottom == Px(27) }},
		{"height: calc(100vh - env(safe-area-inset-top) - env(safe-area-inset-bottom))", func(c *Computed) bool { return c.Height == Px(734) }},
		{"height: calc(100% - constant(safe-area-inset-bottom))", func(c *Computed) bool { return c.Height == Length{Kind: LengthFixed, Px: -34, Pct: 100} }},
		{"bottom: max(env(safe-area-inset-bottom), 5%)", func(c *Computed) bool {
			return at(c.Inset.Bottom, 100) == 34 && at(c.Inset.Bottom, 1000) == 50
		}},
		// A defined variable ignores its fallback; an unknown one uses it.
		{"top: env(safe-area-inset-top, 20px)", func(c *Computed) bool { return c.Inset.Top == Px(44) }},
		{"top: env(unknown-thing, 7px)", func(c *Computed) bool { return c.Inset.Top == Px(7) }},
		{"top: constant(unknown-thing, calc(1px + 2px))", func(c *Computed) bool { return c.Inset.Top == Px(3) }},
		{"box-shadow: 0 env(safe-area-inset-bottom) 4px red", func(c *Computed) bool {
			return len(c.BoxShadow) == 1 && c.BoxShadow[0].Y == 34
		}},
		{"margin-bottom: calc(-1 * env(safe-area-inset-bottom))", func(c *Computed) bool { return c.Margin.Bottom == Px(-34) }},
	})
	// The insets are an input of computation, not of parsing: one parsed
	// declaration computes against each device.
	decls := mustParse(t, "padding-top: env(safe-area-inset-top); padding-bottom: max(12px, env(safe-area-inset-bottom))")
	var out Computed
	for _, tc := range []struct {
		env      *Env
		top, bot float32
	}{{testEnv, 0, 12}, {iPhoneXEnv, 44, 34}, {testEnv, 0, 12}} {
		ComputeInto(&out, nil, decls, tc.env, nil)
		if out.Padding.Top != Px(tc.top) || out.Padding.Bottom != Px(tc.bot) {
			t.Errorf("insets %+v: padding %+v %+v, want %v %v", tc.env.SafeArea, out.Padding.Top, out.Padding.Bottom, tc.top, tc.bot)
		}
	}
}

// A min()/max() with a percentage computes to an expression once per
// declaration and context: computing again allocates nothing.
func TestMathFunctionsNoAllocs(t *testing.T) {
	decls := mustParse(t, "width: max(10px, 50%); padding-bottom: max(12px, env(safe-area-inset-bottom)); height: clamp(10rpx, 20%, 300px)")
	var out Computed
	ComputeInto(&out, nil, decls, iPhoneXEnv, nil)
	if allocs := testing.AllocsPerRun(100, func() { ComputeInto(&out, nil, decls, iPhoneXEnv, nil) }); allocs != 0 {
		t.Errorf("ComputeInto allocates %v times per call", allocs)
	}
	if at(out.Width, 100) != 50 || out.Padding.Bottom != Px(34) || at(out.Height, 10) != 5 || at(out.Height, 100) != 20 {
		t.Errorf("computed wrong: %+v %+v %+v", out.Width, out.Padding.Bottom, out.Height)
	}
}
