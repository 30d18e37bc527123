package template

import (
	"strings"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/dom"
	"github.com/skyline-go/skyline/engine/expr"
)

// InstanceID names a component instance of a page. IDs are stable for the
// instance's life and never reused within a page; 0 means the page itself.
type InstanceID uint64

// Instance is one custom-component instance: its host node, its own data
// (properties and data) and the nodes its template made, which are children
// of the host in the node tree (the composed tree: slot content sits inside
// the component's <slot> nodes).
type Instance struct {
	id    InstanceID
	def   *compDef
	host  *dom.Node
	owner *Instance // the instance whose template has the host; nil: the page
	data  map[string]any
	frame *frame
	// Light DOM: the host's content, instantiated into the component's
	// <slot> nodes in the user's frame (slot.go).
	userFrame *frame
	content   []*instr
	slotNames []string
	filled    map[string]*dom.Node // non-dynamic slot name → the slot node holding its content
	// ext maps each external class to the class names the user gave it.
	ext map[string]string
}

// ID returns the instance's id (0 for a nil instance: the page).
func (in *Instance) ID() InstanceID {
	if in == nil {
		return 0
	}
	return in.id
}

// Path returns the component's package path without extension (the
// directory form resolved: components/card/index).
func (in *Instance) Path() string { return in.def.path }

// Host returns the node the instance is attached at.
func (in *Instance) Host() *dom.Node { return in.host }

// Owner returns the id of the instance whose template holds the host (0: the
// page): the instance that receives the host's bind:x handler calls.
func (in *Instance) Owner() InstanceID { return in.owner.ID() }

// Parent returns the nearest enclosing instance in the composed tree (the
// component whose template or slot holds the host), 0 for the page.
func (in *Instance) Parent() InstanceID {
	for m := in.host.Parent(); m != nil; m = m.Parent() {
		if mi := stateOf(m).inst; mi != nil {
			return mi.id
		}
	}
	return 0
}

// Data returns the instance's data (properties included). Treat it as
// read-only: change it with Page.SetComponentData.
func (in *Instance) Data() map[string]any { return in.data }

// Attached reports whether the instance is still in the page.
func (in *Instance) Attached() bool { return !in.host.Dead }

// InstanceEventKind says what happened to an instance.
type InstanceEventKind uint8

const (
	// InstanceAttached: the instance was created and inserted; hosts are
	// reported before the instances inside them.
	InstanceAttached InstanceEventKind = iota
	// InstanceDetached: the instance was removed (inner instances first).
	InstanceDetached
	// InstanceMoved: a keyed wx:for moved the instance's host.
	InstanceMoved
	// InstancePropsChanged: bound attributes of the host changed the
	// properties in Props (already coerced into the instance's data).
	InstancePropsChanged
)

// InstanceEvent is a lifecycle notification for the logic layer, which keeps
// one script instance per engine instance (Page.DrainInstanceEvents).
type InstanceEvent struct {
	Kind   InstanceEventKind
	ID     InstanceID
	Parent InstanceID // see Instance.Parent
	Path   string
	// Props holds, by property name, the host attributes given to
	// properties as written: a literal (Bound false) is markup text (true
	// for a bare attribute), a bound value is the binding's value. The
	// script coerces them itself. Set for Attached and PropsChanged.
	Props map[string]dom.Attribute
}

// DrainInstanceEvents returns the lifecycle notifications since the last
// call, in the order they happened.
func (tr *Tree) DrainInstanceEvents() []InstanceEvent {
	ev := tr.comp.events
	tr.comp.events = nil
	return ev
}

// Instances returns the live component instances in document order (hosts
// before the instances inside them).
func (tr *Tree) Instances() []*Instance {
	var out []*Instance
	if len(tr.comp.byID) == 0 {
		return nil
	}
	tr.root.Walk(func(n *dom.Node) bool {
		if ni := stateOf(n).inst; ni != nil {
			out = append(out, ni)
		}
		return true
	})
	return out
}

