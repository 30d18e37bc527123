package layout

import "github.com/skyline-go/skyline/style"

// boxGeom is what static positioning needs of a parent box.
type boxGeom struct {
	size    Size
	padding Rect
	border  Rect
}

// layoutPositionedChildren finishes a container's PerformLayout: it zeroes
// display:none subtrees, places position: fixed children against the
// viewport, and — when the node is a containing block (not static, or the
// root) — places its absolute children and the absolute descendants reached
// through static children (spec §3.5: static boxes are not containing
// blocks). It returns the content size the absolute children contribute.
func layoutPositionedChildren(t Tree, id NodeID, s *style.Computed, size Size, padding, border Rect, root bool) Size {
	var content Size
	n := t.ChildCount(id)
	for i := 0; i < n; i++ {
		ch := t.Child(id, i)
		cs := t.Style(ch)
		switch {
		case cs.Display == style.DisplayNone:
			hideSubtree(t, ch, uint32(i))
		case cs.Position == style.PositionFixed:
			layoutFixed(t, ch, uint32(i))
		}
	}
	if s.Position == style.PositionStatic && !root {
		return content
	}
	self := boxGeom{size: size, border: border, padding: padding}
	layoutAbsoluteDescendants(t, id, self, Point{}, size, border, &content)
	return content
}

func layoutAbsoluteDescendants(t Tree, parent NodeID, pg boxGeom, off Point, cbSize Size, cbBorder Rect, content *Size) {
	n := t.ChildCount(parent)
	for i := 0; i < n; i++ {
		ch := t.Child(parent, i)
		cs := t.Style(ch)
		if cs.Display == style.DisplayNone {
			continue
		}
		switch cs.Position {
		case style.PositionAbsolute:
			loc, sz := layoutAbsolute(t, ch, uint32(i), parent, i, pg, off, cbSize, cbBorder)
			if off == (Point{}) {
				content.Width = max32(content.Width, loc.X+sz.Width)
				content.Height = max32(content.Height, loc.Y+sz.Height)
			}
		case style.PositionStatic:
			l := t.UnroundedLayout(ch)
			g := boxGeom{size: l.Size, padding: l.Padding, border: l.Border}
			layoutAbsoluteDescendants(t, ch, g, Point{off.X + l.Location.X, off.Y + l.Location.Y}, cbSize, cbBorder, content)
		}
	}
}

// layoutAbsolute sizes and places one absolutely positioned box against the
// padding box of its containing block (CSS 2.1 §10.3.7, §10.6.4). off is
// the border-box origin of its parent in the containing block's coordinates;
// the stored location is relative to the parent.
func layoutAbsolute(t Tree, id NodeID, order uint32, parent NodeID, index int, pg boxGeom, off Point, cbSize Size, cbBorder Rect) (Point, Size) {
	area := Size{max32(cbSize.Width-cbBorder.Horizontal(), 0), max32(cbSize.Height-cbBorder.Vertical(), 0)}
	pos := placeOutOfFlow(t, id, area, func(sz Size, m Rect) Point {
		p := staticPosition(t, parent, index, pg, sz, m)
		return Point{p.X + off.X - cbBorder.Left, p.Y + off.Y - cbBorder.Top}
	})
	l := t.UnroundedLayout(id)
	l.Order = order
	l.Location = Point{pos.X + cbBorder.Left - off.X, pos.Y + cbBorder.Top - off.Y}
	return l.Location, l.Size
}

// layoutFixed places a position: fixed box against the viewport; auto
// insets count as 0 (spec §3.5, UNVERIFIED: Skyline does not resolve them
// to the static position).
func layoutFixed(t Tree, id NodeID, order uint32) {
	vp := t.Viewport()
	pos := placeOutOfFlow(t, id, vp, nil)
	l := t.UnroundedLayout(id)
	l.Order = order
	l.Location = pos
	l.Fixed = true
}

