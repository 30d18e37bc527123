package app

import (
	"testing"

	"github.com/skyline-go/skyline/engine"
)

// An object's key order survives the whole round trip — .data.json, the
// page's script, setData, the renderer's data, WXS — so a WXS for…in over
// it renders the same text on every run.
func TestKeyOrderEndToEnd(t *testing.T) {
	files := map[string]string{
		"index.wxml": `<wxs module="m">
function keys(o) { var out = []; for (var k in o) out.push(k); return out.join(','); }
module.exports = { keys: keys };
</wxs>
<text id="json">{{m.keys(fromJSON)}}</text>
<text id="page">{{m.keys(fromPage)}}</text>
<text id="set">{{m.keys(made)}}|{{m.keys(made.inner)}}</text>
<text id="comp">{{m.keys(fromComp)}}</text>
<view wx:for="{{fromPage}}" wx:key="*this"><text class="loop">{{index}}</text></view>`,
		"index.data.json": `{"fromJSON": {"zeta": 1, "alpha": 2, "9": 3, "mid": 4}}`,
		"index.js": `Page({
  data: { fromPage: { pz: 1, pa: 2, pm: 3 }, fromComp: {} },
  onLoad() { this.setData({ 'made.zz': 1, 'made.aa': 2, 'made.inner': { y: 1, b: 2 } }) },
  onChange(e) { this.setData({ fromComp: e.detail }) },
})`,
		"index.json": `{"usingComponents": {"c": "./c"}}`,
		"c.json":     `{"component": true}`,
		"c.wxml":     `<view/>`,
		"c.js":       `Component({ lifetimes: { ready() { this.triggerEvent('change', { cz: 1, ca: 2 }) } } })`,
	}
	files["index.wxml"] += `<c bind:change="onChange"/>`
	dir := writePkg(t, files)
	want := map[string]string{
		"json": "9,zeta,alpha,mid",
		"page": "pz,pa,pm",
		"set":  "zz,aa,inner|y,b",
		"comp": "cz,ca",
	}
	for i := range 20 {
		a, _ := openTest(t, dir)
		noErrors(t, a)
		for id, w := range want {
			if got := textOf(t, a, id); got != w {
				t.Fatalf("run %d: #%s = %q, want %q", i, id, got, w)
			}
		}
		var loop string
		a.Page().Root().Walk(func(n *engine.Node) bool {
			if n.Kind == engine.ElementNode && n.HasClass("loop") {
				n.Walk(func(m *engine.Node) bool {
					if m.Kind == engine.TextNode {
						loop += m.Text + " "
					}
					return true
				})
				return false
			}
			return true
		})
		if loop != "pz pa pm " {
			t.Fatalf("run %d: wx:for over an object: %q", i, loop)
		}
		a.Close()
	}
}
