package style

import (
	"strings"

	"github.com/skyline-go/skyline/diag"
)

// var() substitution at computed-value time (spec §2.5, CSS Variables §3).
//
// Inherited custom properties are stored already substituted, so resolving
// an element only walks its own declarations; cycles among them make every
// property on the cycle invalid. Expansion is bounded in size so that
// exponential references (`--b: var(--a) var(--a)` ...) fail instead of
// exhausting memory.

// maxVarExpansion bounds the text one substitution may produce.
const maxVarExpansion = 64 << 10

// varInvalid marks a custom property that is invalid at computed-value time.
// It shadows an inherited value of the same name (the property is the
// guaranteed-invalid value, not absent).
const varInvalid = "\x00invalid"

// maxVarDepth bounds how deep var() references between one element's own
// custom properties may nest (--c: var(--b); --b: var(--a) ... is a chain
// of three). Substitution recurses once per link, so without a bound a
// 100,000-long chain would take that much stack; a property whose chain is
// longer is invalid at computed-value time, with a warning at its
// declaration (see plan). Inherited values are already substituted, so
// only one element's own declarations count.
const maxVarDepth = 128

// maxScanNames is the most custom properties looked up by scanning; an
// element with more gets a map (100,000 of them must not cost n²).
const maxScanNames = 32

// customScope resolves one element's own custom properties.
type customScope struct {
	parent *Vars
	names  []string
	raws   []string
	vals   []string
	state  []uint8 // 0 pending, 1 resolving, 2 done
	stack  []int
	cyclic []bool
	index  map[string]int // name → position, once there are many names
}

// find returns the position of name among the element's own properties.
func (s *customScope) find(name string) (int, bool) {
	if s.index != nil {
		i, ok := s.index[name]
		return i, ok
	}
	for i, n := range s.names {
		if n == name {
			return i, true
		}
	}
	return 0, false
}

func (s *customScope) add(name, raw string) {
	s.names = append(s.names, name)
	s.raws = append(s.raws, raw)
	if s.index != nil {
		s.index[name] = len(s.names) - 1
	} else if len(s.names) > maxScanNames {
		s.index = make(map[string]int, 2*len(s.names))
		for i, n := range s.names {
			s.index[n] = i
		}
	}
}

func (s *customScope) lookup(name string) (string, bool) {
	if i, ok := s.find(name); ok {
		return s.resolve(i)
	}
	v, ok := s.parent.Lookup(name)
	if !ok || v == varInvalid {
		return "", false
	}
	return v, true
}

func (s *customScope) resolve(i int) (string, bool) {
	switch s.state[i] {
	case 2:
		return s.vals[i], s.vals[i] != varInvalid
	case 1:
		// A cycle: every property from i's frame to the top is on it.
		// (plan marks cycles first; this stays as the definition.)
		for k := len(s.stack) - 1; k >= 0; k-- {
			s.cyclic[s.stack[k]] = true
			if s.stack[k] == i {
				break
			}
		}
		return "", false
	}
	s.state[i] = 1
	s.stack = append(s.stack, i)
	v, ok := substituteVars(s.raws[i], s.lookup, 0)
	s.stack = s.stack[:len(s.stack)-1]
	s.state[i] = 2
	if !ok || s.cyclic[i] {
		v = varInvalid
	}
	s.vals[i] = v
	return v, v != varInvalid
}

