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
