package engine

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/style"
)

// Form controls driven through the touch stream with a fixed clock (ms):
// the handler calls they queue carry WeChat's detail shapes.

func loadGallery(t *testing.T, name string) *Page {
	t.Helper()
	p, err := Load("../testdata/pages/"+name, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2})
	p.Update()
	return p
}

func elByID(t *testing.T, p *Page, id string) *Node {
	t.Helper()
	var found *Node
	p.Root().Walk(func(n *Node) bool {
		if found == nil && n.Kind == ElementNode && n.ID() == id {
			found = n
		}
		return found == nil
	})
	if found == nil {
		t.Fatalf("no element #%s", id)
	}
	return found
}

// centre is the middle of element id's border box.
func centre(t *testing.T, p *Page, id string) (x, y float64) {
	t.Helper()
	p.Update()
	b := p.controlBox(elByID(t, p, id))
	if b == nil {
		t.Fatalf("#%s has no box", id)
	}
	return float64(b.X + b.W/2), float64(b.Y + b.H/2)
}

// tapID taps element id at its centre at time t.
func tapID(t *testing.T, p *Page, id string, at float64) {
	t.Helper()
	x, y := centre(t, p, id)
	p.Tap(x, y, at)
}

// calls returns the queued handler calls as "handler type detail-json".
func controlCalls(p *Page) []string {
	var out []string
	for _, c := range p.DrainHandlerCalls() {
		b, _ := json.Marshal(c.Event.Detail)
		out = append(out, c.Handler+" "+c.Event.Type+" "+string(b))
	}
	return out
}

func wantCalls(t *testing.T, p *Page, want ...string) {
	t.Helper()
	got := controlCalls(p)
	if !slices.Equal(got, want) {
		t.Errorf("handler calls:\n got %q\nwant %q", got, want)
	}
}

func TestSwitchToggle(t *testing.T) {
	p := loadGallery(t, "gallery-form")
	tapID(t, p, "sw", 0)
	wantCalls(t, p, `onSwitch change {"value":true}`)
	if !p.ctlState(elByID(t, p, "sw")).Checked {
		t.Error("switch not checked after a tap")
	}
	tapID(t, p, "sw", 500)
	wantCalls(t, p, `onSwitch change {"value":false}`)
	// Disabled: nothing changes, nothing fires.
	tapID(t, p, "sw-off", 1000)
	wantCalls(t, p)
	if !p.ctlState(elByID(t, p, "sw-off")).Checked {
		t.Error("a tap changed a disabled switch")
	}
}

// A checked checkbox counts in its group's value even when disabled (cb-e).
func TestCheckboxGroupChange(t *testing.T) {
	p := loadGallery(t, "gallery-form")
	tapID(t, p, "cb-a", 0)
	wantCalls(t, p, `onFruit change {"value":["a","b","e"]}`)
	tapID(t, p, "cb-c", 500)
	wantCalls(t, p, `onFruit change {"value":["a","b","c","e"]}`)
	tapID(t, p, "cb-b", 1000)
	wantCalls(t, p, `onFruit change {"value":["a","c","e"]}`)
	tapID(t, p, "cb-d", 1500) // disabled
	wantCalls(t, p)
}

func TestLabelTapTogglesItsControl(t *testing.T) {
	p := loadGallery(t, "gallery-form")
	// The text of the label wrapping cb-c: right of the checkbox's 27 px.
	b := p.controlBox(elByID(t, p, "cb-c"))
	p.Tap(float64(b.X+b.W+30), float64(b.Y+b.H/2), 0)
	wantCalls(t, p, `onFruit change {"value":["b","c","e"]}`)
	// label for="sw-for" toggles the switch it names.
	tapID(t, p, "lb", 500)
	if !p.ctlState(elByID(t, p, "sw-for")).Checked {
		t.Error("label for did not toggle its switch")
	}
	wantCalls(t, p) // sw-for has no bindchange
}

