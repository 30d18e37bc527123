package props

import (
	"reflect"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/engine/expr"
)

func TestCoerce(t *testing.T) {
	obj := map[string]any{"a": 1.0}
	arr := []any{1.0, "x"}
	cases := []struct {
		name string
		spec Spec
		in   any
		want any
		warn string // substring; "" = no warning
	}{
		{"string from literal", Spec{Name: "p", Type: String}, Literal("hi"), "hi", ""},
		{"string from number", Spec{Name: "p", Type: String}, 12.5, "12.5", ""},
		{"string from bool", Spec{Name: "p", Type: String}, true, "true", ""},
		{"string from null → default", Spec{Name: "p", Type: String, Default: "d", HasDefault: true}, nil, "d", "null"},
		{"string from object forced", Spec{Name: "p", Type: String}, obj, "[object Object]", "force converted"},
		{"string from array forced", Spec{Name: "p", Type: String}, arr, "1,x", "force converted"},
		{"number from literal", Spec{Name: "n", Type: Number}, Literal("12"), 12.0, ""},
		{"number from hex literal", Spec{Name: "n", Type: Number}, Literal("0x10"), 16.0, ""},
		{"number from empty literal", Spec{Name: "n", Type: Number}, Literal(""), 0.0, ""},
		{"number from bad literal → default", Spec{Name: "n", Type: Number, Default: 7.0, HasDefault: true}, Literal("abc"), 7.0, "finite"},
		{"number from Go int", Spec{Name: "n", Type: Number}, 3, 3.0, ""},
		{"number from object → default", Spec{Name: "n", Type: Number}, obj, 0.0, "non-number"},
		{"number from bool", Spec{Name: "n", Type: Number}, true, 1.0, ""},
		{"boolean bare attribute", Spec{Name: "b", Type: Boolean}, Literal(""), true, ""},
		{"boolean literal false is true (spec §8.9)", Spec{Name: "b", Type: Boolean}, Literal("false"), true, ""},
		{"boolean bound false", Spec{Name: "b", Type: Boolean}, false, false, ""},
		{"boolean bound 0", Spec{Name: "b", Type: Boolean}, 0.0, false, ""},
		{"boolean bound empty string", Spec{Name: "b", Type: Boolean}, "", false, ""},
		{"boolean bound object", Spec{Name: "b", Type: Boolean}, obj, true, ""},
		{"boolean with String optional keeps literal", Spec{Name: "b", Type: Boolean, OptionalTypes: []Type{String}}, Literal("no"), "no", ""},
		{"array keeps array", Spec{Name: "a", Type: Array}, arr, arr, ""},
		{"array from object → default", Spec{Name: "a", Type: Array}, obj, []any{}, "non-array"},
		{"object keeps object", Spec{Name: "o", Type: Object}, obj, obj, ""},
		{"object keeps null", Spec{Name: "o", Type: Object}, nil, nil, ""},
		{"object from string → default", Spec{Name: "o", Type: Object}, "x", nil, "non-object"},
		{"null type keeps anything", Spec{Name: "x", Type: Any}, obj, obj, ""},
		{"optional type matched kept", Spec{Name: "x", Type: String, OptionalTypes: []Type{Number}}, 5.0, 5.0, ""},
		{"undefined gives default silently", Spec{Name: "x", Type: Number, Default: 9.0, HasDefault: true}, expr.Undefined, 9.0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, warn := c.spec.Coerce(c.in)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Coerce(%#v) = %#v, want %#v", c.in, got, c.want)
			}
			if (c.warn == "") != (warn == "") || !strings.Contains(warn, c.warn) {
				t.Errorf("warning %q, want one containing %q", warn, c.warn)
			}
		})
	}
}

func TestDefaultValueIsACopy(t *testing.T) {
	p := Spec{Name: "list", Type: Array, Default: []any{map[string]any{"n": 1.0}}, HasDefault: true}
	a := p.DefaultValue().([]any)
	a[0].(map[string]any)["n"] = 2.0
	if b := p.DefaultValue().([]any); b[0].(map[string]any)["n"] != 1.0 {
		t.Errorf("instances share the default's containers")
	}
	for ty, want := range map[Type]any{String: "", Number: 0.0, Boolean: false, Array: []any{}, Object: nil, Any: nil} {
		if got := (&Spec{Type: ty}).DefaultValue(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s default %#v, want %#v", ty, got, want)
		}
	}
}

func TestTypeByName(t *testing.T) {
	for i, n := range []string{"null", "String", "Number", "Boolean", "Object", "Array"} {
		if ty, ok := TypeByName(n); !ok || ty != Type(i) || ty.String() != n {
			t.Errorf("TypeByName(%q) = %v, %v", n, ty, ok)
		}
	}
	if _, ok := TypeByName("Date"); ok {
		t.Error("Date accepted")
	}
}
