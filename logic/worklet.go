package logic

import (
	"errors"
	"fmt"
	"slices"

	"github.com/dop251/goja"
	"github.com/skyline-go/skyline/internal/workletjs"
)

// The logic side of the worklet runtime: wx.worklet on the JS thread.
// Shared values live in the UI runtime; this side keeps each one's last
// known value (set here, or reported by WorkletSync) for sv.value reads.
// Worklets carry their source and closure thunk (worklet_capture.go);
// functions that are not worklets cross as handles runOnJS calls back.

// MaxSharedValues bounds the shared and derived values one runtime makes
// (they live as long as the runtime: the UI side cannot tell when the
// scripts stop using one).
const MaxSharedValues = 1 << 16

type wkState struct {
	nextShared int
	shared     map[int]*wkShared
	fnIDs      map[*goja.Object]int
	fns        map[int]goja.Value
	nextStyle  int
	api        *goja.Object // wx.worklet
}

type wkShared struct {
	val goja.Value
}

func (s *state) worklets() *wkState {
	if s.wk == nil {
		s.wk = &wkState{shared: map[int]*wkShared{}, fnIDs: map[*goja.Object]int{}, fns: map[int]goja.Value{}}
	}
	return s.wk
}

// setupWorklet installs globalThis.__wk / __wkd (the capture's markers)
// and returns wx.worklet.
func (s *state) setupWorklet() goja.Value {
	vm := s.r.vm
	mark := func(c goja.FunctionCall) goja.Value {
		fn, ok := c.Argument(0).(*goja.Object)
		if !ok {
			return c.Argument(0)
		}
		info := vm.NewObject()
		_ = info.Set("closure", c.Argument(1))
		_ = info.Set("src", c.Argument(2))
		_ = info.Set("file", c.Argument(3))
		_ = info.Set("line", c.Argument(4))
		_ = info.Set("col", c.Argument(5))
		_ = fn.DefineDataProperty("__worklet", info, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		return fn
	}
	_ = vm.GlobalObject().DefineDataProperty("__wk", vm.ToValue(mark), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	_ = vm.GlobalObject().DefineDataProperty("__wkd", vm.ToValue(mark), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	wk := s.worklets()
	host := vm.NewObject()
	var makeShared goja.Callable
	get := vm.ToValue(func(c goja.FunctionCall) goja.Value {
		if sh := wk.shared[int(c.Argument(0).ToInteger())]; sh != nil && sh.val != nil {
			return sh.val
		}
		return goja.Undefined()
	})
	set := vm.ToValue(func(c goja.FunctionCall) goja.Value {
		id := int(c.Argument(0).ToInteger())
		v := c.Argument(1)
		if !isAnimation(v) {
			if sh := wk.shared[id]; sh != nil {
				sh.val = v
			}
		}
		if x, ok := s.wkExport(v); ok {
			s.r.emit(WorkletOp{Kind: WorkletSet, ID: id, Value: x})
		}
		return goja.Undefined()
	})
	newShared := func(init goja.Value) (int, goja.Value) {
		wk.nextShared++
		id := wk.nextShared
		wk.shared[id] = &wkShared{val: init}
		o, err := makeShared(goja.Undefined(), vm.ToValue(id), get, set)
		if err != nil {
			panic(err)
		}
		return id, o
	}
	full := func() bool {
		if len(wk.shared) < MaxSharedValues {
			return false
		}
		if !s.warned["worklet shared budget"] {
			s.warned["worklet shared budget"] = true
			s.r.diagErr(s.callerPos(), fmt.Sprintf("wx.worklet: more than %d shared values; no more are made", MaxSharedValues))
		}
		return true
	}
	_ = host.Set("shared", func(c goja.FunctionCall) goja.Value {
		if full() {
			return goja.Undefined()
		}
		init := c.Argument(0)
		x, ok := s.wkExport(init)
		if !ok {
			return goja.Undefined()
		}
		id, o := newShared(init)
		s.r.emit(WorkletOp{Kind: WorkletCreate, ID: id, Value: x})
		return o
	})
	_ = host.Set("derived", func(c goja.FunctionCall) goja.Value {
		if full() {
			return goja.Undefined()
		}
		fn, ok := s.wkWorklet(c.Argument(0), "derived")
		if !ok {
			return goja.Undefined()
		}
		id, o := newShared(goja.Undefined())
		s.r.emit(WorkletOp{Kind: WorkletDerive, ID: id, Value: fn})
		return o
	})
	_ = host.Set("runOnUI", func(c goja.FunctionCall) goja.Value {
		fn := c.Argument(0)
		return vm.ToValue(func(call goja.FunctionCall) goja.Value {
			ref, ok := s.wkWorklet(fn, "runOnUI")
			if !ok {
				return goja.Undefined()
			}
			args, ok := s.wkExport(vm.NewArray(anys(call.Arguments)...))
			if !ok {
				return goja.Undefined()
			}
			s.r.emit(WorkletOp{Kind: WorkletRun, Value: ref, Args: args.([]any)})
			return goja.Undefined()
		})
	})
	// On the JS thread runOnJS(fn) is fn itself.
	_ = host.Set("runOnJS", func(c goja.FunctionCall) goja.Value { return c.Argument(0) })
	_ = host.Set("cancelAnimation", func(c goja.FunctionCall) goja.Value {
		if o, ok := c.Argument(0).(*goja.Object); ok {
			if id := o.Get("__sharedId"); id != nil {
				s.r.emit(WorkletOp{Kind: WorkletCancel, ID: int(id.ToInteger())})
			}
		}
		return goja.Undefined()
	})
	w, err := workletjs.NewAPI(vm, host)
	if err != nil {
		panic(err)
	}
	wk.api = w
	makeShared, _ = goja.AssertFunction(wk.api.Get("__makeShared"))
	return w
}

func anys(vs []goja.Value) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

func isAnimation(v goja.Value) bool {
	o, ok := v.(*goja.Object)
	return ok && o.Get("__anim") != nil
}

// wkWorklet exports a worklet function (one the capture marked).
func (s *state) wkWorklet(v goja.Value, api string) (any, bool) {
	o, ok := v.(*goja.Object)
	if ok && o.Get("__worklet") != nil {
		return s.wkExport(v)
	}
	s.r.diagErr(s.callerPos(), fmt.Sprintf("wx.worklet.%s needs a worklet function (one whose body starts with 'worklet')", api))
	return nil, false
}

// wkExport converts a value for the UI runtime, reporting an error at the
// caller when it cannot.
func (s *state) wkExport(v goja.Value) (any, bool) {
	e := workletjs.Exporter{Hooks: wkHooks{s: s}}
	var x any
	var err error
	if exc := s.r.vm.Try(func() { x, err = e.Export(v) }); exc != nil {
		err = exc
	}
	if err != nil {
		s.r.diagErr(s.callerPos(), "wx.worklet: "+err.Error())
		return nil, false
	}
	return x, true
}

type wkHooks struct {
	s *state
	// open are the worklets being exported (a cycle is refused).
	open *[]*goja.Object
}

// errSelfRef is a worklet its own closure reaches.
var errSelfRef = errors.New("a worklet that reaches itself through its closure (recursion through a variable) cannot be passed to the UI runtime")

func (h wkHooks) Object(o *goja.Object, isFunc bool) (*workletjs.Ref, error) {
	s := h.s
	if id := o.Get("__sharedId"); id != nil && !goja.IsUndefined(id) {
		return &workletjs.Ref{Kind: workletjs.Shared, ID: int(id.ToInteger())}, nil
	}
	if !isFunc {
		return nil, nil
	}
	if info, ok := o.Get("__worklet").(*goja.Object); ok {
		if h.open == nil {
			h.open = new([]*goja.Object)
		}
		if slices.Contains(*h.open, o) {
			return nil, errSelfRef
		}
		*h.open = append(*h.open, o)
		defer func() { *h.open = (*h.open)[:len(*h.open)-1] }()
		ref := &workletjs.Ref{Kind: workletjs.Worklet, Src: info.Get("src").String(), File: info.Get("file").String(),
			Line: int(info.Get("line").ToInteger()), Col: int(info.Get("col").ToInteger())}
		thunk, _ := goja.AssertFunction(info.Get("closure"))
		if thunk != nil {
			c, err := thunk(goja.Undefined())
			if err != nil {
				return nil, err
			}
			e := workletjs.Exporter{Hooks: h}
			x, err := e.Export(c)
			if err != nil {
				return nil, err
			}
			ref.Closure, _ = x.(map[string]any)
		}
		return ref, nil
	}
	if d := workletjs.EasingDesc(o); d != nil {
		return &workletjs.Ref{Kind: workletjs.Easing, Easing: d}, nil
	}
	if name := o.Get("__wkapi"); name != nil && !goja.IsUndefined(name) {
		return &workletjs.Ref{Kind: workletjs.API, Name: name.String()}, nil
	}
	wk := s.worklets()
	id, ok := wk.fnIDs[o]
	if !ok {
		id = len(wk.fns) + 1
		wk.fnIDs[o] = id
		wk.fns[id] = o
	}
	return &workletjs.Ref{Kind: workletjs.JSFunc, ID: id}, nil
}

// wkImport converts a value from the UI runtime.
func (s *state) wkImport(v any) goja.Value {
	vm := s.r.vm
	return workletjs.Import(vm, v, func(r *workletjs.Ref) goja.Value {
		wk := s.worklets()
		switch r.Kind {
		case workletjs.JSFunc:
			if f, ok := wk.fns[r.ID]; ok {
				return f
			}
		case workletjs.API:
			return lookupPath(wk.api, r.Name)
		}
		return goja.Undefined()
	})
}

func lookupPath(o *goja.Object, path string) goja.Value {
	var v goja.Value = o
	start := 0
	for i := 0; i <= len(path); i++ {
		if i == len(path) || path[i] == '.' {
			ob, ok := v.(*goja.Object)
			if !ok {
				return goja.Undefined()
			}
			v = ob.Get(path[start:i])
			start = i + 1
		}
	}
	if v == nil {
		return goja.Undefined()
	}
	return v
}

// workletCall is runOnJS from the UI runtime.
func (s *state) workletCall(m WorkletCall) {
	f, ok := s.worklets().fns[m.Fn]
	if !ok {
		return
	}
	args := make([]goja.Value, len(m.Args))
	for i, a := range m.Args {
		args[i] = s.wkImport(a)
	}
	s.call("runOnJS", f, goja.Undefined(), args...)
}

// workletSync records shared values the UI runtime reports.
func (s *state) workletSync(m WorkletSync) {
	wk := s.worklets()
	for id, v := range m.Values {
		if sh := wk.shared[id]; sh != nil {
			sh.val = s.wkImport(v)
		}
	}
}

// addAnimatedStyle installs this.applyAnimatedStyle / clearAnimatedStyle.
func (s *state) addAnimatedStyle(in *instance) {
	vm := s.r.vm
	_ = in.obj.Set("applyAnimatedStyle", func(c goja.FunctionCall) goja.Value {
		sel := c.Argument(0).String()
		fn, ok := s.wkWorklet(c.Argument(1), "applyAnimatedStyle")
		if !ok {
			return goja.Undefined()
		}
		immediate := true
		if cfg, ok := c.Argument(2).(*goja.Object); ok {
			if v := cfg.Get("immediate"); v != nil && !goja.IsUndefined(v) {
				immediate = v.ToBoolean()
			}
		}
		wk := s.worklets()
		wk.nextStyle++
		id := wk.nextStyle
		s.r.emit(WorkletOp{Kind: WorkletApplyStyle, ID: id, Value: fn, Instance: in.id, Selector: sel, Immediate: immediate})
		s.afterTurn(c.Argument(3), in.obj)
		return vm.ToValue(id)
	})
	_ = in.obj.Set("clearAnimatedStyle", func(c goja.FunctionCall) goja.Value {
		sel := c.Argument(0).String()
		var ids []int
		cb := c.Argument(1)
		if o, ok := cb.(*goja.Object); ok && o.ClassName() == "Array" {
			for _, k := range o.Keys() {
				ids = append(ids, int(o.Get(k).ToInteger()))
			}
			slices.Sort(ids)
			cb = c.Argument(2)
		}
		s.r.emit(WorkletOp{Kind: WorkletClearStyle, Instance: in.id, Selector: sel, StyleIDs: ids})
		s.afterTurn(cb, in.obj)
		return goja.Undefined()
	})
}

// afterTurn calls cb (when a function) once the turn's messages are out.
func (s *state) afterTurn(cb goja.Value, this goja.Value) {
	if _, ok := goja.AssertFunction(cb); ok {
		s.tickQueue = append(s.tickQueue, func() { s.call("animated style callback", cb, this) })
	}
}
