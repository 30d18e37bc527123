package layout

import "github.com/skyline-go/skyline/style"

// ComputeBuiltin runs the algorithm this package provides for a node: a
// leaf when measure is set (text, images), block for display: block
// containers, flex otherwise (inline-flex, and inline / inline-block outside
// text, behave as their block-level counterparts: spec §3.2, §3.4). A
// display:none node gets an empty box. Hosts call it from their compute
// function (through ComputeCached) and add their own containers (list,
// grid, masonry) in front of it.
func ComputeBuiltin(t Tree, id NodeID, in Inputs, measure MeasureFunc) Output {
	s := t.Style(id)
	switch {
	case s.Display == style.DisplayNone:
		return Output{}
	case measure != nil:
		return ComputeLeafLayout(t, id, in, measure)
	case s.Display == style.DisplayBlock || s.Display == style.DisplayInlineBlock || s.Display == style.DisplayInline:
		return ComputeBlockLayout(t, id, in)
	case t.ChildCount(id) == 0:
		return ComputeLeafLayout(t, id, in, nil)
	}
	return ComputeFlexLayout(t, id, in)
}

// ComputeRootLayout lays out the tree under root. available is the space of
// the root's containing block (the window; None for an unconstrained axis);
// the root is placed like an absolutely positioned box at its margins and
// insets (the conformance fixtures' convention, and the page root of spec
// §8.1 when given the window size and width/height 100%).
func ComputeRootLayout(t Tree, root NodeID, available MaybeSize) {
	s := t.Style(root)
	b := resolveBox(s, available)
	resolveKeywordLimits(t, root, s, &b, available, available)
	avail := AvailableSize{MaxContentSpace, MaxContentSpace}
	if available.Width.Ok {
		avail.Width = DefiniteSpace(available.Width.V)
	}
	if available.Height.Ok {
		avail.Height = DefiniteSpace(available.Height.V)
	}
	top, right := resolveLen(s.Inset.Top, available.Height), resolveLen(s.Inset.Right, available.Width)
	bottom, left := resolveLen(s.Inset.Bottom, available.Height), resolveLen(s.Inset.Left, available.Width)
	known := b.size.clamp(b.min, b.max)
	if !known.Width.Ok && left.Ok && right.Ok && available.Width.Ok {
		known.Width = Some(max32(available.Width.V-left.V-right.V-b.margin.Horizontal(), 0))
	}
	if !known.Height.Ok && top.Ok && bottom.Ok && available.Height.Ok {
		known.Height = Some(max32(available.Height.V-top.V-bottom.V-b.margin.Vertical(), 0))
	}
	if !known.Width.Ok {
		// The root is placed like an absolutely positioned box: its width
		// is shrink-to-fit (CSS 2.1 §10.3.7) against the containing block,
		// which is zero-sized when no viewport is given.
		space := available.Width.Or(0) - b.margin.Horizontal() - left.Or(0) - right.Or(0)
		known.Width = Some(shrinkToFitWidth(t, root, known, available, max32(space, 0), avail.Height, b))
	}
	out := t.ComputeChildLayout(root, Inputs{RunMode: PerformLayout, KnownDimensions: known,
		ParentSize: available, AvailableSpace: avail, Root: true})
	loc := Point{b.margin.Left + left.Or(0), b.margin.Top + top.Or(0)}
	if !left.Ok && right.Ok && available.Width.Ok {
		loc.X = available.Width.V - right.V - b.margin.Right - out.Size.Width
	}
	if !top.Ok && bottom.Ok && available.Height.Ok {
		loc.Y = available.Height.V - bottom.V - b.margin.Bottom - out.Size.Height
	}
	t.SetUnroundedLayout(root, Layout{Location: loc, Size: out.Size, ContentSize: out.ContentSize,
		Border: b.border, Padding: b.padding, Margin: b.margin, Fixed: s.Position == style.PositionFixed})
}

// shrinkToFitWidth is min(max-content, max(min-content, space)) clamped by
// min/max-width (CSS 2.1 §10.3.7), for out-of-flow boxes with auto width.
func shrinkToFitWidth(t Tree, id NodeID, known, parent MaybeSize, space float32, availH AvailableSpace, b boxStyle) float32 {
	measure := func(a AvailableSpace) float32 {
		return t.ComputeChildLayout(id, Inputs{RunMode: ComputeSize, Axis: HorizontalAxis, KnownDimensions: known,
			ParentSize: parent, AvailableSpace: AvailableSize{a, availH}}).Size.Width
	}
	w := min32(measure(MaxContentSpace), max32(measure(MinContentSpace), space))
	return max32(clampF(w, b.min.Width, b.max.Width), b.pb.Width)
}
