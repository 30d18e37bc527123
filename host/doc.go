// Package host is the embedding API for shell hosts: a Session is one open
// page (its package, viewport, data and, when it has them and the host asks
// for them, its scripts) driven by the operations a host program needs —
// open, setData / setComponentData, touches with ids and time stamps, taps,
// wheel, advancing the clock, rendering into an RGBA buffer with the dirty
// rectangle, the layout dump (render-cli.md's format), draining handler
// calls and events as JSON, close.
//
// cmd/host speaks it as JSON lines over stdio and cmd/skylinecapi exports it
// as a C ABI; both are thin layers over this package, so the three agree on
// argument names, error codes and event shapes.
//
// Errors are *Error values with a Code (stable numbers, and names used in
// JSON) and a message. A panic inside one operation is recovered and comes
// back as CodePanic; the session, and every other session, keeps serving.
//
// Time is the session's own clock (ms since open), moved only by Advance
// and by input time stamps ahead of it, so a host's runs are reproducible.
//
// Threads: a Session serialises its operations with a mutex, so it may be
// called from any goroutine, one operation at a time; distinct sessions are
// independent.
//
// It imports app, diag, engine, gesture and logic.
package host
