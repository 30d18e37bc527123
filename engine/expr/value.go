package expr

// Value is a JSON-like value: nil (null), Undefined, float64, string, bool,
// []any, *Object (an object with JavaScript's key order), map[string]any (a
// host's object: read as if its keys were inserted sorted), or Func (a WXS
// function).
type Value = any

type undefined struct{}

// Undefined is JavaScript's undefined: a missing key, an unknown name, member
// access on null (spec §8: Skyline renders empty, never throws).
var Undefined Value = undefined{}

// Func is a callable value, e.g. a member of a WXS module (m.fmt(x)).
type Func func(args []Value) Value

// Scope resolves the root identifiers of an expression (data keys, loop variables,
// template data, WXS modules). ok=false means "not defined" → Undefined.
type Scope interface {
	Lookup(name string) (Value, bool)
}

// Path is a data path read by an expression: a root name and the static keys after it,
// e.g. a.b[2].c → {"a","b","2","c"}; a[i].c → {"a"} plus i's own path (dynamic index stops
// the chain).
type Path []string
