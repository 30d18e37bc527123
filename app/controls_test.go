package app

import (
	"testing"
	"time"
)

// TestFormControlsEndToEnd: a switch, a checkbox-group and a form submit
// reach the page's JavaScript with WeChat's detail shapes, and what the
// handlers setData shows.
func TestFormControlsEndToEnd(t *testing.T) {
	dir := writePkg(t, map[string]string{
		"index.wxml": `<form bindsubmit="onSubmit">
  <switch class="sw" name="on" bindchange="onSwitch"/>
  <checkbox-group name="pick" bindchange="onPick">
    <checkbox class="cb" value="x"/><checkbox class="cb" value="y" checked/>
  </checkbox-group>
  <button class="go" form-type="submit">go</button>
</form>
<text id="log">{{log}}</text>`,
		"index.js": `Page({
  data: { log: '' },
  onSwitch(e) { this.setData({ log: this.data.log + 'switch:' + e.detail.value + ';' }) },
  onPick(e) { this.setData({ log: this.data.log + 'pick:' + e.detail.value.join(',') + ';' }) },
  onSubmit(e) {
    const v = e.detail.value
    this.setData({ log: this.data.log + 'submit:' + v.on + '/' + v.pick.join('+') + '/' + Array.isArray(v.pick) + ';' })
  },
})`,
	})
	a, _ := openTest(t, dir)
	tapBox(t, a, findBox(t, a, "sw", 0))
	tapBox(t, a, findBox(t, a, "cb", 0))
	tapBox(t, a, findBox(t, a, "go", 0))
	a.Advance(time.Second)
	want := "switch:true;pick:x,y;submit:true/x+y/true;"
	if got := textOf(t, a, "log"); got != want {
		t.Errorf("log = %q, want %q", got, want)
	}
	noErrors(t, a)
}

// TestPressFeedbackAsksForFrames: while a hover class waits for its time,
// Advance reports a change so that a host drawing on change redraws.
func TestPressFeedbackAsksForFrames(t *testing.T) {
	dir := writePkg(t, map[string]string{
		"index.wxml": `<button class="b">b</button>`,
		"index.js":   `Page({})`,
	})
	a, _ := openTest(t, dir)
	b := findBox(t, a, "b", 0)
	a.TouchStart(0, float64(b[0]+10), float64(b[1]+10))
	if !a.Advance(30 * time.Millisecond) {
		t.Error("Advance after the press reported nothing to draw")
	}
	a.TouchEnd(0, float64(b[0]+10), float64(b[1]+10))
	if !a.Advance(100 * time.Millisecond) {
		t.Error("Advance as the hover class came off reported nothing to draw")
	}
	if a.Advance(100 * time.Millisecond) {
		t.Error("Advance with nothing pending reported a change")
	}
}
