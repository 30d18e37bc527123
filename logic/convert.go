package logic

import (
	"math"
	"slices"
	"strconv"

	"github.com/dop251/goja"
)

// maxValueDepth bounds nesting when JS values cross to Go (a cyclic object
// would otherwise recurse forever; JSON would throw).
const maxValueDepth = 100

// toGo converts a JS value to the JSON-like Go value a patch carries, as
// JSON.stringify would see it: functions and undefined object fields are
// dropped, undefined array elements become null, Dates become ISO strings.
func (s *state) toGo(v goja.Value) any {
	out, _ := s.toGoDepth(v, 0)
	return out
}

func (s *state) toGoDepth(v goja.Value, depth int) (any, bool) {
	if v == nil || goja.IsUndefined(v) {
		return nil, false
	}
	if goja.IsNull(v) {
		return nil, true
	}
	switch x := v.Export().(type) {
	case bool, string:
		return x, true
	case int64:
		return float64(x), true
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, true // JSON.stringify writes null
		}
		return x, true
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		return v.String(), true
	}
	if _, isFn := goja.AssertFunction(v); isFn {
		return nil, false
	}
	if depth >= maxValueDepth {
		return nil, true
	}
	switch obj.ClassName() {
	case "Array":
		n := int(obj.Get("length").ToInteger())
		arr := make([]any, n)
		for i := range arr {
			arr[i], _ = s.toGoDepth(obj.Get(strconv.Itoa(i)), depth+1)
		}
		return arr, true
	case "Date":
		if f, ok := goja.AssertFunction(obj.Get("toISOString")); ok {
			if r, err := f(obj); err == nil {
				return r.String(), true
			}
		}
		return nil, true
	}
	m := make(map[string]any)
	for _, k := range obj.Keys() {
		if e, keep := s.toGoDepth(obj.Get(k), depth+1); keep {
			m[k] = e
		}
	}
	return m, true
}

// toJS converts a JSON-like Go value into a fresh JS value. Object keys are
// set in sorted order so scripts see a deterministic key order.
func (s *state) toJS(v any) goja.Value {
	vm := s.r.vm
	switch x := normalizeGo(v).(type) {
	case nil:
		return goja.Null()
	case Literal:
		return vm.ToValue(string(x))
	case []any:
		arr := make([]any, len(x))
		for i, e := range x {
			arr[i] = s.toJS(e)
		}
		return vm.NewArray(arr...)
	case map[string]any:
		o := vm.NewObject()
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			_ = o.Set(k, s.toJS(x[k]))
		}
		return o
	case float64, string, bool:
		return vm.ToValue(x)
	case goja.Value:
		return x
	}
	return vm.ToValue(v)
}
