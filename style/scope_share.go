package style

// Style sharing between scopes (spec §2.3, style isolation). Every element
// has one style scope (Element.StyleScope); by default a rule matches only
// elements of its sheet's scope. A component's styleIsolation and
// addGlobalClass options widen that, externalClasses let single class names
// of an element belong to another scope, and `:host` rules of a component
// match the element hosting it.

// ScopeAll is the Sheet.Scope of a sheet whose rules match in every scope:
// the built-in components' default styles, which apply inside custom
// components as well as in pages.
const ScopeAll = -1

// Sharing is how a component's style scope shares rules with the page scope
// (0), set with Resolver.SetScopeSharing.
type Sharing uint8

const (
	// Isolated: only the component's own rules match inside it (the default,
	// styleIsolation "isolated").
	Isolated Sharing = iota
	// GlobalClass (addGlobalClass: true): page and app rules match inside the
	// component through compounds that name a class; tag- and id-only
	// compounds stay isolated.
	GlobalClass
	// ApplyShared (styleIsolation "apply-shared"): page and app rules match
	// inside the component; its own rules stay inside.
	ApplyShared
	// Shared (styleIsolation "shared"): as ApplyShared, and the component's
	// rules also match in the page and inside every ApplyShared or Shared
	// component.
	Shared
)

// HostElement is implemented by elements that host a component instance.
// HostScope is the style scope of the hosted component's template: its
// `:host` rules match the host element. ok is false for other elements.
type HostElement interface {
	HostScope() (scope int, ok bool)
}

// ScopedClassElement is implemented by elements whose class list mixes
// scopes: a class name that a component's user passed through
// externalClasses belongs to the user's scope, so only the user's rules (and
// those that scope shares) match it. ClassScope returns the scope of one of
// the element's class names; for ordinary classes it is StyleScope.
type ScopedClassElement interface {
	ClassScope(name string) int
}

// SetScopeSharing sets how scope shares rules with the page (spec §2.3).
// Scopes not set are Isolated; the page scope (0) needs no setting.
func (r *Resolver) SetScopeSharing(scope int, s Sharing) {
	if scope <= 0 {
		return
	}
	for len(r.sharing) <= scope {
		r.sharing = append(r.sharing, Isolated)
	}
	r.sharing[scope] = s
}

func sharingOf(tab []Sharing, scope int) Sharing {
	if scope <= 0 || scope >= len(tab) {
		return Isolated
	}
	return tab[scope]
}

// sees reports whether a compound of a rule in scope m.scope may match in an
// element (or class) of scope el.
func (m *matchContext) sees(el int, c *compound) bool {
	if el == m.scope || m.scope == ScopeAll || m.legacy && c.tagOnly() {
		return true
	}
	if m.scope == 0 {
		s := sharingOf(m.sharing, el)
		return s >= ApplyShared || s == GlobalClass && len(c.classes) > 0
	}
	if sharingOf(m.sharing, m.scope) == Shared {
		return el == 0 || sharingOf(m.sharing, el) >= ApplyShared
	}
	return false
}

// scopeOK is the isolation check of one compound against el: the element's
// own scope for tag and id parts, and each named class's scope when the
// element says where its classes come from (externalClasses).
func (m *matchContext) scopeOK(c *compound, el Element) bool {
	if c.host {
		h, ok := el.(HostElement)
		if !ok {
			return false
		}
		s, ok := h.HostScope()
		return ok && s == m.scope
	}
	if m.sees(el.StyleScope(), c) {
		// The common case, and the only one without externalClasses. (A
		// user-given class whose name the component's own sheet also uses
		// matches that rule too; glass-easel would keep them apart.)
		return true
	}
	if len(c.classes) == 0 || c.tag != "" || c.id != "" {
		return false
	}
	sc, ok := el.(ScopedClassElement)
	if !ok {
		return false
	}
	for _, k := range c.classes {
		if !m.sees(sc.ClassScope(k), c) {
			return false
		}
	}
	return true
}
