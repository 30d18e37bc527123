package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestMotionTransitionThroughLogic: a tap's handler flips a class with
// setData; the transition runs on App.Advance's frames, App.Advance
// reports motion until it ends, and bindtransitionend reaches the page's
// method with WeChat's detail, whose setData shows on the page.
func TestMotionTransitionThroughLogic(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.wxml": `<view id="box" class="box {{on ? 'on' : ''}}" bindtap="toggle" bindtransitionend="onEnd"></view>
<text id="log">{{log}}</text>`,
		"index.wxss": `.box { width: 100px; height: 100px; background-color: #36c; transition: width 300ms linear }
.box.on { width: 250px }`,
		"index.js": `Page({
  data: { on: false, log: '' },
  toggle() { this.setData({ on: !this.data.on }) },
  onEnd(e) { this.setData({ log: e.type + ' ' + e.detail.propertyName + ' ' + e.detail.elapsedTime + ' ' + e.target.id }) },
})`,
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a, _ := openTest(t, filepath.Join(dir, "index"))
	noErrors(t, a)
	tapBox(t, a, findBox(t, a, "box", 0))
	a.Pump()
	if w := findBox(t, a, "box", 0)[2]; w != 100 {
		t.Fatalf("width %v right after the tap, want the transition's start 100", w)
	}
	var widths []float32
	frames := 0
	for ; frames < 20 && a.Advance(100*time.Millisecond); frames++ {
		widths = append(widths, findBox(t, a, "box", 0)[2])
	}
	a.Pump()
	if want := []float32{150, 200, 250}; len(widths) < 3 || widths[0] != want[0] || widths[1] != want[1] || widths[2] != want[2] {
		t.Errorf("widths per frame %v, want %v", widths, want)
	}
	if got, want := textOf(t, a, "log"), "transitionend width 0.3 box"; got != want {
		t.Errorf("log %q, want %q", got, want)
	}
	if a.Page().NeedsFrame() {
		t.Error("the page still needs frames after the transition")
	}
}
