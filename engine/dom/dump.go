package dom

import (
	"slices"
	"strconv"
	"strings"

	"github.com/skyline-go/skyline/engine/expr"
)

// Dump renders the subtree at n in a compact one-line form, for tests and
// debugging:
//
//	page(view#main.card.big[hidden][src="a.png"][n=3]("Hello" text("x")))
//
// An element is its tag, #id, .classes, then [attributes]: hidden, style,
// the other attributes in source order, dataset (data.k), marks (mark.k) and
// events (bind:tap=h, with catch / capture / mut spelled as written in WXML).
// Children follow in parentheses; text nodes are quoted.
func (n *Node) Dump() string {
	var b strings.Builder
	n.dump(&b)
	return b.String()
}

func (n *Node) dump(b *strings.Builder) {
	if n.Kind == TextNode {
		b.WriteString(strconv.Quote(n.Text))
		return
	}
	b.WriteString(n.Tag)
	if n.id != "" {
		b.WriteString("#" + n.id)
	}
	for _, c := range n.classes.names {
		b.WriteString("." + c)
	}
	if n.hidden {
		b.WriteString("[hidden]")
	}
	if n.styleText != "" {
		b.WriteString("[style=" + strconv.Quote(n.styleText) + "]")
	}
	for _, a := range n.attrs {
		b.WriteString("[" + a.Name + "=")
		dumpValue(b, a.Value)
		b.WriteString("]")
	}
	for _, k := range sortedKeys(n.dataset) {
		b.WriteString("[data." + k + "=")
		dumpValue(b, n.dataset[k])
		b.WriteString("]")
	}
	for _, k := range sortedKeys(n.marks) {
		b.WriteString("[mark." + k + "=")
		dumpValue(b, n.marks[k])
		b.WriteString("]")
	}
	for _, e := range n.events {
		b.WriteString("[" + eventPrefix(e) + ":" + e.Event + "=" + e.Handler + "]")
	}
	if n.firstChild == nil {
		return
	}
	b.WriteByte('(')
	for c := n.firstChild; c != nil; c = c.next {
		if c != n.firstChild {
			b.WriteByte(' ')
		}
		c.dump(b)
	}
	b.WriteByte(')')
}

func eventPrefix(e Event) string {
	s := "bind"
	if e.Catch {
		s = "catch"
	}
	if e.Mut {
		s = "mut-bind"
	}
	if e.Phase != 0 {
		s = "capture-" + s
	}
	return s
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// dumpValue writes a value JSON-like: strings quoted, numbers as JS prints
// them, objects with sorted keys.
func dumpValue(b *strings.Builder, v any) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case string:
		b.WriteString(strconv.Quote(x))
	case bool, float64:
		b.WriteString(expr.ToString(x))
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			dumpValue(b, e)
		}
		b.WriteByte(']')
	case map[string]any, *expr.Object:
		keys, _ := expr.ObjectKeys(x)
		slices.Sort(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(k + ":")
			e, _ := expr.Field(x, k)
			dumpValue(b, e)
		}
		b.WriteByte('}')
	default:
		if v == expr.Undefined {
			b.WriteString("undefined")
			return
		}
		b.WriteString("?")
	}
}
