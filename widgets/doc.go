// Package widgets describes the built-in components (view, text, span, image,
// button, scroll-view, swiper, …): which tags exist, their attributes with
// defaults, their default styles and intrinsic sizes, and how they paint.
//
// It may import style, layout and diag; it must not import engine.
package widgets
