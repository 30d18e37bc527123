package paint

import (
	"image"
	"math"

	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/layout"
)

// Per-unit layers (spec §6: each on-demand unit is painted once and
// scrolled as a whole). A unit placed in the viewport is rastered once, at
// device scale, into a buffer of its own; a scroll frame then only
// composites those buffers moved by whole device pixels (plus the units
// that enter), so its cost does not grow with the list's length nor with
// the complexity of the units. The host drops a layer (Release) when
// anything inside its unit is laid out again (setData, restyle), when the
// unit leaves the cache extent, or when the box tree is rebuilt; its
// buffer goes to a shared pool for the next unit.
//
// Whole-pixel moves need whole-pixel scroll steps: the host snaps the
// offset it lays out at to the device pixel grid (as platforms do), and a
// unit whose device position nevertheless moved by a fraction (a scroll
// offset correction, a cross-axis change) is rastered again.

// maxUnitLayerScreens bounds a layer at this many viewports' worth of
// pixels: a bigger unit (a list mode scroll-view's single child holding the
// whole content, spec §6.2) is painted directly every frame instead.
const maxUnitLayerScreens = 2

// maxPooledLayers bounds the idle buffers kept for reuse (about the units
// of one screen plus its cache extent); more are released.
const maxPooledLayers = 48

// LayerCache holds the cached layers of one scroll-view's units. Pool is
// where their buffers come from and go back to; without one, units are
// painted directly.
type LayerCache struct {
	m    map[layout.NodeID]*unitLayer
	Pool *LayerPool
}

// unitLayer is one unit's raster.
type unitLayer struct {
	img  image.RGBA      // the buffer; img.Rect is moved when composited
	rect image.Rectangle // img's device rectangle when it was rastered
	runs []int32         // raster.OpaqueRuns of img: copied, not blended
	// ox, oy: the unit's border-box origin (device px) when rastered;
	// w, h its size (CSS px), so a resized unit is never reused.
	ox, oy, w, h float32
	// direct: the unit is too large for a layer; it is painted directly.
	direct bool
}

// LayerPool recycles layer buffers across the scroll-views of a page.
type LayerPool struct {
	free []*unitLayer
	// The unit's display list is built and executed apart from the frame's.
	list   displayList
	canvas *raster.Canvas
	// Rasters counts layers rastered (tests: a scroll frame rasters only
	// the units that enter).
	Rasters int
	// busy: a layer is being rastered. The units of a scroll-view inside
	// it (a nested-mode body's inner list, spec §4.8) are painted into
	// that layer directly: list is shared, and the enclosing layer is
	// dropped whenever the inner one scrolls anyway.
	busy bool
}

// Release drops unit id's layer.
func (c *LayerCache) Release(id layout.NodeID) {
	if l := c.m[id]; l != nil {
		delete(c.m, id)
		c.Pool.put(l)
	}
}

// ReleaseAll drops every layer.
func (c *LayerCache) ReleaseAll() {
	for id, l := range c.m {
		delete(c.m, id)
		c.Pool.put(l)
	}
}

func (p *LayerPool) put(l *unitLayer) {
	if p != nil && len(p.free) < maxPooledLayers && !l.direct {
		p.free = append(p.free, l)
	}
}

// take returns a layer whose buffer holds r, reusing a pooled one (first
// fit) when it can; the pixels are cleared.
func (p *LayerPool) take(r image.Rectangle) *unitLayer {
	need := 4 * r.Dx() * r.Dy()
	var l *unitLayer
	for i, f := range p.free {
		if cap(f.img.Pix) >= need {
			l = f
			last := len(p.free) - 1
			p.free[i] = p.free[last]
			p.free[last] = nil
			p.free = p.free[:last]
			break
		}
	}
	if l == nil {
		// A little slack so that units of similar sizes share buffers.
		l = &unitLayer{}
		l.img.Pix = make([]uint8, need, need+need/4)
	}
	l.img.Pix = l.img.Pix[:need]
	clear(l.img.Pix)
	l.img.Stride, l.img.Rect, l.rect = 4*r.Dx(), r, r
	l.direct = false
	return l
}

