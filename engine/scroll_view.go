package engine

import (
	"math"
	"slices"

	"github.com/skyline-go/skyline/engine/paint"
	"github.com/skyline-go/skyline/gesture"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/scroll"
	"github.com/skyline-go/skyline/style"
	"github.com/skyline-go/skyline/widgets"
)

// scrollMode is scroll-view's type attribute (spec §4.5).
type scrollMode uint8

const (
	modeList scrollMode = iota // type="list" or no type
	modeCustom
	modeNested
)

// scrollHost is the layout tree's scroll state: the scroll-views of the
// current box tree and the on-demand units they place (spec §6).
type scrollHost struct {
	gen   uint32 // box-tree generation: slivers are rebuilt when it changes
	views []*scrollView
	// units maps a unit's box (a direct child of a list-mode scroll-view, an
	// item of a list-view / grid-view / builder, a custom-mode box) to its
	// scroll-view: a change inside a unit stops there (layoutTree.Parent),
	// and the unit is re-measured by its sliver (relayoutUnits).
	units map[layout.NodeID]unitRef
	// changed are the scroll-views whose content must be laid out again
	// after a unit's relayout.
	changed []*scrollView
	// free are box slots of disposed builder items, reused by newBox.
	free []layout.NodeID
	// now is the scroll clock (ms since the page opened): the time stamp
	// of scroll events, from the pointer input's times and Advance's steps.
	// drag is the touch drag in progress (gesture.Drag). layers are the per-unit layer buffers
	// (paint.LayerCache); noLayers paints units directly (tests compare).
	now      float64
	drag     gesture.Drag
	layers   paint.LayerPool
	noLayers bool
	// builders: the box tree of generation builderGen has a builder.
	builderGen             uint32
	builderKnown, builders bool
	// dumpHide: unit boxes the layout dump leaves out (scroll_dump.go).
	dumpHide map[layout.NodeID]bool
}

// unitRef locates one on-demand unit.
type unitRef struct {
	sv    *scrollView
	lazy  itemChanger // the lazy sliver holding it; nil for a plain box
	index int
}

// itemChanger is the part of scroll.List / Grid / MasonryGrid that learns
// that an item's content changed (re-measured and anchored, spec §4.5).
type itemChanger interface{ ItemChanged(int) }

// reset starts a new box-tree generation (layoutTree.build).
func (h *scrollHost) reset() {
	h.gen++
	clear(h.views)
	h.views = h.views[:0]
	clear(h.units)
	h.changed = h.changed[:0]
	h.free = h.free[:0]
}

// scrollView is the runtime state of one scroll-view (kept on its node, so
// the scroll position survives box-tree rebuilds): the viewport and its
// slivers, the scroller, the event state.
type scrollView struct {
	t    *layoutTree
	node *Node
	box  layout.NodeID
	gen  uint32
	mode scrollMode
	vp   scroll.Viewport
	sc   scroll.Scroller
	ev   scroll.Events
	// evInit: the event state was established at the first layout.
	evInit bool
	// laidFor is the scroller offset the content was last laid out for;
	// phase keeps the laid-out offset on the device pixel grid across
	// scroll-offset corrections (layoutContent).
	laidFor, phase float64
	clip           bool
	// autoSize: rendererOptions.enableScrollViewAutoSize and no explicit
	// size on the scroll axis (spec §4.5, §2.9).
	autoSize bool
	// The padding box (the visible viewport) relative to the border box.
	px, py, pw, ph float32
	laid           bool
	// headers maps sticky headers back to their nodes (stickontopchange).
	headers map[*scroll.StickyHeader]*Node
	// containers are the custom-mode sliver containers, parents first:
	// their own decorations are painted along their scroll extent.
	containers []containerRef
	layers     paint.LayerCache
	build      builderState
	// intoView is the last scroll-into-view target acted on, so the same
	// value does not jump again on every relayout (scroll_props.go).
	props scrollProps
	// nest is the nested-mode pair sv belongs to (outer or inner), dropped
	// the boxes nested mode does not render (scroll_nested.go).
	nest    *nestLink
	dropped []layout.NodeID
	// rf is the pull-to-refresh state (scroll_refresher.go).
	rf refresherView
	// anchors are the units on screen at the last layout; rebuilt is set
	// when the slivers were rebuilt since (scroll_anchor.go).
	anchors []anchorRef
	rebuilt bool
}

// isScrollView reports whether box b is a scroll-view laid out by the
// scroll host.
func isScrollView(b *lbox) bool {
	return b.kind == boxElement && b.node != nil && b.node.Spec.Kind == widgets.Scroller && b.node.Tag == "scroll-view"
}

