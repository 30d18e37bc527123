package layout

import "github.com/skyline-go/skyline/style"

// ComputeBlockLayout runs block layout (spec §3.3) for node id: children
// stack vertically, auto widths fill the container, horizontal auto margins
// centre, and vertical margins collapse as in CSS 2.1 §8.3.1 with WeChat's
// rule (spec §8.7): flex containers and absolute / fixed boxes never
// collapse their own margins, and the root never collapses with its
// children. Nothing creates a new block formatting context (spec §3.3).
func ComputeBlockLayout(t Tree, id NodeID, in Inputs) Output {
	s := t.Style(id)
	b := resolveBox(s, in.ParentSize)
	var styleSize MaybeSize
	if in.SizingMode == InherentSize {
		styleSize = b.size.clamp(b.min, b.max)
	} else {
		// Content-based sizes ignore the node's own min/max (flex.go).
		b.min, b.max = MaybeSize{}, MaybeSize{}
	}
	var minMax MaybeSize
	if b.min.Width.Ok && b.max.Width.Ok && b.max.Width.V <= b.min.Width.V {
		minMax.Width = b.min.Width
	}
	if b.min.Height.Ok && b.max.Height.Ok && b.max.Height.V <= b.min.Height.V {
		minMax.Height = b.min.Height
	}
	known := in.KnownDimensions.or(minMax.or(styleSize)).maxSize(b.pb)
	if in.SizingMode == InherentSize {
		known = intrinsicKeywordSizes(t, id, s, b, known, in)
		known = ratioHeight(s, &b, known, in)
	}
	canCollapseThrough := false
	if in.RunMode == ComputeSize && known.Width.Ok && known.Height.Ok {
		return Output{Size: Size{known.Width.V, known.Height.V}}
	}
	inset := b.padding.add(b.border)
	positioned := isPositioned(s)
	collapseTop := in.CollapseTop && !in.Root && !positioned && inset.Top == 0
	autoHeight := !isKeyword(s.Height) && !resolveLen(s.Height, in.ParentSize.Height).Ok && !in.KnownDimensions.Height.Ok
	collapseBottom := in.CollapseBottom && !in.Root && !positioned && inset.Bottom == 0 && autoHeight
	solid := positioned || inset.Top > 0 || inset.Bottom > 0

	// Container width: given, else the widest child (shrink-to-fit).
	var width float32
	if known.Width.Ok {
		width = known.Width.V
	} else {
		aw := in.AvailableSpace.Width.Sub(b.margin.Horizontal() + inset.Horizontal())
		width = blockContentWidth(t, id, aw) + inset.Horizontal()
		width = max32(clampF(width, b.min.Width, b.max.Width), b.pb.Width)
	}
	if in.RunMode == ComputeSize && known.Height.Ok {
		return Output{Size: Size{width, known.Height.V}}
	}

	innerW := width - inset.Horizontal()
	innerH := known.Height.Sub(inset.Vertical())
	r := blockChildren(t, id, innerW, innerH, inset, collapseTop, collapseBottom, in.RunMode)
	height := known.Height.Or(max32(clampF(r.height, b.min.Height, b.max.Height), b.pb.Height))
	if collapseBottom && (height != max32(r.height, b.pb.Height) || s.AspectRatio > 0) {
		// min-height / max-height changed the height, or aspect-ratio
		// gave it: the last child's bottom margin no longer adjoins ours
		// and, as in Chromium, is dropped (fixtures
		// collapse__min_height_blocks_bottom, collapse__aspect_ratio_*).
		collapseBottom = false
	}
	size := Size{width, height}
	if !solid && r.allCollapseThrough && height == 0 {
		// Nothing between the margins and no height (CSS 2.1 §8.3.1; a
		// height that min/max-height brings to 0 counts, as in
		// Chromium): the margins collapse through.
		canCollapseThrough = true
	}
	out := Output{Size: size, MarginsCanCollapseThrough: canCollapseThrough}
	if in.CollapseTop && !positioned {
		out.TopMargin = MarginSetOf(b.margin.Top)
		if collapseTop {
			out.TopMargin = r.firstTop.With(b.margin.Top)
		}
	}
	if in.CollapseBottom && !positioned {
		out.BottomMargin = MarginSetOf(b.margin.Bottom)
		if collapseBottom {
			out.BottomMargin = r.lastBottom.With(b.margin.Bottom)
		}
	}
	if canCollapseThrough && (in.CollapseTop || in.CollapseBottom) {
		// Every margin adjoins: the bottom set holds them all. The top set
		// keeps only those above our bottom margin, which place our border
		// box (CSS 2.1 §8.3.1: as if we had a bottom border).
		out.BottomMargin = out.TopMargin.Join(out.BottomMargin).Join(r.lastBottom)
	}
	if in.RunMode == ComputeSize {
		return Output{Size: size, TopMargin: out.TopMargin, BottomMargin: out.BottomMargin, MarginsCanCollapseThrough: canCollapseThrough}
	}
	abs := layoutPositionedChildren(t, id, s, size, b.padding, b.border, in.Root)
	out.ContentSize = Size{max32(r.content.Width, abs.Width), max32(r.content.Height, abs.Height)}
	out.FirstBaselines.Y = r.baseline
	return out
}

