package engine

import (
	"github.com/skyline-go/skyline/engine/paint"
	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/style"
)

// paintScrollView paints the content of scroll-view box id, whose padding
// box is pad (device px): only the units placed inside the viewport (spec
// §6.1), clipped to the padding box when clip is on (spec §4.5), pinned
// sticky headers last so they cover the content scrolling beneath them.
func (t *layoutTree) paintScrollView(pt *paint.Painter, id layout.NodeID, pad raster.Rect) {
	sv := rtOf(t.boxes[id].node).scroll
	if sv == nil || sv.t != t || sv.gen != t.sc.gen || !sv.laid {
		return
	}
	if sv.clip {
		pt.ClipRect(pad)
	}
	sv.paintRefresher(pt, pad) // the over-pull's refresher area (scroll_refresher.go)
	for i := range sv.containers {
		t.paintContainer(pt, sv, &sv.containers[i])
	}
	// Units come from their cached layers (paint.LayerCache) unless a test
	// compares with direct painting.
	layers := &sv.layers
	if t.sc.noLayers {
		layers = nil
	}
	for pass := range 2 {
		for i := range sv.vp.Frame.Placements {
			p := &sv.vp.Frame.Placements[i]
			if !p.Visible || p.Pinned != (pass == 1) {
				continue
			}
			pt.PaintUnit(layers, p.Node)
		}
	}
	if sv.clip {
		pt.EndClip(pad)
	}
}

// paintContainer paints a sliver container's own background and border
// along its scroll extent (its box is a placeholder at the scroll-view's
// origin; its items are the units).
func (t *layoutTree) paintContainer(pt *paint.Painter, sv *scrollView, c *containerRef) {
	b := &t.boxes[c.box]
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
	sb := &t.boxes[sv.box]
	pad := sv.contentPadding(sv.pw)
	saved := *b
	if sv.vertical() {
		b.absX, b.absY = sb.absX+sv.px+float32(pad.Left), sb.absY+sv.py+float32(lo)
		b.lay.Size = layout.Size{Width: max(0, sv.pw-float32(pad.Left+pad.Right)), Height: float32(hi - lo)}
	} else {
		b.absX, b.absY = sb.absX+sv.px+float32(lo), sb.absY+sv.py+float32(pad.Top)
		b.lay.Size = layout.Size{Width: float32(hi - lo), Height: max(0, sv.ph-float32(pad.Top+pad.Bottom))}
	}
	pt.PaintDecorations(c.box)
	*b = saved
}
