// Package engine is the page runtime and the public embedding API: the
// Page. It loads a page (load.go: app.json and the page's json through
// engine/pkgfs, its stylesheets and data) and hands its markup to
// engine/template, which makes the node tree (engine/dom) and keeps it in
// step with setData. The engine runs the frame pipeline over that tree —
// restyle (restyle.go) → relayout (layouttree.go, relayout.go; scroll_*.go
// for scroll-views and builders, whose items template.Builder makes) →
// repaint (package paint draws the box tree that render.go hands it as a
// paint.Tree; images.go decodes the pictures), each incremental, with one
// frame clock that scroll physics and CSS transitions and animations
// (motion.go, over package motion) step by — and
// writes the layout dump (layoutdump*.go). Input is gesture's (hit
// testing, the touch stream, taps, long presses, drags, flings, wheel
// routing, propagation): the page adapts its boxes, nodes and scroll-views
// to gesture's interfaces (hittest.go, input.go), feeds it input, and
// queues the handler calls it dispatches (events.go). The form controls
// (widgets' Control contract) run in controls.go: their state and state
// classes before each restyle, attribute sizes after it, their drawing as
// paint.Control boxes, press feedback (hover-class, :active), taps,
// slider drags, and form submit / reset.
//
// A host (another program, or package app with the JS logic layer) drives a
// Page: Load, SetViewport, SetData / SetComponentData, input (Tap, Touch*,
// Wheel, Advance: one frame of the page's clock), Update and Render, asking
// NeedsFrame whether anything moves; it receives handler calls and
// component lifecycle events from queues (DrainHandlerCalls,
// DrainInstanceEvents). Nothing here calls into JavaScript. The API names
// the stages' types under the engine's names (types.go). Developer tools
// read what a frame cost (stats.go: FrameStats, BuilderItems) and inspect
// elements (inspect.go: BoxModel, OwnerPath, AppliedStyle), and reload
// stylesheets in place (reload.go: ReloadStyles).
//
// Data flows one way: template → dom → style (computed values) → layout
// (boxes) → paint. engine may import every package of this module except
// app, logic and the commands; nothing imports engine except app and the
// commands. Subpackages: dom (the node tree), template (WXML, bindings,
// setData, components, WXS), pkgfs (package files), wxml (markup parser),
// expr (binding expressions), paint (display list and painting), raster
// (pixels), internal/mustache (the {{ }} scanner).
package engine
