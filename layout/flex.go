package layout

import "github.com/skyline-go/skyline/style"

// This file implements the CSS Flexible Box Layout algorithm (css-flexbox-1
// §9, spec §3.2) in the shape of Taffy's flexbox.rs: one function per step,
// named by the spec's words, over items and lines taken from the tree's
// scratch buffers. Physical sides are used throughout: for row directions
// main-start is left, for columns top; reverse directions place items in
// reverse order.

type flexItem struct {
	node     NodeID
	index    uint32 // position among the parent's children
	order    int32  // CSS order
	size     MaybeSize
	min, max MaybeSize
	// maxNoRatio is max-size without aspect-ratio transfer, used when
	// stretching (Chrome and Firefox ignore the transferred max there).
	maxNoRatio MaybeSize
	inset      [4]Maybe // top, right, bottom, left; all none for position: static
	margin     Rect
	marginAuto [4]bool
	padding    Rect
	border     Rect
	alignSelf  style.Align
	alignSafe  bool // align-self (or align-items through auto) is `safe`
	overflowHd bool
	grow       float32
	shrink     float32

	flexBasis       float32 // border box
	innerFlexBasis  float32 // content box
	violation       float32
	frozen          bool
	resolvedMinMain float32
	hypoInner       Size
	hypoOuter       Size
	target          Size
	outerTarget     Size
	baseline        float32
	offsetMain      float32
	offsetCross     float32
}

type flexLine struct {
	start, end  int // items[start:end]
	crossSize   float32
	offsetCross float32
}

// flexConst are the container's values shared by every step (Taffy's
// AlgoConstants).
type flexConst struct {
	row, reverse, wrap, wrapReverse bool
	minSize, maxSize                MaybeSize
	margin, border, inset           Rect // inset = padding + border
	gap                             Size
	alignItems, alignContent        style.Align
	justify                         style.Align
	justifySafe, alignContentSafe   bool // `safe` overflow alignment (css-align-3 §4.4)
	nodeOuter, nodeInner            MaybeSize
	container, innerContainer       Size
}

// normalizeSelf maps the align-items / align-self keywords onto the ones the
// algorithm distinguishes (css-align-3 for flex items: normal behaves as
// stretch; self-start / start are start in a left-to-right, top-to-bottom
// box).
func normalizeSelf(a style.Align) style.Align {
	switch a {
	case style.AlignNormal, style.AlignAuto:
		return style.AlignStretch
	case style.AlignSelfStart, style.AlignLeft:
		return style.AlignStart
	case style.AlignSelfEnd, style.AlignRight:
		return style.AlignEnd
	}
	return a
}

func normalizeContent(a style.Align, justify bool) style.Align {
	switch a {
	case style.AlignNormal, style.AlignAuto:
		if justify {
			return style.AlignFlexStart
		}
		// spec §2.7: align-content normal/auto behaves as stretch.
		return style.AlignStretch
	case style.AlignLeft, style.AlignSelfStart:
		return style.AlignStart
	case style.AlignRight, style.AlignSelfEnd:
		return style.AlignEnd
	case style.AlignBaseline:
		return style.AlignFlexStart
	}
	return a
}

// ComputeFlexLayout runs the flexbox algorithm for node id.
func ComputeFlexLayout(t Tree, id NodeID, in Inputs) Output {
	s := t.Style(id)
	b := resolveBox(s, in.ParentSize)
	var styleSize MaybeSize
	if in.SizingMode == InherentSize {
		styleSize = b.size.clamp(b.min, b.max)
	} else {
		// A content-based size (a flex basis, css-flexbox-1 §9.2.3 E)
		// ignores the node's own min/max too: the caller clamps the
		// hypothetical size with them.
		b.min, b.max = MaybeSize{}, MaybeSize{}
	}
	// When min ≥ max in an axis, that fixes the size.
	var minMax MaybeSize
	if b.min.Width.Ok && b.max.Width.Ok && b.max.Width.V <= b.min.Width.V {
		minMax.Width = b.min.Width
	}
	if b.min.Height.Ok && b.max.Height.Ok && b.max.Height.V <= b.min.Height.V {
		minMax.Height = b.min.Height
	}
	// The border box is never smaller than padding + border, whatever the
	// parent offers (a stretched cross size can be negative when the
	// parent's own padding exceeds its width): without the floor, every
	// level of a deep chain of padded boxes passes its children a different
	// negative size and the caches below it miss once per ancestor.
	known := in.KnownDimensions.or(minMax.or(styleSize)).maxSize(b.pb)
	if in.SizingMode == InherentSize {
		known = intrinsicKeywordSizes(t, id, s, b, known, in)
		known = ratioHeight(s, &b, known, in)
	}
	if in.RunMode == ComputeSize && known.Width.Ok && known.Height.Ok {
		return Output{Size: Size{known.Width.V, known.Height.V}}
	}
	in.KnownDimensions = known
	return flexPreliminary(t, id, s, &b, in)
}

