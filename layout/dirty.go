package layout

import "github.com/skyline-go/skyline/style"

// DirtyTree is a Tree that can walk up to a node's parent.
type DirtyTree interface {
	Tree
	Parent(id NodeID) (NodeID, bool)
}

// MarkDirty clears the caches of id and of its ancestors up to the nearest
// relayout boundary and returns that boundary (Flutter's markNeedsLayout):
// the node whose size cannot change when something below it changes. The
// caller lays the boundary out again with RelayoutBoundary (or the whole
// tree when the boundary is the root); its siblings and ancestors keep
// their caches and layouts.
//
// Known limit: a boundary's ContentSize may change without its ancestors'
// ContentSize being recomputed (overflow extents above a boundary can be
// stale until a full layout).
func MarkDirty(t DirtyTree, id NodeID) NodeID {
	for {
		t.Cache(id).Clear()
		p, ok := t.Parent(id)
		if !ok {
			return id
		}
		if IsRelayoutBoundary(t, id, p) {
			return id
		}
		id = p
	}
}

// IsRelayoutBoundary reports whether node id's outer size and baseline are
// independent of its descendants, given its parent p: fixed width and
// height (lengths or percentages, no intrinsic keywords), no content-based
// minimum that a flex parent could shrink it to, no baseline alignment, and
// no margins that could collapse with its children in block layout.
func IsRelayoutBoundary(t Tree, id, p NodeID) bool {
	s := t.Style(id)
	if s.Display == style.DisplayNone || s.Width.Kind != style.LengthFixed || s.Height.Kind != style.LengthFixed {
		return false
	}
	if !t.Cache(id).hasLast {
		return false
	}
	ps := t.Style(p)
	if isPositioned(s) {
		return true
	}
	switch ps.Display {
	case style.DisplayBlock, style.DisplayInline, style.DisplayInlineBlock:
		if s.Display == style.DisplayBlock {
			// Block children's margins may collapse through the box's
			// edges unless padding or border separates them (spec §3.3).
			// (A min() / max() padding may come out 0: not a separator.)
			pt := s.Padding.Top.Px > 0 && s.Padding.Top.Calc == nil || s.Border[0].Width > 0
			pb := s.Padding.Bottom.Px > 0 && s.Padding.Bottom.Calc == nil || s.Border[2].Width > 0
			return pt && pb
		}
		return true
	}
	if s.FlexBasis.Kind != style.LengthAuto && s.FlexBasis.Kind != style.LengthFixed {
		return false
	}
	al := s.AlignSelf
	if al == style.AlignAuto {
		al = ps.AlignItems
	}
	if al == style.AlignBaseline {
		return false
	}
	// An item that may shrink below its size is held by its content-based
	// minimum (spec §8.2) unless overflow is hidden or the minimum is given.
	minMain := s.MinHeight
	if ps.FlexDir.IsRow() {
		minMain = s.MinWidth
	}
	return s.FlexShrink == 0 || s.Overflow == style.OverflowHidden || minMain.Kind == style.LengthFixed
}

// RelayoutBoundary lays out a boundary returned by MarkDirty again with the
// constraints of its last layout. Its size does not change, so its parent's
// layout stays valid.
func RelayoutBoundary(t Tree, id NodeID) {
	c := t.Cache(id)
	if !c.hasLast {
		return
	}
	in := c.last
	t.ComputeChildLayout(id, in)
}
