package widgets

import (
	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/style"
)

// checkbox and checkbox-group: a checkbox has value, checked, disabled and
// color; a tap toggles it (unless disabled) and its checkbox-group fires
// change {value: [the values of its checked checkboxes, in document
// order]}. The checkbox draws a 22 px box (1 px #d1d1d1 border, 3 px
// corners, white) in its left 27 px — its padding, so its children (a
// label text) follow it — and, when checked, a checkmark in color.
// Decision (UNVERIFIED): an absent color draws WeUI 2's #07c160 (the
// documented default is the legacy #09BB07); a disabled box is #e1e1e1
// with a grey mark.

// Checkbox is the checkbox component's unit.
var Checkbox = Component{
	Spec:         Spec{Tag: "checkbox", Support: Full, Kind: Container},
	Attributes:   CheckboxAttributes,
	DefaultStyle: "flex-direction: row; align-items: center; padding-left: 27px; min-height: 24px; flex-shrink: 0;",
	Control:      &Control{Kind: ControlCheckbox, Paint: paintCheckbox, Follows: checkedKey, Group: "checkbox-group"},
}

// CheckboxGroup is checkbox-group: it fires change for its checkboxes.
var CheckboxGroup = Component{
	Spec:    Spec{Tag: "checkbox-group", Support: Full, Kind: Container},
	Control: &Control{Kind: ControlGroup},
}

// CheckboxAttributes are checkbox's own attributes with WeChat's defaults.
var CheckboxAttributes = []Attribute{
	{Name: "value", Type: AttrString, Default: ""},
	{Name: "disabled", Type: AttrBool, Default: "false"},
	{Name: "checked", Type: AttrBool, Default: "false"},
	{Name: "color", Type: AttrString, Default: "#09BB07"},
}

var (
	controlBorder   = style.Color{R: 0xd1, G: 0xd1, B: 0xd1, A: 255}
	controlDisabled = style.Color{R: 0xe1, G: 0xe1, B: 0xe1, A: 255}
	markDisabled    = style.Color{R: 0xad, G: 0xad, B: 0xad, A: 255}
)

// indicator is the 22 px square a checkbox or radio draws at the left of
// its content box's row, centred on the first 24 px line.
func indicator(b Box) (x, y float32) {
	x = b.X + b.Border[3]
	y = b.Y + b.Border[0] + b.Padding[0]
	h := b.H - b.Border[0] - b.Border[2] - b.Padding[0] - b.Padding[2]
	return x, y + (max(h, 22)-22)/2
}

// checkmark appends the check of a 22 px indicator at (x, y).
func checkmark(p *raster.Path, x, y, s float32) {
	k := s / 22
	stroke(p, 2*k, raster.Point{X: x + 5.5*k, Y: y + 11.5*k}, raster.Point{X: x + 9.5*k, Y: y + 15.5*k}, raster.Point{X: x + 16.5*k, Y: y + 7.5*k})
}

func paintCheckbox(c Canvas, b Box, st *style.Computed, a Attrs, s *State) {
	x, y := indicator(b)
	box := raster.RRect{Rect: raster.XYWH(x, y, 22, 22), Radii: uniform(3)}
	c.Fill(box, controlBorder)
	fill := style.White
	mark := ColorAttr(a, "color", weuiGreen)
	if Disabled(a) {
		fill, mark = controlDisabled, markDisabled
	}
	c.Fill(raster.RRect{Rect: raster.XYWH(x+1, y+1, 20, 20), Radii: uniform(2)}, fill)
	if s.Checked {
		p := c.Path()
		checkmark(p, x, y, 22)
		c.FillPath(p, mark)
	}
}
