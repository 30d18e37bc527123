// Package widgets owns the built-in components (view, text, span, image,
// button, scroll-view, swiper, …) as units: which tags exist and how far
// Skyline supports them (registry.go), their default styles (defaults.go),
// their attributes with WeChat's defaults (attributes.go), and, one file per
// component, what a component decides for itself. Today that is image.go:
// the mode attribute's fourteen modes, widthFix / heightFix sizing as a
// measured leaf and as the style layout sees, and which src values name a
// package file.
//
// A component sees plain inputs — attribute text, computed styles, a
// picture's natural size — never the engine's nodes: the engine adapts its
// nodes to these functions and keeps loading files behind its package
// sandbox. widgets may import style and layout; it must not import engine
// (internal/archtest holds the rule).
package widgets
