package widgets

import (
	"github.com/skyline-go/skyline/style"
)

// radio and radio-group: a radio has value, checked, disabled and color;
// a tap selects it (a checked radio stays checked), unchecks the other
// radios of its radio-group, and the group fires change {value: the
// selected value}. The radio draws a 22 px circle (1 px #d1d1d1 border,
// white) in its left 27 px; checked, the circle fills with color and
// shows a white checkmark, as WeChat draws it. Decisions as for checkbox.

// Radio is the radio component's unit.
var Radio = Component{
	Spec:         Spec{Tag: "radio", Support: Full, Kind: Container},
	Attributes:   RadioAttributes,
	DefaultStyle: "flex-direction: row; align-items: center; padding-left: 27px; min-height: 24px; flex-shrink: 0;",
	Control:      &Control{Kind: ControlRadio, Paint: paintRadio, Follows: checkedKey, Group: "radio-group"},
}

// RadioGroup is radio-group: it keeps one radio checked and fires change.
var RadioGroup = Component{
	Spec:    Spec{Tag: "radio-group", Support: Full, Kind: Container},
	Control: &Control{Kind: ControlGroup},
}

// RadioAttributes are radio's own attributes with WeChat's defaults.
var RadioAttributes = []Attribute{
	{Name: "value", Type: AttrString, Default: ""},
	{Name: "checked", Type: AttrBool, Default: "false"},
	{Name: "disabled", Type: AttrBool, Default: "false"},
	{Name: "color", Type: AttrString, Default: "#09BB07"},
}

func paintRadio(c Canvas, b Box, st *style.Computed, a Attrs, s *State) {
	x, y := indicator(b)
	col := ColorAttr(a, "color", weuiGreen)
	p := c.Path()
	switch {
	case s.Checked:
		if Disabled(a) {
			col = markDisabled
		}
		circle(p, x+11, y+11, 11, true)
		c.FillPath(p, col)
		p.Reset()
		checkmark(p, x, y, 22)
		c.FillPath(p, style.White)
	default:
		circle(p, x+11, y+11, 11, true)
		c.FillPath(p, controlBorder)
		p.Reset()
		circle(p, x+11, y+11, 10, true)
		if Disabled(a) {
			c.FillPath(p, controlDisabled)
		} else {
			c.FillPath(p, style.White)
		}
	}
}
