package motion

import (
	"math"
	"testing"

	"github.com/skyline-go/skyline/style"
)

func computed(t *testing.T, css string) *style.Computed {
	t.Helper()
	c, ds := style.ComputeInline(css, nil, nil)
	if len(ds) > 0 {
		t.Fatalf("%q: %v", css, ds)
	}
	return &c
}

func TestInterpolateLengthsAndNumbers(t *testing.T) {
	cases := []struct {
		p        style.PropID
		from, to string
		t        float64
		want     style.Length
		ok       bool
	}{
		{style.PropWidth, "width: 100px", "width: 200px", 0.25, style.Px(125), true},
		{style.PropWidth, "width: 10%", "width: 30%", 0.5, style.Pct(20), true},
		// px and % meet as calc(px + %).
		{style.PropWidth, "width: 100px", "width: 50%", 0.5, style.Length{Kind: style.LengthFixed, Px: 50, Pct: 25}, true},
		{style.PropWidth, "width: auto", "width: 50px", 0.4, style.Auto, false},
		{style.PropWidth, "width: auto", "width: 50px", 0.6, style.Px(50), false},
		// Overshooting curves are clamped to the property's range.
		{style.PropWidth, "width: 0px", "width: 100px", -0.2, style.Px(0), true},
		{style.PropMarginLeft, "margin-left: 0px", "margin-left: 100px", -0.2, style.Px(-20), true},
	}
	for _, c := range cases {
		a, b := Get(c.p, computed(t, c.from)), Get(c.p, computed(t, c.to))
		var out Value
		ok := Interpolate(c.p, &a, &b, c.t, &out, Box{})
		if ok != c.ok || !sameLength(out.L[0], c.want) {
			t.Errorf("%s→%s at %v: %+v ok=%v, want %+v ok=%v", c.from, c.to, c.t, out.L[0], ok, c.want, c.ok)
		}
	}
	a, b := Get(style.PropOpacity, computed(t, "opacity: 0.5")), Get(style.PropOpacity, computed(t, "opacity: 1"))
	var out Value
	Interpolate(style.PropOpacity, &a, &b, 1.3, &out, Box{})
	if out.N != 1 {
		t.Errorf("opacity overshoot: %v, want 1", out.N)
	}
	a, b = Get(style.PropZIndex, computed(t, "z-index: 1")), Get(style.PropZIndex, computed(t, "z-index: 4"))
	Interpolate(style.PropZIndex, &a, &b, 0.5, &out, Box{})
	if out.N != 3 { // 2.5 rounds toward +∞
		t.Errorf("z-index: %v, want 3", out.N)
	}
	a, b = Get(style.PropZIndex, computed(t, "z-index: -4")), Get(style.PropZIndex, computed(t, "z-index: -1"))
	Interpolate(style.PropZIndex, &a, &b, 0.5, &out, Box{})
	if out.N != -2 { // −2.5 too
		t.Errorf("z-index: %v, want -2", out.N)
	}
}

func rgba(r, g, b, a uint8) style.Color { return style.Color{R: r, G: g, B: b, A: a} }

func TestInterpolateColors(t *testing.T) {
	cases := []struct {
		from, to style.Color
		t        float64
		want     style.Color
	}{
		{rgba(255, 0, 0, 255), rgba(0, 0, 255, 255), 0.5, rgba(128, 0, 128, 255)},
		// Premultiplied: fading to transparent keeps the hue (Chromium:
		// red → transparent at 50% is rgba(255, 0, 0, 0.5)).
		{rgba(255, 0, 0, 255), style.Transparent, 0.5, rgba(255, 0, 0, 128)},
		{rgba(255, 0, 0, 255), rgba(0, 0, 255, 0), 0.5, rgba(255, 0, 0, 128)},
		{rgba(0, 0, 0, 0), rgba(0, 0, 0, 0), 0.5, style.Color{}},
		// rgba(0,0,255,0.2) → rgba(255,0,0,1) at 25%: alpha 0.4,
		// red = 255·1·0.25/0.4 = 159.4, blue = 255·0.2·0.75/0.4 = 95.6.
		{rgba(0, 0, 255, 51), rgba(255, 0, 0, 255), 0.25, rgba(159, 0, 96, 102)},
	}
	for _, c := range cases {
		if got := lerpColor(c.from, c.to, c.t); got != c.want {
			t.Errorf("%v→%v at %v: %v, want %v", c.from, c.to, c.t, got, c.want)
		}
	}
}

