package logic

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/dop251/goja"
	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/expr"
)

// ComponentDef is a component's parsed definition after its behaviors are
// merged: what the engine needs to instantiate and render it.
type ComponentDef struct {
	Path            string
	Props           []PropSpec     // definition order, behaviors' first
	Data            map[string]any // initial data fields (properties excluded)
	Options         ComponentOptions
	ExternalClasses []string
	Relations       []RelationSpec
	Methods         []string // method names (sorted)

	propIndex map[string]int
	pure      *regexp.Regexp
}

// ComponentOptions are Component({options}) (spec §1.8, §2.3).
type ComponentOptions struct {
	MultipleSlots  bool
	VirtualHost    bool
	AddGlobalClass bool
	// StyleIsolation is "isolated" (the default), "apply-shared", "shared",
	// "page-isolated", "page-apply-shared" or "page-shared".
	StyleIsolation string
	// PureDataPattern is the source of the pureDataPattern RegExp ("" none):
	// matching top-level fields are never rendered and never sent in patches.
	PureDataPattern string
}

// RelationSpec is one entry of Component({relations}).
type RelationSpec struct {
	Key  string // the relations key as written
	Path string // target component path, resolved against the component
	Type string // "parent", "child", "ancestor", "descendant"
}

// PageDef is a page's parsed definition.
type PageDef struct {
	Path    string
	Data    map[string]any // Page({data})
	Methods []string       // function fields (sorted)
}

// Prop returns the spec of property name, or nil.
func (d *ComponentDef) Prop(name string) *PropSpec {
	if i, ok := d.propIndex[name]; ok {
		return &d.Props[i]
	}
	return nil
}

// IsPure reports whether a top-level data field is pure data (not rendered).
func (d *ComponentDef) IsPure(field string) bool {
	return d.pure != nil && d.pure.MatchString(field)
}

// InitialData is an instance's data before any script runs: data fields,
// property defaults, then props coerced (see PropSpec.Coerce). Unknown props
// are ignored; warnings are the coercion warnings.
func (d *ComponentDef) InitialData(props map[string]any) (map[string]any, []string) {
	out := cloneValue(d.Data).(map[string]any)
	for i := range d.Props {
		out[d.Props[i].Name] = d.Props[i].DefaultValue()
	}
	var warns []string
	for k, v := range props {
		p := d.Prop(k)
		if p == nil {
			continue
		}
		cv, w := p.Coerce(v)
		if w != "" {
			warns = append(warns, w)
		}
		out[k] = cloneValue(cv)
	}
	return out, warns
}

// propDef is a property with its JS observer.
type propDef struct {
	PropSpec
	observer goja.Value // function or method-name string; nil when none
}

// observerDef is one entry of observers: several paths, one function.
type observerDef struct {
	paths [][]seg // each may end with a "**" segment
	fn    goja.Value
}

// rawDef is one Component/Behavior definition before merging.
type rawDef struct {
	path            string
	props           []propDef
	data            *expr.Object
	methods         map[string]goja.Value
	methodOrder     []string
	lifetimes       map[string]goja.Value
	pageLifetimes   map[string]goja.Value
	observers       []observerDef
	behaviors       []*behavior
	options         ComponentOptions
	hasOptions      map[string]bool
	externalClasses []string
	relations       []relationDef
	filter          goja.Value
}

type relationDef struct {
	RelationSpec
	linked, unlinked goja.Value
}

// behavior is a Behavior({...}) result; obj is the JS handle scripts hold.
type behavior struct {
	def *rawDef
	obj *goja.Object
	// builtin names a wx:// behavior ("wx://form-field"); def is then empty.
	builtin string
}

// compClass is a merged component definition.
type compClass struct {
	def           ComponentDef
	data          *expr.Object // data fields in definition order (def.Data's order)
	props         map[string]*propDef
	methods       map[string]goja.Value
	lifetimes     map[string][]goja.Value
	pageLifetimes map[string][]goja.Value
	observers     []observerDef
	relations     []relationDef
	behaviors     map[*goja.Object]bool
	export        goja.Value // wx://component-export's export()
}

// pageClass is a Page({...}) definition.
type pageClass struct {
	def  PageDef
	obj  *goja.Object
	data *expr.Object // Page({data}) in the script's key order (def.Data's order)
}

