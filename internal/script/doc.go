// Package script holds what the two script hosts share — the logic layer's
// goja runtime (package logic) and the engine's WXS realm (engine/wxs*.go):
//
//   - Guard, the per-callback budget that interrupts a goja runtime when the
//     script running on it has used its share of the machine: CPU time of
//     the script's own OS thread (not wall time, which a busy or shared
//     machine stretches), a much larger wall-clock backstop, and growth of
//     the live Go heap;
//   - Convert and ToJS, the bounded bridge between goja values and the
//     expression values of engine/expr (objects keep JavaScript's key order;
//     depth, node, array-length and string-size budgets; linear time, never
//     goja's Export on containers).
//
// It imports engine/expr (value types), goja and golang.org/x/sys/unix only.
package script
