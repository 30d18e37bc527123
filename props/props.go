package props

import (
	"fmt"
	"math"

	"github.com/skyline-go/skyline/engine/expr"
)

// Type is a property's declared type. Any is `type: null`: any value is
// kept as given.
type Type uint8

const (
	Any Type = iota
	String
	Number
	Boolean
	Object
	Array
)

var typeNames = [...]string{"null", "String", "Number", "Boolean", "Object", "Array"}

// String returns the type's JavaScript name.
func (t Type) String() string {
	if int(t) >= len(typeNames) {
		return "?"
	}
	return typeNames[t]
}

// TypeByName maps a JavaScript constructor name (String, Number, Boolean,
// Object, Array) or "null" to a Type.
func TypeByName(name string) (Type, bool) {
	for i, n := range typeNames {
		if n == name {
			return Type(i), true
		}
	}
	return Any, false
}

// Literal is attribute text written in markup without a binding
// (<comp count="12" flag>). Literal and bound values coerce differently for
// Boolean properties (spec §8.9: a present attribute with no value or any
// literal text is true; a binding is JavaScript truthiness). A bare
// attribute is Literal("").
type Literal string

// Spec is one declared property.
type Spec struct {
	// Name is the property name in camelCase; markup sets it through the
	// attribute of the same name or its hyphenated form.
	Name          string
	Type          Type
	OptionalTypes []Type
	// Default is the initial value (JSON-like Go value); HasDefault tells
	// a given `value: null` from none. Without one the type's default is
	// used: "" for String, 0 for Number, false for Boolean, [] for Array,
	// null otherwise.
	Default    any
	HasDefault bool
}

// DefaultValue is a fresh copy of the property's initial value, so
// instances never share containers.
func (p *Spec) DefaultValue() any {
	if p.HasDefault {
		return Clone(p.Default)
	}
	switch p.Type {
	case String:
		return ""
	case Number:
		return 0.0
	case Boolean:
		return false
	case Array:
		return []any{}
	}
	return nil
}

// Coerce converts a value given to the property to its declared type, as
// glass-easel's convertValueToType does:
//   - a Literal is its text, except that a Boolean property (without String
//     among its optionalTypes) takes any literal, even "false" or a bare
//     attribute, as true (spec §8.9);
//   - undefined (an unset data path) gives the default, silently;
//   - a value matching one of the optionalTypes is kept;
//   - String: String(v) (null → the default);
//   - Number: Number(v) when finite, else the default;
//   - Boolean: JavaScript truthiness;
//   - Object: objects, arrays and null; Array: arrays only; else the default;
//   - null type: the value as given.
//
// warning is non-empty when the value was replaced or force-converted.
func (p *Spec) Coerce(v any) (out any, warning string) {
	v = Normalize(v)
	if lit, ok := v.(Literal); ok {
		if p.Type == Boolean && !p.accepts(String) {
			return true, ""
		}
		v = string(lit)
	}
	if v == expr.Undefined {
		return p.DefaultValue(), ""
	}
	for _, t := range p.OptionalTypes {
		if matches(t, v) {
			return v, ""
		}
	}
	bad := func(what string) (any, string) {
		return p.DefaultValue(), fmt.Sprintf("property %q received type-incompatible value: expected <%s> but got %s; used the default value", p.Name, p.Type, what)
	}
	switch p.Type {
	case String:
		switch v.(type) {
		case nil:
			return bad("null")
		case map[string]any, *expr.Object, []any:
			return expr.ToString(v), fmt.Sprintf("property %q received type-incompatible value: expected <String> but got an object; force converted", p.Name)
		}
		return expr.ToString(v), ""
	case Number:
		if expr.IsObjectValue(v) {
			return bad("a non-number value")
		}
		f := expr.ToNumber(v)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return bad(fmt.Sprintf("%q, not a finite number", expr.ToString(v)))
		}
		return f, ""
	case Boolean:
		return expr.Truthy(v), ""
	case Array:
		if _, ok := v.([]any); ok {
			return v, ""
		}
		return bad("a non-array value")
	case Object:
		switch v.(type) {
		case nil, map[string]any, *expr.Object, []any:
			return v, ""
		}
		return bad("a non-object value")
	}
	return v, ""
}

func (p *Spec) accepts(t Type) bool {
	for _, o := range p.OptionalTypes {
		if o == t {
			return true
		}
	}
	return false
}

// matches reports whether v already has type t (optionalTypes are kept as
// given when they match).
func matches(t Type, v any) bool {
	switch t {
	case String:
		_, ok := v.(string)
		return ok
	case Number:
		f, ok := v.(float64)
		return ok && !math.IsNaN(f) && !math.IsInf(f, 0)
	case Boolean:
		_, ok := v.(bool)
		return ok
	case Object:
		return expr.IsObjectValue(v) || v == nil
	case Array:
		_, ok := v.([]any)
		return ok
	}
	return true
}

// Normalize turns host Go values into the JSON-like forms coercion and data
// use (float64 numbers, []any, *expr.Object or map[string]any).
func Normalize(v any) any {
	switch x := v.(type) {
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case int32:
		return float64(x)
	case uint32:
		return float64(x)
	case uint64:
		return float64(x)
	case float32:
		return float64(x)
	case []string:
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = s
		}
		return out
	case map[string]string:
		out := make(map[string]any, len(x))
		for k, s := range x {
			out[k] = s
		}
		return out
	}
	return v
}

// Clone deep-copies a JSON-like value (normalising host Go values); an
// *expr.Object keeps its key order.
func Clone(v any) any {
	switch x := v.(type) {
	case *expr.Object:
		out := expr.NewObject(x.Len())
		x.Range(func(k string, e any) bool {
			out.Set(k, Clone(e))
			return true
		})
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = Clone(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = Clone(e)
		}
		return out
	}
	return Normalize(v)
}