// blockContentWidth is the widest in-flow child's outer width: the
// container's shrink-to-fit width when its own width is not given.
func blockContentWidth(t Tree, id NodeID, avail AvailableSpace) float32 {
	var w float32
	n := t.ChildCount(id)
	for i := 0; i < n; i++ {
		ch := t.Child(id, i)
		cs := t.Style(ch)
		if cs.Display == style.DisplayNone || isPositioned(cs) {
			continue
		}
		cb := resolveBox(cs, None2)
		known := cb.size.clamp(cb.min, cb.max)
		var cw float32
		if known.Width.Ok {
			cw = known.Width.V + cb.margin.Horizontal()
		} else {
			out := t.ComputeChildLayout(ch, Inputs{RunMode: ComputeSize, Axis: HorizontalAxis, KnownDimensions: known,
				AvailableSpace: AvailableSize{avail.Sub(cb.margin.Horizontal()), MinContentSpace}})
			cw = out.Size.Width + cb.margin.Horizontal()
		}
		w = max32(w, max32(cw, cb.pb.Width))
	}
	return w
}

// None2 is an entirely indefinite size.
var None2 = MaybeSize{}

type blockResult struct {
	height             float32 // outer height from content
	content            Size
	firstTop           MarginSet
	lastBottom         MarginSet
	allCollapseThrough bool
	baseline           Maybe
}

