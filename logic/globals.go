package logic

import (
	"strings"

	"github.com/dop251/goja"
	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/expr"
	"github.com/skyline-go/skyline/internal/script"
)

// setupGlobals installs the mini-program globals. goja itself offers no
// file, network or process access; the globals below are the only doors
// out, and each goes through a message or the caller's package reader.
func (r *Runtime) setupGlobals() {
	vm, s := r.vm, r.st
	// Size limits on natives the budget cannot interrupt (a sparse array's
	// join, 'x'.repeat(2 ** 30)): script.Harden.
	if err := script.Harden(vm); err != nil {
		r.diagErr(diag.Pos{File: "logic"}, "sandbox setup: "+err.Error())
	}
	set := func(name string, fn func(goja.FunctionCall) goja.Value) {
		_ = vm.Set(name, fn)
	}
	// WeChat's runtime names the global object `global` as well.
	_ = vm.Set("global", vm.GlobalObject())
	// Symbol.dispose / asyncDispose, which goja lacks, for using
	// declarations (esbuild lowers them; its helpers fall back to the same
	// registered symbols).
	if _, err := vm.RunString(`for (const n of ['dispose', 'asyncDispose']) if (!Symbol[n]) Object.defineProperty(Symbol, n, { value: Symbol.for('Symbol.' + n) })`); err != nil {
		r.diagErr(diag.Pos{File: "logic"}, "sandbox setup: "+err.Error())
	}
	set("App", s.jsApp)
	set("Page", s.jsPage)
	set("Component", s.jsComponent)
	set("Behavior", s.jsBehavior)
	set("getApp", func(c goja.FunctionCall) goja.Value {
		if s.app == nil {
			// getApp({ allowDefault: true }) before App(): a default app
			// object that App() later merges its definition into.
			if o := asObject(c.Argument(0)); o != nil && o.Get("allowDefault") != nil && o.Get("allowDefault").ToBoolean() {
				s.app = vm.NewObject()
				_ = s.app.Set("globalData", vm.NewObject())
				s.appDefault = true
				return s.app
			}
			return goja.Undefined()
		}
		return s.app
	})
	set("getCurrentPages", func(goja.FunctionCall) goja.Value {
		pages := s.currentPages()
		list := make([]any, 0, len(pages))
		for _, in := range pages {
			list = append(list, in.obj)
		}
		return vm.NewArray(list...)
	})
	s.setupConsole()
	s.setupTimers()
	_ = vm.Set("wx", s.newWx())
	// No eval-style escape hatches beyond plain JS; a top-level require does
	// not exist (each module gets its own).
}

// jsApp is App({...}): the object itself becomes getApp()'s value.
func (s *state) jsApp(call goja.FunctionCall) goja.Value {
	o := asObject(call.Argument(0))
	if o == nil {
		s.r.diagWarn(s.callerPos(), "App() needs an object")
		return goja.Undefined()
	}
	if s.app != nil && s.appDefault {
		// The default getApp({allowDefault: true}) handed out: App's
		// fields override and merge into it (objects already taken
		// from it stay the same object).
		s.appDefault = false
		for _, k := range o.Keys() {
			_ = s.app.Set(k, o.Get(k))
		}
		if g := s.app.Get("globalData"); g == nil || goja.IsUndefined(g) {
			_ = s.app.Set("globalData", s.r.vm.NewObject())
		}
		return goja.Undefined()
	}
	if s.app != nil {
		s.r.diagWarn(s.callerPos(), "App() called more than once; the first app is kept")
		return goja.Undefined()
	}
	if g := o.Get("globalData"); g == nil || goja.IsUndefined(g) {
		_ = o.Set("globalData", s.r.vm.NewObject())
	}
	s.app = o
	return goja.Undefined()
}

// jsPage is Page({...}) in the page file being loaded.
func (s *state) jsPage(call goja.FunctionCall) goja.Value {
	o := asObject(call.Argument(0))
	file := s.entryFile()
	if o == nil || file == "" {
		s.r.diagWarn(s.callerPos(), "Page() needs an object and must run in a page file")
		return goja.Undefined()
	}
	p := stripJS(file)
	pc := &pageClass{obj: o, def: PageDef{Path: p}, data: expr.NewObject(0)}
	if d := asObject(o.Get("data")); d != nil {
		pc.data = s.dataObject(d, "Page data", s.callerPos())
	}
	s.pageBehaviors(pc, o)
	pc.def.Data = pc.data.Map()
	for _, k := range o.Keys() {
		if isFunc(o.Get(k)) {
			pc.def.Methods = append(pc.def.Methods, k)
		}
	}
	sortStrings(pc.def.Methods)
	s.pages[p] = pc
	return goja.Undefined()
}

