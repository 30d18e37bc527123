package logic

import (
	"fmt"
	"slices"

	"github.com/dop251/goja"
	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/expr"
)

// instance is a live page or component.
type instance struct {
	id       InstanceID
	parent   *instance
	children []*instance
	page     *pageClass // a page instance
	class    *compClass // a component instance
	obj      *goja.Object
	data     *goja.Object
	attached bool
	gone     bool

	// setData nesting: observers' setData calls join the outermost call's
	// patch so one render carries the handler's and the observers' changes.
	sdDepth   int
	pending   map[string]any
	pendSeg   map[string][]seg
	pendOrder []string               // pending's keys in the order they were written
	linked    map[string][]*instance // relations key → linked instances
	host      hostInfo               // a component's host element (selectComponent)
}

func (in *instance) name() string {
	if in.class != nil {
		return in.class.def.Path
	}
	if in.page != nil {
		return in.page.def.Path
	}
	return "?"
}

// newPageInstance builds `this` of a page: the definition's fields copied
// (methods and custom fields), data from Page({data}) with the host's
// override on top, route and options.
func (s *state) newPageInstance(id InstanceID, pc *pageClass, override map[string]any, query map[string]string) *instance {
	vm := s.r.vm
	in := &instance{id: id, page: pc, obj: vm.NewObject()}
	if pc != nil {
		for _, k := range pc.obj.Keys() {
			if k != "data" {
				_ = in.obj.Set(k, pc.obj.Get(k))
			}
		}
	}
	data := expr.NewObject(0)
	if pc != nil {
		data = cloneValue(pc.data).(*expr.Object)
	}
	// A host's fields (a Go map) override in sorted order: one order on
	// every run.
	for _, k := range sortedKeys(override) {
		data.Set(k, cloneValue(override[k]))
	}
	in.data = s.toJS(data).(*goja.Object)
	_ = in.obj.Set("data", in.data)
	route := ""
	if pc != nil {
		route = pc.def.Path
	}
	_ = in.obj.Set("route", route)
	_ = in.obj.Set("__route__", route)
	_ = in.obj.Set("options", s.toJS(queryMap(query)))
	s.addCommon(in)
	return in
}

// newComponentInstance builds `this` of a component with data and property
// defaults (properties given by the parent apply after created, as in
// glass-easel).
func (s *state) newComponentInstance(id InstanceID, c *compClass) *instance {
	vm := s.r.vm
	in := &instance{id: id, class: c, obj: vm.NewObject()}
	in.data = s.toJS(c.initialData()).(*goja.Object)
	_ = in.obj.Set("data", in.data)
	_ = in.obj.Set("properties", in.data)
	_ = in.obj.Set("is", c.def.Path)
	for _, name := range c.def.Methods {
		_ = in.obj.Set(name, c.methods[name])
	}
	_ = in.obj.Set("triggerEvent", func(call goja.FunctionCall) goja.Value {
		s.triggerEvent(in, call)
		return goja.Undefined()
	})
	_ = in.obj.Set("hasBehavior", func(call goja.FunctionCall) goja.Value {
		h := asObject(call.Argument(0))
		return vm.ToValue(h != nil && c.behaviors[h])
	})
	_ = in.obj.Set("getRelationNodes", func(call goja.FunctionCall) goja.Value {
		list := in.linked[call.Argument(0).String()]
		out := make([]any, 0, len(list))
		for _, t := range list {
			out = append(out, t.obj)
		}
		return vm.NewArray(out...)
	})
	s.addCommon(in)
	return in
}

