package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/style"
)

// writePkg writes a package to a temporary directory and returns it.
func writePkg(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func diagsWith(a *App, sev diag.Severity, sub string) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range a.Diagnostics() {
		if d.Severity == sev && strings.Contains(d.Msg, sub) {
			out = append(out, d)
		}
	}
	return out
}

// TestOpenData covers where the first frame's data comes from: plain
// packages, Page({data}), a .data.json or Options.Data overriding its
// fields, and onLoad's setData, which comes last and wins.
func TestOpenData(t *testing.T) {
	const wxml = `<text id="out">{{a}}/{{b}}/{{c}}</text>`
	pageJS := `Page({ data: { a: 'page', b: 'page', c: 'page' }, onLoad() { this.setData({ c: 'onload' }) } })`
	cases := []struct {
		name    string
		files   map[string]string
		data    map[string]any
		want    string
		logic   bool
		wantErr string
	}{
		{name: "plain markup and data.json, no scripts",
			files: map[string]string{"index.wxml": wxml, "index.data.json": `{"a": "json", "b": "json", "c": "json"}`},
			want:  "json/json/json"},
		{name: "Page data then onLoad",
			files: map[string]string{"index.wxml": wxml, "index.js": pageJS},
			want:  "page/page/onload", logic: true},
		{name: "data.json overrides Page data, onLoad overrides both",
			files: map[string]string{"index.wxml": wxml, "index.js": pageJS, "index.data.json": `{"b": "json", "c": "json"}`},
			want:  "page/json/onload", logic: true},
		{name: "Options.Data replaces data.json",
			files: map[string]string{"index.wxml": wxml, "index.js": pageJS, "index.data.json": `{"b": "json"}`},
			data:  map[string]any{"a": "host"},
			want:  "host/page/onload", logic: true},
		{name: "app.js alone starts the runtime",
			files: map[string]string{"index.wxml": wxml, "app.js": `App({ onLaunch() { console.log('hi') } })`, "index.data.json": `{"a": 1}`},
			want:  "1//", logic: true},
		{name: "bad data.json is a positioned error",
			files:   map[string]string{"index.wxml": wxml, "index.data.json": "{\n  \"a\": ,\n}"},
			wantErr: "index.data.json:2:"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := writePkg(t, tc.files)
			a, err := Open(dir, Options{Data: tc.data, Clock: nil})
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer a.Close()
			noErrors(t, a)
			if got := textOf(t, a, "out"); got != tc.want {
				t.Errorf("text = %q, want %q", got, tc.want)
			}
			if a.HasLogic() != tc.logic {
				t.Errorf("HasLogic = %v, want %v", a.HasLogic(), tc.logic)
			}
		})
	}
}

// componentPkg is a page with a counter component: page data → property →
// observer → component data → render, and a component event back.
var componentPkg = map[string]string{
	"index.json": `{"usingComponents": {"counter": "./counter/index"}}`,
	"index.wxml": `<view id="outer" bind:pick="onOuter">
  <counter id="c" n="{{n}}" bind:pick="onPick" big/>
</view>
<text id="log">{{log}}</text>
<text id="outerlog">{{outer}}</text>`,
	"index.js": `Page({
  data: { n: 1, log: '', outer: '' },
  onLoad() { setTimeout(() => this.setData({ n: 2 }), 100) },
  onPick(e) { this.setData({ log: 'pick ' + e.detail.v + ' from ' + e.currentTarget.id }) },
  onOuter(e) { this.setData({ outer: 'outer ' + e.detail.v }) }
})`,
	"counter/index.json": `{"component": true}`,
	"counter/index.wxml": `<view class="box"><text id="label">{{label}}</text><view id="btn" class="btn" bindtap="onTap">go</view></view>`,
	"counter/index.wxss": `.btn { width: 80px; height: 40px; }`,
	"counter/index.js": `Component({
  properties: {
    n: { type: Number, observer(v) { this.setData({ label: 'n=' + v + (this.data.big ? '!' : '') }) } },
    big: Boolean,
    bubbles: Boolean
  },
  data: { label: '' },
  methods: {
    onTap() { this.triggerEvent('pick', { v: this.data.n * 10 }, { bubbles: this.data.bubbles, composed: this.data.bubbles }) }
  }
})`,
}

// TestComponentPropertyFlow: the page's data reaches the component's
// property, its observer's setData is rendered, and a timer's setData on
// the page flows down again.
func TestComponentPropertyFlow(t *testing.T) {
	a, _ := openTest(t, writePkg(t, componentPkg))
	noErrors(t, a)
	if got := textOf(t, a, "label"); got != "n=1!" {
		t.Fatalf("label = %q, want n=1! (observer of a bound Number and a bare Boolean literal)", got)
	}
	if a.Advance(99 * time.Millisecond); textOf(t, a, "label") != "n=1!" {
		t.Fatal("the timer fired early")
	}
	a.Advance(time.Millisecond)
	if got := textOf(t, a, "label"); got != "n=2!" {
		t.Errorf("label after the timer = %q, want n=2!", got)
	}
	noErrors(t, a)
}

