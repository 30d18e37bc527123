package style

import (
	"slices"
	"testing"
)

const invalidationSheet = `
.a { width: 1px }
.b .c { width: 1px }
.d > .e { width: 1px }
.f + .g { width: 1px }
.h ~ .i .j { width: 1px }
.k .l + .m { width: 1px }
.n:not(.o) { width: 1px }
#x .y { width: 1px }
#z { width: 1px }
.p:active .q { width: 1px }
.r::before { content: "r" }
.t .u { width: 1px }
.u ~ .t { width: 1px }
`

func TestInvalidationScopes(t *testing.T) {
	sh, ds := ParseSheet("inv.wxss", []byte(invalidationSheet), &Env{}, nil)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	r := NewResolver(&Env{}, sh)
	S, D, B := InvalidateSelf, InvalidateDescendants, InvalidateSiblings
	classes := map[string]InvalidationScope{
		"a": S, "b": D, "c": S, "d": D, "e": S, "f": B, "g": S, "h": B, "i": D, "j": S,
		"k": D, "l": B, "m": S, "n": S, "o": S, "y": S, "p": D, "q": S, "r": S,
		"t": S | D, "u": S | B, "zz": InvalidationNone,
	}
	for c, want := range classes {
		if got := r.Invalidation(c); got != want {
			t.Errorf("Invalidation(%q) = %04b, want %04b", c, got, want)
		}
	}
	if got := r.InvalidationID("x"); got != D {
		t.Errorf("InvalidationID(x) = %04b", got)
	}
	if got := r.InvalidationID("z"); got != S {
		t.Errorf("InvalidationID(z) = %04b", got)
	}
	if got := r.InvalidationStructural(); got != B {
		t.Errorf("structural = %04b, want siblings", got)
	}
}

func TestInvalidationStructural(t *testing.T) {
	cases := []struct {
		sheet string
		want  InvalidationScope
	}{
		{`.a .b > .c { width: 1px }`, InvalidationNone},
		{`.a:first-child { width: 1px }`, InvalidateSiblings},
		{`.a:nth-child(2) .b { width: 1px }`, InvalidateSiblings},
		{`.a:not(:last-child) { width: 1px }`, InvalidateSiblings},
		{`.a ~ .b { width: 1px }`, InvalidateSiblings},
		{`.a:empty { width: 1px }`, InvalidateParent},
		{`.a:only-child, .b:empty { width: 1px }`, InvalidateSiblings | InvalidateParent},
	}
	for _, tc := range cases {
		sh, _ := ParseSheet("s.wxss", []byte(tc.sheet), &Env{}, nil)
		if got := NewResolver(&Env{}, sh).InvalidationStructural(); got != tc.want {
			t.Errorf("%s: %04b, want %04b", tc.sheet, got, tc.want)
		}
	}
}

// TestInvalidationIsSound flips every class of the sheet on every element
// of a tree and checks, against a full re-match, that every element whose
// matched rules changed lies inside the scope Invalidation promised.
func TestInvalidationIsSound(t *testing.T) {
	sh, _ := ParseSheet("inv.wxss", []byte(invalidationSheet), &Env{}, nil)
	r := NewResolver(&Env{}, sh)
	mk := func() *tnode {
		return h("page",
			h("view.b.d.k", h("view.f", h("view.l"), h("view.m.c.e")), h("view.g.h"), h("view.i", h("view.j.c"))),
			h("view.t", h("view.u"), h("view.t.a")),
			h("view#x", h("view.y.n"), h("view.o.n")),
			h("view.u"), h("view.t"),
		)
	}
	root := mk()
	var all []*tnode
	var collect func(n *tnode)
	collect = func(n *tnode) {
		all = append(all, n)
		for _, c := range n.children {
			collect(c)
		}
	}
	collect(root)
	snapshot := func() [][]int32 {
		out := make([][]int32, len(all))
		for i, n := range all {
			for _, ps := range []Pseudo{PseudoNone, PseudoBefore} {
				r.match(n, ps)
				out[i] = append(out[i], r.matched...)
				out[i] = append(out[i], -1)
			}
			slices.Sort(out[i])
		}
		return out
	}
	inScope := func(e, x *tnode, scope InvalidationScope) bool {
		if x == e {
			return scope&InvalidateSelf != 0
		}
		for p := x.parent; p != nil; p = p.parent {
			if p == e && scope&InvalidateDescendants != 0 {
				return true
			}
		}
		if scope&InvalidateSiblings != 0 && e.parent != nil {
			for _, s := range e.parent.children[e.index+1:] {
				for q := x; q != nil; q = q.parent {
					if q == s {
						return true
					}
				}
			}
		}
		return false
	}
	names := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "r", "t", "u", "y"}
	changes := 0
	for _, e := range all {
		for _, c := range names {
			before := snapshot()
			had := e.HasClass(c)
			old := e.classes
			if had {
				e.classes = slices.DeleteFunc(slices.Clone(old), func(k string) bool { return k == c })
			} else {
				e.classes = append(slices.Clone(old), c)
			}
			after := snapshot()
			e.classes = old
			scope := r.Invalidation(c)
			for i, x := range all {
				if slices.Equal(before[i], after[i]) {
					continue
				}
				changes++
				if !inScope(e, x, scope) {
					t.Errorf("flipping .%s on %v changed %v outside scope %04b", c, e.classes, x.classes, scope)
				}
			}
		}
	}
	if changes < 30 {
		t.Fatalf("only %d changes observed; the test tree does not exercise the sheet", changes)
	}
}