// addCommon installs what pages and components share.
func (s *state) addCommon(in *instance) {
	vm := s.r.vm
	_ = in.obj.Set("renderer", "skyline")
	s.addAnimatedStyle(in)
	_ = in.obj.Set("setData", func(call goja.FunctionCall) goja.Value {
		s.jsSetData(in, call)
		return goja.Undefined()
	})
	_ = in.obj.Set("createSelectorQuery", func(goja.FunctionCall) goja.Value {
		return s.newSelectorQuery(in.id)
	})
	_ = in.obj.Set("selectComponent", func(call goja.FunctionCall) goja.Value {
		if l := s.selectComponents(in, call.Argument(0), false); len(l) > 0 {
			return l[0]
		}
		return goja.Null()
	})
	_ = in.obj.Set("selectAllComponents", func(call goja.FunctionCall) goja.Value {
		l := s.selectComponents(in, call.Argument(0), true)
		items := make([]any, len(l))
		for i, v := range l {
			items[i] = v
		}
		return vm.NewArray(items...)
	})
	_ = in.obj.Set("getPageId", func(goja.FunctionCall) goja.Value {
		p := in
		for p.parent != nil {
			p = p.parent
		}
		return vm.ToValue(fmt.Sprintf("pageId:%d", p.id))
	})
}

// jsSetData is this.setData(patch, callback).
func (s *state) jsSetData(in *instance, call goja.FunctionCall) {
	obj := asObject(call.Argument(0))
	if obj == nil {
		s.r.diagWarn(s.callerPos(), "setData needs an object")
		return
	}
	if in.gone {
		s.r.diagWarn(s.callerPos(), "setData on a detached instance of "+in.name()+" is ignored")
		return
	}
	var entries []dataEntry
	// One budget for the whole call (script.MaxNodes, MaxStringBytes).
	conv := s.newConverter()
	for _, k := range obj.Keys() {
		v := obj.Get(k)
		if goja.IsUndefined(v) {
			s.r.diagWarn(s.callerPos(), fmt.Sprintf("setting data field %q to undefined is invalid", k))
			continue
		}
		segs, err := parsePath(k, false)
		if err != nil {
			s.r.diagWarn(s.callerPos(), "setData: "+err.Error())
			continue
		}
		gv, err := conv.ConvertMore(v)
		if err != nil {
			if interrupted(err) {
				return // the callback's budget ran out; the call reports it
			}
			s.r.diagErr(s.callerPos(), fmt.Sprintf("setData: field %q: %v; the field is not set", k+bridgePath(err), bridgeMsg(err)))
			continue
		}
		entries = append(entries, dataEntry{key: k, segs: segs, val: v, gv: gv, converted: true})
	}
	s.applyData(in, entries)
	if cb := call.Argument(1); isFunc(cb) {
		s.tickQueue = append(s.tickQueue, func() { s.call("setData callback", cb, in.obj) })
	}
}

// dataEntry is one path write.
type dataEntry struct {
	key       string
	segs      []seg
	val       goja.Value // JS value; for properties already coerced by the caller
	gv        any        // its Go value, when converted already
	converted bool
}

type propChange struct {
	p        *propDef
	old, new goja.Value
}

// applyData writes entries into this.data, runs property observers (when a
// property's value changed) and observers (once each per call, with the
// values after the whole call, spec of observers), and emits one Patch when
// the outermost call ends.
func (s *state) applyData(in *instance, entries []dataEntry) {
	if in.sdDepth > 32 {
		s.r.diagErr(s.callerPos(), "setData nested more than 32 deep (an observer keeps setting what it observes?); ignored")
		return
	}
	in.sdDepth++
	defer func() {
		in.sdDepth--
		if in.sdDepth == 0 && len(in.pending) > 0 {
			p := Patch{ID: in.id, Data: in.pending, Keys: in.pendOrder}
			in.pending, in.pendSeg, in.pendOrder = nil, nil, nil
			s.r.emit(p)
		}
	}()
	var changes []propChange
	paths := make([][]seg, 0, len(entries))
	for _, e := range entries {
		v, gv := e.val, e.gv
		if !e.converted {
			gv = s.toGo(v)
		}
		if in.class != nil && len(e.segs) == 1 {
			if p := in.class.props[e.key]; p != nil {
				cv, w := p.Coerce(gv)
				if w != "" {
					s.r.diagWarn(s.callerPos(), in.name()+": "+w)
				}
				v, gv = s.toJS(cv), cv
				changes = append(changes, propChange{p: p, old: in.data.Get(e.key), new: v})
			}
		}
		s.writePath(in.data, e.segs, v)
		paths = append(paths, e.segs)
		if in.class != nil && in.class.def.IsPure(e.segs[0].key) {
			continue
		}
		s.addPending(in, e.key, e.segs, gv)
	}
	for _, c := range changes {
		if c.p.observer == nil {
			continue
		}
		if c.old != nil && c.new.StrictEquals(c.old) && asObject(c.new) == nil {
			continue
		}
		fn := c.p.observer
		if name, ok := fn.Export().(string); ok {
			fn = in.obj.Get(name)
		}
		old := c.old
		if old == nil {
			old = goja.Undefined()
		}
		s.call("property observer "+quote(c.p.Name), fn, in.obj, c.new, old, s.r.vm.NewArray(c.p.Name))
	}
	if in.class != nil {
		s.fireObservers(in, paths)
	}
}

