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
	draw := region.Inset(-ext).Intersect(c.clip().bounds)
	if draw.Empty() {
		return
	}
	mb := draw.Inset(-ext)
	w, h := mb.Dx(), mb.Dy()
	mask := c.pool.getFloats(w * h)
	for y := mb.Min.Y; y < mb.Max.Y; y++ {
		row := mask[(y-mb.Min.Y)*w : (y-mb.Min.Y+1)*w]
		sp := shape.rowSpan(y)
		for x := mb.Min.X; x < mb.Max.X; x++ {
			var v float32
			if pp, k := sp.kind(x); pp {
				v = rrectCoverage(&shape, x, y)
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
	// Final coverage: blurred shadow × (outside the box | inside the box).
	cov := func(x, y int) uint8 {
		m := uint8(roundByte(mask[(y-mb.Min.Y)*w+x-mb.Min.X]))
		b := covByte(rrectCoverage(&box, x, y))
		if !s.Inset {
			b = 255 - b
		}
		return mulCov(m, b)
	}
	ps := c.resolve(Solid(s.Color))
	if c.reference {
		c.refFillBytes(ps, draw, cov)
	} else {
		c.rowBufs(draw.Dx())
		for y := draw.Min.Y; y < draw.Max.Y; y++ {
			bs := box.rowSpan(y)
			row := c.cov[:draw.Dx()]
			for x := draw.Min.X; x < draw.Max.X; x++ {
				// Interior pixels of the box skip the coverage function.
				if pp, k := bs.kind(x); !pp && k == 1 {
					if s.Inset {
						row[x-draw.Min.X] = uint8(roundByte(mask[(y-mb.Min.Y)*w+x-mb.Min.X]))
					} else {
						row[x-draw.Min.X] = 0
					}
					continue
				}
				row[x-draw.Min.X] = cov(x, y)
			}
			c.blit(ps, y, draw.Min.X, draw.Max.X, row, 0)
		}
	}
	c.pool.putFloats(mask)
}
