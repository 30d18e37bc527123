package layout

import "github.com/skyline-go/skyline/style"

// resolveLen resolves a length-percentage against ref; auto, none and the
// intrinsic keywords are indefinite here (spec §3.1: percentages against an
// indefinite size behave as auto).
func resolveLen(l style.Length, ref Maybe) Maybe {
	if m, slow := lenFast(&l); !slow {
		return m
	}
	return resolvePct(&l, ref)
}

// lenFast is resolveLen without a call, small enough to inline: a length
// that is not a length-percentage is none, a plain px length its value;
// slow says l has a percentage part (or a calc()), for resolvePct.
func lenFast(l *style.Length) (m Maybe, slow bool) {
	if l.Kind != style.LengthFixed {
		return Maybe{}, false
	}
	if l.Pct != 0 || l.Calc != nil { // l.HasPct(), spelt out
		return Maybe{}, true
	}
	return Maybe{V: l.Px, Ok: true}, false
}

// resolvePct is resolveLen for a length-percentage with a percentage part.
func resolvePct(l *style.Length, ref Maybe) Maybe {
	if !ref.Ok {
		return None
	}
	return Some(l.At(ref.V)) // min() / max() over percentages included
}

// resolveOrZero resolves margins and paddings: percentages refer to the
// containing block's width (spec §3.1) and count as 0 when it is unknown.
func resolveOrZero(l style.Length, ref Maybe) float32 {
	return resolveLen(l, ref).Or(0)
}

func resolveEdges(e *style.Edges, ref Maybe) Rect {
	t, st := lenFast(&e.Top)
	r, sr := lenFast(&e.Right)
	b, sb := lenFast(&e.Bottom)
	l, sl := lenFast(&e.Left)
	if st || sr || sb || sl {
		return Rect{resolveOrZero(e.Top, ref), resolveOrZero(e.Right, ref), resolveOrZero(e.Bottom, ref), resolveOrZero(e.Left, ref)}
	}
	return Rect{t.Or(0), r.Or(0), b.Or(0), l.Or(0)}
}

func borderRect(s *style.Computed) Rect {
	return Rect{max32(s.Border[0].Width, 0), max32(s.Border[1].Width, 0), max32(s.Border[2].Width, 0), max32(s.Border[3].Width, 0)}
}

func paddingRect(s *style.Computed, ref Maybe) Rect {
	p := resolveEdges(&s.Padding, ref)
	// Negative paddings are invalid (spec §2.7); clamp defensively.
	p.Top, p.Right, p.Bottom, p.Left = max32(p.Top, 0), max32(p.Right, 0), max32(p.Bottom, 0), max32(p.Left, 0)
	return p
}

func resolveSize(w, h *style.Length, parent MaybeSize) MaybeSize {
	mw, sw := lenFast(w)
	mh, sh := lenFast(h)
	if sw {
		mw = resolvePct(w, parent.Width)
	}
	if sh {
		mh = resolvePct(h, parent.Height)
	}
	return MaybeSize{mw, mh}
}

func (s MaybeSize) add(z Size) MaybeSize {
	return MaybeSize{s.Width.Add(z.Width), s.Height.Add(z.Height)}
}

func (s MaybeSize) sub(z Size) MaybeSize {
	return MaybeSize{s.Width.Sub(z.Width), s.Height.Sub(z.Height)}
}

func (s MaybeSize) clamp(lo, hi MaybeSize) MaybeSize {
	return MaybeSize{s.Width.Clamp(lo.Width, hi.Width), s.Height.Clamp(lo.Height, hi.Height)}
}

func (s MaybeSize) maxSize(z Size) MaybeSize {
	return MaybeSize{s.Width.Max(z.Width), s.Height.Max(z.Height)}
}

func (s MaybeSize) or(o MaybeSize) MaybeSize {
	return MaybeSize{s.Width.OrMaybe(o.Width), s.Height.OrMaybe(o.Height)}
}

func someSize(z Size) MaybeSize { return MaybeSize{Some(z.Width), Some(z.Height)} }