// addPending merges one write into the pending patch: a key replaces every
// pending key it is a prefix of, so the patch has no key-prefix pairs.
func (s *state) addPending(in *instance, key string, segs []seg, v any) {
	if in.pending == nil {
		in.pending = map[string]any{}
		in.pendSeg = map[string][]seg{}
	}
	dropped := false
	for k, ks := range in.pendSeg {
		if hasPrefix(ks, segs) {
			delete(in.pending, k)
			delete(in.pendSeg, k)
			dropped = true
		}
	}
	if dropped {
		in.pendOrder = slices.DeleteFunc(in.pendOrder, func(k string) bool { _, ok := in.pendSeg[k]; return !ok })
	}
	for _, k := range in.pendOrder {
		if ks := in.pendSeg[k]; hasPrefix(segs, ks) {
			// An earlier write replaced an ancestor: fold this write into it
			// (its value object is the one just mutated), keeping one key.
			gv, err := s.toGoErr(s.readPath(in.data, ks))
			if err != nil {
				if !interrupted(err) {
					s.r.diagErr(s.callerPos(), fmt.Sprintf("setData: field %q: %v; the field is not set", k+bridgePath(err), bridgeMsg(err)))
				}
				return
			}
			in.pending[k] = gv
			return
		}
	}
	in.pending[key] = v
	in.pendSeg[key] = segs
	in.pendOrder = append(in.pendOrder, key)
}

// writePath sets root[segs] = v, creating objects (for names) and arrays
// (for [n]) on the way, as setData does.
func (s *state) writePath(root *goja.Object, segs []seg, v goja.Value) {
	cur := root
	for i, sg := range segs[:len(segs)-1] {
		next := asObject(cur.Get(sg.key))
		if next == nil {
			if segs[i+1].index {
				next = s.r.vm.NewArray()
			} else {
				next = s.r.vm.NewObject()
			}
			_ = cur.Set(sg.key, next)
		}
		cur = next
	}
	_ = cur.Set(segs[len(segs)-1].key, v)
}

// readPath is root[segs], undefined when a step is missing.
func (s *state) readPath(root *goja.Object, segs []seg) goja.Value {
	var cur goja.Value = root
	for _, sg := range segs {
		if sg.key == "**" {
			break
		}
		o := asObject(cur)
		if o == nil {
			return goja.Undefined()
		}
		cur = o.Get(sg.key)
		if cur == nil {
			return goja.Undefined()
		}
	}
	return cur
}

// fireObservers runs each observer triggered by the changed paths once
// (glass-easel's observer tree): an observer on X fires when a changed path
// is X or an ancestor of X; an observer on X.** also fires when the changed
// path lies below X; "**" fires on every change.
func (s *state) fireObservers(in *instance, changed [][]seg) {
	for _, ob := range in.class.observers {
		if !observerHit(ob.paths, changed) {
			continue
		}
		args := make([]goja.Value, len(ob.paths))
		for i, p := range ob.paths {
			args[i] = s.readPath(in.data, p)
		}
		s.call("observer", ob.fn, in.obj, args...)
	}
}

