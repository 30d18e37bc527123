package engine

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/skyline-go/skyline/engine/expr"
)

// defaultValue is the property's initial value: its given default (copied,
// so instances never share containers) or its type's.
func (ps *PropertySpec) defaultValue() any {
	if ps.HasDefault {
		v, err := normalizeValue(ps.Default, 0)
		if err != nil {
			return nil
		}
		return v
	}
	switch ps.Type {
	case PropString:
		return ""
	case PropNumber:
		return 0.0
	case PropBoolean:
		return false
	case PropArray:
		return []any{}
	}
	return nil
}

// coerce converts an attribute value given to the property to its declared
// type, as glass-easel does, so that the first frame renders what the
// component's script will see:
//   - a literal attribute (not a binding) is its text; for a Boolean property
//     any literal, even "false" or a bare attribute, is true (spec §8.9);
//   - a value matching one of the optionalTypes is kept;
//   - String: String(v) (null → the default);
//   - Number: Number(v) when finite, else the default;
//   - Boolean: JavaScript truthiness;
//   - Object: objects, arrays and null; Array: arrays only; else the default;
//   - null type: the value as given;
//   - undefined (an unset data path) gives the default, silently.
//
// warning is non-empty when the value was replaced or force-converted.
func (ps *PropertySpec) coerce(a Attribute) (v any, warning string) {
	v = a.Value
	if !a.Bound {
		if ps.Type == PropBoolean && !slices.Contains(ps.OptionalTypes, PropString) {
			return true, ""
		}
		v = attrString(v)
	}
	if v == expr.Undefined {
		return ps.defaultValue(), ""
	}
	for _, t := range ps.OptionalTypes {
		if matchesType(t, v) {
			return v, ""
		}
	}
	bad := func(what string) (any, string) {
		return ps.defaultValue(), fmt.Sprintf("property %q of type %s received %s; using its default", ps.Name, ps.Type, what)
	}
	switch ps.Type {
	case PropString:
		switch v.(type) {
		case nil:
			return bad("null")
		case map[string]any, []any:
			return expr.ToString(v), fmt.Sprintf("property %q of type String received an object; converted to a string", ps.Name)
		}
		return expr.ToString(v), ""
	case PropNumber:
		switch v.(type) {
		case map[string]any:
			return bad("an object")
		}
		f := expr.ToNumber(v)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return bad(fmt.Sprintf("%q, not a finite number", expr.ToString(v)))
		}
		return f, ""
	case PropBoolean:
		return expr.Truthy(v), ""
	case PropArray:
		if _, ok := v.([]any); ok {
			return v, ""
		}
		return bad("a value that is not an array")
	case PropObject:
		switch v.(type) {
		case nil, map[string]any, []any:
			return v, ""
		}
		return bad("a value that is not an object")
	}
	return v, ""
}

func matchesType(t PropType, v any) bool {
	switch t {
	case PropString:
		_, ok := v.(string)
		return ok
	case PropNumber:
		f, ok := v.(float64)
		return ok && !math.IsNaN(f) && !math.IsInf(f, 0)
	case PropBoolean:
		_, ok := v.(bool)
		return ok
	case PropObject:
		_, ok := v.(map[string]any)
		return ok || v == nil
	case PropArray:
		_, ok := v.([]any)
		return ok
	}
	return true
}

// initialData is a new instance's data: the definition's data (copied),
// then every property's default.
func (d *compDef) initialData() map[string]any {
	data := map[string]any{}
	if d.def.Data != nil {
		if v, err := normalizeValue(d.def.Data, 0); err == nil {
			maps.Copy(data, v.(map[string]any))
		}
	}
	for i := range d.def.Properties {
		ps := &d.def.Properties[i]
		data[ps.Name] = ps.defaultValue()
	}
	return data
}
