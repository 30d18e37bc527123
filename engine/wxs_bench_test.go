package engine

import (
	"strings"
	"testing"
)

// BenchmarkWXSCallsInLoop loads a page whose 1,000-item wx:for calls a WXS
// function per item: the per-call cost of the WXS budget (script.Guard)
// and value bridge.
func BenchmarkWXSCallsInLoop(b *testing.B) {
	data := `{"list": [` + strings.TrimSuffix(strings.Repeat(`{"n": 1536, "tag": {"a": 1, "b": "x"}},`, 1000), ",") + `]}`
	src := `<wxs module="m">
function size(n) { var u = ['B', 'KB', 'MB'], i = 0; while (n >= 1024 && i < 2) { n = n / 1024; i++; } return n.toFixed(1) + u[i]; }
function keys(o) { var out = []; for (var k in o) out.push(k); return out.join(','); }
module.exports = { size: size, keys: keys };
</wxs><view wx:for="{{list}}"><text>{{m.size(item.n)}} {{m.keys(item.tag)}}</text></view>`
	dir := writePackage(b, map[string]string{"index.wxml": src, "index.data.json": data})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(dir+"/index", LoadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
