package logic

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/skyline-go/skyline/diag"
)

// page wraps handler bodies into a page script.
func page(methods string) files {
	return files{"p.js": "Page({\n" + methods + "\n})"}
}

func TestTimersOnManualClock(t *testing.T) {
	h := newHarness(t, page(`go() {
  setTimeout(() => console.log("t100"), 100)
  setTimeout((a, b) => console.log("t50", a, b), 50, "x", "y")
  const id = setTimeout(() => console.log("cleared"), 60)
  clearTimeout(id)
  let n = 0
  const iv = setInterval(() => { console.log("iv", ++n); if (n === 3) clearInterval(iv) }, 40)
  setTimeout(() => setTimeout(() => console.log("nested"), 10), 100)
},`))
	h.run(LoadPage{ID: 1, Path: "p"})
	steps := []struct {
		by   time.Duration
		want string
	}{
		{0, ""},
		{39 * time.Millisecond, ""},
		{1 * time.Millisecond, "iv 1"},
		{60 * time.Millisecond, "t50 x y | iv 2 | t100"},
		{10 * time.Millisecond, "nested"},
		{100 * time.Millisecond, "iv 3"},
		{time.Second, ""},
	}
	h.run(Event{ID: 1, Handler: "go"})
	for i, st := range steps {
		out := h.run(Tick{By: st.by})
		noDiags(t, out)
		if got := joined(logsOf(out)); got != st.want {
			t.Errorf("step %d (+%v): %q, want %q", i, st.by, got, st.want)
		}
	}
}

func TestRealClockTimerFires(t *testing.T) {
	h := newHarness(t, page(`onLoad() { setTimeout(() => this.setData({ done: true }), 5) },`), func(c *Config) { c.Clock = NewRealClock() })
	h.rt.Send(LoadPage{ID: 1, Path: "p"})
	deadline := time.After(2 * time.Second)
	for {
		select {
		case <-h.rt.Ready():
			for _, o := range h.rt.Drain() {
				if p, ok := o.(Patch); ok && p.Data["done"] == true {
					return
				}
			}
		case <-deadline:
			t.Fatal("timer on the real clock never fired")
		}
	}
}