// TestTriggerEventReachesPage: this.triggerEvent from a component handler
// reaches the page's bind: on the host, and with bubbles + composed the
// outer node's too.
func TestTriggerEventReachesPage(t *testing.T) {
	for _, tc := range []struct {
		bubbles         bool
		wantLog, wantOu string
	}{
		{false, "pick 10 from c", ""},
		{true, "pick 10 from c", "outer 10"},
	} {
		files := map[string]string{}
		for k, v := range componentPkg {
			files[k] = v
		}
		if tc.bubbles {
			files["index.wxml"] = strings.Replace(files["index.wxml"], " big/>", " big bubbles/>", 1)
		}
		a, _ := openTest(t, writePkg(t, files))
		tapBox(t, a, findBox(t, a, "btn", 0))
		if got := textOf(t, a, "log"); got != tc.wantLog {
			t.Errorf("bubbles=%v: host handler log = %q, want %q", tc.bubbles, got, tc.wantLog)
		}
		if got := textOf(t, a, "outerlog"); got != tc.wantOu {
			t.Errorf("bubbles=%v: outer handler log = %q, want %q", tc.bubbles, got, tc.wantOu)
		}
		noErrors(t, a)
	}
}

// TestTimersOnManualClock: mp-profile's setInterval countdown moves only
// when the clock does.
func TestTimersOnManualClock(t *testing.T) {
	a, _ := openTest(t, filepath.Join(pagesDir, "mp-profile"))
	noErrors(t, a)
	for _, step := range []struct {
		by   time.Duration
		want string
	}{
		{0, "30:00"},
		{999 * time.Millisecond, "30:00"},
		{time.Millisecond, "29:59"},
		{62 * time.Second, "28:57"},
	} {
		a.Advance(step.by)
		if got := textOf(t, a, "countdown"); got != step.want {
			t.Errorf("after +%v: countdown %q, want %q", step.by, got, step.want)
		}
	}
}

// TestSelectorQuery: answers come from the layout — mp-profile sizes its
// growth bar from #track's width in onReady, and a page querying ids,
// classes, selectAll, descendants and a component scope gets the boxes
// the layout dump has.
func TestSelectorQuery(t *testing.T) {
	t.Run("mp-profile fill", func(t *testing.T) {
		a, _ := openTest(t, filepath.Join(pagesDir, "mp-profile"))
		track := findBox(t, a, "track", 0)
		fill := findBox(t, a, "fill", 0)
		if want := float32(int(track[2]*1280/2000 + 0.5)); fill[2] != want {
			t.Errorf("fill width %v, want %v (track %v × 1280/2000)", fill[2], want, track[2])
		}
	})
	files := map[string]string{
		"index.json":      `{"usingComponents": {"item": "./item/index"}}`,
		"index.wxml":      `<view id="list" class="list"><view class="row a" data-k="1"/><view class="row b"/><item bind:rows="onRows"/></view><text id="out">{{out}}</text><text id="inner">{{inner}}</text>`,
		"index.wxss":      `.row { height: 30px; margin-top: 10px; } .list { padding: 5px; }`,
		"item/index.json": `{"component": true}`,
		"item/index.wxml": `<view class="row inner"/>`,
		"item/index.wxss": `.row { height: 7px; }`,
		"item/index.js": `Component({ lifetimes: { ready() {
  this.createSelectorQuery().selectAll('.row').boundingClientRect(r => this.triggerEvent('rows', r.length)).exec()
} } })`,
		"index.js": `Page({ data: { out: '', inner: '' }, onRows(e) { this.setData({ inner: 'component scope rows: ' + e.detail }) }, onReady() {
  const q = wx.createSelectorQuery()
  q.select('#list').boundingClientRect()
  q.selectAll('.row').fields({ id: true, dataset: true, size: true })
  q.select('.list > .b').boundingClientRect()
  q.select('.list .nothing').boundingClientRect()
  q.selectAll('.list >>> .inner').boundingClientRect()
  q.selectViewport().boundingClientRect()
  q.exec(res => this.setData({ out: [
    res[0].top, res[0].height,
    res[1].length, res[1][0].dataset.k, res[1][0].height,
    res[2].top,
    res[3] === null,
    res[4].length, res[4][0].height,
    res[5].width
  ].join(',') }))
} })`,
	}
	a, _ := openTest(t, writePkg(t, files))
	noErrors(t, a)
	// #list: padding 5 + page rows (10 + 30) × 2 + the item's own row (7:
	// the page's .row rule does not reach into the component) + 5.
	want := "0,97,2,1,30,55,true,1,7,375"
	if got := textOf(t, a, "inner"); got != "component scope rows: 1" {
		t.Errorf("component-scoped query: %q", got)
	}
	if got := textOf(t, a, "out"); got != want {
		t.Errorf("query answers %q, want %q", got, want)
	}
}

