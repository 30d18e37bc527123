package engine

import (
	"math"

	"github.com/skyline-go/skyline/engine/paint"
	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/scroll"
	"github.com/skyline-go/skyline/style"
)

// Pull-to-refresh (spec §4.5): refresher-enabled, refresher-threshold (45),
// refresher-default-style (black | white | none), refresher-background,
// refresher-triggered (controlled) and a custom indicator, the child with
// slot="refresher". The refresher lives above the content: dragging past
// the top edge (a bouncing edge's over-pull) reveals it; released beyond
// the threshold it refreshes and is held open at the threshold (the
// scroller's Min is −threshold, scroll.Refresher.HoldExtent) until
// refresher-triggered becomes false; released before, the pull is
// aborted. With bounces="false" the top edge does not over-pull, so only
// refresher-triggered opens it.
//
// refresherstatuschange's status numbers follow spec §4.5's list, whose
// numbering is UNVERIFIED: 0 idle, 1 can-refresh (pulled past the
// threshold), 2 refreshing, 3 completed (refresher-triggered set false),
// 4 failed (not produced: nothing reports a failure), 5–8 the two-level
// states (not wired: refresher-two-level-* is not supported). dy is the
// pull distance (−scrollTop) at the change.

// refresherView is a scroll-view's refresher configuration and the frame
// state that is not scroll.Refresher's own.
type refresherView struct {
	enabled bool
	style   string // refresher-default-style
	bg      raster.Color
	// slot is the slot="refresher" child's box (0: the default indicator);
	// ext its main extent with margins at the last layout.
	slot layout.NodeID
	ext  float64
	// dragging: the finger was down at the last frame (its lifting is the
	// release); triggered is refresher-triggered as last applied.
	dragging  bool
	triggered bool
	applied   bool
}

// setupRefresher reads the refresher attributes and takes the
// slot="refresher" child out of kids (it is laid out above the content,
// not as a sliver or list item); it is not rendered when the refresher is
// disabled.
func (sv *scrollView) setupRefresher(kids []layout.NodeID) []layout.NodeID {
	t, n := sv.t, sv.node
	rf := &sv.rf
	rf.enabled = n.BoolAttr("refresher-enabled")
	rf.slot = 0
	rf.style = strAttr(n, "refresher-default-style")
	switch rf.style {
	case "black", "white", "none":
	case "":
		rf.style = "black"
	default:
		t.page.warnOnce(n.Pos, "refresher-default-style \""+rf.style+"\" is not black, white or none; black is used (spec §4.5)")
		rf.style = "black"
	}
	rf.bg = raster.Color{}
	if v := strAttr(n, "refresher-background"); v != "" {
		c, ds := style.ComputeInline("background-color: "+v, nil, &t.page.pipe.env)
		if len(ds) > 0 {
			t.page.warnOnce(n.Pos, "refresher-background \""+v+"\" is not a colour (spec §4.5)")
		} else {
			rf.bg = paint.Color(c.Background.Color)
		}
	}
	sv.props.refresher.Threshold = numAttr(n, "refresher-threshold", 45)
	out := kids[:0:0]
	for i, c := range kids {
		b := &t.boxes[c]
		if b.kind != boxElement || b.node == nil || strAttr(b.node, "slot") != "refresher" || rf.slot != 0 {
			if out != nil {
				out = append(out, c)
			}
			continue
		}
		if out == nil {
			out = append(make([]layout.NodeID, 0, len(kids)), kids[:i]...)
		}
		rf.slot = c
		// A unit: a change inside it stops there and lays the scroll-view
		// out again (unitRelaid); placeContainer leaves it alone.
		sv.register([]layout.NodeID{c}, nil)
	}
	if out == nil {
		return kids
	}
	return out
}

// isRefresherSlot reports whether box id is sv's custom refresher (the
// list-mode layout dump skips it: it is not a list item).
func (sv *scrollView) isRefresherSlot(id layout.NodeID) bool { return id != 0 && id == sv.rf.slot }

