package script

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"time"

	"github.com/dop251/goja"
	"github.com/skyline-go/skyline/engine/expr"
)

// Budgets of one value crossing from a script to Go (a setData, Page({data}),
// a WXS call's result, an event detail). A value over any of them is
// refused whole, with a BridgeError naming where it broke the budget.
const (
	// MaxDepth bounds nesting (a cyclic value is reported as such).
	MaxDepth = 100
	// MaxNodes bounds the values (array elements and object fields,
	// containers included) of one conversion; an array whose length is
	// over the budget left is refused before anything is allocated.
	MaxNodes = 1 << 20
	// MaxStringBytes bounds the total size of the strings of one
	// conversion (keys included).
	MaxStringBytes = 32 << 20
)

// BridgeError is a value refused at the bridge. Path is where, in
// JavaScript syntax relative to the converted value ("" for the value
// itself, ".list[3].name" below it).
type BridgeError struct {
	Path string
	Msg  string
}

func (e *BridgeError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

// Converter turns goja values into expression values (nil, bool, float64,
// string, []any, *expr.Object, expr.Undefined, expr.Func) within the
// budgets above, in time linear in the size of the value: containers are
// walked with Get and Keys, never exported whole.
type Converter struct {
	// JSON gives JSON.stringify's view (the logic layer's data): undefined
	// and function fields are left out, undefined and function array
	// elements become null, non-finite numbers null, Dates their ISO text.
	// Otherwise (WXS results) undefined stays expr.Undefined and functions
	// go through Func.
	JSON bool
	// Func converts a function (when JSON is false); nil gives Undefined.
	Func func(fn goja.Callable) any
	// Stop, when set, is polled every few hundred values; a non-nil result
	// abandons the conversion with that error (the guard's budget ran out
	// while Go was converting on the script's behalf).
	Stop func() error

	nodes, bytes, steps int
	onPath              map[*goja.Object]struct{}
}

// skip marks a JSON field that is left out (undefined, a function).
type skip struct{}

// Convert converts v. The budgets count from zero on each call.
func (c *Converter) Convert(v goja.Value) (any, error) {
	c.Reset()
	return c.ConvertMore(v)
}

// Reset starts the budgets afresh.
func (c *Converter) Reset() { c.nodes, c.bytes, c.steps = 0, 0, 0 }

// ConvertMore converts v within what is left of the budgets: several
// values sent together (the fields of one setData) share them.
func (c *Converter) ConvertMore(v goja.Value) (any, error) {
	clear(c.onPath)
	out, err := c.value(v, 0)
	if err != nil {
		return nil, err
	}
	if _, ok := out.(skip); ok {
		if c.JSON {
			return expr.Undefined, nil
		}
	}
	return out, nil
}

// count adds nodes and string bytes to the budgets.
func (c *Converter) count(nodes, bytes int) error {
	c.nodes += nodes
	c.bytes += bytes
	if c.nodes > MaxNodes {
		return &BridgeError{Msg: fmt.Sprintf("value has more than the limit of %d elements and fields per value", MaxNodes)}
	}
	if c.bytes > MaxStringBytes {
		return &BridgeError{Msg: fmt.Sprintf("value holds more than %d MiB of strings", MaxStringBytes>>20)}
	}
	return nil
}

// step is called once per value visited; it polls Stop.
func (c *Converter) step() error {
	c.steps++
	if c.Stop != nil && c.steps&255 == 0 {
		return c.Stop()
	}
	return nil
}

func (c *Converter) value(v goja.Value, depth int) (any, error) {
	if err := c.step(); err != nil {
		return nil, err
	}
	if v == nil || goja.IsUndefined(v) {
		if c.JSON {
			return skip{}, nil
		}
		return expr.Undefined, nil
	}
	if goja.IsNull(v) {
		return nil, nil
	}
	obj, isObj := v.(*goja.Object)
	if !isObj {
		switch x := v.Export().(type) {
		case bool:
			return x, nil
		case string:
			if err := c.count(0, len(x)); err != nil {
				return nil, err
			}
			return x, nil
		case int64:
			return float64(x), nil
		case float64:
			if c.JSON && (math.IsNaN(x) || math.IsInf(x, 0)) {
				return nil, nil // JSON.stringify writes null
			}
			return x, nil
		}
		s := v.String() // symbols, BigInts
		if err := c.count(0, len(s)); err != nil {
			return nil, err
		}
		return s, nil
	}
	if fn, ok := goja.AssertFunction(v); ok {
		if c.JSON {
			return skip{}, nil
		}
		if c.Func != nil {
			return c.Func(fn), nil
		}
		return expr.Undefined, nil
	}
	if depth >= MaxDepth {
		return nil, &BridgeError{Msg: fmt.Sprintf("value nested more than %d levels deep", MaxDepth)}
	}
	if c.onPath == nil {
		c.onPath = map[*goja.Object]struct{}{}
	}
	if _, cyc := c.onPath[obj]; cyc {
		return nil, &BridgeError{Msg: "value is cyclic (it contains itself)"}
	}
	c.onPath[obj] = struct{}{}
	defer delete(c.onPath, obj)
	if err := c.count(1, 0); err != nil {
		return nil, err
	}
	switch cls := obj.ClassName(); cls {
	case "Array":
		return c.array(obj, depth)
	case "Date":
		if c.JSON {
			if f, ok := goja.AssertFunction(obj.Get("toISOString")); ok {
				if r, err := f(obj); err == nil {
					return r.String(), nil
				}
			}
			return nil, nil
		}
		if t, ok := obj.Export().(time.Time); ok {
			return t.UTC().Format(time.RFC3339Nano), nil
		}
		return nil, nil
	case "String":
		s := obj.String()
		if err := c.count(0, len(s)); err != nil {
			return nil, err
		}
		return s, nil
	case "Number":
		return obj.ToFloat(), nil
	case "Boolean":
		if b, ok := obj.Export().(bool); ok {
			return b, nil
		}
	default:
		if t := obj.ExportType(); t != nil && t.Kind() == reflect.Slice {
			// A typed array: as many index keys as its length, which is
			// checked before the keys are listed.
			if l := obj.Get("length"); l != nil && l.ToFloat() > float64(MaxNodes-c.nodes) {
				return nil, overLimit("typed array", l.ToFloat())
			}
		}
	}
	return c.object(obj, depth)
}

func (c *Converter) array(obj *goja.Object, depth int) (any, error) {
	l := obj.Get("length").ToFloat()
	if l < 0 || l != math.Trunc(l) || l > float64(MaxNodes-c.nodes) {
		return nil, overLimit("array", l)
	}
	n := int(l)
	if err := c.count(n, 0); err != nil {
		return nil, err
	}
	out := make([]any, n)
	for i := range out {
		e, err := c.value(obj.Get(strconv.Itoa(i)), depth+1)
		if err != nil {
			return nil, prefix(err, "["+strconv.Itoa(i)+"]")
		}
		if _, ok := e.(skip); ok {
			e = nil // JSON.stringify: undefined and functions in arrays are null
		}
		out[i] = e
	}
	return out, nil
}

func (c *Converter) object(obj *goja.Object, depth int) (any, error) {
	keys := obj.Keys()
	if len(keys) > MaxNodes-c.nodes {
		return nil, overLimit("object", float64(len(keys)))
	}
	if err := c.count(len(keys), 0); err != nil {
		return nil, err
	}
	out := expr.NewObject(len(keys))
	for _, k := range keys {
		if err := c.count(0, len(k)); err != nil {
			return nil, err
		}
		e, err := c.value(obj.Get(k), depth+1)
		if err != nil {
			return nil, prefix(err, fieldPath(k))
		}
		if _, ok := e.(skip); ok {
			continue
		}
		out.Set(k, e)
	}
	return out, nil
}

func overLimit(what string, n float64) error {
	return &BridgeError{Msg: fmt.Sprintf("%s of length %s: over the limit of %d elements and fields per value", what, strconv.FormatFloat(n, 'f', -1, 64), MaxNodes)}
}

func prefix(err error, p string) error {
	if be, ok := err.(*BridgeError); ok {
		return &BridgeError{Path: p + be.Path, Msg: be.Msg}
	}
	return err
}

// fieldPath writes a key as a member access: .name when it is an
// identifier, ["…"] otherwise.
func fieldPath(k string) string {
	ident := k != ""
	for i, r := range k {
		if !(r == '_' || r == '$' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9') {
			ident = false
			break
		}
	}
	if ident {
		return "." + k
	}
	return "[" + strconv.Quote(k) + "]"
}

// ToJS builds a fresh goja value from an expression value. Objects keep
// their key order (a Go map's keys go in CompareKeys order, so a script sees
// the same order on every run). other converts values ToJS does not know
// (nil: undefined); nesting deeper than MaxDepth becomes null.
func ToJS(rt *goja.Runtime, v any, other func(any) goja.Value) goja.Value {
	return toJS(rt, v, other, 0)
}

func toJS(rt *goja.Runtime, v any, other func(any) goja.Value, depth int) goja.Value {
	if depth > MaxDepth {
		return goja.Null()
	}
	switch x := v.(type) {
	case nil:
		return goja.Null()
	case bool, string, float64:
		return rt.ToValue(x)
	case []any:
		arr := make([]any, len(x))
		for i, e := range x {
			arr[i] = toJS(rt, e, other, depth+1)
		}
		return rt.NewArray(arr...)
	case *expr.Object:
		o := rt.NewObject()
		x.Range(func(k string, e any) bool {
			_ = o.Set(k, toJS(rt, e, other, depth+1))
			return true
		})
		return o
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, expr.CompareKeys)
		o := rt.NewObject()
		for _, k := range keys {
			_ = o.Set(k, toJS(rt, x[k], other, depth+1))
		}
		return o
	case goja.Value:
		return x
	}
	if v == expr.Undefined {
		return goja.Undefined()
	}
	if other != nil {
		return other(v)
	}
	return goja.Undefined()
}
