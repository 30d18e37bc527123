package layout

import "github.com/skyline-go/skyline/style"

// MeasureFunc measures a leaf's content (text, an image): given the content
// box dimensions already known and the space available to the content box,
// it returns the content size and the first baseline measured from the
// content-box top (None when the content has no baseline).
type MeasureFunc func(known MaybeSize, avail AvailableSize) (Size, Maybe)

// ComputeLeafLayout sizes a node without children from its style and, when
// measure is not nil, its measured content (Taffy's leaf algorithm).
func ComputeLeafLayout(t Tree, id NodeID, in Inputs, measure MeasureFunc) Output {
	s := t.Style(id)
	b := resolveBox(s, in.ParentSize)
	var size, lo, hi MaybeSize
	ratio := float32(0)
	if in.SizingMode == InherentSize {
		size = in.KnownDimensions.or(b.size)
		lo, hi = b.min, b.max
		ratio = s.AspectRatio
	} else {
		size = in.KnownDimensions
	}
	inset := b.padding.add(b.border)
	pb := b.pb
	block := s.Display == style.DisplayBlock
	// An empty block with nothing between its margins lets them collapse
	// through (CSS 2.1 §8.3.1); overflow does not stop it, as nothing
	// makes a new block formatting context (spec §3.3).
	edges := !block || isPositioned(s) || inset.Top > 0 || inset.Bottom > 0
	solid := edges || (size.Height.Ok && size.Height.V > 0 && !(hi.Height.Ok && hi.Height.V <= 0)) || (lo.Height.Ok && lo.Height.V > 0)
	var top, bottom MarginSet
	if in.CollapseTop && !isPositioned(s) {
		top = MarginSetOf(b.margin.Top)
	}
	if in.CollapseBottom && !isPositioned(s) {
		bottom = MarginSetOf(b.margin.Bottom)
	}
	if in.RunMode == ComputeSize && size.Width.Ok && size.Height.Ok && solid {
		sz := Size{max32(clampF(size.Width.V, lo.Width, hi.Width), pb.Width), max32(clampF(size.Height.V, lo.Height, hi.Height), pb.Height)}
		return Output{Size: sz, TopMargin: top, BottomMargin: bottom}
	}
	var measured Size
	var baseline Maybe
	if measure != nil {
		av := AvailableSize{
			Width:  in.AvailableSpace.Width.Sub(b.margin.Horizontal()).orMaybe(size.Width).Clamp(lo.Width, hi.Width).Sub(pb.Width),
			Height: in.AvailableSpace.Height.Sub(b.margin.Vertical()).orMaybe(size.Height).Clamp(lo.Height, hi.Height).Sub(pb.Height),
		}
		measured, baseline = measure(size.sub(pb), av)
	}
	w := clampF(size.Width.Or(measured.Width+pb.Width), lo.Width, hi.Width)
	h := clampF(size.Height.Or(measured.Height+pb.Height), lo.Height, hi.Height)
	if ratio > 0 && !size.Height.Ok {
		h = max32(h, ratioTransfer(MaybeSize{Width: Some(w)}, ratio, b.adj).Height.V)
	}
	out := Output{
		Size:         Size{max32(w, pb.Width), max32(h, pb.Height)},
		ContentSize:  Size{measured.Width + b.padding.Horizontal(), measured.Height + b.padding.Vertical()},
		TopMargin:    top,
		BottomMargin: bottom,
	}
	if baseline.Ok {
		out.FirstBaselines.Y = Some(baseline.V + inset.Top)
	}
	if !edges && out.Size.Height == 0 && measured.Height == 0 {
		out.MarginsCanCollapseThrough = true
		if in.CollapseTop || in.CollapseBottom {
			// The bottom set holds both margins; the top one alone places
			// the box (see ComputeBlockLayout).
			out.BottomMargin = MarginSetOf(b.margin.Top).With(b.margin.Bottom)
		}
	}
	return out
}
