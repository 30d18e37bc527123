package engine

import (
	"github.com/skyline-go/skyline/engine/paint"
	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/gesture"
	"github.com/skyline-go/skyline/style"
)

// HitTest returns the element at page point (x, y) in CSS px, nil when the
// point is outside every box (spec §1.6: the tap target). It runs on the
// last frame's layout (call Update first). Boxes are searched topmost first
// in paint order (z-index, then document order, as engine/paint's box walk paints);
// display:none subtrees, visibility:hidden and pointer-events:none elements
// are not targets (their descendants may be); overflow:hidden clips its
// descendants to the padding box (corner radii are ignored); transforms are
// inverted, including 3D ones (the point is projected back onto the z = 0
// plane, as paint projects them). Text inside a text root targets the text
// root (nested text / span runs are not hit separately). The search is
// gesture's (gesture.HitTester); the layout tree describes its boxes to it.
func (p *Page) HitTest(x, y float32) *Node {
	if p.pipe == nil || len(p.pipe.lt.boxes) <= int(rootBox) {
		return nil
	}
	id, ok := p.ev.hit.Hit((*hitTree)(&p.pipe.lt), gesture.BoxID(rootBox), x, y)
	if !ok {
		return nil
	}
	n := p.pipe.lt.boxes[id].node
	if n.Kind == TextNode {
		n = n.Parent() // anonymous text: its element
	}
	return n
}

// hitTree is the layout tree as gesture.HitTree.
type hitTree layoutTree

func (h *hitTree) HitBox(id gesture.BoxID) gesture.HitBox {
	t := (*layoutTree)(h)
	b := &t.boxes[id]
	st := b.style
	if b.none || st == nil || st.Display == style.DisplayNone {
		return gesture.HitBox{None: true}
	}
	l := &b.lay
	hb := gesture.HitBox{
		Transformed: len(st.Transform) > 0,
		Border:      gesture.Rect{X0: b.absX, Y0: b.absY, X1: b.absX + l.Size.Width, Y1: b.absY + l.Size.Height},
		Target:      b.node != nil && st.Visibility == style.Visible && st.PointerEvents != style.PointerNone,
	}
	if st.Overflow == style.OverflowHidden {
		// overflow:hidden clips the descendants to the padding box.
		hb.Clips = true
		hb.Clip = gesture.Rect{X0: b.absX + l.Border.Left, Y0: b.absY + l.Border.Top,
			X1: b.absX + l.Size.Width - l.Border.Right, Y1: b.absY + l.Size.Height - l.Border.Bottom}
	}
	if isScrollView(b) {
		// A clipping scroll-view's content is hit only inside its padding
		// box (spec §4.5).
		if sv := t.laidScrollView(b); sv != nil && sv.clip {
			x0, y0 := b.absX+sv.px, b.absY+sv.py
			r := gesture.Rect{X0: x0, Y0: y0, X1: x0 + sv.pw, Y1: y0 + sv.ph}
			if hb.Clips {
				r = gesture.Rect{X0: max(r.X0, hb.Clip.X0), Y0: max(r.Y0, hb.Clip.Y0),
					X1: min(r.X1, hb.Clip.X1), Y1: min(r.Y1, hb.Clip.Y1)}
			}
			hb.Clips, hb.Clip = true, r
		}
	}
	return hb
}

func (h *hitTree) Untransform(id gesture.BoxID, x, y float32) (float32, float32, bool) {
	return untransform(&h.boxes[id], x, y)
}

func (h *hitTree) AppendHitChildren(id gesture.BoxID, buf []gesture.BoxID) []gesture.BoxID {
	t := (*layoutTree)(h)
	b := &t.boxes[id]
	if isScrollView(b) {
		// Only the units placed in the viewport are there: their boxes are
		// where they are painted, the others' positions are stale.
		sv := t.laidScrollView(b)
		if sv == nil {
			return buf
		}
		pl := sv.vp.Frame.Placements
		for pass := 0; pass <= 1; pass++ { // pinned sticky headers on top
			for i := range pl {
				if q := &pl[i]; q.Visible && q.Pinned == (pass == 1) {
					buf = append(buf, gesture.BoxID(q.Node))
				}
			}
		}
		return buf
	}
	base := len(buf)
	for _, c := range b.children {
		buf = append(buf, gesture.BoxID(c))
	}
	if hasZIndex(t, b) {
		sortByZ(t, buf[base:])
	}
	return buf
}

// laidScrollView returns the scroll-view of box b when it is laid out in
// this box tree.
func (t *layoutTree) laidScrollView(b *lbox) *scrollView {
	sv := rtOf(b.node).scroll
	if sv == nil || sv.t != t || sv.gen != t.sc.gen || !sv.laid {
		return nil
	}
	return sv
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

// sortByZ sorts boxes by z-index, stable (the order paintChildren paints
// them in).
func sortByZ(t *layoutTree, s []gesture.BoxID) {
	z := func(id gesture.BoxID) int32 {
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
}

// untransform maps a page point into b's untransformed coordinates (the
// inverse of the homography paint uses, in CSS px).
func untransform(b *lbox, x, y float32) (float32, float32, bool) {
	st := b.style
	w, h := b.lay.Size.Width, b.lay.Size.Height
	ox := b.absX + paint.OriginLen(st.TransformOrigin[0], w)
	oy := b.absY + paint.OriginLen(st.TransformOrigin[1], h)
	oz := float64(st.TransformOrigin[2].ResolveOr(0, false, 0))
	m := style.Translate(float64(ox), float64(oy), oz).Mul(style.TransformMatrix(st.Transform, w, h)).Mul(style.Translate(-float64(ox), -float64(oy), -oz))
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
