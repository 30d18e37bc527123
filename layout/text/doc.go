// Package text shapes and breaks text: font loading (the bundled Latin and CJK
// faces and @font-face TTFs), fallback between them, shaping with
// go-text/typesetting, line breaking (UAX #14 plus CJK rules), ellipsis and
// line clamping, and the metrics layout needs (line boxes, first baseline).
//
// It may import style (for computed text properties) and diag; it must not
// import engine, scroll, widgets or gesture.
package text