// PaintUnit paints scroll unit id, from its layer in c when it can, else
// straight into the list.
func (pt *Painter) PaintUnit(c *LayerCache, id layout.NodeID) {
	if c != nil && c.compose(pt, id) {
		return
	}
	pt.PaintBox(id)
}

// compose paints unit id from its layer, rastering the layer first when
// there is none or it cannot be moved by whole pixels to where the unit is
// now. It reports false when the unit must be painted directly.
func (c *LayerCache) compose(pt *Painter, id layout.NodeID) bool {
	if c.Pool != nil && c.Pool.busy {
		return false
	}
	b := pt.t.Box(id)
	d := pt.dpr
	ox, oy := b.X*d, b.Y*d
	l := c.m[id]
	if l != nil && l.w == b.Layout.Size.Width && l.h == b.Layout.Size.Height {
		if l.direct {
			return false
		}
		dx, dy := float64(ox-l.ox), float64(oy-l.oy)
		ix, iy := math.Round(dx), math.Round(dy)
		if math.Abs(dx-ix) < 1e-2 && math.Abs(dy-iy) < 1e-2 {
			pt.drawLayer(l, int(ix), int(iy))
			return true
		}
	}
	if l != nil {
		c.Release(id)
	}
	if c.Pool == nil {
		return false
	}
	if c.m == nil {
		c.m = map[layout.NodeID]*unitLayer{}
	}
	l = c.raster(pt, id)
	l.ox, l.oy, l.w, l.h = ox, oy, b.Layout.Size.Width, b.Layout.Size.Height
	c.m[id] = l
	if l.direct {
		return false
	}
	pt.drawLayer(l, 0, 0)
	return true
}

// raster builds unit id's display list apart, sizes a buffer to its ink
// and executes the list into it.
func (c *LayerCache) raster(pt *Painter, id layout.NodeID) *unitLayer {
	p := c.Pool
	frame := pt.list
	pt.list = p.list
	pt.list.reset()
	pt.beginInk()
	p.busy = true
	pt.PaintBox(id)
	p.busy = false
	ink := pt.endInk()
	p.list, pt.list = pt.list, frame
	r := pixelsOut(ink)
	vp := pt.vp
	if limit := maxUnitLayerScreens * float64(vp.Width*pt.dpr) * float64(vp.Height*pt.dpr); float64(r.Dx())*float64(r.Dy()) > limit {
		return &unitLayer{direct: true}
	}
	l := p.take(r)
	p.Rasters++
	if r.Empty() {
		l.runs = l.runs[:0]
		return l
	}
	if p.canvas == nil {
		p.canvas = raster.NewCanvas(&l.img)
	} else {
		p.canvas.Reset(&l.img)
	}
	p.list.execute(p.canvas, &pt.glyphs, &pt.outline)
	l.runs = raster.OpaqueRuns(&l.img, l.runs)
	return l
}

// drawLayer appends l, moved by (dx, dy) device px, to the frame's list.
func (pt *Painter) drawLayer(l *unitLayer, dx, dy int) {
	l.img.Rect = l.rect.Add(image.Pt(dx, dy))
	if l.img.Rect.Empty() {
		return
	}
	pt.list.layers = append(pt.list.layers, &l.img)
	pt.list.runs = append(pt.list.runs, l.runs)
	r := raster.Rect{X0: float32(l.img.Rect.Min.X), Y0: float32(l.img.Rect.Min.Y), X1: float32(l.img.Rect.Max.X), Y1: float32(l.img.Rect.Max.Y)}
	pt.op(dlOp{kind: dlImage, ref: int32(len(pt.list.layers) - 1), rect: r, opacity: 1})
	pt.addInk(r)
}

// pixelsOut is the device-pixel rectangle covering r.
func pixelsOut(r raster.Rect) image.Rectangle {
	if r.Empty() {
		return image.Rectangle{}
	}
	return image.Rect(int(math.Floor(float64(r.X0))), int(math.Floor(float64(r.Y0))),
		int(math.Ceil(float64(r.X1))), int(math.Ceil(float64(r.Y1))))
}
