// Package expr compiles mustache binding expressions ({{ a.b + 1 }}) once into
// evaluators that are re-run on data change, and reports the data paths each
// one reads so that setData re-evaluates only what a patch touches.
//
// Expressions follow the JavaScript subset of spec §1.2 with JavaScript's own
// coercions (1 + '2' is "12", null == undefined, [] is truthy), except that
// nothing throws: reading a member of null or undefined, calling something that
// is not a Func, or a Func that panics, all give Undefined, and Skyline renders
// that as empty text (spec §8.8). Values are JSON-like (see Value); numbers are
// float64.
//
// Parse compiles to a tree of small node types; Eval walks it without looking
// at the source again, and reading a plain path (a.b[2].c) allocates nothing.
// A chain of + that starts with a string literal is joined in one allocation.
//
// It may import diag and engine/internal/mustache (the {{ }} scanner it shares
// with the other of wxml and expr) only.
package expr
