package logic

import (
	"encoding/json"
	"strings"

	"github.com/dop251/goja"
)

// setupConsole routes console.* to Log messages (the preview's log), each
// positioned at its call.
func (s *state) setupConsole() {
	c := s.r.vm.NewObject()
	for _, level := range []string{"log", "info", "warn", "error", "debug"} {
		level := level
		_ = c.Set(level, func(call goja.FunctionCall) goja.Value {
			parts := make([]string, len(call.Arguments))
			for i, a := range call.Arguments {
				parts[i] = s.logString(a)
			}
			s.r.emit(Log{Level: level, Msg: strings.Join(parts, " "), Pos: s.callerPos()})
			return goja.Undefined()
		})
	}
	_ = s.r.vm.Set("console", c)
}

// logString formats one console argument: strings raw, objects as JSON.
func (s *state) logString(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return "undefined"
	}
	o := asObject(v)
	if o == nil || isFunc(v) {
		return v.String()
	}
	if o.ClassName() == "Error" {
		return v.String()
	}
	gv, err := s.toGoErr(v)
	if err != nil {
		// A value the bridge refuses is not printed whole (it could be
		// huge, or its toString could run script code).
		return "[value not shown: " + bridgePath(err) + " " + bridgeMsg(err) + "]"
	}
	b, err := json.Marshal(gv)
	if err != nil {
		return "[value not shown: " + err.Error() + "]"
	}
	return string(b)
}
