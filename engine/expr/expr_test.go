package expr

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

// mapScope is the test Scope: a plain map of root names.
type mapScope map[string]any

func (m mapScope) Lookup(name string) (Value, bool) {
	v, ok := m[name]
	return v, ok
}

func testScope() mapScope {
	return mapScope{
		"a":     map[string]any{"b": []any{1.0, 2.0, map[string]any{"c": "deep"}}, "n": nil},
		"x":     5.0,
		"s":     "héllo",
		"list":  []any{map[string]any{"name": "zero"}, map[string]any{"name": "one"}},
		"i":     1.0,
		"k":     "b",
		"empty": "",
		"arr":   []any{},
		"obj":   map[string]any{"p": 1.0, "q": 2.0},
		"flag":  true,
		"nul":   nil,
		"foo":   "F",
		"m": map[string]any{
			"fmt":   Func(func(args []Value) Value { return "<" + ToString(args[0]) + ">" }),
			"boom":  Func(func([]Value) Value { panic("wxs failure") }),
			"count": Func(func(args []Value) Value { return float64(len(args)) }),
		},
	}
}

func TestEval(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		src  string
		want Value
	}{
		// literals
		{"42", 42.0},
		{"3.25", 3.25},
		{".5", 0.5},
		{"1e3", 1000.0},
		{"2.5E-1", 0.25},
		{"0x1F", 31.0},
		{"'it\\'s'", "it's"},
		{`"tab\tnew\nline\u0041\x42\u{1F600}"`, "tab\tnew\nlineAB\U0001F600"},
		{"true", true},
		{"null", nil},
		{"undefined", Undefined},
		// paths
		{"x", 5.0},
		{"a.b[1]", 2.0},
		{"a.b[2].c", "deep"},
		{"a['b'][0]", 1.0},
		{"a[k].length", 3.0},
		{"list[i].name", "one"},
		{"a.n.deep.deeper", Undefined},
		{"missing.x.y", Undefined},
		{"a.b[9]", Undefined},
		{"s.length", 5.0},
		{"s[1]", "é"},
		{"'abc'[2]", "c"},
		// unary
		{"!x", false},
		{"!!''", false},
		{"-'3'", -3.0},
		{"+'  12 '", 12.0},
		{"+'1x'", nan},
		{"+true", 1.0},
		{"typeof s", "string"},
		{"typeof nul", "object"},
		{"typeof missing", "undefined"},
		{"typeof m.fmt", "function"},
		// arithmetic and JS + semantics
		{"1+2*3", 7.0},
		{"(1+2)*3", 9.0},
		{"1+'2'", "12"},
		{"'3'*'4'", 12.0},
		{"7 % 3", 1.0},
		{"-7 % 3", -1.0},
		{"1/0", math.Inf(1)},
		{"'a' + null", "anull"},
		{"'a' + missing", "aundefined"},
		{"[1,2] + 3", "1,23"},
		{"'' + obj", "[object Object]"},
		{"true + 1", 2.0},
		{"0.1 + 0.2", 0.30000000000000004},
		{"'n=' + 1e21", "n=1e+21"},
		{"'n=' + 0.000001", "n=0.000001"},
		{"'n=' + 1e-7", "n=1e-7"},
		{"'n=' + -0", "n=0"},
		{"x - '2'", 3.0},
		// + chains fold into one concatenation only where JS would concatenate
		{"1 + 2 + 'a' + 3 + 4", "3a34"},
		{"'a' + 1 + 2", "a12"},
		{"x + 'px'", "5px"},
		{"'' + [1, [2, null]] + nul", "1,2,null"},
		{"'a' + 1 - 1", nan},
		{"'v' + (1 + 2)", "v3"},
		// comparisons and equality
		{"null == undefined", true},
		{"null === undefined", false},
		{"null == 0", false},
		{"'1' == 1", true},
		{"'1' === 1", false},
		{"true == 1", true},
		{"true == '1'", true},
		{"[1] == 1", true},
		{"arr == ''", true},
		{"obj == obj", true},
		{"obj === obj", true},
		{"list === list", true},
		{"[] == []", false},
		{"nul != undefined", false},
		{"2 !== 2", false},
		{"'b' > 'a'", true},
		{"'10' < '9'", true},
		{"'10' < 9", false},
		{"1 <= 1", true},
		{"x >= 6", false},
		{"nul < 1", true},
		{"missing < 1", false},
		// logical operators return operands
		{"empty || 'dflt'", "dflt"},
		{"x && 'yes'", "yes"},
		{"0 && 'yes'", 0.0},
		{"nul ?? 'dn'", "dn"},
		{"0 ?? 'dn'", 0.0},
		{"arr ? 'truthy' : 'falsy'", "truthy"},
		{"'' ? 'truthy' : 'falsy'", "falsy"},
		{"x > 3 ? 'big' : x > 1 ? 'mid' : 'small'", "big"},
		{"false ? 1 : true ? 2 : 3", 2.0},
		{"flag ? 'item-' + x : ''", "item-5"},
		// calls
		{"m.fmt(x)", "<5>"},
		{"m.count(...[1,2,3], 4)", 4.0},
		{"x(1)", Undefined},
		{"m.nothing(1)", Undefined},
		{"m.boom()", Undefined},
	}
	s := testScope()
	for _, c := range cases {
		e, err := Parse(c.src, diag.Pos{File: "t.wxml", Line: 1, Col: 1})
		if err != nil {
			t.Errorf("Parse(%q): %v", c.src, err)
			continue
		}
		got := e.Eval(s)
		if !sameValue(got, c.want) {
			t.Errorf("Eval(%q) = %#v, want %#v", c.src, got, c.want)
		}
	}
}

