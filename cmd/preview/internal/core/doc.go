// Package core is everything of the preview that needs no window: device
// presets, the command line, the page session (load, render, diagnostics,
// panics turned into messages), package polling, upload-on-change frame
// buffering, overlay text layout and pointer plumbing.
//
// It must not import ebiten: ebiten's init opens the display and panics
// without one, and this package's tests run everywhere. It may import the
// engine module's packages.
package core
