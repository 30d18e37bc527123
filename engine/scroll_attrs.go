package engine

import (
	"strconv"
	"strings"

	"github.com/skyline-go/skyline/engine/expr"
	"github.com/skyline-go/skyline/scroll"
)

// Attribute readers for the scroll components (spec §4.5–§4.8). Values keep
// their bound type (Attribute.Value): a literal is a string, a binding any
// JSON value.

// numAttr reads a number attribute ("12", "12px", {{12}}); def when absent
// or not a number.
func numAttr(n *Node, name string, def float64) float64 {
	a, ok := n.Attr(name)
	if !ok {
		return def
	}
	switch v := a.Value.(type) {
	case float64:
		return v
	case string:
		s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "px"))
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return f
		}
	}
	return def
}

// boolAttrDefault reads a boolean attribute whose default is def: absent
// keeps the component's default (scroll-view clip="true"), present follows
// spec §8.9 (a literal string is true; switch off with "{{false}}").
func boolAttrDefault(n *Node, name string, def bool) bool {
	if _, ok := n.Attr(name); !ok {
		return def
	}
	return n.BoolAttr(name)
}

// strAttr reads an attribute as text.
func strAttr(n *Node, name string) string {
	a, ok := n.Attr(name)
	if !ok {
		return ""
	}
	if s, ok := a.Value.(string); ok {
		return strings.TrimSpace(s)
	}
	return expr.ToString(a.Value)
}

// insetsAttr reads a padding attribute: [top, right, bottom, left] px as
// an array binding or the literal "[10, 0, 10, 0]" (spec §4.5–§4.7).
func insetsAttr(n *Node, name string) scroll.Insets {
	a, ok := n.Attr(name)
	if !ok {
		return scroll.Insets{}
	}
	var v [4]float64
	switch x := a.Value.(type) {
	case []any:
		for i := 0; i < 4 && i < len(x); i++ {
			v[i] = expr.ToNumber(x[i])
		}
	case string:
		s := strings.Trim(strings.TrimSpace(x), "[]")
		for i, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
			if i >= 4 {
				break
			}
			v[i], _ = strconv.ParseFloat(strings.TrimSuffix(f, "px"), 64)
		}
	}
	return scroll.Insets{Top: v[0], Right: v[1], Bottom: v[2], Left: v[3]}
}