// placeOutOfFlow lays out a box in the area (a containing block's padding
// box) and returns its border-box position in the area's coordinates. It
// stores the layout (location to be fixed up by the caller). static gives
// the static position for axes whose insets are both auto; nil means 0.
func placeOutOfFlow(t Tree, id NodeID, area Size, static func(Size, Rect) Point) Point {
	s := t.Style(id)
	am := someSize(area)
	b := resolveBox(s, am)
	resolveKeywordLimits(t, id, s, &b, am, am)
	top, right := resolveLen(s.Inset.Top, am.Height), resolveLen(s.Inset.Right, am.Width)
	bottom, left := resolveLen(s.Inset.Bottom, am.Height), resolveLen(s.Inset.Left, am.Width)
	known := b.size.clamp(b.min, b.max)
	m := b.margin // auto margins are 0 until resolved below
	if !known.Width.Ok && left.Ok && right.Ok {
		known.Width = Some(max32(area.Width-m.Horizontal()-left.V-right.V, 0))
		known = fillRatio(known, s.AspectRatio, b.adj).clamp(b.min, b.max)
	}
	if !known.Height.Ok && top.Ok && bottom.Ok {
		known.Height = Some(max32(area.Height-m.Vertical()-top.V-bottom.V, 0))
		known = fillRatio(known, s.AspectRatio, b.adj).clamp(b.min, b.max)
	}
	known = known.maxSize(b.pb)
	// Shrink-to-fit: the space left by the non-auto insets and margins.
	availW := max32(area.Width-left.Or(0)-right.Or(0)-m.Horizontal(), 0)
	availH := max32(area.Height-top.Or(0)-bottom.Or(0)-m.Vertical(), 0)
	if !known.Width.Ok {
		known.Width = Some(shrinkToFitWidth(t, id, known, am, availW, DefiniteSpace(availH), b))
		known = fillRatio(known, s.AspectRatio, b.adj).clamp(b.min, b.max).maxSize(b.pb)
	}
	out := performChildLayout(t, id, known, am, AvailableSize{DefiniteSpace(availW), DefiniteSpace(availH)}, ContentSize)
	size := Size{known.Width.Or(out.Size.Width), known.Height.Or(out.Size.Height)}
	if !known.Height.Ok {
		size.Height = max32(clampF(size.Height, b.min.Height, b.max.Height), b.pb.Height)
		if size != out.Size {
			out = performChildLayout(t, id, someSize(size), am, AvailableSize{DefiniteSpace(size.Width), DefiniteSpace(size.Height)}, ContentSize)
		}
	}
	// Auto margins absorb the free space only when both insets are set.
	if left.Ok && right.Ok {
		free := area.Width - left.V - right.V - size.Width - m.Horizontal()
		switch {
		case b.marginAuto[3] && b.marginAuto[1]:
			if free >= 0 {
				m.Left, m.Right = free/2, free/2
			} else {
				m.Right = free
			}
		case b.marginAuto[3]:
			m.Left = free
		case b.marginAuto[1]:
			m.Right = free
		}
	}
	if top.Ok && bottom.Ok {
		free := area.Height - top.V - bottom.V - size.Height - m.Vertical()
		switch {
		case b.marginAuto[0] && b.marginAuto[2]:
			m.Top, m.Bottom = free/2, free/2
		case b.marginAuto[0]:
			m.Top = free
		case b.marginAuto[2]:
			m.Bottom = free
		}
	}
	var sp Point
	if static != nil && ((!left.Ok && !right.Ok) || (!top.Ok && !bottom.Ok)) {
		sp = static(size, m)
	}
	var p Point
	switch {
	case left.Ok:
		p.X = left.V + m.Left
	case right.Ok:
		p.X = area.Width - right.V - m.Right - size.Width
	case static != nil:
		p.X = sp.X
	default:
		p.X = m.Left
	}
	switch {
	case top.Ok:
		p.Y = top.V + m.Top
	case bottom.Ok:
		p.Y = area.Height - bottom.V - m.Bottom - size.Height
	case static != nil:
		p.Y = sp.Y
	default:
		p.Y = m.Top
	}
	t.SetUnroundedLayout(id, Layout{Location: p, Size: size, ContentSize: out.ContentSize,
		Border: b.border, Padding: b.padding, Margin: m})
	return p
}

