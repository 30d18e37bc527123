package raster

import (
	"image"
	"slices"
)

// FillRect fills r with paint (spec §2.7 background-color). Pixel-aligned
// opaque rectangles become plain span fills; fractional edges get exact area
// coverage on their edge pixels only.
func (c *Canvas) FillRect(r Rect, p Paint) {
	rr := RRect{Rect: r}
	c.fillRing(c.resolve(p), &rr, nil)
}

// FillRRect fills a rounded rectangle with per-corner elliptical radii.
// Coverage is computed analytically on the corner and edge pixels; interior
// spans take the span kernels.
func (c *Canvas) FillRRect(rr RRect, p Paint) {
	rr = rr.normalized()
	c.fillRing(c.resolve(p), &rr, nil)
}

// fillRing fills outer minus inner (inner may be nil): the rounded
// rectangle fill and the single-colour solid border share it. Each row is
// cut at the breakpoints of both shapes' row spans; per interval the
// coverage is either constant (one kernel call) or evaluated per pixel.
func (c *Canvas) fillRing(p *paintState, outer, inner *RRect) {
	if c.reference {
		c.refFill(p, outer.Rect.pixels(), func(x, y int) float32 {
			v := rrectCoverage(outer, x, y)
			if inner != nil {
				v = max(0, v-rrectCoverage(inner, x, y)) // inner ⊂ outer: the ring's area is the difference
			}
			return v
		})
		return
	}
	b := outer.Rect.pixels().Intersect(c.clip().bounds)
	if b.Empty() {
		return
	}
	c.rowBufs(b.Dx())
	// A plain rectangle's rows strictly inside its vertical extent all cut
	// the same way, so they are cut once and run as one block.
	inLo, inHi := b.Max.Y, b.Max.Y
	if inner == nil && !outer.hasRadii() {
		inLo, inHi = max(ceilInt(outer.Rect.Y0), b.Min.Y), min(floorInt(outer.Rect.Y1), b.Max.Y)
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		n := 1
		if y == inLo && inLo < inHi {
			n = inHi - inLo
		}
		c.fillRingRows(p, outer, inner, y, n, b)
		y += n - 1
	}
}

// fillRingRows fills rows [y, y+n) of the ring, which all cut like row y.
func (c *Canvas) fillRingRows(p *paintState, outer, inner *RRect, y, n int, b image.Rectangle) {
	so := outer.rowSpan(y)
	var si rowSpan
	if inner != nil {
		si = inner.rowSpan(y)
	}
	lo, hi := max(so.i0, b.Min.X), min(so.i1, b.Max.X)
	if lo >= hi {
		return
	}
	pts := [8]int{so.i0, so.a, so.b, so.i1, si.i0, si.a, si.b, si.i1}
	for i := range pts {
		pts[i] = min(max(pts[i], lo), hi)
	}
	slices.Sort(pts[:])
	for i := 0; i+1 < len(pts); i++ {
		x0, x1 := pts[i], pts[i+1]
		if x0 == x1 {
			continue
		}
		ppo, co := so.kind(x0)
		ppi, ci := si.kind(x0)
		if !ppo && !ppi {
			if k := covByte(max(0, co-ci)); k != 0 {
				c.blitRows(p, y, y+n, x0, x1, k)
			}
			continue
		}
		cov := c.cov[:x1-x0]
		for x := x0; x < x1; x++ {
			v := rrectCoverage(outer, x, y)
			if inner != nil && v > 0 {
				v = max(0, v-rrectCoverage(inner, x, y)) // inner ⊂ outer: the ring's area is the difference
			}
			cov[x-x0] = covByte(v)
		}
		for yy := y; yy < y+n; yy++ {
			c.blit(p, yy, x0, x1, cov, 0)
		}
	}
}
