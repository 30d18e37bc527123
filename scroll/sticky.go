package scroll

import (
	"math"

	"github.com/skyline-go/skyline/layout"
)

// StickyHeader is a sticky-header inside a StickySection (spec §4.6). It
// takes its natural place in the section's flow and is painted pinned.
type StickyHeader struct {
	Layouter BoxLayouter
	Node     layout.NodeID
	// OffsetTop is offset-top: the pinned position below the viewport's
	// leading edge.
	OffsetTop float64
	// AllowOverlapping is allow-overlapping: this header pins at its own
	// offset-top over the earlier pinned headers of its section instead of
	// stacking below them (our reading of "instead of being pushed").
	AllowOverlapping bool

	extent, cross float64
	stuck         bool
	top           float64 // on screen at the last Place
}

// LayoutSliver implements Sliver: in the flow the header is a plain box.
func (h *StickyHeader) LayoutSliver(c SliverConstraints) SliverGeometry {
	h.cross = c.CrossAxisExtent
	h.extent = h.Layouter.LayoutBox(h.Node, c.CrossAxisExtent)
	g := geometryFor(&c, h.extent)
	g.HasVisualOverflow = true // may paint outside its natural place
	return g
}

// Place implements Sliver for a header used outside a section: it pins like
// a section of its own.
func (h *StickyHeader) Place(f *Frame, origin, cross float64) {
	h.pin(f, origin, origin+h.extent, 0, true, cross)
}

// pin places the header whose natural top on screen is natural, inside a
// section ending at sectionEnd, below stack px of earlier pinned headers.
// Spec §4.6 formalisation: top = max(natural, offset-top); with
// push-pinned-header it may not go below sectionEnd − height, so the next
// section pushes it out; without, it stays pinned and later headers paint
// over it ("headers overlap/stack").
func (h *StickyHeader) pin(f *Frame, natural, sectionEnd, stack float64, push bool, cross float64) {
	line := h.OffsetTop
	if !h.AllowOverlapping {
		line += stack
	}
	top := math.Max(natural, line)
	if push {
		top = math.Min(top, math.Max(natural, sectionEnd-h.extent))
	}
	stuck := natural < line && top+h.extent > 0
	if stuck != h.stuck {
		h.stuck = stuck
		f.StickEvents = append(f.StickEvents, StickEvent{Header: h, IsStickOnTop: stuck})
	}
	h.top = top
	f.place(-1, h.Node, top, cross, h.extent, h.cross, top != natural)
}

// Stuck reports the header's stick-on-top state at the last Place.
func (h *StickyHeader) Stuck() bool { return h.stuck }

// Top is the header's position on screen at the last Place.
func (h *StickyHeader) Top() float64 { return h.top }

// StickySection is a sticky-section (spec §4.6): a group of slivers — its
// sticky headers, list-views / grid-views and plain boxes — laid out in
// sequence, whose headers pin while the section is on screen.
type StickySection struct {
	Children []Sliver
	// KeepPinned is push-pinned-header="false": headers are not pushed out
	// by the section's end.
	KeepPinned bool
	Padding    Insets

	starts []float64
	extent float64
	cs     float64
	trail  float64
}

// LayoutSliver implements Sliver.
func (s *StickySection) LayoutSliver(c SliverConstraints) SliverGeometry {
	lead, trail, cs, ce := s.Padding.along(c.Axis, c.Reverse)
	s.cs, s.trail = cs, trail
	if cap(s.starts) < len(s.Children) {
		s.starts = make([]float64, len(s.Children))
	}
	s.starts = s.starts[:len(s.Children)]
	cross := math.Max(0, c.CrossAxisExtent-cs-ce)
	pos := lead
	for i, ch := range s.Children {
		g := ch.LayoutSliver(childConstraints(&c, pos, cross))
		if g.ScrollOffsetCorrection != 0 {
			return SliverGeometry{ScrollOffsetCorrection: g.ScrollOffsetCorrection}
		}
		s.starts[i] = pos
		pos += g.ScrollExtent
	}
	s.extent = pos + trail
	g := geometryFor(&c, s.extent)
	g.HasVisualOverflow = true
	return g
}

// Place implements Sliver.
func (s *StickySection) Place(f *Frame, origin, cross float64) {
	end := origin + s.extent
	var stack float64
	for i, ch := range s.Children {
		if h, ok := ch.(*StickyHeader); ok {
			h.pin(f, origin+s.starts[i], end, stack, !s.KeepPinned, cross+s.cs)
			if h.stuck {
				stack += h.extent
			}
			continue
		}
		ch.Place(f, origin+s.starts[i], cross+s.cs)
	}
}

// ChildSpan is child i's start (in the section's coordinates) and scroll
// extent at the last layout: where a host paints a child container's own
// background.
func (s *StickySection) ChildSpan(i int) (start, extent float64) {
	if i < 0 || i >= len(s.starts) {
		return 0, 0
	}
	end := s.extent
	if i+1 < len(s.starts) {
		end = s.starts[i+1]
	} else {
		end -= s.trail
	}
	return s.starts[i], end - s.starts[i]
}

// Extent is the section's scroll extent at the last layout.
func (s *StickySection) Extent() float64 { return s.extent }
