package style

import (
	"slices"
	"testing"
)

// snode is an Element that can host a component (HostElement) and carry
// classes of another scope (ScopedClassElement).
type snode struct {
	tag       string
	classes   []string
	scope     int
	hostScope int // 0: not a host
	ext       map[string]int
	parent    *snode
}

func (n *snode) TagName() string             { return n.tag }
func (n *snode) ElementID() string           { return "" }
func (n *snode) Classes() []string           { return n.classes }
func (n *snode) HasClass(c string) bool      { return slices.Contains(n.classes, c) }
func (n *snode) StyleScope() int             { return n.scope }
func (n *snode) HasChildren() bool           { return false }
func (n *snode) PrevElementSibling() Element { return nil }
func (n *snode) NextElementSibling() Element { return nil }
func (n *snode) ParentElement() Element {
	if n.parent == nil {
		return nil
	}
	return n.parent
}
func (n *snode) HostScope() (int, bool) { return n.hostScope, n.hostScope != 0 }
func (n *snode) ClassScope(name string) int {
	if s, ok := n.ext[name]; ok {
		return s
	}
	return n.scope
}

func TestScopeSharing(t *testing.T) {
	env := &Env{}
	parse := func(file, src string, o Origin, scope int) *Sheet {
		sh, ds := ParseSheet(file, []byte(src), env, nil)
		if len(ds) > 0 {
			t.Fatalf("%s: %v", file, ds)
		}
		sh.Origin, sh.Scope = o, scope
		return sh
	}
	ua := parse("ua.wxss", `view { margin-left: 4px }`, OriginApp, ScopeAll)
	page := parse("page.wxss", `.title { color: red } view { width: 1px } .g { height: 3px } .host-red { color: red } .ext { margin-top: 8px }`, OriginPage, 0)
	comp := parse("c.wxss", `:host { color: #008000; width: 5px } :host(.wide) { width: 9px } .inner { color: blue }`, OriginComponent, 1)
	shared := parse("s.wxss", `.shared { padding-left: 7px }`, OriginComponent, 2)
	type check struct{ node, prop, want string }
	cases := []struct {
		name    string
		sharing Sharing
		checks  []check
	}{
		{"isolated", Isolated, []check{
			{"inner", "color", blue}, {"inner", "width", "auto"}, {"inner", "height", "auto"},
			{"inner", "margin-left", "4px"}, {"inner", "padding-left", "0px"},
			{"pageview", "padding-left", "7px"},
		}},
		{"apply-shared", ApplyShared, []check{
			{"inner", "color", blue}, {"inner", "width", "1px"}, {"inner", "height", "3px"},
			{"inner", "padding-left", "7px"},
		}},
		{"addGlobalClass", GlobalClass, []check{
			{"inner", "width", "auto"}, {"inner", "height", "3px"}, {"inner", "padding-left", "0px"},
		}},
		{"shared", Shared, []check{
			{"inner", "height", "3px"}, {"inner", "padding-left", "7px"},
		}},
		{"host", Isolated, []check{
			{"host", "color", green}, {"host", "width", "5px"},
			{"widehost", "width", "9px"}, {"redhost", "color", red},
			{"inner", "margin-top", "8px"}, // external class: the page's rule
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := NewResolver(env, ua, page, comp, shared)
			r.SetScopeSharing(1, tc.sharing)
			r.SetScopeSharing(2, Shared)
			root := &snode{tag: "page"}
			pageview := &snode{tag: "view", classes: []string{"shared"}, parent: root}
			host := &snode{tag: "my-comp", hostScope: 1, parent: root}
			wide := &snode{tag: "my-comp", classes: []string{"wide"}, hostScope: 1, parent: root}
			redhost := &snode{tag: "my-comp", classes: []string{"host-red"}, hostScope: 1, parent: root}
			inner := &snode{tag: "view", classes: []string{"title", "inner", "g", "shared", "ext"}, scope: 1, parent: host,
				ext: map[string]int{"ext": 0}}
			nodes := map[string]*snode{"pageview": pageview, "host": host, "widehost": wide, "redhost": redhost, "inner": inner}
			for _, c := range tc.checks {
				var out Computed
				r.Compute(nodes[c.node], nil, nil, &out, nil)
				if got := describe(&out, c.prop); got != c.want {
					t.Errorf("%s %s = %s, want %s", c.node, c.prop, got, c.want)
				}
			}
		})
	}
}

func TestHostSelectorParse(t *testing.T) {
	for _, tc := range []struct {
		src  string
		ok   bool
		spec Specificity
	}{
		{":host", true, Specificity{0, 1, 0}},
		{":host(.a)", true, Specificity{0, 2, 0}},
		{":host .a", true, Specificity{0, 2, 0}},
		{".a:host", false, Specificity{}},
		{":not(:host)", false, Specificity{}},
		{":host()", false, Specificity{}},
	} {
		sh, ds := ParseSheet("c.wxss", []byte(tc.src+" { color: red }"), &Env{}, nil)
		if ok := len(ds) == 0 && len(sh.Rules) == 1; ok != tc.ok {
			t.Errorf("%q: ok=%v, want %v (%v)", tc.src, ok, tc.ok, ds)
			continue
		}
		if tc.ok && sh.Rules[0].Selector.Specificity != tc.spec {
			t.Errorf("%q: specificity %v, want %v", tc.src, sh.Rules[0].Selector.Specificity, tc.spec)
		}
	}
}

func TestHostDescendant(t *testing.T) {
	env := &Env{}
	comp, _ := ParseSheet("c.wxss", []byte(`:host(.on) .x { width: 3px }`), env, nil)
	comp.Scope, comp.Origin = 1, OriginComponent
	r := NewResolver(env, comp)
	for _, tc := range []struct {
		hostClass string
		want      string
	}{{"on", "3px"}, {"off", "auto"}} {
		host := &snode{tag: "c", classes: []string{tc.hostClass}, hostScope: 1}
		x := &snode{tag: "view", classes: []string{"x"}, scope: 1, parent: host}
		var out Computed
		r.Compute(x, nil, nil, &out, nil)
		if got := describe(&out, "width"); got != tc.want {
			t.Errorf("host .%s: width %s, want %s", tc.hostClass, got, tc.want)
		}
	}
}
