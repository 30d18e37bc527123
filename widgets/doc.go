// Package widgets owns the built-in components (view, text, span, image,
// button, scroll-view, swiper, …) as units. Each is a Component
// (registry.go): its Spec (tag, how far Skyline supports it, its layout
// role), its own attributes with WeChat's defaults (attributes.go) and its
// rule in the built-in sheet (DefaultStyles, built from the components in
// defaults.go). A component that decides more for itself has its own file
// holding its Component, so a new one touches only that file and the
// components list. Today that is image.go (image, cover-image):
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
