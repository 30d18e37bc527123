package worklet

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/internal/script"
	"github.com/skyline-go/skyline/internal/workletjs"
	"github.com/skyline-go/skyline/motion"
)

// DefaultTimeLimit bounds the CPU time of one worklet call (a runOnUI, an
// updater run, a completion callback) when Config.TimeLimit is zero. A
// worklet runs inside a frame: no correct one comes near it.
const DefaultTimeLimit = 100 * time.Millisecond

// maxCallStack bounds the UI runtime's JS call depth.
const maxCallStack = 1024

// maxMapperRounds bounds how often mappers re-run each other (a derived
// value feeding another) in one frame.
const maxMapperRounds = 32

// maxFactories bounds the compiled worklet sources kept.
const maxFactories = 4096

// Config configures a Runtime.
type Config struct {
	// TimeLimit bounds each worklet call's CPU time; 0: DefaultTimeLimit.
	TimeLimit time.Duration
	// Style receives animated style id's declarations ("transform:
	// translateX(3px); opacity: 0.5") whenever its updater yields new ones.
	Style func(id int, decls string)
	// Log receives console calls of worklets.
	Log func(level, msg string, pos diag.Pos)
	// Diag receives errors of worklets (file:line:col).
	Diag func(diag.Diagnostic)
}

// Call is runOnJS(fn)(args): a call for the logic layer.
type Call struct {
	Fn   int // the function's id on the logic side
	Args []any
}

// Runtime is the UI runtime. It is not safe for concurrent use: the host
// calls it from the goroutine that runs frames.
type Runtime struct {
	cfg   Config
	vm    *goja.Runtime
	guard *script.Guard
	clock motion.Clock
	now   time.Duration
	depth int

	api                    *goja.Object
	makeShared, fromEasing goja.Callable
	getFn, setFn           goja.Value

	shared    map[int]*sharedValue
	nextLocal int
	factories map[string]goja.Callable
	styles    map[int]*mapper

	dirty, dirtyAlt []*mapper
	tracking        *mapper
	pending         []pendingCB
	calls           []Call
	sync            []*sharedValue
}

type pendingCB struct {
	fn       goja.Value
	finished bool
}

// sharedValue is one shared value: a number driven by animations (num),
// or any other value.
type sharedValue struct {
	r       *Runtime
	id      int
	num     bool
	av      motion.AnimatedValue
	val     goja.Value
	obj     *goja.Object
	readers []*mapper
	synced  bool // queued for DrainSync
}

// Tick steps the value's animation (a motion.Ticker on the runtime's clock).
func (s *sharedValue) Tick(now time.Duration) bool {
	active := s.av.Tick(now)
	s.r.changed(s)
	if !active {
		s.r.queueSync(s)
	}
	return active
}

func (s *sharedValue) removeReader(m *mapper) {
	for i, x := range s.readers {
		if x == m {
			last := len(s.readers) - 1
			s.readers[i] = s.readers[last]
			s.readers[last] = nil
			s.readers = s.readers[:last]
			return
		}
	}
}

// mapper re-runs fn when a shared value it read changes.
type mapper struct {
	id     int
	fn     goja.Callable
	reads  []*sharedValue
	dirty  bool
	dead   bool
	silent bool // the first run of an applyAnimatedStyle with immediate: false
	out    func(m *mapper, v goja.Value)
	last   string
}

func (m *mapper) read(s *sharedValue) {
	for _, x := range m.reads {
		if x == s {
			return
		}
	}
	m.reads = append(m.reads, s)
}

// New makes a UI runtime.
func New(cfg Config) *Runtime {
	if cfg.TimeLimit <= 0 {
		cfg.TimeLimit = DefaultTimeLimit
	}
	r := &Runtime{cfg: cfg, vm: goja.New(), shared: map[int]*sharedValue{}, factories: map[string]goja.Callable{}, styles: map[int]*mapper{}}
	r.guard = script.NewGuard(r.vm, false)
	r.vm.SetMaxCallStackSize(maxCallStack)
	if err := script.Harden(r.vm); err != nil {
		r.diag(diag.Pos{File: "worklet"}, "sandbox setup: "+err.Error())
	}
	r.setup()
	return r
}

// Close interrupts whatever runs and every later call.
func (r *Runtime) Close() { r.guard.Close() }

