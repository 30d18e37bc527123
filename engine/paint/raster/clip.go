package raster

import "image"

// clipState is one entry of the clip stack. A clip is its integer pixel
// bounds plus, when its edges are anti-aliased (fractional or rounded), an
// 8-bit coverage mask over those bounds that already includes every
// enclosing clip (masks multiply as clips nest).
type clipState struct {
	bounds image.Rectangle
	mask   []uint8 // bounds.Dx()×bounds.Dy(), nil when the clip is exactly bounds
	full   []int32 // per mask row: [lo, hi) where the mask is 255
	// shape and isolated let the reference path recompute the clip per pixel.
	shape    RRect
	hasShape bool
	isolated bool // a layer starts a fresh chain (its content is clipped at composite time)
}

func (s *clipState) maskRow(y int) []uint8 {
	w := s.bounds.Dx()
	i := (y - s.bounds.Min.Y) * w
	return s.mask[i : i+w]
}

// PushClipRect intersects the clip with r (spec §2.7 overflow: hidden).
// Edges that are not on the pixel grid are anti-aliased.
func (c *Canvas) PushClipRect(r Rect) { c.PushClipRRect(RRect{Rect: r}) }

// PushClipRRect intersects the clip with a rounded rectangle with elliptical
// radii (overflow: hidden with border-radius, spec §4.4 image clipped by its
// border-radius). Every push needs a matching PopClip.
func (c *Canvas) PushClipRRect(rr RRect) {
	rr = rr.normalized()
	parent := c.clip()
	b := parent.bounds.Intersect(rr.Rect.pixels())
	st := clipState{bounds: b, shape: rr, hasShape: true}
	if b.Empty() || !rr.hasRadii() && rr.Rect.onPixelGrid() && parent.mask == nil {
		c.clips = append(c.clips, st)
		return
	}
	w := b.Dx()
	st.mask = c.pool.getBytes(w * b.Dy())
	st.full = c.pool.getInt32s(2 * b.Dy())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		s := rr.rowSpan(y)
		row := st.mask[(y-b.Min.Y)*w : (y-b.Min.Y+1)*w]
		for x := max(s.i0, b.Min.X); x < min(s.i1, b.Max.X); x++ {
			if pp, k := s.kind(x); pp {
				row[x-b.Min.X] = covByte(rrectCoverage(&rr, x, y))
			} else {
				row[x-b.Min.X] = covByte(k)
			}
		}
		lo, hi := s.a, s.b
		if s.cy < 1 {
			lo, hi = 0, 0
		}
		if parent.mask != nil {
			prow := parent.maskRow(y)[b.Min.X-parent.bounds.Min.X:]
			for i := range row {
				row[i] = mulCov(row[i], prow[i])
			}
			pr := y - parent.bounds.Min.Y
			lo, hi = max(lo, int(parent.full[2*pr])), min(hi, int(parent.full[2*pr+1]))
		}
		lo, hi = max(lo, b.Min.X), min(hi, b.Max.X)
		if lo >= hi {
			lo, hi = 0, 0
		}
		st.full[2*(y-b.Min.Y)], st.full[2*(y-b.Min.Y)+1] = int32(lo), int32(hi)
	}
	c.clips = append(c.clips, st)
}

// PopClip removes the innermost clip pushed with PushClipRect/RRect.
func (c *Canvas) PopClip() {
	if len(c.clips) <= 1 || c.clip().isolated {
		return // unbalanced: the root clip and a layer's own clip stay
	}
	c.popClipState()
}

func (c *Canvas) popClipState() {
	s := c.clips[len(c.clips)-1]
	c.pool.putBytes(s.mask)
	c.pool.putInt32s(s.full)
	c.clips = c.clips[:len(c.clips)-1]
}

// refClip is the reference clip coverage of pixel (x, y): the same
// quantised per-shape coverages multiplied down the chain, evaluated
// directly from the shapes.
func (c *Canvas) refClip(x, y int) uint8 {
	var m uint8 = 255
	start := 0
	for i := len(c.clips) - 1; i >= 0; i-- {
		if c.clips[i].isolated || i == 0 {
			start = i
			break
		}
	}
	for i := start; i < len(c.clips); i++ {
		s := &c.clips[i]
		if !(image.Point{x, y}).In(s.bounds) {
			return 0
		}
		if s.hasShape {
			m = mulCov(covByte(rrectCoverage(&s.shape, x, y)), m)
		}
	}
	return m
}
