package paint

import (
	"math"

	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/style"
)

// Build walks t from root into the display list in Skyline's paint order
// (spec §3.5): a box paints its shadows, background, border and content,
// then its children sorted by z-index and then document order. There are
// no stacking contexts: a child's z-index only orders it among its
// siblings. vp is the window in CSS px (it bounds the scroll units' layers)
// and dpr the device pixel ratio: the list is in device px.
func (pt *Painter) Build(t Tree, root layout.NodeID, vp layout.Size, dpr float32) {
	pt.t, pt.vp, pt.dpr = t, vp, dpr
	pt.list.reset()
	pt.grads.begin()
	pt.ink = append(pt.ink[:0], raster.Rect{})
	pt.order = pt.order[:0]
	pt.PaintBox(root)
	pt.t = nil // the host's tree is not kept past the frame
}

func (pt *Painter) op(o dlOp) int {
	pt.list.ops = append(pt.list.ops, o)
	return len(pt.list.ops) - 1
}

// Ink bounds: every group (clip, layer, projected layer) needs the device
// bounds of what it draws, so the layer buffers are no larger than the
// content. Groups nest as a stack; a draw op grows the top entry.

func (pt *Painter) beginInk() { pt.ink = append(pt.ink, raster.Rect{}) }

func (pt *Painter) endInk() raster.Rect {
	r := pt.ink[len(pt.ink)-1]
	pt.ink = pt.ink[:len(pt.ink)-1]
	return r
}

func (pt *Painter) addInk(r raster.Rect) {
	if r.Empty() {
		return
	}
	top := &pt.ink[len(pt.ink)-1]
	if top.Empty() {
		*top = r
		return
	}
	top.X0, top.Y0 = min(top.X0, r.X0), min(top.Y0, r.Y0)
	top.X1, top.Y1 = max(top.X1, r.X1), max(top.Y1, r.Y1)
}

// ClipRect opens a clip to r (device px): what is drawn until EndClip
// shows only inside it.
func (pt *Painter) ClipRect(r raster.Rect) {
	pt.op(dlOp{kind: dlPushClipRect, rect: r})
	pt.beginInk()
}

// EndClip closes the clip that ClipRect(r) opened.
func (pt *Painter) EndClip(r raster.Rect) {
	pt.op(dlOp{kind: dlPopClip})
	pt.addInk(pt.endInk().Intersect(r))
}

// devRect converts a CSS px rectangle in page coordinates to device px.
func (pt *Painter) devRect(x, y, w, h float32) raster.Rect {
	d := pt.dpr
	return raster.XYWH(x*d, y*d, w*d, h*d)
}

// boxGeometry is a box's border, padding and content rectangles in device
// px, with the border-edge radii.
type boxGeometry struct {
	border, padding, content raster.Rect
	radii                    raster.Radii
	bw                       [4]float32 // border widths, device px (top, right, bottom, left)
}

func (g *boxGeometry) borderRRect() raster.RRect { return raster.RRect{Rect: g.border, Radii: g.radii} }

func (g *boxGeometry) paddingRRect() raster.RRect {
	return g.borderRRect().Inset(g.bw[0], g.bw[1], g.bw[2], g.bw[3])
}

func (g *boxGeometry) contentRRect() raster.RRect {
	return g.paddingRRect().Inset(g.content.Y0-g.padding.Y0, g.padding.X1-g.content.X1, g.padding.Y1-g.content.Y1, g.content.X0-g.padding.X0)
}

func (pt *Painter) geometry(b *Box) boxGeometry {
	d := pt.dpr
	l := b.Layout
	var g boxGeometry
	g.border = pt.devRect(b.X, b.Y, l.Size.Width, l.Size.Height)
	g.bw = [4]float32{l.Border.Top * d, l.Border.Right * d, l.Border.Bottom * d, l.Border.Left * d}
	g.padding = g.border.Inset(g.bw[0], g.bw[1], g.bw[2], g.bw[3])
	g.content = g.padding.Inset(l.Padding.Top*d, l.Padding.Right*d, l.Padding.Bottom*d, l.Padding.Left*d)
	g.radii = pt.radii(b.Style, l.Size.Width, l.Size.Height)
	return g
}

