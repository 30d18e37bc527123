package logic

import (
	"slices"
	"strings"

	"github.com/dop251/goja"
)

// hostInfo is what selectComponent knows of a component's host element.
type hostInfo struct {
	owner   InstanceID
	tag, id string
	classes []string
}

// compoundSel is one compound selector: a tag, an #id, .classes.
type compoundSel struct {
	tag, id string
	classes []string
}

// parseCompounds parses a comma-separated list of compound selectors (#id,
// .a.b, tag, tag#id.cls); ok is false for anything else (combinators,
// attribute selectors, pseudo-classes).
func parseCompounds(sel string) ([]compoundSel, bool) {
	var out []compoundSel
	for _, part := range strings.Split(sel, ",") {
		part = strings.TrimSpace(part)
		if part == "" || strings.ContainsAny(part, " \t\n>+~[]:()*") {
			return nil, false
		}
		var c compoundSel
		for len(part) > 0 {
			kind := byte(0)
			if part[0] == '#' || part[0] == '.' {
				kind, part = part[0], part[1:]
			}
			end := strings.IndexAny(part, "#.")
			if end < 0 {
				end = len(part)
			}
			name := part[:end]
			part = part[end:]
			if name == "" {
				return nil, false
			}
			switch kind {
			case '#':
				c.id = name
			case '.':
				c.classes = append(c.classes, name)
			default:
				if c.tag != "" {
					return nil, false
				}
				c.tag = name
			}
		}
		out = append(out, c)
	}
	return out, true
}

func (c compoundSel) match(h hostInfo) bool {
	if c.tag != "" && c.tag != h.tag || c.id != "" && c.id != h.id {
		return false
	}
	for _, cl := range c.classes {
		if !slices.Contains(h.classes, cl) {
			return false
		}
	}
	return true
}

// selectComponents answers this.selectComponent / selectAllComponents:
// the component instances whose host element is in scope's own template
// (WeChat's scope: not inside other components' templates) and matches the
// selector, in creation order (the order the page's first render and later
// mounts made them). A component with the wx://component-export behavior
// answers with what its export() returns. Selectors are compounds (#id,
// .class, tag, combined, comma lists); combinators are not supported and
// say so.
func (s *state) selectComponents(scope *instance, selV goja.Value, all bool) []goja.Value {
	sel := str(selV)
	list, ok := parseCompounds(sel)
	if !ok {
		key := "selectComponent " + sel
		if !s.warned[key] {
			s.warned[key] = true
			s.r.diagWarn(s.callerPos(), "selectComponent("+quote(sel)+"): only #id, .class and tag selectors (and comma lists of them) are supported")
		}
		return nil
	}
	var ids []InstanceID
	for id, in := range s.instances {
		if in.class == nil || in.gone || in.host.owner != scope.id {
			continue
		}
		for _, c := range list {
			if c.match(in.host) {
				ids = append(ids, id)
				break
			}
		}
	}
	slices.Sort(ids)
	if !all && len(ids) > 1 {
		ids = ids[:1]
	}
	out := make([]goja.Value, 0, len(ids))
	for _, id := range ids {
		in := s.instances[id]
		v := goja.Value(in.obj)
		if in.class.export != nil && isFunc(in.class.export) {
			if r, ok := s.call("export", in.class.export, in.obj); ok {
				v = r
			}
		}
		out = append(out, v)
	}
	return out
}
