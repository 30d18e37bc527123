package paint

import (
	"image"

	"github.com/skyline-go/skyline/engine/paint/raster"
)

// dlKind is the kind of one display-list operation.
type dlKind uint8

const (
	dlFillRect      dlKind = iota // rect with paint
	dlFillRRect                   // rect + radii with paint
	dlFillPath                    // segs[ref:end] with paint (decorations)
	dlBorder                      // borders[ref]
	dlBoxShadow                   // rect + radii, shadows[ref]
	dlGlyphs                      // glyphs[ref:end]
	dlPushClipRect                // rect
	dlPushClipRRect               // rect + radii
	dlPopClip
	dlPushLayer     // rect (ink bounds), opacity, filter
	dlPushProjected // rect (flat ink bounds), opacity, filter, homs[ref]
	dlPopLayer
	dlImage // layers[ref] composited at its Rect with opacity (a cached scroll unit)
)

// paintKind says which of an op's paint references applies.
type paintKind uint8

const (
	paintSolid paintKind = iota
	paintGradient
	paintImage
)

// dlOp is one display-list operation. It is a flat value: what it points
// to lives in the list's side buffers (by index), so a list is a handful of
// slices that are reset, not reallocated, between frames.
type dlOp struct {
	kind    dlKind
	paint   paintKind
	rect    raster.Rect
	radii   raster.Radii
	color   raster.Color
	ref     int32 // index into the side buffer of the kind or paint
	end     int32 // end of a range (glyphs, segments)
	paintAt int32 // gradients / images index for paintGradient / paintImage
	opacity float32
	filter  raster.Filter
}

// glyphInst is one glyph to draw, in device px.
type glyphInst struct {
	font, glyph uint32
	size, x, y  float32
	color       raster.Color
}

// displayList is a frame's paint, in Skyline paint order (spec §3.5), in
// device pixels: building it (box.go) is separate from executing
// it, so a later stage can keep lists per scroll unit and replay them.
type displayList struct {
	ops     []dlOp
	borders []raster.Border
	shadows []raster.Shadow
	homs    []raster.Homography
	glyphs  []glyphInst
	segs    []raster.Segment
	grads   []*raster.Gradient
	images  []raster.ImagePaint
	layers  []*image.RGBA
	runs    [][]int32   // per layer: raster.OpaqueRuns, or nil
	path    raster.Path // scratch for dlFillPath
}

// reset empties the list, keeping every buffer.
func (l *displayList) reset() {
	l.ops = l.ops[:0]
	l.borders = l.borders[:0]
	l.shadows = l.shadows[:0]
	l.homs = l.homs[:0]
	l.glyphs = l.glyphs[:0]
	l.segs = l.segs[:0]
	clear(l.grads) // drop references so replaced gradients can be collected
	l.grads = l.grads[:0]
	for i := range l.images {
		l.images[i].Img = nil
	}
	l.images = l.images[:0]
	clear(l.layers)
	l.layers = l.layers[:0]
	clear(l.runs)
	l.runs = l.runs[:0]
}

// paintOf turns an op's paint reference into a raster.Paint. Image paints
// point into the list's buffer, which does not move while it executes.
func (l *displayList) paintOf(op *dlOp) raster.Paint {
	switch op.paint {
	case paintGradient:
		return raster.Paint{Gradient: l.grads[op.paintAt]}
	case paintImage:
		return raster.Paint{Image: &l.images[op.paintAt]}
	}
	return raster.Solid(op.color)
}

// execute draws the list onto c. gc and o rasterise glyphs on a cache miss.
func (l *displayList) execute(c *raster.Canvas, gc *raster.GlyphCache, o raster.GlyphOutliner) {
	for i := range l.ops {
		op := &l.ops[i]
		switch op.kind {
		case dlFillRect:
			c.FillRect(op.rect, l.paintOf(op))
		case dlFillRRect:
			c.FillRRect(raster.RRect{Rect: op.rect, Radii: op.radii}, l.paintOf(op))
		case dlFillPath:
			l.path.Segs = l.segs[op.ref:op.end]
			c.FillPath(&l.path, raster.Identity, l.paintOf(op))
		case dlBorder:
			c.DrawBorder(l.borders[op.ref])
		case dlBoxShadow:
			c.DrawBoxShadow(raster.RRect{Rect: op.rect, Radii: op.radii}, l.shadows[op.ref])
		case dlGlyphs:
			for _, g := range l.glyphs[op.ref:op.end] {
				c.DrawGlyph(gc, o, g.font, g.glyph, g.size, g.x, g.y, g.color)
			}
		case dlPushClipRect:
			c.PushClipRect(op.rect)
		case dlPushClipRRect:
			c.PushClipRRect(raster.RRect{Rect: op.rect, Radii: op.radii})
		case dlPopClip:
			c.PopClip()
		case dlPushLayer:
			c.PushLayer(op.rect, op.opacity, op.filter)
		case dlPushProjected:
			c.PushProjectedLayer(op.rect, op.opacity, op.filter, l.homs[op.ref])
		case dlPopLayer:
			c.PopLayer()
		case dlImage:
			c.DrawImage(l.layers[op.ref], l.runs[op.ref], op.opacity)
		}
	}
}
