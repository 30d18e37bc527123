package engine

import (
	"math"

	"github.com/skyline-go/skyline/engine/template"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/scroll"
	"github.com/skyline-go/skyline/style"
)

// computeScrollView is the host's dispatch case for scroll-view (spec
// §4.5). Its size comes from its own style, never from its content, unless
// enableScrollViewAutoSize is on and the scroll axis has no size: it is a
// leaf to its parent, so a change inside it never relays out its ancestors.
// Its content is laid out by the viewport (layoutContent) for the current
// scroll offset, on demand.
func (t *layoutTree) computeScrollView(id layout.NodeID, in layout.Inputs) layout.Output {
	st := t.boxes[id].style
	if st.Display == style.DisplayNone {
		return layout.Output{}
	}
	sv := t.scrollViewOf(id)
	out := layout.ComputeLeafLayout(t, id, in, sv.measure)
	if in.RunMode == layout.PerformLayout {
		sv.px, sv.py = st.Border[3].Width, st.Border[0].Width
		sv.pw = max(0, out.Size.Width-st.Border[1].Width-st.Border[3].Width)
		sv.ph = max(0, out.Size.Height-st.Border[0].Width-st.Border[2].Width)
		sv.layoutContent()
	}
	return out
}

// measure is the scroll-view's leaf measure: the cross axis from the
// offered space or the widest unit, the scroll axis 0 (explicit-size rule)
// or, auto-sized, the whole content.
func (sv *scrollView) measure(known layout.MaybeSize, avail layout.AvailableSize) (layout.Size, layout.Maybe) {
	cKnown, cAvail := known.Width, avail.Width
	if !sv.vertical() {
		cKnown, cAvail = known.Height, avail.Height
	}
	var cross float32
	switch {
	case cKnown.Ok:
		cross = cKnown.V
	case cAvail.Kind == layout.Definite && sv.vertical():
		cross = cAvail.Value // a block fills its line (a vertical list's width)
	default:
		cross = sv.maxCross()
	}
	var main float32
	if sv.autoSize {
		main = sv.contentExtent(cross)
	}
	if sv.vertical() {
		return layout.Size{Width: cross, Height: main}, layout.Maybe{}
	}
	return layout.Size{Width: main, Height: cross}, layout.Maybe{}
}

// contentPadding is the padding attribute plus CSS padding: both inset the
// scrolled content and scroll with it (Chromium's scroll containers; spec
// §4.5 leaves CSS padding UNVERIFIED).
func (sv *scrollView) contentPadding(w float32) scroll.Insets {
	st := sv.t.boxes[sv.box].style
	p := insetsAttr(sv.node, "padding")
	p.Top += float64(st.Padding.Top.ResolveOr(w, true, 0))
	p.Right += float64(st.Padding.Right.ResolveOr(w, true, 0))
	p.Bottom += float64(st.Padding.Bottom.ResolveOr(w, true, 0))
	p.Left += float64(st.Padding.Left.ResolveOr(w, true, 0))
	return p
}

// maxCross is the largest max-content cross size of the direct children
// (a horizontal scroll-view's height from its content).
func (sv *scrollView) maxCross() float32 {
	t := sv.t
	var m float32
	for _, c := range t.boxes[sv.box].children {
		ax := layout.HorizontalAxis
		if !sv.vertical() {
			ax = layout.VerticalAxis
		}
		out := t.ComputeChildLayout(c, layout.Inputs{RunMode: layout.ComputeSize, Axis: ax,
			AvailableSpace: layout.AvailableSize{Width: layout.MaxContentSpace, Height: layout.MaxContentSpace}})
		s := t.Style(c)
		if sv.vertical() {
			m = max(m, out.Size.Width+s.Margin.Left.ResolveOr(0, false, 0)+s.Margin.Right.ResolveOr(0, false, 0))
		} else {
			m = max(m, out.Size.Height+s.Margin.Top.ResolveOr(0, false, 0)+s.Margin.Bottom.ResolveOr(0, false, 0))
		}
	}
	return m
}

// contentExtent lays everything out with an unbounded viewport (auto size:
// nothing is on demand) and returns the content's extent without the CSS
// padding, which the leaf algorithm adds.
func (sv *scrollView) contentExtent(cross float32) float32 {
	sv.vp.CrossExtent = float64(cross)
	sv.vp.MainExtent = 1e9
	sv.vp.Padding = insetsAttr(sv.node, "padding")
	sv.vp.Layout(0)
	return float32(sv.vp.ContentExtent())
}