// scrollViewOf returns box id's scroll-view state, (re)building its slivers
// when the box tree changed.
func (t *layoutTree) scrollViewOf(id layout.NodeID) *scrollView {
	n := t.boxes[id].node
	sv := rtOf(n).scroll
	if sv == nil {
		sv = &scrollView{node: n}
		sv.sc.Offset = math.NaN() // the initial position is set at setup
		rtOf(n).scroll = sv
	}
	if sv.gen != t.sc.gen || sv.box != id || sv.t != t {
		sv.t, sv.box, sv.gen = t, id, t.sc.gen
		sv.setup()
		t.sc.views = append(t.sc.views, sv)
	}
	return sv
}

// setup reads the attributes and builds the slivers over the box tree.
func (sv *scrollView) setup() {
	t, n := sv.t, sv.node
	sv.unlinkNested() // re-paired below or by the inner's setup (scroll_nested.go)
	sv.dropped = sv.dropped[:0]
	axis := scroll.Vertical
	if n.BoolAttr("scroll-x") && !n.BoolAttr("scroll-y") {
		axis = scroll.Horizontal // both at once is unsupported (spec §4.5): y wins
	}
	switch strAttr(n, "type") {
	case "custom":
		sv.mode = modeCustom
	case "nested":
		sv.mode = modeNested
	default:
		sv.mode = modeList
	}
	frame := sv.vp.Frame
	sv.vp = scroll.Viewport{Axis: axis, Reverse: n.BoolAttr("reverse"),
		CacheExtent: math.Max(0, numAttr(n, "cache-extent", 0)), Padding: insetsAttr(n, "padding"),
		DisableAnchoring: !boolAttrDefault(n, "scroll-anchoring", true), Frame: frame}
	sv.vp.Frame.Placements = sv.vp.Frame.Placements[:0]
	sv.clip = boolAttrDefault(n, "clip", true)
	sv.sc.Physics = scroll.Physics{Clamping: !boolAttrDefault(n, "bounces", true),
		FastDeceleration: n.BoolAttr("fast-deceleration"), MinDragDistance: numAttr(n, "min-drag-distance", 0)}
	sv.ev.Axis = axis
	sv.ev.UpperThreshold = numAttr(n, "upper-threshold", scroll.DefaultThreshold)
	sv.ev.LowerThreshold = numAttr(n, "lower-threshold", scroll.DefaultThreshold)
	st := t.boxes[sv.box].style
	sz := st.Height
	if axis == scroll.Horizontal {
		sz = st.Width
	}
	sv.autoSize = t.page.pipe.env.Options.EnableScrollViewAutoSize && sz.Kind == style.LengthAuto
	clear(sv.headers)
	sv.layers.Pool = &t.sc.layers
	sv.layers.ReleaseAll()
	sv.build.reset(sv)
	sv.linkNested()
	kids := sv.setupRefresher(t.boxes[sv.box].children) // slot="refresher" is not content (spec §4.5)
	if sv.mode == modeNested {
		// Only headers and one body are rendered (spec §4.8); the
		// refresher stays a child box (placed by placeRefresher).
		kids = sv.nestedChildren(kids)
		t.boxes[sv.box].children = kids
		if sv.rf.slot != 0 {
			t.boxes[sv.box].children = append(kids[:len(kids):len(kids)], sv.rf.slot)
		}
	}
	sv.containers = sv.containers[:0]
	switch sv.mode {
	case modeList:
		sv.vp.Slivers = []scroll.Sliver{sv.lazyList(kids, scroll.Insets{})}
	default:
		sv.vp.Slivers = sv.vp.Slivers[:0]
		for i, c := range kids {
			from := len(sv.containers)
			sv.vp.Slivers = append(sv.vp.Slivers, sv.sliverOf(c, true))
			if isSliverContainer(&t.boxes[c]) {
				sv.containers = slices.Insert(sv.containers, from, containerRef{box: c, child: -1})
			}
			for k := from; k < len(sv.containers); k++ {
				sv.containers[k].top = i
			}
		}
	}
	if math.IsNaN(sv.sc.Offset) {
		sv.sc.Offset = 0
		sv.props.initial = true
	}
	sv.rebuilt = sv.laid && len(sv.anchors) > 0
	sv.laid = false
}

// lazyList makes a List over existing child boxes (list mode, list-view):
// nodes persist, layout and paint are on demand (spec §6.2–6.3).
func (sv *scrollView) lazyList(items []layout.NodeID, pad scroll.Insets) *scroll.List {
	u := &unitList{sv: sv, items: items}
	l := &scroll.List{Children: u, Padding: pad}
	u.lazy = l
	sv.register(items, l)
	return l
}

func (sv *scrollView) register(items []layout.NodeID, lazy itemChanger) {
	h := &sv.t.sc
	if h.units == nil {
		h.units = map[layout.NodeID]unitRef{}
	}
	for i, id := range items {
		h.units[id] = unitRef{sv: sv, lazy: lazy, index: i}
	}
}

