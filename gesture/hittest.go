package gesture

// Hit testing (spec §1.6: the tap target). The host describes its box tree
// through HitTree; HitTester searches it topmost first in paint order.

// BoxID names one box of the host's box tree.
type BoxID uint32

// Rect is a half-open page rectangle in CSS px: X0 <= x < X1, Y0 <= y < Y1.
type Rect struct{ X0, Y0, X1, Y1 float32 }

// Contains reports whether (x, y) lies in r.
func (r Rect) Contains(x, y float32) bool {
	return x >= r.X0 && y >= r.Y0 && x < r.X1 && y < r.Y1
}

// HitBox is what hit testing sees of one box.
type HitBox struct {
	// None: the box and its subtree are not there (display:none, or not
	// laid out).
	None bool
	// Transformed: page points reach the box through HitTree.Untransform.
	Transformed bool
	// Border is the border box, in the box's untransformed coordinates.
	Border Rect
	// Clips: descendants are hit only inside Clip (overflow:hidden clips to
	// the padding box; a scroll-view's content to its viewport).
	Clips bool
	Clip  Rect
	// Target: the box itself may be the target (visibility:visible,
	// pointer-events:auto, an element's box); its descendants may be
	// targets either way.
	Target bool
}

// HitTree is the host's box tree as hit testing sees it.
type HitTree interface {
	HitBox(id BoxID) HitBox
	// Untransform maps a page point into box id's untransformed
	// coordinates (the inverse of its transform, 3D ones projected back
	// onto the z = 0 plane); ok is false where there is none.
	Untransform(id BoxID, x, y float32) (ux, uy float32, ok bool)
	// AppendHitChildren appends to buf the children of id that may be hit,
	// in paint order (bottommost first): z-index order for plain children,
	// the placed units for a scroll-view (pinned sticky headers last).
	AppendHitChildren(id BoxID, buf []BoxID) []BoxID
}

// HitTester finds the box under a point; it keeps its scratch between
// searches so that a steady stream of input allocates nothing.
type HitTester struct {
	stack []BoxID
}

// Hit returns the topmost target box at page point (x, y) in the subtree of
// root, and false when there is none: boxes are searched in reverse paint
// order, a box's children before the box itself.
func (h *HitTester) Hit(t HitTree, root BoxID, x, y float32) (BoxID, bool) {
	h.stack = h.stack[:0]
	return h.hit(t, root, x, y)
}

func (h *HitTester) hit(t HitTree, id BoxID, x, y float32) (BoxID, bool) {
	b := t.HitBox(id)
	if b.None {
		return 0, false
	}
	if b.Transformed {
		var ok bool
		if x, y, ok = t.Untransform(id, x, y); !ok {
			return 0, false
		}
	}
	if !b.Clips || b.Clip.Contains(x, y) {
		base := len(h.stack)
		h.stack = t.AppendHitChildren(id, h.stack)
		for i := len(h.stack) - 1; i >= base; i-- {
			if got, ok := h.hit(t, h.stack[i], x, y); ok {
				h.stack = h.stack[:base]
				return got, true
			}
		}
		h.stack = h.stack[:base]
	}
	if !b.Target || !b.Border.Contains(x, y) {
		return 0, false
	}
	return id, true
}
