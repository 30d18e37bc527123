package engine

import (
	"image"
	"math"

	"github.com/skyline-go/skyline/engine/raster"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/style"
)

// painter is the paint stage's per-pipeline state: the display list and
// the buffers that build and execute it. Everything is reused from frame
// to frame, so a steady-state frame allocates nothing (paint_bench_test.go
// checks it).
type painter struct {
	list    displayList
	canvas  *raster.Canvas
	glyphs  raster.GlyphCache
	outline glyphOutliner
	grads   gradientCache

	// Builder state (paint_build.go).
	t     *layoutTree
	page  *Page
	dpr   float32
	ink   []raster.Rect   // ink-bounds stack, one entry per open group
	order []layout.NodeID // z-order scratch, used as a stack
	// paint_inline.go scratch.
	inlineEls []*Node
	frags     []inlineFrag
	sliced    style.Computed
}

// pageBackground is the canvas colour under the page (spec §8.8: white,
// also in dark mode; the page element's own background paints over it).
var pageBackground = raster.Color{R: 255, G: 255, B: 255, A: 255}

// Render paints the current frame into dst at the viewport's device pixel
// ratio, running Update first. dst's bounds are device pixels of the page:
// the point (0, 0) is the page's top-left, so an image of the window's
// size × DPR shows the window, and a taller one shows the content that
// overflows below it (render's -full; fixed boxes keep their place in the
// window, spec §8.1). The display list is rebuilt every frame into reused
// buffers and then executed.
func (p *Page) Render(dst *image.RGBA) {
	p.Update()
	pt := p.painter()
	pt.build(p)
	if pt.canvas == nil {
		pt.canvas = raster.NewCanvas(dst)
	} else {
		pt.canvas.Reset(dst)
	}
	pt.canvas.Clear(pageBackground)
	pt.list.execute(pt.canvas, &pt.glyphs, &pt.outline)
}

// ContentSize returns the extent of the laid-out page in CSS px: the
// window, grown to the right and bottom edges of every box (before
// transforms, like the layout dump). render -full renders the window width
// by this height.
func (p *Page) ContentSize() (w, h float32) {
	p.Update()
	vp := p.pipe.vp
	w, h = vp.Width, vp.Height
	t := &p.pipe.lt
	for i := 1; i < len(t.boxes); i++ {
		b := &t.boxes[i]
		if b.none {
			continue
		}
		w = max(w, b.absX+b.lay.Size.Width)
		h = max(h, b.absY+b.lay.Size.Height)
	}
	return w, h
}

// RenderSize returns the device-pixel size of a render: the window, or with
// full the window width by the content height (render-cli.md -full).
func (p *Page) RenderSize(full bool) (w, h int) {
	vp := p.Viewport()
	cw, ch := vp.Width, vp.Height
	if full {
		// Whole CSS px, as the reference renderer sizes its capture.
		_, ch = p.ContentSize()
		ch = float32(math.Ceil(float64(ch)))
	}
	return int(math.Ceil(float64(cw * vp.DPR))), int(math.Ceil(float64(ch * vp.DPR)))
}

// painter returns the pipeline's painter, set up for its fonts and DPR.
func (p *Page) painter() *painter {
	pl := p.pipe
	pt := &pl.lt.paint
	pt.outline.faces = pl.fonts.Faces()
	if pt.outline.dpr != pl.vp.DPR {
		// The bold outset depends on the DPR, so masks do too.
		pt.glyphs.Clear()
		pt.outline.dpr = pl.vp.DPR
	}
	return pt
}
