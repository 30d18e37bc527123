package engine

import (
	"encoding/json"
	"strings"
	"testing"
)

// setData applies a JSON patch (so numbers are float64 as a host sends).
func setData(t *testing.T, p *Page, patch string) error {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(patch), &m); err != nil {
		t.Fatalf("bad patch: %v", err)
	}
	return p.SetData(m)
}

func mustSet(t *testing.T, p *Page, patch string) {
	t.Helper()
	if err := setData(t, p, patch); err != nil {
		t.Fatalf("SetData(%s): %v", patch, err)
	}
}

func dataJSON(p *Page) string {
	b, _ := json.Marshal(p.Data())
	return string(b)
}

// children lists the element children of n.
func children(n *Node) []*Node {
	var out []*Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, c)
	}
	return out
}

// TestSetDataTable runs patches in sequence and checks the tree after each
// and how many bindings were evaluated (only dependants may run).
func TestSetDataTable(t *testing.T) {
	type step struct {
		patch string
		want  string
		evals int // expected binding evaluations; -1 = not checked
	}
	cases := []struct {
		name  string
		src   string
		data  string
		steps []step
	}{
		{"independent bindings", `<text>{{a}}</text><text>{{b}}</text><text>{{a}}{{b}}</text>`, `{"a":1,"b":2}`, []step{
			{`{"a":5}`, `text("5") text("2") text("52")`, 2},
			{`{"b":"x"}`, `text("5") text("x") text("5x")`, 2},
			{`{"c":1}`, `text("5") text("x") text("5x")`, 0},
		}},
		{"nested path", `<text>{{o.p.q}}</text><text>{{o.r}}</text>`, `{"o":{"p":{"q":1},"r":2}}`, []step{
			{`{"o.p.q":3}`, `text("3") text("2")`, 1},
			{`{"o.p":{"q":4}}`, `text("4") text("2")`, 1},
			{`{"o":{"r":9}}`, `text("") text("9")`, 2},
		}},
		{"item field forwards to one item", `<view wx:for="{{list}}" wx:key="id"><text>{{item.title}}</text><text>{{item.n}}</text></view>`,
			`{"list":[{"id":1,"title":"a","n":0},{"id":2,"title":"b","n":0},{"id":3,"title":"c","n":0}]}`, []step{
				// one source read by the loop + the one title binding
				{`{"list[1].title":"B"}`, `view(text("a") text("0")) view(text("B") text("0")) view(text("c") text("0"))`, 2},
				{`{"list[2].n":7}`, `view(text("a") text("0")) view(text("B") text("0")) view(text("c") text("7"))`, 2},
			}},
		{"unkeyed insert in the middle", `<text wx:for="{{list}}">{{index}}{{item}}</text>`, `{"list":["a","b","c"]}`, []step{
			{`{"list":["a","x","b","c"]}`, `text("0a") text("1x") text("2b") text("3c")`, -1},
			{`{"list":["a","c"]}`, `text("0a") text("1c")`, -1},
		}},
		{"append by index path", `<text wx:for="{{list}}">{{item}}</text>`, `{"list":["a"]}`, []step{
			{`{"list[1]":"b"}`, `text("a") text("b")`, -1},
			{`{"list[3]":"d"}`, `text("a") text("b") text("") text("d")`, -1},
		}},
		{"replace one item", `<text wx:for="{{list}}">{{item}}</text><text>{{list.length}}</text>`, `{"list":["a","b"]}`, []step{
			{`{"list[0]":"z"}`, `text("z") text("b") text("2")`, -1},
		}},
		{"object loop", `<text wx:for="{{obj}}">{{index}}={{item}}</text>`, `{"obj":{"a":1,"c":3}}`, []step{
			{`{"obj.b":2}`, `text("a=1") text("b=2") text("c=3")`, -1},
			{`{"obj.c":4}`, `text("a=1") text("b=2") text("c=4")`, -1},
		}},
		{"nested loop cell", `<view wx:for="{{rows}}"><text wx:for="{{item.cells}}">{{item}}</text></view>`, `{"rows":[{"cells":[1,2]},{"cells":[3]}]}`, []step{
			{`{"rows[0].cells[1]":9}`, `view(text("1") text("9")) view(text("3"))`, 3},
			{`{"rows[1].cells":[4,5]}`, `view(text("1") text("9")) view(text("4") text("5"))`, -1},
		}},
		{"condition switches", `<view><text>a</text><text wx:if="{{x==1}}">one</text><text wx:elif="{{x==2}}">two</text><text>z</text></view>`, `{"x":1}`, []step{
			{`{"x":2}`, `view(text("a") text("two") text("z"))`, -1},
			{`{"x":3}`, `view(text("a") text("z"))`, -1},
			{`{"x":1}`, `view(text("a") text("one") text("z"))`, -1},
		}},
		{"condition in loop item", `<block wx:for="{{list}}"><text wx:if="{{item.on}}">{{item.n}}</text></block><text>end</text>`,
			`{"list":[{"on":false,"n":"a"},{"on":true,"n":"b"}]}`, []step{
				{`{"list[0].on":true}`, `text("a") text("b") text("end")`, -1},
				{`{"list[1].on":false}`, `text("a") text("end")`, -1},
			}},
		{"template spread row", `<template name="row"><text>{{title}}</text><text>{{sub}}</text></template><template wx:for="{{list}}" is="row" data="{{...item}}"/>`,
			`{"list":[{"title":"a","sub":"1"},{"title":"b","sub":"2"}]}`, []step{
				// loop source + template is + template data + one title binding
				{`{"list[1].title":"B"}`, `text("a") text("1") text("B") text("2")`, 4},
			}},
		{"template name switch", `<template name="a"><text>A{{v}}</text></template><template name="b"><text>B{{v}}</text></template><template is="{{k}}" data="{{v}}"/>`,
			`{"k":"a","v":1}`, []step{
				{`{"k":"b"}`, `text("B1")`, -1},
				{`{"v":2}`, `text("B2")`, -1},
			}},
		{"let variable", `<view let:x="{{a * 2}}"><text>{{x}}</text></view>`, `{"a":1}`, []step{
			{`{"a":3}`, `view(text("6"))`, 2},
		}},
		// A watcher that reads a loop item (or a let) and an outer name
		// fires for the outer name's entry first ("g" sorts before "list"),
		// with the item still the old one; when the loop then rebinds the
		// item, the watcher must fire again in the same patch.
		{"unkeyed item and outer name in one patch", `<text wx:for="{{list}}">{{item}}{{g}}</text>`, `{"list":["a","b"],"g":"X"}`, []step{
			{`{"g":"Y","list":["c","d"]}`, `text("cY") text("dY")`, -1},
			{`{"g":"Z","list[1]":"e"}`, `text("cZ") text("eZ")`, -1},
		}},
		{"keyed move and outer name in one patch", `<view wx:for="{{list}}" wx:key="id" id="{{item.id}}">{{index}}{{g}}</view>`,
			`{"list":[{"id":"a"},{"id":"b"}],"g":"X"}`, []step{
				{`{"g":"Y","list":[{"id":"b"},{"id":"a"}]}`, `view#b("0Y") view#a("1Y")`, -1},
			}},
		{"let and outer name in one patch", `<view let:x="{{z}}"><text>{{x}}{{b}}</text></view>`, `{"z":1,"b":2}`, []step{
			{`{"b":3,"z":4}`, `view(text("43"))`, -1},
		}},
		{"attributes and classes", `<view id="{{id}}" class="c {{k}}" class:on="{{on}}" style="color:{{c}}" hidden="{{h}}" data-v="{{v}}" foo="{{f}}"/>`,
			`{"id":"a","k":"x","on":false,"c":"red","h":false,"v":1,"f":[1]}`, []step{
				{`{"on":true,"c":"blue","f":2}`, `view#a.c.x.on[style="color:blue"][foo=2][data.v=1]`, 3},
				{`{"h":true,"v":2,"id":"b"}`, `view#b.c.x.on[hidden][style="color:blue"][foo=2][data.v=2]`, 3},
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := mustLoad(t, tc.src, tc.data)
			for _, s := range tc.steps {
				before := p.Evals()
				mustSet(t, p, s.patch)
				if got := body(p); got != s.want {
					t.Fatalf("after %s\n got %s\nwant %s", s.patch, got, s.want)
				}
				if s.evals >= 0 && p.Evals()-before != s.evals {
					t.Errorf("after %s: %d evaluations, want %d", s.patch, p.Evals()-before, s.evals)
				}
				// The tree must equal a fresh instantiation against the same data.
				fresh := mustLoad(t, tc.src, dataJSON(p))
				if got, want := body(p), body(fresh); got != want {
					t.Errorf("after %s: incremental tree\n%s\ndiffers from fresh load\n%s", s.patch, got, want)
				}
			}
		})
	}
}