// initialData is a new instance's this.data: data fields in definition
// order, then property defaults in declaration order.
func (c *compClass) initialData() *expr.Object {
	out := cloneValue(c.data).(*expr.Object)
	for i := range c.def.Props {
		out.Set(c.def.Props[i].Name, c.def.Props[i].DefaultValue())
	}
	return out
}

// dataObject converts a definition's data object field by field within
// one bridge budget: a field the bridge refuses is reported (at pos) and
// left out, and the others stay.
func (s *state) dataObject(o *goja.Object, what string, pos diag.Pos) *expr.Object {
	out := expr.NewObject(0)
	conv := s.newConverter()
	for _, k := range o.Keys() {
		gv, err := conv.ConvertMore(o.Get(k))
		if err != nil {
			if interrupted(err) {
				break
			}
			s.r.diagErr(pos, fmt.Sprintf("%s field %q: %v; the field is left out", what, k+bridgePath(err), bridgeMsg(err)))
			continue
		}
		if gv != expr.Undefined {
			out.Set(k, gv)
		}
	}
	return out
}

// sortedKeys lists a Go map's keys sorted.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortStrings(keys)
	return keys
}

var lifetimeNames = []string{"created", "attached", "ready", "moved", "detached", "error"}

// parseDef reads a definition object. path is the defining file (for
// resolving relation paths and positioning warnings).
func (s *state) parseDef(path string, obj *goja.Object, pos diag.Pos) *rawDef {
	d := &rawDef{
		path:          path,
		methods:       map[string]goja.Value{},
		lifetimes:     map[string]goja.Value{},
		pageLifetimes: map[string]goja.Value{},
		hasOptions:    map[string]bool{},
	}
	if p := asObject(obj.Get("properties")); p != nil {
		for _, name := range p.Keys() {
			d.props = append(d.props, s.parseProp(name, p.Get(name), pos))
		}
	}
	if v := asObject(obj.Get("data")); v != nil {
		d.data = s.dataObject(v, "data", pos)
	}
	if m := asObject(obj.Get("methods")); m != nil {
		for _, k := range m.Keys() {
			if fn := m.Get(k); isFunc(fn) {
				d.methods[k] = fn
				d.methodOrder = append(d.methodOrder, k)
			}
		}
	}
	// Top-level lifetimes first; the lifetimes field wins for the same name
	// (WeChat: "lifetimes has the highest priority").
	for _, n := range lifetimeNames {
		if fn := obj.Get(n); isFunc(fn) {
			d.lifetimes[n] = fn
		}
	}
	if lt := asObject(obj.Get("lifetimes")); lt != nil {
		for _, n := range lt.Keys() {
			if fn := lt.Get(n); isFunc(fn) {
				d.lifetimes[n] = fn
			}
		}
	}
	if pl := asObject(obj.Get("pageLifetimes")); pl != nil {
		for _, n := range pl.Keys() {
			if fn := pl.Get(n); isFunc(fn) {
				d.pageLifetimes[n] = fn
			}
		}
	}
	if ob := asObject(obj.Get("observers")); ob != nil {
		for _, k := range ob.Keys() {
			fn := ob.Get(k)
			if !isFunc(fn) {
				s.r.diagWarn(pos, "observer "+quote(k)+" is not a function")
				continue
			}
			od := observerDef{fn: fn}
			ok := true
			for _, part := range strings.Split(k, ",") {
				segs, err := parsePath(strings.TrimSpace(part), true)
				if err != nil {
					s.r.diagWarn(pos, "observers: "+err.Error())
					ok = false
					break
				}
				od.paths = append(od.paths, segs)
			}
			if ok {
				d.observers = append(d.observers, od)
			}
		}
	}
	if o := asObject(obj.Get("options")); o != nil {
		for _, k := range o.Keys() {
			v := o.Get(k)
			d.hasOptions[k] = true
			switch k {
			case "multipleSlots":
				d.options.MultipleSlots = v.ToBoolean()
			case "virtualHost":
				d.options.VirtualHost = v.ToBoolean()
			case "addGlobalClass":
				d.options.AddGlobalClass = v.ToBoolean()
			case "styleIsolation":
				d.options.StyleIsolation = v.String()
			case "pureDataPattern":
				if ro := asObject(v); ro != nil && ro.ClassName() == "RegExp" {
					d.options.PureDataPattern = ro.Get("source").String()
				} else {
					s.r.diagWarn(pos, "options.pureDataPattern must be a RegExp")
					delete(d.hasOptions, k)
				}
			}
		}
	}
	if ec := asObject(obj.Get("externalClasses")); ec != nil && ec.ClassName() == "Array" {
		if list, ok := s.toGo(ec).([]any); ok {
			for _, e := range list {
				if str, ok := e.(string); ok {
					d.externalClasses = append(d.externalClasses, str)
				}
			}
		}
	}
	if rel := asObject(obj.Get("relations")); rel != nil {
		for _, k := range rel.Keys() {
			ro := asObject(rel.Get(k))
			if ro == nil {
				continue
			}
			t := ro.Get("type")
			if t == nil || goja.IsUndefined(t) {
				s.r.diagWarn(pos, "relation "+quote(k)+" has no type")
				continue
			}
			typ := t.String()
			switch typ {
			case "parent", "child", "ancestor", "descendant":
			default:
				s.r.diagWarn(pos, "relation "+quote(k)+" has an invalid type "+quote(typ))
				continue
			}
			target := k
			if tv := ro.Get("target"); tv != nil && !goja.IsUndefined(tv) {
				if _, isStr := tv.Export().(string); isStr {
					target = tv.String()
				}
			}
			d.relations = append(d.relations, relationDef{
				RelationSpec: RelationSpec{Key: k, Path: resolvePath(dirOf(path), target), Type: typ},
				linked:       ro.Get("linked"),
				unlinked:     ro.Get("unlinked"),
			})
		}
	}
	if f := obj.Get("definitionFilter"); isFunc(f) {
		d.filter = f
	}
	return d
}

