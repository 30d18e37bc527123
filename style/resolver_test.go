package style

import (
	"testing"
)

// TestPassCacheFollowsMutations styles a list inside a pass, inserts an
// item at the front, and styles again in a new pass: :nth-child must see
// the new positions, not the cached ones.
func TestPassCacheFollowsMutations(t *testing.T) {
	sh, _ := ParseSheet("p.wxss", []byte(`.item:nth-child(odd) { width: 1px }`), &Env{}, nil)
	env := &Env{}
	r := NewResolver(env, sh)
	root := listTree()
	st := computeTree(r, env, root, true)
	i2 := root.find("i2")
	if got := describe(st.computed[i2], "width"); got != "auto" {
		t.Fatalf("i2 before insert: %s", got)
	}
	list := root.children[0]
	n := h("view.item$new")
	n.parent = list
	list.children = append([]*tnode{n}, list.children...)
	for i, c := range list.children {
		c.index = i
	}
	st = computeTree(r, env, root, true)
	if got := describe(st.computed[i2], "width"); got != "1px" {
		t.Errorf("i2 after insert (now 3rd): %s", got)
	}
	if got := describe(st.computed[root.find("i1")], "width"); got != "auto" {
		t.Errorf("i1 after insert (now 2nd): %s", got)
	}
	// Out of document order inside one pass: the cache fills from the back.
	r.BeginPass()
	var c Computed
	for _, h := range []string{"i6", "i3", "new", "i5"} {
		el := root.find(h)
		r.Compute(el, st.computed[list], nil, &c, nil)
		want := map[string]string{"i6": "1px", "i3": "auto", "new": "1px", "i5": "auto"}[h]
		if got := describe(&c, "width"); got != want {
			t.Errorf("%s in scattered pass: %s, want %s", h, got, want)
		}
	}
	r.EndPass()
}

func TestComponentSheetScope(t *testing.T) {
	env := &Env{}
	page, _ := ParseSheet("pages/a/index.wxss", []byte(`.title { color: red }`), env, nil)
	page.Origin = OriginPage
	comp, _ := ParseSheet("components/c/c.wxss", []byte(`.title { color: blue } .box { width: 2px }`), env, nil)
	comp.Origin, comp.Scope = OriginComponent, 1
	r := NewResolver(env, page, comp)
	root := scopedTree()
	st := computeTree(r, env, root, false)
	for h, want := range map[string]string{"ptitle.color": red, "ctitle.color": blue, "pbox.width": "auto", "cbox.width": "2px"} {
		assertWant(t, r, st, root, h+"="+want)
	}
}

func TestHasPseudoRules(t *testing.T) {
	sh, _ := ParseSheet("p.wxss", []byte(`.a::after { content: "x" } .b { color: red }`), &Env{}, nil)
	r := NewResolver(&Env{}, sh)
	if r.HasPseudoRules(PseudoBefore) || !r.HasPseudoRules(PseudoAfter) || r.HasPseudoRules(PseudoNone) {
		t.Error("HasPseudoRules")
	}
}

func TestDuplicateClassAppliesOnce(t *testing.T) {
	sh, _ := ParseSheet("p.wxss", []byte(`.a { width: 1px }`), &Env{}, nil)
	r := NewResolver(&Env{}, sh)
	el := h("view.a.a")
	r.match(el, PseudoNone)
	if len(r.matched) != 1 {
		t.Errorf("rule matched %d times", len(r.matched))
	}
}

func TestNilSheetsAndEnv(t *testing.T) {
	r := NewResolver(nil, nil)
	var c Computed
	r.Compute(h("page"), nil, nil, &c, nil)
	if r.ComputePseudo(h("page"), PseudoAfter, &c, &c) {
		t.Error("pseudo box without rules")
	}
}
