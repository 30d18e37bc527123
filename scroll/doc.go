// Package scroll is the on-demand core: scroll-view (list / custom / nested),
// the sliver containers (list-view, grid-view, sticky-section, sticky-header),
// the builders that create and recycle item nodes by index, and scroll
// physics. It speaks layout's container contract.
//
// It may import layout, style and diag; it must not import engine.
package scroll
