package logic

import (
	"reflect"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/engine/expr"
)

func TestCoerce(t *testing.T) {
	str := PropSpec{Name: "s", Type: PropString}
	num := PropSpec{Name: "n", Type: PropNumber}
	numDef := PropSpec{Name: "n", Type: PropNumber, Default: 5.0, HasDefault: true}
	boo := PropSpec{Name: "b", Type: PropBoolean}
	obj := PropSpec{Name: "o", Type: PropObject}
	arr := PropSpec{Name: "a", Type: PropArray}
	anyT := PropSpec{Name: "x", Type: PropAny}
	numOrStr := PropSpec{Name: "ns", Type: PropNumber, OptionalTypes: []PropType{PropString}}
	boolOrStr := PropSpec{Name: "bs", Type: PropBoolean, OptionalTypes: []PropType{PropString}}
	cases := []struct {
		name string
		p    PropSpec
		in   any
		want any
		warn bool
	}{
		{"string keeps string", str, "a", "a", false},
		{"string from number", str, 12, "12", false},
		{"string from bool", str, true, "true", false},
		{"string from null → default", str, nil, "", true},
		{"string from object force-converted", str, map[string]any{}, "[object Object]", true},
		{"number literal text", num, Literal("12"), 12.0, false},
		{"number bound string", num, " 3.5 ", 3.5, false},
		{"number hex text", num, "0x10", 16.0, false},
		{"number empty text is 0", num, Literal(""), 0.0, false},
		{"number bad text → default", numDef, "abc", 5.0, true},
		{"number NaN → default", num, "NaN", 0.0, true},
		{"number from bool", num, true, 1.0, false},
		{"number int", num, 7, 7.0, false},
		{"boolean bare attribute", boo, Literal(""), true, false},
		{"boolean literal false text is true (spec §8.9)", boo, Literal("false"), true, false},
		{"boolean bound empty string", boo, "", false, false},
		{"boolean bound zero", boo, 0.0, false, false},
		{"boolean bound object", boo, map[string]any{}, true, false},
		{"object keeps object", obj, map[string]any{"k": 1.0}, map[string]any{"k": 1.0}, false},
		{"object keeps null", obj, nil, nil, false},
		{"object from string → default", obj, "x", nil, true},
		{"array keeps array", arr, []any{1.0}, []any{1.0}, false},
		{"array from object → default", arr, map[string]any{}, []any{}, true},
		{"array from []string", arr, []string{"a"}, []any{"a"}, false},
		{"any keeps string", anyT, Literal("v"), "v", false},
		{"any keeps number", anyT, 3.0, 3.0, false},
		{"optional type matches", numOrStr, "abc", "abc", false},
		{"optional type primary", numOrStr, 4.0, 4.0, false},
		{"boolean|string literal stays text", boolOrStr, Literal("x"), "x", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, w := c.p.Coerce(c.in)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Coerce(%#v) = %#v, want %#v", c.in, got, c.want)
			}
			if (w != "") != c.warn {
				t.Errorf("warning = %q, want warning %v", w, c.warn)
			}
		})
	}
}

const compDefsJS = `Component({
  options: { virtualHost: true, multipleSlots: true, styleIsolation: 'apply-shared', addGlobalClass: true, pureDataPattern: /^_/ },
  externalClasses: ['my-class'],
  properties: {
    title: String,
    count: { type: Number, value: 3 },
    on: Boolean,
    cfg: { type: Object, value: { a: 1 } },
    list: Array,
    any: null,
    id2: { type: Number, optionalTypes: [String] },
  },
  data: { local: 1, _pure: 2 },
  methods: { m() {} },
})`

