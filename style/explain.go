package style

import "github.com/skyline-go/skyline/diag"

// Applied is the declaration that gives an element one property's
// cascaded value: what a developer tool shows as "where this value came
// from".
type Applied struct {
	// Property is the longhand ("margin-top"), or the custom property's
	// name ("--accent").
	Property string
	// Declared is the name as written: a shorthand ("margin") when the
	// value came from one.
	Declared string
	// Value is the declared value's text (before var() substitution).
	Value string
	// Pos is where the declaration is in its stylesheet (or in the style
	// attribute's element, for inline declarations).
	Pos diag.Pos
	// Selector is the rule's selector text; empty for inline declarations.
	Selector  string
	Important bool
	Inline    bool
}

// Explain lists, for each property el's matched rules and inline
// declarations set, the declaration that wins the cascade (the one
// Compute applies last), in the order the winners were declared. It runs
// the same matching and cascade as Compute without computing values, and
// must not be called during a pass (BeginPass … EndPass); it is for tools,
// not the frame path.
func (r *Resolver) Explain(el Element, inline []Declared) []Applied {
	r.match(el, PseudoNone)
	r.cascade(inline)
	// The selector of each rule's declarations, found by address.
	sel := make(map[*Declared]string)
	for _, idx := range r.matched {
		rule := &r.rules[idx]
		for k := range rule.decls {
			sel[&rule.decls[k]] = rule.sel.String()
		}
	}
	isInline := func(d *Declared) bool {
		for k := range inline {
			if &inline[k] == d {
				return true
			}
		}
		return false
	}
	type key struct {
		prop PropID
		name string
	}
	win := map[key]int{}
	var out []Applied
	for _, d := range r.decls {
		k := key{prop: d.Prop}
		prop := d.Prop.Name()
		if d.Prop == PropCustom {
			k.name, prop = d.Name, d.Name
		}
		a := Applied{Property: prop, Declared: d.Name, Value: d.Raw, Pos: d.Pos,
			Selector: sel[d], Important: d.Important, Inline: isInline(d)}
		if a.Declared == "" {
			a.Declared = prop
		}
		if i, ok := win[k]; ok {
			out[i] = a // a later declaration wins
			continue
		}
		win[k] = len(out)
		out = append(out, a)
	}
	r.decls = r.decls[:0]
	return out
}
