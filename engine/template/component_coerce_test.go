package template

import (
	"fmt"
	"testing"

	"github.com/skyline-go/skyline/engine/dom"
	"github.com/skyline-go/skyline/engine/expr"
)

func TestPropertyCoerce(t *testing.T) {
	lit := func(s string) dom.Attribute { return dom.Attribute{Value: s} }
	bare := dom.Attribute{Value: true}
	bound := func(v any) dom.Attribute { return dom.Attribute{Value: v, Bound: true} }
	cases := []struct {
		spec PropertySpec
		in   dom.Attribute
		want any
		warn bool
	}{
		{PropertySpec{Type: PropString}, lit("a"), "a", false},
		{PropertySpec{Type: PropString}, bound(3.0), "3", false},
		{PropertySpec{Type: PropString}, bound(nil), "", true},
		{PropertySpec{Type: PropString, Default: "d", HasDefault: true}, bound(expr.Undefined), "d", false},
		{PropertySpec{Type: PropString}, bare, "", false},
		{PropertySpec{Type: PropNumber}, lit("12.5"), 12.5, false},
		{PropertySpec{Type: PropNumber}, lit("abc"), 0.0, true},
		{PropertySpec{Type: PropNumber, Default: 7.0, HasDefault: true}, lit("x"), 7.0, true},
		{PropertySpec{Type: PropNumber}, bound(true), 1.0, false},
		{PropertySpec{Type: PropBoolean}, lit("false"), true, false},
		{PropertySpec{Type: PropBoolean}, bare, true, false},
		{PropertySpec{Type: PropBoolean}, bound(false), false, false},
		{PropertySpec{Type: PropBoolean}, bound(""), false, false},
		{PropertySpec{Type: PropBoolean}, bound("0"), true, false},
		{PropertySpec{Type: PropBoolean, OptionalTypes: []PropType{PropString}}, lit("auto"), "auto", false},
		{PropertySpec{Type: PropNumber, OptionalTypes: []PropType{PropString}}, lit("auto"), "auto", false},
		{PropertySpec{Type: PropArray}, bound([]any{1.0}), []any{1.0}, false},
		{PropertySpec{Type: PropArray}, bound(map[string]any{}), []any{}, true},
		{PropertySpec{Type: PropObject}, bound(nil), nil, false},
		{PropertySpec{Type: PropObject}, lit("x"), nil, true},
		{PropertySpec{Type: PropAny}, bound(4.0), 4.0, false},
		{PropertySpec{Type: PropAny}, lit("4"), "4", false},
	}
	for i, c := range cases {
		got, warn := coerceAttr(&c.spec, c.in)
		if fmt.Sprint(got) != fmt.Sprint(c.want) || fmt.Sprintf("%T", got) != fmt.Sprintf("%T", c.want) || (warn != "") != c.warn {
			t.Errorf("%d: %s of %#v = %#v (warn %q), want %#v (warn %v)", i, c.spec.Type, c.in.Value, got, warn, c.want, c.warn)
		}
	}
}

const cardJSON = `{"usingComponents":{"c-card":"/comp/card"}}`
