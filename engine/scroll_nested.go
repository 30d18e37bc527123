package engine

import (
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/scroll"
)

// Nested mode (scroll-view type="nested", spec §4.8): the outer
// scroll-view's children are nested-scroll-header(s) and exactly one
// nested-scroll-body, each with one child; the inner scrollable inside the
// body declares associative-container="nested-scroll-view". The two
// scrollers are linked into a scroll.Nested pair, so a drag or fling given
// to either one (the pointer goes to the innermost scroll-view under it)
// chains: toward the end the outer scrolls until the body is pinned at its
// offset-top, then the inner; back toward the start the inner first, then
// the outer. The outer's maximum offset is the pinned offset by
// construction: its content is the headers plus a body as tall as the
// viewport below offset-top (scrollView.LayoutBox).

// nestLink pairs an outer nested scroll-view with its inner scrollable.
type nestLink struct {
	outer, inner *scrollView
	pair         scroll.Nested
	syncing      bool
}

// nestedChildren applies spec §4.8's rules to a nested scroll-view's child
// boxes and returns the ones that become slivers: the headers in order,
// then the body (headers are placed above the body). Anything else, a
// second body, and every child of a header or body after its first are
// not rendered, each with a positioned warning.
func (sv *scrollView) nestedChildren(kids []layout.NodeID) []layout.NodeID {
	t := sv.t
	out := make([]layout.NodeID, 0, len(kids))
	var body layout.NodeID
	for _, c := range kids {
		b := &t.boxes[c]
		n := b.node
		if b.kind != boxElement || n == nil {
			sv.dropBox(c, sv.node, "text directly inside <scroll-view type=\"nested\"> is not rendered (spec §4.8)")
			continue
		}
		switch {
		case b.none:
			continue
		case n.Tag == "nested-scroll-header":
			out = append(out, c)
		case n.Tag == "nested-scroll-body" && body == 0:
			body = c
		case n.Tag == "nested-scroll-body":
			sv.dropBox(c, n, "<scroll-view type=\"nested\"> takes exactly one <nested-scroll-body>; this one is not rendered (spec §4.8)")
			continue
		default:
			sv.dropBox(c, n, "<"+n.Tag+"> inside <scroll-view type=\"nested\"> is not rendered: only nested-scroll-header, nested-scroll-body and a refresher are (spec §4.8)")
			continue
		}
		sv.oneChild(c)
	}
	if body == 0 {
		sv.t.page.warnOnce(sv.node.Pos, "<scroll-view type=\"nested\"> has no <nested-scroll-body> (spec §4.8)")
		return out
	}
	return append(out, body)
}

// oneChild keeps only the first child box of a header or body (spec §4.8:
// extra children are not rendered).
func (sv *scrollView) oneChild(c layout.NodeID) {
	t := sv.t
	kids := t.boxes[c].children
	if len(kids) <= 1 {
		return
	}
	for _, extra := range kids[1:] {
		sv.dropBox(extra, t.boxes[c].node, "<"+t.boxes[c].node.Tag+"> renders only its first child; this one is not rendered (spec §4.8)")
	}
	t.boxes[c].children = kids[:1]
}

// dropBox records a box nested mode does not render (left out of layout,
// paint, hit testing and the layout dump) and warns at its node, or at
// fallback for anonymous text.
func (sv *scrollView) dropBox(c layout.NodeID, fallback *Node, msg string) {
	t := sv.t
	at := fallback
	if n := t.boxes[c].node; n != nil && t.boxes[c].kind == boxElement {
		at = n
	}
	t.page.warnOnce(at.Pos, msg)
	t.boxes[c].lay = layout.Layout{}
	sv.dropped = append(sv.dropped, c)
}

// linkNested pairs sv, when it declares associative-container=
// "nested-scroll-view", with the nearest enclosing nested scroll-view
// (spec §4.8). Only the first inner scrollable of a body is linked (the
// engine lays a swiper's items out together, so there is no current item
// to follow); a later one scrolls on its own.
func (sv *scrollView) linkNested() {
	if strAttr(sv.node, "associative-container") != "nested-scroll-view" {
		return
	}
	for n := sv.node.Parent(); n != nil; n = n.Parent() {
		if n.Kind != ElementNode || n.Tag != "scroll-view" || strAttr(n, "type") != "nested" {
			continue
		}
		outer := rtOf(n).scroll
		if outer == nil || outer.t != sv.t || outer.gen != sv.gen {
			return
		}
		if l := outer.nest; l != nil && l.inner != sv && l.inner.gen == sv.gen {
			return // the body's first inner scrollable is linked already
		}
		l := &nestLink{outer: outer, inner: sv}
		l.pair = scroll.Nested{Outer: &outer.sc, Inner: &sv.sc}
		l.pair.Link()
		outer.nest, sv.nest = l, l
		return
	}
	sv.t.page.warnOnce(sv.node.Pos, "associative-container=\"nested-scroll-view\" outside a <scroll-view type=\"nested\"> (spec §4.8)")
}

// unlinkNested dissolves sv's pair when sv is set up again (a new box
// tree): the inner relinks at its own setup, and an inner that is gone
// leaves the outer independent.
func (sv *scrollView) unlinkNested() {
	if l := sv.nest; l != nil {
		l.pair.Unlink()
		l.outer.nest, l.inner.nest = nil, nil
	}
}

// syncPair lays out both scroll-views of sv's pair, outer first (the
// inner's page position follows the outer's scroll), when either moved:
// one drag or fling moves both scrollers. It reports false when sv has no
// pair (or is being synced by it), so the caller syncs sv alone.
func (sv *scrollView) syncPair() bool {
	l := sv.nest
	if l == nil || l.syncing {
		return false
	}
	if l.outer.gen != l.outer.t.sc.gen || l.inner.gen != l.inner.t.sc.gen || !l.outer.laid || !l.inner.laid {
		return false
	}
	l.syncing = true
	l.outer.sync()
	l.inner.sync()
	l.syncing = false
	return true
}
