// Package gesture owns what happens to input: the event-binding attributes a
// node carries (bind / catch / capture / mut-bind), hit testing, propagation
// through capture and bubble phases, and the gesture-handler arena.
//
// It may import diag; it must not import engine, style or layout.
package gesture
