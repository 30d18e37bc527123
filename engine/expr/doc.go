// Package expr compiles mustache binding expressions ({{ a.b + 1 }}) once into
// evaluators that are re-run on data change, and reports the data paths each
// one reads so that setData re-evaluates only what a patch touches.
//
// It may import diag only.
package expr
