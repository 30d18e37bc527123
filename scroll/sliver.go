package scroll

import (
	"math"

	"github.com/skyline-go/skyline/layout"
)

// Axis is the scrolling axis (spec §4.5: scroll-x or scroll-y, never both).
type Axis uint8

const (
	Vertical Axis = iota
	Horizontal
)

// SliverConstraints go down from the viewport to one sliver (Flutter's
// SliverConstraints). Main-axis values are float64: a million items of 100 px
// reach 10⁸ px, where float32 has an 8 px step.
type SliverConstraints struct {
	Axis Axis
	// Reverse: the scroll-view grows from its end (spec §4.5 reverse). Slivers
	// lay out in scroll order regardless; only the viewport maps to screen.
	Reverse bool
	// ScrollOffset is how far the viewport's leading edge is past this
	// sliver's start (0 when the sliver starts at or after the edge).
	ScrollOffset float64
	// LeadingEdge is the sliver's start relative to the viewport's leading
	// edge (negative once scrolled past). Sticky headers need it to pin
	// below offset-top before the sliver reaches the edge (spec §4.6).
	LeadingEdge float64
	// RemainingPaintExtent is the visible space from ScrollOffset on.
	RemainingPaintExtent float64
	// CacheOrigin (≤ 0) is where the cache area starts relative to
	// ScrollOffset; RemainingCacheExtent is the cache area's length from
	// there (spec §6.1: viewport ± cache-extent).
	CacheOrigin          float64
	RemainingCacheExtent float64
	// CrossAxisExtent is the space across the scroll axis (padding removed).
	CrossAxisExtent float64
	// ViewportMainExtent is the viewport's visible length.
	ViewportMainExtent float64
	// Anchoring: keep the first visible child in place when children above it
	// change size (spec §4.5 scroll-anchoring).
	Anchoring bool
}

// cacheStart and cacheEnd bound the cache area in the sliver's coordinates.
func (c *SliverConstraints) cacheStart() float64 { return c.ScrollOffset + c.CacheOrigin }
func (c *SliverConstraints) cacheEnd() float64 {
	return c.ScrollOffset + c.CacheOrigin + c.RemainingCacheExtent
}

// SliverGeometry comes back up (Flutter's SliverGeometry).
type SliverGeometry struct {
	// ScrollExtent is the sliver's whole length along the scroll axis
	// (estimated for lazily built content).
	ScrollExtent float64
	// PaintExtent is the part visible in the viewport; LayoutExtent where the
	// next sliver starts on screen (equal here: pinned headers overlap).
	PaintExtent  float64
	LayoutExtent float64
	// MaxPaintExtent is what the sliver would paint with unlimited room.
	MaxPaintExtent float64
	// CacheExtent is the part of the cache area the sliver consumed.
	CacheExtent float64
	// ScrollOffsetCorrection ≠ 0 asks the viewport to shift its scroll
	// offset by this much and lay out again: estimates above the viewport
	// were wrong and the sliver has moved its children so that what is on
	// screen stays put (Flutter's scrollOffsetCorrection).
	ScrollOffsetCorrection float64
	// HasVisualOverflow: something paints outside the paint extent
	// (a pinned header), so the host must clip.
	HasVisualOverflow bool
}

// Placement is one laid-out child, as the host paints it. Main is the
// leading edge relative to the viewport's leading edge in screen direction
// (reverse already applied); Cross includes paddings.
type Placement struct {
	Sliver int // index of the sliver in the viewport (for nested groups: the top-level one)
	Index  int // item index inside its sliver, -1 for a box
	Node   layout.NodeID
	Main   float64
	Cross  float64
	// MainExtent, CrossExtent: the item's box along and across the axis.
	MainExtent, CrossExtent float64
	// Visible: intersects the viewport (else it only lives in the cache
	// area: built and laid out, not painted — spec §6.1).
	Visible bool
	// Pinned: a sticky header held off its natural place (paint it above
	// the content).
	Pinned bool
}

// StickEvent is one sticky header's stickontopchange (spec §4.6).
type StickEvent struct {
	Header       *StickyHeader
	IsStickOnTop bool
}

// Frame collects what one layout produced, in reusable buffers (reset each
// layout, so steady-state frames allocate nothing).
type Frame struct {
	Placements  []Placement
	StickEvents []StickEvent
	sliver      int
}

func (f *Frame) reset() {
	f.Placements = f.Placements[:0]
	f.StickEvents = f.StickEvents[:0]
}

func (f *Frame) place(index int, node layout.NodeID, main, cross, mainExt, crossExt float64, pinned bool) {
	f.Placements = append(f.Placements, Placement{Sliver: f.sliver, Index: index, Node: node,
		Main: main, Cross: cross, MainExtent: mainExt, CrossExtent: crossExt, Pinned: pinned})
}

// Sliver is the contract every scrolling container speaks (list-view,
// grid-view, sticky-section, the builders, and a plain box): constraints go
// down, geometry comes up; children are built, laid out and disposed inside
// LayoutSliver.
type Sliver interface {
	// LayoutSliver lays the sliver out for c. When the result carries a
	// ScrollOffsetCorrection the caller must lay out again with the
	// corrected offset before using anything else.
	LayoutSliver(c SliverConstraints) SliverGeometry
	// Place appends the children of the last layout to f; origin is the
	// main-axis position of the sliver's start relative to the viewport's
	// leading edge, cross the cross-axis offset of its content box.
	Place(f *Frame, origin, cross float64)
}

// Revealer is implemented by slivers that can bring one of their items into
// view (scroll-into-view, spec §4.5).
type Revealer interface {
	// RevealItem returns the item's start (in the sliver's coordinates) and
	// main extent, building it if needed; ok is false for an unknown index.
	// With builtOnly it only answers for items already built (within the
	// cache area: scroll-into-view-within-extent, spec §6.7).
	RevealItem(index int, builtOnly bool) (start, extent float64, ok bool)
}

// paintExtent is the part of [from, to) (sliver coordinates) inside the
// visible region (Flutter's calculatePaintOffset).
func paintExtent(c *SliverConstraints, from, to float64) float64 {
	a, b := c.ScrollOffset, c.ScrollOffset+c.RemainingPaintExtent
	return clamp(math.Min(to, b)-math.Max(from, a), 0, c.RemainingPaintExtent)
}

// cacheExtent is the part of [from, to) inside the cache area.
func cacheExtent(c *SliverConstraints, from, to float64) float64 {
	a, b := c.cacheStart(), c.cacheEnd()
	return clamp(math.Min(to, b)-math.Max(from, a), 0, c.RemainingCacheExtent)
}

func clamp(v, lo, hi float64) float64 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// geometryFor fills the common geometry of a sliver whose content spans
// [0, extent).
func geometryFor(c *SliverConstraints, extent float64) SliverGeometry {
	p := paintExtent(c, 0, extent)
	return SliverGeometry{ScrollExtent: extent, PaintExtent: p, LayoutExtent: p,
		MaxPaintExtent: extent, CacheExtent: cacheExtent(c, 0, extent),
		HasVisualOverflow: extent > c.ScrollOffset+c.RemainingPaintExtent || c.ScrollOffset > 0}
}