// blockChildren stacks the in-flow children, collapsing their vertical
// margins, and (in PerformLayout) stores their layouts.
func blockChildren(t Tree, id NodeID, innerW float32, innerH Maybe, inset Rect, collapseTop, collapseBottom bool, mode RunMode) blockResult {
	parent := MaybeSize{Some(innerW), innerH}
	avail := AvailableSize{DefiniteSpace(innerW), MinContentSpace}
	r := blockResult{allCollapseThrough: true}
	committed := inset.Top
	var active MarginSet
	firstOpen := true // still collapsing with the container's top margin
	n := t.ChildCount(id)
	for i := 0; i < n; i++ {
		ch := t.Child(id, i)
		cs := t.Style(ch)
		if cs.Display == style.DisplayNone {
			continue
		}
		if isPositioned(cs) {
			if mode == PerformLayout {
				// Its static position (CSS 2.1 §10.6.4, as Chromium): where
				// the next in-flow box's border box would start, after the
				// margins pending here; staticPosition reads it back.
				y := committed + active.Resolve()
				if firstOpen && collapseTop {
					y = committed
				}
				t.SetUnroundedLayout(ch, Layout{Order: uint32(i), Location: Point{Y: y}})
			}
			continue
		}
		cb := resolveBox(cs, parent)
		resolveKeywordLimits(t, ch, cs, &cb, parent, parent)
		known := cb.size
		if cs.AspectRatio > 0 && !resolveLen(cs.Height, innerH).Ok {
			// A ratio height is the child's to work out: content may
			// exceed it under min-height: auto (ratioHeight).
			known.Height = None
		}
		if known.Width.Ok && cs.AspectRatio > 0 && cs.MinWidth.Kind == style.LengthAuto && !isKeyword(cs.Width) && !resolveLen(cs.Width, Some(innerW)).Ok {
			// A width from the ratio is floored by the min-content width,
			// the automatic minimum (css-sizing-4), as in Chromium.
			mc := t.ComputeChildLayout(ch, Inputs{RunMode: ComputeSize, SizingMode: ContentSize, Axis: HorizontalAxis,
				KnownDimensions: MaybeSize{Height: known.Height}, ParentSize: parent,
				AvailableSpace: AvailableSize{MinContentSpace, MaxContentSpace}}).Size.Width
			known.Width = Some(max32(known.Width.V, mc))
		}
		if !known.Width.Ok {
			mw := cb.margin.Horizontal()
			known.Width = Some(innerW - mw)
		}
		known = known.clamp(cb.min, cb.max)
		// Flex containers keep their margins to themselves (spec §8.7).
		collapses := cs.Display == style.DisplayBlock
		out := t.ComputeChildLayout(ch, Inputs{RunMode: PerformLayout, KnownDimensions: known, ParentSize: parent,
			AvailableSpace: AvailableSize{avail.Width.Sub(cb.margin.Horizontal()), avail.Height},
			CollapseTop:    collapses, CollapseBottom: collapses})
		size := out.Size
		m := cb.margin
		// Horizontal auto margins share the free space (CSS 2.1 §10.3.3).
		free := max32(innerW-size.Width-m.Horizontal(), 0)
		switch {
		case cb.marginAuto[3] && cb.marginAuto[1]:
			m.Left, m.Right = free/2, free/2
		case cb.marginAuto[3]:
			m.Left = free
		case cb.marginAuto[1]:
			m.Right = free
		}
		var rel Point
		if cs.Position != style.PositionStatic {
			top, bottom := resolveLen(cs.Inset.Top, innerH), resolveLen(cs.Inset.Bottom, innerH)
			left, right := resolveLen(cs.Inset.Left, Some(innerW)), resolveLen(cs.Inset.Right, Some(innerW))
			rel.X = left.OrMaybe(Maybe{V: -right.V, Ok: right.Ok}).Or(0)
			rel.Y = top.OrMaybe(Maybe{V: -bottom.V, Ok: bottom.Ok}).Or(0)
		}
		var y float32
		if !collapses {
			// Its margins stay separate: the pending set resolves above it.
			y = committed + active.Resolve() + m.Top
			if firstOpen && collapseTop {
				r.firstTop = r.firstTop.Join(active)
				y = committed + m.Top
			}
			firstOpen = false
			r.allCollapseThrough = false
			committed = y + size.Height + m.Bottom
			active = MarginSet{}
		} else {
			topSet := out.TopMargin.With(m.Top)
			botSet := out.BottomMargin.With(m.Bottom)
			through := out.MarginsCanCollapseThrough
			if firstOpen && collapseTop {
				y = committed
			} else {
				y = committed + active.Join(topSet).Resolve()
			}
			m.Top, m.Bottom = topSet.Resolve(), botSet.Resolve()
			if firstOpen {
				r.firstTop = r.firstTop.Join(topSet)
				if through {
					r.firstTop = r.firstTop.Join(botSet)
				} else {
					firstOpen = false
				}
			}
			if through {
				active = active.Join(topSet).Join(botSet)
			} else {
				r.allCollapseThrough = false
				committed = y + size.Height
				active = botSet
			}
		}
		loc := Point{inset.Left + m.Left + rel.X, y + rel.Y}
		if mode == PerformLayout {
			t.SetUnroundedLayout(ch, Layout{Order: uint32(i), Location: loc, Size: size, ContentSize: out.ContentSize,
				Border: cb.border, Padding: cb.padding, Margin: m})
			contributeContent(&r.content, loc, size, out.ContentSize, cs.Overflow == style.OverflowHidden)
			if !r.baseline.Ok && out.FirstBaselines.Y.Ok {
				r.baseline = Some(loc.Y + out.FirstBaselines.Y.V)
			}
		}
	}
	if firstOpen && collapseTop {
		// Every child collapsed through into our top margin: those margins
		// are above our content, not below it.
		active = MarginSet{}
	}
	r.lastBottom = active
	if !collapseBottom {
		committed += active.Resolve()
	}
	r.height = max32(committed+inset.Bottom, 0)
	return r
}
