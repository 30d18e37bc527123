package workletjs

import (
	_ "embed"
	"errors"
	"math"
	"sync"

	"github.com/dop251/goja"
)

// Prelude is the JavaScript of wx.worklet's value-building API: a function
// of the host's object {shared, derived, runOnUI, runOnJS, cancelAnimation}
// returning the wx.worklet object. Both runtimes evaluate it.
//
//go:embed prelude.js
var Prelude string

// Ref is a value that is not data.
type Ref struct {
	Kind Kind
	ID   int // shared value or logic-side function id
	// Name is an API function's path ("timing", "Easing.bezier").
	Name string
	// A worklet: its source text, where it starts in the author's file,
	// and its closure (the free variables' values at capture time).
	Src       string
	File      string
	Line, Col int
	Closure   map[string]any
	// Easing is an easing's descriptor (["bezier", x1, y1, x2, y2], …).
	Easing []any
}

// Kind is what a Ref stands for.
type Kind uint8

const (
	Undefined Kind = iota
	Shared
	Worklet
	JSFunc
	API
	Easing
)

// Limits of one Export.
const (
	MaxDepth  = 64
	MaxValues = 1 << 16
)

// ErrTooLarge is a value over Export's limits.
var ErrTooLarge = errors.New("value too large or too deep to pass between the logic and UI runtimes")

// Hooks decide what a side's special objects are.
type Hooks interface {
	// Object returns the Ref of a special object (a shared value, a
	// worklet, a side's function), or nil for plain data.
	Object(o *goja.Object, isFunc bool) (*Ref, error)
}

// Exporter converts goja values to the wire format within the limits.
type Exporter struct {
	Hooks Hooks
	n     int
}

// Export converts v.
func (e *Exporter) Export(v goja.Value) (any, error) { return e.export(v, 0) }

func (e *Exporter) export(v goja.Value, depth int) (any, error) {
	e.n++
	if e.n > MaxValues || depth > MaxDepth {
		return nil, ErrTooLarge
	}
	if v == nil || goja.IsUndefined(v) {
		return &Ref{Kind: Undefined}, nil
	}
	if goja.IsNull(v) {
		return nil, nil
	}
	o, ok := v.(*goja.Object)
	if !ok {
		switch x := v.Export().(type) {
		case int64:
			return float64(x), nil
		case float64, bool, string:
			return x, nil
		}
		return v.String(), nil
	}
	_, isFunc := goja.AssertFunction(o)
	if r, err := e.Hooks.Object(o, isFunc); r != nil || err != nil {
		return r, err
	}
	if isFunc {
		return &Ref{Kind: Undefined}, nil
	}
	if o.ClassName() == "Array" {
		n := o.Get("length").ToInteger()
		if n > MaxValues {
			return nil, ErrTooLarge
		}
		out := make([]any, n)
		for i := range out {
			x, err := e.export(o.Get(itoa(i)), depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = x
		}
		return out, nil
	}
	keys := o.Keys()
	out := make(map[string]any, len(keys))
	for _, k := range keys {
		x, err := e.export(o.Get(k), depth+1)
		if err != nil {
			return nil, err
		}
		out[k] = x
	}
	return out, nil
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	var b [20]byte
	p := len(b)
	for i > 0 {
		p--
		b[p] = byte('0' + i%10)
		i /= 10
	}
	return string(b[p:])
}

// Import converts a wire value into vm; ref makes the side's object for a
// Ref.
func Import(vm *goja.Runtime, v any, ref func(*Ref) goja.Value) goja.Value {
	switch x := v.(type) {
	case nil:
		return goja.Null()
	case bool, string:
		return vm.ToValue(x)
	case float64:
		if math.IsNaN(x) {
			return goja.NaN()
		}
		return vm.ToValue(x)
	case []any:
		items := make([]any, len(x))
		for i, it := range x {
			items[i] = Import(vm, it, ref)
		}
		return vm.NewArray(items...)
	case map[string]any:
		o := vm.NewObject()
		for _, k := range sortedKeys(x) {
			_ = o.Set(k, Import(vm, x[k], ref))
		}
		return o
	case *Ref:
		if x.Kind == Undefined {
			return goja.Undefined()
		}
		return ref(x)
	}
	return goja.Undefined()
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// EasingDesc reads an easing function's descriptor (nil: not one of the
// Easing set's).
func EasingDesc(o *goja.Object) []any {
	d, ok := o.Get("__easing").(*goja.Object)
	if !ok {
		return nil
	}
	if v, ok := d.Export().([]any); ok {
		return normalize(v)
	}
	return nil
}

func normalize(v []any) []any {
	for i, x := range v {
		switch y := x.(type) {
		case int64:
			v[i] = float64(y)
		case []any:
			v[i] = normalize(y)
		}
	}
	return v
}

// preludeProgram is Prelude compiled once for every runtime.
var preludeProgram = sync.OnceValues(func() (*goja.Program, error) {
	return goja.Compile("wx.worklet", Prelude, true)
})

// NewAPI evaluates the prelude in vm with the side's host functions
// ({shared, derived, runOnUI, runOnJS, cancelAnimation}) and returns the
// wx.worklet object.
func NewAPI(vm *goja.Runtime, host *goja.Object) (*goja.Object, error) {
	prog, err := preludeProgram()
	if err != nil {
		return nil, err
	}
	v, err := vm.RunProgram(prog)
	if err != nil {
		return nil, err
	}
	mk, ok := goja.AssertFunction(v)
	if !ok {
		return nil, errors.New("wx.worklet prelude: not a function")
	}
	w, err := mk(goja.Undefined(), host)
	if err != nil {
		return nil, err
	}
	o, ok := w.(*goja.Object)
	if !ok {
		return nil, errors.New("wx.worklet prelude: not an object")
	}
	return o, nil
}