// placeRefresher lays the custom refresher out across the viewport and
// puts its bottom edge on the content's leading edge (before the content
// padding), so the over-pull reveals it (spec §4.5). Called after place().
func (sv *scrollView) placeRefresher() {
	rf := &sv.rf
	if rf.slot == 0 {
		return
	}
	t := sv.t
	b := &t.boxes[rf.slot]
	if !rf.enabled {
		b.lay = layout.Layout{}
		rf.ext = 0
		return
	}
	rf.ext = sv.layoutUnit(rf.slot, sv.vp.CrossExtent, layout.Maybe{})
	main := float32(-sv.vp.Offset() - rf.ext)
	if sv.vertical() {
		b.lay.Location = layout.Point{X: sv.px + b.lay.Margin.Left, Y: sv.py + main + b.lay.Margin.Top}
	} else {
		b.lay.Location = layout.Point{X: sv.px + main + b.lay.Margin.Left, Y: sv.py + b.lay.Margin.Top}
	}
	sb := &t.boxes[sv.box]
	t.place(rf.slot, sb.absX, sb.absY)
}

// dumpRefresher puts the custom refresher where it is at scroll offset 0
// for the layout dump (right above the content) and lists it; the dump
// puts it back with placeRefresher.
func (sv *scrollView) dumpRefresher() {
	rf := &sv.rf
	if rf.slot == 0 || !rf.enabled {
		return
	}
	t := sv.t
	b := &t.boxes[rf.slot]
	if sv.vertical() {
		b.lay.Location.Y = sv.py + float32(-rf.ext) + b.lay.Margin.Top
	} else {
		b.lay.Location.X = sv.px + float32(-rf.ext) + b.lay.Margin.Left
	}
	sb := &t.boxes[sv.box]
	t.place(rf.slot, sb.absX, sb.absY)
	delete(t.sc.dumpHide, rf.slot)
}

// applyRefresherTriggered applies a changed refresher-triggered (spec
// §4.5, controlled): true opens the refresher (the content animates to
// −threshold) and refreshes; false completes a refresh, and the content
// springs back (refresherrestore once it is closed). It reports whether
// the scroller was moved.
func (sv *scrollView) applyRefresherTriggered() bool {
	rf := &sv.rf
	if !rf.enabled {
		return false
	}
	on := sv.node.BoolAttr("refresher-triggered")
	if rf.applied && on == rf.triggered {
		return false
	}
	first := !rf.applied
	rf.applied, rf.triggered = true, on
	r := &sv.props.refresher
	if first && !on {
		return false // the initial false is the idle state
	}
	sv.refresherEvents(r.SetTriggered(on, false))
	hold := r.HoldExtent()
	sv.sc.SetRange(-hold, math.Max(-hold, sv.vp.MaxScrollExtent()))
	if on && sv.sc.Phase() != scroll.Dragging && sv.sc.Offset > -hold {
		if first {
			sv.sc.JumpTo(-hold)
		} else {
			sv.sc.AnimateTo(-hold)
		}
		return true
	}
	return false
}

// refresherFrame feeds one frame's pull to the refresher and dispatches
// its events: the finger lifting is the release (refresh or abort), and a
// status that changes the hold moves the scroller's Min (a running spring
// follows it, scroll.Scroller.SetRange).
func (sv *scrollView) refresherFrame() {
	rf := &sv.rf
	if !rf.enabled {
		return
	}
	r := &sv.props.refresher
	dragging := sv.sc.Phase() == scroll.Dragging
	before := r.HoldExtent()
	if rf.dragging && !dragging {
		evs := r.Release()
		if r.Status == scroll.RefresherRefreshing {
			// The component's own refresher-triggered becomes true, as
			// in Skyline, so that the page's setData of false (its data
			// still says false) is a change that completes the refresh.
			// Without the attribute nothing completes it (as in Skyline).
			if _, ok := sv.node.Attr("refresher-triggered"); ok {
				rf.triggered = true
				setOwnAttr(sv.node, "refresher-triggered", true)
			}
		}
		sv.refresherEvents(evs)
	}
	rf.dragging = dragging
	sv.refresherEvents(r.Pull(math.Max(0, -sv.sc.Offset), dragging))
	if h := r.HoldExtent(); h != before {
		sv.sc.SetRange(-h, math.Max(-h, sv.vp.MaxScrollExtent()))
	}
}

