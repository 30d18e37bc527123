package expr

import (
	"strings"

	"github.com/skyline-go/skyline/diag"
)

// Template is a text or attribute value with zero or more {{ }} parts.
type Template struct {
	raw    string
	static Value  // raw boxed once, returned by Eval when there are no bindings
	parts  []part // literal text and bindings in source order
	single *Expr  // set when raw is exactly one {{expr}}
	bound  bool   // at least one binding
	deps   []Path
}

// part is literal text (x == nil) or one binding.
type part struct {
	text string
	x    *Expr
}

// ParseTemplate splits src into literal and {{ }} parts (spec §1.2). A "{{"
// without its "}}" is an error at the "{{"; a "}}" inside a string literal in
// the binding does not end it. Literal text is kept as given (entities were
// decoded by the markup parser).
func ParseTemplate(src string, pos diag.Pos) (*Template, error) {
	t := &Template{raw: src, static: src}
	// Positions advance from the last one computed (offsets only grow), so
	// text with many bindings costs linear time, not a rescan per binding.
	cur, curOff := pos, 0
	at := func(off int) diag.Pos {
		cur, curOff = posAt(cur, src[curOff:], off-curOff), off
		return cur
	}
	i := 0
	for i < len(src) {
		open := strings.Index(src[i:], "{{")
		if open < 0 {
			t.parts = append(t.parts, part{text: src[i:]})
			break
		}
		open += i
		if open > i {
			t.parts = append(t.parts, part{text: src[i:open]})
		}
		openPos := at(open)
		end := mustacheEnd(src, open+2)
		if end < 0 {
			return nil, diag.Diagnostic{Pos: openPos, Severity: diag.Error, Msg: "unterminated {{ (no matching }})"}
		}
		body := src[open+2 : end]
		x, err := Parse(body, at(open+2))
		if err != nil {
			if d, ok := err.(diag.Diagnostic); ok && strings.TrimSpace(body) == "" {
				d.Pos, d.Msg = openPos, "empty {{ }}"
				return nil, d
			}
			return nil, err
		}
		t.parts = append(t.parts, part{x: x})
		t.bound = true
		t.deps = append(t.deps, x.deps...)
		i = end + 2
	}
	t.deps = uniquePaths(t.deps)
	if len(t.parts) == 1 && t.parts[0].x != nil {
		t.single = t.parts[0].x
	}
	return t, nil
}

// IsStatic reports that the template has no bindings.
func (t *Template) IsStatic() bool { return !t.bound }

// Single is non-nil when src is exactly one {{expr}} (no other chars, no
// spaces outside): only then does a binding keep its type (spec §1.2, the
// whitespace trap: "{{[1,2,3]}} " is the string "1,2,3 ").
func (t *Template) Single() *Expr { return t.single }

// Eval returns the typed value when Single, else the string concatenation of
// the parts (JS String() of each; null/undefined → "", spec §8.8).
func (t *Template) Eval(s Scope) Value {
	if t.single != nil {
		return t.single.Eval(s)
	}
	if !t.bound {
		return t.static
	}
	var b strings.Builder
	for _, p := range t.parts {
		if p.x == nil {
			b.WriteString(p.text)
		} else {
			b.WriteString(ToString(p.x.Eval(s)))
		}
	}
	return b.String()
}

// Deps returns every data path any part reads, each once.
func (t *Template) Deps() []Path { return t.deps }

// Raw returns the source text.
func (t *Template) Raw() string { return t.raw }