// Instance returns the live instance id, or nil.
func (tr *Tree) Instance(id InstanceID) *Instance {
	in := tr.comp.byID[id]
	if in == nil || in.host.Dead {
		return nil
	}
	return in
}

// SetComponentData applies a setData patch to instance id's data (spec
// §1.2 paths), re-rendering only that instance's bindings that read a
// changed path. Top-level keys matching the component's pureDataPattern are
// dropped: they are never rendered. Errors and order are as for
// Page.SetData.
func (tr *Tree) SetComponentData(id InstanceID, patch map[string]any, order ...string) error {
	in := tr.Instance(id)
	if in == nil {
		return diag.Diagnostic{Pos: diag.Pos{File: "SetComponentData"}, Severity: diag.Error, Msg: "no component instance " + itoa(int(id))}
	}
	if re := in.def.pure; re != nil {
		var kept map[string]any
		for k, v := range patch {
			if re.MatchString(rootKey(k)) {
				continue
			}
			if kept == nil {
				kept = map[string]any{}
			}
			kept[k] = v
		}
		patch = kept
	}
	return tr.applyPatch(in.data, &in.frame.watch, patch, order)
}

// rootKey is the first name of a setData path.
func rootKey(k string) string {
	if i := strings.IndexAny(k, ".["); i >= 0 {
		return k[:i]
	}
	return k
}

// instComponent creates the instance hosted by n (a usingComponents tag
// made in frame f by owner's template) and instantiates the component's
// template as n's content. It returns the region of that content.
func (tr *Tree) instComponent(n *dom.Node, in *instr, f *frame, owner *Instance, depth int) *region {
	d := in.comp.def
	if depth >= maxTemplateDepth {
		if !tr.bud.deepWarned[in] { // once per use site, without formatting each time
			if tr.bud.deepWarned == nil {
				tr.bud.deepWarned = map[*instr]bool{}
			}
			tr.bud.deepWarned[in] = true
			tr.warnOnce(in.pos, "component <"+in.tag+"> nested more than "+itoa(maxTemplateDepth)+" deep; not instantiated")
		}
		return nil
	}
	if !tr.take(bExpansions, in.pos) {
		return nil
	}
	cs := &tr.comp
	cs.next++
	inst := &Instance{id: cs.next, def: d, host: n, owner: owner, data: d.initialData(),
		userFrame: f, content: in.children, slotNames: in.slotNames}
	if cs.byID == nil {
		cs.byID = map[InstanceID]*Instance{}
	}
	cs.byID[inst.id] = inst
	stateOf(n).inst = inst
	if !d.def.Options.VirtualHost {
		n.HostedScope = d.scope
	} else {
		n.Virtual = true
	}
	props := map[string]dom.Attribute{}
	for _, a := range n.Attrs() {
		if key, ok := tr.hostAttr(inst, a, true); ok {
			props[key] = a
		}
	}
	inst.frame = &frame{kind: fTemplate, data: inst.data, wxs: d.file.wxs}
	cs.events = append(cs.events, InstanceEvent{Kind: InstanceAttached, ID: inst.id, Parent: inst.Parent(), Path: d.path, Props: props})
	sub := &region{host: n, frame: inst.frame, owner: inst}
	tr.enter(in.pos, "component <"+in.tag+">")
	tr.inst(sub, d.file.body, inst.frame, nil, depth+1)
	tr.exit()
	return sub
}

