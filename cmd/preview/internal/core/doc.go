// Package core is everything of the preview that needs no window: device
// presets, the command line, the page session (load, render, diagnostics,
// panics turned into messages), package polling and the state-keeping
// reload (reload.go), upload-on-change frame buffering, overlay text
// layout, pointer plumbing, and the developer tools' content: the frame log
// and graph (frames.go), the console entries and panel (console*.go), the
// inspector's geometry and panel (inspect*.go); the panels are small pages
// the engine renders (minipage.go).
//
// It must not import ebiten: ebiten's init opens the display and panics
// without one, and this package's tests run everywhere. It may import the
// engine module's packages.
package core