func sameValue(a, b Value) bool {
	if fa, ok := a.(float64); ok {
		if fb, ok := b.(float64); ok && math.IsNaN(fa) && math.IsNaN(fb) {
			return true
		}
	}
	return reflect.DeepEqual(a, b)
}

func TestEvalComposite(t *testing.T) {
	cases := []struct {
		src  string
		want Value
	}{
		{"[x, 'a', [1]]", []any{5.0, "a", []any{1.0}}},
		{"[...a.b[0:1], ...'hi', ...nul]", nil}, // malformed: slice syntax
		{"[0, ...list.length, ...'hi', ...nul, 9]", []any{0.0, "h", "i", 9.0}},
		{"{p: 1, 'q r': x, 3: true}", ObjectOf("p", 1.0, "q r", 5.0, "3", true)},
		{"{foo}", ObjectOf("foo", "F")},
		{"{...obj, q: 9, ...{p: 0}}", ObjectOf("p", 0.0, "q", 9.0)},
		{"{q: 9, ...obj}", ObjectOf("q", 2.0, "p", 1.0)},
		{"{[k + 'x']: 1}", ObjectOf("bx", 1.0)},
		{"{...[7, 8]}", ObjectOf("0", 7.0, "1", 8.0)},
		{"[1, 2, ].length", 2.0},
	}
	s := testScope()
	for _, c := range cases {
		e, err := Parse(c.src, diag.Pos{Line: 1, Col: 1})
		if c.want == nil {
			if err == nil {
				t.Errorf("Parse(%q) succeeded, want error", c.src)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q): %v", c.src, err)
			continue
		}
		if got := e.Eval(s); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Eval(%q) = %#v, want %#v", c.src, got, c.want)
		}
	}
}

func TestEvalFreshComposites(t *testing.T) {
	e, err := Parse("[1, {a: 1}]", diag.Pos{})
	if err != nil {
		t.Fatal(err)
	}
	first := e.Eval(nil).([]any)
	first[0] = "mutated"
	first[1].(*Object).Set("a", "mutated")
	if got := e.Eval(nil); !reflect.DeepEqual(got, []any{1.0, ObjectOf("a", 1.0)}) {
		t.Errorf("second Eval saw a mutation of the first result: %#v", got)
	}
}

func TestParseObjectBody(t *testing.T) {
	s := testScope()
	cases := []struct {
		src  string
		want *Object
	}{
		{"...obj, q: 5", ObjectOf("p", 1.0, "q", 5.0)},
		{"foo, x", ObjectOf("foo", "F", "x", 5.0)},
		{"item: list[i], index: i,", ObjectOf("item", map[string]any{"name": "one"}, "index", 1.0)},
		{"  ", NewObject(0)},
	}
	for _, c := range cases {
		e, err := ParseObjectBody(c.src, diag.Pos{Line: 1, Col: 1})
		if err != nil {
			t.Errorf("ParseObjectBody(%q): %v", c.src, err)
			continue
		}
		if got := e.Eval(s); !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseObjectBody(%q) = %#v, want %#v", c.src, got, c.want)
		}
	}
	if _, err := ParseObjectBody("a b", diag.Pos{Line: 1, Col: 1}); err == nil {
		t.Error("ParseObjectBody(\"a b\") succeeded, want error")
	}
}

