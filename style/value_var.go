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

// customScope resolves one element's own custom properties.
type customScope struct {
	parent *Vars
	names  []string
	raws   []string
	vals   []string
	state  []uint8 // 0 pending, 1 resolving, 2 done
	stack  []int
	cyclic []bool
}

func (s *customScope) lookup(name string) (string, bool) {
	for i := len(s.names) - 1; i >= 0; i-- {
		if s.names[i] == name {
			return s.resolve(i)
		}
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

// resolveCustoms builds the element's Vars from its custom declarations
// (later ones win) on top of the inherited set.
func resolveCustoms(parent *Vars, decls []*Declared) *Vars {
	s := &customScope{parent: parent}
	for _, d := range decls {
		if d.Prop != PropCustom {
			continue
		}
		raw := strings.TrimSpace(d.Raw)
		dup := false
		for j, n := range s.names {
			if n == d.Name {
				s.raws[j], dup = raw, true
			}
		}
		if !dup {
			s.names = append(s.names, d.Name)
			s.raws = append(s.raws, raw)
		}
	}
	n := len(s.names)
	s.vals = make([]string, n)
	s.state = make([]uint8, n)
	s.cyclic = make([]bool, n)
	for i := range s.names {
		s.resolve(i)
	}
	return &Vars{Parent: parent, Names: s.names, Values: s.vals}
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
			diags.Warnf(d.Pos, "invalid var() reference in %q for property %q; using unset", d.Raw, d.Name)
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
