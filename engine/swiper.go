package engine

import (
	"math"

	"github.com/skyline-go/skyline/engine/expr"
	"github.com/skyline-go/skyline/engine/paint"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/style"
	"github.com/skyline-go/skyline/widgets"
)

// Swiper (widgets/swiper.go is the component: attributes, the paging
// model, the dots). The engine lays its swiper-items out as pages along
// the model's position — each page the swiper's content box less
// previous-margin and next-margin, divided by display-multiple-items — hands
// it the drags that start on it (a gesture.Scrollable, so the innermost of a
// swiper and the scroll-views around it takes a drag along its axis),
// steps it on Advance, and dispatches change, transition and
// animationfinish as component events (they do not bubble).

// swiperView is a swiper's runtime state, kept on its node (the page
// survives box-tree rebuilds).
type swiperView struct {
	t    *layoutTree
	node *Node
	box  layout.NodeID
	gen  uint32
	m    widgets.SwiperModel
	// seenCurrent is the current attribute last acted on: a new value moves
	// the swiper (a controlled current), an unchanged one leaves a user's
	// swipe alone.
	seenCurrent any
	// The content box relative to the border box, and one page's size.
	px, py, pw, ph float32
	page           float32
	items          []layout.NodeID
	lastPos        float64
}

func isSwiper(b *lbox) bool {
	return b.kind == boxElement && b.node != nil && b.node.Tag == "swiper"
}

// swiperOf returns box id's swiper state.
func (t *layoutTree) swiperOf(id layout.NodeID) *swiperView {
	n := t.boxes[id].node
	rt := ensureRT(n)
	sw := rt.swiper
	if sw == nil {
		sw = &swiperView{node: n}
		rt.swiper = sw
	}
	if sw.gen != t.sc.gen || sw.box != id || sw.t != t {
		sw.t, sw.box, sw.gen = t, id, t.sc.gen
		t.swipers = append(t.swipers, sw)
	}
	return sw
}

// computeSwiper lays a swiper out: its own size from its style (150 px
// tall by default), then each swiper-item as one page at its place.
func (t *layoutTree) computeSwiper(id layout.NodeID, in layout.Inputs) layout.Output {
	st := t.boxes[id].style
	if st.Display == style.DisplayNone {
		return layout.Output{}
	}
	sw := t.swiperOf(id)
	out := layout.ComputeLeafLayout(t, id, in, func(known layout.MaybeSize, avail layout.AvailableSize) (layout.Size, layout.Maybe) {
		w := known.Width.V
		if !known.Width.Ok && avail.Width.Kind == layout.Definite {
			w = avail.Width.Value
		}
		return layout.Size{Width: w, Height: known.Height.V}, layout.Maybe{}
	})
	if in.RunMode != layout.PerformLayout {
		return out
	}
	sw.px = st.Border[3].Width + st.Padding.Left.ResolveOr(out.Size.Width, true, 0)
	sw.py = st.Border[0].Width + st.Padding.Top.ResolveOr(out.Size.Width, true, 0)
	sw.pw = max(0, out.Size.Width-sw.px-st.Border[1].Width-st.Padding.Right.ResolveOr(out.Size.Width, true, 0))
	sw.ph = max(0, out.Size.Height-sw.py-st.Border[2].Width-st.Padding.Bottom.ResolveOr(out.Size.Width, true, 0))
	sw.configure()
	cw, ch := sw.pw, sw.ph
	if sw.m.Cfg.Vertical {
		ch = sw.page
	} else {
		cw = sw.page
	}
	for _, c := range sw.items {
		var cin layout.Inputs
		cin.RunMode = layout.PerformLayout
		cin.KnownDimensions = layout.MaybeSize{Width: layout.Some(cw), Height: layout.Some(ch)}
		cin.ParentSize = layout.MaybeSize{Width: layout.Some(sw.pw), Height: layout.Some(sw.ph)}
		cin.AvailableSpace = layout.AvailableSize{Width: layout.DefiniteSpace(cw), Height: layout.DefiniteSpace(ch)}
		o := t.ComputeChildLayout(c, cin)
		l := &t.boxes[c].lay
		l.Size, l.ContentSize = o.Size, o.ContentSize
	}
	sw.position()
	sw.lastPos = sw.m.Pos
	return out
}

// configure reads the attributes, finds the pages and sizes one.
func (sw *swiperView) configure() {
	t, n := sw.t, sw.node
	cfg := widgets.SwiperConfigOf(nodeAttrs{n}, float64(t.viewport.Width)/750)
	sw.m.Cfg = cfg
	sw.items = sw.items[:0]
	for _, c := range t.boxes[sw.box].children {
		if b := &t.boxes[c]; b.kind == boxElement && !b.none {
			sw.items = append(sw.items, c)
		}
	}
	sw.m.Init(len(sw.items), t.sc.now)
	if a, ok := n.Attr("current"); ok && !expr.Same(a.Value, sw.seenCurrent) {
		first := sw.seenCurrent == nil
		sw.seenCurrent = a.Value
		if !first {
			sw.m.GoTo(int(numAttr(n, "current", 0)), t.sc.now, "")
		}
	}
	main := sw.pw
	if cfg.Vertical {
		main = sw.ph
	}
	sw.page = max(0, (main-float32(cfg.Prev)-float32(cfg.Next))/float32(cfg.Multiple))
}

