package widgets

import (
	"math"

	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/style"
)

// The button component (spec §4.12; WeChat's button docs, WeUI 2 look):
// type default / primary / warn, size mini, plain, disabled, loading (a
// spinner before the label), hover-class "button-hover" with
// hover-start-time 20 and hover-stay-time 70, form-type submit / reset
// (the host's form walk) and open-type (OpenTypeEvent: its event fires
// with a failure, since the platform part is the host's). Its whole look is default CSS: the attributes
// become state classes (wx-button-primary, …) that the default sheet
// styles, with the specificity (0,1,0) that WeChat's
// `button[type=primary]` rules have over an author's `button { }`.
//
// Sizes (decisions from WeUI 2's .weui-btn, at 1×): a default button is
// 184 px wide, centred by auto margins, 46 px tall (11 px padding + a
// 24 px line), 17 px bold text, 8 px corners; mini is as wide as its label
// plus 12 px each side, 32 px tall, 13 px text, 4 px corners. Colours:
// default #f2f2f2 with #06ae56 text, primary #07c160 with white, warn
// #f2f2f2 with #fa5151 text (WeUI 2; older builds filled warn red),
// disabled rgba(0,0,0,.18) text on rgba(0,0,0,.05); plain drops the fill
// for a 1 px border in the text colour.

// Button is the button component's unit.
var Button = Component{
	Spec:       Spec{Tag: "button", Support: Full, Kind: Container},
	Attributes: ButtonAttributes,
	DefaultStyle: "position: relative; flex-direction: row; justify-content: center; align-items: center; " +
		"width: 184px; margin-left: auto; margin-right: auto; padding: 11px 24px; " +
		"font-size: 17px; font-weight: 700; line-height: 24px; text-align: center; " +
		"border-radius: 8px; overflow: hidden; color: #06ae56; background-color: #f2f2f2;",
	Control: &Control{Kind: ControlButton, HoverClass: "button-hover", Classes: buttonClasses, Paint: paintButton},
	Sheet: `
.wx-button-mini { width: auto; margin-left: 0; margin-right: 0; align-self: flex-start; padding: 0 12px; line-height: 32px; font-size: 13px; border-radius: 4px; }
.wx-button-primary { color: #ffffff; background-color: #07c160; }
.wx-button-warn { color: #fa5151; background-color: #f2f2f2; }
.button-hover { background-color: #e6e6e6; }
.wx-button-primary.button-hover { background-color: #06ad56; }
.wx-button-plain { color: #353535; background-color: transparent; border: 1px solid #353535; }
.wx-button-plain.wx-button-primary { color: #07c160; border-color: #07c160; }
.wx-button-plain.wx-button-warn { color: #fa5151; border-color: #fa5151; }
.wx-button-plain.button-hover { background-color: rgba(0, 0, 0, 0.05); }
.wx-button-disabled { color: rgba(0, 0, 0, 0.18); background-color: rgba(0, 0, 0, 0.05); }
.wx-button-disabled.wx-button-plain { background-color: transparent; border-color: rgba(0, 0, 0, 0.2); }
.wx-button-loading::before { content: ""; width: 18px; height: 18px; margin-right: 6px; flex-shrink: 0; }
.wx-button-mini.wx-button-loading::before { content: ""; width: 18px; height: 18px; margin-right: 6px; flex-shrink: 0; }
`,
}

// ButtonAttributes are button's own attributes with WeChat's defaults
// (the open-type family is listed; its platform part is the host's).
var ButtonAttributes = []Attribute{
	{Name: "size", Type: AttrString, Default: "default"},
	{Name: "type", Type: AttrString, Default: "default"},
	{Name: "plain", Type: AttrBool, Default: "false"},
	{Name: "disabled", Type: AttrBool, Default: "false"},
	{Name: "loading", Type: AttrBool, Default: "false"},
	{Name: "form-type", Type: AttrString, Default: ""},
	{Name: "open-type", Type: AttrString, Default: ""},
	{Name: "hover-class", Type: AttrString, Default: "button-hover"},
	{Name: "hover-stop-propagation", Type: AttrBool, Default: "false"},
	{Name: "hover-start-time", Type: AttrNumber, Default: "20"},
	{Name: "hover-stay-time", Type: AttrNumber, Default: "70"},
}

func buttonClasses(dst []string, a Attrs, s *State) []string {
	switch String(a, "type", "default") {
	case "primary":
		dst = append(dst, "wx-button-primary")
	case "warn":
		dst = append(dst, "wx-button-warn")
	}
	if String(a, "size", "default") == "mini" {
		dst = append(dst, "wx-button-mini")
	}
	if Bool(a, "plain") {
		dst = append(dst, "wx-button-plain")
	}
	if Disabled(a) {
		dst = append(dst, "wx-button-disabled")
	}
	if Bool(a, "loading") {
		dst = append(dst, "wx-button-loading")
	}
	return dst
}

// paintButton draws a loading button's spinner in its ::before box.
func paintButton(c Canvas, b Box, st *style.Computed, a Attrs, s *State) {
	if !Bool(a, "loading") || b.Lead == nil {
		return
	}
	l := b.Lead
	x, y, w, h := l.Content()
	r := min(w, h) / 2
	cx, cy := x+w/2, y+h/2
	col := st.Color
	p := c.Path()
	for i := 0; i < 12; i++ {
		ang := float64(i) * math.Pi / 6
		sn, cs := float32(math.Sin(ang)), float32(math.Cos(ang))
		p.Reset()
		stroke(p, r*0.18, raster.Point{X: cx + sn*r*0.5, Y: cy - cs*r*0.5}, raster.Point{X: cx + sn*r*0.92, Y: cy - cs*r*0.92})
		c.FillPath(p, withAlpha(col, 0.15+0.85*float32(i)/11))
	}
}

// openTypes maps a button's open-type to the event its tap fires (bind
// name without "bind") and the platform API behind it. The platform part
// is the host's: a renderer without one fires the event with detail
// {errMsg: "<api>:fail …"} and warns; "" events fire nothing (share goes to
// the page's onShareAppMessage, feedback opens a platform page).
var openTypes = map[string][2]string{
	"contact":                   {"contact", "openCustomerServiceChat"},
	"share":                     {"", "share"},
	"getPhoneNumber":            {"getphonenumber", "getPhoneNumber"},
	"getRealtimePhoneNumber":    {"getrealtimephonenumber", "getRealtimePhoneNumber"},
	"getUserInfo":               {"getuserinfo", "getUserInfo"},
	"launchApp":                 {"error", "launchApp"},
	"openSetting":               {"opensetting", "openSetting"},
	"feedback":                  {"", "feedback"},
	"chooseAvatar":              {"chooseavatar", "chooseAvatar"},
	"agreePrivacyAuthorization": {"agreeprivacyauthorization", "agreePrivacyAuthorization"},
}

// OpenTypeEvent is the event a tap on a button of open-type fires and the
// platform API it stands for; ok is false for an open-type WeChat does not
// have (or none).
func OpenTypeEvent(openType string) (event, api string, ok bool) {
	e, ok := openTypes[openType]
	return e[0], e[1], ok
}