func flexPreliminary(t Tree, id NodeID, s *style.Computed, b *boxStyle, in Inputs) Output {
	c := flexConst{
		row:         s.FlexDir.IsRow(),
		reverse:     s.FlexDir.IsReverse(),
		wrap:        s.FlexWrap != style.NoWrap,
		wrapReverse: s.FlexWrap == style.WrapReverse,
		minSize:     b.min,
		maxSize:     b.max,
		margin:      b.margin,
		border:      b.border,
		inset:       b.padding.add(b.border),
		alignItems:  normalizeSelf(s.AlignItems),
		// css-align-3: baseline content alignment falls back to start.
		alignContent: normalizeContent(s.AlignContent, false),
		justify:      normalizeContent(s.Justify, true),

		justifySafe:      s.AlignSafe&style.SafeJustify != 0,
		alignContentSafe: s.AlignSafe&style.SafeAlignContent != 0,
	}
	c.nodeOuter = in.KnownDimensions
	c.nodeInner = c.nodeOuter.sub(c.inset.sum())
	c.gap = Size{resolveGapOrZero(s.ColumnGap, c.nodeInner.Width), resolveGapOrZero(s.RowGap, c.nodeInner.Height)}
	row := c.row

	sc := t.Scratch()
	// §9.1.1: generate flex items (absolute, fixed and display:none
	// children are not items).
	start := len(sc.items)
	defer func() { sc.items = sc.items[:start] }()
	sc.items = generateFlexItems(t, id, &c, sc.items)
	items := sc.items[start:]
	lstart := len(sc.lines)
	defer func() { sc.lines = sc.lines[:lstart] }()

	// §9.2.2: available main and cross space for the items.
	avail := flexAvailableSpace(in.KnownDimensions, in.AvailableSpace, &c)

	// §9.2.3: flex base size and hypothetical main size of each item.
	determineFlexBaseSize(t, &c, avail, items)

	// §9.3.5: collect flex items into flex lines.
	sc.lines = collectFlexLines(&c, avail, items, sc.lines)
	lines := sc.lines[lstart:]

	// §9.2.4: the main size of the flex container.
	if m := c.nodeInner.main(row); m.Ok {
		c.innerContainer.setMain(row, m.V)
		c.container.setMain(row, m.V+c.inset.mainSum(row))
	} else {
		determineContainerMainSize(t, avail, lines, items, &c)
		c.nodeInner.setMain(row, Some(c.innerContainer.main(row)))
		c.nodeOuter.setMain(row, Some(c.container.main(row)))
		// Percentage gaps resolve now that the main size is known.
		if row {
			c.gap.Width = resolveGapOrZero(s.ColumnGap, c.nodeInner.Width)
		} else {
			c.gap.Height = resolveGapOrZero(s.RowGap, c.nodeInner.Height)
		}
	}

	// §9.3.6: resolve the flexible lengths.
	for i := range lines {
		resolveFlexibleLengths(items[lines[i].start:lines[i].end], &c)
	}

	// §9.4.7: hypothetical cross size of each item.
	for i := range lines {
		determineHypotheticalCrossSize(t, items[lines[i].start:lines[i].end], &c, avail, in.KnownDimensions)
	}

	// Baselines are needed by §9.4.8 and §9.6.14.
	calculateChildBaselines(t, in.KnownDimensions, avail, lines, items, &c)

	// §9.4.8: cross size of each flex line.
	calculateLineCrossSize(lines, items, in.KnownDimensions, &c)

	// §9.4.9: align-content: stretch.
	alignContentStretch(lines, in.KnownDimensions, &c)

	// §9.4.10 (visibility: collapse) does not exist in Skyline (spec §2.7).

	// §9.4.11: used cross size of each item.
	determineUsedCrossSize(t, lines, items, &c)

	// §9.5.12: distribute remaining free space (auto margins, justify-content).
	distributeRemainingFreeSpace(lines, items, &c)

	// §9.6.13–14: cross-axis auto margins and align-self.
	resolveCrossAxisAutoMargins(lines, items, &c)

	// §9.6.15: the container's used cross size.
	totalLineCross := determineContainerCrossSize(lines, in.KnownDimensions, avail, &c)

	if in.RunMode == ComputeSize {
		return Output{Size: c.container}
	}

	// §9.6.16: align lines per align-content.
	alignLinesPerAlignContent(lines, &c, totalLineCross)

	content := flexFinalLayoutPass(t, lines, items, &c)

	abs := layoutPositionedChildren(t, id, s, c.container, b.padding, c.border, in.Root)
	content.Width = max32(content.Width, abs.Width)
	content.Height = max32(content.Height, abs.Height)

	// css-flexbox-1 §8.5: the container's first baseline comes from the
	// first line: a baseline-aligned item if any (or any item in a
	// column), else the first item.
	var baseline Maybe
	if len(lines) > 0 && lines[0].end > lines[0].start {
		li := items[lines[0].start:lines[0].end]
		pick := &li[0]
		for i := range li {
			if !row || li[i].alignSelf == style.AlignBaseline {
				pick = &li[i]
				break
			}
		}
		baseline = Some(pick.baseline)
	}
	return Output{Size: c.container, ContentSize: content, FirstBaselines: MaybePoint{Y: baseline}}
}

func resolveGapOrZero(l style.Length, ref Maybe) float32 {
	return max32(resolveLen(l, ref).Or(0), 0)
}