// plan walks the graph of references between the element's own custom
// properties without recursion (a chain may be 100,000 long): properties
// on a cycle, and those whose longest chain of references exceeds
// maxVarDepth, are settled as invalid up front, so resolve's recursion
// only ever follows chains of at most maxVarDepth links. References inside
// fallbacks count, as in CSS Variables §2.3's dependency graph. It returns
// the first property over the depth bound, or -1.
func (s *customScope) plan() int {
	n := len(s.names)
	refs := make([][]int32, n)
	for i, raw := range s.raws {
		eachVarRef(raw, func(name string) {
			if j, ok := s.find(name); ok {
				refs[i] = append(refs[i], int32(j))
			}
		})
	}
	depth := make([]int32, n)
	color := make([]uint8, n) // 0 new, 1 on the walk's stack, 2 done
	type frame struct{ node, next int32 }
	var stack []frame
	tooDeep := -1
	for root := range n {
		if color[root] != 0 {
			continue
		}
		color[root] = 1
		stack = append(stack[:0], frame{int32(root), 0})
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			if int(f.next) < len(refs[f.node]) {
				j := refs[f.node][f.next]
				f.next++
				switch color[j] {
				case 0:
					color[j] = 1
					stack = append(stack, frame{j, 0})
				case 1:
					// A cycle: j and every property above it on the walk.
					for k := len(stack) - 1; k >= 0; k-- {
						s.cyclic[stack[k].node] = true
						if stack[k].node == j {
							break
						}
					}
				}
				continue
			}
			i := f.node
			d := int32(1)
			for _, j := range refs[i] {
				if !s.cyclic[j] && depth[j]+1 > d {
					d = depth[j] + 1
				}
			}
			depth[i] = d
			color[i] = 2
			stack = stack[:len(stack)-1]
			if s.cyclic[i] || d > maxVarDepth {
				s.state[i], s.vals[i] = 2, varInvalid
				if !s.cyclic[i] && (tooDeep < 0 || i < int32(tooDeep)) {
					tooDeep = int(i)
				}
			}
		}
	}
	return tooDeep
}

// hasVar reports whether raw may hold a var() (as substituteVars spots
// them, in any case).
func hasVar(raw string) bool {
	for i := 0; i+4 <= len(raw); i++ {
		if raw[i+3] == '(' && raw[i]|0x20 == 'v' && raw[i+1]|0x20 == 'a' && raw[i+2]|0x20 == 'r' {
			return true
		}
	}
	return false
}

// declPos is the position of the declaration of custom property name that
// won (the last).
func declPos(decls []*Declared, name string) diag.Pos {
	for i := len(decls) - 1; i >= 0; i-- {
		if decls[i].Prop == PropCustom && decls[i].Name == name {
			return decls[i].Pos
		}
	}
	return diag.Pos{}
}

// eachVarRef calls fn with the name of every var() in raw, those inside
// fallbacks included; it finds them as substituteVars does.
func eachVarRef(raw string, fn func(name string)) {
	for i := 0; i+4 <= len(raw); i++ {
		c := raw[i]
		if c == '"' || c == '\'' {
			_, n, ok := vLexString(raw[i:])
			if !ok {
				return
			}
			i += n - 1
			continue
		}
		if !(c|0x20 == 'v' && raw[i+1]|0x20 == 'a' && raw[i+2]|0x20 == 'r' && raw[i+3] == '(') ||
			(i > 0 && vIsNameChar(raw[i-1])) {
			continue
		}
		rest := raw[i+4:]
		end := strings.IndexAny(rest, ",)")
		if end < 0 {
			end = len(rest)
		}
		fn(strings.TrimSpace(rest[:end]))
		i += 3 // scan on inside the parentheses, into the fallback
	}
}

// resolveCustoms builds the element's Vars from its custom declarations
// (later ones win) on top of the inherited set. A chain of references
// deeper than maxVarDepth is reported to diags (may be nil) once.
func resolveCustoms(parent *Vars, decls []*Declared, diags *diag.List) *Vars {
	s := &customScope{parent: parent}
	refs := false
	for _, d := range decls {
		if d.Prop != PropCustom {
			continue
		}
		raw := strings.TrimSpace(d.Raw)
		if hasVar(raw) {
			refs = true
		}
		if j, ok := s.find(d.Name); ok {
			s.raws[j] = raw
			continue
		}
		s.add(d.Name, raw)
	}
	n := len(s.names)
	s.vals = make([]string, n)
	s.state = make([]uint8, n)
	s.cyclic = make([]bool, n)
	if refs { // else nothing refers to anything: no cycle, no chain
		if deep := s.plan(); deep >= 0 && diags != nil {
			diags.Warnf(declPos(decls, s.names[deep]), "var() references nested more than %d deep in %q; the property is invalid",
				maxVarDepth, clipQuoted(s.names[deep]))
		}
	}
	for i := range s.names {
		s.resolve(i)
	}
	return &Vars{Parent: parent, Names: s.names, Values: s.vals, index: s.index}
}

