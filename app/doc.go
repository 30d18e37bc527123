// Package app runs one mini-program page: an engine.Page and its
// logic.Runtime, pumping messages between them.
//
// The two sides meet only through messages (the rule, and the same
// paths a shell host that runs its own logic uses): the engine's instance
// events and handler calls become logic messages, the runtime's patches,
// component events, queries, logs and UI requests are applied to the engine
// or kept for the host. The render path never calls into JavaScript; the
// one synchronous door is at load, where ComponentDef / PageDef give the
// property types and initial data the first render needs.
//
// A developer tool reloads a page without losing its scripts' state
// (reload.go): ReloadStyles restyles in place, ReloadMarkup instantiates the
// markup again with the page's current data.
//
// It also owns the worklet UI runtime (worklet.go): the logic layer's
// WorkletOps run on it, its animated styles are set on the engine's nodes.
//
// It imports engine, logic, worklet, diag and imagesrc (Options.Images).
package app
