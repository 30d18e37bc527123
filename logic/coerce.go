package logic

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// PropType is a property's declared type.
type PropType uint8

// The property types of Component({properties}); PropAny is `type: null`.
const (
	PropAny PropType = iota
	PropString
	PropNumber
	PropBoolean
	PropObject
	PropArray
)

func (t PropType) String() string {
	return [...]string{"null", "String", "Number", "Boolean", "Object", "Array"}[t]
}

// Literal is attribute text written in markup without a binding
// (<comp count="12" flag>). The engine passes literal attributes as Literal
// and bound values as their plain Go values, because the two coerce
// differently for Boolean properties (spec §8.9: a present attribute with no
// value or any literal text is true; a binding is JavaScript truthiness). A
// bare attribute is Literal("").
type Literal string

// PropSpec is one declared property.
type PropSpec struct {
	Name          string
	Type          PropType
	OptionalTypes []PropType
	// Default is the value an instance starts with (JSON-like Go value; each
	// instance gets its own copy).
	Default any
	// HasDefault is true when the definition gave `value`.
	HasDefault bool
}

// typeDefault is the default of a type when `value` is not given.
func typeDefault(t PropType) any {
	switch t {
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

// defaultValue is a fresh copy of the property's default.
func (p *PropSpec) defaultValue() any {
	if p.HasDefault {
		return cloneValue(p.Default)
	}
	return typeDefault(p.Type)
}

// Coerce converts a value given to property p to its declared type the way
// glass-easel's convertValueToType does: a value matching one of the
// optionalTypes is kept; String converts with String(v) (null → default);
// Number accepts what isFinite accepts ("12" → 12; others → default);
// Boolean is !!v for bound values and true for any Literal (spec §8.9);
// Object accepts objects, arrays and null; Array accepts arrays only;
// null-typed properties keep any value. The warning is non-empty when the
// value was replaced or force-converted.
func (p *PropSpec) Coerce(v any) (out any, warning string) {
	v = normalizeGo(v)
	lit, isLit := v.(Literal)
	if isLit {
		if p.Type == PropBoolean {
			for _, t := range p.OptionalTypes {
				if t == PropString {
					return string(lit), ""
				}
			}
			return true, ""
		}
		v = string(lit)
	}
	for _, t := range p.OptionalTypes {
		if matchType(t, v) {
			return v, ""
		}
	}
	bad := func(what string) (any, string) {
		return p.defaultValue(), fmt.Sprintf("property %q received type-incompatible value: expected <%s> but got %s; used the default value", p.Name, p.Type, what)
	}
	switch p.Type {
	case PropString:
		switch x := v.(type) {
		case nil:
			return bad("null")
		case map[string]any, []any:
			return jsString(x), fmt.Sprintf("property %q received type-incompatible value: expected <String> but got an object; force converted", p.Name)
		}
		return jsString(v), ""
	case PropNumber:
		if f, ok := jsFiniteNumber(v); ok {
			return f, ""
		}
		if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
			return bad("NaN or Infinity")
		}
		return bad("a non-number value")
	case PropBoolean:
		return jsTruthy(v), ""
	case PropArray:
		if a, ok := v.([]any); ok {
			return a, ""
		}
		return bad("a non-array value")
	case PropObject:
		switch v.(type) {
		case nil, map[string]any, []any:
			return v, ""
		}
		return bad("a non-object value")
	}
	return v, ""
}

func matchType(t PropType, v any) bool {
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

// jsFiniteNumber is isFinite(v) ? Number(v) for JSON-like values.
func jsFiniteNumber(v any) (float64, bool) {
	var f float64
	switch x := v.(type) {
	case float64:
		f = x
	case bool:
		if x {
			f = 1
		}
	case nil:
		f = 0
	case string:
		s := strings.TrimSpace(x)
		if s == "" {
			f = 0
			break
		}
		var err error
		switch {
		case len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'):
			var n uint64
			n, err = strconv.ParseUint(s[2:], 16, 64)
			f = float64(n)
		case len(s) > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B'):
			var n uint64
			n, err = strconv.ParseUint(s[2:], 2, 64)
			f = float64(n)
		case len(s) > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O'):
			var n uint64
			n, err = strconv.ParseUint(s[2:], 8, 64)
			f = float64(n)
		case strings.ContainsAny(s, "xXpP_") || strings.EqualFold(strings.TrimLeft(s, "+-"), "infinity") || strings.EqualFold(strings.TrimLeft(s, "+-"), "inf") || strings.EqualFold(s, "nan"):
			return 0, false
		default:
			f, err = strconv.ParseFloat(s, 64)
		}
		if err != nil {
			return 0, false
		}
	case []any:
		// Number([]) is 0, Number([x]) is Number(x): the array's string form.
		return jsFiniteNumber(jsString(x))
	default:
		return 0, false
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

func jsTruthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case float64:
		return x != 0 && !math.IsNaN(x)
	case string:
		return x != ""
	}
	return true
}

// jsString is String(v) for JSON-like values.
func jsString(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return x
	case bool:
		if x {
			return "true"
		}
		return "false"
	case float64:
		return jsNumberString(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			if e != nil {
				parts[i] = jsString(e)
			}
		}
		return strings.Join(parts, ",")
	case map[string]any:
		return "[object Object]"
	}
	return fmt.Sprint(v)
}

func jsNumberString(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == math.Trunc(f) && math.Abs(f) < 1e21:
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// normalizeGo turns host Go values into the JSON-like forms coercion and
// patches use (float64 numbers, []any, map[string]any).
func normalizeGo(v any) any {
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

// cloneValue deep-copies a JSON-like value.
func cloneValue(v any) any {
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = cloneValue(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = cloneValue(e)
		}
		return out
	}
	return normalizeGo(v)
}