// boxStyle is a node's size-related style resolved against its containing
// block: sizes are border-box (box-sizing content-box adds padding and
// border, spec §3.1) with aspect-ratio transferred between axes.
type boxStyle struct {
	size, min, max MaybeSize
	// ownMin, ownMax are min/max as written, without the limits min and max
	// take from the other axis through aspect-ratio. Flex items use these:
	// Chromium ignores transferred limits when it flexes or stretches.
	ownMin, ownMax MaybeSize
	adj            Size // border box minus the box aspect-ratio relates (ratioAdj)
	padding        Rect
	border         Rect
	margin         Rect
	marginAuto     [4]bool // top, right, bottom, left
	pb             Size    // padding + border per axis
}

func resolveBox(s *style.Computed, parent MaybeSize) boxStyle {
	var b boxStyle
	b.padding = paddingRect(s, parent.Width)
	b.border = borderRect(s)
	b.margin = resolveEdges(&s.Margin, parent.Width)
	b.marginAuto = [4]bool{s.Margin.Top.IsAuto(), s.Margin.Right.IsAuto(), s.Margin.Bottom.IsAuto(), s.Margin.Left.IsAuto()}
	b.pb = b.padding.add(b.border).sum()
	var adj Size
	if s.BoxSizing == style.ContentBox {
		adj = b.pb
	}
	ar := s.AspectRatio
	b.adj = ratioAdj(s, b.pb)
	own := resolveSize(&s.Width, &s.Height, parent)
	b.ownMin = resolveSize(&s.MinWidth, &s.MinHeight, parent).add(adj)
	b.ownMax = resolveSize(&s.MaxWidth, &s.MaxHeight, parent).add(adj)
	b.min, b.max = b.ownMin, b.ownMax
	b.size = own.add(adj)
	if ar > 0 && b.size.Width.Ok != b.size.Height.Ok {
		// The other dimension follows the used one: clamped by its limits
		// and never below padding + border.
		b.size = b.size.or(ratioTransfer(b.size.clamp(b.ownMin, b.ownMax).maxSize(b.pb), ar, b.adj))
	}
	if ar > 0 {
		// css-sizing-4 §5.1: an axis whose size is automatic takes the other
		// axis's min/max through the ratio; its own min wins over a
		// transferred max and its own max over a transferred min.
		tmin, tmax := ratioTransfer(b.ownMin, ar, adj), ratioTransfer(b.ownMax, ar, adj)
		if !own.Width.Ok {
			b.min.Width = combineLimit(b.ownMin.Width, tmin.Width.MinM(b.ownMax.Width), true)
			b.max.Width = combineLimit(b.ownMax.Width, tmax.Width.MaxM(b.ownMin.Width), false)
		}
		if !own.Height.Ok {
			b.min.Height = combineLimit(b.ownMin.Height, tmin.Height.MinM(b.ownMax.Height), true)
			b.max.Height = combineLimit(b.ownMax.Height, tmax.Height.MaxM(b.ownMin.Height), false)
		}
	}
	return b
}

// ratioHeight gives a container whose width is known and height automatic
// its height through aspect-ratio (css-sizing-4), within min/max-height.
// With min-height: auto the box's automatic minimum is its content, so the
// ratio height becomes a floor that taller content exceeds (Chromium);
// otherwise it is the height.
func ratioHeight(s *style.Computed, b *boxStyle, known MaybeSize, in Inputs) MaybeSize {
	if s.AspectRatio <= 0 || !known.Width.Ok || in.KnownDimensions.Height.Ok || isKeyword(s.Height) ||
		resolveLen(s.Height, in.ParentSize.Height).Ok {
		return known
	}
	if b.min.Height.Ok && b.max.Height.Ok && b.max.Height.V <= b.min.Height.V {
		return known // min-height ≥ max-height fixes the height
	}
	h := ratioTransfer(MaybeSize{Width: known.Width}, s.AspectRatio, b.adj).Height.Clamp(b.min.Height, b.max.Height).Max(b.pb.Height)
	if s.MinHeight.Kind == style.LengthAuto {
		b.min.Height = h
		known.Height = None
		return known
	}
	known.Height = h
	return known
}