// paintRefresher paints the revealed refresher area (spec §4.5): the
// refresher-background over the part above the content, then the custom
// refresher, or the default indicator (three dots, black or white) centred
// in the threshold-high band right above the content: while pulling they
// appear one by one with the pull, past the threshold all show, and while
// refreshing one at a time is lit by the scroll clock.
func (sv *scrollView) paintRefresher(pt *paint.Painter, pad raster.Rect) {
	rf := &sv.rf
	off := sv.vp.Offset()
	if !rf.enabled || off >= 0 {
		return
	}
	d := pt.DPR()
	reveal := float32(-off) * d
	area := raster.Rect{X0: pad.X0, Y0: pad.Y0, X1: pad.X1, Y1: pad.Y0 + reveal}
	if !sv.vertical() {
		area = raster.Rect{X0: pad.X0, Y0: pad.Y0, X1: pad.X0 + reveal, Y1: pad.Y1}
	}
	if rf.bg.A > 0 {
		pt.Fill(raster.RRect{Rect: area.Intersect(pad)}, raster.Solid(rf.bg))
	}
	if rf.slot != 0 {
		pt.PaintBox(rf.slot)
		return
	}
	if rf.style == "none" {
		return
	}
	r := &sv.props.refresher
	th := r.Threshold
	if th <= 0 {
		th = 45
	}
	base := raster.Color{A: 255}
	if rf.style == "white" {
		base = raster.Color{R: 255, G: 255, B: 255, A: 255}
	}
	// The band's centre along the axis, and the viewport's across it.
	along := (float32(-off) - float32(th)/2) * d
	const radius, gap = 3.5, 14
	for i := range 3 {
		var a float64
		switch r.Status {
		case scroll.RefresherIdle:
			a = clamp01(3*(-off)/th - float64(i))
		case scroll.RefresherRefreshing:
			a = 0.3
			if int(sv.t.sc.now/250)%3 == i {
				a = 1
			}
		default:
			a = 1
		}
		if a <= 0 {
			continue
		}
		c := base
		c.A = uint8(255 * a)
		at := float32(i-1) * gap * d
		var cx, cy float32
		if sv.vertical() {
			cx, cy = (pad.X0+pad.X1)/2+at, pad.Y0+along
		} else {
			cx, cy = pad.X0+along, (pad.Y0+pad.Y1)/2+at
		}
		rr := radius * d
		pt.Fill(raster.RRect{Rect: raster.Rect{X0: cx - rr, Y0: cy - rr, X1: cx + rr, Y1: cy + rr},
			Radii: raster.Radii{TopLeft: raster.Point{X: rr, Y: rr}, TopRight: raster.Point{X: rr, Y: rr},
				BottomRight: raster.Point{X: rr, Y: rr}, BottomLeft: raster.Point{X: rr, Y: rr}}}, raster.Solid(c))
	}
}

// setOwnAttr sets attribute name's current value on n without touching the
// page data it is bound to (the next setData of the binding compares with
// it).
func setOwnAttr(n *Node, name string, v any) {
	for i := range n.Attrs() {
		if n.Attrs()[i].Name == name {
			n.Attrs()[i].Value = v
		}
	}
}

func clamp01(v float64) float64 { return math.Max(0, math.Min(1, v)) }
