package engine

import (
	"github.com/skyline-go/skyline/engine/raster"
	"github.com/skyline-go/skyline/layout"
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

var _ = raster.Rect{}
