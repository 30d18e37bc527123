package widgets

// DefaultStyles is the built-in components' own stylesheet, cascaded below
// app.wxss (it plays the part of a browser's user-agent sheet). Everything
// not listed here takes Skyline's initial values (spec §2.7, §2.8).
//
// image: 320 × 240 px when the author sets no size (spec §8.5, WebView's
// documented default).
const DefaultStyles = `
image, cover-image { width: 320px; height: 240px; }
`

// DefaultStylesFile names DefaultStyles in diagnostics.
const DefaultStylesFile = "<built-in components>"