func TestSetDataKeyedReorderKeepsIdentity(t *testing.T) {
	p := mustLoad(t, `<view wx:for="{{list}}" wx:key="id">{{index}}:{{item.t}}</view>`,
		`{"list":[{"id":1,"t":"a"},{"id":2,"t":"b"},{"id":3,"t":"c"}]}`)
	byText := func() map[string]*Node {
		m := map[string]*Node{}
		for _, n := range children(p.Root()) {
			m[n.FirstChild().Text[2:]] = n
		}
		return m
	}
	old := byText()
	p.ClearDirty()
	mustSet(t, p, `{"list":[{"id":3,"t":"c"},{"id":1,"t":"a"},{"id":2,"t":"b"}]}`)
	if got, want := body(p), `view("0:c") view("1:a") view("2:b")`; got != want {
		t.Fatalf("got %s want %s", got, want)
	}
	for k, n := range byText() {
		if old[k] != n {
			t.Errorf("item %s: node replaced on reorder", k)
		}
	}
	if p.Root().Dirty&DirtyStructure == 0 {
		t.Errorf("page not marked DirtyStructure after a move")
	}

	// Insert in the middle and remove one: kept keys keep their nodes.
	old = byText()
	mustSet(t, p, `{"list":[{"id":3,"t":"c"},{"id":9,"t":"x"},{"id":2,"t":"b"}]}`)
	if got, want := body(p), `view("0:c") view("1:x") view("2:b")`; got != want {
		t.Fatalf("got %s want %s", got, want)
	}
	now := byText()
	if now["c"] != old["c"] || now["b"] != old["b"] {
		t.Errorf("kept items lost identity")
	}
	if old["a"].Attached() {
		t.Errorf("removed item still attached")
	}
	if now["x"].Dirty&DirtyInserted == 0 {
		t.Errorf("new item not marked DirtyInserted")
	}

	// Changing an item's key recreates that item only.
	old = byText()
	mustSet(t, p, `{"list[1].id":10}`)
	now = byText()
	if now["x"] == old["x"] || now["c"] != old["c"] || now["b"] != old["b"] {
		t.Errorf("key change: want only the changed item recreated")
	}
}

