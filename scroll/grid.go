package scroll

import "math"

// Grid is an aligned grid-view / grid-builder (spec §4.6, §4.7): items fill
// rows across CrossAxisCount columns, each row as tall as its tallest item,
// rows MainAxisGap apart. Rows are the unit of lazy building: a row is built
// or disposed with all its items. Masonry grids are MasonryGrid.
type Grid struct {
	Children ChildManager
	// CrossAxisCount is the column count (0 means the spec default 2).
	CrossAxisCount int
	// MaxCrossAxisExtent > 0 derives the count from the width instead; see
	// Columns.
	MaxCrossAxisExtent float64
	MainAxisGap        float64
	CrossAxisGap       float64
	Padding            Insets

	core lines
}

// Columns returns the column count and width for a cross extent (padding
// already removed). Spec §4.6: width = (avail − (n−1)·gap) / n. With
// max-cross-axis-extent > 0 (UNVERIFIED formula; our decision, Flutter's
// SliverGridDelegateWithMaxCrossAxisExtent): n = ceil(avail / (max + gap)),
// at least 1, and it overrides cross-axis-count.
func Columns(avail float64, count int, maxExtent, gap float64) (n int, width float64) {
	n = count
	if n <= 0 {
		n = 2
	}
	if maxExtent > 0 {
		n = max(1, int(math.Ceil(avail/(maxExtent+gap))))
	}
	width = max(0, (avail-float64(n-1)*gap)/float64(n))
	return n, width
}

// LayoutSliver implements Sliver.
func (g *Grid) LayoutSliver(c SliverConstraints) SliverGeometry {
	lead, trail, cs, ce := g.Padding.along(c.Axis, c.Reverse)
	n, w := Columns(max(0, c.CrossAxisExtent-cs-ce), g.CrossAxisCount, g.MaxCrossAxisExtent, g.CrossAxisGap)
	if g.core.begun && (n != g.core.perLine || g.MainAxisGap != g.core.gap) {
		// Rows change shape: start over (positions re-estimated).
		g.core.disposeAll(g.Children)
		g.core.begun = false
		g.core.drift = 0
	}
	g.core.perLine, g.core.gap, g.core.crossGap, g.core.cs = n, g.MainAxisGap, g.CrossAxisGap, cs
	g.core.sync(g.Children, w)
	return g.core.layout(g.Children, c, lead, trail)
}

// Place implements Sliver.
func (g *Grid) Place(f *Frame, origin, cross float64) { g.core.place(f, origin, cross) }

// RevealItem implements Revealer.
func (g *Grid) RevealItem(index int, builtOnly bool) (start, extent float64, ok bool) {
	return g.core.reveal(g.Children, index, builtOnly)
}

// ItemChanged: see List.ItemChanged.
func (g *Grid) ItemChanged(index int) {
	if g.core.begun {
		g.core.itemChanged(index)
	}
}

// Reset: see List.Reset.
func (g *Grid) Reset() {
	g.core.disposeAll(g.Children)
	g.core.begun = false
	g.core.drift = 0
}

// Rebase: see List.Rebase.
func (g *Grid) Rebase() { g.core.rebase(g.Children) }

// LiveCount is the number of built items.
func (g *Grid) LiveCount() int { return g.core.liveItems() }