// position places the pages for the model's position and the swiper's
// page position (a move of the pages alone: nothing is laid out again).
func (sw *swiperView) position() {
	t := sw.t
	lead := float32(sw.m.Cfg.Prev)
	for i, c := range sw.items {
		off := lead + float32(sw.m.Slot(i))*sw.page
		l := &t.boxes[c].lay
		if sw.m.Cfg.Vertical {
			l.Location = layout.Point{X: sw.px, Y: sw.py + off}
		} else {
			l.Location = layout.Point{X: sw.px + off, Y: sw.py}
		}
	}
}

// reposition moves the laid-out pages to the model's position (after a
// drag or an animation step; the layout pass's own placing does it after
// a layout).
func (sw *swiperView) reposition() {
	sw.position()
	sb := &sw.t.boxes[sw.box]
	for _, c := range sw.items {
		sw.t.place(c, sb.absX, sb.absY)
	}
}

// step advances the swiper to the scroll clock and dispatches its events;
// it reports whether it moved.
func (sw *swiperView) step() bool {
	moved := sw.m.Step(sw.t.sc.now)
	sw.sync()
	return moved || sw.m.Moving() || sw.m.Cfg.Autoplay
}

// sync places the pages for the model's position and turns what changed
// into events: change, transition ({dx, dy}: how far the pages are from
// resting on the current page) and animationfinish.
func (sw *swiperView) sync() {
	p := sw.t.page
	if sw.m.Pos != sw.lastPos {
		sw.lastPos = sw.m.Pos
		sw.reposition()
		if binds(sw.node, "transition") {
			diff := sw.m.Pos - float64(sw.m.Current)
			if n := float64(sw.m.N); sw.m.Cfg.Circular && n > 0 {
				diff = math.Mod(math.Mod(diff, n)+n, n)
				if diff > n/2 {
					diff -= n
				}
			}
			d := diff * float64(sw.page)
			dx, dy := d, 0.0
			if sw.m.Cfg.Vertical {
				dx, dy = 0, d
			}
			sw.t.sc.emit(p, sw.node, "transition", map[string]any{"dx": dx, "dy": dy})
		}
	}
	for _, e := range sw.m.Events() {
		typ := "change"
		if e.Kind == widgets.SwiperAnimationFinish {
			typ = "animationfinish"
		}
		if binds(sw.node, typ) {
			sw.t.sc.emit(p, sw.node, typ, map[string]any{"current": float64(e.Current), "source": e.Source, "currentItemId": sw.itemID(e.Current)})
		}
	}
}

// itemID is the item-id attribute of page i (change's currentItemId).
func (sw *swiperView) itemID(i int) string {
	if i < 0 || i >= len(sw.items) {
		return ""
	}
	return strAttr(sw.t.boxes[sw.items[i]].node, "item-id")
}

// laidSwiper returns n's swiper when it is laid out in the current box
// tree.
func (p *Page) laidSwiper(n *Node) *swiperView {
	if n.Kind != ElementNode || n.Tag != "swiper" || rtOf(n) == nil || rtOf(n).swiper == nil {
		return nil
	}
	if sw := rtOf(n).swiper; sw.t == &p.pipe.lt && sw.gen == p.pipe.lt.sc.gen {
		return sw
	}
	return nil
}

// dragSwiper is a swiper as gesture.Scrollable.
type dragSwiper swiperView

func (d *dragSwiper) Vertical() bool { return d.m.Cfg.Vertical }
func (d *dragSwiper) Moving() bool   { return false } // a finger on a moving swiper takes it over
func (d *dragSwiper) Linked() bool   { return false }
func (d *dragSwiper) DragStart()     { d.m.DragStart(d.t.sc.now) }
func (d *dragSwiper) DragUpdate(delta float64) bool {
	return d.m.DragUpdate(delta, float64(d.page))
}
func (d *dragSwiper) DragEnd(v float64) { d.m.DragEnd(v, float64(d.page), d.t.sc.now) }
func (d *dragSwiper) ScrollBy(float64)  {} // a wheel does not page a swiper
func (d *dragSwiper) Sync()             { (*swiperView)(d).sync() }

// PaintOverlay draws a swiper's indicator dots over its pages.
func (h *paintHost) PaintOverlay(pt *paint.Painter, id layout.NodeID) {
	b := &h.t.boxes[id]
	if !isSwiper(b) || rtOf(b.node) == nil || rtOf(b.node).swiper == nil {
		return
	}
	sw := rtOf(b.node).swiper
	cv := &h.t.page.ctl.canvas
	cv.pt = pt
	widgets.PaintDots(cv, boxOf(b), sw.m.Cfg, len(sw.items), sw.m.Current)
	cv.pt = nil
}