func TestInterpolateShadowsAndFilters(t *testing.T) {
	a := Get(style.PropBoxShadow, computed(t, "box-shadow: 0 0 0 0 red"))
	b := Get(style.PropBoxShadow, computed(t, "box-shadow: 10px 20px 30px 4px red, inset 2px 2px 2px blue"))
	var out Value
	if !Interpolate(style.PropBoxShadow, &a, &b, 0.5, &out, Box{}) || len(out.Shadows) != 2 {
		t.Fatalf("shadows: %+v", out.Shadows)
	}
	if s := out.Shadows[0]; s.X != 5 || s.Y != 10 || s.Blur != 15 || s.Spread != 2 || s.Color != (rgba(255, 0, 0, 255)) {
		t.Errorf("first shadow %+v", s)
	}
	if s := out.Shadows[1]; !s.Inset || s.X != 1 || s.Color != (rgba(0, 0, 255, 128)) {
		t.Errorf("padded shadow %+v", s)
	}
	for _, c := range []struct {
		from, to string
		want     style.Filter
		ok       bool
	}{
		{"filter: none", "filter: blur(10px)", style.Filter{Kind: style.FilterBlur, Amount: 5}, true},
		{"filter: none", "filter: brightness(2)", style.Filter{Kind: style.FilterBrightness, Amount: 1.5}, true},
		{"filter: grayscale(1)", "filter: none", style.Filter{Kind: style.FilterGrayscale, Amount: 0.5}, true},
		{"filter: blur(2px)", "filter: sepia(1)", style.Filter{Kind: style.FilterSepia, Amount: 1}, false},
	} {
		a, b := Get(style.PropFilter, computed(t, c.from)), Get(style.PropFilter, computed(t, c.to))
		ok := Interpolate(style.PropFilter, &a, &b, 0.5, &out, Box{})
		if ok != c.ok || out.F != c.want {
			t.Errorf("%s→%s: %+v %v, want %+v %v", c.from, c.to, out.F, ok, c.want, c.ok)
		}
	}
}

func TestInterpolateTransforms(t *testing.T) {
	cases := []struct {
		from, to string
		t        float64
		want     string // the expected list, as a transform declaration
		ok       bool
	}{
		{"transform: translateX(0px)", "transform: translateX(100px)", 0.5, "transform: translateX(50px)", true},
		{"transform: none", "transform: rotate(90deg)", 0.5, "transform: rotate(45deg)", true},
		{"transform: scale(2) translate(10%, 0)", "transform: none", 0.5, "transform: scale(1.5) translate(5%, 0)", true},
		{"transform: rotate(0deg) scale(1)", "transform: rotate(180deg) scale(3)", 0.5, "transform: rotate(90deg) scale(2)", true},
		// Functions that do not pair meet as matrices: scale(1) → rotate(90deg)
		// passes through rotate(45deg) (Chromium: matrix(0.707107, 0.707107,
		// -0.707107, 0.707107, 0, 0)).
		{"transform: scale(1)", "transform: rotate(90deg)", 0.5, "transform: matrix(0.70710677, 0.70710677, -0.70710677, 0.70710677, 0, 0)", true},
		{"transform: translateX(10px) scale(2)", "transform: translateX(20px) rotate(0deg)", 0.5, "transform: translateX(15px) matrix(1.5, 0, 0, 1.5, 0, 0)", true},
		// Percentages meet the matrix through the box (100×50 here).
		{"transform: translate(50%, 50%)", "transform: scale(1)", 0.5, "transform: matrix(1, 0, 0, 1, 25, 12.5)", true},
		// 3D remainders decompose: rotateX(10deg) → scale(2) at 40% is
		// rotateX(6deg) scale(1.4, 1.4, 1).
		{"transform: rotateX(10deg)", "transform: scale(2)", 0.4,
			"transform: matrix3d(1.4, 0, 0, 0, 0, 1.3923306, 0.14633985, 0, 0, -0.104528464, 0.9945219, 0, 0, 0, 0, 1)", true},
		{"transform: translateZ(10px) rotateY(0deg)", "transform: translateZ(30px) rotateY(90deg)", 0.5, "transform: translateZ(20px) rotateY(45deg)", true},
		{"transform: rotateX(0deg)", "transform: rotateY(90deg)", 0.5,
			"transform: matrix3d(0.70710677, 0, -0.70710677, 0, 0, 1, 0, 0, 0.70710677, 0, 0.70710677, 0, 0, 0, 0, 1)", true},
		{"transform: scale(0)", "transform: rotateX(20deg)", 0.4, "transform: scale(0)", false},
		{"transform: perspective(100px)", "transform: perspective(none)", 0.5, "transform: perspective(200px)", true},
	}
	for _, c := range cases {
		a, b := Get(style.PropTransform, computed(t, c.from)), Get(style.PropTransform, computed(t, c.to))
		want := Get(style.PropTransform, computed(t, c.want))
		var out Value
		ok := Interpolate(style.PropTransform, &a, &b, c.t, &out, Box{Width: 100, Height: 50})
		if ok != c.ok || !closeTransforms(out.Transform, want.Transform) {
			t.Errorf("%s → %s at %v: %+v ok=%v, want %+v ok=%v", c.from, c.to, c.t, out.Transform, ok, want.Transform, c.ok)
		}
	}
}

