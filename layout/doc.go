// Package layout computes boxes: flex (with Skyline's defaults), block with
// margin collapsing, absolute / fixed positioning, and the contract every
// container speaks (tree.go): an algorithm sees one node and
// its direct children through a narrow Tree interface, asks the host to size or
// lay out each child, and measuring and final layout are the same function in
// two run modes, memoised by a small per-node cache (Taffy's design). Text
// measurement and line breaking live in the subpackage layout/text.
//
// It reads style.Computed values and may import style and diag; it must not
// import engine, scroll, widgets or gesture.
package layout
