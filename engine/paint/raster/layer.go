package raster

import "image"

// layerState is one entry of the layer stack.
type layerState struct {
	img       *image.RGBA
	prev      *image.RGBA
	clipDepth int
	opacity   uint8
	filter    Filter
	projected bool
	h         Homography
}

// maxLayerPixels bounds one layer buffer (64 MiB of RGBA); a larger
// request draws nothing rather than exhausting memory on bad input.
const maxLayerPixels = 16 << 20

// PushLayer starts an offscreen group over bounds (device px): drawing goes
// into a transparent buffer until PopLayer composites it with opacity (0..1,
// spec §2.7 opacity) after applying filter (spec §2.7 filter). The active
// clip applies once, at composite time, so anti-aliased clip edges are not
// applied twice. A blur grows the buffer by its reach.
func (c *Canvas) PushLayer(bounds Rect, opacity float32, filter Filter) {
	ext := blurExtent(filter.sigma())
	b := bounds.pixels().Inset(-ext).Intersect(c.clip().bounds.Inset(-ext))
	c.pushLayer(b, layerState{opacity: covByte(opacity), filter: filter})
}

// PushProjectedLayer starts an offscreen group drawn flat, in its own
// coordinate space over flat (no outer clip applies inside); PopLayer
// composites it through h, a projective matrix from flat space to device
// space — how paint draws an element under a 3D or 2D transform.
func (c *Canvas) PushProjectedLayer(flat Rect, opacity float32, filter Filter, h Homography) {
	ext := blurExtent(filter.sigma())
	c.pushLayer(flat.pixels().Inset(-ext), layerState{opacity: covByte(opacity), filter: filter, projected: true, h: h})
}

func (c *Canvas) pushLayer(b image.Rectangle, l layerState) {
	if b.Empty() || b.Dx()*b.Dy() > maxLayerPixels {
		b = image.Rectangle{}
	}
	l.img = c.pool.getImage(b)
	l.prev = c.dst
	l.clipDepth = len(c.clips)
	c.layers = append(c.layers, l)
	c.dst = l.img
	c.clips = append(c.clips, clipState{bounds: b, isolated: true})
}

// PopLayer ends the innermost layer: clips pushed inside it are dropped, its
// filter runs, and it is composited onto what lies below.
func (c *Canvas) PopLayer() {
	if len(c.layers) == 0 {
		return
	}
	l := c.layers[len(c.layers)-1]
	c.layers = c.layers[:len(c.layers)-1]
	for len(c.clips) > l.clipDepth {
		c.popClipState()
	}
	c.dst = l.prev
	b := l.img.Rect
	if !b.Empty() && l.opacity > 0 {
		if l.filter.Kind != NoFilter {
			c.applyFilter(l.img, l.filter)
		}
		if l.projected {
			c.compositeProjected(l.img, l.h, l.opacity)
		} else {
			c.compositeLayer(l.img, l.opacity)
		}
	}
	c.pool.putImage(l.img)
}

func (c *Canvas) compositeLayer(img *image.RGBA, opacity uint8) {
	ps := &c.paint
	ps.layer.img = img
	ps.shader = &ps.layer
	b := img.Rect
	if c.reference {
		c.refFillBytes(ps, b, func(x, y int) uint8 { return opacity })
		return
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		c.blit(ps, y, b.Min.X, b.Max.X, nil, opacity)
	}
}

// compositeProjected draws a flat layer through h. An affine h samples like
// an ImagePaint; a perspective h divides per pixel. Coverage is the
// projected quad, anti-aliased by the path rasterizer, unless a corner lies
// behind the viewer, in which case the shader's own extent decides.
func (c *Canvas) compositeProjected(img *image.RGBA, h Homography, opacity uint8) {
	inv, ok := h.Invert()
	if !ok {
		return
	}
	ps := &c.paint
	ps.solid = pack(0, 0, 0, 0)
	ps.img = imageShader{img: img, projective: true, hinv: inv}
	if h[6] == 0 && h[7] == 0 && h[8] != 0 {
		ps.img.projective = false
		ps.img.inv = Affine{inv[0], inv[3], inv[1], inv[4], inv[2], inv[5]}
		if inv[8] != 1 {
			for i := range ps.img.inv {
				ps.img.inv[i] /= inv[8]
			}
		}
	}
	ps.shader = &ps.img
	r := Rect{float32(img.Rect.Min.X), float32(img.Rect.Min.Y), float32(img.Rect.Max.X), float32(img.Rect.Max.Y)}
	c.path.Reset()
	quad := [4]Point{{r.X0, r.Y0}, {r.X1, r.Y0}, {r.X1, r.Y1}, {r.X0, r.Y1}}
	front := true
	for i, q := range quad {
		p, ok := h.Apply(q)
		front = front && ok
		quad[i] = p
	}
	if front {
		c.path.AddPolygon(quad[:]...)
		mask, b := c.rasterize(&c.path, Identity, c.clip().bounds)
		if mask == nil {
			return
		}
		if opacity < 255 {
			for i, v := range mask {
				mask[i] = mulCov(v, opacity)
			}
		}
		c.blitMask(ps, mask, b)
		c.pool.putBytes(mask)
		return
	}
	ps.img.transparentOutside = true
	b := h.bounds(r).pixels().Intersect(c.clip().bounds)
	if c.reference {
		c.refFillBytes(ps, b, func(x, y int) uint8 { return opacity })
		return
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		c.blit(ps, y, b.Min.X, b.Max.X, nil, opacity)
	}
}