func TestComponentDefExported(t *testing.T) {
	h := newHarness(t, files{"c/card.js": compDefsJS})
	d, err := h.rt.ComponentDef("c/card")
	if err != nil {
		t.Fatal(err)
	}
	wantOpts := ComponentOptions{MultipleSlots: true, VirtualHost: true, AddGlobalClass: true, StyleIsolation: "apply-shared", PureDataPattern: "^_"}
	if d.Options != wantOpts {
		t.Errorf("options = %+v", d.Options)
	}
	if !reflect.DeepEqual(d.ExternalClasses, []string{"my-class"}) || !reflect.DeepEqual(d.Methods, []string{"m"}) {
		t.Errorf("externalClasses %v methods %v", d.ExternalClasses, d.Methods)
	}
	var names []string
	for _, p := range d.Props {
		names = append(names, p.Name+":"+p.Type.String())
	}
	if got := strings.Join(names, " "); got != "title:String count:Number on:Boolean cfg:Object list:Array any:null id2:Number" {
		t.Errorf("props = %s", got)
	}
	if p := d.Prop("id2"); p == nil || !reflect.DeepEqual(p.OptionalTypes, []PropType{PropString}) {
		t.Errorf("optionalTypes = %+v", p)
	}
	data, warns := d.InitialData(map[string]any{"count": Literal("12"), "on": Literal(""), "nope": 1})
	want := map[string]any{"local": 1.0, "_pure": 2.0, "title": "", "count": 12.0, "on": true,
		"cfg": map[string]any{"a": 1.0}, "list": []any{}, "any": nil, "id2": 0.0}
	if !reflect.DeepEqual(plain(data), want) || len(warns) != 0 {
		t.Errorf("InitialData = %v %v", data, warns)
	}
	if !d.IsPure("_pure") || d.IsPure("local") {
		t.Error("pureDataPattern not applied")
	}
	// Each instance gets its own default objects.
	a, _ := d.InitialData(nil)
	a["cfg"].(*expr.Object).Set("a", 9.0)
	b, _ := d.InitialData(nil)
	if v, _ := b["cfg"].(*expr.Object).Get("a"); v != 1.0 {
		t.Error("defaults shared between instances")
	}
}

func TestPropertiesCoercedAtRuntime(t *testing.T) {
	h := newHarness(t, files{
		"p.js": `Page({})`,
		"c/card.js": strings.TrimSuffix(compDefsJS, "})") + `
  lifetimes: { attached() { console.log(typeof this.data.count, this.data.count, this.properties.on, this.data.title) } },
})`,
	})
	out := h.run(LoadPage{ID: 1, Path: "p", Components: []ComponentInit{{ID: 2, Parent: 1, Path: "c/card", Props: map[string]any{"count": Literal("12"), "on": Literal("false"), "title": 5}}}})
	noDiags(t, out)
	if got := joined(logsOf(out)); got != "number 12 true 5" {
		t.Errorf("attached sees %q", got)
	}
	out = h.run(SetProperties{ID: 2, Props: map[string]any{"count": "x", "list": []any{1}, "_pure": 1}})
	ps := patchesOf(out, 2)
	if len(ps) != 1 || !reflect.DeepEqual(ps[0], map[string]any{"count": 3.0, "list": []any{1.0}}) {
		t.Errorf("patch = %v", ps)
	}
	if ds := diagsOf(out); len(ds) != 1 || !strings.Contains(ds[0].Msg, `"count"`) {
		t.Errorf("want one coercion warning, got %v", ds)
	}
}

func TestPureDataNotPatched(t *testing.T) {
	h := newHarness(t, files{
		"p.js":   `Page({})`,
		"c/x.js": `Component({ options: { pureDataPattern: /^_/ }, methods: { go() { this.setData({ _t: 1, 'shown': 2, '_o.k': 3 }); console.log(this.data._t, this.data._o.k) } } })`,
	})
	h.run(LoadPage{ID: 1, Path: "p", Components: []ComponentInit{{ID: 2, Parent: 1, Path: "c/x"}}})
	out := h.run(Event{ID: 2, Handler: "go"})
	if ps := patchesOf(out, 2); len(ps) != 1 || !reflect.DeepEqual(ps[0], map[string]any{"shown": 2.0}) {
		t.Errorf("patch = %v", ps)
	}
	if got := joined(logsOf(out)); got != "1 3" {
		t.Errorf("pure data not kept in this.data: %q", got)
	}
}

