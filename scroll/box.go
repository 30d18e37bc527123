package scroll

import "github.com/skyline-go/skyline/layout"

// Box adapts one plain child to the sliver contract (Flutter's
// SliverToBoxAdapter): custom-mode direct children that are not containers,
// sticky-section plain nodes (always built, spec §6.3).
type Box struct {
	Layouter BoxLayouter
	Node     layout.NodeID
	extent   float64
	cross    float64
}

// LayoutSliver implements Sliver. The box is laid out every pass; the
// host's layout cache (layout.ComputeCached) makes repeats cheap.
func (b *Box) LayoutSliver(c SliverConstraints) SliverGeometry {
	b.cross = c.CrossAxisExtent
	b.extent = b.Layouter.LayoutBox(b.Node, c.CrossAxisExtent)
	return geometryFor(&c, b.extent)
}

// Place implements Sliver.
func (b *Box) Place(f *Frame, origin, cross float64) {
	f.place(-1, b.Node, origin, cross, b.extent, b.cross, false)
}

// RevealItem implements Revealer (index 0 is the box itself).
func (b *Box) RevealItem(index int, builtOnly bool) (float64, float64, bool) {
	return 0, b.extent, index == 0
}

// Extent is the box's main extent at the last layout.
func (b *Box) Extent() float64 { return b.extent }
