package template

import (
	"strings"

	"github.com/skyline-go/skyline/engine/dom"
	"github.com/skyline-go/skyline/engine/expr"
	"github.com/skyline-go/skyline/widgets"
)

type bindKind uint8

const (
	bText bindKind = iota
	bAttr
	bID
	bClass
	bStyle
	bHidden
	bClassToggle
	bStyleProp
	bData
	bMark
	bEvent
)

// binding is one bound text or attribute of a node; it re-evaluates when a
// path it reads changes and updates the node in place, recording a dom.Dirty flag.
type binding struct {
	kind  bindKind
	node  *dom.Node
	idx   int // index into the node's attrs / classToggles / styleProps / events
	name  string
	t     *expr.Template
	frame *frame
	st    uint32
	// fwd marks a plain-path attribute of a component host or a slot: a
	// change inside its value is passed on as a sub-path (forwardAttr).
	fwd bool
}

func (b *binding) dead() bool     { return b.node.Dead }
func (b *binding) forwards() bool { return b.fwd }
func (b *binding) stamp() *uint32 { return &b.st }
func (b *binding) fire(tr *Tree, rest []string) {
	if b.fwd && len(rest) > 0 && tr.forwardAttr(b, rest) {
		return
	}
	b.eval(tr)
}

// eval evaluates the binding and applies the value to its node.
func (b *binding) eval(tr *Tree) {
	tr.evals++
	v := b.t.Eval(b.frame)
	n := b.node
	switch b.kind {
	case bText:
		if s := expr.ToString(v); s != n.Text {
			n.Text = s
			tr.markDirty(n, dom.DirtyText)
		}
	case bAttr:
		a := n.AttrAt(b.idx)
		if !expr.Same(a.Value, v) {
			a.Value = v
			tr.markDirty(n, dom.DirtyAttr)
			st := stateOf(n)
			if st.inst != nil {
				tr.hostAttrChanged(n, *a)
			}
			if st.slot != nil {
				tr.slotChanged(n)
			}
			if n.Tag == "rich-text" && a.Name == "nodes" {
				tr.richText(n)
			}
		}
	case bID:
		if n.SetID(expr.ToString(v)) {
			tr.markDirty(n, dom.DirtyAttr)
		}
	case bClass:
		if st := stateOf(n); expr.ToString(v) != st.baseClass {
			st.baseClass = expr.ToString(v)
			tr.refreshClass(n)
		}
	case bClassToggle:
		if st, on := stateOf(n), expr.Truthy(v); on != st.classToggles[b.idx].on {
			st.classToggles[b.idx].on = on
			tr.refreshClass(n)
		}
	case bStyle:
		if st, s := stateOf(n), expr.ToString(v); s != st.baseStyle {
			st.baseStyle = s
			tr.refreshStyle(n)
		}
	case bStyleProp:
		if st, s := stateOf(n), expr.ToString(v); s != st.styleProps[b.idx].value {
			st.styleProps[b.idx].value = s
			tr.refreshStyle(n)
		}
	case bHidden:
		if n.SetHidden(expr.Truthy(v)) {
			tr.markDirty(n, dom.DirtyAttr)
		}
	case bData:
		n.SetData(b.name, v)
	case bMark:
		n.SetMark(b.name, v)
	case bEvent:
		n.EventAt(b.idx).Handler = expr.ToString(v)
	}
}

// refreshClass rebuilds the class list from the class attribute and the
// class:x toggles (glass-easel, spec §1.2).
func (tr *Tree) refreshClass(n *dom.Node) {
	st := stateOf(n)
	s := st.baseClass
	if len(st.classToggles) > 0 {
		var sb strings.Builder
		sb.WriteString(s)
		for _, t := range st.classToggles {
			if t.on {
				if sb.Len() > 0 {
					sb.WriteByte(' ')
				}
				sb.WriteString(t.name)
			}
		}
		s = sb.String()
	}
	if st.owner != nil && st.owner.def.ext != nil {
		s, n.ExtNames = st.owner.mapExtClasses(s, n.ExtNames)
		n.ExtScope = st.owner.host.Scope
	}
	if n.SetClass(s) {
		tr.markDirty(n, dom.DirtyClass)
	}
}