func generateFlexItems(t Tree, id NodeID, c *flexConst, buf []flexItem) []flexItem {
	n := t.ChildCount(id)
	first := len(buf)
	itemsSafe := t.Style(id).AlignSafe&style.SafeAlignItems != 0
	for i := 0; i < n; i++ {
		ch := t.Child(id, i)
		cs := t.Style(ch)
		if cs.Display == style.DisplayNone || isPositioned(cs) {
			continue
		}
		cb := resolveBox(cs, c.nodeInner)
		resolveKeywordLimits(t, ch, cs, &cb, c.nodeInner, c.nodeInner)
		it := flexItem{
			node: ch, index: uint32(i), order: cs.Order,
			size: cb.size, min: cb.ownMin, max: cb.ownMax,
			margin: cb.margin, marginAuto: cb.marginAuto, padding: cb.padding, border: cb.border,
			alignSelf:  normalizeSelf(cs.AlignSelf),
			overflowHd: cs.Overflow == style.OverflowHidden,
			grow:       max32(cs.FlexGrow, 0), shrink: max32(cs.FlexShrink, 0),
		}
		it.alignSafe = cs.AlignSafe&style.SafeAlignSelf != 0
		if cs.AlignSelf == style.AlignAuto {
			it.alignSelf = c.alignItems
			it.alignSafe = itemsSafe
		}
		it.maxNoRatio = resolveSize(&cs.MaxWidth, &cs.MaxHeight, c.nodeInner)
		if cs.BoxSizing == style.ContentBox {
			it.maxNoRatio = it.maxNoRatio.add(cb.pb)
		}
		if cs.Position != style.PositionStatic {
			// Relative offsets: percentages refer to the container's size
			// (spec §3.5); static boxes ignore insets.
			it.inset = [4]Maybe{resolveLen(cs.Inset.Top, c.nodeInner.Height), resolveLen(cs.Inset.Right, c.nodeInner.Width),
				resolveLen(cs.Inset.Bottom, c.nodeInner.Height), resolveLen(cs.Inset.Left, c.nodeInner.Width)}
		}
		buf = append(buf, it)
	}
	// css-flexbox-1 §5.4: order-modified document order (stable).
	items := buf[first:]
	for i := 1; i < len(items); i++ {
		for j := i; j > 0 && items[j].order < items[j-1].order; j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
	return buf
}

// flexAvailableSpace is the space inside the container for its items. A
// definite space is floored at 0: a container whose margins and padding
// exceed what it was offered has no room, and a negative space would differ
// at every level of a deep chain of such containers, so each level's
// children would be measured under one more distinct constraint than their
// parent's (quadratic in depth, hostile_test.go).
func flexAvailableSpace(known MaybeSize, outer AvailableSize, c *flexConst) AvailableSize {
	var a AvailableSize
	if known.Width.Ok {
		a.Width = DefiniteSpace(known.Width.V - c.inset.Horizontal())
	} else {
		a.Width = outer.Width.Sub(c.margin.Horizontal() + c.inset.Horizontal())
	}
	if known.Height.Ok {
		a.Height = DefiniteSpace(known.Height.V - c.inset.Vertical())
	} else {
		a.Height = outer.Height.Sub(c.margin.Vertical() + c.inset.Vertical())
	}
	if a.Width.Kind == Definite && a.Width.Value < 0 {
		a.Width.Value = 0
	}
	if a.Height.Kind == Definite && a.Height.Value < 0 {
		a.Height.Value = 0
	}
	return a
}

// crossAvailable is the cross space offered to an item when it is measured.
func crossAvailable(it *flexItem, c *flexConst, avail AvailableSize) AvailableSpace {
	row := c.row
	parentCross := c.nodeInner.cross(row)
	ms := c.margin.crossSum(row)
	lo, hi := it.min.cross(row).Add(ms), it.max.cross(row).Add(ms)
	a := avail.cross(row)
	switch a.Kind {
	case Definite:
		return DefiniteSpace(clampF(parentCross.Or(a.Value), lo, hi))
	case MinContent:
		if lo.Ok {
			return DefiniteSpace(lo.V)
		}
	case MaxContent:
		if hi.Ok {
			return DefiniteSpace(hi.V)
		}
	}
	return a
}

// stretchKnown is the item's known size when measuring its main size: its
// cross size, or the stretched cross size for align-self: stretch.
func stretchKnown(it *flexItem, c *flexConst, crossAvail AvailableSpace) MaybeSize {
	k := it.size
	k.setMain(c.row, None)
	if it.alignSelf == style.AlignStretch && !k.cross(c.row).Ok && !it.crossAutoMargin(c.row) {
		k.setCross(c.row, crossAvail.Maybe().Sub(it.margin.crossSum(c.row)))
	}
	return k
}

func (it *flexItem) crossAutoMargin(row bool) bool {
	if row {
		return it.marginAuto[0] || it.marginAuto[2]
	}
	return it.marginAuto[1] || it.marginAuto[3]
}

// §9.2.3 flex base size and hypothetical main size.
func determineFlexBaseSize(t Tree, c *flexConst, avail AvailableSize, items []flexItem) {
	row := c.row
	for i := range items {
		it := &items[i]
		cs := t.Style(it.node)
		childParent := MaybeSize{}
		childParent.setCross(row, c.nodeInner.cross(row))
		crossAvail := crossAvailable(it, c, avail)
		known := stretchKnown(it, c, crossAvail)
		if !row && !known.Width.Ok && t.ChildCount(it.node) > 0 {
			// §9.2.3 E: the main size is the item's block size, so its
			// auto, indefinite width is fit-content: size that first
			// and measure the height there (children's percentages
			// resolve against it). A leaf's height at the available
			// width is already its height at its fit-content width.
			var ca AvailableSize
			ca.setCross(row, crossAvail)
			ca.setMain(row, MaxContentSpace)
			if avail.main(row).Kind == MinContent {
				ca.setMain(row, MinContentSpace)
			}
			w := measureChildSize(t, it.node, known, childParent, ca, ContentSize, true)
			known.Width = Some(max32(clampF(w, it.min.Width, it.max.Width), it.padding.Horizontal()+it.border.Horizontal()))
		}

		var adj float32
		if cs.BoxSizing == style.ContentBox {
			adj = it.padding.add(it.border).mainSum(row)
		}
		basisLen := cs.FlexBasis
		var basis Maybe
		if basisLen.Kind == style.LengthFixed {
			basis = resolveLen(basisLen, c.nodeInner.main(row)).Add(adj)
		}
		pbMain := it.padding.mainSum(row) + it.border.mainSum(row)

		// A. A definite flex basis is the flex base size. B. With an aspect
		// ratio and a definite cross size the main size was already
		// transferred into it.size by resolveBox; a cross size stretched to
		// a single line of definite size is definite too (§9.8).
		ratio := cs.AspectRatio
		boxAdj := ratioAdj(cs, it.padding.add(it.border).sum())
		// With a ratio, the cross limits bound the main size through it
		// (css-sizing-4), the cross size never being below padding +
		// border.
		var ratioLo, ratioHi Maybe
		if ratio > 0 {
			var lo MaybeSize
			lo.setCross(row, Some(max32(it.min.cross(row).Or(0), it.padding.crossSum(row)+it.border.crossSum(row))))
			ratioLo = ratioTransfer(lo, ratio, boxAdj).main(row)
			ratioHi = ratioTransfer(it.max, ratio, boxAdj).main(row)
		}
		if basis.Ok {
			it.flexBasis = basis.V
		} else if m := it.size.main(row); m.Ok && basisLen.Kind == style.LengthAuto {
			it.flexBasis = m.V
		} else if cross := it.stretchedCross(cs, c); ratio > 0 && basisLen.Kind == style.LengthAuto && cross.Ok {
			var k MaybeSize
			k.setCross(row, cross)
			it.flexBasis = ratioTransfer(k, ratio, boxAdj).main(row).V
		} else {
			// C/E. Size the item under the container's constraint with
			// content as its basis (max-content unless the container is
			// sized under min-content).
			var ca AvailableSize
			if avail.main(row).Kind == MinContent {
				ca.setMain(row, MinContentSpace)
			} else {
				ca.setMain(row, MaxContentSpace)
			}
			ca.setCross(row, crossAvail)
			it.flexBasis = measureChildSize(t, it.node, known, childParent, ca, ContentSize, row)
			if ratio > 0 && !row {
				// Chromium lays a column item out at its (stretched or
				// fit-content) width and takes the block size from the
				// ratio; taller content still counts under min-height: auto.
				wa := AvailableSize{crossAvail, MaxContentSpace}
				w := Some(measureChildSize(t, it.node, MaybeSize{}, childParent, wa, ContentSize, true)).
					Clamp(it.min.Width, it.max.Width).Max(it.padding.Horizontal() + it.border.Horizontal())
				h := ratioTransfer(MaybeSize{Width: w}, ratio, boxAdj).Height.V
				if minLenIsAuto(cs, false) {
					h = max32(h, it.flexBasis)
				}
				it.flexBasis = h
			}
			if ratio > 0 {
				it.flexBasis = clampF(it.flexBasis, ratioLo, ratioHi)
			}
		}
		// Chrome and Firefox floor the basis by padding + border.
		it.flexBasis = max32(it.flexBasis, pbMain)
		it.innerFlexBasis = it.flexBasis - pbMain

		// §4.5 automatic minimum size (spec §8.2): content-based minimum
		// unless overflow is hidden (then 0).
		minMain := it.min.main(row)
		if !minMain.Ok && it.overflowHd {
			minMain = Some(0)
		}
		if minMain.Ok {
			it.resolvedMinMain = minMain.V
		} else if minLenIsAuto(cs, row) {
			var ca AvailableSize
			ca.setMain(row, MinContentSpace)
			if !row && known.Width.Ok {
				// A box's min-content height at a given width is its
				// max-content height (css-sizing-3 §5.1: block axis), so
				// share the basis measurement's cache entry.
				ca.setMain(row, MaxContentSpace)
			}
			ca.setCross(row, crossAvail)
			mc := Some(measureChildSize(t, it.node, known, childParent, ca, ContentSize, row))
			crossLen := cs.Width
			if row {
				crossLen = cs.Height
			}
			cross := resolveLen(crossLen, c.nodeInner.cross(row))
			if cs.BoxSizing == style.ContentBox {
				cross = cross.Add(it.padding.crossSum(row) + it.border.crossSum(row))
			}
			cross = cross.Clamp(it.min.cross(row), it.max.cross(row)).OrMaybe(it.stretchedCross(cs, c))
			if ratio > 0 && cross.Ok {
				// A ratio box of definite cross size is at least that size
				// through the ratio, content or not.
				var k MaybeSize
				k.setCross(row, cross.Max(it.padding.crossSum(row)+it.border.crossSum(row)))
				mc = mc.MaxM(ratioTransfer(k, ratio, boxAdj).main(row))
			}
			specified := it.size.main(row)
			if ratio > 0 {
				// §4.5: the content size suggestion of a ratio item is
				// clamped by its cross limits converted through the ratio;
				// a main size that comes from the ratio is not a specified
				// size suggestion (Chromium).
				mc = mc.Clamp(ratioLo, ratioHi)
				mainLen := cs.Height
				if row {
					mainLen = cs.Width
				}
				if !resolveLen(mainLen, c.nodeInner.main(row)).Ok {
					specified = None
				}
			}
			it.resolvedMinMain = mc.MinM(specified).MinM(it.max.main(row)).Max(pbMain).V
		} else {
			it.resolvedMinMain = 0
		}

		hypo := clampF(it.flexBasis, Some(max32(it.resolvedMinMain, pbMain)), it.max.main(row))
		it.hypoInner.setMain(row, hypo)
		it.hypoOuter.setMain(row, hypo+it.margin.mainSum(row))
	}
}

func minLenIsAuto(cs *style.Computed, row bool) bool {
	if row {
		return cs.MinWidth.Kind == style.LengthAuto
	}
	return cs.MinHeight.Kind == style.LengthAuto
}

// §9.3.5 collect flex items into flex lines.
func collectFlexLines(c *flexConst, avail AvailableSize, items []flexItem, lines []flexLine) []flexLine {
	row := c.row
	if !c.wrap {
		return append(lines, flexLine{start: 0, end: len(items)})
	}
	space := avail.main(row)
	if hi := c.maxSize.main(row); hi.Ok {
		v := space.Maybe().Or(hi.V)
		v = Some(v).MaxM(c.minSize.main(row)).V
		space = DefiniteSpace(v)
	}
	switch space.Kind {
	case MaxContent:
		// Under a max-content constraint nothing wraps.
		return append(lines, flexLine{start: 0, end: len(items)})
	case MinContent:
		// Under min-content every wrap opportunity is taken.
		for i := range items {
			lines = append(lines, flexLine{start: i, end: i + 1})
		}
		if len(items) == 0 {
			lines = append(lines, flexLine{})
		}
		return lines
	}
	gap := c.gap.main(row)
	i := 0
	for i < len(items) {
		lineLen := float32(0)
		j := i
		for ; j < len(items); j++ {
			g := gap
			if j == i {
				g = 0
			}
			lineLen += items[j].hypoOuter.main(row) + g
			// Chromium sums sizes in LayoutUnits (1/64 px): three items of
			// calc((100% - 8px) / 3) with two 4 px gaps fill the line
			// exactly there, while float32 sums overshoot by a hair and
			// would push the third item to the next line.
			if lineLen > space.Value+layoutUnit && j != i {
				break
			}
		}
		lines = append(lines, flexLine{start: i, end: j})
		i = j
	}
	if len(items) == 0 {
		lines = append(lines, flexLine{})
	}
	return lines
}

// layoutUnit is Chromium's layout precision (1/64 px), the tolerance of
// "does the next item fit on this line".
const layoutUnit = 1.0 / 64

func sumGaps(gap float32, n int) float32 {
	if n <= 1 {
		return 0
	}
	return gap * float32(n-1)
}

// §9.2.4 determine the main size of the flex container when it is not
// definite: its max-content (or min-content) size from the items'
// contributions (css-flexbox-1 §9.9.1).
func determineContainerMainSize(t Tree, avail AvailableSize, lines []flexLine, items []flexItem, c *flexConst) {
	row := c.row
	insetMain := c.inset.mainSum(row)
	var outer float32
	if m := c.nodeOuter.main(row); m.Ok {
		outer = m.V
	} else {
		space := avail.main(row)
		if space.Kind == Definite || (space.Kind == MinContent && c.wrap) {
			longest := float32(0)
			for _, ln := range lines {
				sum := sumGaps(c.gap.main(row), ln.end-ln.start)
				for k := ln.start; k < ln.end; k++ {
					it := &items[k]
					pb := it.padding.mainSum(row) + it.border.mainSum(row)
					sum += max32(clampF(it.flexBasis, it.min.main(row), it.max.main(row))+it.margin.mainSum(row), pb)
				}
				longest = max32(longest, sum)
			}
			outer = longest + insetMain
			if space.Kind == Definite && len(lines) > 1 {
				outer = max32(outer, space.Value)
			}
		} else {
			mainSize := float32(0)
			for _, ln := range lines {
				sum := sumGaps(c.gap.main(row), ln.end-ln.start)
				for k := ln.start; k < ln.end; k++ {
					sum += itemContentContribution(t, &items[k], c, avail)
				}
				mainSize = max32(mainSize, sum)
			}
			outer = mainSize + insetMain
		}
	}
	outer = max32(clampF(outer, c.minSize.main(row), c.maxSize.main(row)), insetMain)
	inner := max32(outer-insetMain, 0)
	c.container.setMain(row, outer)
	c.innerContainer.setMain(row, inner)
	c.nodeInner.setMain(row, Some(inner))
}

// itemContentContribution is an item's outer min/max-content contribution
// to the container's main size (css-flexbox-1 §9.9.1), with the flex base
// size clamping that Chrome and Firefox apply (an item that cannot grow
// contributes at most its basis, one that cannot shrink at least it).
func itemContentContribution(t Tree, it *flexItem, c *flexConst, avail AvailableSize) float32 {
	row := c.row
	marg := it.margin.mainSum(row)
	styleMin, stylePref, styleMax := it.min.main(row), it.size.main(row), it.max.main(row)
	// The flex base size clamps first, the min/max main size last
	// (§9.9.1), so the basis is taken within min/max.
	clampBasis := Some(it.flexBasis).MaxM(stylePref).MinM(styleMax).MaxM(styleMin)
	var basisMin, basisMax Maybe
	if it.shrink == 0 {
		basisMin = clampBasis
	}
	if it.grow == 0 {
		basisMax = clampBasis
	}
	minMain := max32(styleMin.MaxM(basisMin).OrMaybe(basisMin).Or(it.resolvedMinMain), it.resolvedMinMain)
	maxMain := styleMax.MinM(basisMax).OrMaybe(basisMax).Or(inf32)
	var contribution float32
	switch {
	case stylePref.Ok && (maxMain <= minMain || maxMain <= stylePref.V):
		contribution = max32(min32(stylePref.V, maxMain), minMain) + marg
	case maxMain <= minMain:
		contribution = minMain + marg
	default:
		crossAvail := crossAvailable(it, c, avail)
		var ca AvailableSize
		ca.setMain(row, avail.main(row))
		ca.setCross(row, crossAvail)
		known := stretchKnown(it, c, crossAvail)
		content := measureChildSize(t, it.node, known, c.nodeInner, ca, InherentSize, row) + marg
		if row {
			contribution = clampF(content, styleMin, styleMax)
		} else {
			contribution = clampF(max32(content, it.flexBasis), styleMin, styleMax)
		}
		contribution = clampF(contribution, Some(minMain+marg), Some(maxMain+marg))
	}
	return contribution
}

// §9.3.6 (and §9.7) resolve the flexible lengths of one line.
func resolveFlexibleLengths(line []flexItem, c *flexConst) {
	row := c.row
	gaps := sumGaps(c.gap.main(row), len(line))
	innerMain := c.nodeInner.main(row).Or(0)

	// 1. Determine the used flex factor.
	hypoSum := gaps
	for i := range line {
		hypoSum += line[i].hypoOuter.main(row)
	}
	growing := hypoSum < innerMain
	shrinking := hypoSum > innerMain
	exact := !growing && !shrinking

	// 2. Size inflexible items.
	for i := range line {
		it := &line[i]
		it.frozen = false
		it.target.setMain(row, it.hypoInner.main(row))
		if exact || (growing && it.grow == 0) || (shrinking && it.shrink == 0) ||
			(growing && it.flexBasis > it.hypoInner.main(row)) ||
			(shrinking && it.flexBasis < it.hypoInner.main(row)) {
			it.frozen = true
			it.outerTarget.setMain(row, it.target.main(row)+it.margin.mainSum(row))
		}
	}
	if exact {
		return
	}

	// 3. Calculate initial free space.
	used := gaps
	for i := range line {
		it := &line[i]
		if it.frozen {
			used += it.outerTarget.main(row)
		} else {
			used += it.flexBasis + it.margin.mainSum(row)
		}
	}
	initialFree := innerMain - used

	// 4. Loop.
	for {
		// a. Check for flexible items.
		allFrozen := true
		for i := range line {
			if !line[i].frozen {
				allFrozen = false
				break
			}
		}
		if allFrozen {
			break
		}
		// b. Calculate the remaining free space.
		used = gaps
		var sumGrow, sumShrink, sumScaled float32
		for i := range line {
			it := &line[i]
			if it.frozen {
				used += it.target.main(row) + it.margin.mainSum(row)
			} else {
				used += it.flexBasis + it.margin.mainSum(row)
				sumGrow += it.grow
				sumShrink += it.shrink
				sumScaled += it.innerFlexBasis * it.shrink
			}
		}
		free := innerMain - used
		if growing && sumGrow < 1 {
			if v := initialFree * sumGrow; abs32(v) < abs32(free) {
				free = v
			}
		} else if shrinking && sumShrink < 1 {
			if v := initialFree * sumShrink; abs32(v) < abs32(free) {
				free = v
			}
		}

		// c. Distribute free space proportional to the flex factors.
		if free != 0 {
			for i := range line {
				it := &line[i]
				if it.frozen {
					continue
				}
				if growing && sumGrow > 0 {
					it.target.setMain(row, it.flexBasis+free*(it.grow/sumGrow))
				} else if shrinking && sumScaled > 0 {
					it.target.setMain(row, it.flexBasis+free*(it.innerFlexBasis*it.shrink/sumScaled))
				}
			}
		}

		// d. Fix min/max violations.
		var total float32
		for i := range line {
			it := &line[i]
			if it.frozen {
				continue
			}
			pb := it.padding.mainSum(row) + it.border.mainSum(row)
			tgt := it.target.main(row)
			clamped := max32(clampF(tgt, Some(it.resolvedMinMain), it.max.main(row)), pb)
			it.violation = clamped - tgt
			it.target.setMain(row, clamped)
			it.outerTarget.setMain(row, clamped+it.margin.mainSum(row))
			total += it.violation
		}

		// e. Freeze over-flexed items.
		for i := range line {
			it := &line[i]
			if it.frozen {
				continue
			}
			switch {
			case total > 0:
				it.frozen = it.violation > 0
			case total < 0:
				it.frozen = it.violation < 0
			default:
				it.frozen = true
			}
		}
		// f. Return to the start of this loop.
	}
}

// §9.4.7 determine the hypothetical cross size of each item.
func determineHypotheticalCrossSize(t Tree, line []flexItem, c *flexConst, avail AvailableSize, nodeSize MaybeSize) {
	row := c.row
	for i := range line {
		it := &line[i]
		pb := it.padding.crossSum(row) + it.border.crossSum(row)
		lo, hi := it.min.cross(row), it.max.cross(row)
		cross := it.size.cross(row).Clamp(lo, hi).Max(pb)
		cs := t.Style(it.node)
		crossLen, minCross := cs.Height, cs.MinHeight
		if !row {
			crossLen, minCross = cs.Width, cs.MinWidth
		}
		// (A percentage of an indefinite size behaves as auto.)
		ratioCross := cs.AspectRatio > 0 && !isKeyword(crossLen) && !resolveLen(crossLen, c.nodeInner.cross(row)).Ok
		if ratioCross {
			cross = None // it.size's ratio-derived value is redone below
		}
		var inner float32
		if !cross.Ok && it.willStretchToLine(t, c, nodeSize) {
			// §9.4.11 will set its cross size to the line's, which is the
			// container's (§9.4.8, single line, definite cross size), so
			// measuring it here would be wasted work.
			cross = Some(0)
		}
		var floor Maybe
		if !cross.Ok && ratioCross {
			// An automatic cross size follows the main size through the
			// aspect ratio (css-sizing-4), within the cross limits; under
			// an automatic minimum, taller content still wins (Chromium).
			var k MaybeSize
			k.setMain(row, Some(it.target.main(row)))
			adj := ratioAdj(cs, it.padding.add(it.border).sum())
			cross = ratioTransfer(k, cs.AspectRatio, adj).cross(row).Clamp(lo, hi).Max(pb)
			if minCross.Kind == style.LengthAuto {
				floor, cross = cross, None
			}
		}
		if cross.Ok {
			inner = cross.V
		} else {
			availCross := avail.cross(row).Clamp(lo, hi)
			if availCross.Kind == Definite {
				availCross.Value = max32(availCross.Value, pb)
			}
			var known MaybeSize
			known.setMain(row, Some(it.target.main(row)))
			if floor.Ok && !row {
				// The floor is the min-content width (css-sizing-4), an
				// intrinsic size: the item's own height does not flex its
				// content here (Chromium).
				availCross, known = MinContentSpace, MaybeSize{}
			}
			var ca AvailableSize
			ca.setMain(row, DefiniteSpace(c.container.main(row)))
			ca.setCross(row, availCross)
			m := measureChildSize(t, it.node, known, c.nodeInner, ca, ContentSize, !row)
			inner = max32(clampF(m, lo, hi), pb)
			if floor.Ok {
				inner = max32(inner, floor.V)
			}
		}
		it.hypoInner.setCross(row, inner)
		it.hypoOuter.setCross(row, inner+it.margin.crossSum(row))
	}
}

// calculateChildBaselines lays out baseline-aligned items of row lines to
// learn their first baselines (only where two or more share a line).
// Items with an auto cross margin do not take part (css-flexbox-1 §8.3).
// In a column the items' baselines are orthogonal to the cross axis:
// Chromium synthesizes them from the border box's left edge, so the group
// lines up its left border edges (its offset from the line's start is the
// largest start margin, whatever the wrap direction).
func calculateChildBaselines(t Tree, nodeSize MaybeSize, avail AvailableSize, lines []flexLine, items []flexItem, c *flexConst) {
	if !c.row {
		for k := range items {
			if items[k].inBaselineGroup(false) {
				items[k].baseline = items[k].margin.Left
			}
		}
		return
	}
	for _, ln := range lines {
		n := 0
		for k := ln.start; k < ln.end; k++ {
			if items[k].inBaselineGroup(true) {
				n++
			}
		}
		if n <= 1 {
			continue
		}
		for k := ln.start; k < ln.end; k++ {
			it := &items[k]
			if !it.inBaselineGroup(true) {
				continue
			}
			known := MaybeSize{Some(it.target.Width), Some(it.hypoInner.Height)}
			ca := AvailableSize{DefiniteSpace(c.container.Width), avail.Height.orMaybe(nodeSize.Height)}
			out := performChildLayout(t, it.node, known, c.nodeInner, ca, ContentSize)
			it.baseline = out.FirstBaselines.Y.Or(out.Size.Height) + it.margin.Top
		}
	}
}

// inBaselineGroup reports whether the item takes part in its line's
// baseline alignment: align-self: baseline without auto cross margins.
func (it *flexItem) inBaselineGroup(row bool) bool {
	return it.alignSelf == style.AlignBaseline && !it.crossAutoMargin(row)
}

// §9.4.8 calculate the cross size of each flex line.
func calculateLineCrossSize(lines []flexLine, items []flexItem, nodeSize MaybeSize, c *flexConst) {
	row := c.row
	insetCross := c.inset.crossSum(row)
	if !c.wrap && nodeSize.cross(row).Ok {
		lines[0].crossSize = max32(clampF(nodeSize.cross(row).V, c.minSize.cross(row), c.maxSize.cross(row))-insetCross, 0)
		return
	}
	for li := range lines {
		ln := &lines[li]
		var maxBaseline float32
		for k := ln.start; k < ln.end; k++ {
			if items[k].inBaselineGroup(row) {
				maxBaseline = max32(maxBaseline, items[k].baseline)
			}
		}
		var size float32
		for k := ln.start; k < ln.end; k++ {
			it := &items[k]
			v := it.hypoOuter.cross(row)
			if row && it.inBaselineGroup(row) {
				v = maxBaseline - it.baseline + it.hypoOuter.cross(row)
			}
			size = max32(size, v)
		}
		ln.crossSize = size
	}
	if !c.wrap {
		lines[0].crossSize = clampF(lines[0].crossSize, c.minSize.cross(row).Sub(insetCross), c.maxSize.cross(row).Sub(insetCross))
	}
}

// §9.4.9 handle align-content: stretch.
func alignContentStretch(lines []flexLine, nodeSize MaybeSize, c *flexConst) {
	if c.alignContent != style.AlignStretch || len(lines) == 0 {
		return
	}
	row := c.row
	lo, hi := c.minSize.cross(row), c.maxSize.cross(row)
	minInner := nodeSize.cross(row).OrMaybe(lo).Clamp(lo, hi).Sub(c.inset.crossSum(row)).Max(0).Or(0)
	total := sumGaps(c.gap.cross(row), len(lines))
	for _, ln := range lines {
		total += ln.crossSize
	}
	if total < minInner {
		add := (minInner - total) / float32(len(lines))
		for i := range lines {
			lines[i].crossSize += add
		}
	}
}

// §9.4.11 determine the used cross size of each item.
func determineUsedCrossSize(t Tree, lines []flexLine, items []flexItem, c *flexConst) {
	row := c.row
	for _, ln := range lines {
		for k := ln.start; k < ln.end; k++ {
			it := &items[k]
			cs := t.Style(it.node)
			crossAuto := cs.Height.Kind == style.LengthAuto
			if !row {
				crossAuto = cs.Width.Kind == style.LengthAuto
			}
			if it.alignSelf == style.AlignStretch && !it.crossAutoMargin(row) && crossAuto {
				pb := it.padding.crossSum(row) + it.border.crossSum(row)
				v := clampF(ln.crossSize-it.margin.crossSum(row), it.min.cross(row), it.maxNoRatio.cross(row))
				it.target.setCross(row, max32(v, pb))
			} else {
				it.target.setCross(row, it.hypoInner.cross(row))
			}
			it.outerTarget.setCross(row, it.target.cross(row)+it.margin.crossSum(row))
		}
	}
}

// §9.5.12 distribute any remaining free space: main-axis auto margins, else
// justify-content.
func distributeRemainingFreeSpace(lines []flexLine, items []flexItem, c *flexConst) {
	row := c.row
	for _, ln := range lines {
		line := items[ln.start:ln.end]
		used := sumGaps(c.gap.main(row), len(line))
		autoMargins := 0
		for i := range line {
			used += line[i].outerTarget.main(row)
			s, e := line[i].mainAutoMargins(row)
			if s {
				autoMargins++
			}
			if e {
				autoMargins++
			}
		}
		free := c.innerContainer.main(row) - used
		if free > 0 && autoMargins > 0 {
			m := free / float32(autoMargins)
			for i := range line {
				it := &line[i]
				s, e := it.mainAutoMargins(row)
				if s {
					if row {
						it.margin.Left = m
					} else {
						it.margin.Top = m
					}
				}
				if e {
					if row {
						it.margin.Right = m
					} else {
						it.margin.Bottom = m
					}
				}
				// The gaps stay between the items (in placement order).
				k := i
				if c.reverse {
					k = len(line) - 1 - i
				}
				if i > 0 {
					line[k].offsetMain = c.gap.main(row)
				}
			}
			continue
		}
		mode := alignmentFallback(free, len(line), c.justify)
		if c.justifySafe && free < 0 {
			mode = style.AlignStart
		}
		for i := range line {
			// Items are placed from the physical start: for reverse
			// directions the last item in order comes first.
			k := i
			if c.reverse {
				k = len(line) - 1 - i
			}
			line[k].offsetMain = alignmentOffset(free, len(line), c.gap.main(row), mode, c.reverse, i == 0)
		}
	}
}

func (it *flexItem) mainAutoMargins(row bool) (start, end bool) {
	if row {
		return it.marginAuto[3], it.marginAuto[1]
	}
	return it.marginAuto[0], it.marginAuto[2]
}

// alignmentFallback applies css-align-3's fallback alignment: distributed
// keywords with one subject or no free space fall back (space-between to
// flex-start, space-around / space-evenly to center).
func alignmentFallback(free float32, n int, mode style.Align) style.Align {
	if n <= 1 || free <= 0 {
		switch mode {
		case style.AlignStretch, style.AlignSpaceBetween:
			return style.AlignFlexStart
		case style.AlignSpaceAround, style.AlignSpaceEvenly:
			if free <= 0 {
				// Chrome: negative space with space-around/evenly is
				// safe-centred, i.e. start.
				return style.AlignStart
			}
			return style.AlignCenter
		}
	}
	return mode
}

// alignmentOffset is the space before an item (or line) given the free
// space: the first one gets the leading space, the others the gap plus the
// distributed share.
func alignmentOffset(free float32, n int, gap float32, mode style.Align, reversed, first bool) float32 {
	if first {
		switch mode {
		case style.AlignStart:
			return 0
		case style.AlignFlexStart:
			if reversed {
				return free
			}
			return 0
		case style.AlignEnd:
			return free
		case style.AlignFlexEnd:
			if reversed {
				return 0
			}
			return free
		case style.AlignCenter:
			return free / 2
		case style.AlignSpaceAround:
			if free >= 0 {
				return free / float32(n) / 2
			}
			return free / 2
		case style.AlignSpaceEvenly:
			if free >= 0 {
				return free / float32(n+1)
			}
			return free / 2
		}
		return 0
	}
	free = max32(free, 0)
	switch mode {
	case style.AlignSpaceBetween:
		return gap + free/float32(n-1)
	case style.AlignSpaceAround:
		return gap + free/float32(n)
	case style.AlignSpaceEvenly:
		return gap + free/float32(n+1)
	}
	return gap
}

// §9.6.13 resolve cross-axis auto margins, and §9.6.14 align-self.
func resolveCrossAxisAutoMargins(lines []flexLine, items []flexItem, c *flexConst) {
	row := c.row
	for _, ln := range lines {
		var maxBaseline, maxDescent float32
		for k := ln.start; k < ln.end; k++ {
			if it := &items[k]; it.inBaselineGroup(row) {
				maxBaseline = max32(maxBaseline, it.baseline)
				maxDescent = max32(maxDescent, it.outerTarget.cross(row)-it.baseline)
			}
		}
		for k := ln.start; k < ln.end; k++ {
			it := &items[k]
			free := ln.crossSize - it.outerTarget.cross(row)
			if row && c.wrapReverse && it.inBaselineGroup(row) {
				// Under wrap-reverse the line's cross-start is its bottom:
				// Chromium sets the baseline-aligned group flush with it.
				it.offsetCross = ln.crossSize - maxDescent - it.baseline
				continue
			}
			var s, e bool
			if row {
				s, e = it.marginAuto[0], it.marginAuto[2]
			} else {
				s, e = it.marginAuto[3], it.marginAuto[1]
			}
			if s || e {
				// Negative space: the start margin is 0 and the end one
				// takes the rest (css-flexbox-1 §9.6.13).
				var ms, me float32
				switch {
				case free <= 0:
					ms = 0
				case s && e:
					ms, me = free/2, free/2
				case s:
					ms = free
				default:
					me = free
				}
				if row {
					if s {
						it.margin.Top = ms
					}
					if e {
						it.margin.Bottom = me
					}
				} else {
					if s {
						it.margin.Left = ms
					}
					if e {
						it.margin.Right = me
					}
				}
				continue
			}
			it.offsetCross = alignSelfOffset(it, free, maxBaseline, c)
		}
	}
}

func alignSelfOffset(it *flexItem, free, maxBaseline float32, c *flexConst) float32 {
	if it.alignSafe && free < 0 {
		// safe: an item that overflows its line is aligned to start.
		return 0
	}
	switch it.alignSelf {
	case style.AlignStart:
		return 0
	case style.AlignEnd:
		return free
	case style.AlignFlexEnd:
		if c.wrapReverse {
			return 0
		}
		return free
	case style.AlignCenter:
		return free / 2
	case style.AlignBaseline:
		return maxBaseline - it.baseline
	}
	// flex-start and stretch.
	if c.wrapReverse {
		return free
	}
	return 0
}

// §9.6.15 determine the flex container's used cross size.
func determineContainerCrossSize(lines []flexLine, nodeSize MaybeSize, avail AvailableSize, c *flexConst) float32 {
	row := c.row
	var total float32
	for _, ln := range lines {
		total += ln.crossSize
	}
	gaps := sumGaps(c.gap.cross(row), len(lines))
	pb := c.inset.crossSum(row)
	auto := total + gaps
	if !row && c.wrap && len(lines) > 1 {
		// Chrome's min-content width of a multi-line column container is
		// its widest item, as if it had one line (the other lines
		// overflow; fixture YGFlexWrapTest__wrap_column), its max-content
		// width its lines: an auto width is fit-content between the two
		// (fixtures flexsize__column_wrap_*).
		single := float32(0)
		for _, ln := range lines {
			single = max32(single, ln.crossSize)
		}
		switch a := avail.cross(row); a.Kind {
		case MinContent:
			auto = single
		case Definite:
			auto = min32(auto, max32(single, a.Value))
		}
	}
	outer := max32(clampF(nodeSize.cross(row).Or(auto+pb), c.minSize.cross(row), c.maxSize.cross(row)), pb)
	c.container.setCross(row, outer)
	c.innerContainer.setCross(row, max32(outer-pb, 0))
	return total
}

// §9.6.16 align all flex lines per align-content.
func alignLinesPerAlignContent(lines []flexLine, c *flexConst, totalCross float32) {
	row := c.row
	gap := c.gap.cross(row)
	free := c.innerContainer.cross(row) - totalCross - sumGaps(gap, len(lines))
	mode := alignmentFallback(free, len(lines), c.alignContent)
	if c.alignContentSafe && free < 0 {
		mode = style.AlignStart
	}
	for i := range lines {
		k := i
		if c.wrapReverse {
			k = len(lines) - 1 - i
		}
		lines[k].offsetCross = alignmentOffset(free, len(lines), gap, mode, c.wrapReverse, i == 0)
	}
}

// flexFinalLayoutPass lays out every item at its target size and stores its
// layout; it returns the content size.
func flexFinalLayoutPass(t Tree, lines []flexLine, items []flexItem, c *flexConst) Size {
	row := c.row
	var content Size
	offCross := c.inset.crossStart(row)
	for i := range lines {
		k := i
		if c.wrapReverse {
			k = len(lines) - 1 - i
		}
		ln := &lines[k]
		offMain := c.inset.mainStart(row)
		n := ln.end - ln.start
		for j := 0; j < n; j++ {
			idx := ln.start + j
			if c.reverse {
				idx = ln.end - 1 - j
			}
			placeFlexItem(t, &items[idx], &offMain, offCross, ln.offsetCross, &content, c)
		}
		offCross += ln.offsetCross + ln.crossSize
	}
	content.Width += c.inset.Right - c.border.Right
	content.Height += c.inset.Bottom - c.border.Bottom
	return content
}

func placeFlexItem(t Tree, it *flexItem, offMain *float32, offCross, lineOffCross float32, content *Size, c *flexConst) {
	row := c.row
	out := performChildLayout(t, it.node, someSize(it.target), c.nodeInner,
		AvailableSize{DefiniteSpace(c.container.Width), DefiniteSpace(c.container.Height)}, ContentSize)
	size := out.Size

	// Relative offsets (spec §3.5): start inset wins over end inset.
	var relMain, relCross float32
	top, right, bottom, left := it.inset[0], it.inset[1], it.inset[2], it.inset[3]
	relX := left.OrMaybe(Maybe{V: -right.V, Ok: right.Ok}).Or(0)
	relY := top.OrMaybe(Maybe{V: -bottom.V, Ok: bottom.Ok}).Or(0)
	if row {
		relMain, relCross = relX, relY
	} else {
		relMain, relCross = relY, relX
	}
	mainPos := *offMain + it.offsetMain + it.margin.mainStart(row)
	crossPos := offCross + it.offsetCross + lineOffCross + it.margin.crossStart(row)
	var loc Point
	if row {
		loc = Point{mainPos + relMain, crossPos + relCross}
	} else {
		loc = Point{crossPos + relCross, mainPos + relMain}
	}
	// The item's baseline in the container's border box, for the
	// container's own first baseline (css-flexbox-1 §8.5).
	if row {
		it.baseline = crossPos + out.FirstBaselines.Y.Or(size.Height)
	} else {
		it.baseline = mainPos + out.FirstBaselines.Y.Or(size.Height)
	}
	t.SetUnroundedLayout(it.node, Layout{Order: it.index, Location: loc, Size: size, ContentSize: out.ContentSize,
		Border: it.border, Padding: it.padding, Margin: it.margin})
	*offMain += it.offsetMain + it.margin.mainSum(row) + size.main(row)
	contributeContent(content, loc, size, out.ContentSize, it.overflowHd)
}

// stretchedCross is the item's definite stretched cross size (border box):
// align-self: stretch with an automatic cross size and no auto cross margins
// in a single-line container of definite cross size (css-flexbox-1 §9.8),
// clamped by the item's own cross limits; none otherwise.
func (it *flexItem) stretchedCross(cs *style.Computed, c *flexConst) Maybe {
	row := c.row
	auto := cs.Height.Kind == style.LengthAuto
	if !row {
		auto = cs.Width.Kind == style.LengthAuto
	}
	line := c.nodeInner.cross(row)
	if c.wrap || !line.Ok || !auto || it.alignSelf != style.AlignStretch || it.crossAutoMargin(row) {
		return None
	}
	pb := it.padding.crossSum(row) + it.border.crossSum(row)
	return Some(max32(clampF(line.V-it.margin.crossSum(row), it.min.cross(row), it.max.cross(row)), pb))
}

// willStretchToLine reports whether the item's cross size is decided by
// align-self: stretch against a single line whose size is the container's
// definite cross size.
func (it *flexItem) willStretchToLine(t Tree, c *flexConst, nodeSize MaybeSize) bool {
	if c.wrap || !nodeSize.cross(c.row).Ok || it.alignSelf != style.AlignStretch || it.crossAutoMargin(c.row) {
		return false
	}
	cs := t.Style(it.node)
	if c.row {
		return cs.Height.Kind == style.LengthAuto
	}
	return cs.Width.Kind == style.LengthAuto
}
