package engine

import (
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/scroll"
)

// dumpScrollView lists a scroll-view's children as render-cli.md's layout
// dump wants them: at the positions they have with every scroll offset
// taken as 0, and only the children that exist.
//
//   - type="list": every direct child exists (spec §6.2), so each is listed
//     at its offset-0 place in the list: the units are measured in order
//     (the ones never built are laid out for the dump) and stacked from the
//     leading padding.
//   - custom / nested: the units placed at the last frame, moved back by
//     the scroll offset; lazily laid out children that are not placed are
//     left out (builders' unbuilt items do not exist at all).
//
// The boxes are put back where the frame placed them afterwards, so a dump
// never changes what is painted.
func (p *Page) dumpScrollView(n *Node, b *lbox, db *DumpBox) {
	sv := rtOf(n).scroll
	t := &p.pipe.lt
	if sv == nil || sv.t != t || sv.gen != t.sc.gen || !sv.laid {
		p.dumpChildren(n, db)
		return
	}
	vert := sv.vertical()
	if sv.mode == modeList {
		pad := sv.contentPadding(sv.pw)
		pos, cs, cross := pad.Top, pad.Left, sv.vp.CrossExtent-pad.Left-pad.Right
		if !vert {
			pos, cs, cross = pad.Left, pad.Top, sv.vp.CrossExtent-pad.Top-pad.Bottom
		}
		for _, id := range b.children {
			if sv.isRefresherSlot(id) {
				continue // above the content, not a list item (scroll_refresher.go)
			}
			ext := sv.layoutUnit(id, cross, layout.Maybe{})
			ub := &t.boxes[id]
			if vert {
				ub.lay.Location = layout.Point{X: sv.px + float32(cs) + ub.lay.Margin.Left, Y: sv.py + float32(pos) + ub.lay.Margin.Top}
			} else {
				ub.lay.Location = layout.Point{X: sv.px + float32(pos) + ub.lay.Margin.Left, Y: sv.py + float32(cs) + ub.lay.Margin.Top}
			}
			t.place(id, b.absX, b.absY)
			pos += ext
		}
	} else {
		if t.sc.dumpHide == nil {
			t.sc.dumpHide = map[layout.NodeID]bool{}
		}
		for id, u := range t.sc.units {
			if u.sv == sv {
				t.sc.dumpHide[id] = true
			}
		}
		for _, id := range sv.dropped {
			t.sc.dumpHide[id] = true // not rendered in nested mode (scroll_nested.go)
		}
		off := float32(sv.vp.Offset())
		for i := range sv.vp.Frame.Placements {
			q := &sv.vp.Frame.Placements[i]
			delete(t.sc.dumpHide, q.Node)
			ub := &t.boxes[q.Node]
			if sv.vp.Axis == scroll.Vertical {
				ub.lay.Location.Y += off
			} else {
				ub.lay.Location.X += off
			}
			t.place(q.Node, t.boxes[ub.parent].absX, t.boxes[ub.parent].absY)
		}
	}
	sv.dumpRefresher() // at its offset-0 place (scroll_refresher.go)
	p.dumpChildren(n, db)
	clear(t.sc.dumpHide)
	sv.place()
	sv.placeAbs()
	sv.placeRefresher()
}
