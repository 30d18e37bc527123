package logic

import (
	"errors"

	"github.com/dop251/goja"
	"github.com/skyline-go/skyline/engine/expr"
	"github.com/skyline-go/skyline/internal/script"
)

// Values cross from scripts to Go through one bounded converter
// (script.Converter): JSON.stringify's view of the value (functions and
// undefined fields dropped, undefined array elements null, Dates ISO text),
// objects as *expr.Object in the script's key order, and the bridge budgets
// (script.MaxDepth, MaxNodes, MaxStringBytes) shared by everything one call
// sends — a setData, a Page({data}), a triggerEvent detail. A value over
// budget is refused with a positioned diagnostic and the rest goes on.

// newConverter makes a converter for one call (a getter met during a
// conversion may call setData, so conversions nest and each has its own
// budget); it stops when the callback's budget runs out (goja sees an
// interrupt only between instructions).
func (s *state) newConverter() *script.Converter {
	return &script.Converter{JSON: true, Stop: func() error {
		if e := s.r.guard.Tripped(); e != nil {
			return e
		}
		return nil
	}}
}

// toGoErr converts a JS value within the bridge budgets (counted afresh).
// An undefined value or a function gives expr.Undefined.
func (s *state) toGoErr(v goja.Value) (any, error) { return s.newConverter().Convert(v) }

// toGo converts a value the runtime built itself or already checked; on an
// error (only possible for values over budget) it gives nil.
func (s *state) toGo(v goja.Value) any {
	out, err := s.newConverter().Convert(v)
	if err != nil || out == expr.Undefined {
		return nil
	}
	return out
}

// bridgePath is where a refused value broke the budget, relative to the
// value ("" when it is the value itself).
func bridgePath(err error) string {
	var be *script.BridgeError
	if errors.As(err, &be) {
		return be.Path
	}
	return ""
}

// bridgeMsg is what was wrong with a refused value.
func bridgeMsg(err error) string {
	var be *script.BridgeError
	if errors.As(err, &be) {
		return be.Msg
	}
	return err.Error()
}

// interrupted reports whether err is the callback's budget running out
// during a conversion (the interrupt itself is reported by the call).
func interrupted(err error) bool {
	var e *script.Exceeded
	return errors.As(err, &e)
}

// toJS converts a JSON-like Go value into a fresh JS value: objects keep
// their key order (*expr.Object), a Go map's keys go in JavaScript's order
// with the rest sorted, so scripts see one order on every run.
func (s *state) toJS(v any) goja.Value {
	return script.ToJS(s.r.vm, v, s.otherToJS)
}

// otherToJS converts host values ToJS does not know: markup literals, Go
// numbers and string collections (normalizeGo), anything else as goja
// wraps it.
func (s *state) otherToJS(v any) goja.Value {
	if l, ok := v.(Literal); ok {
		return s.r.vm.ToValue(string(l))
	}
	switch x := normalizeGo(v).(type) {
	case float64, []any, map[string]any:
		return script.ToJS(s.r.vm, x, s.otherToJS)
	}
	return s.r.vm.ToValue(v)
}
