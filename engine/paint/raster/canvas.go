package raster

import (
	"image"

	"golang.org/x/image/vector"
)

// Canvas draws into a premultiplied RGBA image. The zero value is not usable;
// call NewCanvas. A Canvas is reused across frames: Reset points it at a new
// (or the same) image and keeps every pooled buffer, so a steady-state frame
// allocates nothing.
type Canvas struct {
	base   *image.RGBA
	dst    *image.RGBA // base or the top layer's buffer
	clips  []clipState // clips[len-1] is the active clip; never empty
	layers []layerState
	pool   pool

	raster vector.Rasterizer
	path   Path    // scratch path for shapes drawn through the rasterizer
	cov    []uint8 // one row of coverage
	cov2   []uint8 // a second row (clip × coverage)
	shade  []uint8 // one row of shaded premultiplied pixels
	paint  paintState
	alpha  image.Alpha // mask view handed to the rasterizer

	shadows shadowCache // box-shadow coverage kept across frames

	// reference routes every drawing operation through the generic
	// per-pixel float path (reference.go); tests compare both.
	reference bool
}

// NewCanvas returns a Canvas drawing into dst, whose pixels are taken as
// premultiplied (image.RGBA's own convention).
func NewCanvas(dst *image.RGBA) *Canvas {
	c := &Canvas{}
	c.Reset(dst)
	return c
}

// Reset points the canvas at dst with no clip and no layer. Unbalanced
// pushes from the previous frame are dropped and their buffers pooled.
func (c *Canvas) Reset(dst *image.RGBA) {
	for len(c.layers) > 0 {
		l := c.layers[len(c.layers)-1]
		c.layers = c.layers[:len(c.layers)-1]
		c.pool.putImage(l.img)
	}
	for len(c.clips) > 0 {
		c.popClipState()
	}
	c.base, c.dst = dst, dst
	c.clips = append(c.clips, clipState{bounds: dst.Rect})
}

// Image returns the image the canvas draws into.
func (c *Canvas) Image() *image.RGBA { return c.base }

// Clear sets every pixel inside the active clip bounds of the current target
// to col, ignoring anti-aliased clip edges (it is meant for frame starts).
func (c *Canvas) Clear(col Color) {
	b := c.clip().bounds.Intersect(c.dst.Rect)
	p := col.premul()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		i := c.dst.PixOffset(b.Min.X, y)
		fillSpan(c.dst.Pix[i:i+4*b.Dx()], p)
	}
}

func (c *Canvas) clip() *clipState { return &c.clips[len(c.clips)-1] }

// rowBufs makes the scratch rows at least n pixels long.
func (c *Canvas) rowBufs(n int) {
	if len(c.cov) < n {
		c.cov = make([]uint8, n)
		c.cov2 = make([]uint8, n)
		c.shade = make([]uint8, 4*n)
	}
}

// blit is the single entry into the span kernels: it composites paint over
// pixels [x0, x1) of row y of the current target, with coverage cov[0:x1-x0]
// or, when cov is nil, constant coverage k. It applies the active clip
// first; clipped rows whose mask is fully opaque over the span skip the mask.
func (c *Canvas) blit(p *paintState, y, x0, x1 int, cov []uint8, k uint8) {
	cl := c.clip()
	if y < cl.bounds.Min.Y || y >= cl.bounds.Max.Y || k == 0 && cov == nil {
		return
	}
	if x0 < cl.bounds.Min.X {
		if cov != nil {
			cov = cov[min(cl.bounds.Min.X-x0, len(cov)):]
		}
		x0 = cl.bounds.Min.X
	}
	x1 = min(x1, cl.bounds.Max.X)
	if x0 >= x1 {
		return
	}
	if cl.mask == nil {
		c.blitUnclipped(p, y, x0, x1, cov, k)
		return
	}
	// Split the span around the row's fully-covered run [lo, hi) so the
	// interior of a rounded clip keeps the unmasked fast paths.
	row := y - cl.bounds.Min.Y
	lo, hi := int(cl.full[2*row]), int(cl.full[2*row+1])
	if lo < hi && lo < x1 && hi > x0 {
		if x0 < lo {
			c.blitMasked(cl, p, y, x0, lo, cov, k)
		}
		a, b := max(x0, lo), min(x1, hi)
		var sub []uint8
		if cov != nil {
			sub = cov[a-x0 : b-x0]
		}
		c.blitUnclipped(p, y, a, b, sub, k)
		if hi < x1 {
			var rest []uint8
			if cov != nil {
				rest = cov[hi-x0:]
			}
			c.blitMasked(cl, p, y, hi, x1, rest, k)
		}
		return
	}
	c.blitMasked(cl, p, y, x0, x1, cov, k)
}

// blitRows composites paint with constant coverage k over columns [x0, x1)
// of rows [y0, y1). When a solid paint covers whole rows of a contiguous
// image under a plain rectangular clip, the rows are one span in memory and
// take a single kernel call (a full-width background: no per-row overhead).
func (c *Canvas) blitRows(p *paintState, y0, y1, x0, x1 int, k uint8) {
	cl, d := c.clip(), c.dst
	if p.shader == nil && cl.mask == nil &&
		x0 <= d.Rect.Min.X && x1 >= d.Rect.Max.X && d.Stride == 4*d.Rect.Dx() &&
		cl.bounds.Min.X <= d.Rect.Min.X && cl.bounds.Max.X >= d.Rect.Max.X {
		y0, y1 = max(y0, cl.bounds.Min.Y, d.Rect.Min.Y), min(y1, cl.bounds.Max.Y, d.Rect.Max.Y)
		if y0 < y1 {
			c.spanSolid(d.Pix[d.PixOffset(d.Rect.Min.X, y0):d.PixOffset(d.Rect.Min.X, y1)], p.solid, k)
		}
		return
	}
	for y := y0; y < y1; y++ {
		c.blit(p, y, x0, x1, nil, k)
	}
}

// spanSolid runs the solid-colour kernel for constant coverage k.
func (c *Canvas) spanSolid(row []uint8, p premul, k uint8) {
	switch {
	case p.a() == 0 || k == 0:
	case k == 255 && p.a() == 255:
		fillSpan(row, p)
	case k == 255:
		overSpan(row, p)
	default:
		overSpanConst(row, p, uint32(k))
	}
}

func (c *Canvas) blitMasked(cl *clipState, p *paintState, y, x0, x1 int, cov []uint8, k uint8) {
	m := cl.maskRow(y)[x0-cl.bounds.Min.X : x1-cl.bounds.Min.X]
	c.rowBufs(x1 - x0)
	out := c.cov2[:x1-x0]
	if cov == nil {
		for i, v := range m {
			out[i] = mulCov(v, k)
		}
	} else {
		for i, v := range m {
			out[i] = mulCov(v, cov[i])
		}
	}
	c.blitUnclipped(p, y, x0, x1, out, 255)
}

// blitUnclipped picks the kernel by paint kind and coverage form, the way
// image/draw's DrawMask picks drawFillOver, drawGlyphOver and friends.
func (c *Canvas) blitUnclipped(p *paintState, y, x0, x1 int, cov []uint8, k uint8) {
	d := c.dst
	i := d.PixOffset(x0, y)
	row := d.Pix[i : i+4*(x1-x0)]
	if p.shader == nil {
		if cov != nil {
			overSpanMask(row, p.solid, cov)
		} else {
			c.spanSolid(row, p.solid, k)
		}
		return
	}
	c.rowBufs(x1 - x0)
	src := c.shade[:4*(x1-x0)]
	p.shader.shadeRow(src, x0, y)
	overSpanShaded(row, src, cov, uint32(k))
}
