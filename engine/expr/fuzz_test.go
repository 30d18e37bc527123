package expr

import (
	"testing"

	"github.com/skyline-go/skyline/diag"
)

var exprSeeds = []string{
	"a.b[2].c + x",
	"list[i].name",
	"x > 3 ? 'big' : x > 1 ? 'mid' : 'small'",
	"{...obj, q: 9, foo}",
	"[0, ...list, ...'hi']",
	"m.fmt(x, ...arr)",
	"typeof !-+s",
	"'\\u{1F600}\\x41' + 1e-7",
	"null ?? undefined || 0 && ''",
	"a['k'][k][0x1f]",
	"((((1))))",
	"s[1] + s.length",
	"obj == '[object Object]'",
	"{[k]: 1, 'a b': 2, 3: 4}",
	"1 +",
	"'unterminated",
}

// FuzzParseExpr: Parse never panics, errors carry positions inside the
// source, and Eval of anything that parsed never panics on a small scope.
func FuzzParseExpr(f *testing.F) {
	for _, s := range exprSeeds {
		f.Add(s)
	}
	scope := testScope()
	f.Fuzz(func(t *testing.T, src string) {
		base := diag.Pos{File: "f", Line: 1, Col: 1}
		for _, parse := range []func(string, diag.Pos) (*Expr, error){Parse, ParseObjectBody} {
			e, err := parse(src, base)
			if err != nil {
				checkErrPos(t, src, err)
				continue
			}
			_ = e.Eval(scope)
			_ = e.Deps()
			_ = ToString(e.Eval(scope))
		}
	})
}

// FuzzParseTemplate: as FuzzParseExpr, for text with mustaches.
func FuzzParseTemplate(f *testing.F) {
	for _, s := range exprSeeds {
		f.Add("{{" + s + "}}")
		f.Add("pre {{" + s + "}} post")
	}
	f.Add("{{ \"}}\" }}{{")
	f.Add("a }} {{ {b: {c: 1}} }}")
	scope := testScope()
	f.Fuzz(func(t *testing.T, src string) {
		tp, err := ParseTemplate(src, diag.Pos{File: "f", Line: 1, Col: 1})
		if err != nil {
			checkErrPos(t, src, err)
			return
		}
		_ = tp.Eval(scope)
		_ = tp.Deps()
	})
}

func checkErrPos(t *testing.T, src string, err error) {
	t.Helper()
	d, ok := err.(diag.Diagnostic)
	if !ok {
		t.Fatalf("error %v is not a diag.Diagnostic", err)
	}
	want := posAt(diag.Pos{File: "f", Line: 1, Col: 1}, src, len(src))
	if d.Pos.Line < 1 || d.Pos.Col < 1 || d.Pos.Line > want.Line || (d.Pos.Line == want.Line && d.Pos.Col > want.Col) {
		t.Fatalf("error position %v outside source ending at %v", d.Pos, want)
	}
}