func TestRadioGroupChange(t *testing.T) {
	p := loadGallery(t, "gallery-form")
	tapID(t, p, "r-l", 0)
	wantCalls(t, p, `onSize change {"value":"L"}`)
	if p.ctlState(elByID(t, p, "r-m")).Checked || !p.ctlState(elByID(t, p, "r-l")).Checked {
		t.Error("selecting L did not uncheck M")
	}
	tapID(t, p, "r-l", 500)  // already checked
	tapID(t, p, "r-x", 1000) // disabled
	wantCalls(t, p)
}

func TestSliderDrag(t *testing.T) {
	p := loadGallery(t, "gallery-form")
	b := p.controlBox(elByID(t, p, "sl"))
	// The track runs between the block's centres: 14 px in from each end.
	x0, x1 := float64(b.X+14), float64(b.X+b.W-14)
	y := float64(b.Y + b.H/2)
	at := func(f float64) float64 { return x0 + (x1-x0)*f }
	p.TouchStart(0, at(0.3), y, 0) // on the block: value stays 30
	p.TouchMove(0, at(0.5), y, 16)
	p.TouchMove(0, at(0.75), y, 32)
	p.TouchMove(0, at(1.4), y, 48) // past the end: clamped
	p.TouchEnd(0, at(1.4), y, 64)
	wantCalls(t, p, `onChanging changing {"value":50}`, `onChanging changing {"value":75}`,
		`onChanging changing {"value":100}`, `onSlide change {"value":100}`)

	// Stepped slider: min 10, max 50, step 10 snaps.
	b = p.controlBox(elByID(t, p, "sl-step"))
	x0, x1 = float64(b.X+10), float64(b.X+b.W-10) // block-size 20
	p.TouchStart(0, x0+(x1-x0)*0.12, float64(b.Y+b.H/2), 1000)
	p.TouchEnd(0, x0+(x1-x0)*0.12, float64(b.Y+b.H/2), 1010)
	if v := p.ctlState(elByID(t, p, "sl-step")).Value; v != 10 {
		t.Errorf("stepped slider value = %v, want 10", v)
	}
	// Disabled: does not move.
	b = p.controlBox(elByID(t, p, "sl-off"))
	p.TouchStart(0, float64(b.X+20), float64(b.Y+b.H/2), 2000)
	p.TouchEnd(0, float64(b.X+20), float64(b.Y+b.H/2), 2010)
	if v := p.ctlState(elByID(t, p, "sl-off")).Value; v != 70 {
		t.Errorf("disabled slider value = %v, want 70", v)
	}

	// show-value: the value is the ::after text, right of a shorter track,
	// and follows the drag.
	n := elByID(t, p, "sl-show")
	if got := rtOf(n).after.Content; got != "64" {
		t.Errorf("shown value = %q, want 64", got)
	}
	b = p.controlBox(n)
	if b.Trail == nil || b.Trail.X < b.X+b.W-60 {
		t.Fatalf("show-value box = %+v, want one at the right end of %+v", b.Trail, b)
	}
	p.TouchStart(0, float64(b.X+14), float64(b.Y+b.H/2), 3000)
	p.TouchEnd(0, float64(b.X+14), float64(b.Y+b.H/2), 3010)
	p.Update()
	if got := rtOf(n).after.Content; got != "0" {
		t.Errorf("shown value after the drag = %q, want 0", got)
	}
}

func TestFormSubmitAndReset(t *testing.T) {
	p := loadGallery(t, "gallery-form")
	tapID(t, p, "submit", 0)
	want := map[string]any{"notify": false, "on": true, "fruit": []any{"b", "e"}, "size": "M",
		"volume": 30.0, "step": 40.0, "viaLabel": false, "shown": 64.0}
	checkSubmit(t, p, "onSubmit", want)

	// Change every control, then submit again.
	tapID(t, p, "sw", 100)
	tapID(t, p, "sw-on", 200)
	tapID(t, p, "cb-a", 300)
	tapID(t, p, "cb-c", 400)
	tapID(t, p, "cb-b", 500)
	tapID(t, p, "r-s", 600)
	tapID(t, p, "lb", 700)
	b := p.controlBox(elByID(t, p, "sl"))
	x := float64(b.X+14) + float64(b.W-28)*0.9
	p.TouchStart(0, x, float64(b.Y+b.H/2), 800)
	p.TouchEnd(0, x, float64(b.Y+b.H/2), 810)
	p.DrainHandlerCalls()
	tapID(t, p, "submit", 1000)
	want = map[string]any{"notify": true, "on": false, "fruit": []any{"a", "c", "e"}, "size": "S",
		"volume": 90.0, "step": 40.0, "viaLabel": true, "shown": 64.0}
	checkSubmit(t, p, "onSubmit", want)

	// Reset puts every control back to its attributes.
	tapID(t, p, "reset", 2000)
	wantCalls(t, p, `onReset reset {}`)
	tapID(t, p, "submit", 2500)
	want = map[string]any{"notify": false, "on": true, "fruit": []any{"b", "e"}, "size": "M",
		"volume": 30.0, "step": 40.0, "viaLabel": false, "shown": 64.0}
	checkSubmit(t, p, "onSubmit", want)
}