func closeTransforms(a, b []style.TransformFn) bool {
	if len(a) != len(b) {
		return false
	}
	near := func(x, y float32) bool { return math.Abs(float64(x-y)) < 1e-4 }
	for i := range a {
		if a[i].Kind != b[i].Kind {
			return false
		}
		for j := range a[i].Args {
			if !near(a[i].Args[j], b[i].Args[j]) {
				return false
			}
		}
		for j := range a[i].Len {
			if a[i].Len[j].Kind != b[i].Len[j].Kind || !near(a[i].Len[j].Px, b[i].Len[j].Px) || !near(a[i].Len[j].Pct, b[i].Len[j].Pct) {
				return false
			}
		}
	}
	return true
}

func TestGetSetRoundTrip(t *testing.T) {
	src := computed(t, "width: 10px; height: 20%; margin: 1px 2px 3px 4px; padding: 5px; top: 6px; border: 2px solid red; "+
		"border-radius: 7px 8px; opacity: 0.3; z-index: 5; background-color: blue; transform: rotate(10deg); "+
		"transform-origin: 0 0; box-shadow: 1px 1px red; filter: blur(1px); flex: 2 3 40px; row-gap: 3px; "+
		"background-size: 10px 20px; background-position: 1px 2px; mask-position: 3px 4px; text-decoration-color: green")
	var dst style.Computed
	for _, p := range AnimatableProperties {
		v := Get(p, src)
		Set(p, &dst, &v)
		w := Get(p, &dst)
		if !Equal(p, &v, &w) {
			t.Errorf("%s does not round-trip", p.Name())
		}
	}
	if len(AnimatableProperties) < 45 {
		t.Errorf("only %d animatable properties", len(AnimatableProperties))
	}
	for _, p := range []style.PropID{style.PropColor, style.PropFontSize, style.PropVisibility, style.PropLineHeight, style.PropTextShadow} {
		if Animatable(p) {
			t.Errorf("%s is animatable; spec §2.7 says not", p.Name())
		}
	}
}

// Decomposing and recomposing gives the matrix back, perspective, skew and
// a flip included.
func TestDecompose3RoundTrip(t *testing.T) {
	lists := []string{
		"transform: perspective(400px) translate3d(10px, 20px, 30px) rotate3d(1, 2, 3, 40deg) skew(10deg, 5deg) scale3d(2, 3, 0.5)",
		"transform: scale(-1, 1) rotate(30deg)",
		"transform: matrix3d(1, 0.2, 0.1, 0.001, 0.3, 1, 0, 0.002, 0, 0.1, 1, 0, 5, 6, 7, 1)",
	}
	for _, css := range lists {
		m := style.TransformMatrix(computed(t, css).Transform, 0, 0)
		d, ok := decompose3(m)
		if !ok {
			t.Fatalf("%s: not decomposable", css)
		}
		back := d.recompose()
		for i := range m {
			if math.Abs(back[i]-m[i]/m[15]) > 1e-9 {
				t.Errorf("%s: element %d is %v, want %v", css, i, back[i], m[i])
				break
			}
		}
	}
}

func TestInterpolateAllocs(t *testing.T) {
	pairs := [][2]string{
		{"transform: rotateX(10deg) translate(10%, 5px)", "transform: scale(2) skew(10deg)"},
		{"transform: scale(1)", "transform: rotate(90deg)"},
		{"transform: none", "transform: rotate3d(1, 1, 0, 30deg)"},
		{"box-shadow: 1px 1px red", "box-shadow: 2px 2px 3px blue, inset 1px 1px green"},
	}
	for _, pr := range pairs {
		p := style.PropTransform
		if pr[0][0] == 'b' {
			p = style.PropBoxShadow
		}
		a, b := Get(p, computed(t, pr[0])), Get(p, computed(t, pr[1]))
		var out Value
		Interpolate(p, &a, &b, 0.3, &out, Box{Width: 10, Height: 10})
		x := 0.0
		if n := testing.AllocsPerRun(100, func() {
			x += 0.001
			Interpolate(p, &a, &b, x, &out, Box{Width: 10, Height: 10})
		}); n != 0 {
			t.Errorf("%v: %v allocations", pr, n)
		}
	}
}