func (r *Runtime) setup() {
	vm := r.vm
	host := vm.NewObject()
	r.getFn = vm.ToValue(r.jsGet)
	r.setFn = vm.ToValue(r.jsSet)
	_ = host.Set("shared", func(c goja.FunctionCall) goja.Value {
		r.nextLocal--
		s := r.sharedFor(r.nextLocal)
		r.write(s, c.Argument(0))
		return s.obj
	})
	_ = host.Set("derived", func(c goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(c.Argument(0))
		if !ok {
			panic(vm.NewTypeError("derived needs a function"))
		}
		r.nextLocal--
		s := r.sharedFor(r.nextLocal)
		m := &mapper{id: s.id, fn: fn, out: r.derivedOut}
		r.runMapper(m)
		return s.obj
	})
	_ = host.Set("runOnUI", func(c goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(c.Argument(0))
		if !ok {
			panic(vm.NewTypeError("runOnUI needs a function"))
		}
		return vm.ToValue(func(call goja.FunctionCall) goja.Value {
			v, err := fn(goja.Undefined(), call.Arguments...)
			if err != nil {
				panic(err)
			}
			return v
		})
	})
	_ = host.Set("runOnJS", func(c goja.FunctionCall) goja.Value {
		o, _ := c.Argument(0).(*goja.Object)
		var id goja.Value
		if o != nil {
			id = o.Get("__jsfn")
		}
		if id == nil || goja.IsUndefined(id) {
			panic(vm.NewTypeError("runOnJS needs a function of the JS thread (captured from the page's script)"))
		}
		fid := int(id.ToInteger())
		return vm.ToValue(func(call goja.FunctionCall) goja.Value {
			e := workletjs.Exporter{Hooks: uiHooks{}}
			args := make([]any, len(call.Arguments))
			for i, a := range call.Arguments {
				x, err := e.Export(a)
				if err != nil {
					panic(vm.NewTypeError(err.Error()))
				}
				args[i] = x
			}
			r.calls = append(r.calls, Call{Fn: fid, Args: args})
			return goja.Undefined()
		})
	})
	_ = host.Set("cancelAnimation", func(c goja.FunctionCall) goja.Value {
		if s := r.sharedOf(c.Argument(0)); s != nil {
			r.cancel(s)
		}
		return goja.Undefined()
	})
	w, err := workletjs.NewAPI(vm, host)
	if err != nil {
		panic(err)
	}
	r.api = w
	r.makeShared, _ = goja.AssertFunction(r.api.Get("__makeShared"))
	r.fromEasing, _ = goja.AssertFunction(r.api.Get("__fromEasing"))
	wx := vm.NewObject()
	_ = wx.Set("worklet", r.api)
	_ = vm.Set("wx", wx)
	r.setupConsole()
}

func (r *Runtime) setupConsole() {
	vm := r.vm
	console := vm.NewObject()
	stringify, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("stringify"))
	for _, level := range []string{"log", "info", "warn", "error", "debug"} {
		_ = console.Set(level, func(c goja.FunctionCall) goja.Value {
			parts := make([]string, len(c.Arguments))
			for i, a := range c.Arguments {
				if o, ok := a.(*goja.Object); ok {
					if _, fn := goja.AssertFunction(o); !fn {
						if s, err := stringify(goja.Undefined(), o); err == nil && !goja.IsUndefined(s) {
							parts[i] = s.String()
							continue
						}
					}
				}
				parts[i] = a.String()
			}
			if r.cfg.Log != nil {
				r.cfg.Log(level, strings.Join(parts, " "), r.callerPos())
			}
			return goja.Undefined()
		})
	}
	_ = vm.Set("console", console)
}

// callerPos is the position of the innermost script frame.
func (r *Runtime) callerPos() diag.Pos {
	for _, f := range r.vm.CaptureCallStack(8, nil) {
		if p := f.Position(); p.Filename != "" && p.Line > 0 {
			return diag.Pos{File: p.Filename, Line: p.Line, Col: p.Column}
		}
	}
	return diag.Pos{File: "worklet"}
}

func (r *Runtime) diag(p diag.Pos, msg string) {
	if r.cfg.Diag != nil {
		r.cfg.Diag(diag.Diagnostic{Pos: p, Severity: diag.Error, Msg: msg})
	}
}

// sharedFor returns shared value id, making it (undefined) if new.
func (r *Runtime) sharedFor(id int) *sharedValue {
	if s := r.shared[id]; s != nil {
		return s
	}
	s := &sharedValue{r: r, id: id, val: goja.Undefined()}
	o, err := r.makeShared(goja.Undefined(), r.vm.ToValue(id), r.getFn, r.setFn)
	if err != nil {
		panic(err)
	}
	s.obj = o.(*goja.Object)
	r.shared[id] = s
	return s
}

func (r *Runtime) sharedOf(v goja.Value) *sharedValue {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	id := o.Get("__sharedId")
	if id == nil || goja.IsUndefined(id) {
		return nil
	}
	return r.shared[int(id.ToInteger())]
}