func checkSubmit(t *testing.T, p *Page, handler string, want map[string]any) {
	t.Helper()
	cs := p.DrainHandlerCalls()
	if len(cs) != 1 || cs[0].Handler != handler || cs[0].Event.Type != "submit" {
		t.Fatalf("calls = %+v; want one %s submit", cs, handler)
	}
	got := cs[0].Event.Detail.(map[string]any)["value"]
	if !reflect.DeepEqual(got, want) {
		t.Errorf("submit value:\n got %#v\nwant %#v", got, want)
	}
}

// bg is element id's computed background colour.
func bg(t *testing.T, p *Page, id string) style.Color {
	t.Helper()
	p.Update()
	return elByID(t, p, id).Style.Background.Color
}

func TestHoverClassTimes(t *testing.T) {
	p := loadGallery(t, "gallery-buttons")
	white, pressed := style.Color{R: 255, G: 255, B: 255, A: 255}, style.Color{R: 0xd9, G: 0xd9, B: 0xd9, A: 255}
	// hover-start-time="0": on at the touch; hover-stay-time 400 after the lift.
	x, y := centre(t, p, "v-hover")
	p.TouchStart(0, x, y, 1000)
	if c := bg(t, p, "v-hover"); c != pressed {
		t.Errorf("pressed background = %v, want %v", c, pressed)
	}
	p.TouchEnd(0, x, y, 1100)
	p.AdvanceTime(1499)
	if c := bg(t, p, "v-hover"); c != pressed {
		t.Errorf("background 399 ms after the lift = %v, want still %v", c, pressed)
	}
	p.AdvanceTime(1500)
	if c := bg(t, p, "v-hover"); c != white {
		t.Errorf("background 400 ms after the lift = %v, want %v", c, white)
	}

	// A button: button-hover after 20 ms, off 70 ms after the lift.
	grey, hover := style.Color{R: 0xf2, G: 0xf2, B: 0xf2, A: 255}, style.Color{R: 0xe6, G: 0xe6, B: 0xe6, A: 255}
	x, y = centre(t, p, "b-default")
	p.TouchStart(0, x, y, 2000)
	p.AdvanceTime(2019)
	if c := bg(t, p, "b-default"); c != grey {
		t.Errorf("button background 19 ms in = %v, want %v", c, grey)
	}
	p.AdvanceTime(2020)
	if c := bg(t, p, "b-default"); c != hover {
		t.Errorf("button background 20 ms in = %v, want %v", c, hover)
	}
	p.TouchEnd(0, x, y, 2100)
	p.AdvanceTime(2169)
	if c := bg(t, p, "b-default"); c != hover {
		t.Errorf("button background 69 ms after the lift = %v, want %v", c, hover)
	}
	p.AdvanceTime(2170)
	if c := bg(t, p, "b-default"); c != grey {
		t.Errorf("button background 70 ms after the lift = %v, want %v", c, grey)
	}
	wantCalls(t, p, `onTap tap {"x":`+jsonNum(x)+`,"y":`+jsonNum(y)+`}`)

	// A touch released before hover-start-time shows nothing; one that
	// strays drops the class at once.
	p.TouchStart(0, x, y, 3000)
	p.AdvanceTime(3030)
	p.TouchMove(0, x+40, y, 3040)
	if c := bg(t, p, "b-default"); c != grey {
		t.Errorf("button background after straying = %v, want %v", c, grey)
	}
	p.TouchEnd(0, x+40, y, 3050)

	// A disabled button has no press feedback.
	x, y = centre(t, p, "b-disabled")
	before := bg(t, p, "b-disabled")
	p.TouchStart(0, x, y, 4000)
	p.AdvanceTime(4100)
	if c := bg(t, p, "b-disabled"); c != before {
		t.Errorf("disabled button pressed background = %v, want %v", c, before)
	}
	p.TouchEnd(0, x, y, 4200)
}