func TestStorageAndSystemInfo(t *testing.T) {
	h := newHarness(t, page(`go() {
  wx.setStorageSync("k", { a: [1, 2] })
  const v = wx.getStorageSync("k"); v.a.push(3)
  console.log(JSON.stringify(wx.getStorageSync("k")), JSON.stringify(wx.getStorageSync("missing")))
  wx.setStorageSync("k2", 1)
  console.log(wx.getStorageInfoSync().keys.join(","))
  wx.removeStorageSync("k"); console.log(wx.getStorageSync("k") === "")
  wx.getStorage({ key: "k2", success(r) { console.log("async", r.data, r.errMsg) } })
  wx.clearStorageSync(); console.log(wx.getStorageInfoSync().keys.length)
  const s = wx.getSystemInfoSync(), w = wx.getWindowInfo()
  console.log(s.model, s.pixelRatio, w.windowWidth, w.windowHeight)
},`))
	h.run(LoadPage{ID: 1, Path: "p"})
	out := h.run(Event{ID: 1, Handler: "go"})
	noDiags(t, out)
	want := `{"a":[1,2]} "" | k,k2 | true | 0 | iPhone 13 3 390 844 | async 1 getStorage:ok`
	if got := joined(logsOf(out)); got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

// TestUnsupportedWxIsUndefined: a wx API the runtime lacks is undefined
// (no warning); calling it is a TypeError at the call (TestFeatureDetection).
func TestUnsupportedWxIsUndefined(t *testing.T) {
	h := newHarness(t, page(`go() {
  console.log(typeof wx.login, wx.canIUse("login"), wx.canIUse("showToast"), typeof wx.getSystemInfoSync)
  wx.login({})
},`))
	h.run(LoadPage{ID: 1, Path: "p"})
	out := h.run(Event{ID: 1, Handler: "go"})
	ds := diagsOf(out)
	if len(ds) != 1 || ds[0].Severity != diag.Error || !strings.Contains(ds[0].Msg, "TypeError") || ds[0].Pos != (diag.Pos{File: "p.js", Line: 4, Col: 11}) {
		t.Errorf("diags = %v", ds)
	}
	if got := joined(logsOf(out)); got != "undefined false true function" {
		t.Errorf("logs %q", got)
	}
}

func TestNetwork(t *testing.T) {
	fx := map[string]Fixture{"https://api.example.com/list": {Data: map[string]any{"items": []any{"a"}}}}
	h := newHarness(t, page(`go() {
  wx.request({ url: "https://x.example.com/", fail(e) { console.log(e.errMsg) } })
  wx.request({ url: "https://api.example.com/list", success(r) { console.log(r.statusCode, r.data.items[0], r.errMsg) } })
  wx.downloadFile({ url: "https://x.example.com/f.png", fail(e) { console.log(e.errMsg) } })
  wx.request({ url: "https://x.example.com/" }).catch(e => console.log("promise", e.errMsg))
},`), func(c *Config) { c.Fixtures = fx })
	h.run(LoadPage{ID: 1, Path: "p"})
	out := h.run(Event{ID: 1, Handler: "go"})
	noDiags(t, out)
	want := "request:fail network is not available offline | 200 a request:ok | downloadFile:fail network is not available offline | promise request:fail network is not available offline"
	if got := joined(logsOf(out)); got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

func TestRequire(t *testing.T) {
	f := files{
		"p.js": `const a = require('./lib/a'), a2 = require('/lib/a.js'), b = require('lib/b')
Page({ go() {
  console.log(a === a2, a.n, b.fromA, b.self())
  for (const p of ['/etc/passwd', '../../../etc/passwd', './nope']) {
    try { require(p) } catch (e) { console.log("refused", p) }
  }
} })`,
		"lib/a.js": `exports.n = 1; exports.b = require('./b')`,
		"lib/b.js": `const a = require('./a'); module.exports = { fromA: a.n, self: () => typeof require }`,
	}
	h := newHarness(t, f)
	out := h.run(LoadPage{ID: 1, Path: "p"})
	noDiags(t, out)
	out = h.run(Event{ID: 1, Handler: "go"})
	// Handlers keep their module's require in scope; it refuses paths outside
	// the package and missing files ("/x" is package-root relative).
	want := "true 1 1 function | refused /etc/passwd | refused ../../../etc/passwd | refused ./nope"
	if got := joined(logsOf(out)); got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

func TestNoHostAccess(t *testing.T) {
	h := newHarness(t, page(`go() {
  console.log(typeof process, typeof require, typeof fs, typeof os, typeof fetch, typeof XMLHttpRequest, typeof Deno, typeof global)
},`))
	h.run(LoadPage{ID: 1, Path: "p"})
	out := h.run(Event{ID: 1, Handler: "go"})
	noDiags(t, out)
	// global is WeChat's alias of globalThis, not Node's (TestGlobalAlias).
	if got := joined(logsOf(out)); got != "undefined function undefined undefined undefined undefined undefined object" {
		t.Errorf("globals: %q", got)
	}
}

func TestRunawayLoopInterrupted(t *testing.T) {
	h := newHarness(t, files{"p.js": "Page({\n  spin() {\n    let i = 0\n    while (true) { i++ }\n  },\n  ok() { console.log('alive') },\n  obs() { this.setData({ a: 1 }) },\n})"})
	h.run(LoadPage{ID: 1, Path: "p"})
	start := time.Now()
	out := h.run(Event{ID: 1, Handler: "spin"})
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("interrupt took %v", el)
	}
	ds := diagsOf(out)
	if len(ds) != 1 || ds[0].Severity != diag.Error || ds[0].Pos.File != "p.js" || ds[0].Pos.Line != 4 || !strings.Contains(ds[0].Msg, "interrupted") {
		t.Fatalf("diags = %v", ds)
	}
	out = h.run(Event{ID: 1, Handler: "ok"})
	noDiags(t, out)
	if got := joined(logsOf(out)); got != "alive" {
		t.Errorf("runtime not alive after interrupt: %q", got)
	}
}

func TestRunawayObserverInterruptedOnce(t *testing.T) {
	h := newHarness(t, files{
		"p.js": `Page({})`,
		"c.js": "Component({ data: { a: 0 },\n observers: { a() { for (;;) {} } },\n methods: { go() { this.setData({ a: 1 }); console.log('not reached') }, ok() { console.log('alive') } } })",
	})
	h.run(LoadPage{ID: 1, Path: "p", Components: []ComponentInit{{ID: 2, Parent: 1, Path: "c"}}})
	out := h.run(Event{ID: 2, Handler: "go"})
	ds := diagsOf(out)
	if len(ds) != 1 || ds[0].Pos.Line != 2 {
		t.Fatalf("diags = %v", ds)
	}
	if l := logsOf(out); len(l) != 0 {
		t.Errorf("handler continued after the interrupt: %v", l)
	}
	if got := joined(logsOf(h.run(Event{ID: 2, Handler: "ok"}))); got != "alive" {
		t.Errorf("not alive: %q", got)
	}
}

func TestScriptErrorsPositioned(t *testing.T) {
	cases := []struct {
		name string
		f    files
		msg  Inbound
		pos  diag.Pos
		has  string
	}{
		{"throw in handler", files{"p.js": "Page({ go() {\n  null.x\n} })"}, Event{ID: 1, Handler: "go"}, diag.Pos{File: "p.js", Line: 2, Col: 8}, "TypeError"},
		{"syntax error", files{"p.js": "Page({ go() {\n  let = = 1\n} })"}, nil, diag.Pos{File: "p.js", Line: 2, Col: 9}, "SyntaxError"},
		{"throw at load", files{"p.js": "throw new Error('boom')"}, nil, diag.Pos{File: "p.js", Line: 1, Col: 7}, "boom"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, c.f)
			out := h.run(LoadPage{ID: 1, Path: "p"})
			if c.msg != nil {
				out = h.run(c.msg)
			}
			ds := diagsOf(out)
			if len(ds) == 0 {
				t.Fatal("no diagnostic")
			}
			d := ds[0]
			if d.Pos.File != c.pos.File || d.Pos.Line != c.pos.Line || (c.pos.Col != 0 && d.Pos.Col != c.pos.Col) || !strings.Contains(d.Msg, c.has) {
				t.Errorf("diag = %v, want at %v containing %q", d, c.pos, c.has)
			}
		})
	}
}

