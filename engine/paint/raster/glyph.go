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
	off  int   // into GlyphCache.arena
	x, y int32 // mask origin relative to the integer pen position
	w, h int32
}

// glyphSlot is one slot of GlyphCache's open-addressing table.
type glyphSlot struct {
	k    GlyphKey
	used bool
	e    glyphEntry
}

// GlyphCache holds glyph coverage masks, bounded by a byte budget. When a
// new mask does not fit, the cache is cleared (clear-on-full: a frame of
// text re-fills it, and clearing keeps the map and arena storage, so the
// steady state allocates nothing). The zero value uses DefaultGlyphBudget.
type GlyphCache struct {
	Budget int
	// table holds the entries: open addressing with linear probing, a
	// power-of-two size at most half full. A cached glyph is one hash of
	// two multiplies and, nearly always, one slot compared: a Go map
	// hashed the 13-byte key with its generic hasher on every draw.
	table []glyphSlot
	n     int
	arena []uint8
	segs  []Segment
	path  Path
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

// hash spreads a key over the table (multiplicative hashing; the high
// bits are the best mixed).
func (k GlyphKey) hash() uint64 {
	h := (uint64(k.Font)<<32 | uint64(k.Glyph)) * 0x9E3779B97F4A7C15
	h ^= (uint64(uint32(k.Size64))<<8 | uint64(k.SubX)) * 0xC2B2AE3D27D4EB4F
	return h ^ h>>31
}

// find returns k's slot: the slot holding k, or the empty slot where k
// belongs. The table must not be full.
func (gc *GlyphCache) find(k GlyphKey) *glyphSlot {
	mask := uint64(len(gc.table) - 1)
	for i := k.hash() & mask; ; i = (i + 1) & mask {
		s := &gc.table[i]
		if !s.used || s.k == k {
			return s
		}
	}
}

// put records e for k (not in the table), growing the table past half full.
func (gc *GlyphCache) put(k GlyphKey, e glyphEntry) {
	if 2*(gc.n+1) > len(gc.table) {
		old := gc.table
		gc.table = make([]glyphSlot, max(64, 2*len(old)))
		for i := range old {
			if old[i].used {
				*gc.find(old[i].k) = old[i]
			}
		}
	}
	*gc.find(k) = glyphSlot{k: k, used: true, e: e}
	gc.n++
}

// lookup returns the glyph's mask, rasterising it through c's rasterizer on
// a miss.
func (gc *GlyphCache) lookup(c *Canvas, o GlyphOutliner, k GlyphKey) (glyphEntry, []uint8) {
	if len(gc.table) > 0 {
		if s := gc.find(k); s.used {
			return s.e, gc.arena[s.e.off : s.e.off+int(s.e.w*s.e.h)]
		}
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
		e = glyphEntry{off: len(gc.arena), x: int32(mb.Min.X), y: int32(mb.Min.Y), w: int32(mb.Dx()), h: int32(mb.Dy())}
		gc.arena = append(gc.arena, mask...)
		c.pool.putBytes(mask)
	}
	gc.put(k, e)
	return e, gc.arena[e.off : e.off+int(e.w*e.h)]
}

// Clear drops every mask, keeping storage.
func (gc *GlyphCache) Clear() {
	clear(gc.table)
	gc.n = 0
	gc.arena = gc.arena[:0]
}

// Len is the number of cached glyphs.
func (gc *GlyphCache) Len() int { return gc.n }

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
	ex, ey, ew, eh := int(e.x), int(e.y), int(e.w), int(e.h)
	b := image.Rect(ix+ex, iy+ey, ix+ex+ew, iy+ey+eh)
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
	if p.a() == 255 && lerpGlyph(d.Pix, i, d.Stride, mask, ew, eh, p) {
		// An opaque colour (nearly all text): the whole mask in one call
		// of the vector kernel, branch-free per pixel.
		return
	}
	for y := 0; y < eh; y++ {
		overSpanMask(d.Pix[i:i+4*ew], p, mask[y*ew:(y+1)*ew])
		i += d.Stride
	}
}
