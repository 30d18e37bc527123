package layout

import "github.com/skyline-go/skyline/style"

// Cache memoises one node's results (Taffy's design): one slot for the final
// layout and nine for sizes, chosen by which dimensions are known and whether
// the space is a min-content constraint. Fixed size, no maps, no allocation.
// The zero value is an empty cache.
//
// Each size slot has two ways, the older replaced first. With one way, a
// node asked the same kind of question under two constraints in turn (a
// shrink-to-fit box measured under the space its parent was offered and
// again under the width the parent settled on; the two sizing modes of a
// min-content minimum) evicts the other answer each time; every miss
// re-measures the whole subtree under it, which asks its own children the
// same two questions, so a deep chain of such boxes cost time exponential
// in its depth (quadratic and worse, hostile_test.go). Two ways keep both
// answers; a size entry keeps only the size, so the cache is no larger
// than with one full entry per slot.
type Cache struct {
	final   finalEntry
	measure [9][2]sizeEntry
	older   uint16 // bit i: the way Store replaces next in slot i
	// last holds the inputs of the last PerformLayout, kept across Clear so
	// a relayout boundary can be laid out again on its own (Flutter's
	// relayout boundaries; see Relayout).
	last    Inputs
	hasLast bool
}

// cacheKey is what decides an entry's answer (and whether it holds one),
// packed: per axis one value, the known dimension when the entry had one
// and otherwise the available space (matches reads the available space of
// an axis only when its known dimension is unset), and the flags below.
// 12 bytes where the unpacked key took 40: a node's cache is 484 bytes,
// not 1,028, and a lookup reads a few cache lines instead of sixteen.
type cacheKey struct {
	w, h  float32
	flags uint16
	mode  SizingMode
}

const (
	keyOk     uint16 = 1 << iota
	keyKnownW        // w is a known width (else an available width)
	keyKnownH
	keyCtop
	keyCbot
	// keyReuseW / keyReuseH: the produced-size rule (matches) may answer a
	// query whose known width / height is the size this entry produced.
	keyReuseW
	keyReuseH
	keyKindShiftW = 8  // 2 bits: the SpaceKind of the available width
	keyKindShiftH = 10 // 2 bits: the SpaceKind of the available height
)

func makeKey(in *Inputs, reuseW, reuseH bool) cacheKey {
	k := cacheKey{flags: keyOk | uint16(in.AvailableSpace.Width.Kind&3)<<keyKindShiftW |
		uint16(in.AvailableSpace.Height.Kind&3)<<keyKindShiftH, mode: in.SizingMode}
	if kw := in.KnownDimensions.Width; kw.Ok {
		k.w, k.flags = kw.V, k.flags|keyKnownW
	} else {
		k.w = in.AvailableSpace.Width.Value
	}
	if kh := in.KnownDimensions.Height; kh.Ok {
		k.h, k.flags = kh.V, k.flags|keyKnownH
	} else {
		k.h = in.AvailableSpace.Height.Value
	}
	if in.CollapseTop {
		k.flags |= keyCtop
	}
	if in.CollapseBottom {
		k.flags |= keyCbot
	}
	if reuseW {
		k.flags |= keyReuseW
	}
	if reuseH {
		k.flags |= keyReuseH
	}
	return k
}

// finalEntry is the final layout's entry: the whole output.
type finalEntry struct {
	cacheKey
	out Output
}

// sizeEntry is a size question's entry.
type sizeEntry struct {
	cacheKey
	size Size
}

// Clear empties the cache (the node or its content changed).
func (c *Cache) Clear() {
	c.final.flags = 0
	for i := range c.measure {
		c.measure[i][0].flags = 0
		c.measure[i][1].flags = 0
	}
}

// IsEmpty reports whether nothing is cached.
func (c *Cache) IsEmpty() bool {
	if c.final.flags&keyOk != 0 {
		return false
	}
	for i := range c.measure {
		if (c.measure[i][0].flags|c.measure[i][1].flags)&keyOk != 0 {
			return false
		}
	}
	return true
}

func slotFor(known MaybeSize, avail AvailableSize) int {
	switch {
	case known.Width.Ok && known.Height.Ok:
		return 0
	case known.Width.Ok:
		if avail.Height.Kind == MinContent {
			return 2
		}
		return 1
	case known.Height.Ok:
		if avail.Width.Kind == MinContent {
			return 4
		}
		return 3
	}
	wMin, hMin := avail.Width.Kind == MinContent, avail.Height.Kind == MinContent
	switch {
	case !wMin && !hMin:
		return 5
	case !wMin:
		return 6
	case !hMin:
		return 7
	}
	return 8
}