// refreshStyle appends the style:prop declarations to the style attribute.
// A style:prop whose value is empty declares nothing.
func (tr *Tree) refreshStyle(n *dom.Node) {
	st := stateOf(n)
	s := st.baseStyle
	if len(st.styleProps) > 0 {
		var sb strings.Builder
		sb.WriteString(s)
		for _, sp := range st.styleProps {
			if sp.value == "" {
				continue
			}
			if t := strings.TrimRight(sb.String(), " "); t != "" && !strings.HasSuffix(t, ";") {
				sb.WriteByte(';')
			}
			sb.WriteString(sp.name)
			sb.WriteByte(':')
			sb.WriteString(sp.value)
		}
		s = sb.String()
	}
	if n.SetStyleText(s) {
		tr.markDirty(n, dom.DirtyStyle)
	}
}

// newElement creates an element node from its instruction, evaluating its
// attributes in f and registering their bindings.
func (tr *Tree) newElement(in *instr, f *frame, owner *Instance) *dom.Node {
	n, st := newNode(dom.ElementNode, in.pos, owner)
	n.Tag, n.Spec, n.Virtual = in.tag, in.spec, in.spec.Kind == widgets.Virtual
	st.comp = in.comp
	hasClass, hasStyle := false, false
	for _, a := range in.attrs {
		var val any = true
		bound := false
		if a.t != nil {
			if a.t.IsStatic() {
				val = a.t.Raw()
			} else {
				bound = true
			}
		}
		var b *binding
		if bound {
			b = &binding{node: n, t: a.t, frame: f, name: a.name}
			if a.kind == aAttr && (in.comp != nil || in.slot) {
				if s := a.t.Single(); s != nil {
					_, b.fwd = plainPath(s.String())
				}
			}
		}
		switch a.kind {
		case aAttr:
			if b != nil {
				b.kind, b.idx = bAttr, len(n.Attrs())
			}
			n.AddAttr(dom.Attribute{Name: a.name, Value: val, Bound: bound})
		case aID:
			if b != nil {
				b.kind = bID
			} else {
				n.SetID(attrString(val))
			}
		case aClass:
			hasClass = true
			if b != nil {
				b.kind = bClass
			} else {
				st.baseClass = attrString(val)
			}
		case aStyle:
			hasStyle = true
			if b != nil {
				b.kind = bStyle
			} else {
				st.baseStyle = attrString(val)
			}
		case aHidden:
			if b != nil {
				b.kind = bHidden
			} else {
				n.SetHidden(true) // spec §8.9: a literal (even "false") is true
			}
		case aClassToggle:
			hasClass = true
			if b != nil {
				b.kind, b.idx = bClassToggle, len(st.classToggles)
			}
			st.classToggles = append(st.classToggles, classToggle{name: a.name, on: !bound && expr.Truthy(val)})
		case aStyleProp:
			hasStyle = true
			if b != nil {
				b.kind, b.idx = bStyleProp, len(st.styleProps)
			}
			st.styleProps = append(st.styleProps, styleProp{name: a.name, value: attrString(val)})
		case aData:
			if b != nil {
				b.kind = bData
			} else {
				n.SetData(a.name, val)
			}
		case aMark:
			if b != nil {
				b.kind = bMark
			} else {
				n.SetMark(a.name, val)
			}
		case aEvent:
			if b != nil {
				b.kind, b.idx = bEvent, len(n.Events())
			}
			n.AddEvent(dom.Event{Binding: a.ev, Handler: attrString(val)})
		}
		if b != nil {
			b.eval(tr)
			f.watchDeps(a.t.Deps(), b)
		}
	}
	if hasClass {
		tr.refreshClass(n)
	}
	if hasStyle {
		tr.refreshStyle(n)
	}
	if n.Tag == "rich-text" {
		tr.richText(n) // its children come from its nodes attribute
	}
	return n
}

// attrString is the string of a literal attribute: a bare attribute (true)
// has the empty string as its text.
func attrString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return ""
}