// radii resolves border-*-radius against the border box (percentages of
// its width for X, height for Y) in device px.
func (pt *Painter) radii(s *style.Computed, w, h float32) raster.Radii {
	d := pt.dpr
	r := func(c style.Radius) raster.Point {
		return raster.Point{X: c.X.ResolveOr(w, true, 0) * d, Y: c.Y.ResolveOr(h, true, 0) * d}
	}
	return raster.Radii{TopLeft: r(s.Radius[0]), TopRight: r(s.Radius[1]), BottomRight: r(s.Radius[2]), BottomLeft: r(s.Radius[3])}
}

// PaintBox paints box id and its subtree.
func (pt *Painter) PaintBox(id layout.NodeID) {
	b := pt.t.Box(id)
	st := b.Style
	if st == nil || st.Display == style.DisplayNone || st.Opacity <= 0 {
		return // opacity 0 draws nothing, children included
	}
	g := pt.geometry(&b)

	// Transform outermost, then filter and opacity (CSS Transforms §3:
	// the element and its descendants are drawn flat, then projected).
	proj, layer := -1, -1
	if len(st.Transform) > 0 {
		h, ok := pt.transformOf(&b)
		if !ok {
			return // a singular matrix (scale(0)) shows nothing
		}
		pt.list.homs = append(pt.list.homs, h)
		proj = pt.op(dlOp{kind: dlPushProjected, ref: int32(len(pt.list.homs) - 1), opacity: 1})
		pt.beginInk()
	}
	if st.Opacity < 1 || st.Filter.Kind != style.FilterNone {
		f := pt.filterOf(st.Filter)
		if proj >= 0 {
			pt.list.ops[proj].opacity, pt.list.ops[proj].filter = st.Opacity, f
		} else {
			layer = pt.op(dlOp{kind: dlPushLayer, opacity: st.Opacity, filter: f})
			pt.beginInk()
		}
	}

	if st.Visibility == style.Visible {
		pt.paintDecorations(st, &g, id, -1)
		if b.Kind == Image {
			pt.paintPicture(id, &g)
		}
		if b.Kind == Control {
			if ct, ok := pt.t.(ControlTree); ok {
				ct.PaintControl(pt, id)
			}
		}
	}

	clip := st.Overflow == style.OverflowHidden
	var clipRect raster.Rect
	if clip {
		pr := g.paddingRRect()
		clipRect = pr.Rect
		if pr.Radii.IsZero() {
			pt.op(dlOp{kind: dlPushClipRect, rect: pr.Rect})
		} else {
			pt.op(dlOp{kind: dlPushClipRRect, rect: pr.Rect, radii: pr.Radii})
		}
		pt.beginInk()
	}
	if b.Para != nil {
		pt.paintText(id, &b, &g)
	}
	if b.Kind == Scroller {
		pt.t.PaintScroller(pt, id, g.padding) // on-demand units only
	} else {
		pt.paintChildren(&b)
	}
	if b.Kind == Control && st.Visibility == style.Visible {
		if ot, ok := pt.t.(OverlayTree); ok {
			ot.PaintOverlay(pt, id) // over the children (a swiper's dots)
		}
	}
	if clip {
		pt.op(dlOp{kind: dlPopClip})
		pt.addInk(pt.endInk().Intersect(clipRect))
	}

	if layer >= 0 {
		pt.op(dlOp{kind: dlPopLayer})
		r := pt.endInk()
		r = growForFilter(r, pt.list.ops[layer].filter)
		pt.list.ops[layer].rect = r
		pt.addInk(r)
	}
	if proj >= 0 {
		pt.op(dlOp{kind: dlPopLayer})
		r := pt.endInk()
		r = growForFilter(r, pt.list.ops[proj].filter)
		pt.list.ops[proj].rect = r
		pt.addInk(projectBounds(pt.list.homs[pt.list.ops[proj].ref], r))
	}
}

