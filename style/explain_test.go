package style

import (
	"testing"

	"github.com/skyline-go/skyline/diag"
)

// TestExplainNamesWinningDeclarations: each property's winner is the rule
// the cascade applies last (specificity, then order; inline beats rules;
// !important beats inline), with its file:line:col and selector.
func TestExplainNamesWinningDeclarations(t *testing.T) {
	src := ".box { width: 10px; margin: 4px; color: red; }\n" +
		"#b { width: 20px; }\n" +
		".box { height: 5px; color: blue !important; --accent: #0f0; }\n"
	env := &Env{}
	sh, ds := ParseSheet("index.wxss", []byte(src), env, nil)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	r := NewResolver(env, sh)
	el := h("view#b.box")
	inline, _ := ParseInlineStyle("height: 7px; color: green", diag.Pos{File: "index.wxml", Line: 3, Col: 1}, env, "index")
	got := map[string]Applied{}
	var order []string
	for _, a := range r.Explain(el, inline) {
		got[a.Property] = a
		order = append(order, a.Property)
	}
	check := func(prop, value, declared, selector string, line int, inl bool) {
		t.Helper()
		a, ok := got[prop]
		if !ok {
			t.Errorf("%s: not listed (have %v)", prop, order)
			return
		}
		if a.Value != value || a.Declared != declared || a.Selector != selector || a.Pos.Line != line || a.Inline != inl {
			t.Errorf("%s = %+v, want value %q declared %q selector %q line %d inline %v", prop, a, value, declared, selector, line, inl)
		}
	}
	check("width", "20px", "width", "#b", 2, false)         // the id beats the class
	check("margin-top", "4px", "margin", ".box", 1, false)  // from the shorthand
	check("height", "7px", "height", "", 3, true)           // inline beats a rule
	check("color", "blue", "color", ".box", 3, false)       // !important beats inline
	check("--accent", "#0f0", "--accent", ".box", 3, false) // custom properties by name
	if a := got["color"]; !a.Important {
		t.Errorf("color not marked important: %+v", a)
	}
	if a := got["width"]; a.Pos.File != "index.wxss" || a.Pos.Col != 6 {
		t.Errorf("width position %v, want index.wxss:2:6", a.Pos)
	}
	if _, ok := got["display"]; ok {
		t.Error("a property nothing declares is listed")
	}
	// Explain leaves the resolver fit to compute.
	var c Computed
	r.Compute(el, nil, inline, &c, nil)
	if describe(&c, "width") != "20px" || describe(&c, "height") != "7px" {
		t.Errorf("Compute after Explain: width %s height %s", describe(&c, "width"), describe(&c, "height"))
	}
}