// sliverOf maps a custom- or nested-mode child box to its sliver (spec
// §4.6–§4.8). Containers get a zero-size box at the scroll-view's origin;
// their items are placed relative to the scroll-view.
func (sv *scrollView) sliverOf(c layout.NodeID, top bool) scroll.Sliver {
	t := sv.t
	b := &t.boxes[c]
	n := b.node
	if b.kind != boxElement || n == nil || b.none {
		return sv.box1(c)
	}
	switch n.Tag {
	case "list-view":
		return sv.lazyList(b.children, insetsAttr(n, "padding"))
	case "grid-view":
		u := &unitList{sv: sv, items: b.children}
		var s scroll.Sliver
		count := int(numAttr(n, "cross-axis-count", 2))
		maxExt := numAttr(n, "max-cross-axis-extent", 0)
		mg, cg := numAttr(n, "main-axis-gap", 0), numAttr(n, "cross-axis-gap", 0)
		pad := insetsAttr(n, "padding")
		if strAttr(n, "type") == "masonry" {
			g := &scroll.MasonryGrid{Children: u, CrossAxisCount: count, MaxCrossAxisExtent: maxExt, MainAxisGap: mg, CrossAxisGap: cg, Padding: pad}
			u.lazy, s = g, g
		} else {
			g := &scroll.Grid{Children: u, CrossAxisCount: count, MaxCrossAxisExtent: maxExt, MainAxisGap: mg, CrossAxisGap: cg, Padding: pad}
			u.lazy, s = g, g
		}
		sv.register(b.children, u.lazy)
		return s
	case "sticky-section":
		sec := &scroll.StickySection{KeepPinned: !boolAttrDefault(n, "push-pinned-header", true), Padding: insetsAttr(n, "padding")}
		for j, cc := range b.children {
			sec.Children = append(sec.Children, sv.sliverOf(cc, false))
			if isSliverContainer(&t.boxes[cc]) {
				sv.containers = append(sv.containers, containerRef{box: cc, sec: sec, child: j})
			}
		}
		return sec
	case "sticky-header":
		h := &scroll.StickyHeader{Layouter: sv, Node: c, OffsetTop: numAttr(n, "offset-top", 0), AllowOverlapping: n.BoolAttr("allow-overlapping")}
		if sv.headers == nil {
			sv.headers = map[*scroll.StickyHeader]*Node{}
		}
		sv.headers[h] = n
		sv.register([]layout.NodeID{c}, nil)
		return h
	case "list-builder", "grid-builder":
		if s := sv.builderSliver(c); s != nil {
			return s
		}
	}
	return sv.box1(c)
}

func (sv *scrollView) box1(c layout.NodeID) scroll.Sliver {
	sv.register([]layout.NodeID{c}, nil)
	return &scroll.Box{Layouter: sv, Node: c}
}

// unitList is the ChildManager over existing child boxes: Build lays one
// out, Dispose releases its paint layer (spec §6.2: list mode keeps nodes).
type unitList struct {
	sv    *scrollView
	items []layout.NodeID
	lazy  itemChanger
}

func (u *unitList) ItemCount() int { return len(u.items) }

func (u *unitList) Build(i int, cross float64) (layout.NodeID, float64) {
	id := u.items[i]
	return id, u.sv.layoutUnit(id, cross, layout.Maybe{})
}

func (u *unitList) Relayout(i int, id layout.NodeID, cross float64) float64 {
	return u.sv.layoutUnit(id, cross, layout.Maybe{})
}

func (u *unitList) Dispose(i int, id layout.NodeID) { u.sv.layers.Release(id) }

// LayoutBox implements scroll.BoxLayouter for plain children, sticky
// headers and nested-mode headers / body.
func (sv *scrollView) LayoutBox(id layout.NodeID, cross float64) float64 {
	var main layout.Maybe
	if n := sv.t.boxes[id].node; sv.mode == modeNested && n != nil && n.Tag == "nested-scroll-body" {
		// The body fills the viewport below its offset-top, so the inner
		// scroll-view has a definite size (spec §4.8).
		main = layout.Some(max(0, sv.mainSize()-float32(numAttr(n, "offset-top", 0))))
	}
	return sv.layoutUnit(id, cross, main)
}

func (sv *scrollView) vertical() bool { return sv.vp.Axis == scroll.Vertical }

func (sv *scrollView) mainSize() float32 {
	if sv.vertical() {
		return sv.ph
	}
	return sv.pw
}