// combineLimit is the stricter of two optional limits: the larger of two
// minimums, the smaller of two maximums.
func combineLimit(own, transferred Maybe, isMin bool) Maybe {
	if isMin {
		return own.OrMaybe(transferred).MaxM(transferred)
	}
	return own.OrMaybe(transferred).MinM(transferred)
}

// ratioAdj is what the border box adds to the box that aspect-ratio
// relates: the content box under box-sizing: content-box or with
// `aspect-ratio: auto && <ratio>`, else the border box (css-sizing-4 §7.1).
func ratioAdj(s *style.Computed, pb Size) Size {
	if s.BoxSizing == style.ContentBox || s.RatioAuto {
		return pb
	}
	return Size{}
}

// fillRatio fills a missing border-box dimension from the other through
// the aspect ratio (none when ratio is 0).
func fillRatio(s MaybeSize, ratio float32, adj Size) MaybeSize {
	if ratio <= 0 || s.Width.Ok == s.Height.Ok {
		return s
	}
	return s.or(ratioTransfer(s, ratio, adj))
}

// ratioTransfer converts sizes of one axis into the other through the
// aspect ratio (width / height), which relates the box-sizing boxes: adj is
// what box-sizing adds (padding + border for content-box). Width comes from
// Height and Height from Width.
func ratioTransfer(s MaybeSize, ratio float32, adj Size) MaybeSize {
	var o MaybeSize
	if s.Height.Ok {
		o.Width = Some(max32(s.Height.V-adj.Height, 0)*ratio + adj.Width)
	}
	if s.Width.Ok {
		o.Height = Some(max32(s.Width.V-adj.Width, 0)/ratio + adj.Height)
	}
	return o
}

// Axis helpers: the flex algorithm works in main/cross terms.

func (s Size) main(row bool) float32 {
	if row {
		return s.Width
	}
	return s.Height
}

func (s Size) cross(row bool) float32 {
	if row {
		return s.Height
	}
	return s.Width
}

func (s *Size) setMain(row bool, v float32) {
	if row {
		s.Width = v
	} else {
		s.Height = v
	}
}

func (s *Size) setCross(row bool, v float32) {
	if row {
		s.Height = v
	} else {
		s.Width = v
	}
}

func (s MaybeSize) main(row bool) Maybe {
	if row {
		return s.Width
	}
	return s.Height
}

func (s MaybeSize) cross(row bool) Maybe {
	if row {
		return s.Height
	}
	return s.Width
}

func (s *MaybeSize) setMain(row bool, v Maybe) {
	if row {
		s.Width = v
	} else {
		s.Height = v
	}
}

func (s *MaybeSize) setCross(row bool, v Maybe) {
	if row {
		s.Height = v
	} else {
		s.Width = v
	}
}

func (a AvailableSize) main(row bool) AvailableSpace {
	if row {
		return a.Width
	}
	return a.Height
}

func (a AvailableSize) cross(row bool) AvailableSpace {
	if row {
		return a.Height
	}
	return a.Width
}

func (a *AvailableSize) setMain(row bool, v AvailableSpace) {
	if row {
		a.Width = v
	} else {
		a.Height = v
	}
}

func (a *AvailableSize) setCross(row bool, v AvailableSpace) {
	if row {
		a.Height = v
	} else {
		a.Width = v
	}
}

// mainStart etc. name physical sides: for row directions main-start is the
// left side, for columns the top; reverse directions are handled by placing
// items in reverse order (as Taffy does).
func (r Rect) mainStart(row bool) float32 {
	if row {
		return r.Left
	}
	return r.Top
}

func (r Rect) mainEnd(row bool) float32 {
	if row {
		return r.Right
	}
	return r.Bottom
}

func (r Rect) crossStart(row bool) float32 {
	if row {
		return r.Top
	}
	return r.Left
}

func (r Rect) crossEnd(row bool) float32 {
	if row {
		return r.Bottom
	}
	return r.Right
}

func (r Rect) mainSum(row bool) float32 {
	if row {
		return r.Horizontal()
	}
	return r.Vertical()
}

func (r Rect) crossSum(row bool) float32 {
	if row {
		return r.Vertical()
	}
	return r.Horizontal()
}

func isPositioned(s *style.Computed) bool {
	return s.Position == style.PositionAbsolute || s.Position == style.PositionFixed
}