func TestObservers(t *testing.T) {
	const comp = `Component({
  properties: { p: { type: Number, observer(n, o) { console.log("prop-observer", n, o) } } },
  data: { a: 1, b: 2, obj: { x: { y: 1 } }, list: [{ x: 0 }] },
  observers: {
    'a, b': function (a, b) { console.log("ab", a, b) },
    'obj.x': function (x) { console.log("obj.x", JSON.stringify(x)) },
    'obj.**': function (o) { console.log("obj.**", JSON.stringify(o)) },
    'list[0].x': function (x) { console.log("list0x", x) },
    'p': function (p) { console.log("p", p) },
    '**': function () { console.log("any") },
  },
  methods: { set(e) { this.setData(e.detail) } },
})`
	cases := []struct {
		name string
		set  map[string]any
		want string
	}{
		{"two fields, one call", map[string]any{"a": 5.0, "b": 6.0}, "ab 5 6 | any"},
		{"one field", map[string]any{"b": 7.0}, "ab 1 7 | any"},
		{"exact sub path", map[string]any{"obj.x": map[string]any{"y": 2.0}}, `obj.x {"y":2} | obj.** {"x":{"y":2}} | any`},
		{"ancestor fires sub-path observer", map[string]any{"obj": map[string]any{"x": 3.0}}, `obj.x 3 | obj.** {"x":3} | any`},
		{"descendant fires only **", map[string]any{"obj.x.y": 4.0}, `obj.** {"x":{"y":4}} | any`},
		{"sibling of observed path", map[string]any{"obj.z": 1.0}, `obj.** {"x":{"y":1},"z":1} | any`},
		{"array index path", map[string]any{"list[0].x": 9.0}, "list0x 9 | any"},
		{"array replaced", map[string]any{"list": []any{map[string]any{"x": 8.0}}}, "list0x 8 | any"},
		{"property via setData", map[string]any{"p": 4.0}, "prop-observer 4 0 | p 4 | any"},
		{"property unchanged: property observer quiet, observers fire", map[string]any{"p": 0.0}, "p 0 | any"},
		{"unrelated field", map[string]any{"zz": 1.0}, "any"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, files{"p.js": `Page({})`, "c.js": comp})
			h.run(LoadPage{ID: 1, Path: "p", Components: []ComponentInit{{ID: 2, Parent: 1, Path: "c"}}})
			out := h.run(Event{ID: 2, Handler: "set", Event: EventObject{Detail: c.set}})
			noDiags(t, out)
			if got := joined(logsOf(out)); got != c.want {
				t.Errorf("observers ran %q, want %q", got, c.want)
			}
		})
	}
	t.Run("property from the renderer", func(t *testing.T) {
		h := newHarness(t, files{"p.js": `Page({})`, "c.js": comp})
		h.run(LoadPage{ID: 1, Path: "p", Components: []ComponentInit{{ID: 2, Parent: 1, Path: "c", Props: map[string]any{"p": Literal("2")}}}})
		out := h.run(SetProperties{ID: 2, Props: map[string]any{"p": 3}})
		if got := joined(logsOf(out)); got != "prop-observer 3 2 | p 3 | any" {
			t.Errorf("observers ran %q", got)
		}
	})
}

func TestObserverSetDataJoinsPatch(t *testing.T) {
	h := newHarness(t, files{
		"p.js": `Page({})`,
		"c.js": `Component({ data: { a: 1, sum: 0 }, observers: { a(a) { this.setData({ sum: a * 2 }) } }, methods: { go() { this.setData({ a: 5 }) } } })`,
	})
	h.run(LoadPage{ID: 1, Path: "p", Components: []ComponentInit{{ID: 2, Parent: 1, Path: "c"}}})
	out := h.run(Event{ID: 2, Handler: "go"})
	if ps := patchesOf(out, 2); len(ps) != 1 || !reflect.DeepEqual(ps[0], map[string]any{"a": 5.0, "sum": 10.0}) {
		t.Errorf("patches = %v", ps)
	}
}

