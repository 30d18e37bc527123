package expr

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

// Object literals keep JavaScript's key order (array indexes ascending, then
// insertion order), on every evaluation: the order a script enumerating the
// object sees. Run with -count=50: a Go map here made the order random.
func TestObjectLiteralKeyOrder(t *testing.T) {
	s := mapScope{
		"o":    ObjectOf("z", 1.0, "a", 2.0),
		"host": map[string]any{"y": 1.0, "b": 2.0, "10": 3.0, "2": 4.0},
	}
	cases := []struct{ src, want string }{
		{"{y: 1, x: 'z'}", "y x"},
		{"{x: 1, y: 'z'}", "x y"},
		{"{b: 1, a: 2, c: 3, 1: 4, 0: 5}", "0 1 b a c"},
		{"{c: 0, ...o, b: 1}", "c z a b"},
		{"{a: 0, ...o}", "a z"}, // a keeps its place, takes o's value
		{"{m: 0, ...host}", "2 10 m b y"},
		{"{[ 'q' + 1 ]: 1, p: 2}", "q1 p"},
		{"{...'ab', k: 1}", "0 1 k"},
	}
	for _, c := range cases {
		e, err := Parse(c.src, diag.Pos{Line: 1, Col: 1})
		if err != nil {
			t.Fatalf("Parse(%q): %v", c.src, err)
		}
		for range 20 {
			keys, ok := ObjectKeys(e.Eval(s))
			if got := strings.Join(keys, " "); !ok || got != c.want {
				t.Fatalf("keys of %s = %q, want %q", c.src, got, c.want)
			}
		}
	}
	e, _ := Parse("{a: 0, ...o}", diag.Pos{})
	if v, _ := Field(e.Eval(s), "a"); v != 2.0 {
		t.Errorf("{a: 0, ...o}.a = %v, want 2 (later entries win)", v)
	}
}

func TestObjectSetGetDelete(t *testing.T) {
	o := NewObject(0)
	for i := range 40 { // past the size where lookups switch to a map
		o.Set(string(rune('A'+i)), float64(i))
	}
	o.Set("B", "again") // keeps its place
	if !o.Delete("C") || o.Delete("C") || o.Len() != 39 {
		t.Fatalf("Delete: len %d", o.Len())
	}
	if v, ok := o.Get("B"); !ok || v != "again" {
		t.Errorf("B = %v", v)
	}
	if v, ok := o.Get("D"); !ok || v != 3.0 {
		t.Errorf("D after a deletion = %v", v)
	}
	if k := o.Keys(); k[0] != "A" || k[1] != "B" || k[2] != "D" {
		t.Errorf("keys %q", k[:3])
	}
	if o.Has("C") || !o.Has("Z") {
		t.Error("Has")
	}
	c := o.Clone()
	c.Set("new", 1.0)
	if o.Has("new") {
		t.Error("Clone shares its keys")
	}
}

func TestArrayIndexKeys(t *testing.T) {
	for k, want := range map[string]bool{"0": true, "7": true, "4294967294": true, "4294967295": false,
		"01": false, "-1": false, "1.5": false, "": false, "a": false, "99999999999": false} {
		if got := IsArrayIndex(k); got != want {
			t.Errorf("IsArrayIndex(%q) = %v", k, got)
		}
	}
}

