package engine

import (
	"image"
	"math"

	"github.com/skyline-go/skyline/engine/paint"
	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/layout/text"
	"github.com/skyline-go/skyline/style"
	"github.com/skyline-go/skyline/widgets"
)

// Render paints the current frame into dst at the viewport's device pixel
// ratio, running Update first. dst's bounds are device pixels of the page:
// the point (0, 0) is the page's top-left, so an image of the window's
// size × DPR shows the window, and a taller one shows the content that
// overflows below it (render's -full; fixed boxes keep their place in the
// window, spec §8.1). The display list is rebuilt every frame into reused
// buffers and then executed.
func (p *Page) Render(dst *image.RGBA) {
	p.Update()
	p.buildDisplayList().Execute(dst)
}

// SetTransparent makes the frames start transparent rather than on the
// page's white canvas: a host's overlay drawn over another page.
func (p *Page) SetTransparent(on bool) { p.transparent = on }

// buildDisplayList hands the laid-out box tree to the paint stage, which
// records the frame's display list.
func (p *Page) buildDisplayList() *paint.Painter {
	pl := p.pipe
	h := &pl.lt.paint
	h.t = &pl.lt
	h.pt.SetFonts(pl.fonts.Faces(), pl.vp.DPR)
	h.pt.Transparent = p.transparent
	h.pt.Build(h, rootBox, layout.Size{Width: pl.vp.Width, Height: pl.vp.Height}, pl.vp.DPR)
	return &h.pt
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

// paintHost is the layout tree as the paint stage sees it (paint.Tree),
// with that stage's state: what a box is to paint, and the answers only
// the node tree has — pictures, the elements behind a text root's runs,
// a scroll-view's on-demand content (scroll_paint.go).
type paintHost struct {
	t  *layoutTree
	pt paint.Painter
	// inline holds the elements of the last InlineBoxes answer, in its
	// order (BackgroundImage names them by index).
	inline []*Node
}

func (h *paintHost) Box(id layout.NodeID) paint.Box {
	if int(id) >= len(h.t.boxes) {
		return paint.Box{}
	}
	b := &h.t.boxes[id]
	if b.none {
		return paint.Box{}
	}
	pb := paint.Box{Style: b.style, Layout: &b.lay, X: b.absX, Y: b.absY, Children: b.children, Para: b.para}
	switch b.kind {
	case boxTextRoot:
		pb.Kind = paint.TextRoot
	case boxAnonText, boxPseudo:
		pb.Kind = paint.Text
	case boxImage:
		pb.Kind = paint.Image
	default:
		if isScrollView(b) {
			pb.Kind = paint.Scroller
		} else if isSwiper(b) || controlPaints(b.node) {
			pb.Kind = paint.Control // controls.go
		}
	}
	// Direct children of a scroll-view ignore z-index (spec §2.7).
	pb.FlatZ = b.node != nil && b.node.Tag == "scroll-view"
	return pb
}

func (h *paintHost) TextOverflow(id layout.NodeID) text.Overflow {
	_, overflow := textAttrs(h.t.boxes[id].node)
	return overflow
}

func (h *paintHost) Picture(id layout.NodeID) *image.RGBA {
	return h.t.imageOf(h.t.boxes[id].node)
}

func (h *paintHost) Fit(id layout.NodeID) paint.Fit {
	f := h.t.page.imageModeOf(h.t.boxes[id].node)
	switch f.Mode {
	case widgets.AspectFit:
		return paint.Fit{Kind: paint.FitContain}
	case widgets.AspectFill:
		return paint.Fit{Kind: paint.FitCover}
	case widgets.Crop:
		return paint.Fit{Kind: paint.FitNone, X: f.X, Y: f.Y}
	}
	return paint.Fit{Kind: paint.FitFill}
}

func (h *paintHost) BackgroundImage(id layout.NodeID, inline int, url string) *image.RGBA {
	n := h.t.boxes[id].node
	if inline >= 0 && inline < len(h.inline) {
		n = h.inline[inline]
	}
	if e := h.t.images.load(h.t.page, url, n); e != nil {
		return e.img
	}
	return nil
}

// InlineBoxes collects the elements between text root id and its runs
// that paint a box, outer ones first; each one's items are the stretch of
// the paragraph its content made (paragraphOf walks in document order).
func (h *paintHost) InlineBoxes(id layout.NodeID, dst []paint.InlineBox) []paint.InlineBox {
	b := &h.t.boxes[id]
	els := h.inline[:0]
	for _, n := range b.inline {
		for e := n; e != nil && e != b.node; e = e.Parent() {
			if e.Kind != ElementNode || e.Style == nil || !paint.HasBoxDecorations(e.Style) {
				continue
			}
			seen := false
			for _, x := range els {
				seen = seen || x == e
			}
			if !seen {
				els = append(els, e)
			}
		}
	}
	// Outer elements paint under inner ones.
	for i := 1; i < len(els); i++ {
		for j := i; j > 0 && nodeDepth(els[j]) < nodeDepth(els[j-1]); j-- {
			els[j], els[j-1] = els[j-1], els[j]
		}
	}
	h.inline = els
	for _, e := range els {
		ib := paint.InlineBox{Style: e.Style}
		found := false
		for i, n := range b.inline {
			for m := n; m != nil && m != b.node; m = m.Parent() {
				if m == e {
					if !found {
						ib.First, found = uint32(i), true
					}
					ib.End = uint32(i + 1)
					break
				}
			}
		}
		dst = append(dst, ib)
	}
	return dst
}

func nodeDepth(n *Node) int {
	d := 0
	for ; n != nil; n = n.Parent() {
		d++
	}
	return d
}

func (h *paintHost) PaintScroller(pt *paint.Painter, id layout.NodeID, padding raster.Rect) {
	h.t.paintScrollView(pt, id, padding)
}

// RunStyle is the computed style a glyph run is drawn in: the element
// holding its text node (runs carry the node index as Data), the text root
// for the ellipsis, the box's own style for anonymous and pseudo text.
// Inside a text root, a glyph run whose node is an element is that
// element's ::before or ::after content (layouttree.go paragraphOf); the
// ::before run has the smaller Data.
func (h *paintHost) RunStyle(id layout.NodeID, tl *text.Layout, r *text.GlyphRun) *style.Computed {
	b := &h.t.boxes[id]
	if b.kind != boxTextRoot || r.Item < 0 || int(r.Data) >= len(b.inline) {
		return b.style
	}
	n := b.inline[r.Data]
	if n.Kind == TextNode {
		if n.Parent() != nil && n.Parent().Style != nil {
			return n.Parent().Style
		}
		return b.style
	}
	if rtOf(n) != nil {
		before, after := rtOf(n).before, rtOf(n).after
		hasB, hasA := before != nil && before.Content != "", after != nil && after.Content != ""
		switch {
		case hasB && hasA:
			first := r.Data
			for i := range tl.Runs {
				if o := &tl.Runs[i]; o.Item >= 0 && int(o.Data) < len(b.inline) && b.inline[o.Data] == n {
					first = min(first, o.Data)
				}
			}
			if r.Data == first {
				return before
			}
			return after
		case hasB:
			return before
		case hasA:
			return after
		}
	}
	if n.Style != nil {
		return n.Style
	}
	return b.style
}

// RunDecoration finds the text decoration that applies to a run: text
// decorations propagate from the element that declares them to the text
// inside it (CSS Text Decoration 3 §2), so the nearest declaring ancestor
// within the text root wins.
func (h *paintHost) RunDecoration(id layout.NodeID, r *text.GlyphRun) *style.TextDecoration {
	b := &h.t.boxes[id]
	if b.kind != boxTextRoot || r.Item < 0 || int(r.Data) >= len(b.inline) {
		if b.style.TextDecoration.Line != style.DecorationNone {
			return &b.style.TextDecoration
		}
		return nil
	}
	for n := b.inline[r.Data]; n != nil; n = n.Parent() {
		if n.Kind == ElementNode && n.Style != nil && n.Style.TextDecoration.Line != style.DecorationNone {
			return &n.Style.TextDecoration
		}
		if n == b.node {
			break
		}
	}
	return nil
}