// layoutContent lays the viewport out at the scroller's offset and places
// the built units (spec §6): the per-frame step after the physics.
func (sv *scrollView) layoutContent() {
	sv.vp.Padding = sv.contentPadding(sv.pw)
	if sv.vertical() {
		sv.vp.MainExtent, sv.vp.CrossExtent = float64(sv.ph), float64(sv.pw)
	} else {
		sv.vp.MainExtent, sv.vp.CrossExtent = float64(sv.pw), float64(sv.ph)
	}
	sv.sc.ViewportExtent = sv.vp.MainExtent
	sv.laid = true
	sv.resetBuilders()
	for pass := 0; pass < 6; pass++ {
		want := sv.sc.Offset
		at := sv.snap(want)
		got := sv.vp.Layout(at)
		corr := got - at
		sv.sc.Correct(corr)
		sv.keepPhase(corr)
		if pass == 0 {
			// The first layout of rebuilt slivers keeps what was on
			// screen there (scroll_anchor.go); scroll-top and
			// scroll-into-view then apply.
			anchored := sv.reanchor()
			if sv.applyProps() || anchored {
				continue // lay out where it moved
			}
		}
		if m := sv.vp.MaxScrollExtent(); sv.sc.Phase() == scroll.Idle && sv.sc.Offset > m && pass < 5 {
			// Past the end at rest: a jump beyond the estimated extent
			// (scroll-top) or shrunk content. Clamp, as platforms do, and
			// lay out there (the extent may still change).
			sv.sc.JumpTo(m)
			continue
		}
		sv.sc.SetRange(sv.minOffset(), sv.vp.MaxScrollExtent())
		if sv.sc.Offset == want+corr {
			break
		}
		// The range clamped an idle position (content shrank): lay out
		// where it settled.
	}
	sv.laidFor = sv.sc.Offset
	sv.settleBuilders()
	sv.place()
	sv.noteAnchors()
	sv.placeRefresher() // above the content (scroll_refresher.go)
	if !sv.evInit {
		// The first layout establishes the event state (a page opening at
		// its start fires no scrolltoupper), so the first move fires.
		sv.evInit = true
		sv.ev.Update(sv.sc.Offset, sv.vp.ContentExtent(), sv.vp.MainExtent, sv.vp.CrossExtent, sv.sc.Phase(), sv.sc.BoundaryVelocity())
	}
}

// snap is the offset the content is laid out at for scroller offset off:
// on the device pixel grid (shifted by the phase corrections left), so
// that every unit moves by whole device pixels from frame to frame and its
// cached layer is reused (paint.LayerCache). Platforms snap scroll offsets
// the same way; the scroller and the scroll events keep the exact offset.
func (sv *scrollView) snap(off float64) float64 {
	d := float64(sv.t.page.pipe.vp.DPR)
	if d <= 0 || math.IsInf(off, 0) || math.IsNaN(off) {
		return off
	}
	return math.Round((off-sv.phase)*d)/d + sv.phase
}

// keepPhase follows a scroll-offset correction: the content moved by corr
// in scroll coordinates (nothing moved on screen), so the grid the offset
// snaps to moves with it; otherwise every unit would shift by a fraction
// of a pixel and be rastered again.
func (sv *scrollView) keepPhase(corr float64) {
	if corr == 0 {
		return
	}
	d := float64(sv.t.page.pipe.vp.DPR)
	if d <= 0 {
		return
	}
	ph := sv.phase + corr
	sv.phase = ph - math.Floor(ph*d)/d
}

// minOffset is the scroller's lower bound: 0, or below it while a
// refresher is held open (spec §4.5 pull-to-refresh).
func (sv *scrollView) minOffset() float64 {
	if !sv.rf.enabled {
		return 0
	}
	return -sv.props.refresher.HoldExtent()
}

