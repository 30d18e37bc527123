package engine

import (
	"github.com/skyline-go/skyline/engine/raster"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/style"
)

// HitTest returns the element at page point (x, y) in CSS px, nil when the
// point is outside every box (spec §1.6: the tap target). It runs on the
// last frame's layout (call Update first). Boxes are searched topmost first
// in paint order (z-index, then document order, as paint_build.go paints);
// display:none subtrees, visibility:hidden and pointer-events:none elements
// are not targets (their descendants may be); overflow:hidden clips its
// descendants to the padding box (corner radii are ignored); transforms are
// inverted, including 3D ones (the point is projected back onto the z = 0
// plane, as paint projects them). Text inside a text root targets the text
// root (nested text / span runs are not hit separately).
func (p *Page) HitTest(x, y float32) *Node {
	if p.pipe == nil || len(p.pipe.lt.boxes) <= int(rootBox) {
		return nil
	}
	return p.pipe.lt.hit(rootBox, x, y)
}

func (t *layoutTree) hit(id layout.NodeID, x, y float32) *Node {
	b := &t.boxes[id]
	st := b.style
	if b.none || st == nil || st.Display == style.DisplayNone {
		return nil
	}
	if len(st.Transform) > 0 {
		var ok bool
		if x, y, ok = untransform(b, x, y); !ok {
			return nil
		}
	}
	l := &b.lay
	inside := x >= b.absX && y >= b.absY && x < b.absX+l.Size.Width && y < b.absY+l.Size.Height
	// overflow:hidden clips the descendants to the padding box.
	clipped := st.Overflow == style.OverflowHidden &&
		(x < b.absX+l.Border.Left || y < b.absY+l.Border.Top ||
			x >= b.absX+l.Size.Width-l.Border.Right || y >= b.absY+l.Size.Height-l.Border.Bottom)
	if !clipped && isScrollView(b) {
		// Only the units placed in the viewport are there (scroll_events.go).
		if n := t.hitScrollView(b, x, y); n != nil {
			return n
		}
	} else if !clipped {
		kids := b.children
		if hasZIndex(t, b) {
			kids = t.paintOrder(b)
		}
		for i := len(kids) - 1; i >= 0; i-- {
			if n := t.hit(kids[i], x, y); n != nil {
				return n
			}
		}
	}
	if !inside || st.Visibility != style.Visible || st.PointerEvents == style.PointerNone {
		return nil
	}
	n := b.node
	if n != nil && n.Kind == TextNode {
		n = n.parent // anonymous text: its element
	}
	return n
}

// hasZIndex reports whether b's children are painted out of document order.
func hasZIndex(t *layoutTree, b *lbox) bool {
	if b.node != nil && b.node.Tag == "scroll-view" {
		return false
	}
	for _, c := range b.children {
		if cs := t.boxes[c].style; cs != nil && cs.ZIndex != 0 && !cs.ZIndexAuto {
			return true
		}
	}
	return false
}

// paintOrder returns b's children sorted by z-index, stable (the order
// paintChildren paints them in).
func (t *layoutTree) paintOrder(b *lbox) []layout.NodeID {
	s := append([]layout.NodeID(nil), b.children...)
	z := func(id layout.NodeID) int32 {
		if cs := t.boxes[id].style; cs != nil && !cs.ZIndexAuto {
			return cs.ZIndex
		}
		return 0
	}
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && z(s[j]) < z(s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}

// untransform maps a page point into b's untransformed coordinates (the
// inverse of the homography paint uses, in CSS px).
func untransform(b *lbox, x, y float32) (float32, float32, bool) {
	st := b.style
	w, h := b.lay.Size.Width, b.lay.Size.Height
	ox := b.absX + originLen(st.TransformOrigin[0], w)
	oy := b.absY + originLen(st.TransformOrigin[1], h)
	oz := float64(st.TransformOrigin[2].ResolveOr(0, false, 0))
	m := translate4(float64(ox), float64(oy), oz).mul(transformMatrix(st.Transform, w, h)).mul(translate4(-float64(ox), -float64(oy), -oz))
	hm := raster.Homography{
		float32(m[0]), float32(m[1]), float32(m[3]),
		float32(m[4]), float32(m[5]), float32(m[7]),
		float32(m[12]), float32(m[13]), float32(m[15]),
	}
	inv, ok := hm.Invert()
	if !ok {
		return 0, 0, false
	}
	q, ok := inv.Apply(raster.Point{X: x, Y: y})
	return q.X, q.Y, ok
}
