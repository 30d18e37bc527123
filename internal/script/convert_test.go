package script

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/skyline-go/skyline/engine/expr"
)

func convertJS(t *testing.T, src string, json bool) (any, error) {
	t.Helper()
	rt := goja.New()
	v, err := rt.RunString(src)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	c := &Converter{JSON: json}
	return c.Convert(v)
}

func TestConvertKeepsKeyOrder(t *testing.T) {
	for range 30 {
		v, err := convertJS(t, `({zeta: 1, alpha: {y: [1, undefined, function(){}], x: 'x'}, 10: true, 2: null, mid: undefined, d: new Date(0), nan: NaN})`, true)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(v)
		if want := `{"2":null,"10":true,"zeta":1,"alpha":{"y":[1,null,null],"x":"x"},"d":"1970-01-01T00:00:00.000Z","nan":null}`; string(b) != want {
			t.Fatalf("got  %s\nwant %s", b, want)
		}
	}
}

func TestConvertNonJSONKeepsUndefinedAndFunctions(t *testing.T) {
	rt := goja.New()
	v, _ := rt.RunString(`({u: undefined, f: function () { return 1 }, a: [undefined]})`)
	calls := 0
	c := &Converter{Func: func(goja.Callable) any { calls++; return expr.Func(func([]expr.Value) expr.Value { return 1.0 }) }}
	out, err := c.Convert(v)
	if err != nil {
		t.Fatal(err)
	}
	o := out.(*expr.Object)
	if u, ok := o.Get("u"); !ok || u != expr.Undefined {
		t.Errorf("u = %v %v", u, ok)
	}
	if f, _ := o.Get("f"); calls != 1 || f == nil {
		t.Errorf("f = %v", f)
	}
	if a, _ := o.Get("a"); a.([]any)[0] != expr.Undefined {
		t.Errorf("a = %v", a)
	}
}

// Hostile values are refused quickly, with the path to the fault, without
// allocating what they claim.
func TestConvertBudgets(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"sparse array", `var a = []; a.length = 4294967295; ({list: a})`, ".list: array of length 4294967295: over the limit of 1048576"},
		{"sparse nested", `var a = [0, 1]; a[1] = []; a[1].length = 3000000; a`, "[1]: array of length 3000000: over the limit"},
		{"deep", `var o = {}; var root = o; for (var i = 0; i < 100000; i++) { o.c = {}; o = o.c } root`, "nested more than 100 levels"},
		{"deep arrays", `var o = []; var root = o; for (var i = 0; i < 100000; i++) { o[0] = []; o = o[0] } root`, "nested more than 100 levels"},
		{"cycle", `var o = {a: {}}; o.a.back = o; o`, ".a.back: value is cyclic"},
		{"exponential sharing", `var o = {}; for (var i = 0; i < 60; i++) o = {l: o, r: o}; o`, "limit of 1048576 elements"},
		{"many arrays of numbers", `var big = []; for (var i = 0; i < 300000; i++) big.push(i); [big, big, big, big]`, "[3]: array of length 300000: over the limit of 1048576"},
		{"huge string", `var s = 'x'; for (var i = 0; i < 26; i++) s += s; ({s: s})`, "more than 32 MiB of strings"},
		{"typed array", `({t: new Uint8Array(3000000)})`, ".t: typed array of length 3000000: over the limit"},
		{"odd key", `var o = {}; o['a b'] = []; o['a b'].length = 1e7; o`, `["a b"]: array of length 10000000`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := convertJS(t, tc.src, true)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err %v, want %q", err, tc.want)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// A 100k-deep object is refused in linear time (goja's Export at every
// level made this take 21 s; linear takes a few ms, and the bound leaves
// room for a loaded, shared machine).
func TestConvertDeepObjectIsFast(t *testing.T) {
	rt := goja.New()
	v, _ := rt.RunString(`var o = {}; var root = o; for (var i = 0; i < 100000; i++) { o.c = {v: i}; o = o.c } root`)
	start := time.Now()
	_, err := (&Converter{JSON: true}).Convert(v)
	if err == nil {
		t.Fatal("accepted")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestConvertStop(t *testing.T) {
	rt := goja.New()
	v, _ := rt.RunString(`var a = []; for (var i = 0; i < 100000; i++) a.push({i: i}); a`)
	stopped := &Exceeded{Kind: "cpu", Limit: time.Millisecond}
	_, err := (&Converter{JSON: true, Stop: func() error { return stopped }}).Convert(v)
	if err != stopped {
		t.Fatalf("err %v", err)
	}
}

func TestToJSOrder(t *testing.T) {
	rt := goja.New()
	v := ToJS(rt, expr.ObjectOf("z", 1.0, "a", []any{map[string]any{"y": 1.0, "b": 2.0}}, "3", nil), nil)
	_ = rt.Set("v", v)
	got, err := rt.RunString(`var out = []; for (var k in v) out.push(k); out.concat(Object.keys(v.a[0])).join(',')`)
	if err != nil || got.String() != "3,z,a,b,y" {
		t.Fatalf("got %v %v", got, err)
	}
}
