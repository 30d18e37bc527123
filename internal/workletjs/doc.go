// Package workletjs is what the two ends of the worklet runtime share —
// the logic layer (package logic, which owns wx.worklet on the JS side)
// and the UI runtime (package worklet) — without either importing the
// other:
//
//   - Prelude, the JavaScript of wx.worklet's value-building API that both
//     runtimes evaluate: timing / spring / decay / sequence / repeat /
//     delay return plain animation descriptors, and the Easing set returns
//     functions that carry a descriptor of themselves, so an easing made on
//     one side is rebuilt on the other (and in Go, by the UI runtime);
//   - the wire format of values crossing between the two runtimes: JSON-like
//     Go values (nil, bool, float64, string, []any, map[string]any) plus
//     *Ref for what is not data (undefined, a shared value, a worklet with
//     its source and captured closure, a logic-side function, an API
//     function, an easing), with Export and Import bounded in depth and
//     size.
//
// It imports goja only.
package workletjs
