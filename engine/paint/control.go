package paint

import (
	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/layout"
)

// ControlTree is a Tree whose Control boxes (form controls: a switch's
// track and knob, a checkmark, a slider, an icon) draw part of themselves:
// PaintControl records their drawing through p's Fill and FillPath after
// the box's decorations and before its content and children.
type ControlTree interface {
	Tree
	PaintControl(p *Painter, id layout.NodeID)
}

// OverlayTree is a ControlTree whose Control boxes may also draw over
// their children (a swiper's indicator dots over its pages), inside the
// box's clip.
type OverlayTree interface {
	Tree
	PaintOverlay(p *Painter, id layout.NodeID)
}

// FillPath emits a fill of the path segs (nonzero rule) with colour c; the
// points are scaled by scale (CSS px to device px) as they are recorded.
func (pt *Painter) FillPath(segs []raster.Segment, scale float32, c raster.Color) {
	if len(segs) == 0 || c.A == 0 {
		return
	}
	start := len(pt.list.segs)
	ink := raster.Rect{X0: 1e30, Y0: 1e30, X1: -1e30, Y1: -1e30}
	for _, s := range segs {
		n := 0
		switch s.Op {
		case raster.MoveTo, raster.LineTo:
			n = 1
		case raster.QuadTo:
			n = 2
		case raster.CubeTo:
			n = 3
		}
		for i := 0; i < n; i++ {
			s.Args[i].X *= scale
			s.Args[i].Y *= scale
			ink.X0, ink.Y0 = min(ink.X0, s.Args[i].X), min(ink.Y0, s.Args[i].Y)
			ink.X1, ink.Y1 = max(ink.X1, s.Args[i].X), max(ink.Y1, s.Args[i].Y)
		}
		pt.list.segs = append(pt.list.segs, s)
	}
	pt.op(dlOp{kind: dlFillPath, ref: int32(start), end: int32(len(pt.list.segs)), color: c})
	pt.addInk(ink.Inset(-1, -1, -1, -1))
}