// hostAttr passes one host attribute to the instance: an external class
// (spec §2.3), a declared property (coerced), or — when the host supplied
// no definition — untyped data under the camelCase name. It reports the
// property name when the attribute is a property. init is set while the
// instance is being created (nothing is rendered yet).
func (tr *Tree) hostAttr(inst *Instance, a dom.Attribute, init bool) (string, bool) {
	d := inst.def
	if a.Name == "slot" {
		return "", false // the host's own slot assignment in its user's component
	}
	if d.ext[a.Name] {
		s := attrString(a.Value)
		if a.Bound {
			s = expr.ToString(a.Value)
		}
		if inst.ext == nil {
			inst.ext = map[string]string{}
		}
		if inst.ext[a.Name] != s {
			inst.ext[a.Name] = s
			if !init {
				tr.refreshExtClasses(inst)
			}
		}
		return "", false
	}
	key := camelName(a.Name)
	var v any
	if d.typed {
		i, ok := d.props[key]
		if !ok {
			return "", false
		}
		var warn string
		v, warn = coerceAttr(&d.def.Properties[i], a)
		if warn != "" {
			tr.warnOnce(inst.host.Pos, "<"+inst.host.Tag+"> "+warn)
		}
	} else {
		v = a.Value
	}
	if d.pure != nil && d.pure.MatchString(key) {
		return key, true
	}
	if old, had := inst.data[key]; init || !had || !expr.Same(old, v) {
		inst.data[key] = v
		if !init {
			tr.collect(&inst.frame.watch, []string{key})
		}
	}
	return key, true
}

// hostAttrChanged reacts to a bound attribute of a component host changing:
// only the instance's bindings that read the property re-evaluate (they
// are queued into the running flush).
func (tr *Tree) hostAttrChanged(n *dom.Node, a dom.Attribute) {
	inst := stateOf(n).inst
	if key, ok := tr.hostAttr(inst, a, false); ok {
		tr.comp.events = append(tr.comp.events, InstanceEvent{Kind: InstancePropsChanged, ID: inst.id, Parent: inst.Parent(),
			Path: inst.def.path, Props: map[string]dom.Attribute{key: a}})
	}
}

// detached records the removal of an instance.
func (tr *Tree) detached(inst *Instance) {
	tr.comp.events = append(tr.comp.events, InstanceEvent{Kind: InstanceDetached, ID: inst.id, Path: inst.def.path})
	delete(tr.comp.byID, inst.id)
}

// moved records the instances inside a node a keyed loop moved.
func (tr *Tree) moved(n *dom.Node) {
	if len(tr.comp.byID) == 0 {
		return
	}
	n.Walk(func(m *dom.Node) bool {
		if mi := stateOf(m).inst; mi != nil {
			tr.comp.events = append(tr.comp.events, InstanceEvent{Kind: InstanceMoved, ID: mi.id, Parent: mi.Parent(), Path: mi.def.path})
		}
		return true
	})
}

// componentState is the page's component bookkeeping.
type componentState struct {
	defs     map[string]*compDef // by usingComponents path; nil entry: failed to load
	list     []*compDef          // in scope order (scope = index + 1)
	appUsing map[string]string   // app.json usingComponents (global components)
	loader   func(string) (*ComponentDef, error)
	byID     map[InstanceID]*Instance
	next     InstanceID
	events   []InstanceEvent
}

// forwardAttr handles a change inside the value of a plain-path attribute
// of a component host or slot (list="{{rows}}" after rows[0].n changed):
// the value is the same container, so instead of a whole new value the
// instance (or the slot's content) hears of the sub-path, and only bindings
// reading it re-evaluate. It reports false when the value itself changed
// (the caller evaluates normally).
func (tr *Tree) forwardAttr(b *binding, rest []string) bool {
	n := b.node
	a := n.Attrs()[b.idx]
	tr.evals++
	if !expr.Same(a.Value, b.t.Eval(b.frame)) {
		return false
	}
	if stateOf(n).slot != nil {
		tr.slotSub(n, a.Name, rest)
	}
	inst := stateOf(n).inst
	if inst == nil || inst.def.ext[a.Name] || a.Name == "slot" {
		return true
	}
	key := camelName(a.Name)
	if _, ok := inst.def.props[key]; inst.def.typed && !ok || inst.def.pure != nil && inst.def.pure.MatchString(key) {
		return true
	}
	tr.collect(&inst.frame.watch, append([]string{key}, rest...))
	tr.comp.events = append(tr.comp.events, InstanceEvent{Kind: InstancePropsChanged, ID: inst.id, Parent: inst.Parent(),
		Path: inst.def.path, Props: map[string]dom.Attribute{key: a}})
	return true
}