func TestSetDataDirtyFlags(t *testing.T) {
	p := mustLoad(t, `<view class="{{c}}" style="{{s}}" hidden="{{h}}">{{t}}</view><view>{{u}}</view>`, `{"c":"a","s":"","h":false,"t":"x","u":1}`)
	if len(p.DirtyNodes()) != 0 {
		t.Fatalf("load left dirty nodes")
	}
	v := p.Root().FirstChild()
	mustSet(t, p, `{"c":"b","s":"color:red","h":true,"t":"y"}`)
	if v.Dirty != DirtyClass|DirtyStyle|DirtyAttr {
		t.Errorf("view dirty = %b", v.Dirty)
	}
	if v.FirstChild().Dirty != DirtyText {
		t.Errorf("text dirty = %b", v.FirstChild().Dirty)
	}
	if got := len(p.DirtyNodes()); got != 2 {
		t.Errorf("%d dirty nodes, want 2", got)
	}
	if other := v.NextSibling(); other.Dirty != 0 || other.FirstChild().Dirty != 0 {
		t.Errorf("unrelated node marked dirty")
	}
	p.ClearDirty()
	mustSet(t, p, `{"c":"b"}`) // same value: nothing changes
	if len(p.DirtyNodes()) != 0 {
		t.Errorf("unchanged value marked dirty")
	}
}

func TestSetDataBadPathLeavesPageUnchanged(t *testing.T) {
	cases := []struct{ patch, err string }{
		{`{"a..b":1,"x":2}`, `setData key "a..b":1:3: empty path segment`},
		{`{"a[":1}`, `setData key "a[":1:2: unclosed [`},
		{`{"[x]":1}`, `setData key "[x]":1:2: array index must be digits`},
		{`{"[0]":1}`, `path must start with a name`},
		{`{"a.":1}`, `path ends with .`},
		{`{".a":1}`, `path starts with .`},
		{`{"a]":1}`, `unexpected ]`},
		{`{"a[0]b":1}`, `expected . or [ after ]`},
		{`{"a[1e3]":1}`, `expected ]`},
		{`{"":1}`, `empty path`},
		{`{"list.foo":1}`, `"list" is an array; "foo" is not an index`},
		{`{"list":{"k":[1]},"list.k.z":1}`, `"list.k" is an array; "z" is not an index`},
		{`{"x":1,"a[99999999]":1}`, `array index too large`},
	}
	for _, tc := range cases {
		t.Run(tc.patch, func(t *testing.T) {
			p := mustLoad(t, `<text>{{x}}</text><text wx:for="{{list}}">{{item}}</text>`, `{"x":0,"list":["a"]}`)
			tree, data, evals := body(p), dataJSON(p), p.Evals()
			err := setData(t, p, tc.patch)
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("error %v, want %q", err, tc.err)
			}
			if body(p) != tree || dataJSON(p) != data || p.Evals() != evals || len(p.DirtyNodes()) != 0 {
				t.Errorf("page changed by a rejected patch: %s %s", body(p), dataJSON(p))
			}
		})
	}
}

func TestSetDataCreatesIntermediates(t *testing.T) {
	p := mustLoad(t, `<text>{{o.p[2].q}}</text>`, `{"n":5}`)
	mustSet(t, p, `{"o.p[2].q":1,"n.m":2}`)
	if got, want := dataJSON(p), `{"n":{"m":2},"o":{"p":[null,null,{"q":1}]}}`; got != want {
		t.Errorf("data %s want %s", got, want)
	}
	if got := body(p); got != `text("1")` {
		t.Errorf("tree %s", got)
	}
}

func TestSetDataCopiesHostValues(t *testing.T) {
	p := mustLoad(t, `<text wx:for="{{list}}">{{item}}</text>`, `{}`)
	list := []any{"a"}
	if err := p.SetData(map[string]any{"list": list, "n": 3, "s": []string{"x"}}); err != nil {
		t.Fatal(err)
	}
	list[0] = "changed"
	if got := dataJSON(p); got != `{"list":["a"],"n":3,"s":["x"]}` {
		t.Errorf("data %s", got)
	}
	if err := p.SetData(map[string]any{"f": func() {}}); err == nil {
		t.Errorf("function value accepted")
	}
}