func TestDecodeJSONKeepsOrder(t *testing.T) {
	src := `{"zeta": 1, "alpha": {"y": [true, null, "s"], "x": 2.5}, "5": 0, "mid": {}, "zeta2": -1e3}`
	for range 20 {
		v, err := DecodeJSON([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		keys, _ := ObjectKeys(v)
		if got := strings.Join(keys, " "); got != "5 zeta alpha mid zeta2" {
			t.Fatalf("keys %q", got)
		}
		inner, _ := Field(v, "alpha")
		if keys, _ := ObjectKeys(inner); strings.Join(keys, " ") != "y x" {
			t.Fatalf("inner keys %q", keys)
		}
		y, _ := Field(inner, "y")
		if !reflect.DeepEqual(y, []any{true, nil, "s"}) {
			t.Fatalf("array %#v", y)
		}
		b, err := json.Marshal(v)
		if err != nil || string(b) != `{"5":0,"zeta":1,"alpha":{"y":[true,null,"s"],"x":2.5},"mid":{},"zeta2":-1000}` {
			t.Fatalf("MarshalJSON %s %v", b, err)
		}
	}
}

func TestDecodeJSONStrings(t *testing.T) {
	src := `["plain", "中文", "esc\"aped\n", "\u00e9\ud83d\ude00", "bad ` + "\xff" + ` utf8", 1e2, -0.5, true, false, null]`
	v, err := DecodeJSON([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var want any
	if err := json.Unmarshal([]byte(src), &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(v, want) {
		t.Errorf("got  %#v\nwant %#v", v, want)
	}
	if _, err := DecodeJSON([]byte(`[1e999]`)); err == nil {
		t.Error("1e999 decoded")
	}
}

func TestDecodeJSONRepeatedKey(t *testing.T) {
	v, err := DecodeJSON([]byte(`{"a": 1, "b": 2, "a": 3}`))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := json.Marshal(v); string(b) != `{"a":3,"b":2}` {
		t.Errorf("got %s (JSON.parse keeps the first place and the last value)", b)
	}
}

func TestDecodeJSONErrors(t *testing.T) {
	for _, src := range []string{`{"a": }`, `{"a": 1,}`, "{\n \"a\": 1,\n \"b\": }", `[1, 2`, `{"a": 1} x`, `{"a": 1} {}`, ``, `{1: 2}`, `[1 2]`} {
		_, err := DecodeJSON([]byte(src))
		var je *JSONError
		if !errors.As(err, &je) {
			t.Errorf("DecodeJSON(%q) = %v, want a JSONError", src, err)
			continue
		}
		// The offset is encoding/json's (bytes up to and including the
		// fault), where it reports one.
		var v any
		want := int64(len(src))
		var se *json.SyntaxError
		if errors.As(json.Unmarshal([]byte(src), &v), &se) {
			want = se.Offset
		}
		if je.Offset != want {
			t.Errorf("DecodeJSON(%q): offset %d, want %d (%v)", src, je.Offset, want, err)
		}
	}
	deep := strings.Repeat("[", 10001) + strings.Repeat("]", 10001) // encoding/json's nesting limit
	if _, err := DecodeJSON([]byte(deep)); err == nil {
		t.Error("nesting beyond the limit decoded")
	}
}

func TestObjectMarshalJSONLikeStringify(t *testing.T) {
	o := ObjectOf("u", Undefined, "f", Func(func([]Value) Value { return nil }), "n", 1.0, "arr", []any{Undefined, 2.0}, "host", map[string]any{"b": 1.0, "a": 2.0})
	b, err := json.Marshal(o)
	if err != nil || string(b) != `{"n":1,"arr":[null,2],"host":{"a":2,"b":1}}` {
		t.Errorf("got %s %v", b, err)
	}
}

func TestObjectValueSemantics(t *testing.T) {
	o := ObjectOf("k", 1.0)
	s := mapScope{"o": o, "p": ObjectOf("k", 1.0)}
	cases := []struct {
		src  string
		want Value
	}{
		{"o.k", 1.0}, {"o['k']", 1.0}, {"o.missing", Undefined}, {"typeof o", "object"},
		{"o === o", true}, {"o === p", false}, {"o == p", false}, {"'' + o", "[object Object]"},
		{"!o", false}, {"o ? 1 : 2", 1.0},
	}
	for _, c := range cases {
		e, err := Parse(c.src, diag.Pos{})
		if err != nil {
			t.Fatal(err)
		}
		if got := e.Eval(s); got != c.want {
			t.Errorf("%s = %#v, want %#v", c.src, got, c.want)
		}
	}
}