// substituteVars replaces every var(--name[, fallback]) in s. It reports
// false when a reference has neither a value nor a fallback, on a cycle, or
// when the result would exceed maxVarExpansion.
func substituteVars(s string, lookup func(string) (string, bool), depth int) (string, bool) {
	if depth > 32 {
		return "", false
	}
	var b strings.Builder
	last := 0
	for i := 0; i+4 <= len(s); i++ {
		c := s[i]
		if c == '"' || c == '\'' {
			_, n, ok := vLexString(s[i:])
			if !ok {
				return "", false
			}
			i += n - 1
			continue
		}
		if !(c|0x20 == 'v' && s[i+1]|0x20 == 'a' && s[i+2]|0x20 == 'r' && s[i+3] == '(') ||
			(i > 0 && vIsNameChar(s[i-1])) {
			continue
		}
		inner, n, ok := vLexParens(s[i+3:])
		if !ok {
			return "", false
		}
		name, fallback, hasFallback := strings.Cut(inner, ",")
		name = strings.TrimSpace(name)
		if !strings.HasPrefix(name, "--") {
			return "", false
		}
		val, found := lookup(name)
		if !found {
			if !hasFallback {
				return "", false
			}
			if val, ok = substituteVars(strings.TrimSpace(fallback), lookup, depth+1); !ok {
				return "", false
			}
		}
		b.WriteString(s[last:i])
		b.WriteString(val)
		if b.Len() > maxVarExpansion {
			return "", false
		}
		i += 3 + n - 1
		last = i + 1
	}
	if last == 0 {
		return s, true
	}
	b.WriteString(s[last:])
	if b.Len() > maxVarExpansion {
		return "", false
	}
	return b.String(), true
}

// varValue substitutes and parses a pending declaration. On failure the
// property is invalid at computed-value time and behaves as unset.
//
// It returns a pointer so that the memoised value is handed to the property's
// apply function without copying it to the heap on every element.
func varValue(d *Declared, vars *Vars, diags *diag.List) *sval {
	if d.memo != nil {
		if m := d.memo.Load(); m != nil && m.vars == vars && m.ok {
			return &m.v
		}
	}
	v, ok := varValueSlow(d, vars, diags)
	m := &varMemo{vars: vars, v: v, ok: ok}
	if d.memo != nil && ok {
		d.memo.Store(m)
	}
	return &m.v
}

// varValueSlow substitutes and parses; ok is false when the result is the
// unset fallback (never memoised, so its warning is reported each time).
func varValueSlow(d *Declared, vars *Vars, diags *diag.List) (sval, bool) {
	text, ok := substituteVars(d.Raw, func(name string) (string, bool) {
		v, ok := vars.Lookup(name)
		if !ok || v == varInvalid {
			return "", false
		}
		return v, true
	}, 0)
	if !ok {
		if diags != nil {
			diags.Warnf(d.Pos, "invalid var() reference in %q for property %q; using unset", clipQuoted(d.Raw), clipQuoted(d.Name))
		}
		return sval{wide: wideUnset}, false
	}
	vals, err := parseValue(d.Name, text, "")
	if err == nil {
		for _, pv := range vals {
			if pv.id == d.Prop {
				return pv.v, true
			}
		}
	}
	if diags != nil {
		w := warnValue(d.Pos, d.Name, text, err)
		diags.Add(w)
	}
	return sval{wide: wideUnset}, false
}