// candidateSlots lists, in ascending order, the only slots whose entries
// can match in (matches): an entry's slot follows from its key (slotFor),
// and a key that matches in has in's known dimensions, or none where the
// produced-size rule applies (which needs a non-min-content space), and
// in's kind of available space on an axis in knows nothing of. Looking in
// these alone answers as looking in all nine in order did.
func candidateSlots(in *Inputs) (slots [4]int8, n int) {
	kw, kh := in.KnownDimensions.Width.Ok, in.KnownDimensions.Height.Ok
	wMin, hMin := in.AvailableSpace.Width.Kind == MinContent, in.AvailableSpace.Height.Kind == MinContent
	switch {
	case kw && kh:
		return [4]int8{0, 1, 3, 5}, 4
	case kw:
		if hMin {
			return [4]int8{2, 6}, 2
		}
		return [4]int8{1, 5}, 2
	case kh:
		if wMin {
			return [4]int8{4, 7}, 2
		}
		return [4]int8{3, 5}, 2
	}
	return [4]int8{int8(slotFor(in.KnownDimensions, in.AvailableSpace))}, 1
}

// matches reports whether e answers in. A known dimension equal to the size
// the entry produced is as good as the entry's own key (Taffy's rule): a
// parent that measured a child and then lays it out at that size hits. The
// rule does not hold for a min-content entry: there the content was laid
// out at its min-content widths (text wrapped word by word), while laying it
// out at the same outer size lets it use all of it, so the other dimension
// differs (a fixed-width column holding a caption, measured for a wrapping
// row's automatic minimum size, then for its cross size). Nor does it hold
// when the node's layout reads its own size where the entry had none
// (reuseW / reuseH, set by ComputeCached): children's percentages resolve
// only against a definite size (a wrapping row of 50% items: 120×20 at
// max-content, 120×40 laid out at 120), and a max-width clamps the size
// the content was laid out at. size is the size the entry produced.
func (e *cacheKey) matches(in *Inputs, size Size) bool {
	f := e.flags
	if f&keyOk == 0 || e.mode != in.SizingMode || (f&keyCtop != 0) != in.CollapseTop || (f&keyCbot != 0) != in.CollapseBottom {
		return false
	}
	return axisMatches(f&keyKnownW != 0, f&keyReuseW != 0, SpaceKind(f>>keyKindShiftW&3), e.w,
		in.KnownDimensions.Width, in.AvailableSpace.Width, size.Width) &&
		axisMatches(f&keyKnownH != 0, f&keyReuseH != 0, SpaceKind(f>>keyKindShiftH&3), e.h,
			in.KnownDimensions.Height, in.AvailableSpace.Height, size.Height)
}

// axisMatches is matches for one axis: the entry's known dimension (v when
// known) equals the query's; or the entry had none, the query has one and
// it is the size the entry produced (the produced-size rule); or neither
// has one and the available spaces agree (kind, value, v when not known).
func axisMatches(known, reuse bool, kind SpaceKind, v float32, q Maybe, qa AvailableSpace, size float32) bool {
	if known {
		return q.Ok && q.V == v
	}
	if q.Ok {
		return reuse && q.V == size && kind != MinContent
	}
	return AvailableSpace{kind, v}.roughlyEq(qa)
}

// Get returns a cached result for in, if any.
func (c *Cache) Get(in *Inputs) (Output, bool) {
	if in.RunMode == PerformLayout {
		if c.final.matches(in, c.final.out.Size) {
			return c.final.out, true
		}
		return Output{}, false
	}
	slots, n := candidateSlots(in)
	for _, i := range slots[:n] {
		for w := range c.measure[i] {
			// Most slots are empty: skip them without the call.
			if e := &c.measure[i][w]; e.flags&keyOk != 0 && e.matches(in, e.size) {
				return Output{Size: e.size}, true
			}
		}
	}
	// A final layout answers a size question too.
	if c.final.matches(in, c.final.out.Size) {
		return Output{Size: c.final.out.Size}, true
	}
	return Output{}, false
}

// Store records out as the result for in. Such an entry answers only its
// own known dimensions; ComputeCached, which can read the node's style,
// also lets it answer a query at the size it produced where that is safe.
func (c *Cache) Store(in *Inputs, out Output) { c.store(in, out, false, false) }