// TestMissingAPI: a wx API the runtime lacks is undefined, so feature
// detection takes the fallback branch silently; calling it anyway is a
// TypeError positioned at the script, and the page still renders.
func TestMissingAPI(t *testing.T) {
	files := map[string]string{
		"index.wxml": `<text id="out">{{out}}</text>`,
		"index.js": `Page({ data: { out: 'start' }, onLoad() {
  this.setData({ out: wx.openBluetoothAdapter ? 'has' : 'fallback' })
  wx.openBluetoothAdapter()
} })`,
	}
	a, _ := openTest(t, writePkg(t, files))
	if ws := diagsWith(a, diag.Warning, "openBluetoothAdapter"); len(ws) != 0 {
		t.Errorf("warnings about openBluetoothAdapter: %v", ws)
	}
	es := diagsWith(a, diag.Error, "openBluetoothAdapter")
	if len(es) != 1 {
		t.Fatalf("%d errors about openBluetoothAdapter, want 1: %v", len(es), es)
	}
	if es[0].Pos.File != "index.js" || es[0].Pos.Line != 3 || !strings.Contains(es[0].Msg, "TypeError") {
		t.Errorf("error %v at %v, want a TypeError at index.js:3", es[0].Msg, es[0].Pos)
	}
	if got := textOf(t, a, "out"); got != "fallback" {
		t.Errorf("out = %q", got)
	}
	if img := render(a); img.Rect.Dx() != 750 {
		t.Errorf("render size %v", img.Rect)
	}
}

// TestRunawayHandlerInterrupted: a handler that never returns is stopped
// at the time limit with an error, and the next tap still runs.
func TestRunawayHandlerInterrupted(t *testing.T) {
	files := map[string]string{
		"index.wxml": `<view class="spin" bindtap="spin"/><view class="ok" bindtap="ok"/><text id="out">{{n}}</text>`,
		"index.wxss": `.spin, .ok { height: 50px; }`,
		"index.js":   `Page({ data: { n: 0 }, spin() { while (true) {} }, ok() { this.setData({ n: this.data.n + 1 }) } })`,
	}
	a, _ := openTest(t, writePkg(t, files), func(o *Options) { o.TimeLimit = 50 * time.Millisecond })
	start := time.Now()
	tapBox(t, a, findBox(t, a, "spin", 0))
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the runaway tap took %v", d)
	}
	if len(diagsWith(a, diag.Error, "")) == 0 {
		t.Error("no error for the interrupted handler")
	}
	tapBox(t, a, findBox(t, a, "ok", 0))
	tapBox(t, a, findBox(t, a, "ok", 0))
	if got := textOf(t, a, "out"); got != "2" {
		t.Errorf("after two taps out = %q, want 2", got)
	}
}

// TestModalAndToast: mp-cart's checkout asks with a modal; confirming runs
// the success callback (console log, toast), which expires on the clock.
func TestModalAndToast(t *testing.T) {
	a, _ := openTest(t, filepath.Join(pagesDir, "mp-cart"))
	tapBox(t, a, findBox(t, a, "checkout", 0))
	m := a.Modal()
	if m == nil || m.Title != "确认下单" || m.Content != "共 4 件，合计 ¥205.40" || !m.ShowCancel {
		t.Fatalf("modal = %+v", m)
	}
	if a.Tap(10, 300) {
		t.Error("a tap went through the modal")
	}
	a.AnswerModal(true)
	if a.Modal() != nil {
		t.Error("modal still up")
	}
	ts := a.Toast()
	if ts == nil || ts.Title != "下单成功" || ts.Icon != "success" {
		t.Fatalf("toast = %+v", ts)
	}
	logs := a.Logs()
	if len(logs) == 0 || logs[len(logs)-1].Msg != "order placed 205.40" || logs[len(logs)-1].Pos.File != "index.js" {
		t.Errorf("logs = %+v", logs)
	}
	a.Advance(1499 * time.Millisecond)
	if a.Toast() == nil {
		t.Error("toast gone before its 1.5 s")
	}
	a.Advance(time.Millisecond)
	if a.Toast() != nil {
		t.Error("toast still up after 1.5 s")
	}
}