func (r *Runtime) jsGet(c goja.FunctionCall) goja.Value {
	s := r.shared[int(c.Argument(0).ToInteger())]
	if s == nil {
		return goja.Undefined()
	}
	if r.tracking != nil {
		r.tracking.read(s)
	}
	if s.num {
		return r.vm.ToValue(s.av.Value)
	}
	return s.val
}

func (r *Runtime) jsSet(c goja.FunctionCall) goja.Value {
	if s := r.shared[int(c.Argument(0).ToInteger())]; s != nil {
		r.write(s, c.Argument(1))
	}
	return goja.Undefined()
}

// write assigns v to s: an animation starts on it, anything else replaces
// the value (cancelling the running animation).
func (r *Runtime) write(s *sharedValue, v goja.Value) {
	if o, ok := v.(*goja.Object); ok {
		if k := o.Get("__anim"); k != nil && !goja.IsUndefined(k) {
			a, err := r.animation(o)
			if err != nil {
				panic(r.vm.NewTypeError(err.Error()))
			}
			if !s.num {
				s.av.Value, _ = number(s.val)
				s.num, s.val = true, nil
			}
			s.av.Animate(a, r.now)
			r.clock.Start(s)
			return
		}
	}
	if f, ok := number(v); ok {
		s.av.Set(f)
		s.num, s.val = true, nil
	} else {
		s.av.Cancel()
		s.num, s.val = false, v
	}
	r.changed(s)
	r.queueSync(s)
}

func (r *Runtime) cancel(s *sharedValue) {
	if s.av.Animating() {
		s.av.Cancel()
		r.clock.Stop(s)
		r.queueSync(s)
	}
}

// number reads a JS number.
func number(v goja.Value) (float64, bool) {
	if v == nil {
		return 0, false
	}
	switch v.ExportType() {
	case typeInt64, typeFloat64:
		return v.ToFloat(), true
	}
	return 0, false
}

var (
	typeInt64   = reflect.TypeOf(int64(0))
	typeFloat64 = reflect.TypeOf(float64(0))
)

func (r *Runtime) changed(s *sharedValue) {
	for _, m := range s.readers {
		if !m.dirty && !m.dead {
			m.dirty = true
			r.dirty = append(r.dirty, m)
		}
	}
}

func (r *Runtime) queueSync(s *sharedValue) {
	if !s.synced && s.id > 0 {
		s.synced = true
		r.sync = append(r.sync, s)
	}
}

// guarded calls fn under the CPU budget, reporting an error at its
// position; ok is false when it threw or was interrupted.
func (r *Runtime) guarded(what string, fn goja.Callable, this goja.Value, args ...goja.Value) (v goja.Value, ok bool) {
	if r.depth > 0 {
		v, err := fn(this, args...)
		if err != nil {
			panic(err) // the outermost guarded call reports it
		}
		return v, true
	}
	r.guard.Start(script.Limits{CPU: r.cfg.TimeLimit, Heap: script.DefaultHeapGrowth})
	r.depth++
	var err error
	func() {
		defer func() {
			if p := recover(); p != nil {
				if e, isErr := p.(error); isErr {
					err = e
				} else {
					err = fmt.Errorf("internal error: %v", p)
				}
			}
		}()
		v, err = fn(this, args...)
	}()
	r.depth--
	_, exc := r.guard.Stop()
	if err != nil {
		if exc != nil {
			r.diag(r.errPos(err), what+": "+exc.Error())
		} else {
			r.diag(r.errPos(err), what+": "+errText(err))
		}
		return nil, false
	}
	return v, true
}

func errText(err error) string {
	if ex, ok := err.(*goja.Exception); ok {
		return ex.Value().String()
	}
	return err.Error()
}

func (r *Runtime) errPos(err error) diag.Pos {
	var frames []goja.StackFrame
	switch e := err.(type) {
	case *goja.Exception:
		frames = e.Stack()
	case *goja.InterruptedError:
		frames = e.Stack()
	}
	for _, f := range frames {
		if p := f.Position(); p.Filename != "" && p.Line > 0 {
			return diag.Pos{File: p.Filename, Line: p.Line, Col: p.Column}
		}
	}
	return diag.Pos{File: "worklet"}
}

// importValue converts a wire value into the UI VM.
func (r *Runtime) importValue(v any) goja.Value {
	return workletjs.Import(r.vm, v, r.ref)
}