// paintChildren paints b's children by z-index, then document order (spec
// §3.5). Direct children of a scroll-view ignore z-index (spec §2.7).
func (pt *Painter) paintChildren(b *Box) {
	kids := b.Children
	sorted := false
	if !b.FlatZ {
		for _, c := range kids {
			if cs := pt.t.Box(c).Style; cs != nil && cs.ZIndex != 0 && !cs.ZIndexAuto {
				sorted = true
				break
			}
		}
	}
	if !sorted {
		for _, c := range kids {
			pt.PaintBox(c)
		}
		return
	}
	base := len(pt.order)
	for _, c := range kids {
		var z int32
		if cs := pt.t.Box(c).Style; cs != nil && !cs.ZIndexAuto {
			z = cs.ZIndex
		}
		pt.order = append(pt.order, zChild{c, z})
	}
	// Insertion sort: stable, allocation-free, and sibling lists are short.
	s := pt.order[base:]
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].z < s[j-1].z; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	for i := base; i < base+len(kids); i++ {
		pt.PaintBox(pt.order[i].id)
	}
	pt.order = pt.order[:base]
}

// zChild is a child with its z-index, for sorting siblings.
type zChild struct {
	id layout.NodeID
	z  int32
}

// Fill emits a rectangle or rounded rectangle fill of rr with paint.
func (pt *Painter) Fill(rr raster.RRect, p raster.Paint) {
	o := dlOp{kind: dlFillRect, rect: rr.Rect}
	if !rr.Radii.IsZero() {
		o.kind, o.radii = dlFillRRect, rr.Radii
	}
	pt.setPaint(&o, p)
	pt.op(o)
	pt.addInk(rr.Rect)
}

// paintImage returns a Paint for ip whose image is already in the list's
// buffer (passing a pointer to a local ImagePaint would make it escape).
func (pt *Painter) paintImage(ip raster.ImagePaint) raster.Paint {
	pt.list.images = append(pt.list.images, ip)
	return raster.Paint{Image: &pt.list.images[len(pt.list.images)-1]}
}

// setPaint stores p's reference in o (the gradient or image goes to the
// list's side buffers).
func (pt *Painter) setPaint(o *dlOp, p raster.Paint) {
	switch {
	case p.Gradient != nil:
		pt.list.grads = append(pt.list.grads, p.Gradient)
		o.paint, o.paintAt = paintGradient, int32(len(pt.list.grads)-1)
	case p.Image != nil:
		// paintImage put it at the end of the buffer.
		o.paint, o.paintAt = paintImage, int32(len(pt.list.images)-1)
	default:
		o.paint, o.color = paintSolid, p.Color
	}
}

// filterOf converts the one filter function Skyline allows (spec §2.1).
func (pt *Painter) filterOf(f style.Filter) raster.Filter {
	switch f.Kind {
	case style.FilterBlur:
		return raster.Filter{Kind: raster.Blur, Amount: f.Amount * pt.dpr}
	case style.FilterBrightness:
		return raster.Filter{Kind: raster.Brightness, Amount: f.Amount}
	case style.FilterContrast:
		return raster.Filter{Kind: raster.Contrast, Amount: f.Amount}
	case style.FilterGrayscale:
		return raster.Filter{Kind: raster.Grayscale, Amount: min(f.Amount, 1)}
	case style.FilterHueRotate:
		return raster.Filter{Kind: raster.HueRotate, Amount: f.Amount * math.Pi / 180}
	case style.FilterInvert:
		return raster.Filter{Kind: raster.Invert, Amount: min(f.Amount, 1)}
	case style.FilterOpacity:
		return raster.Filter{Kind: raster.Opacity, Amount: min(f.Amount, 1)}
	case style.FilterSaturate:
		return raster.Filter{Kind: raster.Saturate, Amount: f.Amount}
	case style.FilterSepia:
		return raster.Filter{Kind: raster.Sepia, Amount: min(f.Amount, 1)}
	}
	return raster.Filter{}
}

func growForFilter(r raster.Rect, f raster.Filter) raster.Rect {
	if f.Kind != raster.Blur || r.Empty() {
		return r
	}
	e := blurReach(f.Amount)
	return r.Inset(-e, -e, -e, -e)
}