// parseProp reads one properties entry: a type constructor (name: Number)
// or {type, optionalTypes, value, observer}.
func (s *state) parseProp(name string, v goja.Value, pos diag.Pos) propDef {
	p := propDef{PropSpec: PropSpec{Name: name}}
	if t, ok := s.typeOf(v); ok {
		p.Type = t
		return p
	}
	o := asObject(v)
	if o == nil {
		s.r.diagWarn(pos, "property "+quote(name)+": invalid definition")
		return p
	}
	if t, ok := s.typeOf(o.Get("type")); ok {
		p.Type = t
	} else {
		s.r.diagWarn(pos, "property "+quote(name)+": invalid type; treated as null (any)")
	}
	if ot := asObject(o.Get("optionalTypes")); ot != nil && ot.ClassName() == "Array" {
		n := int(ot.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			if t, ok := s.typeOf(ot.Get(itoa(i))); ok {
				p.OptionalTypes = append(p.OptionalTypes, t)
			}
		}
	}
	if dv := o.Get("value"); dv != nil && !goja.IsUndefined(dv) {
		gv, err := s.toGoErr(dv)
		if err != nil && !interrupted(err) {
			s.r.diagErr(pos, fmt.Sprintf("property %q: value%s: %v; the type's default is used", name, bridgePath(err), bridgeMsg(err)))
		}
		if err == nil {
			p.Default, _ = p.Coerce(gv)
			p.HasDefault = true
		}
	}
	if ob := o.Get("observer"); isFunc(ob) {
		p.observer = ob
	} else if ob != nil {
		if _, isStr := ob.Export().(string); isStr {
			p.observer = ob
		}
	}
	return p
}

// typeOf maps String/Number/Boolean/Object/Array/null to a PropType.
func (s *state) typeOf(v goja.Value) (PropType, bool) {
	if v == nil || goja.IsUndefined(v) {
		return 0, false
	}
	if goja.IsNull(v) {
		return PropAny, true
	}
	for i, name := range [...]string{"", "String", "Number", "Boolean", "Object", "Array"} {
		if name != "" && v.SameAs(s.r.vm.Get(name)) {
			return PropType(i), true
		}
	}
	return 0, false
}

// flatten lists behaviors in WeChat's merge order: a behavior's own
// behaviors before it, earlier before later, each once.
func flatten(list []*behavior, seen map[*behavior]bool, out []*behavior) []*behavior {
	for _, b := range list {
		if seen[b] {
			continue
		}
		seen[b] = true
		if b.def != nil {
			out = flatten(b.def.behaviors, seen, out)
		}
		out = append(out, b)
	}
	return out
}

