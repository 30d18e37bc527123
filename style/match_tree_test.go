package style

import (
	"fmt"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

// tnode is the test implementation of Element: a plain tree.
type tnode struct {
	tag, id  string
	classes  []string
	handle   string // test name, invisible to matching
	inline   string // style attribute
	text     bool   // has a non-empty text child
	scope    int
	parent   *tnode
	index    int
	children []*tnode
	states   StateMask // interaction states (StatefulElement)
}

func (n *tnode) ElementStates() StateMask { return n.states }

func (n *tnode) TagName() string   { return n.tag }
func (n *tnode) ElementID() string { return n.id }
func (n *tnode) Classes() []string { return n.classes }
func (n *tnode) StyleScope() int   { return n.scope }
func (n *tnode) HasChildren() bool { return n.text || len(n.children) > 0 }
func (n *tnode) HasClass(c string) bool {
	for _, k := range n.classes {
		if k == c {
			return true
		}
	}
	return false
}

func (n *tnode) ParentElement() Element {
	if n.parent == nil {
		return nil
	}
	return n.parent
}

func (n *tnode) PrevElementSibling() Element {
	if n.parent == nil || n.index == 0 {
		return nil
	}
	return n.parent.children[n.index-1]
}

func (n *tnode) NextElementSibling() Element {
	if n.parent == nil || n.index+1 >= len(n.parent.children) {
		return nil
	}
	return n.parent.children[n.index+1]
}

// h builds a node from "tag#id.class1.class2$handle" plus options:
// "text" gives it a text child, "scope=N" its style scope, "style=..." its
// inline style.
func h(spec string, kids ...any) *tnode {
	n := &tnode{}
	if i := strings.IndexByte(spec, '$'); i >= 0 {
		n.handle, spec = spec[i+1:], spec[:i]
	}
	parts := strings.FieldsFunc(spec, func(r rune) bool { return r == '.' || r == '#' })
	// Walk the spec keeping track of which separator preceded each part.
	pos := 0
	for k, p := range parts {
		i := strings.Index(spec[pos:], p) + pos
		sep := byte(0)
		if i > 0 {
			sep = spec[i-1]
		}
		switch {
		case k == 0 && sep == 0:
			n.tag = p
		case sep == '#':
			n.id = p
		default:
			n.classes = append(n.classes, p)
		}
		pos = i + len(p)
	}
	for _, k := range kids {
		switch v := k.(type) {
		case *tnode:
			v.parent, v.index = n, len(n.children)
			n.children = append(n.children, v)
		case string:
			switch {
			case v == "text":
				n.text = true
			case strings.HasPrefix(v, "scope="):
				fmt.Sscan(v[6:], &n.scope)
			case strings.HasPrefix(v, "style="):
				n.inline = v[6:]
			default:
				panic("unknown node option " + v)
			}
		}
	}
	return n
}

func (n *tnode) find(handle string) *tnode {
	if n.handle == handle {
		return n
	}
	for _, c := range n.children {
		if f := c.find(handle); f != nil {
			return f
		}
	}
	return nil
}

// styleTree computes every node in document order, as the engine does.
type styleTree struct {
	r        *Resolver
	env      *Env
	computed map[*tnode]*Computed
	diags    diag.List
}

// computeTree styles root in document order; pass runs it inside
// BeginPass/EndPass (with the child-index cache).
func computeTree(r *Resolver, env *Env, root *tnode, pass bool) *styleTree {
	st := &styleTree{r: r, env: env, computed: map[*tnode]*Computed{}}
	if pass {
		r.BeginPass()
		defer r.EndPass()
	}
	var walk func(n *tnode, parent *Computed)
	walk = func(n *tnode, parent *Computed) {
		var inline []Declared
		if n.inline != "" {
			ds, warns := ParseInlineStyle(n.inline, diag.Pos{File: "inline", Line: 1, Col: 1}, env, "")
			st.diags.Add(warns...)
			inline = ds
		}
		c := new(Computed)
		r.Compute(n, parent, inline, c, &st.diags)
		st.computed[n] = c
		for _, k := range n.children {
			walk(k, c)
		}
	}
	walk(root, nil)
	return st
}

// describe renders one property of c for assertions.
func describe(c *Computed, prop string) string {
	switch prop {
	case "color":
		return fmt.Sprintf("#%02x%02x%02x%02x", c.Color.R, c.Color.G, c.Color.B, c.Color.A)
	case "background-color":
		b := c.Background.Color
		return fmt.Sprintf("#%02x%02x%02x%02x", b.R, b.G, b.B, b.A)
	case "width":
		return lengthString(c.Width)
	case "height":
		return lengthString(c.Height)
	case "margin-top":
		return lengthString(c.Margin.Top)
	case "margin-left":
		return lengthString(c.Margin.Left)
	case "padding-left":
		return lengthString(c.Padding.Left)
	case "font-size":
		return fmt.Sprintf("%g", c.FontSize)
	case "opacity":
		return fmt.Sprintf("%g", c.Opacity)
	case "display":
		return [...]string{"flex", "block", "none", "inline-flex", "inline", "inline-block"}[c.Display]
	case "content":
		if !c.HasContent {
			return "none"
		}
		return fmt.Sprintf("%q", c.Content)
	}
	panic("describe: unknown property " + prop)
}

func lengthString(l Length) string {
	switch l.Kind {
	case LengthAuto:
		return "auto"
	case LengthNone:
		return "none"
	case LengthFixed:
		if l.Pct != 0 {
			return fmt.Sprintf("%g%%+%gpx", l.Pct, l.Px)
		}
		return fmt.Sprintf("%gpx", l.Px)
	}
	return fmt.Sprintf("kind%d", l.Kind)
}

// mapLoader serves @import-ed files from a map, refusing what escapes the
// package as the engine does.
func mapLoader(files map[string]string) func(string) ([]byte, string, error) {
	return func(p string) ([]byte, string, error) {
		name := strings.TrimPrefix(p, "/")
		if strings.HasPrefix(name, "../") {
			return nil, "", fmt.Errorf("%s is outside the package", p)
		}
		src, ok := files[name]
		if !ok {
			return nil, "", fmt.Errorf("no such file %s", name)
		}
		return []byte(src), name, nil
	}
}

func TestTestElementHelper(t *testing.T) {
	root := h("page", h("view#a.b.c$x", "text"), h("text.d$y"))
	x, y := root.find("x"), root.find("y")
	if x.tag != "view" || x.id != "a" || strings.Join(x.classes, ",") != "b,c" || !x.text {
		t.Fatalf("bad parse: %+v", x)
	}
	if y.tag != "text" || y.PrevElementSibling() != Element(x) || x.NextElementSibling() != Element(y) || y.NextElementSibling() != nil {
		t.Fatalf("bad siblings")
	}
	if root.ParentElement() != nil {
		t.Fatal("root parent must be a nil interface")
	}
}
