package expr

import (
	"github.com/skyline-go/skyline/diag"
)

// Expr is a compiled expression; safe for concurrent Eval.
type Expr struct {
	src  string
	root node
	deps []Path
}

// Parse compiles src. The error is a diag.Diagnostic with the position of the
// fault inside src (pos is where src starts in its file).
func Parse(src string, pos diag.Pos) (*Expr, error) {
	return compile(src, pos, false)
}

// ParseObjectBody parses template data="{{a, ...b, k: v}}" where outer braces are omitted:
// the inside of the mustache is an object literal body. Returns an Expr evaluating to an *Object.
func ParseObjectBody(src string, pos diag.Pos) (*Expr, error) {
	return compile(src, pos, true)
}

func compile(src string, pos diag.Pos, objectBody bool) (*Expr, error) {
	toks, lerr := lex(src)
	if lerr != nil {
		return nil, errorAt(pos, src, lerr)
	}
	p := &parser{toks: toks}
	var root node
	if objectBody {
		root = p.objectBody("")
	} else {
		if toks[0].kind == tEOF {
			return nil, errorAt(pos, src, &lexError{0, "empty expression"})
		}
		root = p.expression()
		if t := p.peek(); p.err == nil && t.kind != tEOF {
			p.fail(t.off, "unexpected %s after expression", t)
		}
	}
	if p.err != nil {
		return nil, errorAt(pos, src, p.err)
	}
	return &Expr{src: src, root: root, deps: uniquePaths(collectDeps(root, nil))}, nil
}

// Eval evaluates the expression against s. It never panics on data: missing
// names and members are Undefined, calls of non-functions are Undefined.
func (e *Expr) Eval(s Scope) Value { return e.root.eval(s) }

// Deps returns every data path the expression may read, each once, in source
// order: a.b[2].c + x → [a b 2 c], [x]; list[i].name → [list], [i].
func (e *Expr) Deps() []Path { return e.deps }

// String returns the source text.
func (e *Expr) String() string { return e.src }

func errorAt(base diag.Pos, src string, e *lexError) diag.Diagnostic {
	return diag.Diagnostic{Pos: posAt(base, src, e.off), Severity: diag.Error, Msg: e.msg}
}

// posAt is the absolute position of byte off of src, where src starts at base;
// columns restart after each newline inside src.
func posAt(base diag.Pos, src string, off int) diag.Pos {
	off = min(max(off, 0), len(src))
	p := diag.Advance(base, src[:off])
	p.File = base.File
	return p
}