// merge builds a component class from its own definition and behaviors.
// Merge rules (WeChat behaviors doc): properties, data and methods — the
// referencing definition overrides the referenced, later behaviors override
// earlier ones, the component overrides all; data fields that are objects on
// both sides merge recursively; lifetimes, pageLifetimes and observers all
// run, behaviors' first in merge order, then the component's.
func (s *state) merge(path string, own *rawDef) *compClass {
	c := &compClass{
		props:         map[string]*propDef{},
		methods:       map[string]goja.Value{},
		lifetimes:     map[string][]goja.Value{},
		pageLifetimes: map[string][]goja.Value{},
		behaviors:     map[*goja.Object]bool{},
	}
	c.def.Path = path
	c.data = expr.NewObject(0)
	c.def.Options.StyleIsolation = "isolated"
	var order []string
	apply := func(d *rawDef) {
		for i := range d.props {
			p := d.props[i]
			if _, ok := c.props[p.Name]; !ok {
				order = append(order, p.Name)
			}
			c.props[p.Name] = &p
		}
		mergeData(c.data, d.data)
		for _, k := range d.methodOrder {
			c.methods[k] = d.methods[k]
		}
		for _, n := range lifetimeNames {
			if fn, ok := d.lifetimes[n]; ok {
				c.lifetimes[n] = append(c.lifetimes[n], fn)
			}
		}
		for n, fn := range d.pageLifetimes {
			c.pageLifetimes[n] = append(c.pageLifetimes[n], fn)
		}
		c.observers = append(c.observers, d.observers...)
		c.relations = append(c.relations, d.relations...)
		c.def.ExternalClasses = append(c.def.ExternalClasses, d.externalClasses...)
	}
	for _, b := range flatten(own.behaviors, map[*behavior]bool{}, nil) {
		if b.obj != nil {
			c.behaviors[b.obj] = true
		}
		switch b.builtin {
		case "wx://form-field":
			for _, n := range []string{"name", "value"} {
				if _, ok := c.props[n]; !ok {
					order = append(order, n)
					c.props[n] = &propDef{PropSpec: PropSpec{Name: n}}
				}
			}
			if n := c.props["name"]; n.Type == PropAny {
				n.Type = PropString
			}
		}
		if b.def != nil {
			apply(b.def)
		}
	}
	apply(own)
	// Options are the component's own (behaviors do not carry options).
	opt := own.options
	if !own.hasOptions["styleIsolation"] {
		opt.StyleIsolation = "isolated"
	}
	c.def.Options = opt
	if opt.PureDataPattern != "" {
		re, err := regexp.Compile(opt.PureDataPattern)
		if err != nil {
			s.r.diagWarn(diag.Pos{File: path + ".js"}, "options.pureDataPattern is not a pattern Go can run: "+err.Error())
		} else {
			c.def.pure = re
		}
	}
	c.def.propIndex = map[string]int{}
	for _, n := range order {
		c.def.propIndex[n] = len(c.def.Props)
		c.def.Props = append(c.def.Props, c.props[n].PropSpec)
		c.data.Delete(n) // a property shadows a data field of the same name
	}
	c.def.Data = c.data.Map()
	for k := range c.methods {
		c.def.Methods = append(c.def.Methods, k)
	}
	sortStrings(c.def.Methods)
	for _, r := range c.relations {
		c.def.Relations = append(c.def.Relations, r.RelationSpec)
	}
	return c
}

// mergeData merges src into dst: objects on both sides merge recursively,
// anything else is replaced by a copy of src's value. New keys go last, in
// src's order.
func mergeData(dst, src *expr.Object) {
	src.Range(func(k string, v any) bool {
		if sv, ok := v.(*expr.Object); ok {
			if dv, _ := dst.Get(k); dv != nil {
				if dv, ok := dv.(*expr.Object); ok {
					mergeData(dv, sv)
					return true
				}
			}
		}
		dst.Set(k, cloneValue(v))
		return true
	})
}

func asObject(v goja.Value) *goja.Object {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	o, _ := v.(*goja.Object)
	return o
}

func isFunc(v goja.Value) bool {
	if v == nil {
		return false
	}
	_, ok := goja.AssertFunction(v)
	return ok
}

func quote(s string) string { return `"` + s + `"` }
