// Package style is the WXSS stage: it parses stylesheets (app.wxss, page and
// component wxss, inline style attributes), matches selectors against the
// node tree, runs the cascade (origin, specificity, order, !important,
// inheritance, CSS variables, dark-mode media queries) and produces a typed
// Computed value per element with Skyline's initial values (spec §2).
//
// It sees the node tree only through the small Element interface, so it
// never imports engine. It may import diag and third-party tokenizers; it must
// not import engine, layout, scroll, widgets or gesture.
package style