func observerHit(paths, changed [][]seg) bool {
	for _, p := range paths {
		base, wild := p, false
		if n := len(p); n > 0 && p[n-1].key == "**" {
			base, wild = p[:n-1], true
		}
		for _, c := range changed {
			if hasPrefix(base, c) || (wild && hasPrefix(c, base)) {
				return true
			}
		}
	}
	return false
}

// setProperties applies attribute values from the renderer.
func (s *state) setProperties(in *instance, props map[string]any) {
	if in.class == nil {
		s.r.diagWarn(diag.Pos{File: in.name()}, "SetProperties on a page")
		return
	}
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sortStrings(keys)
	var entries []dataEntry
	for _, k := range keys {
		p := in.class.props[k]
		if p == nil {
			continue // not a property: an attribute of the host node
		}
		cv, w := p.Coerce(props[k])
		if w != "" {
			s.r.diagWarn(diag.Pos{File: in.class.def.Path + ".js"}, w)
		}
		entries = append(entries, dataEntry{key: k, segs: []seg{{key: k}}, val: s.toJS(cv)})
	}
	if len(entries) > 0 {
		s.applyData(in, entries)
	}
}

// triggerEvent is this.triggerEvent(name, detail, {bubbles, composed,
// capturePhase}).
func (s *state) triggerEvent(in *instance, call goja.FunctionCall) {
	name := call.Argument(0).String()
	detail, err := s.toGoErr(call.Argument(1))
	if err != nil {
		if interrupted(err) {
			return
		}
		s.r.diagErr(s.callerPos(), fmt.Sprintf("triggerEvent %q: detail%s: %v; sent as {}", name, bridgePath(err), bridgeMsg(err)))
		detail = nil
	}
	if detail == expr.Undefined {
		detail = nil
	}
	ev := TriggerEvent{ID: in.id, Name: name, Detail: detail}
	if o := asObject(call.Argument(2)); o != nil {
		ev.Bubbles = o.Get("bubbles") != nil && o.Get("bubbles").ToBoolean()
		ev.Composed = o.Get("composed") != nil && o.Get("composed").ToBoolean()
		ev.CapturePhase = o.Get("capturePhase") != nil && o.Get("capturePhase").ToBoolean()
	}
	if ev.Detail == nil && !goja.IsNull(call.Argument(1)) {
		ev.Detail = map[string]any{}
	}
	s.r.emit(ev)
}

// event runs a bind*/catch* handler.
func (s *state) event(m Event) {
	in := s.inst(m.ID, "Event")
	if in == nil {
		return
	}
	fn := in.obj.Get(m.Handler)
	if !isFunc(fn) {
		key := in.name() + "\x00" + m.Handler
		if !s.warned[key] {
			s.warned[key] = true
			s.r.diagWarn(diag.Pos{File: in.name() + ".js"}, fmt.Sprintf("%s has no method %q to handle event %q", in.name(), m.Handler, m.Event.Type))
		}
		return
	}
	s.call("handler "+quote(m.Handler), fn, in.obj, s.eventObject(m.Event))
}

func (s *state) eventObject(e EventObject) goja.Value {
	target := func(t EventTarget) map[string]any {
		ds := t.Dataset
		if ds == nil {
			ds = map[string]any{}
		}
		return map[string]any{"id": t.ID, "dataset": ds}
	}
	touches := func(ts []Touch) []any {
		out := make([]any, len(ts))
		for i, t := range ts {
			out[i] = map[string]any{"identifier": float64(t.Identifier), "pageX": t.PageX, "pageY": t.PageY, "clientX": t.ClientX, "clientY": t.ClientY}
		}
		return out
	}
	mark := e.Mark
	if mark == nil {
		mark = map[string]any{}
	}
	detail := e.Detail
	if detail == nil {
		detail = map[string]any{}
	}
	o := map[string]any{
		"type":           e.Type,
		"timeStamp":      e.TimeStamp,
		"target":         target(e.Target),
		"currentTarget":  target(e.CurrentTarget),
		"detail":         detail,
		"mark":           mark,
		"touches":        touches(e.Touches),
		"changedTouches": touches(e.ChangedTouches),
	}
	return s.toJS(o)
}