func TestLifetimesOrder(t *testing.T) {
	const comp = `Component({
  properties: { name: String },
  created() { log(this, "created") },
  attached() { log(this, "attached-old") },
  lifetimes: {
    attached() { log(this, "attached") },
    ready() { log(this, "ready") },
    moved() { log(this, "moved") },
    detached() { log(this, "detached") },
  },
  pageLifetimes: { show() { log(this, "show") }, hide() { log(this, "hide") } },
})
function log(c, what) { console.log((c.data.name || "?") + ":" + what) }`
	h := newHarness(t, files{
		"p.js": `Page({ onLoad() { console.log("page:onLoad") }, onShow() { console.log("page:onShow") },
  onReady() { console.log("page:onReady") }, onHide() { console.log("page:onHide") }, onUnload() { console.log("page:onUnload") } })`,
		"c.js": comp,
	})
	tree := []ComponentInit{
		{ID: 2, Parent: 1, Path: "c", Props: map[string]any{"name": "A"}},
		{ID: 3, Parent: 2, Path: "c", Props: map[string]any{"name": "A1"}},
		{ID: 4, Parent: 2, Path: "c", Props: map[string]any{"name": "A2"}},
		{ID: 5, Parent: 1, Path: "c", Props: map[string]any{"name": "B"}},
	}
	steps := []struct {
		msg  Inbound
		want string
	}{
		// created runs before the parent's properties arrive (glass-easel), so
		// it sees no name; children's created before their host's.
		{LoadPage{ID: 1, Path: "p", Components: tree},
			"?:created | ?:created | ?:created | ?:created | " +
				"A:attached | A1:attached | A2:attached | B:attached | page:onLoad | " +
				"A:show | A1:show | A2:show | B:show | page:onShow | " +
				"A1:ready | A2:ready | A:ready | B:ready | page:onReady"},
		{PageHide{ID: 1}, "A:hide | A1:hide | A2:hide | B:hide | page:onHide"},
		{Move{ID: 2}, "A1:moved | A2:moved | A:moved"},
		{Mount{Components: []ComponentInit{{ID: 6, Parent: 5, Path: "c", Props: map[string]any{"name": "B1"}}}}, "?:created | B1:attached | B1:ready"},
		{Unmount{ID: 2}, "A1:detached | A2:detached | A:detached"},
		{UnloadPage{ID: 1}, "B1:detached | B:detached | page:onUnload"},
	}
	for _, st := range steps {
		out := h.run(st.msg)
		noDiags(t, out)
		if got := joined(logsOf(out)); got != st.want {
			t.Errorf("%T:\n got %s\nwant %s", st.msg, got, st.want)
		}
	}
	// Detached instances are gone: events to them warn, never crash.
	out := h.run(Event{ID: 3, Handler: "x"})
	if len(diagsOf(out)) != 1 {
		t.Errorf("event to a detached instance: %v", out)
	}
}

func TestBehaviorsMerge(t *testing.T) {
	h := newHarness(t, files{
		"p.js": `Page({})`,
		"b/base.js": `module.exports = Behavior({
  properties: { p: { type: Number, value: 1 }, q: String },
  data: { d: 'base', obj: { a: 1, b: 1 } },
  methods: { who() { return 'base' }, baseOnly() { return 'b' } },
  created() { console.log('base created') },
  attached() { console.log('base attached') },
  observers: { d() { console.log('base observer') } },
})`,
		"b/mid.js": `module.exports = Behavior({
  behaviors: [require('./base')],
  properties: { p: { type: Number, value: 2 } },
  data: { d: 'mid', obj: { b: 2, c: 2 } },
  methods: { who() { return 'mid' } },
  created() { console.log('mid created') },
  observers: { d() { console.log('mid observer') } },
})`,
		"b/other.js": `module.exports = Behavior({
  behaviors: [require('./base')],
  created() { console.log('other created') },
})`,
		"c.js": `const base = require('./b/base'), mid = require('./b/mid'), other = require('./b/other')
Component({
  behaviors: [mid, other, base],
  data: { obj: { c: 3 } },
  methods: { who() { return 'comp' }, go() { this.setData({ d: 'x' }) } },
  created() { console.log('comp created') },
  attached() { console.log(this.who(), this.baseOnly(), this.data.p, this.data.d, JSON.stringify(this.data.obj), this.hasBehavior(base), this.hasBehavior(other)) },
  observers: { d() { console.log('comp observer') } },
})`,
	})
	out := h.run(LoadPage{ID: 1, Path: "p", Components: []ComponentInit{{ID: 2, Parent: 1, Path: "c"}}})
	noDiags(t, out)
	want := "base created | mid created | other created | comp created | " +
		"base attached | comp b 2 mid {\"a\":1,\"b\":2,\"c\":3} true true"
	if got := joined(logsOf(out)); got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
	out = h.run(Event{ID: 2, Handler: "go"})
	if got := joined(logsOf(out)); got != "base observer | mid observer | comp observer" {
		t.Errorf("observers order %q", got)
	}
	d, _ := h.rt.ComponentDef("c")
	if p := d.Prop("p"); p == nil || p.Default != 2.0 || d.Prop("q") == nil {
		t.Errorf("merged props %+v", d.Props)
	}
}

