// Package props owns what a component's properties are: their declared
// types and defaults (Component({properties}), spec §1.8) and glass-easel's
// conversion of a given value to the declared type. The renderer needs it
// to draw a component's first frame before its script answers, and the
// logic layer needs it for every later property change; both use this one
// implementation so they never disagree.
//
// It imports engine/expr (JavaScript value semantics) only.
package props
