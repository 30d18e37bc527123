package engine

import (
	"slices"
	"strings"

	"github.com/skyline-go/skyline/style"
	"github.com/skyline-go/skyline/widgets"
)

// Style isolation of component instances (spec §2.3). Every node carries the
// style scope of the template that made it (the page is 0, each component
// definition its own); the resolver matches a sheet's rules in its scope and
// in what the isolation options share. The host node belongs to its user's
// scope; its component's `:host` rules reach it through HostScope.

var (
	_ style.HostElement        = (*Node)(nil)
	_ style.ScopedClassElement = (*Node)(nil)
)

// HostScope implements style.HostElement: a component host is matched by
// its component's :host rules. A virtual host has no box to style.
func (n *Node) HostScope() (int, bool) {
	if n.inst == nil || n.inst.def.def.Options.VirtualHost {
		return 0, false
	}
	return int(n.inst.def.scope), true
}

// ClassScope implements style.ScopedClassElement: class names that came
// through externalClasses belong to the scope of the component's user.
func (n *Node) ClassScope(name string) int {
	if len(n.extNames) > 0 && slices.Contains(n.extNames, name) {
		return int(n.owner.host.scope)
	}
	return int(n.scope)
}

// mapExtClasses replaces the external class names in a class string of a
// node owned by inst with the classes the user passed (none: the name
// disappears). It returns s unchanged when it holds no external class.
func (inst *Instance) mapExtClasses(s string, ext []string) (string, []string) {
	fields := strings.Fields(s)
	found := false
	for _, f := range fields {
		if inst.def.ext[f] {
			found = true
			break
		}
	}
	if !found {
		return s, ext[:0]
	}
	out := make([]string, 0, len(fields)+2)
	ext = ext[:0]
	for _, f := range fields {
		if !inst.def.ext[f] {
			out = append(out, f)
			continue
		}
		for _, u := range strings.Fields(inst.ext[f]) {
			out = append(out, u)
			ext = append(ext, u)
		}
	}
	return strings.Join(out, " "), ext
}

// refreshExtClasses recomputes the class lists of inst's own nodes after
// the user changed an external class.
func (p *Page) refreshExtClasses(inst *Instance) {
	for c := inst.host.firstChild; c != nil; c = c.next {
		c.Walk(func(m *Node) bool {
			if m.owner == inst && m.Kind == ElementNode {
				p.refreshClass(m)
			}
			return true
		})
	}
}

// componentSheets parses every loaded component's stylesheet into its scope
// and tells the resolver how each scope shares (spec §2.3).
func (p *Page) componentSheets(pl *pipeline) {
	for _, d := range p.comp.list {
		if d.style.Path == "" {
			continue
		}
		sh, ds := style.ParseSheet(d.style.Path, d.style.Src, &pl.env, p.importLoader())
		p.diags.Add(ds...)
		sh.Origin, sh.Scope = style.OriginComponent, int(d.scope)
		pl.sheets = append(pl.sheets, sh)
	}
}

func (p *Page) componentSharing(r *style.Resolver) {
	for _, d := range p.comp.list {
		r.SetScopeSharing(int(d.scope), d.sharing)
	}
}

// virtual reports a node that makes no box: gesture handlers and slots
// (spec §5.1, §1.8) and the hosts of virtualHost components; their children
// are laid out as children of their parent.
func (n *Node) virtual() bool {
	return n.Spec.Kind == widgets.Virtual || n.inst != nil && n.inst.def.def.Options.VirtualHost
}
