package widgets

import (
	"math"
	"strconv"

	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/style"
)

// The slider component: min (0), max (100), step (1), value (0), disabled,
// activeColor / backgroundColor (the track left and right of the value),
// block-size (12–28, default 28) and block-color; dragging the block (or
// touching the track) moves the value, snapped to step, firing changing
// {value} while the finger moves and change {value} when it lifts.
// WeChat's slider sits in 10 px × 18 px margins; it is as tall as its
// block (height follows block-size unless the page sets one), the 2 px
// track runs between the block's centres at either end.
// show-value puts the value right of the track, 14 px #888 text in a box
// at least 28 px wide 14 px after it (the slider's ::after content).
// Decision (UNVERIFIED): an absent activeColor draws WeUI 2's #07c160
// (the documented legacy default is #1aad19).

// Slider is the slider component's unit.
var Slider = Component{
	Spec:         Spec{Tag: "slider", Support: Full, Kind: Container},
	Attributes:   SliderAttributes,
	DefaultStyle: "margin: 10px 18px; flex-shrink: 0;",
	Sheet: `
.wx-slider-show-value { flex-direction: row; align-items: center; justify-content: flex-end; }
.wx-slider-show-value::after { content: ""; margin-left: 14px; min-width: 28px; font-size: 14px; color: #888888; }
`,
	Control: &Control{Kind: ControlSlider, Paint: paintSlider, Follows: func(a Attrs) string {
		return String(a, "value", "0")
	}, Size: func(a Attrs) (w, h float32) { return 0, sliderBlock(a) },
		Classes: func(dst []string, a Attrs, s *State) []string {
			if Bool(a, "show-value") {
				dst = append(dst, "wx-slider-show-value")
			}
			return dst
		},
		Trail: func(a Attrs, s *State) (string, bool) {
			return strconv.FormatFloat(s.Value, 'f', -1, 64), Bool(a, "show-value")
		}},
}

// sliderValueGap is the margin between the track and the shown value.
const sliderValueGap = 14

// SliderAttributes are slider's own attributes with WeChat's defaults.
var SliderAttributes = []Attribute{
	{Name: "min", Type: AttrNumber, Default: "0"},
	{Name: "max", Type: AttrNumber, Default: "100"},
	{Name: "step", Type: AttrNumber, Default: "1"},
	{Name: "disabled", Type: AttrBool, Default: "false"},
	{Name: "value", Type: AttrNumber, Default: "0"},
	{Name: "color", Type: AttrString, Default: "#e9e9e9"},
	{Name: "selected-color", Type: AttrString, Default: "#1aad19"},
	{Name: "activeColor", Type: AttrString, Default: "#1aad19"},
	{Name: "backgroundColor", Type: AttrString, Default: "#e9e9e9"},
	{Name: "block-size", Type: AttrNumber, Default: "28"},
	{Name: "block-color", Type: AttrString, Default: "#ffffff"},
	{Name: "show-value", Type: AttrBool, Default: "false"},
}

func sliderBlock(a Attrs) float32 {
	return float32(min(max(Number(a, "block-size", 28), 12), 28))
}

// sliderRange is min, max and step as WeChat reads them (step ≤ 0 is 1;
// max below min is min).
func sliderRange(a Attrs) (lo, hi, step float64) {
	lo, hi, step = Number(a, "min", 0), Number(a, "max", 100), Number(a, "step", 1)
	if step <= 0 {
		step = 1
	}
	return lo, max(hi, lo), step
}

// sliderValue clamps v to the range and snaps it to step from min.
func sliderValue(a Attrs, v float64) float64 {
	lo, hi, step := sliderRange(a)
	v = min(max(v, lo), hi)
	v = lo + math.Round((v-lo)/step)*step
	if v > hi {
		v -= step
	}
	// Keep decimal steps tidy (0.1 × 3 is 0.30000000000000004).
	return math.Round(v*1e9) / 1e9
}

// sliderTrack is the track's ends and centre line in CSS px.
func sliderTrack(b Box, a Attrs) (x0, x1, cy float32) {
	x, y, w, h := b.inner(sliderValueGap)
	r := sliderBlock(a) / 2
	return x + r, x + max(w-r, r), y + h/2
}

// SliderValueAt is the value a touch at page x means on slider box b.
func SliderValueAt(b Box, a Attrs, x float32) float64 {
	x0, x1, _ := sliderTrack(b, a)
	lo, hi, _ := sliderRange(a)
	f := 0.0
	if x1 > x0 {
		f = float64((x - x0) / (x1 - x0))
	}
	return sliderValue(a, lo+min(max(f, 0), 1)*(hi-lo))
}

func paintSlider(c Canvas, b Box, st *style.Computed, a Attrs, s *State) {
	x0, x1, cy := sliderTrack(b, a)
	lo, hi, _ := sliderRange(a)
	f := float32(0)
	if hi > lo {
		f = float32((s.Value - lo) / (hi - lo))
	}
	bx := x0 + (x1-x0)*f
	bg := ColorAttr(a, "backgroundColor", ColorAttr(a, "color", style.Color{R: 0xe9, G: 0xe9, B: 0xe9, A: 255}))
	fg := ColorAttr(a, "activeColor", ColorAttr(a, "selected-color", weuiGreen))
	alpha := float32(1)
	if Disabled(a) {
		alpha = 0.5
	}
	c.Fill(raster.RRect{Rect: raster.XYWH(x0, cy-1, x1-x0, 2), Radii: uniform(1)}, withAlpha(bg, alpha))
	if bx > x0 {
		c.Fill(raster.RRect{Rect: raster.XYWH(x0, cy-1, bx-x0, 2), Radii: uniform(1)}, withAlpha(fg, alpha))
	}
	r := sliderBlock(a) / 2
	p := c.Path()
	circle(p, bx, cy+1, r+0.5, true)
	c.FillPath(p, withAlpha(style.Color{A: 40}, alpha))
	p.Reset()
	circle(p, bx, cy, r, true)
	c.FillPath(p, ColorAttr(a, "block-color", style.White)) // opaque: the track must not show through
}
