package style

import "strings"

// propDef is how one longhand parses, applies and copies. parse runs once
// per declaration (sheet parse time); apply runs per element and must not
// allocate; copy moves the computed value for inherit / initial / unset.
type propDef struct {
	parse func(ts []vtok, base string) (sval, error)
	apply func(c *Computed, v *sval, x cctx)
	copy  func(dst, src *Computed)
}

// props is the property table (spec §2.7); the prop_*.go files fill it in
// by group.
var props [numProps]propDef

// valueErr says why a value was rejected. Messages name the property and
// value; why adds the Skyline rule when there is one.
type valueErr struct{ why string }

func (e *valueErr) Error() string { return e.why }

// errValue is a value the property grammar does not accept.
var errValue = &valueErr{}

// unsupported explains a value that CSS has but Skyline lacks.
func unsupported(why string) error { return &valueErr{why: why} }

// kwEnt maps one keyword to its enum value.
type kwEnt struct {
	name string
	v    uint8
}

// parseKw returns a parser accepting exactly one keyword of table.
func parseKw(table ...kwEnt) func([]vtok, string) (sval, error) {
	return func(ts []vtok, _ string) (sval, error) {
		if len(ts) != 1 || ts[0].kind != vtIdent {
			return sval{}, errValue
		}
		for _, e := range table {
			if strings.EqualFold(ts[0].text, e.name) {
				return sval{kw: e.v}, nil
			}
		}
		return sval{}, errValue
	}
}

// parseLenProp returns a parser of one length under flags.
func parseLenProp(f lenFlags) func([]vtok, string) (sval, error) {
	return func(ts []vtok, _ string) (sval, error) {
		if len(ts) != 1 {
			return sval{}, errValue
		}
		l, ok := parseLen(ts[0], f)
		if !ok {
			return sval{}, lenError(ts[0])
		}
		return sval{len: l}, nil
	}
}

// lenError names the Skyline rule for lengths Chromium would take.
func lenError(t vtok) error {
	if t.kind == vtDim {
		if _, ok := unitLen(1, t.text); !ok {
			return unsupported("unit " + t.text + " is not supported (spec §2.1)")
		}
	}
	return errValue
}

func parseColorProp(ts []vtok, _ string) (sval, error) {
	if len(ts) != 1 {
		return sval{}, errValue
	}
	c, ok := parseColor(ts[0])
	if !ok {
		return sval{}, errValue
	}
	return sval{col: c}, nil
}

// parseNumProp returns a parser of one number, optionally non-negative.
func parseNumProp(nonNeg bool) func([]vtok, string) (sval, error) {
	return func(ts []vtok, _ string) (sval, error) {
		if len(ts) != 1 {
			return sval{}, errValue
		}
		n, ok := vNumber(ts[0])
		if !ok || (nonNeg && n < 0) {
			return sval{}, errValue
		}
		return sval{num: n}, nil
	}
}

// parseIgnored accepts any well-formed value; used for the vendor properties
// Skyline parses but whose effect we do not model (spec §2.7).
func parseIgnored(ts []vtok, _ string) (sval, error) {
	if len(ts) == 0 {
		return sval{}, errValue
	}
	return sval{}, nil
}

func applyNothing(*Computed, *sval, cctx) {}
func copyNothing(_, _ *Computed)          {}
