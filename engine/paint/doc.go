// Package paint turns laid-out boxes into pixels: it owns the display list
// (displaylist.go) and the painting of a box tree in Skyline's paint order
// (spec §3.5, box.go: clips, filters and opacity layers) — a box's
// shadows and borders (decorations.go), backgrounds and gradients
// (background.go), transforms (transform.go), images fitted by their mode
// (image.go), text with its shadows and decorations (text.go), the boxes
// of inline elements inside text (inline.go), glyph outlines for the
// raster glyph cache (glyphs.go) — and the per-unit layers that let a
// scroll frame composite what it painted before (layers.go).
//
// # The host's part
//
// Paint sees the host's tree through Tree: a Box per layout id (computed
// style, layout, page position, children, paragraph, what kind of box it
// is), and the answers that only the node tree has — an image element's
// picture and fit, a background's picture, the element behind each run of
// a text root, the inline elements that paint a box. A scroll-view's
// content is the host's to place (only the units in its viewport exist):
// Tree.PaintScroller records it through the Painter's own methods
// (PaintBox, PaintUnit, PaintDecorations, Fill, ClipRect / EndClip). Per
// frame:
//
//	pt.SetFonts(faces, dpr) // the faces glyph runs name
//	pt.Build(tree, root, window, dpr)
//	pt.Execute(dst)         // over the page background
//
// Building and executing are apart so a unit's list can be rastered into
// its own layer and then reused. Buffers live from frame to frame: an
// unchanged frame allocates nothing.
//
// paint imports engine/paint/raster (pixels), style (computed values), layout
// (ids and boxes) and layout/text (paragraphs, faces, glyph runs); it knows
// nothing of the engine, which imports it.
package paint
