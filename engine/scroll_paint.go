package engine

import (
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/style"
)

// paintScrollView paints a scroll-view's content: only the units placed
// inside the viewport (spec §6.1), clipped to the padding box when clip is
// on (spec §4.5), pinned sticky headers last so they cover the content
// scrolling beneath them.
func (pt *painter) paintScrollView(b *lbox, g *boxGeometry) {
	sv := b.node.rt.scroll
	if sv == nil || sv.t != pt.t || sv.gen != pt.t.sc.gen || !sv.laid {
		return
	}
	if sv.clip {
		pt.op(dlOp{kind: dlPushClipRect, rect: g.padding})
		pt.beginInk()
	}
	pt.paintRefresher(sv, g) // the over-pull's refresher area (scroll_refresher.go)
	for i := range sv.containers {
		pt.paintContainer(sv, &sv.containers[i])
	}
	for pass := range 2 {
		for i := range sv.vp.Frame.Placements {
			p := &sv.vp.Frame.Placements[i]
			if !p.Visible || p.Pinned != (pass == 1) {
				continue
			}
			pt.paintUnit(sv, p.Node)
		}
	}
	if sv.clip {
		pt.op(dlOp{kind: dlPopClip})
		pt.addInk(pt.endInk().Intersect(g.padding))
	}
}

// paintUnit paints one unit: from its cached layer when layers are on
// (scroll_layers.go), else straight into the list.
func (pt *painter) paintUnit(sv *scrollView, id layout.NodeID) {
	if !pt.t.sc.noLayers && sv.layers.compose(pt, sv, id) {
		return
	}
	pt.paintBox(id)
}

// paintContainer paints a sliver container's own background and border
// along its scroll extent (its box is a placeholder at the scroll-view's
// origin; its items are the units).
func (pt *painter) paintContainer(sv *scrollView, c *containerRef) {
	b := &pt.t.boxes[c.box]
	st := b.style
	if b.none || st == nil || st.Visibility != style.Visible || st.Opacity <= 0 {
		return
	}
	main, ext := sv.span(c)
	if ext <= 0 || main+ext < 0 || main > sv.vp.MainExtent {
		return
	}
	// Only the part near the viewport: a million-item list's box would
	// overflow float32 device coordinates.
	lo, hi := max(main, -1), min(main+ext, sv.vp.MainExtent+1)
	sb := &pt.t.boxes[sv.box]
	pad := sv.contentPadding(sv.pw)
	saved := *b
	if sv.vertical() {
		b.absX, b.absY = sb.absX+sv.px+float32(pad.Left), sb.absY+sv.py+float32(lo)
		b.lay.Size = layout.Size{Width: max(0, sv.pw-float32(pad.Left+pad.Right)), Height: float32(hi - lo)}
	} else {
		b.absX, b.absY = sb.absX+sv.px+float32(lo), sb.absY+sv.py+float32(pad.Top)
		b.lay.Size = layout.Size{Width: float32(hi - lo), Height: max(0, sv.ph-float32(pad.Top+pad.Bottom))}
	}
	g := pt.geometry(b)
	pt.paintDecorations(b, &g)
	*b = saved
}
