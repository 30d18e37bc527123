package app

import (
	"fmt"
	"strings"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/logic"
)

// Selector queries (wx.createSelectorQuery) are answered from the engine's
// layout after the patches sent before them are applied, the way WeChat
// answers them from the render thread. The selector subset is WeChat's
// documented one: #id, .class (several: .a.b), a tag name, the descendant
// (space) and child (>) combinators, the cross-component descendant >>>,
// and comma-separated lists. A query sees the nodes of its scope's template
// (the page's, or a component's with .in(this)); >>> reaches into the
// components below.

// answer builds the reply to one query.
func (a *App) answer(q logic.SelectorQuery) logic.SelectorReply {
	a.page.Update()
	r := logic.SelectorReply{Req: q.Req, Results: make([][]logic.NodeInfo, len(q.Items))}
	_, scope := a.runOf(q.Scope)
	for i, it := range q.Items {
		if it.Viewport {
			vp := a.page.Viewport()
			r.Results[i] = []logic.NodeInfo{{Width: float64(vp.Width), Height: float64(vp.Height)}}
			continue
		}
		sel, err := parseSelector(it.Selector)
		if err != nil {
			a.warnOnce("sel "+it.Selector, diag.Pos{File: a.path + ".js"}, fmt.Sprintf("selector query %q: %v", it.Selector, err))
			continue
		}
		a.page.Root().Walk(func(n *engine.Node) bool {
			if n.Kind != engine.ElementNode || n == a.page.Root() || !sel.matches(n, scope) {
				return true
			}
			r.Results[i] = append(r.Results[i], a.nodeInfo(n))
			return it.All || len(r.Results[i]) == 0
		})
		if !it.All && len(r.Results[i]) > 1 {
			r.Results[i] = r.Results[i][:1]
		}
	}
	return r
}

// nodeInfo is what the layout knows of n; a node without a box (hidden,
// virtual) answers with a zero rectangle, as WeChat does for display:none.
func (a *App) nodeInfo(n *engine.Node) logic.NodeInfo {
	ni := logic.NodeInfo{ID: n.ID(), Dataset: n.Dataset()}
	if x, y, w, h, ok := a.page.BorderBox(n); ok {
		ni.Left, ni.Top, ni.Width, ni.Height = float64(x), float64(y), float64(w), float64(h)
		ni.ScrollWidth, ni.ScrollHeight = ni.Width, ni.Height
	}
	if off, max, ok := a.page.ScrollOffset(n); ok {
		// The engine reports the offset along the scroll axis; the wider
		// axis of the content tells which one it is.
		if n.BoolAttr("scroll-x") && !n.BoolAttr("scroll-y") {
			ni.ScrollLeft, ni.ScrollWidth = off, ni.Width+max
		} else {
			ni.ScrollTop, ni.ScrollHeight = off, ni.Height+max
		}
	}
	return ni
}

// selector is a comma-separated list of complex selectors.
type selector [][]step

// step is one compound selector and the combinator that links it to the
// step before it (empty for the first).
type step struct {
	comb    string // "", " ", ">", ">>>"
	tag, id string
	classes []string
}

func parseSelector(s string) (selector, error) {
	var out selector
	for _, part := range strings.Split(s, ",") {
		var steps []step
		comb := ""
		for _, tok := range tokens(part) {
			switch tok {
			case ">", ">>>":
				if len(steps) == 0 || comb != " " {
					return nil, fmt.Errorf("combinator %s without a selector before it", tok)
				}
				comb = tok
				continue
			}
			st, err := compound(tok)
			if err != nil {
				return nil, err
			}
			if len(steps) > 0 && comb == "" {
				comb = " "
			}
			st.comb = comb
			steps = append(steps, st)
			comb = " "
		}
		if len(steps) == 0 || comb != " " {
			return nil, fmt.Errorf("empty or incomplete selector")
		}
		out = append(out, steps)
	}
	return out, nil
}

// tokens splits a complex selector into compounds and combinators.
func tokens(s string) []string {
	s = strings.ReplaceAll(s, ">>>", " \x00 ")
	s = strings.ReplaceAll(s, ">", " > ")
	f := strings.Fields(s)
	for i, t := range f {
		if t == "\x00" {
			f[i] = ">>>"
		}
	}
	return f
}

func compound(s string) (step, error) {
	var st step
	for len(s) > 0 {
		kind := byte(0)
		if s[0] == '#' || s[0] == '.' {
			kind, s = s[0], s[1:]
		}
		end := strings.IndexAny(s, "#.")
		if end < 0 {
			end = len(s)
		}
		name := s[:end]
		s = s[end:]
		if name == "" || strings.ContainsAny(name, "[]:()*+~") {
			return st, fmt.Errorf("unsupported selector part %q", string(kind)+name)
		}
		switch kind {
		case '#':
			st.id = name
		case '.':
			st.classes = append(st.classes, name)
		default:
			if st.tag != "" {
				return st, fmt.Errorf("two tag names in %q", name)
			}
			st.tag = name
		}
	}
	return st, nil
}

func (st *step) match(n *engine.Node) bool {
	if st.tag != "" && n.Tag != st.tag || st.id != "" && n.ID() != st.id {
		return false
	}
	for _, c := range st.classes {
		if !n.HasClass(c) {
			return false
		}
	}
	return true
}

// matches reports whether n, a node of the query's scope (or below it
// through >>>), matches one of the list's selectors.
func (sel selector) matches(n *engine.Node, scope engine.InstanceID) bool {
	for _, steps := range sel {
		last := len(steps) - 1
		// Without >>> the subject must be in the scope; with it, the
		// subject may be anywhere below a match of the step before.
		if !crosses(steps) && engine.OwnerID(n) != scope {
			continue
		}
		if steps[last].match(n) && matchBack(steps, last, n, scope) {
			return true
		}
	}
	return false
}

func crosses(steps []step) bool {
	for _, s := range steps {
		if s.comb == ">>>" {
			return true
		}
	}
	return false
}

// matchBack matches steps[:i] against n's ancestors, right to left.
func matchBack(steps []step, i int, n *engine.Node, scope engine.InstanceID) bool {
	if i == 0 {
		return engine.OwnerID(n) == scope
	}
	comb := steps[i].comb
	for m := n.Parent(); m != nil; m = m.Parent() {
		if m.Kind != engine.ElementNode {
			continue
		}
		same := engine.OwnerID(m) == engine.OwnerID(n)
		switch comb {
		case ">":
			if !same {
				continue // the composed tree's slot and host nodes of other templates
			}
			return steps[i-1].match(m) && matchBack(steps, i-1, m, scope)
		case " ":
			if same && steps[i-1].match(m) && matchBack(steps, i-1, m, scope) {
				return true
			}
		case ">>>":
			if steps[i-1].match(m) && matchBack(steps, i-1, m, scope) {
				return true
			}
		}
	}
	return false
}
