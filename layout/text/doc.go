// Package text shapes and breaks text: font loading (the bundled Latin and CJK
// faces and @font-face TTFs), fallback between them, shaping with
// go-text/typesetting, line breaking (UAX #14 plus CJK rules), ellipsis and
// line clamping, and the metrics layout needs (line boxes, first baseline).
//
// The model: a FontSet owns faces and caches (family-list resolution, shaping
// results keyed by text, face and script). FontSet.NewParagraph takes a `text`
// element's content as flat Runs (text in a TextStyle, or an InlineBox
// placeholder for an inline image / inline-block) plus Options, collapses
// white space, finds break opportunities and shapes everything once, in font
// units so any size reuses it. Paragraph.Layout(width) then only re-breaks
// and positions, into buffers it reuses: same width is a cached answer, a new
// width allocates nothing once warm. Paragraph.Measure answers layout's
// definite / min-content / max-content questions from the same machinery.
// Paint reads Layout.Runs (face, size, glyph ids and positions, synthetic
// bold/italic flags), Face.AppendOutline and Face.Metrics.
//
// Decisions (spec §3.6, §8.4; where silent, Chromium as the reference
// renderer does): line-height normal is the primary face's ascent + descent +
// line gap rounded to px, and fallback faces used on a line grow it; an
// unbreakable word overflows (word-break: normal), unless
// Options.BreakLongWords; letter-spacing follows every character including
// the last on a line; trailing spaces hang; “ ” break on their outer side
// next to CJK (Unicode 15.1 LB19a); between two printable ASCII characters
// Blink's pair table replaces UAX #14, so URLs, paths and e-mail addresses
// do not break (only after "-" and "?"), and break-all adds Blink's
// break-all pairs; direction is always ltr.
//
// It may import style (for computed text properties) and diag; it must not
// import engine, scroll, widgets or gesture.
package text
