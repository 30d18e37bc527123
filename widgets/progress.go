package widgets

import (
	"strconv"

	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/style"
)

// The progress component: percent (0–100), stroke-width (6), activeColor
// and backgroundColor (the done and remaining parts; color is the older
// name of activeColor), border-radius (0) of both. Spec §4.0 lists
// progress as not planned in Skyline; we draw it as WeChat's WebView does
// since pages use it. The bar is as tall as stroke-width (unless the page
// sets a height) and fills the content box's width, centred vertically.
// show-info puts the percentage 15 px right of the bar in 16 px text (the
// progress's ::after content); the font-size attribute is not applied.
// Decisions (UNVERIFIED): an absent activeColor draws WeUI 2's #07c160
// (documented legacy default #09BB07); active (the fill animation) is not
// run.

// Progress is the progress component's unit.
var Progress = Component{
	Spec:       Spec{Tag: "progress", Support: Basic, Kind: Container},
	Attributes: ProgressAttributes,
	Sheet: `
.wx-progress-show-info { flex-direction: row; align-items: center; justify-content: flex-end; }
.wx-progress-show-info::after { content: ""; margin-left: 15px; min-width: 32px; font-size: 16px; }
`,
	Control: &Control{Kind: ControlStatic, Paint: paintProgress, Size: func(a Attrs) (w, h float32) {
		if Bool(a, "show-info") {
			return 0, 0 // as tall as the percentage's line
		}
		return 0, progressStroke(a)
	}, Classes: func(dst []string, a Attrs, s *State) []string {
		if Bool(a, "show-info") {
			dst = append(dst, "wx-progress-show-info")
		}
		return dst
	}, Trail: func(a Attrs, s *State) (string, bool) {
		return strconv.FormatFloat(progressPercent(a), 'f', -1, 64) + "%", Bool(a, "show-info")
	}},
}

func progressPercent(a Attrs) float64 { return min(max(Number(a, "percent", 0), 0), 100) }

// ProgressAttributes are progress's own attributes with WeChat's defaults.
var ProgressAttributes = []Attribute{
	{Name: "percent", Type: AttrNumber, Default: "0"},
	{Name: "show-info", Type: AttrBool, Default: "false"},
	{Name: "border-radius", Type: AttrNumber, Default: "0"},
	{Name: "font-size", Type: AttrNumber, Default: "16"},
	{Name: "stroke-width", Type: AttrNumber, Default: "6"},
	{Name: "color", Type: AttrString, Default: "#09BB07"},
	{Name: "activeColor", Type: AttrString, Default: "#09BB07"},
	{Name: "backgroundColor", Type: AttrString, Default: "#EBEBEB"},
	{Name: "active", Type: AttrBool, Default: "false"},
	{Name: "active-mode", Type: AttrString, Default: "backwards"},
	{Name: "duration", Type: AttrNumber, Default: "30"},
}

func progressStroke(a Attrs) float32 { return float32(max(Number(a, "stroke-width", 6), 0)) }

func paintProgress(c Canvas, b Box, st *style.Computed, a Attrs, s *State) {
	x, y, w, h := b.inner(15)
	sw := progressStroke(a)
	y += (h - sw) / 2
	r := float32(max(Number(a, "border-radius", 0), 0))
	r = min(r, sw/2)
	pct := float32(progressPercent(a))
	bg := ColorAttr(a, "backgroundColor", style.Color{R: 0xeb, G: 0xeb, B: 0xeb, A: 255})
	fg := ColorAttr(a, "activeColor", ColorAttr(a, "color", weuiGreen))
	c.Fill(raster.RRect{Rect: raster.XYWH(x, y, w, sw), Radii: uniform(r)}, bg)
	if pct > 0 {
		c.Fill(raster.RRect{Rect: raster.XYWH(x, y, w*pct/100, sw), Radii: uniform(r)}, fg)
	}
}
