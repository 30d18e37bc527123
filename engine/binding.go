package engine

import (
	"reflect"
	"strings"

	"github.com/skyline-go/skyline/engine/expr"
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
// path it reads changes and updates the node in place, recording a Dirty flag.
type binding struct {
	kind  bindKind
	node  *Node
	idx   int // index into the node's attrs / classToggles / styleProps / events
	name  string
	t     *expr.Template
	frame *frame
	st    uint32
	// fwd marks a plain-path attribute of a component host or a slot: a
	// change inside its value is passed on as a sub-path (forwardAttr).
	fwd bool
}

func (b *binding) dead() bool     { return b.node.dead }
func (b *binding) forwards() bool { return b.fwd }
func (b *binding) stamp() *uint32 { return &b.st }
func (b *binding) fire(p *Page, rest []string) {
	if b.fwd && len(rest) > 0 && p.forwardAttr(b, rest) {
		return
	}
	b.eval(p)
}

// eval evaluates the binding and applies the value to its node.
func (b *binding) eval(p *Page) {
	p.evals++
	v := b.t.Eval(b.frame)
	n := b.node
	switch b.kind {
	case bText:
		if s := expr.ToString(v); s != n.Text {
			n.Text = s
			p.markDirty(n, DirtyText)
		}
	case bAttr:
		a := &n.attrs[b.idx]
		if !sameValue(a.Value, v) {
			a.Value = v
			p.markDirty(n, DirtyAttr)
			if n.inst != nil {
				p.hostAttrChanged(n, *a)
			}
			if n.slot != nil {
				p.slotChanged(n)
			}
		}
	case bID:
		if s := expr.ToString(v); s != n.id {
			n.id = s
			p.markDirty(n, DirtyAttr)
		}
	case bClass:
		if s := expr.ToString(v); s != n.baseClass {
			n.baseClass = s
			p.refreshClass(n)
		}
	case bClassToggle:
		if on := expr.Truthy(v); on != n.classToggles[b.idx].on {
			n.classToggles[b.idx].on = on
			p.refreshClass(n)
		}
	case bStyle:
		if s := expr.ToString(v); s != n.baseStyle {
			n.baseStyle = s
			p.refreshStyle(n)
		}
	case bStyleProp:
		if s := expr.ToString(v); s != n.styleProps[b.idx].value {
			n.styleProps[b.idx].value = s
			p.refreshStyle(n)
		}
	case bHidden:
		if h := expr.Truthy(v); h != n.hidden {
			n.hidden = h
			p.markDirty(n, DirtyAttr)
		}
	case bData:
		n.dataset[b.name] = v
	case bMark:
		n.marks[b.name] = v
	case bEvent:
		n.events[b.idx].Handler = expr.ToString(v)
	}
}

// refreshClass rebuilds the class list from the class attribute and the
// class:x toggles (glass-easel, spec §1.2).
func (p *Page) refreshClass(n *Node) {
	s := n.baseClass
	if len(n.classToggles) > 0 {
		var sb strings.Builder
		sb.WriteString(s)
		for _, t := range n.classToggles {
			if t.on {
				if sb.Len() > 0 {
					sb.WriteByte(' ')
				}
				sb.WriteString(t.name)
			}
		}
		s = sb.String()
	}
	if n.owner != nil && n.owner.def.ext != nil {
		s, n.extNames = n.owner.mapExtClasses(s, n.extNames)
	}
	if s != n.classes.raw {
		n.classes.set(s)
		p.markDirty(n, DirtyClass)
	}
}

// refreshStyle appends the style:prop declarations to the style attribute.
// A style:prop whose value is empty declares nothing.
func (p *Page) refreshStyle(n *Node) {
	s := n.baseStyle
	if len(n.styleProps) > 0 {
		var sb strings.Builder
		sb.WriteString(s)
		for _, sp := range n.styleProps {
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
	if s != n.styleText {
		n.styleText = s
		p.markDirty(n, DirtyStyle)
	}
}

// sameValue reports that a value is unchanged without comparing maps or
// slices by content (== on them would panic): containers compare by
// identity, functions never compare equal.
func sameValue(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case string:
		y, ok := b.(string)
		return ok && x == y
	case float64:
		y, ok := b.(float64)
		return ok && x == y
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case map[string]any:
		y, ok := b.(map[string]any)
		return ok && reflect.ValueOf(x).UnsafePointer() == reflect.ValueOf(y).UnsafePointer()
	case *expr.Object:
		y, ok := b.(*expr.Object)
		return ok && x == y
	case []any:
		y, ok := b.([]any)
		return ok && len(x) == len(y) && (len(x) == 0 || &x[0] == &y[0])
	}
	if a == expr.Undefined {
		return b == expr.Undefined
	}
	return false
}

// newElement creates an element node from its instruction, evaluating its
// attributes in f and registering their bindings.
func (p *Page) newElement(in *instr, f *frame, owner *Instance) *Node {
	n := &Node{Kind: ElementNode, Tag: in.tag, Spec: in.spec, Component: in.comp, Pos: in.pos, owner: owner}
	if owner != nil {
		n.scope = owner.def.scope
	}
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
				b.kind, b.idx = bAttr, len(n.attrs)
			}
			n.attrs = append(n.attrs, Attribute{Name: a.name, Value: val, Bound: bound})
		case aID:
			if b != nil {
				b.kind = bID
			} else {
				n.id = attrString(val)
			}
		case aClass:
			hasClass = true
			if b != nil {
				b.kind = bClass
			} else {
				n.baseClass = attrString(val)
			}
		case aStyle:
			hasStyle = true
			if b != nil {
				b.kind = bStyle
			} else {
				n.baseStyle = attrString(val)
			}
		case aHidden:
			if b != nil {
				b.kind = bHidden
			} else {
				n.hidden = true // spec §8.9: a literal (even "false") is true
			}
		case aClassToggle:
			hasClass = true
			if b != nil {
				b.kind, b.idx = bClassToggle, len(n.classToggles)
			}
			n.classToggles = append(n.classToggles, classToggle{name: a.name, on: !bound && expr.Truthy(val)})
		case aStyleProp:
			hasStyle = true
			if b != nil {
				b.kind, b.idx = bStyleProp, len(n.styleProps)
			}
			n.styleProps = append(n.styleProps, styleProp{name: a.name, value: attrString(val)})
		case aData:
			if n.dataset == nil {
				n.dataset = map[string]any{}
			}
			if b != nil {
				b.kind = bData
			} else {
				n.dataset[a.name] = val
			}
		case aMark:
			if n.marks == nil {
				n.marks = map[string]any{}
			}
			if b != nil {
				b.kind = bMark
			} else {
				n.marks[a.name] = val
			}
		case aEvent:
			if b != nil {
				b.kind, b.idx = bEvent, len(n.events)
			}
			n.events = append(n.events, Event{Binding: a.ev, Handler: attrString(val)})
		}
		if b != nil {
			b.eval(p)
			f.watchDeps(a.t.Deps(), b)
		}
	}
	if hasClass {
		p.refreshClass(n)
	}
	if hasStyle {
		p.refreshStyle(n)
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
