package layout

import "github.com/skyline-go/skyline/style"

// intrinsicKeywordSizes resolves width: min-content / max-content /
// fit-content (and the same keywords on min-width / max-width) by measuring
// the node's own content under the matching constraint (css-sizing-3 §3).
// Heights with these keywords behave as auto: a box's block size is its
// content height already.
func intrinsicKeywordSizes(t Tree, id NodeID, s *style.Computed, b boxStyle, known MaybeSize, in Inputs) MaybeSize {
	if !isKeyword(s.Width) && !isKeyword(s.MinWidth) && !isKeyword(s.MaxWidth) {
		return known
	}
	if in.KnownDimensions.Width.Ok {
		return known
	}
	under := func(a AvailableSpace) float32 {
		out := t.ComputeChildLayout(id, Inputs{RunMode: ComputeSize, SizingMode: ContentSize, Axis: HorizontalAxis,
			KnownDimensions: MaybeSize{Height: known.Height}, ParentSize: in.ParentSize,
			AvailableSpace: AvailableSize{a, in.AvailableSpace.Height}})
		return out.Size.Width
	}
	measure := func(k style.LengthKind) float32 {
		switch k {
		case style.LengthMinContent:
			return under(MinContentSpace)
		case style.LengthMaxContent:
			return under(MaxContentSpace)
		}
		// fit-content = min(max-content, max(min-content, available)).
		maxc := under(MaxContentSpace)
		a := in.AvailableSpace.Width.Sub(b.margin.Horizontal())
		switch a.Kind {
		case MinContent:
			return under(MinContentSpace)
		case MaxContent:
			return maxc
		}
		return min32(maxc, max32(under(MinContentSpace), a.Value))
	}
	lo, hi := b.min.Width, b.max.Width
	if isKeyword(s.MinWidth) {
		lo = Some(measure(s.MinWidth.Kind))
	}
	if isKeyword(s.MaxWidth) {
		hi = Some(measure(s.MaxWidth.Kind))
	}
	w := known.Width
	if isKeyword(s.Width) {
		w = Some(measure(s.Width.Kind))
	}
	if w.Ok || lo.Ok || hi.Ok {
		if w.Ok {
			known.Width = Some(max32(clampF(w.V, lo, hi), b.pb.Width))
		}
	}
	return known
}

func isKeyword(l style.Length) bool {
	return l.Kind == style.LengthMinContent || l.Kind == style.LengthMaxContent || l.Kind == style.LengthFitContent
}

// resolveKeywordLimits resolves min/max-width and min/max-height given as
// min-content, max-content or fit-content by measuring the box's content
// (css-sizing-3 §3.2). avail is the space the parent offers in each axis
// (for fit-content). Boxes without such keywords cost nothing.
func resolveKeywordLimits(t Tree, id NodeID, s *style.Computed, b *boxStyle, parent MaybeSize, avail MaybeSize) {
	if !isKeyword(s.MinWidth) && !isKeyword(s.MaxWidth) && !isKeyword(s.MinHeight) && !isKeyword(s.MaxHeight) {
		return
	}
	measure := func(k style.LengthKind, row bool) float32 {
		under := func(a AvailableSpace) float32 {
			in := Inputs{RunMode: ComputeSize, SizingMode: ContentSize, ParentSize: parent}
			if row {
				in.Axis = HorizontalAxis
				in.KnownDimensions.Height = b.size.Height
				in.AvailableSpace = AvailableSize{a, MaxContentSpace}
				return t.ComputeChildLayout(id, in).Size.Width
			}
			in.Axis = VerticalAxis
			in.KnownDimensions.Width = b.size.Width
			in.AvailableSpace = AvailableSize{MaxContentSpace, a}
			return t.ComputeChildLayout(id, in).Size.Height
		}
		switch k {
		case style.LengthMinContent:
			return under(MinContentSpace)
		case style.LengthMaxContent:
			return under(MaxContentSpace)
		}
		maxc := under(MaxContentSpace)
		a := avail.main(row)
		if !a.Ok {
			return maxc
		}
		return min32(maxc, max32(under(MinContentSpace), a.V))
	}
	if isKeyword(s.MinWidth) {
		b.min.Width = Some(measure(s.MinWidth.Kind, true))
		b.ownMin.Width = b.min.Width
	}
	if isKeyword(s.MaxWidth) {
		b.max.Width = Some(measure(s.MaxWidth.Kind, true))
		b.ownMax.Width = b.max.Width
	}
	if isKeyword(s.MinHeight) {
		b.min.Height = Some(measure(s.MinHeight.Kind, false))
		b.ownMin.Height = b.min.Height
	}
	if isKeyword(s.MaxHeight) {
		b.max.Height = Some(measure(s.MaxHeight.Kind, false))
		b.ownMax.Height = b.max.Height
	}
}
