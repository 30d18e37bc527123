// Package gesture owns what happens to input (spec §1.6 events, §5
// gestures): the event-binding attributes a node carries (bind / catch /
// capture / mut-bind, binding.go) and the event object (event.go); hit
// testing over the host's boxes in paint order (hittest.go); the touch
// stream (stream.go, touch.go): touch events, tap slop, long press and tap
// synthesis; the drag that lets the scroll-views under a finger claim it
// past their min-drag-distance and fling with the finger's velocity, and
// wheel routing (drag.go); capture and bubble propagation (propagate.go)
// with component scopes — retargeting and marks (scope.go); the gesture
// handlers (spec §5: tap, double-tap, long-press, pan, the drags, scale,
// force-press; handler.go) and the arena that negotiates between them
// (arena.go).
//
// It knows nothing of the engine. The host describes what input needs
// through narrow interfaces — HitTree (boxes: border box, clip, transform,
// children in paint order, whether a box may be the target), Scrollable (a
// scroll-view's scroller), StreamHost (hit testing, dispatch of one touch
// event, the scroll-views on a path), Path (the bindings along an event's
// path) and Scopes (parents, component scopes, marks) — feeds it input with
// its own time stamps (there is no clock here) and applies what it asks.
//
// It imports nothing of this module; it must not import engine.
package gesture
