// Package engine is the page runtime and the public embedding API. It owns
// the node tree built from WXML templates and page data (compile*.go,
// instantiate.go, loop.go, binding.go), custom components with their slots
// and style scopes (component*.go, slot*.go), setData patches (setdata.go),
// the frame pipeline — restyle (restyle.go) → relayout (layouttree.go,
// relayout.go, scroll_*.go for scroll-views and builders) → repaint
// (package paint draws the box tree that render.go hands it as a
// paint.Tree; images.go decodes the pictures), each incremental — input,
// and the layout dump (layoutdump.go). Input is gesture's (hit testing,
// the touch stream, taps, long presses, drags, flings, wheel routing,
// propagation): the page adapts its boxes, nodes and scroll-views to
// gesture's interfaces (hittest.go, input.go), feeds it input, and queues
// the handler calls it dispatches (events.go).
//
// A host (another program, or package app with the JS logic layer) drives a
// Page: Load, SetViewport, SetData / SetComponentData, input (Tap, Touch*,
// Wheel, Advance), Update and Render; it receives handler calls and
// component lifecycle events from queues (DrainHandlerCalls,
// DrainInstanceEvents). Nothing here calls into JavaScript.
//
// Data flows one way: engine drives style (computed values), then layout
// (boxes), then paint. engine may import every package of this module
// except app, logic and the commands; nothing imports engine except app and
// the commands. Subpackages: wxml (markup parser), expr (binding
// expressions), paint (display list and painting), raster (pixels),
// internal/mustache (the {{ }} scanner).
package engine
