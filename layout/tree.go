package layout

import "github.com/skyline-go/skyline/style"

// NodeID is a host's handle for one box. The algorithms never interpret it;
// they only pass it back to the Tree.
type NodeID uint32

// RunMode says whether a call must only size the node or also place its
// children (Taffy's run modes): measuring and laying out are the same
// function, so a container's intrinsic size is always the size its final
// layout would have.
type RunMode uint8

const (
	// PerformLayout sizes the node, lays out and stores every descendant.
	PerformLayout RunMode = iota
	// ComputeSize only returns the node's size; children's stored layouts may
	// be stale afterwards (the final PerformLayout pass rewrites them).
	ComputeSize
)

// SizingMode says whether the node's own width/height styles apply.
type SizingMode uint8

const (
	// InherentSize: the node's size styles apply (the usual case).
	InherentSize SizingMode = iota
	// ContentSize: ignore the node's width/height, size from content (used
	// for a flex item's content-based flex basis, CSS Flexbox §9.2.3.E).
	ContentSize
)

// RequestedAxis says which dimension a ComputeSize caller will read.
type RequestedAxis uint8

const (
	BothAxes RequestedAxis = iota
	HorizontalAxis
	VerticalAxis
)

// Inputs are the constraints a parent passes down (Flutter's constraints go
// down, sizes come up).
type Inputs struct {
	RunMode    RunMode
	SizingMode SizingMode
	Axis       RequestedAxis
	// KnownDimensions are border-box sizes the parent has already decided
	// (a stretched cross size, a resolved flex main size).
	KnownDimensions MaybeSize
	// ParentSize is the containing block's content size, the basis of
	// percentages (spec §3.1); indefinite axes resolve percentages to auto.
	ParentSize MaybeSize
	// AvailableSpace is the space offered, including the node's margins.
	AvailableSpace AvailableSize
	// CollapseTop / CollapseBottom: the parent is a block container whose
	// content edge may let this child's margins collapse through it (spec
	// §3.3); block children then report their collapsible margins instead
	// of adding them.
	CollapseTop, CollapseBottom bool
	// Root marks the layout root: it is always the containing block of its
	// absolute descendants (even when position: static) and never collapses
	// margins with its children (spec §3.3, the page root).
	Root bool
}

// MarginSet is a set of adjoining vertical margins being collapsed: the
// largest positive and the most negative (CSS 2.1 §8.3.1).
type MarginSet struct {
	Positive float32 // ≥ 0
	Negative float32 // ≤ 0
}

// MarginSetOf returns the set holding one margin.
func MarginSetOf(m float32) MarginSet {
	if m >= 0 {
		return MarginSet{Positive: m}
	}
	return MarginSet{Negative: m}
}

// With adds one margin to the set.
func (s MarginSet) With(m float32) MarginSet {
	if m >= 0 {
		s.Positive = max32(s.Positive, m)
	} else {
		s.Negative = min32(s.Negative, m)
	}
	return s
}

// Join merges two adjoining sets.
func (s MarginSet) Join(o MarginSet) MarginSet {
	return MarginSet{Positive: max32(s.Positive, o.Positive), Negative: min32(s.Negative, o.Negative)}
}

// Resolve returns the collapsed margin.
func (s MarginSet) Resolve() float32 { return s.Positive + s.Negative }

// Output is what a node reports back: sizes come up.
type Output struct {
	Size           Size       // border box
	ContentSize    Size       // extent of in-flow and positioned content (overflow)
	FirstBaselines MaybePoint // Y: first baseline from the border-box top
	// TopMargin / BottomMargin are the node's collapsible margin sets when
	// the caller asked for collapsing (Inputs.CollapseTop/Bottom); they
	// include the node's own margin and those of children collapsing
	// through it.
	TopMargin, BottomMargin MarginSet
	// MarginsCanCollapseThrough: the node is an empty block whose top and
	// bottom margins adjoin (CSS 2.1 §8.3.1).
	MarginsCanCollapseThrough bool
}

// Layout is a node's computed box, relative to its parent's border box, in
// unrounded px. For position: fixed boxes Location is relative to the
// viewport instead (Fixed is set): they do not move with their ancestors or
// scroll (spec §3.5).
type Layout struct {
	Order       uint32 // index among the parent's children
	Location    Point
	Size        Size
	ContentSize Size
	Border      Rect
	Padding     Rect
	Margin      Rect
	Fixed       bool
}

// Tree is the narrow view an algorithm has of the host's tree (Taffy's
// LayoutPartialTree): one node, its direct children, and a way to ask the
// host to size or lay out a child. The host decides which algorithm runs for
// each child, so flex, block, leaves and later containers (list, grid,
// masonry, sticky) mix freely.
type Tree interface {
	ChildCount(id NodeID) int
	Child(id NodeID, i int) NodeID
	Style(id NodeID) *style.Computed
	// ComputeChildLayout runs the child's algorithm, normally through
	// ComputeCached so repeated constraints hit the node's cache.
	ComputeChildLayout(id NodeID, in Inputs) Output
	SetUnroundedLayout(id NodeID, l Layout)
	UnroundedLayout(id NodeID) *Layout
	Cache(id NodeID) *Cache
	// Viewport is the window size that position: fixed boxes use (spec §3.5).
	Viewport() Size
	// Scratch returns the tree's reusable buffers; algorithms take stack
	// space from it so steady-state layout allocates nothing.
	Scratch() *Scratch
}

// measureChildSize sizes a child in one axis (ComputeSize run mode).
func measureChildSize(t Tree, id NodeID, known, parent MaybeSize, avail AvailableSize, mode SizingMode, row bool) float32 {
	axis := VerticalAxis
	if row {
		axis = HorizontalAxis
	}
	out := t.ComputeChildLayout(id, Inputs{RunMode: ComputeSize, SizingMode: mode, Axis: axis,
		KnownDimensions: known, ParentSize: parent, AvailableSpace: avail})
	if row {
		return out.Size.Width
	}
	return out.Size.Height
}

// performChildLayout lays out a child for good (PerformLayout run mode).
func performChildLayout(t Tree, id NodeID, known, parent MaybeSize, avail AvailableSize, mode SizingMode) Output {
	return t.ComputeChildLayout(id, Inputs{RunMode: PerformLayout, SizingMode: mode,
		KnownDimensions: known, ParentSize: parent, AvailableSpace: avail})
}