// place moves the placed units to their positions relative to the
// scroll-view's border box. Containers (list-view, sticky-section, …) sit
// at the scroll-view's origin with its size, so their items' positions are
// relative to the scroll-view too. Positions are on-screen ones at the
// current offset (float64 placements keep a million-item list exact; the
// float32 boxes only ever hold screen-sized numbers).
func (sv *scrollView) place() {
	t := sv.t
	sb := &t.boxes[sv.box]
	for _, c := range sb.children {
		sv.placeContainer(c, sb.lay.Size)
	}
	for i := range sv.vp.Frame.Placements {
		p := &sv.vp.Frame.Placements[i]
		b := &t.boxes[p.Node]
		if sv.vertical() {
			b.lay.Location = layout.Point{X: sv.px + float32(p.Cross) + b.lay.Margin.Left, Y: sv.py + float32(p.Main) + b.lay.Margin.Top}
		} else {
			b.lay.Location = layout.Point{X: sv.px + float32(p.Main) + b.lay.Margin.Left, Y: sv.py + float32(p.Cross) + b.lay.Margin.Top}
		}
	}
}

// placeContainer gives a sliver container (and nested containers) the
// scroll-view's origin and size.
func (sv *scrollView) placeContainer(c layout.NodeID, size layout.Size) {
	t := sv.t
	b := &t.boxes[c]
	if _, unit := t.sc.units[c]; unit || b.kind != boxElement {
		return
	}
	b.lay = layout.Layout{Order: b.lay.Order, Size: size}
	for _, cc := range b.children {
		sv.placeContainer(cc, size)
	}
}

// placeAbs updates the page positions of the placed units' subtrees after
// a scroll frame that did not run the page's relayout.
func (sv *scrollView) placeAbs() {
	t := sv.t
	for i := range sv.vp.Frame.Placements {
		id := sv.vp.Frame.Placements[i].Node
		pb := &t.boxes[t.boxes[id].parent]
		t.place(id, pb.absX, pb.absY)
	}
}

// unitParent reports whether box id is an on-demand unit: layout.MarkDirty
// stops there (a unit's size change is the scroll-view's business, never
// its ancestors'), and relayout hands it to unitRelaid.
func (t *layoutTree) isUnit(id layout.NodeID) bool {
	_, ok := t.sc.units[id]
	return ok
}

// unitRelaid is relayout's hook for a dirty boundary: a unit is laid out
// again by its sliver (ItemChanged: re-measured, anchored) and its layer
// dropped; it reports false for boxes that are not units.
func (t *layoutTree) unitRelaid(id layout.NodeID) bool {
	u, ok := t.sc.units[id]
	if !ok {
		return false
	}
	if u.lazy != nil {
		u.lazy.ItemChanged(u.index)
	}
	u.sv.layers.Release(id)
	for _, sv := range t.sc.changed {
		if sv == u.sv {
			return true
		}
	}
	t.sc.changed = append(t.sc.changed, u.sv)
	return true
}

// relayoutScrolls lays out again the scroll-views whose units changed.
func (t *layoutTree) relayoutScrolls() {
	for _, sv := range t.sc.changed {
		if sv.laid {
			sv.layoutContent()
		}
	}
	t.sc.changed = t.sc.changed[:0]
}

var _ = math.Inf

// reserveBoxes grows the box slice before a layout pass so that builders
// appending item boxes during layout do not move it under the algorithms'
// feet (ComputeCached holds a pointer into it). Recycled items reuse freed
// slots, so the headroom is only used while the pools fill up.
func (t *layoutTree) reserveBoxes() {
	const headroom = 4096
	if !t.sc.hasBuilders(t) {
		// No builder adds boxes during layout: growing (and clearing) a
		// slice of large boxes was a third of a big page's first frame.
		return
	}
	if cap(t.boxes)-len(t.boxes) < headroom {
		grown := make([]lbox, len(t.boxes), len(t.boxes)*2+headroom)
		copy(grown, t.boxes)
		t.boxes = grown
	}
}

// hasBuilders reports whether the box tree holds a list-builder or
// grid-builder (checked once per box-tree generation).
func (h *scrollHost) hasBuilders(t *layoutTree) bool {
	if h.builderGen != h.gen || !h.builderKnown {
		h.builderGen, h.builderKnown, h.builders = h.gen, true, false
		for i := range t.boxes {
			if n := t.boxes[i].node; n != nil && template.BuilderOf(n) != nil {
				h.builders = true
				break
			}
		}
	}
	return h.builders
}
