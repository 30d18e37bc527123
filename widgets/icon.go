package widgets

import (
	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/style"
)

// The icon component: type (WeUI's success, success_no_circle, info, warn,
// waiting, cancel, download, search, clear), size (23 px; the box takes it
// on any axis the page leaves auto) and color (each type's WeUI colour
// when absent). Icons are drawn as vectors in a size × size square centred
// in the content box, after WeUI's glyphs: a filled circle with a white
// mark for success, info, warn, waiting, cancel, download and clear; the
// bare mark for success_no_circle and search. An unknown type draws
// nothing.

// Icon is the icon component's unit.
var Icon = Component{
	Spec:         Spec{Tag: "icon", Support: Full, Kind: Container},
	Attributes:   IconAttributes,
	DefaultStyle: "flex-shrink: 0;",
	Control: &Control{Kind: ControlStatic, Paint: paintIcon, Size: func(a Attrs) (w, h float32) {
		s := iconSize(a)
		return s, s
	}},
}

// IconAttributes are icon's own attributes with WeChat's defaults.
var IconAttributes = []Attribute{
	{Name: "type", Type: AttrString, Default: ""},
	{Name: "size", Type: AttrNumber, Default: "23"},
	{Name: "color", Type: AttrString, Default: ""},
}

func iconSize(a Attrs) float32 { return float32(max(Number(a, "size", 23), 0)) }

// iconColors are the WeUI colours of each type.
var iconColors = map[string]style.Color{
	"success": weuiGreen, "success_no_circle": weuiGreen, "download": weuiGreen,
	"info": weuiBlue, "waiting": weuiBlue,
	"warn": weuiRed, "cancel": weuiRed,
	"search": weuiGrey, "clear": weuiGrey,
}

func paintIcon(c Canvas, b Box, st *style.Computed, a Attrs, s *State) {
	typ := String(a, "type", "")
	col, ok := iconColors[typ]
	if !ok {
		return
	}
	col = ColorAttr(a, "color", col)
	x, y, w, h := b.Content()
	z := iconSize(a)
	x += (w - z) / 2
	y += (h - z) / 2
	k := z / 24 // the marks are designed on a 24 px grid
	pt := func(px, py float32) raster.Point { return raster.Point{X: x + px*k, Y: y + py*k} }
	p := c.Path()
	disc := func() {
		circle(p, x+z/2, y+z/2, z/2, true)
		c.FillPath(p, col)
		p.Reset()
	}
	white := style.White
	switch typ {
	case "success":
		disc()
		stroke(p, 2*k, pt(6.5, 12.5), pt(10.5, 16.5), pt(17.5, 8.5))
		c.FillPath(p, white)
	case "success_no_circle":
		stroke(p, 2.4*k, pt(3.5, 12.5), pt(9, 18), pt(20.5, 6))
		c.FillPath(p, col)
	case "info":
		disc()
		circle(p, x+12*k, y+7*k, 1.5*k, true)
		stroke(p, 2.4*k, pt(12, 11), pt(12, 18))
		c.FillPath(p, white)
	case "warn":
		disc()
		stroke(p, 2.4*k, pt(12, 6), pt(12, 13.5))
		circle(p, x+12*k, y+17.5*k, 1.5*k, true)
		c.FillPath(p, white)
	case "waiting":
		disc()
		stroke(p, 2*k, pt(12, 6), pt(12, 12.5), pt(16.5, 15))
		c.FillPath(p, white)
	case "cancel", "clear":
		disc()
		stroke(p, 2*k, pt(8, 8), pt(16, 16))
		stroke(p, 2*k, pt(16, 8), pt(8, 16))
		c.FillPath(p, white)
	case "download":
		disc()
		stroke(p, 2*k, pt(12, 6), pt(12, 16))
		stroke(p, 2*k, pt(8, 12.5), pt(12, 16.5), pt(16, 12.5))
		stroke(p, 2*k, pt(7.5, 18.5), pt(16.5, 18.5))
		c.FillPath(p, white)
	case "search":
		ring(p, x+10.5*k, y+10.5*k, 6.5*k, 2*k)
		stroke(p, 2.2*k, pt(15.5, 15.5), pt(20.5, 20.5))
		c.FillPath(p, col)
	}
}
