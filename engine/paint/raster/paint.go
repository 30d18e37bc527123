package raster

// Paint says what colour each covered pixel gets: a solid Color, or a
// Gradient, or an ImagePaint (exactly one of the pointers set, or none for
// the solid colour). Paint is a small value; the pointed-to gradient or
// image is built once (display-list time) and reused every frame.
type Paint struct {
	Color    Color
	Gradient *Gradient
	Image    *ImagePaint
}

// Solid returns a solid-colour paint.
func Solid(c Color) Paint { return Paint{Color: c} }

// shader produces premultiplied pixels for a row (fast path) and the exact
// colour at a pixel centre (reference path).
type shader interface {
	// shadeRow writes len(dst)/4 pixels starting at device pixel (x0, y).
	shadeRow(dst []uint8, x0, y int)
	// colorAt is the premultiplied float colour at device point (x, y).
	colorAt(x, y float32) colorF
}

// paintState is a Paint resolved for drawing. It lives in the Canvas so that
// resolving allocates nothing.
type paintState struct {
	solid  premul
	shader shader
	img    imageShader
	layer  layerShader
}

func (c *Canvas) resolve(p Paint) *paintState {
	ps := &c.paint
	ps.shader = nil
	ps.solid = p.Color.premul()
	switch {
	case p.Gradient != nil:
		p.Gradient.prepare()
		ps.shader = p.Gradient
	case p.Image != nil && p.Image.Img != nil:
		if ps.img.set(p.Image) {
			ps.shader = &ps.img
		} else {
			ps.solid = 0 // singular transform: nothing visible
		}
	}
	return ps
}

// colorAt is the reference colour of the paint at the centre of pixel (x, y),
// quantised to 8-bit premultiplied like every shader output.
func (ps *paintState) colorAt(x, y int) premul {
	if ps.shader == nil {
		return ps.solid
	}
	return ps.shader.colorAt(float32(x)+0.5, float32(y)+0.5).quantize()
}
