package app

import (
	"strings"
	"testing"
	"time"

	"github.com/skyline-go/skyline/logic"
)

// From the page's script: a timing started in onLoad moves the box frame
// by frame; a tap's cancelAnimation stops it mid-way (the callback gets
// false); the JS side's sv.value reads what the UI runtime reported; a
// worklet's error is reported at the author's position.
func TestWorkletFromPage(t *testing.T) {
	dir := writePkg(t, map[string]string{
		"index.wxml": `<view class="full" bindtap="stop"><view id="box" class="box"></view></view>`,
		"index.wxss": `.full { width: 375px; height: 667px; } .box { width: 20px; height: 20px; }`,
		"index.js": `const { shared, timing, cancelAnimation, runOnJS, runOnUI, Easing } = wx.worklet
Page({
  onLoad() {
    const x = this.x = shared(0)
    const report = this.report.bind(this)
    this.applyAnimatedStyle('#box', () => {
      'worklet'
      return { transform: 'translateY(' + x.value + 'px)' }
    })
    x.value = timing(100, { duration: 1000, easing: Easing.linear }, (finished) => {
      'worklet'
      runOnJS(report)('finished ' + finished)
    })
  },
  stop() {
    cancelAnimation(this.x)
  },
  report(msg) {
    console.log(msg, this.x.value)
    runOnUI(() => {
      'worklet'
      null.boom
    })()
  },
})`,
	})
	clock := &logic.ManualClock{}
	a, err := Open(dir+"/index", Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	box := findID(a.Page(), "box")
	for range 3 {
		a.Advance(100 * time.Millisecond)
	}
	a.Page().Update()
	if got := box.Style.Transform[0].Len[1].Px; got != 30 {
		t.Fatalf("at 300 ms: translateY %v, want 30", got)
	}
	a.Tap(200, 400)
	for range 5 {
		a.Advance(100 * time.Millisecond)
	}
	a.Page().Update()
	if got := box.Style.Transform[0].Len[1].Px; got != 30 {
		t.Errorf("after cancelAnimation: translateY %v, want held at 30", got)
	}
	var logs []string
	for _, l := range a.Logs() {
		logs = append(logs, l.Msg)
	}
	if got := strings.Join(logs, "|"); got != "finished false 30" {
		t.Errorf("logs = %q, want the callback's runOnJS with false and the reported value", got)
	}
	var errs []string
	for _, d := range a.Diagnostics() {
		errs = append(errs, d.String())
	}
	if got := strings.Join(errs, "|"); !strings.HasPrefix(got, "index.js:22:12: runOnUI: TypeError: Cannot read property 'boom' of") {
		t.Errorf("diagnostics = %q", got)
	}
	if a.ui.NeedsFrame() {
		t.Error("a cancelled animation still asks for frames")
	}
}

// Nodes a patch adds that an animated style's selector matches get its
// style at once.
func TestAnimatedStyleFollowsPatches(t *testing.T) {
	dir := writePkg(t, map[string]string{
		"index.wxml": `<view class="full" bindtap="more"><view wx:for="{{items}}" wx:key="*this" class="item" id="i{{item}}"></view></view>`,
		"index.wxss": `.full { width: 375px; height: 667px; } .item { width: 20px; height: 20px; }`,
		"index.js": `const o = wx.worklet.shared(0.5)
Page({
  data: { items: [1] },
  onLoad() {
    this.applyAnimatedStyle('.item', () => { 'worklet'; return { opacity: o.value } })
  },
  more() { this.setData({ items: [1, 2] }) },
})`,
	})
	a, err := Open(dir+"/index", Options{Clock: &logic.ManualClock{}})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	a.Tap(200, 400)
	a.Page().Update()
	for _, id := range []string{"i1", "i2"} {
		n := findID(a.Page(), id)
		if n == nil || n.Style.Opacity != 0.5 {
			t.Errorf("#%s: %v", id, n)
		}
	}
}

// WeChat's gesture demo: a pan handler's worklet callback accumulates the
// drag into a shared value that an animated style follows. (The callback
// runs on the logic layer here; its writes reach the UI runtime as
// messages.) On release a spring takes the box home.
func TestWorkletGestureDemo(t *testing.T) {
	dir := writePkg(t, map[string]string{
		"index.wxml": `<pan-gesture-handler worklet:ongesture="onPan"><view id="box" class="box"></view></pan-gesture-handler>`,
		"index.wxss": `.box { width: 200px; height: 200px; background-color: #07c160; }`,
		"index.js": `const { shared, spring } = wx.worklet
Page({
  onLoad() {
    this.x = shared(0)
    const x = this.x
    this.applyAnimatedStyle('#box', () => { 'worklet'; return { transform: 'translateX(' + x.value + 'px)' } })
  },
  onPan(e) {
    'worklet'
    const g = e.detail || e
    if (g.state === 2) this.x.value += g.deltaX
    else if (g.state === 3) this.x.value = spring(0, { damping: 40, stiffness: 400 })
  },
})`,
	})
	a, err := Open(dir+"/index", Options{Clock: &logic.ManualClock{}})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	box := findID(a.Page(), "box")
	tx := func() float32 {
		a.Page().Update()
		if len(box.Style.Transform) == 0 {
			return 0
		}
		return box.Style.Transform[0].Len[0].Px
	}
	a.TouchStart(1, 50, 50)
	for i := 1; i <= 5; i++ {
		a.TouchMove(1, 50+float64(10*i), 50)
	}
	if got := tx(); got != 40 { // the first move begins the pan (state 1): its 10 px are not ACTIVE
		t.Fatalf("after dragging 50 px: translateX %v", got)
	}
	a.TouchEnd(1, 100, 50)
	for range 60 {
		a.Advance(16 * time.Millisecond)
	}
	if got := tx(); got != 0 {
		t.Errorf("after release: translateX %v, want the spring home at 0", got)
	}
	noErrors(t, a)
}
