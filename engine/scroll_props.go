package engine

import (
	"math"

	"github.com/skyline-go/skyline/engine/expr"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/scroll"
)

// scrollProps is what the scroll-view last applied of its programmatic
// position attributes (spec §4.5), so a relayout does not re-apply them:
// they act when their value changes (setData), as in Skyline.
type scrollProps struct {
	initial   bool // set until the first layout applied the attributes
	top       any  // scroll-top / scroll-left as last applied
	intoView  string
	refresher scroll.Refresher
}

// applyProps applies changed scroll-top / scroll-left and scroll-into-view
// (which has priority, spec §4.5) after a layout, and reports whether the
// offset moved (the caller lays out again).
func (sv *scrollView) applyProps() bool {
	n := sv.node
	first := sv.props.initial
	sv.props.initial = false
	animate := !first && n.BoolAttr("scroll-with-animation")
	moved := false
	name := "scroll-top"
	if !sv.vertical() {
		name = "scroll-left"
	}
	if a, ok := n.Attr(name); ok && !expr.Same(a.Value, sv.props.top) {
		sv.props.top = a.Value
		// Not clamped to the current (estimated) extent: the content is
		// laid out there and clamped then (layoutContent).
		off := math.Max(sv.minOffset(), numAttr(n, name, 0))
		if animate {
			sv.sc.AnimateTo(off)
		} else {
			sv.sc.JumpTo(off)
		}
		moved = true
	}
	if sv.applyRefresherTriggered() { // controlled refresher (scroll_refresher.go)
		moved = true
	}
	into := strAttr(n, "scroll-into-view")
	if into != sv.props.intoView {
		sv.props.intoView = into
		if into != "" {
			if off, ok := sv.intoViewOffset(into); ok {
				sv.moveTo(off, animate)
				moved = true
			}
		}
	}
	return moved
}

// moveTo jumps (or animates) to offset, clamped to the content.
func (sv *scrollView) moveTo(off float64, animate bool) {
	off = math.Max(sv.minOffset(), math.Min(off, sv.vp.MaxScrollExtent()))
	if animate {
		sv.sc.AnimateTo(off)
		return
	}
	sv.sc.JumpTo(off)
}

// intoViewOptions reads scroll-into-view-offset / -alignment /
// -within-extent (spec §4.5).
func (sv *scrollView) intoViewOptions() scroll.IntoView {
	n := sv.node
	o := scroll.IntoView{Offset: numAttr(n, "scroll-into-view-offset", 0), WithinExtent: n.BoolAttr("scroll-into-view-within-extent")}
	switch strAttr(n, "scroll-into-view-alignment") {
	case "center":
		o.Alignment = scroll.AlignCenter
	case "end":
		o.Alignment = scroll.AlignEnd
	case "nearest":
		o.Alignment = scroll.AlignNearest
	}
	return o
}

// intoViewOffset finds the unit whose element has id and returns the
// offset that reveals it. Only units (direct children in list mode,
// list-view / grid-view items, custom-mode boxes) are targets; builders do
// not support scroll-into-view (spec §4.7).
func (sv *scrollView) intoViewOffset(id string) (float64, bool) {
	t := sv.t
	for s, sl := range sv.vp.Slivers {
		switch x := sl.(type) {
		case *scroll.Box:
			if nd := t.boxes[x.Node].node; nd != nil && nd.ID() == id {
				return sv.vp.ScrollIntoView(s, 0, sv.intoViewOptions())
			}
		case *scroll.List:
			if u, ok := x.Children.(*unitList); ok {
				if i := u.indexOfID(id); i >= 0 {
					return sv.vp.ScrollIntoView(s, i, sv.intoViewOptions())
				}
			}
		case *scroll.Grid:
			if u, ok := x.Children.(*unitList); ok {
				if i := u.indexOfID(id); i >= 0 {
					return sv.vp.ScrollIntoView(s, i, sv.intoViewOptions())
				}
			}
		case *scroll.MasonryGrid:
			if u, ok := x.Children.(*unitList); ok {
				if i := u.indexOfID(id); i >= 0 {
					return sv.vp.ScrollIntoView(s, i, sv.intoViewOptions())
				}
			}
		}
	}
	return 0, false
}

func (u *unitList) indexOfID(id string) int {
	for i, c := range u.items {
		if nd := u.sv.t.boxes[c].node; nd != nil && nd.ID() == id && u.sv.t.boxes[c].kind != boxAnonText {
			return i
		}
	}
	return -1
}

var _ layout.NodeID
