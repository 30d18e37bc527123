package engine

import (
	"strings"
	"testing"

	"github.com/skyline-go/skyline/engine/expr"
)

// keysWXS is a WXS module whose keys() enumerates an object as a script does.
const keysWXS = `<wxs module="m">
function keys(o) {
  var out = [];
  for (var k in o) out.push(k + '=' + (typeof o[k] == 'object' ? keys(o[k]) : o[k]));
  return '{' + out.join(',') + '}';
}
function make() { return { zz: 1, aa: { y: 2, b: 3 }, 5: 0 }; }
module.exports = { keys: keys, make: make };
</wxs>`

// Every object that reaches a script keeps JavaScript's key order: array
// indexes ascending, then insertion order. Each case renders 30 times (run
// the test with -count=50: before expr.Object these orders were random).
func TestObjectKeyOrderReachesWXS(t *testing.T) {
	data := `{"obj": {"zeta": 1, "alpha": {"y": 1, "b": 2}, "7": 0, "mid": 3}, "list": [{"k2": 1, "k1": 2}]}`
	cases := []struct {
		name, markup, want string
	}{
		{"object literal", `{{m.keys({x: 1, y: 'z'})}} {{m.keys({y: 1, x: 'z', b: 2})}}`, `{x=1,y=z} {y=1,x=z,b=2}`},
		{"index keys first", `{{m.keys({b: 1, 2: 'two', a: 3, 0: 'zero'})}}`, `{0=zero,2=two,b=1,a=3}`},
		{"spread of data", `{{m.keys({c: 0, ...obj, b: 1})}}`, `{7=0,c=0,zeta=1,alpha={y=1,b=2},mid=3,b=1}`},
		{"spread keeps first place", `{{m.keys({mid: 'first', ...obj})}}`, `{7=0,mid=3,zeta=1,alpha={y=1,b=2}}`},
		{".data.json objects", `{{m.keys(obj)}} {{m.keys(list[0])}}`, `{7=0,zeta=1,alpha={y=1,b=2},mid=3} {k2=1,k1=2}`},
		{"a WXS result passed back", `{{m.keys(m.make())}}`, `{5=0,zz=1,aa={y=2,b=3}}`},
		{"computed key", `{{m.keys({['q' + 1]: 1, p: 2})}}`, `{q1=1,p=2}`},
		{"template data", `<template name="t"><text>{{m2.keys(item)}}</text></template><template is="t" data="{{item: {y: 1, x: 2}}}"/>`, `{y=1,x=2}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := keysWXS + `<text>` + tc.markup + `</text>`
			if strings.Contains(tc.markup, "m2.") {
				// A template sees only its own file's modules: define m2
				// in the same file.
				src = keysWXS + strings.Replace(keysWXS, `module="m"`, `module="m2"`, 1) + tc.markup
			}
			for range 30 {
				p, err := loadWXML(t, src, "", map[string]string{"index.data.json": data})
				if err != nil {
					t.Fatalf("Load: %v", err)
				}
				if got := body(p); !strings.Contains(got, tc.want) {
					t.Fatalf("got %s\nwant it to contain %s", got, tc.want)
				}
			}
		})
	}
}

// wx:for over an object visits its keys in JavaScript's order.
func TestLoopOverObjectKeyOrder(t *testing.T) {
	data := `{"obj": {"zeta": "Z", "alpha": "A", "10": "ten", "2": "two", "mid": "M"}}`
	for range 30 {
		p, err := loadWXML(t, `<text wx:for="{{obj}}">{{index}}:{{item}} </text>`, "", map[string]string{"index.data.json": data})
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		got := body(p)
		want := []string{"2:two", "10:ten", "zeta:Z", "alpha:A", "mid:M"}
		last := -1
		for _, w := range want {
			i := strings.Index(got, w)
			if i < last {
				t.Fatalf("order %s, want %q", got, want)
			}
			last = i
		}
	}
}

// SetData with the script's key order creates objects in that order; a
// plain Go map patch applies in key order, deterministically.
func TestSetDataOrderCreatesObjectsInOrder(t *testing.T) {
	for range 30 {
		p := mustLoad(t, keysWXS+`<text>{{m.keys(o)}}</text>`, "")
		if err := p.SetData(map[string]any{"o.zz": 1.0, "o.aa": 2.0, "o.mm": expr.ObjectOf("y", 1.0, "b", 2.0)}, "o.zz", "o.aa", "o.mm"); err != nil {
			t.Fatal(err)
		}
		if got := body(p); !strings.Contains(got, `{zz=1,aa=2,mm={y=1,b=2}}`) {
			t.Fatalf("ordered patch: %s", got)
		}
		p = mustLoad(t, keysWXS+`<text>{{m.keys(o)}}</text>`, "")
		if err := p.SetData(map[string]any{"o.zz": 1.0, "o.aa": 2.0, "o.mm": map[string]any{"y": 1.0, "b": 2.0}}); err != nil {
			t.Fatal(err)
		}
		if got := body(p); !strings.Contains(got, `{aa=2,mm={b=2,y=1},zz=1}`) {
			t.Fatalf("unordered patch: %s", got)
		}
	}
}

// In the script's order, a later write of a prefix replaces an earlier
// deeper write, as in JavaScript.
func TestSetDataOrderAppliesInOrder(t *testing.T) {
	p := mustLoad(t, `<text>{{a.b}}|{{a.c}}</text>`, "")
	if err := p.SetData(map[string]any{"a.b": 1.0, "a": map[string]any{"c": 2.0}}, "a.b", "a"); err != nil {
		t.Fatal(err)
	}
	if got := body(p); got != `text("|2")` {
		t.Fatalf("got %s", got)
	}
}
