package scroll

// List is a lazily built list: list-view, list-builder (spec §4.6, §4.7) and
// the direct children of a scroll-view type="list" (spec §6.2). Only the
// items intersecting viewport + cache-extent are built; the rest are
// estimated from the running average of measured extents.
//
// The zero value with Children set is a dynamic list without padding.
type List struct {
	Children ChildManager
	// ChildExtent > 0 makes the list static (list-builder type="static",
	// child-height): every item has this extent, positions are arithmetic.
	// Read at the first layout.
	ChildExtent float64
	// EstimatedExtent seeds the estimate before anything is measured.
	EstimatedExtent float64
	Padding         Insets
	// InitialChildCount items are built on the first layout even outside the
	// cache area (spec §4.7 initial-child-count).
	InitialChildCount int

	core lines
}

// LayoutSliver implements Sliver.
func (l *List) LayoutSliver(c SliverConstraints) SliverGeometry {
	lead, trail, cs, ce := l.Padding.along(c.Axis, c.Reverse)
	if !l.core.begun {
		l.core.perLine = 1
		l.core.fixed = l.ChildExtent
		l.core.initial = l.InitialChildCount
		l.core.store.fallback = l.EstimatedExtent
	}
	l.core.cs = cs
	l.core.sync(l.Children, max(0, c.CrossAxisExtent-cs-ce))
	return l.core.layout(l.Children, c, lead, trail)
}

// Place implements Sliver.
func (l *List) Place(f *Frame, origin, cross float64) { l.core.place(f, origin, cross) }

// RevealItem implements Revealer.
func (l *List) RevealItem(index int, builtOnly bool) (start, extent float64, ok bool) {
	return l.core.reveal(l.Children, index, builtOnly)
}

// ItemChanged tells the list that item index's content changed: a built
// item is laid out again at the next layout (anchored, spec §4.5), an
// unbuilt one forgets its measured extent.
func (l *List) ItemChanged(index int) {
	if l.core.begun {
		l.core.itemChanged(index)
	}
}

// Reset disposes every item and forgets all measurements (the data array
// was replaced).
func (l *List) Reset() {
	l.core.disposeAll(l.Children)
	l.core.begun = false
	l.core.drift = 0
}

// Rebase disposes the built items and forgets where they were: unbuilt
// items sit at their estimated positions again (no drift). A host calls it
// before RevealItem when the built window's position means nothing (the
// first layout of a rebuilt list was a guess) and it places the revealed
// item itself.
func (l *List) Rebase() { l.core.rebase(l.Children) }

// LiveCount is the number of built items.
func (l *List) LiveCount() int { return l.core.liveItems() }
