// Package logic owns the mini-program's JavaScript: app.js, Page({...}),
// Component({...}) and Behavior({...}) run in goja on their own goroutine.
//
// It talks to the renderer only through messages — data patches, component
// events, logs, toasts and queries out; lifecycle, property, event and timer
// messages in — so the renderer never calls into JavaScript synchronously
// (the same paths a shell host that runs its own logic uses). The one
// synchronous door is ComponentDef / PageDef: instantiation needs property
// types, defaults and options such as virtualHost before the first render.
//
// Scripts are sandboxed: the global object has no file, network or process
// access; require() reads only through the caller's package reader; every
// callback runs under a budget of CPU time (not wall time, so a busy
// machine does not fail a correct page) and heap growth, each message and
// timer step under a budget of callbacks, and values crossing to Go under
// the bridge's size budgets (runtime.go, convert.go, internal/script).
//
// Scripts with import/export are ES modules: esbuild's Go API transforms
// them to CommonJS when they load, and its source map, rebuilt for goja
// (esm.go, sourcemap.go), keeps every position the author's. Compiled scripts are shared
// by runtimes through a bounded process-wide cache (compilecache.go). The info APIs answer from
// one Device (device.go), which the host replaces with DeviceChange.
//
// It imports diag, props (property types and coercion), gesture (the event
// object), widgets (what canIUse answers for components), engine/expr
// (JavaScript value semantics), internal/script (the budgets and the
// value bridge it shares with the engine's WXS) and internal/workletjs
// (wx.worklet's prelude and wire format, shared with the UI runtime in
// package worklet; worklet.go, worklet_capture.go) only — never engine
// itself; outside the project, goja and esbuild.
package logic