func TestDefinitionFilterChain(t *testing.T) {
	h := newHarness(t, files{
		"p.js": `Page({})`,
		"b3.js": `module.exports = Behavior({
  definitionFilter(def, arr) { console.log('b3 filter', arr.length); def.data = def.data || {}; def.data.from3 = true },
})`,
		"b2.js": `module.exports = Behavior({
  behaviors: [require('./b3')],
  definitionFilter(def, arr) { console.log('b2 filter', arr.length); arr[0](def); (def.properties = def.properties || {}).added = { type: Number, value: 7 } },
})`,
		"b1.js": `module.exports = Behavior({ behaviors: [require('./b2')] })`,
		"c.js":  `Component({ behaviors: [require('./b2')], attached() { console.log(this.data.added, this.data.from3) } })`,
	})
	out := h.run(LoadPage{ID: 1, Path: "p", Components: []ComponentInit{{ID: 2, Parent: 1, Path: "c"}}})
	noDiags(t, out)
	// b3's filter runs when b2 is declared (b2's own definition), then b2's
	// filter runs for the component and calls b3's through definitionFilterArr.
	if got, want := joined(logsOf(out)), "b3 filter 0 | b2 filter 1 | b3 filter 0 | 7 true"; got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
}

func TestTriggerEvent(t *testing.T) {
	h := newHarness(t, files{
		"p.js": `Page({})`,
		"c.js": `Component({ methods: {
  a() { this.triggerEvent('change', { v: 1 }, { bubbles: true, composed: true }) },
  b() { this.triggerEvent('plain') },
  c() { this.triggerEvent('cap', 'x', { capturePhase: true }) },
} })`,
	})
	h.run(LoadPage{ID: 1, Path: "p", Components: []ComponentInit{{ID: 2, Parent: 1, Path: "c"}}})
	cases := []struct {
		handler string
		want    TriggerEvent
	}{
		{"a", TriggerEvent{ID: 2, Name: "change", Detail: map[string]any{"v": 1.0}, Bubbles: true, Composed: true}},
		{"b", TriggerEvent{ID: 2, Name: "plain", Detail: map[string]any{}}},
		{"c", TriggerEvent{ID: 2, Name: "cap", Detail: "x", CapturePhase: true}},
	}
	for _, c := range cases {
		out := h.run(Event{ID: 2, Handler: c.handler})
		if len(out) == 1 {
			if ev, ok := out[0].(TriggerEvent); ok {
				ev.Detail = plain(ev.Detail)
				out[0] = ev
			}
		}
		if len(out) != 1 || !reflect.DeepEqual(out[0], c.want) {
			t.Errorf("%s: got %#v", c.handler, out)
		}
	}
}

func TestRelations(t *testing.T) {
	h := newHarness(t, files{
		"p.js": `Page({})`,
		"ul.js": `Component({ relations: { './li': { type: 'child', linked(t) { console.log('ul linked', t.data.n) }, unlinked(t) { console.log('ul unlinked', t.data.n) } } },
  methods: { count() { console.log(this.getRelationNodes('./li').length) } } })`,
		"li.js": `Component({ properties: { n: Number }, relations: { './ul': { type: 'parent', linked() { console.log('li linked') } } } })`,
	})
	out := h.run(LoadPage{ID: 1, Path: "p", Components: []ComponentInit{
		{ID: 2, Parent: 1, Path: "ul"}, {ID: 3, Parent: 2, Path: "li", Props: map[string]any{"n": 1}}, {ID: 4, Parent: 2, Path: "li", Props: map[string]any{"n": 2}}}})
	noDiags(t, out)
	if got := joined(logsOf(out)); got != "ul linked 1 | li linked | ul linked 2 | li linked" {
		t.Errorf("linked: %q", got)
	}
	h.run(Unmount{ID: 3})
	out = h.run(Event{ID: 2, Handler: "count"})
	if got := joined(logsOf(out)); got != "1" {
		t.Errorf("after unlink: %q", got)
	}
	d, _ := h.rt.ComponentDef("li")
	if !reflect.DeepEqual(d.Relations, []RelationSpec{{Key: "./ul", Path: "ul", Type: "parent"}}) {
		t.Errorf("relations = %+v", d.Relations)
	}
}