func TestDeps(t *testing.T) {
	cases := []struct {
		src  string
		want []Path
	}{
		{"a.b[2].c + x", []Path{{"a", "b", "2", "c"}, {"x"}}},
		{"list[i].name", []Path{{"list"}, {"i"}}},
		{"a['k'].z", []Path{{"a", "k", "z"}}},
		{"item.id == sel ? 'on' : item.id", []Path{{"item", "id"}, {"sel"}}},
		{"m.fmt(price, unit)", []Path{{"m", "fmt"}, {"price"}, {"unit"}}},
		{"{...a, b: c.d, e}", []Path{{"a"}, {"c", "d"}, {"e"}}},
		{"[1, 'x', true]", nil},
		{"(a || b).c", []Path{{"a"}, {"b"}}},
		{"grid[r][c]", []Path{{"grid"}, {"r"}, {"c"}}},
		{"typeof !-x", []Path{{"x"}}},
	}
	for _, c := range cases {
		e, err := Parse(c.src, diag.Pos{})
		if err != nil {
			t.Errorf("Parse(%q): %v", c.src, err)
			continue
		}
		if got := e.Deps(); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Deps(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	base := diag.Pos{File: "p.wxml", Line: 3, Col: 10}
	cases := []struct {
		src     string
		pos     diag.Pos
		msgPart string
	}{
		{"a +", diag.Pos{File: "p.wxml", Line: 3, Col: 13}, "unexpected end of expression"},
		{"a b", diag.Pos{File: "p.wxml", Line: 3, Col: 12}, `unexpected "b" after expression`},
		{"'abc", diag.Pos{File: "p.wxml", Line: 3, Col: 10}, "unterminated string"},
		{"a ?\n  b", diag.Pos{File: "p.wxml", Line: 4, Col: 4}, `expected ":"`},
		{"x.\n\n 1", diag.Pos{File: "p.wxml", Line: 5, Col: 2}, "expected property name"},
		{"a # b", diag.Pos{File: "p.wxml", Line: 3, Col: 12}, "unexpected character '#'"},
		{"1e", diag.Pos{File: "p.wxml", Line: 3, Col: 11}, "malformed exponent"},
		{"(a", diag.Pos{File: "p.wxml", Line: 3, Col: 12}, `expected ")"`},
		{"{a: }", diag.Pos{File: "p.wxml", Line: 3, Col: 14}, `unexpected "}"`},
		{"", base, "empty expression"},
		{strings.Repeat("(", 300) + "1" + strings.Repeat(")", 300), diag.Pos{File: "p.wxml", Line: 3, Col: 10 + maxDepth}, "nested too deeply"},
		{"a = 1", diag.Pos{File: "p.wxml", Line: 3, Col: 12}, "unexpected character '='"},
	}
	for _, c := range cases {
		_, err := Parse(c.src, base)
		d, ok := err.(diag.Diagnostic)
		if !ok {
			t.Errorf("Parse(%q) error = %v, want a diag.Diagnostic", c.src, err)
			continue
		}
		if d.Pos != c.pos || !strings.Contains(d.Msg, c.msgPart) || d.Severity != diag.Error {
			t.Errorf("Parse(%q) = %v, want %v containing %q", c.src, d, c.pos, c.msgPart)
		}
	}
}

func TestConversions(t *testing.T) {
	strs := []struct {
		v    Value
		want string
	}{
		{nil, ""}, {Undefined, ""}, {1.5, "1.5"}, {100.0, "100"}, {-1e-7, "-1e-7"},
		{123456789012345680000.0, "123456789012345680000"}, {1e21, "1e+21"}, {math.NaN(), "NaN"},
		{[]any{1.0, nil, "x", []any{2.0, 3.0}}, "1,,x,2,3"}, {map[string]any{}, "[object Object]"},
		{true, "true"}, {7, "7"},
	}
	for _, c := range strs {
		if got := ToString(c.v); got != c.want {
			t.Errorf("ToString(%#v) = %q, want %q", c.v, got, c.want)
		}
	}
	nums := []struct {
		v    Value
		want float64
	}{
		{"", 0}, {" 0x10 ", 16}, {"-Infinity", math.Inf(-1)}, {"1_000", math.NaN()}, {"inf", math.NaN()},
		{[]any{}, 0}, {[]any{"4"}, 4}, {[]any{1.0, 2.0}, math.NaN()}, {nil, 0}, {Undefined, math.NaN()}, {"1e3", 1000},
	}
	for _, c := range nums {
		if got := ToNumber(c.v); !sameValue(got, c.want) {
			t.Errorf("ToNumber(%#v) = %v, want %v", c.v, got, c.want)
		}
	}
	truthy := []struct {
		v    Value
		want bool
	}{
		{[]any{}, true}, {map[string]any{}, true}, {"", false}, {"0", true}, {0.0, false}, {math.NaN(), false}, {nil, false}, {Undefined, false},
	}
	for _, c := range truthy {
		if got := Truthy(c.v); got != c.want {
			t.Errorf("Truthy(%#v) = %v, want %v", c.v, got, c.want)
		}
	}
}

func TestPathEvalAllocs(t *testing.T) {
	e, err := Parse("a.b[2].c", diag.Pos{})
	if err != nil {
		t.Fatal(err)
	}
	s := testScope()
	if n := testing.AllocsPerRun(100, func() { _ = e.Eval(s) }); n != 0 {
		t.Errorf("path Eval allocates %v times per run, want 0", n)
	}
}
