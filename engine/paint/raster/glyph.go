package raster

import (
	"image"
	"math"
)

// GlyphOutliner hands the rasterizer a glyph's outline on a cache miss:
// it appends the segments of glyph in font at sizePx (pixels per em),
// in px, y down, origin on the baseline pen position. layout/text adapts
// go-text outlines to it.
type GlyphOutliner interface {
	AppendGlyphOutline(dst []Segment, font, glyph uint32, sizePx float32) []Segment
}

// GlyphKey identifies one rasterised mask: the size is quantised to 1/64 px
// and the horizontal pen position to quarter pixels (subpixel positioning:
// four variants per glyph keep spacing even without blurring stems).
type GlyphKey struct {
	Font, Glyph uint32
	Size64      int32
	SubX        uint8 // 0..3, in 1/4 px
}

type glyphEntry struct {
	off       int // into GlyphCache.arena
	x, y      int // mask origin relative to the integer pen position
	w, h      int
	lastFrame uint32
}

// GlyphCache holds glyph coverage masks, bounded by a byte budget. When a
// new mask does not fit, the cache is cleared (clear-on-full: a frame of
// text re-fills it, and clearing keeps the map and arena storage, so the
// steady state allocates nothing). The zero value uses DefaultGlyphBudget.
type GlyphCache struct {
	Budget  int
	entries map[GlyphKey]glyphEntry
	arena   []uint8
	segs    []Segment
	path    Path
	// Misses counts rasterisations (for tests and tuning).
	Misses int
}

// DefaultGlyphBudget is 4 MiB of masks, some 20 000 glyphs at 16 px.
const DefaultGlyphBudget = 4 << 20

// glyphKey quantises a draw request; x is the pen's device x.
func glyphKey(font, glyph uint32, size, x float32) (GlyphKey, int) {
	fx := math.Floor(float64(x))
	sub := int(math.Floor((float64(x)-fx)*4 + 0.5))
	ix := int(fx)
	if sub == 4 {
		sub, ix = 0, ix+1
	}
	return GlyphKey{Font: font, Glyph: glyph, Size64: int32(math.Round(float64(size) * 64)), SubX: uint8(sub)}, ix
}

// lookup returns the glyph's mask, rasterising it through c's rasterizer on
// a miss.
func (gc *GlyphCache) lookup(c *Canvas, o GlyphOutliner, k GlyphKey) (glyphEntry, []uint8) {
	if gc.entries == nil {
		gc.entries = make(map[GlyphKey]glyphEntry)
	}
	if e, ok := gc.entries[k]; ok {
		return e, gc.arena[e.off : e.off+e.w*e.h]
	}
	gc.Misses++
	size := float32(k.Size64) / 64
	gc.segs = o.AppendGlyphOutline(gc.segs[:0], k.Font, k.Glyph, size)
	gc.path.Segs = gc.segs
	dx := float32(k.SubX) / 4
	m := Translate(dx, 0)
	b := gc.path.bounds(m).pixels()
	var e glyphEntry
	if !b.Empty() && b.Dx() <= 1024 && b.Dy() <= 1024 {
		mask, mb := c.rasterize(&gc.path, m, b)
		budget := gc.Budget
		if budget <= 0 {
			budget = DefaultGlyphBudget
		}
		n := mb.Dx() * mb.Dy()
		if len(gc.arena)+n > budget {
			gc.Clear()
		}
		e = glyphEntry{off: len(gc.arena), x: mb.Min.X, y: mb.Min.Y, w: mb.Dx(), h: mb.Dy()}
		gc.arena = append(gc.arena, mask...)
		c.pool.putBytes(mask)
	}
	gc.entries[k] = e
	return e, gc.arena[e.off : e.off+e.w*e.h]
}

// Clear drops every mask, keeping storage.
func (gc *GlyphCache) Clear() {
	clear(gc.entries)
	gc.arena = gc.arena[:0]
}

// Len is the number of cached glyphs.
func (gc *GlyphCache) Len() int { return len(gc.entries) }

// DrawGlyph draws glyph of font at sizePx with its pen at (x, y) (y on the
// baseline) in col. A cached glyph is a mask blit through the span
// kernels; a miss rasterises the outline from o first.
func (c *Canvas) DrawGlyph(gc *GlyphCache, o GlyphOutliner, font, glyph uint32, sizePx, x, y float32, col Color) {
	k, ix := glyphKey(font, glyph, sizePx, x)
	iy := int(math.Floor(float64(y) + 0.5))
	e, mask := gc.lookup(c, o, k)
	if e.w == 0 {
		return
	}
	b := image.Rect(ix+e.x, iy+e.y, ix+e.x+e.w, iy+e.y+e.h)
	cl := c.clip()
	if cl.mask != nil || c.reference || !b.In(cl.bounds) {
		c.blitMask(c.resolve(Solid(col)), mask, b)
		return
	}
	// The clip is a plain rectangle holding the whole glyph (nearly every
	// glyph of a page): each mask row goes straight to the mask kernel,
	// without blit's per-row clipping or blitMask's trimming (the kernel
	// skips zero coverage itself).
	p, d := col.premul(), c.dst
	if p.a() == 0 {
		return
	}
	i := d.PixOffset(b.Min.X, b.Min.Y)
	for y := 0; y < e.h; y++ {
		overSpanMask(d.Pix[i:i+4*e.w], p, mask[y*e.w:(y+1)*e.w])
		i += d.Stride
	}
}