// TestMountUnmount: a component that wx:if adds runs its lifetimes, and
// one it removes is detached, through Mount / Unmount messages.
func TestMountUnmount(t *testing.T) {
	files := map[string]string{
		"index.json":   `{"usingComponents": {"c": "./c/index"}}`,
		"index.wxml":   `<view class="t" bindtap="toggle"/><c wx:if="{{on}}" name="x"/>`,
		"index.wxss":   `.t { height: 40px; }`,
		"index.js":     `Page({ data: { on: false }, toggle() { this.setData({ on: !this.data.on }) } })`,
		"c/index.json": `{"component": true}`,
		"c/index.wxml": `<text>{{name}}</text>`,
		"c/index.js":   `Component({ properties: { name: String }, lifetimes: { attached() { console.log('attached', this.data.name) }, detached() { console.log('detached') } } })`,
	}
	a, _ := openTest(t, writePkg(t, files))
	for range 2 {
		tapBox(t, a, findBox(t, a, "t", 0))
	}
	var got []string
	for _, l := range a.Logs() {
		got = append(got, l.Msg)
	}
	if want := "attached x|detached"; strings.Join(got, "|") != want {
		t.Errorf("logs %q, want %q", strings.Join(got, "|"), want)
	}
	if n := len(a.Page().Instances()); n != 0 {
		t.Errorf("%d instances left", n)
	}
	noErrors(t, a)
}

// TestHandlerWithoutScriptWarns: a page with no script reports the
// handler its markup names instead of dropping the tap silently.
func TestHandlerWithoutScriptWarns(t *testing.T) {
	a, _ := openTest(t, writePkg(t, map[string]string{
		"index.wxml": `<view class="b" bindtap="go"/>`, "index.wxss": `.b { height: 40px; }`,
	}))
	tapBox(t, a, findBox(t, a, "b", 0))
	tapBox(t, a, findBox(t, a, "b", 0))
	if n := len(diagsWith(a, diag.Warning, `handler "go"`)); n != 1 {
		t.Errorf("%d warnings, want 1", n)
	}
}

// TestPollPicksUpRealClockTimers: with the wall clock the runtime fires
// timers on its own goroutine; Poll (the preview's per-frame call) applies
// their patches without blocking.
func TestPollPicksUpRealClockTimers(t *testing.T) {
	dir := writePkg(t, map[string]string{
		"index.wxml": `<text id="out">{{s}}</text>`,
		"index.js":   `Page({ data: { s: 'wait' }, onLoad() { setTimeout(() => this.setData({ s: 'fired' }), 20) } })`,
	})
	a, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if got := textOf(t, a, "out"); got != "wait" {
		t.Fatalf("out = %q before the timer", got)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !a.Poll() {
		if time.Now().After(deadline) {
			t.Fatal("the timer's patch never arrived")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if got := textOf(t, a, "out"); got != "fired" {
		t.Errorf("out = %q after the timer", got)
	}
}

// TestBrokenComponentScript: a component whose script does not parse is
// reported at its file and line, and the page still renders its markup
// (untyped) and runs the page's own logic.
func TestBrokenComponentScript(t *testing.T) {
	a, _ := openTest(t, writePkg(t, map[string]string{
		"index.json":   `{"usingComponents": {"c": "./c/index"}}`,
		"index.wxml":   `<c label="hi"/><text id="out">{{s}}</text>`,
		"index.js":     `Page({ data: { s: '' }, onLoad() { this.setData({ s: 'loaded' }) } })`,
		"c/index.json": `{"component": true}`,
		"c/index.wxml": `<text id="inner">{{label}}</text>`,
		"c/index.js":   "Component({\n  properties: { label: String,\n})",
	}))
	errs := diagsWith(a, diag.Error, "")
	if len(errs) == 0 || errs[0].Pos.File != "c/index.js" || errs[0].Pos.Line == 0 {
		t.Fatalf("errors %v, want one positioned in c/index.js", errs)
	}
	if got := textOf(t, a, "inner"); got != "hi" {
		t.Errorf("inner = %q, want the untyped attribute", got)
	}
	if got := textOf(t, a, "out"); got != "loaded" {
		t.Errorf("out = %q", got)
	}
}

// The scripts' safeArea agrees with the viewport's safe-area insets (what
// env(safe-area-inset-*) reads) when the host gives no safeArea of its own.
func TestDeviceSafeAreaFromViewport(t *testing.T) {
	for _, tc := range []struct {
		vp          engine.Viewport
		top, height float64
	}{
		{engine.Viewport{Width: 375, Height: 667, DPR: 2}, 20, 647},
		{engine.Viewport{Width: 375, Height: 812, DPR: 3, SafeArea: style.SafeArea{Top: 44, Bottom: 34}}, 44, 734},
	} {
		a := &App{opts: Options{Viewport: tc.vp}}
		if sa := a.device().SafeArea; sa.Top != tc.top || sa.Height != tc.height || sa.Width != 375 {
			t.Errorf("insets %+v: safeArea %+v, want top %v height %v", tc.vp.SafeArea, sa, tc.top, tc.height)
		}
	}
}