func TestConsoleAndToastAndModal(t *testing.T) {
	h := newHarness(t, page(`go() {
  console.warn("w", 1, { a: [true] })
  wx.showToast({ title: "saved", icon: "none", duration: 800 })
  wx.showModal({ title: "T", content: "C", success: r => console.log("modal", r.confirm, r.cancel) })
},`))
	h.run(LoadPage{ID: 1, Path: "p"})
	out := h.run(Event{ID: 1, Handler: "go"})
	noDiags(t, out)
	var req int
	var sawToast bool
	for _, o := range out {
		switch m := o.(type) {
		case Log:
			if m.Level != "warn" || m.Msg != `w 1 {"a":[true]}` || m.Pos != (diag.Pos{File: "p.js", Line: 3, Col: 15}) {
				t.Errorf("log = %+v", m)
			}
		case ShowToast:
			sawToast = m == ShowToast{Title: "saved", Icon: "none", Duration: 800 * time.Millisecond}
		case ShowModal:
			req = m.Req
			if m.Title != "T" || m.Content != "C" || !m.ShowCancel {
				t.Errorf("modal = %+v", m)
			}
		}
	}
	if !sawToast || req == 0 {
		t.Fatalf("toast %v modal req %d: %v", sawToast, req, out)
	}
	out = h.run(ModalReply{Req: req, Confirm: true})
	if got := joined(logsOf(out)); got != "modal true false" {
		t.Errorf("modal reply: %q", got)
	}
}

