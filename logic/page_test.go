package logic

import (
	"reflect"
	"testing"
)

func TestPageLifecycleAndSetData(t *testing.T) {
	h := newHarness(t, files{
		"app.js": `App({ globalData: { user: "ann" }, onLaunch() { console.log("launch") } })`,
		"pages/index/index.js": `
const fmt = require('../../utils/fmt')
Page({
  data: { count: 1, list: [{x: 1}, {x: 2}], keep: "k" },
  onLoad(q) { console.log("load", q.id, getApp().globalData.user, getCurrentPages().length); this.setData({ count: 2, title: fmt.upper("hi") }) },
  onShow() { console.log("show") },
  onReady() { console.log("ready", this.data.count) },
  tap(e) { this.setData({ 'list[1].x': e.detail.v, 'obj.a.b': 3 }, () => console.log("cb", this.data.list[1].x)) },
})`,
		"utils/fmt.js": `exports.upper = s => s.toUpperCase()`,
	})
	out := h.run(LoadApp{}, LoadPage{ID: 1, Path: "pages/index/index", Query: map[string]string{"id": "7"}})
	noDiags(t, out)
	if got, want := joined(logsOf(out)), "launch | load 7 ann 1 | show | ready 2"; got != want {
		t.Errorf("logs = %q, want %q", got, want)
	}
	ps := patchesOf(out, 1)
	if len(ps) != 1 || !reflect.DeepEqual(ps[0], map[string]any{"count": 2.0, "title": "HI"}) {
		t.Errorf("onLoad patches = %v", ps)
	}
	out = h.run(Event{ID: 1, Handler: "tap", Event: EventObject{Type: "tap", Detail: map[string]any{"v": 9}}})
	noDiags(t, out)
	ps = patchesOf(out, 1)
	if len(ps) != 1 || !reflect.DeepEqual(ps[0], map[string]any{"list[1].x": 9.0, "obj.a.b": 3.0}) {
		t.Errorf("tap patches = %v", ps)
	}
	if got := joined(logsOf(out)); got != "cb 9" {
		t.Errorf("setData callback logs = %q", got)
	}
}

func TestPageDefAndDataOverride(t *testing.T) {
	h := newHarness(t, files{
		"pages/a.js": `Page({ data: { a: 1, b: { c: 2 } }, onLoad() { console.log(this.data.a, this.data.b.c) }, go() {} })`,
	})
	d, err := h.rt.PageDef("pages/a")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(plain(d.Data), map[string]any{"a": 1.0, "b": map[string]any{"c": 2.0}}) || !reflect.DeepEqual(d.Methods, []string{"go", "onLoad"}) {
		t.Errorf("PageDef = %+v", d)
	}
	out := h.run(LoadPage{ID: 1, Path: "pages/a", Data: map[string]any{"a": 5}})
	if got := joined(logsOf(out)); got != "5 2" {
		t.Errorf(".data.json override: logs %q", got)
	}
}

func TestSetDataPathSemantics(t *testing.T) {
	cases := []struct {
		name  string
		init  string
		call  string
		patch map[string]any
		after string // JSON of this.data after
	}{
		{"plain", `{}`, `{a: 1}`, map[string]any{"a": 1.0}, `{"a":1}`},
		{"create objects", `{}`, `{'a.b.c': 'x'}`, map[string]any{"a.b.c": "x"}, `{"a":{"b":{"c":"x"}}}`},
		{"create array", `{}`, `{'l[1]': 5}`, map[string]any{"l[1]": 5.0}, `{"l":[null,5]}`},
		{"index into existing", `{l: [{x: 1}, {x: 2}]}`, `{'l[0].x': 7}`, map[string]any{"l[0].x": 7.0}, `{"l":[{"x":7},{"x":2}]}`},
		{"parent then child folds", `{}`, `{o: {p: 1}, 'o.q': 2}`, map[string]any{"o": map[string]any{"p": 1.0, "q": 2.0}}, `{"o":{"p":1,"q":2}}`},
		{"child then parent replaces", `{}`, `{'o.q': 2, o: {p: 1}}`, map[string]any{"o": map[string]any{"p": 1.0}}, `{"o":{"p":1}}`},
		{"functions dropped", `{}`, `{o: {f() {}, n: 1}}`, map[string]any{"o": map[string]any{"n": 1.0}}, `{"o":{"n":1}}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, files{
				"p.js": `Page({ data: ` + c.init + `, go() { this.setData(` + c.call + `); console.log(JSON.stringify(this.data)) } })`,
			})
			h.run(LoadPage{ID: 1, Path: "p"})
			out := h.run(Event{ID: 1, Handler: "go"})
			noDiags(t, out)
			ps := patchesOf(out, 1)
			if len(ps) != 1 || !reflect.DeepEqual(ps[0], c.patch) {
				t.Errorf("patch = %v, want %v", ps, c.patch)
			}
			if got := joined(logsOf(out)); got != c.after {
				t.Errorf("data = %s, want %s", got, c.after)
			}
		})
	}
}

func TestSetDataBadKeysWarn(t *testing.T) {
	h := newHarness(t, files{"p.js": "Page({ go() {\n  this.setData({ 'a..b': 1, u: undefined, ok: 1 }) } })"})
	h.run(LoadPage{ID: 1, Path: "p"})
	out := h.run(Event{ID: 1, Handler: "go"})
	ds := diagsOf(out)
	if len(ds) != 2 {
		t.Fatalf("diags = %v", ds)
	}
	for _, d := range ds {
		if d.Pos.File != "p.js" || d.Pos.Line != 2 {
			t.Errorf("diag not at the setData call: %v", d)
		}
	}
	if ps := patchesOf(out, 1); len(ps) != 1 || !reflect.DeepEqual(ps[0], map[string]any{"ok": 1.0}) {
		t.Errorf("patch = %v", ps)
	}
}

func TestComponentAsPage(t *testing.T) {
	h := newHarness(t, files{
		"p.js": `Component({
  data: { n: 1 },
  lifetimes: { created() { console.log("created") }, attached() { console.log("attached") }, ready() { console.log("ready") }, detached() { console.log("detached") } },
  methods: {
    onLoad(q) { console.log("onLoad", q.a, this.route, getCurrentPages()[0] === this); this.setData({ n: 2 }) },
    onShow() { console.log("onShow") },
    onReady() { console.log("onReady") },
    onUnload() { console.log("onUnload") },
  },
})`,
	})
	d, err := h.rt.PageDef("p")
	if err != nil || !reflect.DeepEqual(d.Data, map[string]any{"n": 1.0}) {
		t.Fatalf("PageDef = %+v, %v", d, err)
	}
	out := h.run(LoadPage{ID: 1, Path: "p", Query: map[string]string{"a": "x"}})
	noDiags(t, out)
	if got, want := joined(logsOf(out)), "created | attached | onLoad x p true | onShow | ready | onReady"; got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
	if ps := patchesOf(out, 1); len(ps) != 1 || ps[0]["n"] != 2.0 {
		t.Errorf("patches %v", ps)
	}
	if got := joined(logsOf(h.run(UnloadPage{ID: 1}))); got != "detached | onUnload" {
		t.Errorf("unload: %q", got)
	}
}
