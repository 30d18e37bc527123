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
// callback runs under a time limit.
//
// It imports diag, props (property types and coercion), gesture (the event
// object) and engine/expr (JavaScript value semantics) only — never engine
// itself.
package logic
