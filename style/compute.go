package style

import "github.com/skyline-go/skyline/diag"

// ComputeInto fills out from the parent's computed style (inherited
// properties per spec §2.4, initial values for the rest) and then applies
// decls in order, lowest precedence first. See the package contract
// (contract-style.md) for the details; parent == nil means the page root.
func ComputeInto(out *Computed, parent *Computed, decls []*Declared, env *Env, diags *diag.List) {
	*out = Initial(env)
}

// ComputeInline parses text as an inline style and computes it on top of
// parent (nil = root). It is a convenience for tests and the layout
// conformance harness.
func ComputeInline(text string, parent *Computed, env *Env) (Computed, []diag.Diagnostic) {
	decls, ds := ParseInlineStyle(text, diag.Pos{File: "<inline>", Line: 1, Col: 1}, env, "")
	ptrs := make([]*Declared, len(decls))
	for i := range decls {
		ptrs[i] = &decls[i]
	}
	var out Computed
	var l diag.List
	ComputeInto(&out, parent, ptrs, env, &l)
	return out, append(ds, l.Items...)
}
