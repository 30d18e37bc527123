package template

import (
	"strings"

	"github.com/skyline-go/skyline/engine/dom"
	"github.com/skyline-go/skyline/style"
)

// Style isolation of component instances (spec §2.3). Every node carries the
// style scope of the template that made it (the page is 0, each component
// definition its own); the resolver matches a sheet's rules in its scope and
// in what the isolation options share. The host node belongs to its user's
// scope; its component's `:host` rules reach it through HostScope.

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
func (tr *Tree) refreshExtClasses(inst *Instance) {
	for c := inst.host.FirstChild(); c != nil; c = c.NextSibling() {
		c.Walk(func(m *dom.Node) bool {
			if stateOf(m).owner == inst && m.Kind == dom.ElementNode {
				tr.refreshClass(m)
			}
			return true
		})
	}
}

// ComponentSheets parses every loaded component's stylesheet into its
// scope (spec §2.3), appending them to sheets. newLoader makes the @import
// loader of one sheet.
func (tr *Tree) ComponentSheets(sheets []*style.Sheet, env *style.Env, newLoader func() func(string) ([]byte, string, error)) []*style.Sheet {
	for _, d := range tr.comp.list {
		if d.style.Path == "" {
			continue
		}
		sh, ds := style.ParseSheet(d.style.Path, d.style.Src, env, newLoader())
		tr.diags.Add(ds...)
		sh.Origin, sh.Scope = style.OriginComponent, int(d.scope)
		sheets = append(sheets, sh)
	}
	return sheets
}

// ComponentSharing tells the resolver how each component scope shares
// (styleIsolation, spec §2.3).
func (tr *Tree) ComponentSharing(r *style.Resolver) {
	for _, d := range tr.comp.list {
		r.SetScopeSharing(int(d.scope), d.sharing)
	}
}
