package script

import (
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
)

func hardened(t *testing.T) *goja.Runtime {
	t.Helper()
	rt := goja.New()
	if err := Harden(rt); err != nil {
		t.Fatal(err)
	}
	return rt
}

// Natives that would loop over or allocate a size the script picks, in one
// step the Guard cannot interrupt, refuse sizes over the limits at once.
func TestHardenRefusesHugeNatives(t *testing.T) {
	cases := []string{
		"var a = []; a.length = 4294967295; a.join()",
		"var a = []; a.length = 4294967295; a.forEach(function () {})",
		"var a = []; a.length = 4294967295; a.map(function (x) { return x })",
		"var a = []; a.length = 4294967295; a.indexOf(1)",
		"var a = []; a.length = 4294967295; [].concat(a)",
		"var a = []; a.length = 4294967295; String(a)",
		"var a = []; a.length = 4294967295; JSON.stringify({ x: [a] })",
		"Array.from({ length: 1e9 })",
		"'x'.repeat(2 ** 30)",
		"'x'.padStart(2 ** 30)",
		"'ab'.padEnd(1e12, 'c')",
		"new ArrayBuffer(2 ** 31)",
		"new Float64Array(1e9)",
		"new Uint8Array({ length: 1e9 })",
	}
	for _, src := range cases {
		rt := hardened(t)
		start := time.Now()
		_, err := rt.RunString(src)
		if err == nil || !strings.Contains(err.Error(), "RangeError") {
			t.Errorf("%s: err %v, want a RangeError", src, err)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s: took %v", src, d)
		}
	}
}

func TestHardenKeepsOrdinaryUse(t *testing.T) {
	rt := hardened(t)
	v, err := rt.RunString(`
var a = [3, 1, 2];
var out = [a.join('-'), a.slice().sort().join(''), a.map(function (x) { return x * 2 }).toString(),
  Array.from('hi').length, 'ab'.repeat(3), '7'.padStart(3, '0'), 'x'.padEnd(2, '.'),
  JSON.stringify({ b: [1, { c: null }], d: 'e', t: { toJSON: function () { return 'T' } } }),
  new Uint8Array(4).length, new Uint8Array([1, 2]) instanceof Uint8Array, new ArrayBuffer(8).byteLength,
  Array.prototype.join.name, [].concat([1], [2]).length, [1, [2, [3]]].flat(2).length];
var cyc = {}; cyc.self = cyc;
try { JSON.stringify(cyc) } catch (e) { out.push(e.name) }
try { [1].forEach(function () { throw new TypeError('inner') }) } catch (e) { out.push(e.message + ':' + (e instanceof TypeError)) }
try { 'x'.repeat(1e9) } catch (e) { out.push(e instanceof RangeError) }
out.join('|')`)
	if err != nil {
		t.Fatal(err)
	}
	want := `3-1-2|123|6,2,4|2|ababab|007|x.|{"b":[1,{"c":null}],"d":"e","t":"T"}|4|true|8|join|2|3|TypeError|inner:true|true`
	if v.String() != want {
		t.Errorf("got  %s\nwant %s", v, want)
	}
}
