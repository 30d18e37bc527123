package widgets

import (
	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/style"
)

// The switch component: checked, disabled, type (switch; "checkbox" draws
// a checkbox), color; a tap toggles it and fires change {value: bool}. Its
// box is 52 × 32 px; the track (a 16 px pill, rgba(0,0,0,.1) when off,
// color when on) and the 28 px white knob with its shadow are drawn.
// Decision (UNVERIFIED): an absent color draws WeUI 2's #07c160, not the
// documented legacy default #04BE02, as current WeChat builds do; disabled
// draws at half opacity.

// Switch is the switch component's unit.
var Switch = Component{
	Spec:         Spec{Tag: "switch", Support: Full, Kind: Container},
	Attributes:   SwitchAttributes,
	DefaultStyle: "width: 52px; height: 32px; flex-shrink: 0;",
	Control:      &Control{Kind: ControlSwitch, Paint: paintSwitch, Follows: checkedKey},
}

// SwitchAttributes are switch's own attributes with WeChat's defaults.
var SwitchAttributes = []Attribute{
	{Name: "checked", Type: AttrBool, Default: "false"},
	{Name: "disabled", Type: AttrBool, Default: "false"},
	{Name: "type", Type: AttrString, Default: "switch"},
	{Name: "color", Type: AttrString, Default: "#04BE02"},
}

// checkedKey is the attribute text a checked state follows.
func checkedKey(a Attrs) string {
	if Bool(a, "checked") {
		return "1"
	}
	return "0"
}

func paintSwitch(c Canvas, b Box, st *style.Computed, a Attrs, s *State) {
	if String(a, "type", "switch") == "checkbox" {
		paintCheckbox(c, b, st, a, s)
		return
	}
	x, y, _, h := b.Content()
	y += (h - 32) / 2
	on := ColorAttr(a, "color", weuiGreen)
	f := float32(1)
	if Disabled(a) {
		f = 0.5
	}
	track := raster.RRect{Rect: raster.XYWH(x, y, 52, 32), Radii: uniform(16)}
	knobX := x + 2 + 14
	if s.Checked {
		c.Fill(track, withAlpha(on, f))
		knobX = x + 52 - 2 - 14
	} else {
		c.Fill(track, withAlpha(style.Color{A: 26}, f))
	}
	p := c.Path()
	circle(p, knobX, y+16+1, 14.5, true)
	c.FillPath(p, withAlpha(style.Color{A: 30}, f))
	p.Reset()
	circle(p, knobX, y+16, 14, true)
	c.FillPath(p, withAlpha(style.White, f))
}