func jsonNum(f float64) string { b, _ := json.Marshal(f); return string(b) }

func TestActivePseudoClass(t *testing.T) {
	p := loadGallery(t, "gallery-buttons")
	white, active := style.Color{R: 255, G: 255, B: 255, A: 255}, style.Color{R: 0xc6, G: 0xe7, B: 0xd5, A: 255}
	x, y := centre(t, p, "v-active")
	if c := bg(t, p, "v-active"); c != white {
		t.Fatalf("background before the press = %v", c)
	}
	p.TouchStart(0, x, y, 0)
	if c := bg(t, p, "v-active"); c != active {
		t.Errorf(":active background = %v, want %v", c, active)
	}
	p.TouchEnd(0, x, y, 50)
	if c := bg(t, p, "v-active"); c != white {
		t.Errorf("background after the lift = %v, want %v", c, white)
	}
}

func TestFormSubmitThroughLabelAndAttributeChange(t *testing.T) {
	// setData of a bound checked attribute wins over a user's toggle only
	// when it says something new.
	p, err := loadWXML(t, `<form bindsubmit="s"><switch name="a" checked="{{on}}"/><button form-type="submit">go</button></form>`, `{"on": false}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	var sw, btn *Node
	p.Root().Walk(func(n *Node) bool {
		switch n.Tag {
		case "switch":
			sw = n
		case "button":
			btn = n
		}
		return true
	})
	b := p.controlBox(sw)
	p.Tap(float64(b.X+10), float64(b.Y+10), 0)
	if !p.ctlState(sw).Checked {
		t.Fatal("tap did not check the switch")
	}
	if err := p.SetData(map[string]any{"on": false}); err != nil {
		t.Fatal(err)
	}
	p.Update()
	if !p.ctlState(sw).Checked {
		t.Error("setData of the same value undid the user's toggle")
	}
	if err := p.SetData(map[string]any{"on": true}); err != nil {
		t.Fatal(err)
	}
	p.Update()
	if err := p.SetData(map[string]any{"on": false}); err != nil {
		t.Fatal(err)
	}
	p.Update()
	if p.ctlState(sw).Checked {
		t.Error("setData of a new value did not win")
	}
	bb := p.controlBox(btn)
	p.Tap(float64(bb.X+bb.W/2), float64(bb.Y+bb.H/2), 100)
	checkSubmit(t, p, "s", map[string]any{"a": false})
}

func TestCheckboxGroupValueOrder(t *testing.T) {
	p, err := loadWXML(t, `<checkbox-group bindchange="c">
  <checkbox id="a" value="a"/><checkbox id="b" value="b"/><checkbox id="c" value="c"/>
</checkbox-group>`, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	tapID(t, p, "c", 0)
	tapID(t, p, "a", 100)
	wantCalls(t, p, `c change {"value":["c"]}`, `c change {"value":["a","c"]}`)
}

// Controls in a builder's items get their state classes and sizes when the
// item is built; a slider inside a scroll-view takes the drag from it.
func TestControlsInScrollViewAndBuilder(t *testing.T) {
	p, err := loadWXML(t, `<scroll-view id="sv" scroll-y type="custom" style="height: 300px">
  <list-builder list="{{items}}" type="static" child-height="60">
    <view slot:item="it" slot:index="i" style="height: 60px"><button id="btn-{{i}}" type="primary" size="mini">{{it}}</button><icon id="ic-{{i}}" type="success" size="30"/></view>
  </list-builder>
</scroll-view>
<scroll-view id="sv2" scroll-y type="custom" style="height: 200px">
  <view style="height: 1000px"><slider id="sl" bindchange="c"/></view>
</scroll-view>`, `{"items": ["a","b","c","d","e","f","g","h","i","j"]}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	btn := elByID(t, p, "btn-2")
	if !btn.HasClass("wx-button-primary") || !btn.HasClass("wx-button-mini") {
		t.Errorf("builder item's button classes = %v", btn.ClassList())
	}
	if got := btn.Style.Background.Color; got != (style.Color{R: 0x07, G: 0xc1, B: 0x60, A: 255}) {
		t.Errorf("builder item's primary button background = %v", got)
	}
	if l, ok := p.layoutOf(elByID(t, p, "ic-2")); !ok || l.Size.Width != 30 || l.Size.Height != 30 {
		t.Errorf("builder item's icon box = %+v, want 30 × 30", l)
	}

	sl := elByID(t, p, "sl")
	b := p.controlBox(sl)
	y := float64(b.Y + b.H/2)
	p.TouchStart(0, float64(b.X+14), y, 0)
	for i := 1; i <= 10; i++ { // diagonal: down 60 px and right
		p.TouchMove(0, float64(b.X+14)+float64(i)*20, y-float64(i)*6, float64(i*16))
	}
	p.TouchEnd(0, float64(b.X+14)+200, y-60, 176)
	p.Update()
	if p.Dragging() {
		t.Error("the scroll-view claimed a slider's drag")
	}
	if got := p.controlBox(sl).Y; got != b.Y {
		t.Errorf("slider moved from y %v to %v: the scroll-view scrolled", b.Y, got)
	}
	if v := p.ctlState(sl).Value; v == 0 {
		t.Error("slider value did not follow the drag")
	}
}

func TestButtonOpenType(t *testing.T) {
	p, err := loadWXML(t, `<button id="b" open-type="getPhoneNumber" bindgetphonenumber="phone">phone</button>
<button id="c" open-type="nonsense">x</button>`, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	tapID(t, p, "b", 0)
	wantCalls(t, p, `phone getphonenumber {"errMsg":"getPhoneNumber:fail not supported by the renderer"}`)
	tapID(t, p, "c", 100)
	wantCalls(t, p)
	warned := 0
	for _, d := range p.Diagnostics() {
		if strings.Contains(d.Msg, "open-type") {
			warned++
		}
	}
	if warned != 2 {
		t.Errorf("open-type warnings = %d, want 2: %v", warned, p.Diagnostics())
	}
}

func TestHoverStopPropagation(t *testing.T) {
	p, err := loadWXML(t, `<view id="outer" hover-class="o" style="padding: 20px">
  <view id="mid" hover-class="m" hover-start-time="0" style="padding: 20px">
    <view id="inner" hover-class="i" hover-stop-propagation style="height: 40px"></view>
  </view>
</view>`, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	x, y := centre(t, p, "mid")
	p.TouchStart(0, x, 25, 0) // on mid's padding, above inner
	p.AdvanceTime(50)
	if !elByID(t, p, "mid").HasClass("m") || !elByID(t, p, "outer").HasClass("o") {
		t.Error("pressing mid did not give mid and outer their hover classes")
	}
	p.TouchEnd(0, x, 25, 60)
	p.AdvanceTime(1000)
	if elByID(t, p, "mid").HasClass("m") || elByID(t, p, "outer").HasClass("o") {
		t.Error("hover classes stayed past hover-stay-time")
	}
	x, y = centre(t, p, "inner")
	p.TouchStart(0, x, y, 2000)
	p.AdvanceTime(2050)
	if !elByID(t, p, "inner").HasClass("i") || elByID(t, p, "mid").HasClass("m") || elByID(t, p, "outer").HasClass("o") {
		t.Errorf("hover-stop-propagation: inner %v mid %v outer %v", elByID(t, p, "inner").ClassList(),
			elByID(t, p, "mid").ClassList(), elByID(t, p, "outer").ClassList())
	}
	p.TouchEnd(0, x, y, 2060)
}
