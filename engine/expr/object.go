package expr

import (
	"bytes"
	"cmp"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Object is a JavaScript object: string keys with values, in JavaScript's
// own property order — array-index keys ("0", "7") ascending, then every
// other key in insertion order. Object literals in bindings, values that
// cross from scripts (logic and WXS) and JSON data files all build Objects,
// so a script that enumerates them (for…in, Object.keys) sees the order the
// object was written in, on every run.
//
// A map[string]any (a host's Go value) is accepted wherever an object is: it
// has no insertion order, so it reads as if its keys were inserted sorted
// (see Keys).
//
// The zero Object is empty and ready to use. An Object is not safe for
// concurrent mutation.
type Object struct {
	keys     []string
	vals     []Value
	index    map[string]int // key → position, once there are many keys
	hasIndex bool           // some key is an array index
}

// objectIndexFrom is the size from which lookups use a map instead of a scan.
const objectIndexFrom = 12

// NewObject returns an empty Object with room for n keys.
func NewObject(n int) *Object {
	return &Object{keys: make([]string, 0, n), vals: make([]Value, 0, n)}
}

// ObjectOf builds an Object from alternating keys and values (tests, fixed
// shapes): ObjectOf("a", 1.0, "b", "x").
func ObjectOf(kv ...any) *Object {
	o := NewObject(len(kv) / 2)
	for i := 0; i+1 < len(kv); i += 2 {
		o.Set(kv[i].(string), kv[i+1])
	}
	return o
}

// Len is the number of keys.
func (o *Object) Len() int {
	if o == nil {
		return 0
	}
	return len(o.keys)
}

func (o *Object) find(k string) int {
	if o == nil {
		return -1
	}
	if o.index != nil {
		if i, ok := o.index[k]; ok {
			return i
		}
		return -1
	}
	for i, x := range o.keys {
		if x == k {
			return i
		}
	}
	return -1
}

// Get returns the value of key k.
func (o *Object) Get(k string) (Value, bool) {
	if i := o.find(k); i >= 0 {
		return o.vals[i], true
	}
	return nil, false
}

// Has reports whether key k is present.
func (o *Object) Has(k string) bool { return o.find(k) >= 0 }

// Set sets key k: an existing key keeps its place, a new key goes last.
func (o *Object) Set(k string, v Value) {
	if i := o.find(k); i >= 0 {
		o.vals[i] = v
		return
	}
	if o.index != nil {
		o.index[k] = len(o.keys)
	}
	o.keys = append(o.keys, k)
	o.vals = append(o.vals, v)
	if !o.hasIndex && IsArrayIndex(k) {
		o.hasIndex = true
	}
	if o.index == nil && len(o.keys) >= objectIndexFrom {
		o.index = make(map[string]int, len(o.keys)*2)
		for i, x := range o.keys {
			o.index[x] = i
		}
	}
}

// Delete removes key k and reports whether it was present.
func (o *Object) Delete(k string) bool {
	i := o.find(k)
	if i < 0 {
		return false
	}
	o.keys = slices.Delete(o.keys, i, i+1)
	o.vals = slices.Delete(o.vals, i, i+1)
	if o.index != nil {
		delete(o.index, k)
		for j := i; j < len(o.keys); j++ {
			o.index[o.keys[j]] = j
		}
	}
	return true
}

// Keys returns the keys in JavaScript's order (Object.keys, for…in): array
// indexes ascending, then the others in insertion order. The slice is the
// caller's.
func (o *Object) Keys() []string {
	if o == nil {
		return nil
	}
	out := slices.Clone(o.keys)
	if o.hasIndex {
		sortIndexKeysFirst(out)
	}
	return out
}

// Range calls f for each key and value in Keys order until f returns false.
// f must not add keys to o.
func (o *Object) Range(f func(k string, v Value) bool) {
	if o == nil {
		return
	}
	if !o.hasIndex {
		for i, k := range o.keys {
			if !f(k, o.vals[i]) {
				return
			}
		}
		return
	}
	for _, k := range o.Keys() {
		v, _ := o.Get(k)
		if !f(k, v) {
			return
		}
	}
}

// Map is a shallow copy of o as a Go map (key order is lost).
func (o *Object) Map() map[string]any {
	m := make(map[string]any, o.Len())
	if o != nil {
		for i, k := range o.keys {
			m[k] = o.vals[i]
		}
	}
	return m
}

// Clone is a shallow copy of o.
func (o *Object) Clone() *Object {
	c := NewObject(o.Len())
	if o != nil {
		c.keys = append(c.keys, o.keys...)
		c.vals = append(c.vals, o.vals...)
		c.hasIndex = o.hasIndex
		if o.index != nil {
			c.index = make(map[string]int, len(o.index))
			for k, i := range o.index {
				c.index[k] = i
			}
		}
	}
	return c
}

// IsArrayIndex reports whether k is a canonical array index ("0", "17", not
// "017" or "-1"), the keys JavaScript orders first and numerically.
func IsArrayIndex(k string) bool {
	_, ok := arrayIndex(k)
	return ok
}

func arrayIndex(k string) (uint64, bool) {
	if k == "" || len(k) > 10 || (len(k) > 1 && k[0] == '0') {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	return n, n < math.MaxUint32 // 2^32-1 is not an index
}

// CompareKeys orders two keys as JavaScript orders the keys of an object
// whose non-index keys were inserted sorted: array indexes first,
// numerically, then the rest by byte order.
func CompareKeys(a, b string) int {
	if c, decided := compareIndexKeys(a, b); decided {
		return c
	}
	return strings.Compare(a, b)
}

// compareIndexKeys orders a and b when either is an array index (indexes
// first, ascending); decided is false when neither is.
func compareIndexKeys(a, b string) (c int, decided bool) {
	ai, aok := arrayIndex(a)
	bi, bok := arrayIndex(b)
	switch {
	case aok && bok:
		return cmp.Compare(ai, bi), true
	case aok:
		return -1, true
	case bok:
		return 1, true
	}
	return 0, false
}

// sortIndexKeysFirst moves array-index keys to the front, ascending, keeping
// the others in their order.
func sortIndexKeysFirst(keys []string) {
	slices.SortStableFunc(keys, func(a, b string) int {
		c, _ := compareIndexKeys(a, b)
		return c
	})
}

// ObjectKeys returns the keys of an object value in JavaScript's order: an
// Object's own order, a Go map's keys sorted by CompareKeys. ok is false for
// anything that is not an object (arrays included).
func ObjectKeys(v Value) (keys []string, ok bool) {
	switch x := v.(type) {
	case *Object:
		return x.Keys(), true
	case map[string]any:
		keys = make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, CompareKeys)
		return keys, true
	}
	return nil, false
}

// Field reads key k of an object value (an Object or a Go map).
func Field(v Value, k string) (Value, bool) {
	switch x := v.(type) {
	case *Object:
		return x.Get(k)
	case map[string]any:
		e, ok := x[k]
		return e, ok
	}
	return nil, false
}

// IsObjectValue reports whether v is a plain object (an Object or a Go map),
// not an array, function or primitive.
func IsObjectValue(v Value) bool {
	switch v.(type) {
	case *Object, map[string]any:
		return true
	}
	return false
}

// ObjectLen is the number of keys of an object value (0 otherwise).
func ObjectLen(v Value) int {
	switch x := v.(type) {
	case *Object:
		return x.Len()
	case map[string]any:
		return len(x)
	}
	return 0
}

// MarshalJSON writes o as JSON.stringify would, in key order: undefined and
// function values are left out, NaN and infinities are null.
func (o *Object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	if err := writeJSON(&b, o, 0); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// maxJSONDepth bounds writeJSON on values nested absurdly deep (JSON data
// crossing the bridge is depth-limited long before this).
const maxJSONDepth = 10000

type jsonDepthError struct{}

func (jsonDepthError) Error() string { return "value nested too deeply for JSON" }

func writeJSON(b *bytes.Buffer, v Value, depth int) error {
	if depth > maxJSONDepth {
		return jsonDepthError{}
	}
	switch x := v.(type) {
	case nil, undefined:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			b.WriteString("null")
		} else {
			b.WriteString(numberString(x))
		}
	case string:
		s, _ := json.Marshal(x)
		b.Write(s)
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			if isFuncValue(e) {
				e = nil
			}
			if err := writeJSON(b, e, depth+1); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case *Object, map[string]any:
		keys, _ := ObjectKeys(x)
		b.WriteByte('{')
		n := 0
		for _, k := range keys {
			e, _ := Field(x, k)
			if e == Undefined || isFuncValue(e) {
				continue
			}
			if n > 0 {
				b.WriteByte(',')
			}
			n++
			s, _ := json.Marshal(k)
			b.Write(s)
			b.WriteByte(':')
			if err := writeJSON(b, e, depth+1); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	default:
		if f, ok := goNumber(v); ok {
			return writeJSON(b, f, depth)
		}
		s, err := json.Marshal(v)
		if err != nil {
			return err
		}
		b.Write(s)
	}
	return nil
}

func isFuncValue(v Value) bool {
	switch v.(type) {
	case Func, func([]Value) Value:
		return true
	}
	return false
}