func (c *Cache) store(in *Inputs, out Output, reuseW, reuseH bool) {
	k := makeKey(in, reuseW, reuseH)
	if in.RunMode == PerformLayout {
		c.final = finalEntry{k, out}
		c.last = *in
		c.hasLast = true
		return
	}
	i := slotFor(in.KnownDimensions, in.AvailableSpace)
	w := c.older >> i & 1
	c.measure[i][w] = sizeEntry{k, out.Size}
	c.older ^= 1 << i
}

// ComputeFunc is an algorithm: flex, block, a leaf, or a host's own.
type ComputeFunc func(t Tree, id NodeID, in Inputs) Output

// ComputeCached is the host-side wrapper around every algorithm call: it
// answers from the node's cache when the inputs match and otherwise runs
// compute and stores the result. Hosts call it from ComputeChildLayout.
// It also keeps the depth budget (MaxDepth): a call nested deeper returns
// an empty size without computing.
func ComputeCached(t Tree, id NodeID, in Inputs, compute ComputeFunc) Output {
	if in.SizingMode == ContentSize && noSizeStyles(t.Style(id)) {
		// Without size styles both sizing modes compute the same thing;
		// one key lets a flex basis and a content contribution share an
		// entry instead of evicting each other.
		in.SizingMode = InherentSize
	}
	c := t.Cache(id)
	if out, ok := c.Get(&in); ok {
		return out
	}
	sc := t.Scratch()
	if sc.depth >= maxDepth {
		sc.cut = true
		return Output{}
	}
	out := computeNested(t, sc, id, in, compute)
	reuseW, reuseH := producedSizeReusable(t, id, &in)
	c.store(&in, out, reuseW, reuseH)
	return out
}

// computeNested runs compute one level deeper in the depth budget.
func computeNested(t Tree, sc *Scratch, id NodeID, in Inputs, compute ComputeFunc) Output {
	sc.depth++
	defer func() { sc.depth-- }()
	return compute(t, id, in)
}

// producedSizeReusable reports, per axis, whether laying the node out at
// the size a computation with that axis unknown produced gives the same
// result (Cache.matches): not when its own max-size clamped the size its
// content was laid out at, nor when a child's size, margin, padding or flex
// basis, or its own gap, is a percentage of that size (they resolve to
// auto or 0 while the size is unknown).
func producedSizeReusable(t Tree, id NodeID, in *Inputs) (w, h bool) {
	w, h = !in.KnownDimensions.Width.Ok, !in.KnownDimensions.Height.Ok
	if !w && !h {
		return false, false
	}
	s := t.Style(id)
	if in.SizingMode == InherentSize {
		w = w && s.MaxWidth.Kind == style.LengthNone
		h = h && s.MaxHeight.Kind == style.LengthNone
	}
	w = w && !isPct(s.ColumnGap)
	h = h && !isPct(s.RowGap)
	row := s.FlexDir.IsRow()
	for i, n := 0, t.ChildCount(id); i < n && (w || h); i++ {
		cs := t.Style(t.Child(id, i))
		if cs.Display == style.DisplayNone || isPositioned(cs) {
			continue
		}
		if isPct(cs.Width) || isPct(cs.MinWidth) || isPct(cs.MaxWidth) || (row && isPct(cs.FlexBasis)) ||
			isPct(cs.Margin.Top) || isPct(cs.Margin.Right) || isPct(cs.Margin.Bottom) || isPct(cs.Margin.Left) ||
			isPct(cs.Padding.Top) || isPct(cs.Padding.Right) || isPct(cs.Padding.Bottom) || isPct(cs.Padding.Left) {
			w = false
		}
		if isPct(cs.Height) || isPct(cs.MinHeight) || isPct(cs.MaxHeight) || (!row && isPct(cs.FlexBasis)) {
			h = false
		}
	}
	return w, h
}

func isPct(l style.Length) bool { return l.HasPct() }

func noSizeStyles(s *style.Computed) bool {
	return s.Width.Kind == style.LengthAuto && s.Height.Kind == style.LengthAuto &&
		s.MinWidth.Kind == style.LengthAuto && s.MinHeight.Kind == style.LengthAuto &&
		s.MaxWidth.Kind == style.LengthNone && s.MaxHeight.Kind == style.LengthNone && s.AspectRatio == 0
}
