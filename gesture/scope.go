package gesture

// Component scopes in dispatch (spec §1.6): a handler sees the event as
// seen from the tree (the page's, or one component's template) that holds
// its node — the target retargeted, and only the marks of that tree and the
// trees it encloses.

// Scopes is the host's node tree as dispatch sees it. A scope is named by
// the host node of its component; the zero N is the page.
type Scopes[N comparable] interface {
	// Parent is n's parent in the composed tree; zero at the root.
	Parent(n N) N
	// Scope is the scope whose template holds n.
	Scope(n N) N
	// Marks are n's mark:name values.
	Marks(n N) map[string]any
}

// Encloses reports whether scope a is scope b or encloses it (b's host
// lies in a's tree, or deeper).
func Encloses[N comparable](s Scopes[N], a, b N) bool {
	var zero N
	for x := b; ; x = s.Scope(x) {
		if x == a {
			return true
		}
		if x == zero {
			return false
		}
	}
}

// Retarget is target as a handler in scope sees it: a node inside a
// component that scope does not enclose appears as that component's host
// (shadow DOM retargeting; slot content keeps its own identity, it belongs
// to the outer tree).
func Retarget[N comparable](s Scopes[N], target, scope N) N {
	var zero N
	for t := s.Scope(target); t != zero && !Encloses(s, t, scope); t = s.Scope(target) {
		target = t
	}
	return target
}

// Mark merges the marks of target and its ancestors that a handler in
// scope may see (marks outside a component are not visible inside it);
// nearer nodes win. Without marks it is nil, so events on unmarked nodes
// allocate no map.
func Mark[N comparable](s Scopes[N], target, scope N) map[string]any {
	var zero N
	var m map[string]any
	for n := target; n != zero; n = s.Parent(n) {
		marks := s.Marks(n)
		if len(marks) == 0 || !Encloses(s, scope, s.Scope(n)) {
			continue
		}
		if m == nil {
			m = make(map[string]any, len(marks))
		}
		for k, v := range marks {
			if _, ok := m[k]; !ok {
				m[k] = v
			}
		}
	}
	return m
}
