package expr

import "github.com/skyline-go/skyline/diag"

// Expr is a compiled expression; safe for concurrent Eval.
type Expr struct {
	src  string
	deps []Path
}

// Parse compiles src. The error is a diag.Diagnostic with the position of the
// fault inside src (pos is where src starts in its file).
func Parse(src string, pos diag.Pos) (*Expr, error) {
	return &Expr{src: src}, nil
}

// Eval evaluates the expression against s.
func (e *Expr) Eval(s Scope) Value { return Undefined }

// Deps returns every data path the expression may read.
func (e *Expr) Deps() []Path { return e.deps }

// String returns the source text.
func (e *Expr) String() string { return e.src }

// ParseObjectBody parses template data="{{a, ...b, k: v}}" where outer braces are omitted:
// the inside of the mustache is an object literal body. Returns an Expr evaluating to map[string]any.
func ParseObjectBody(src string, pos diag.Pos) (*Expr, error) {
	return &Expr{src: src}, nil
}
