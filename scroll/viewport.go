package scroll

import "math"

// Viewport lays out a sequence of slivers for a scroll offset (a scroll-view,
// spec §4.5; type="list" is a Viewport over one List, type="custom" one over
// the custom children). It applies scroll-offset corrections, and collects
// the placed children into Frame. Fields are configuration; set them before
// Layout. The zero value is a vertical viewport without cache extent.
type Viewport struct {
	Axis    Axis
	Reverse bool
	// MainExtent, CrossExtent: the scroll-view's content box.
	MainExtent, CrossExtent float64
	// CacheExtent is built beyond each edge (spec §6.1, px).
	CacheExtent float64
	// Padding is the scroll-view padding attribute (spec §4.5).
	Padding Insets
	// DisableAnchoring is scroll-anchoring="false" (spec §4.5).
	DisableAnchoring bool
	Slivers          []Sliver

	// Frame holds the result of the last Layout.
	Frame Frame

	starts  []float64
	geoms   []SliverGeometry
	offset  float64
	content float64
}

// maxCorrections bounds the relayouts one Layout may do; each correction
// settles one sliver, so a handful suffices.
const maxCorrections = 16

// Layout lays every sliver out at scroll offset (which may be outside
// [0, MaxScrollExtent] while bouncing) and returns the offset actually used:
// offset plus the corrections the slivers asked for. The caller moves its
// scroll position by the difference (Scroller.Correct) — what is on screen
// did not move.
func (v *Viewport) Layout(offset float64) float64 {
	if cap(v.starts) < len(v.Slivers) {
		v.starts = make([]float64, len(v.Slivers))
		v.geoms = make([]SliverGeometry, len(v.Slivers))
	}
	v.starts, v.geoms = v.starts[:len(v.Slivers)], v.geoms[:len(v.Slivers)]
	lead, trail, cs, ce := v.Padding.along(v.Axis, v.Reverse)
	cross := math.Max(0, v.CrossExtent-cs-ce)
	for range maxCorrections {
		corr := v.layoutOnce(offset, lead, cross)
		if corr == 0 {
			break
		}
		offset += corr
	}
	v.content = lead + trail
	if n := len(v.Slivers); n > 0 {
		v.content = v.starts[n-1] + v.geoms[n-1].ScrollExtent + trail
	}
	v.offset = offset
	v.place(cs)
	return offset
}

func (v *Viewport) root(offset, cross float64) SliverConstraints {
	return SliverConstraints{Axis: v.Axis, Reverse: v.Reverse, ScrollOffset: offset, LeadingEdge: -offset,
		RemainingPaintExtent: v.MainExtent, CacheOrigin: -v.CacheExtent,
		RemainingCacheExtent: v.MainExtent + 2*v.CacheExtent, CrossAxisExtent: cross,
		ViewportMainExtent: v.MainExtent, Anchoring: !v.DisableAnchoring}
}

func (v *Viewport) layoutOnce(offset, lead, cross float64) float64 {
	root := v.root(offset, cross)
	pos := lead
	for i, s := range v.Slivers {
		g := s.LayoutSliver(childConstraints(&root, pos, cross))
		if g.ScrollOffsetCorrection != 0 {
			return g.ScrollOffsetCorrection
		}
		v.starts[i], v.geoms[i] = pos, g
		pos += g.ScrollExtent
	}
	return 0
}

// childConstraints derives the constraints of a child sliver starting at pos
// (in the parent's coordinates) from the parent's. Unlike Flutter, which
// threads running remaining extents through the sequence, every child's
// region is cut from the parent's directly: pinned headers here overlap
// rather than push, so the two agree and this needs no bookkeeping.
func childConstraints(p *SliverConstraints, pos, cross float64) SliverConstraints {
	so := math.Max(0, p.ScrollOffset-pos)
	paintStart := math.Max(pos, p.ScrollOffset)
	cacheStart := math.Max(pos, p.cacheStart())
	return SliverConstraints{Axis: p.Axis, Reverse: p.Reverse, ScrollOffset: so,
		LeadingEdge:          p.LeadingEdge + pos,
		RemainingPaintExtent: math.Max(0, p.ScrollOffset+p.RemainingPaintExtent-paintStart),
		CacheOrigin:          math.Min(0, cacheStart-pos-so),
		RemainingCacheExtent: math.Max(0, p.cacheEnd()-cacheStart),
		CrossAxisExtent:      cross, ViewportMainExtent: p.ViewportMainExtent, Anchoring: p.Anchoring}
}

func (v *Viewport) place(cs float64) {
	f := &v.Frame
	f.reset()
	for i, s := range v.Slivers {
		f.sliver = i
		s.Place(f, v.starts[i]-v.offset, cs)
	}
	for i := range f.Placements {
		p := &f.Placements[i]
		if v.Reverse {
			// Reverse grows from the end (spec §4.5): scroll order runs
			// from the trailing edge.
			p.Main = v.MainExtent - p.Main - p.MainExtent
		}
		p.Visible = p.Main+p.MainExtent > 0 && p.Main < v.MainExtent
	}
}

// Offset is the scroll offset of the last Layout.
func (v *Viewport) Offset() float64 { return v.offset }

// ContentExtent is the (estimated) extent of all content, paddings included:
// scrollHeight / scrollWidth of the scroll event (spec §4.5).
func (v *Viewport) ContentExtent() float64 { return v.content }

// MaxScrollExtent is the largest in-range offset.
func (v *Viewport) MaxScrollExtent() float64 { return math.Max(0, v.content-v.MainExtent) }

// SliverStart is sliver i's start in scroll coordinates at the last Layout.
func (v *Viewport) SliverStart(i int) float64 { return v.starts[i] }

// Geometry is sliver i's geometry at the last Layout.
func (v *Viewport) Geometry(i int) SliverGeometry { return v.geoms[i] }

// ScrollIntoView returns the offset that shows item index of sliver s as o
// asks (spec §4.5), and ok=false when the sliver cannot reveal it (not a
// Revealer, bad index, or within-extent and not built). The target is built
// in place, so Layout at the returned offset shows it exactly there in the
// same frame. The result is clamped to [0, MaxScrollExtent].
func (v *Viewport) ScrollIntoView(s, index int, o IntoView) (offset float64, ok bool) {
	if s < 0 || s >= len(v.Slivers) || s >= len(v.starts) {
		return v.offset, false
	}
	r, isR := v.Slivers[s].(Revealer)
	if !isR {
		return v.offset, false
	}
	start, ext, ok := r.RevealItem(index, o.WithinExtent)
	if !ok {
		return v.offset, false
	}
	t := RevealOffset(v.offset, v.MainExtent, v.starts[s]+start, ext, o)
	return clamp(t, 0, v.MaxScrollExtent()), true
}
