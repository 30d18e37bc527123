package raster

import "image"

// Shadow is one box-shadow (spec §2.7 box-shadow: inset? <length>{2,4}
// <color>?). Blur is the CSS blur radius (σ = Blur/2, CSS Backgrounds 3
// §7.1.1); Spread grows (outer) or shrinks (inset) the shadow shape.
type Shadow struct {
	OffsetX, OffsetY float32
	Blur, Spread     float32
	Color            Color
	Inset            bool
}

// DrawBoxShadow paints s for a box. For an outer shadow box is the border
// box and nothing is drawn under it; for an inset shadow box is the padding
// box and the shadow stays inside it (CSS Backgrounds 3 §7.1.1).
func (c *Canvas) DrawBoxShadow(box RRect, s Shadow) {
	box = box.normalized()
	if s.Color.A == 0 || box.Rect.Empty() {
		return
	}
	sigma := max(s.Blur, 0) / 2
	ext := blurExtent(sigma)
	var shape RRect
	var region image.Rectangle
	if s.Inset {
		shape = box.Inset(s.Spread, s.Spread, s.Spread, s.Spread).normalized()
		shape.Rect = shape.Rect.Offset(s.OffsetX, s.OffsetY)
		region = box.Rect.pixels()
	} else {
		shape = box.Outset(s.Spread).normalized()
		shape.Rect = shape.Rect.Offset(s.OffsetX, s.OffsetY)
		region = shape.Rect.pixels()
	}
	// The mask must reach ext beyond what is drawn so the blur near the
	// drawn area sees the shape's real surroundings.
	full := region.Inset(-ext)
	draw := full.Intersect(c.clip().bounds)
	if draw.Empty() {
		return
	}
	ps := c.resolve(Solid(s.Color))
	if c.reference {
		cov := c.pool.getBytes(draw.Dx() * draw.Dy())
		c.shadowCoverage(cov, draw, &box, &shape, &s, sigma, ext)
		w := draw.Dx()
		c.refFillBytes(ps, draw, func(x, y int) uint8 { return cov[(y-draw.Min.Y)*w+x-draw.Min.X] })
		c.pool.putBytes(cov)
		return
	}
	// An unchanged repaint finds the coverage of the whole (unclipped)
	// shadow cached and only composites it: the blur is most of a frame's
	// raster time on pages with shadows (BenchmarkRender/showcase).
	if e, at := c.shadows.lookup(c, box, s, full, sigma, ext, &shape); e != nil {
		e.blit(c, ps, at)
		return
	}
	cov := c.pool.getBytes(draw.Dx() * draw.Dy())
	c.shadowCoverage(cov, draw, &box, &shape, &s, sigma, ext)
	c.blitMask(ps, cov, draw)
	c.pool.putBytes(cov)
}

// shadowCoverage writes into cov (draw.Dx()×draw.Dy()) the shadow's final
// coverage: the blurred shape × (outside the box | inside the box). The
// reference canvas blurs by direct convolution and evaluates every pixel.
func (c *Canvas) shadowCoverage(cov []uint8, draw image.Rectangle, box, shape *RRect, s *Shadow, sigma float32, ext int) {
	mb := draw.Inset(-ext)
	w, h := mb.Dx(), mb.Dy()
	mask := c.pool.getFloats(w * h)
	for y := mb.Min.Y; y < mb.Max.Y; y++ {
		row := mask[(y-mb.Min.Y)*w : (y-mb.Min.Y+1)*w]
		sp := shape.rowSpan(y)
		for x := mb.Min.X; x < mb.Max.X; x++ {
			var v float32
			if pp, k := sp.kind(x); pp {
				v = rrectCoverage(shape, x, y)
			} else {
				v = k
			}
			if s.Inset {
				v = 1 - v // the shadow is cast by everything outside the hole
			}
			row[x-mb.Min.X] = v * 255
		}
	}
	if sigma > 0 {
		if c.reference {
			refBlurPlanes(mask, w, h, 1, sigma)
		} else {
			tmp := c.pool.getFloats(blurTmpLen(w, h, sigma))
			blurPlanes(mask, w, h, 1, sigma, tmp)
			c.pool.putFloats(tmp)
		}
	}
	m := func(x, y int) uint8 { return uint8(roundByte(mask[(y-mb.Min.Y)*w+x-mb.Min.X])) }
	dw := draw.Dx()
	for y := draw.Min.Y; y < draw.Max.Y; y++ {
		bs := box.rowSpan(y)
		row := cov[(y-draw.Min.Y)*dw : (y-draw.Min.Y+1)*dw]
		for x := draw.Min.X; x < draw.Max.X; x++ {
			// Interior pixels of the box skip the coverage function.
			if pp, k := bs.kind(x); !pp && k == 1 && !c.reference {
				if s.Inset {
					row[x-draw.Min.X] = m(x, y)
				} else {
					row[x-draw.Min.X] = 0
				}
				continue
			}
			b := covByte(rrectCoverage(box, x, y))
			if !s.Inset {
				b = 255 - b
			}
			row[x-draw.Min.X] = mulCov(m(x, y), b)
		}
	}
	c.pool.putFloats(mask)
}