// staticPosition is where an absolutely positioned child would sit in its
// parent's flow, in the parent's border-box coordinates. In a flex
// container it is placed as the sole flex item (css-flexbox-1 §4.1); in a
// block container where the block flow left it, after the collapsed
// margins pending there (blockChildren stored that y as the box's
// provisional location).
func staticPosition(t Tree, parent NodeID, index int, pg boxGeom, size Size, m Rect) Point {
	ps := t.Style(parent)
	cx := pg.border.Left + pg.padding.Left
	cw := pg.size.Width - pg.border.Horizontal() - pg.padding.Horizontal()
	ch := pg.size.Height - pg.border.Vertical() - pg.padding.Vertical()
	outerW, outerH := size.Width+m.Horizontal(), size.Height+m.Vertical()
	if ps.Display == style.DisplayBlock {
		return Point{cx + m.Left, t.UnroundedLayout(t.Child(parent, index)).Location.Y + m.Top}
	}
	cy := pg.border.Top + pg.padding.Top
	row := ps.FlexDir.IsRow()
	reverse := ps.FlexDir.IsReverse()
	mainFree, crossFree := ch-outerH, cw-outerW
	if row {
		mainFree, crossFree = cw-outerW, ch-outerH
	}
	var mainOff float32
	switch normalizeContent(ps.Justify, true) {
	case style.AlignFlexStart, style.AlignSpaceBetween:
		if reverse {
			mainOff = mainFree
		}
	case style.AlignFlexEnd:
		if !reverse {
			mainOff = mainFree
		}
	case style.AlignCenter, style.AlignSpaceAround, style.AlignSpaceEvenly:
		mainOff = mainFree / 2
	case style.AlignEnd:
		mainOff = mainFree
	}
	cs := t.Style(t.Child(parent, index))
	al := normalizeSelf(cs.AlignSelf)
	if cs.AlignSelf == style.AlignAuto {
		al = normalizeSelf(ps.AlignItems)
	}
	wrapRev := ps.FlexWrap == style.WrapReverse
	var crossOff float32
	switch al {
	case style.AlignCenter:
		crossOff = crossFree / 2
	case style.AlignEnd:
		crossOff = crossFree
	case style.AlignStart:
	case style.AlignFlexEnd:
		if !wrapRev {
			crossOff = crossFree
		}
	default:
		if wrapRev {
			crossOff = crossFree
		}
	}
	if cs.AlignSelf != style.AlignAuto && cs.AlignSafe&style.SafeAlignSelf != 0 && crossFree < 0 {
		// The box's own `safe` keeps an overflowing box at start; Chromium
		// ignores the safety of align-items and justify-content here.
		crossOff = 0
	}
	if row {
		return Point{cx + mainOff + m.Left, cy + crossOff + m.Top}
	}
	return Point{cx + crossOff + m.Left, cy + mainOff + m.Top}
}

// hideSubtree gives a display:none box and its descendants empty layouts
// (spec §3.1).
func hideSubtree(t Tree, id NodeID, order uint32) {
	t.SetUnroundedLayout(id, Layout{Order: order})
	n := t.ChildCount(id)
	for i := 0; i < n; i++ {
		hideSubtree(t, t.Child(id, i), uint32(i))
	}
}

// contributeContent grows a container's content size by a child's box and,
// unless the child clips, by the child's own overflow.
func contributeContent(content *Size, loc Point, size, childContent Size, clips bool) {
	w, h := size.Width, size.Height
	if !clips {
		w, h = max32(w, childContent.Width), max32(h, childContent.Height)
	}
	content.Width = max32(content.Width, loc.X+w)
	content.Height = max32(content.Height, loc.Y+h)
}