func TestSelectorQueryRoundTrip(t *testing.T) {
	h := newHarness(t, files{
		"p.js": `Page({})`,
		"c.js": `Component({ methods: { go() {
  this.createSelectorQuery()
    .select('#a').boundingClientRect(r => console.log("cb", r.width))
    .selectAll('.item').fields({ id: true, size: true })
    .select('#none').boundingClientRect()
    .selectViewport().scrollOffset()
    .exec(res => console.log(JSON.stringify(res)))
} } })`,
	})
	h.run(LoadPage{ID: 1, Path: "p", Components: []ComponentInit{{ID: 2, Parent: 1, Path: "c"}}})
	out := h.run(Event{ID: 2, Handler: "go"})
	if len(out) != 1 {
		t.Fatalf("out = %v", out)
	}
	q, ok := out[0].(SelectorQuery)
	wantItems := []SelectorItem{{Selector: "#a"}, {Selector: ".item", All: true}, {Selector: "#none"}, {Viewport: true}}
	if !ok || q.Scope != 2 || !reflect.DeepEqual(q.Items, wantItems) {
		t.Fatalf("query = %#v", out[0])
	}
	out = h.run(SelectorReply{Req: q.Req, Results: [][]NodeInfo{
		{{ID: "a", Left: 1, Top: 2, Width: 30, Height: 40}},
		{{ID: "i1", Width: 5, Height: 6}, {ID: "i2", Width: 7, Height: 8}},
		nil,
		{{ScrollTop: 120}},
	}})
	noDiags(t, out)
	want := `cb 30 | [{"bottom":42,"dataset":{},"height":40,"id":"a","left":1,"right":31,"top":2,"width":30},` +
		`[{"height":6,"id":"i1","width":5},{"height":8,"id":"i2","width":7}],null,` +
		`{"dataset":{},"id":"","scrollHeight":0,"scrollLeft":0,"scrollTop":120,"scrollWidth":0}]`
	if got := joined(logsOf(out)); got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

func TestNextTickAndMissingHandler(t *testing.T) {
	h := newHarness(t, page(`go() {
  wx.nextTick(() => console.log("tick"))
  this.setData({ a: 1 }, () => console.log("setData cb"))
  console.log("sync")
},`))
	h.run(LoadPage{ID: 1, Path: "p"})
	out := h.run(Event{ID: 1, Handler: "go"})
	if got := joined(logsOf(out)); got != "sync | tick | setData cb" {
		t.Errorf("order %q", got)
	}
	for i := 0; i < 2; i++ {
		out = h.run(Event{ID: 1, Handler: "missing", Event: EventObject{Type: "tap"}})
		if n := len(diagsOf(out)); n != 1-i {
			t.Errorf("missing handler round %d: %d diagnostics", i, n)
		}
	}
}

func TestEventObject(t *testing.T) {
	h := newHarness(t, page(`tap(e) { console.log(e.type, e.timeStamp, e.target.id, e.currentTarget.dataset.fooBar, e.mark.m, e.detail.x, e.touches[0].pageX) },`))
	h.run(LoadPage{ID: 1, Path: "p"})
	out := h.run(Event{ID: 1, Handler: "tap", Event: EventObject{
		Type: "tap", TimeStamp: 12, Target: EventTarget{ID: "t"}, CurrentTarget: EventTarget{ID: "c", Dataset: map[string]any{"fooBar": 1}},
		Mark: map[string]any{"m": "v"}, Detail: map[string]any{"x": 3}, Touches: []Touch{{PageX: 4}}}})
	noDiags(t, out)
	if got := joined(logsOf(out)); got != "tap 12 t 1 v 3 4" {
		t.Errorf("event: %q", got)
	}
}

func TestDoneAndCloseWithBadInput(t *testing.T) {
	h := newHarness(t, files{})
	seq := h.rt.Send(LoadPage{ID: 1, Path: "missing/page"})
	h.rt.Sync()
	out := h.rt.Drain()
	var done bool
	for _, o := range out {
		if d, ok := o.(Done); ok && d.Seq == seq {
			done = true
		}
	}
	if !done || len(diagsOf(out)) == 0 {
		t.Errorf("missing page: %v", out)
	}
	if _, err := h.rt.ComponentDef("missing/comp"); err == nil {
		t.Error("ComponentDef of a missing file succeeded")
	}
	h.rt.Drain()
	// Messages to unknown instances warn.
	out = h.run(SetProperties{ID: 99}, Event{ID: 99, Handler: "x"}, Unmount{ID: 99}, Mount{Components: []ComponentInit{{ID: 0, Path: "x"}}})
	if len(diagsOf(out)) != 4 {
		t.Errorf("bad ids: %v", diagsOf(out))
	}
	h.rt.Close()
	h.rt.Close() // idempotent
	if h.rt.Send(Tick{}) != 0 {
		t.Error("Send after Close accepted")
	}
}

func TestRecursionBounded(t *testing.T) {
	h := newHarness(t, page(`go() { const f = n => f(n + 1); f(0) },
ok() { console.log("alive") },`))
	h.run(LoadPage{ID: 1, Path: "p"})
	out := h.run(Event{ID: 1, Handler: "go"})
	if ds := diagsOf(out); len(ds) != 1 || ds[0].Pos.File != "p.js" {
		t.Errorf("diags = %v", ds)
	}
	if got := joined(logsOf(h.run(Event{ID: 1, Handler: "ok"}))); got != "alive" {
		t.Errorf("not alive: %q", got)
	}
}