func (r *Runtime) ref(x *workletjs.Ref) goja.Value {
	vm := r.vm
	switch x.Kind {
	case workletjs.Shared:
		return r.sharedFor(x.ID).obj
	case workletjs.Worklet:
		fn, err := r.instantiate(x)
		if err != nil {
			panic(err)
		}
		return fn
	case workletjs.JSFunc:
		f := vm.ToValue(func(goja.FunctionCall) goja.Value {
			panic(vm.NewTypeError("a function of the JS thread cannot run on the UI thread: call it through runOnJS"))
		}).(*goja.Object)
		_ = f.DefineDataProperty("__jsfn", vm.ToValue(x.ID), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		return f
	case workletjs.API:
		return lookupPath(r.api, x.Name)
	case workletjs.Easing:
		e, err := r.fromEasing(goja.Undefined(), workletjs.Import(vm, x.Easing, r.ref))
		if err != nil {
			panic(err)
		}
		return e
	}
	return goja.Undefined()
}

func lookupPath(o *goja.Object, path string) goja.Value {
	var v goja.Value = o
	for _, part := range strings.Split(path, ".") {
		ob, ok := v.(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		v = ob.Get(part)
	}
	if v == nil {
		return goja.Undefined()
	}
	return v
}

// instantiate makes the UI-side function of a worklet: its source
// evaluated in a scope holding its closure (compiled once per source and
// closure shape; positions are the author's file:line:col).
func (r *Runtime) instantiate(x *workletjs.Ref) (goja.Value, error) {
	names := make([]string, 0, len(x.Closure))
	for k := range x.Closure {
		names = append(names, k)
	}
	sort.Strings(names)
	key := fmt.Sprintf("%s:%d:%d|%s|%s", x.File, x.Line, x.Col, strings.Join(names, ","), x.Src)
	factory, ok := r.factories[key]
	if !ok {
		var b strings.Builder
		b.WriteString("(function (__wkc) { ")
		for _, n := range names {
			b.WriteString("var " + n + " = __wkc." + n + "; ")
		}
		b.WriteString("return (")
		if x.Line > 1 {
			b.WriteString(strings.Repeat("\n", x.Line-1))
			b.WriteString(strings.Repeat(" ", max(x.Col-1, 0)))
		}
		b.WriteString(x.Src)
		b.WriteString("\n); })")
		file := x.File
		if file == "" {
			file = "worklet"
		}
		prog, err := goja.Compile(file, b.String(), false)
		if err != nil {
			return nil, err
		}
		v, err := r.vm.RunProgram(prog)
		if err != nil {
			return nil, err
		}
		factory, _ = goja.AssertFunction(v)
		if len(r.factories) >= maxFactories {
			clear(r.factories)
		}
		r.factories[key] = factory
	}
	closure := r.vm.NewObject()
	for _, n := range names {
		_ = closure.Set(n, r.importValue(x.Closure[n]))
	}
	return factory(goja.Undefined(), closure)
}

// callable imports a wire worklet as a function.
func (r *Runtime) callable(what string, v any) (goja.Callable, bool) {
	var fv goja.Value
	err := r.try(func() { fv = r.importValue(v) })
	if err != nil {
		r.diag(r.errPos(err), what+": "+errText(err))
		return nil, false
	}
	fn, ok := goja.AssertFunction(fv)
	if !ok {
		r.diag(diag.Pos{File: "worklet"}, what+" needs a worklet function")
	}
	return fn, ok
}

// try runs f, turning a JS throw or a Go panic into an error.
func (r *Runtime) try(f func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			if e, ok := p.(error); ok {
				err = e
			} else {
				err = fmt.Errorf("%v", p)
			}
		}
	}()
	if ex := r.vm.Try(f); ex != nil {
		return ex
	}
	return nil
}

type uiHooks struct{}

func (uiHooks) Object(o *goja.Object, isFunc bool) (*workletjs.Ref, error) {
	if id := o.Get("__sharedId"); id != nil && !goja.IsUndefined(id) {
		return &workletjs.Ref{Kind: workletjs.Shared, ID: int(id.ToInteger())}, nil
	}
	if !isFunc {
		return nil, nil
	}
	if id := o.Get("__jsfn"); id != nil && !goja.IsUndefined(id) {
		return &workletjs.Ref{Kind: workletjs.JSFunc, ID: int(id.ToInteger())}, nil
	}
	if d := workletjs.EasingDesc(o); d != nil {
		return &workletjs.Ref{Kind: workletjs.Easing, Easing: d}, nil
	}
	if name := o.Get("__wkapi"); name != nil && !goja.IsUndefined(name) {
		return &workletjs.Ref{Kind: workletjs.API, Name: name.String()}, nil
	}
	return &workletjs.Ref{Kind: workletjs.Undefined}, nil
}
