package style

import "github.com/skyline-go/skyline/diag"

// ParseDeclaration parses `name: value` into longhands: shorthands expand
// (spec §2.6), custom properties pass through. base resolves url() paths (the
// sheet's file, package-relative). An unsupported property or value gives a
// positioned warning and no declarations.
func ParseDeclaration(name, value string, important bool, pos diag.Pos, env *Env, base string) ([]Declared, []diag.Diagnostic) {
	return nil, nil
}

// ParseInlineStyle parses a style attribute or declaration list
// ("a: b; c: d !important").
func ParseInlineStyle(text string, pos diag.Pos, env *Env, base string) ([]Declared, []diag.Diagnostic) {
	return nil, nil
}
