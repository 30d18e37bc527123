package engine

import (
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/style"
	"github.com/skyline-go/skyline/widgets"
)

// relayout brings the layout tree up to date. A structural change rebuilds
// the box tree (boxes are cheap; paragraphs are shaped again only for the
// text boxes measured afterwards, paraOf); any other change marks the changed
// boxes dirty so that only their relayout boundaries are laid out again
// (spec: incremental pipeline; layout.MarkDirty).
func (p *Page) relayout() {
	pl := p.pipe
	t := &pl.lt
	t.page = p
	t.viewport = layout.Size{Width: pl.vp.Width, Height: pl.vp.Height}
	full := !t.built
	if !full {
		for _, n := range p.DirtyNodes() {
			if n.Dirty&(DirtyStructure|DirtyInserted) != 0 || n.Dirty&DirtyClass != 0 && n.Dead {
				full = true
				break
			}
		}
	}
	if !full {
		// Text changes and restyles refresh the boxes they reach; anything
		// that changes the shape of the box tree falls back to a rebuild.
		for _, list := range [2][]*Node{p.DirtyNodes(), pl.restyled} {
			for _, n := range list {
				if n.Dead {
					continue
				}
				if !p.refreshBox(n) {
					full = true
					break
				}
			}
			if full {
				break
			}
		}
	}
	pl.restyledLast = append(pl.restyledLast[:0], pl.restyled...)
	pl.restyled = pl.restyled[:0]
	if full {
		t.build()
		t.reserveBoxes() // builders add boxes during layout (scroll_builder.go)
		t.dirty = t.dirty[:0]
		layout.ComputeRootLayout(t, rootBox, layout.MaybeSize{Width: layout.Some(pl.vp.Width), Height: layout.Some(pl.vp.Height)})
	} else {
		t.reserveBoxes()
		for _, b := range t.dirty {
			if t.unitRelaid(b) {
				continue // a scroll unit: its scroll-view re-measures it
			}
			if b == rootBox {
				layout.ComputeRootLayout(t, rootBox, layout.MaybeSize{Width: layout.Some(pl.vp.Width), Height: layout.Some(pl.vp.Height)})
				continue
			}
			layout.RelayoutBoundary(t, b)
		}
		t.dirty = t.dirty[:0]
		t.relayoutScrolls()
	}
	t.place(rootBox, 0, 0)
}

// refreshBox brings n's layout box up to date after a text change or a
// restyle and marks it dirty. It reports false when the box tree itself
// must change: n has no box (it was in a display:none subtree), it shows or
// hides, or it has ::before / ::after boxes, whose presence may change.
func (p *Page) refreshBox(n *Node) bool {
	t := &p.pipe.lt
	id, ok := p.boxOf(n)
	if !ok {
		return false
	}
	b := &t.boxes[id]
	switch b.kind {
	case boxTextRoot:
		if b.node == n && (n.Style.Display == style.DisplayNone) != b.none {
			return false
		}
		b.para, b.inline, b.lazyPara = nil, nil, true // shaped again at its next measure
	case boxAnonText:
		b.para, b.lazyPara = nil, true
	case boxElement, boxImage:
		if (n.Style.Display == style.DisplayNone) != b.none || rtOf(n).before != nil || rtOf(n).after != nil {
			return false
		}
		// Anonymous text inherits from its element: restyle it too.
		for _, c := range b.children {
			if cb := &t.boxes[c]; cb.kind == boxAnonText {
				style.ComputeInto(cb.style, n.Style, nil, &p.pipe.env, nil)
				cb.para, cb.lazyPara = nil, true
				t.markDirty(c)
			} else if cb.kind == boxPseudo {
				return false
			}
		}
	}
	t.markResized(id) // its own style may have changed its size (motion.go)
	// An inline box inside text changes the paragraph that flows it.
	for pid := b.parent; pid != 0 && t.boxes[pid].kind == boxTextRoot; pid = t.boxes[pid].parent {
		pb := &t.boxes[pid]
		pb.para, pb.inline, pb.lazyPara = nil, nil, true
		t.markDirty(pid)
	}
	return true
}

// boxOf returns the layout box of n: its own for elements; for text nodes
// and elements inside a text root, the box whose paragraph holds them.
func (p *Page) boxOf(n *Node) (layout.NodeID, bool) {
	t := &p.pipe.lt
	for m := n; m != nil; m = m.Parent() {
		if m.Kind == ElementNode && m.Index > 0 && int(m.Index) < len(t.boxes) && t.boxes[m.Index].node == m {
			if m != n && t.boxes[m.Index].kind != boxTextRoot {
				// n is a text node of an anonymous box or an unlaid child.
				if n.Kind == TextNode {
					return p.anonBoxOf(n)
				}
				return 0, false
			}
			return layout.NodeID(m.Index), true
		}
	}
	return 0, false
}

func (p *Page) anonBoxOf(n *Node) (layout.NodeID, bool) {
	t := &p.pipe.lt
	if n.Parent() == nil {
		return 0, false
	}
	pid := layout.NodeID(n.Parent().Index)
	if pid == 0 || int(pid) >= len(t.boxes) {
		return 0, false
	}
	for _, c := range t.boxes[pid].children {
		if b := &t.boxes[c]; b.kind == boxAnonText {
			for m := b.node; m != nil && m.Kind == TextNode; m = m.NextSibling() {
				if m == n {
					return c, true
				}
			}
		}
	}
	return 0, false
}

func (t *layoutTree) markDirty(id layout.NodeID) {
	b := layout.MarkDirty(t, id)
	for _, d := range t.dirty {
		if d == b {
			return
		}
	}
	t.dirty = append(t.dirty, b)
}

// place computes every box's page position (render-cli.md: page
// coordinates, scroll offsets taken as 0). Fixed boxes are relative to the
// window.
func (t *layoutTree) place(id layout.NodeID, x, y float32) {
	b := &t.boxes[id]
	if b.lay.Fixed {
		x, y = 0, 0
	}
	b.absX, b.absY = x+b.lay.Location.X, y+b.lay.Location.Y
	if b.kind == boxTextRoot && len(b.children) > 0 {
		t.placeInline(b)
	}
	for _, c := range b.children {
		t.place(c, b.absX, b.absY)
	}
}

// placeInline moves a text root's inline boxes to where its paragraph put
// them (relative to the text root's border box).
func (t *layoutTree) placeInline(b *lbox) {
	if b.para == nil {
		return // never measured: not laid out, nothing to place
	}
	l := &b.lay
	cw := l.Size.Width - l.Border.Horizontal() - l.Padding.Horizontal()
	tl := b.para.Layout(cw)
	ox, oy := l.Border.Left+l.Padding.Left, l.Border.Top+l.Padding.Top
	for i := range tl.Boxes {
		pb := &tl.Boxes[i]
		if int(pb.Data) >= len(b.inline) {
			continue
		}
		n := b.inline[pb.Data]
		if n.Kind != ElementNode || n.Spec.Kind == widgets.TextRoot || n.Index <= 0 || int(n.Index) >= len(t.boxes) {
			continue // a spacer
		}
		cb := &t.boxes[n.Index]
		if cb.node != n {
			continue
		}
		cb.lay.Location = layout.Point{X: ox + pb.X + cb.lay.Margin.Left, Y: oy + pb.Y + cb.lay.Margin.Top}
	}
}