// layoutUnit lays one unit out through the layout contract, stretched
// across the scroll axis (a column's align-items: stretch) unless it has
// its own cross size, and returns its main extent with margins.
func (sv *scrollView) layoutUnit(id layout.NodeID, cross float64, main layout.Maybe) float64 {
	t := sv.t
	b := &t.boxes[id]
	s := t.Style(id)
	c := float32(cross)
	l := layout.Layout{
		Margin: layout.Rect{Top: s.Margin.Top.ResolveOr(c, true, 0), Right: s.Margin.Right.ResolveOr(c, true, 0),
			Bottom: s.Margin.Bottom.ResolveOr(c, true, 0), Left: s.Margin.Left.ResolveOr(c, true, 0)},
		Padding: layout.Rect{Top: s.Padding.Top.ResolveOr(c, true, 0), Right: s.Padding.Right.ResolveOr(c, true, 0),
			Bottom: s.Padding.Bottom.ResolveOr(c, true, 0), Left: s.Padding.Left.ResolveOr(c, true, 0)},
		Border: layout.Rect{Top: s.Border[0].Width, Right: s.Border[1].Width, Bottom: s.Border[2].Width, Left: s.Border[3].Width},
		Order:  b.lay.Order, Location: b.lay.Location,
	}
	if b.none || s.Display == style.DisplayNone {
		t.boxes[id].lay = layout.Layout{}
		return 0
	}
	var in layout.Inputs
	in.RunMode = layout.PerformLayout
	basis := sv.percentBasis(id)
	if sv.vertical() {
		if s.Width.Kind == style.LengthAuto {
			in.KnownDimensions.Width = layout.Some(max(0, c-l.Margin.Horizontal()))
		}
		in.KnownDimensions.Height = main
		in.ParentSize = layout.MaybeSize{Width: layout.Some(c), Height: basis}
		in.AvailableSpace = layout.AvailableSize{Width: layout.DefiniteSpace(c), Height: layout.MaxContentSpace}
	} else {
		if s.Height.Kind == style.LengthAuto {
			in.KnownDimensions.Height = layout.Some(max(0, c-l.Margin.Vertical()))
		}
		in.KnownDimensions.Width = main
		in.ParentSize = layout.MaybeSize{Width: basis, Height: layout.Some(c)}
		in.AvailableSpace = layout.AvailableSize{Width: layout.MaxContentSpace, Height: layout.DefiniteSpace(c)}
	}
	out := t.ComputeChildLayout(id, in)
	l.Size, l.ContentSize = out.Size, out.ContentSize
	t.boxes[id].lay = l
	if sv.vertical() {
		return float64(out.Size.Height + l.Margin.Vertical())
	}
	return float64(out.Size.Width + l.Margin.Horizontal())
}

// percentBasis is what a percentage size of unit id resolves against
// along the scroll axis: for the scroll-view's own children, its viewport
// less the content paddings (the content box, as Chromium resolves a
// percentage height of a child of an overflow:auto box with a definite
// height; issue 9: WeChat's bottom-sheet demo puts a height:100% panel in
// a list scroll-view). Items of list-view, grid-view, sticky-section and
// the builders have no basis (percentages behave as auto, as under an
// auto-sized container), nor does an auto-sized scroll-view's content.
func (sv *scrollView) percentBasis(id layout.NodeID) layout.Maybe {
	if sv.autoSize || sv.t.boxes[id].parent != sv.box {
		return layout.Maybe{}
	}
	lead, trail := sv.vp.Padding.Top, sv.vp.Padding.Bottom
	if !sv.vertical() {
		lead, trail = sv.vp.Padding.Left, sv.vp.Padding.Right
	}
	return layout.Some(float32(max(0, sv.vp.MainExtent-lead-trail)))
}

// containerRef locates a sliver container's box: top-level sliver top, or
// child child of section sec inside it.
type containerRef struct {
	box   layout.NodeID
	top   int
	sec   *scroll.StickySection
	child int
}

// isSliverContainer reports the sliver containers of spec §4.6–§4.7.
func isSliverContainer(b *lbox) bool {
	if b.kind != boxElement || b.node == nil || b.none {
		return false
	}
	switch b.node.Tag {
	case "list-view", "grid-view", "sticky-section", "list-builder", "grid-builder":
		return true
	}
	return false
}

// span is a container's extent on screen along the scroll axis, relative
// to the viewport's leading edge, at the last layout.
func (sv *scrollView) span(c *containerRef) (main, extent float64) {
	if c.top >= len(sv.vp.Slivers) {
		return 0, 0
	}
	main = sv.vp.SliverStart(c.top) - sv.vp.Offset()
	extent = sv.vp.Geometry(c.top).ScrollExtent
	if c.sec != nil {
		s, e := c.sec.ChildSpan(c.child)
		main, extent = main+s, e
	}
	if sv.vp.Reverse {
		main = sv.vp.MainExtent - main - extent
	}
	return main, extent
}
