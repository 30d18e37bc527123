// Package raster owns pixels: compositing, coverage, gradients, blur, images;
// imports nothing of ours but diag.
//
// The model follows Go's image/draw: one public entry point per operation on
// a Canvas, private loops specialised by the concrete case (opaque span,
// translucent span, constant coverage, per-pixel coverage, shaded span) and
// a generic per-pixel float path that is the reference every fast path is
// tested against (reference_test.go runs each operation on both and asserts a
// per-channel difference of at most 1).
//
// Pixels are premultiplied 8-bit RGBA (image.RGBA is premultiplied already).
// Coordinates are float32 device pixels, y down; pixel (x, y) covers the unit
// square [x, x+1) × [y, y+1). The package takes no style or layout types:
// paint converts computed styles into the geometry, colour and paint values
// defined here (Rect, RRect, Radii, Color, Paint, Gradient, ImagePaint,
// Border, Shadow, Filter, Affine, Homography).
//
// A Canvas carries a clip stack (rectangles and rounded rectangles with
// elliptical radii, anti-aliased) and a layer stack (group opacity, filters,
// affine or projective compositing of a layer rendered flat). Layer and mask
// buffers come from a pool owned by the Canvas, so steady-state frames
// allocate nothing.
//
// Glyphs are rasterised once from an outline (GlyphOutliner) into 8-bit masks
// held by a bounded GlyphCache; drawing a cached glyph is a mask blit.
// Box shadows keep their blurred coverage in a per-Canvas LRU cache
// (shadowcache.go), so an unchanged repaint only composites them.
//
// The translucent solid span has an AVX2 kernel in Go assembly
// (span_amd64.s), chosen at run time through golang.org/x/sys/cpu; the
// portable SWAR kernels are used elsewhere and under the purego build tag,
// and the span tests run both.
// DecodeImage turns png, jpeg, webp and gif bytes into premultiplied RGBA,
// refusing images above a pixel budget before allocating for them.
//
// Imports: the standard library, golang.org/x/image (vector, webp),
// golang.org/x/sys/cpu and diag.
package raster
