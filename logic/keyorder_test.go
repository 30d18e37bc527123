package logic

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/engine/expr"
)

// Objects keep JavaScript's key order across the bridge, both ways: what a
// script wrote comes back to it (and to the renderer) in the same order,
// on every run. Before, values crossed as Go maps: random order into
// patches, sorted order back into scripts.
func TestKeyOrderAcrossTheBridge(t *testing.T) {
	f := files{
		"p.js": `Page({
  data: { zeta: 1, alpha: { y: 1, b: 2 }, 3: 'three', mid: [ { k2: 1, k1: 2 } ] },
  onLoad() {
    console.log(Object.keys(this.data).join(','), Object.keys(this.data.alpha).join(','), Object.keys(this.data.mid[0]).join(','))
    console.log({ z: 1, a: { y: 2, b: 3 } })
    wx.setStorageSync('k', { z: 1, a: 2, 0: 'x' })
    console.log(Object.keys(wx.getStorageSync('k')).join(','))
  },
  go() { this.setData({ 'o.zz': 1, 'o.aa': { q: 1, c: 2 }, list: [{ n2: 1, n1: 2 }] }) },
  tap(e) { console.log(Object.keys(e.detail).join(','), Object.keys(e.detail.inner).join(',')) },
})`,
		"c.js": `const b = Behavior({ data: { fromB: 1, shared: { b2: 1, b1: 2 } } })
Component({
  behaviors: [b],
  properties: { pz: Number, pa: { type: Object, observer(v) { console.log('observer', Object.keys(v).join(',')) } } },
  data: { z: 1, a: 2, shared: { c2: 1 } },
  lifetimes: { attached() { console.log(Object.keys(this.data).join(','), Object.keys(this.data.shared).join(',')) } },
  methods: { fire() { this.triggerEvent('change', { zz: 1, aa: 2 }) } },
})`,
	}
	for i := range 30 {
		h := newHarness(t, f)
		out := h.run(LoadPage{ID: 1, Path: "p", Data: map[string]any{"host": expr.ObjectOf("h2", 1.0, "h1", 2.0)},
			Components: []ComponentInit{{ID: 2, Parent: 1, Path: "c"}}})
		noDiags(t, out)
		want := "fromB,shared,z,a,pz,pa b2,b1,c2 | 3,zeta,alpha,mid,host y,b k2,k1 | " + `{"z":1,"a":{"y":2,"b":3}}` + " | 0,z,a"
		if got := joined(logsOf(out)); got != want {
			t.Fatalf("run %d: logs\n got %s\nwant %s", i, got, want)
		}

		out = h.run(Event{ID: 1, Handler: "go"})
		var p Patch
		for _, o := range out {
			if m, ok := o.(Patch); ok {
				p = m
			}
		}
		if got := strings.Join(p.Keys, " "); got != "o.zz o.aa list" {
			t.Fatalf("patch keys %q", got)
		}
		b, _ := json.Marshal(p.Data["o.aa"])
		l, _ := json.Marshal(p.Data["list"])
		if string(b) != `{"q":1,"c":2}` || string(l) != `[{"n2":1,"n1":2}]` {
			t.Fatalf("patch values %s %s", b, l)
		}

		out = h.run(Event{ID: 2, Handler: "fire"})
		for _, o := range out {
			if m, ok := o.(TriggerEvent); ok {
				if b, _ := json.Marshal(m.Detail); string(b) != `{"zz":1,"aa":2}` {
					t.Fatalf("detail %s", b)
				}
			}
		}

		out = h.run(Event{ID: 1, Handler: "tap", Event: EventObject{Type: "tap", Detail: expr.ObjectOf("zz", 1.0, "aa", expr.ObjectOf("inner2", 1.0, "inner1", 2.0), "inner", expr.ObjectOf("y", 1.0, "b", 2.0))}},
			SetProperties{ID: 2, Props: map[string]any{"pa": expr.ObjectOf("p2", 1.0, "p1", 2.0)}})
		if got := joined(logsOf(out)); got != "zz,aa,inner y,b | observer p2,p1" {
			t.Fatalf("event and property: %q", got)
		}
	}
}