// jsComponent is Component({...}) in the component file being loaded.
func (s *state) jsComponent(call goja.FunctionCall) goja.Value {
	o := asObject(call.Argument(0))
	file := s.entryFile()
	pos := s.callerPos()
	if o == nil || file == "" {
		s.r.diagWarn(pos, "Component() needs an object and must run in a component file")
		return goja.Undefined()
	}
	raw := s.define(file, o, pos)
	c := s.merge(stripJS(file), raw)
	for _, b := range raw.behaviors {
		if b.builtin == "wx://component-export" {
			c.export = o.Get("export")
		}
	}
	s.comps[stripJS(file)] = c
	return goja.Undefined()
}

// jsBehavior is Behavior({...}); it returns the handle used in behaviors.
func (s *state) jsBehavior(call goja.FunctionCall) goja.Value {
	o := asObject(call.Argument(0))
	pos := s.callerPos()
	if o == nil {
		s.r.diagWarn(pos, "Behavior() needs an object")
		o = s.r.vm.NewObject()
	}
	raw := s.define(s.entryFile(), o, pos)
	h := s.r.vm.NewObject()
	b := &behavior{def: raw, obj: h}
	s.behaviors[h] = b
	return h
}

// define applies the definitionFilters of the listed behaviors to the
// definition object, then parses it. Per WeChat's definitionFilter rules,
// when X lists behavior B, B.definitionFilter(defFieldsOfX, arr) runs, where
// arr holds the filters of B's own behaviors, each callable as f(defFields)
// (the runtime supplies its arr in turn).
func (s *state) define(file string, o *goja.Object, pos diag.Pos) *rawDef {
	behaviors := s.behaviorList(o, pos)
	for _, b := range behaviors {
		if b.def != nil && b.def.filter != nil {
			s.call("definitionFilter", b.def.filter, goja.Undefined(), o, s.filterArr(b))
		}
	}
	raw := s.parseDef(stripJS(file), o, pos)
	raw.behaviors = behaviors
	return raw
}

// filterArr is the definitionFilterArr passed to b's filter.
func (s *state) filterArr(b *behavior) goja.Value {
	var fns []any
	for _, c := range b.def.behaviors {
		if c.def == nil || c.def.filter == nil {
			continue
		}
		c := c
		fns = append(fns, s.r.vm.ToValue(func(call goja.FunctionCall) goja.Value {
			s.call("definitionFilter", c.def.filter, goja.Undefined(), call.Argument(0), s.filterArr(c))
			return goja.Undefined()
		}))
	}
	return s.r.vm.NewArray(fns...)
}

// behaviorList reads the behaviors field: Behavior handles and the built-in
// "wx://form-field" and "wx://component-export".
func (s *state) behaviorList(o *goja.Object, pos diag.Pos) []*behavior {
	arr := asObject(o.Get("behaviors"))
	if arr == nil {
		return nil
	}
	var out []*behavior
	n := int(arr.Get("length").ToInteger())
	for i := 0; i < n; i++ {
		v := arr.Get(itoa(i))
		if h := asObject(v); h != nil {
			if b, ok := s.behaviors[h]; ok {
				out = append(out, b)
				continue
			}
		}
		if str, ok := v.Export().(string); ok && strings.HasPrefix(str, "wx://") {
			switch str {
			case "wx://form-field", "wx://component-export":
				out = append(out, &behavior{builtin: str})
			default:
				s.r.diagWarn(pos, "built-in behavior "+quote(str)+" is not supported offline; ignored")
			}
			continue
		}
		s.r.diagWarn(pos, "behaviors["+itoa(i)+"] is not a Behavior")
	}
	return out
}

// pageBehaviors applies Page({behaviors}) (WeChat's rules for pages): the
// behaviors' data merges under the page's (objects merge, the page wins),
// their methods become the page's unless the page defines the name (later
// behaviors win over earlier ones); their properties and component
// lifetimes do not apply to a page.
func (s *state) pageBehaviors(pc *pageClass, o *goja.Object) {
	list := s.behaviorList(o, s.callerPos())
	if len(list) == 0 {
		return
	}
	data := expr.NewObject(0)
	methods := map[string]goja.Value{}
	var order []string
	for _, b := range flatten(list, map[*behavior]bool{}, nil) {
		if b.def == nil {
			continue
		}
		mergeData(data, b.def.data)
		for _, k := range b.def.methodOrder {
			if _, seen := methods[k]; !seen {
				order = append(order, k)
			}
			methods[k] = b.def.methods[k]
		}
	}
	mergeData(data, pc.data)
	pc.data = data
	for _, k := range order {
		if v := o.Get(k); v == nil || goja.IsUndefined(v) {
			_ = o.Set(k, methods[k])
		}
	}
}
