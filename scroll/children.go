package scroll

import "github.com/skyline-go/skyline/layout"

// ChildManager is what the host (the engine) implements for one lazily laid
// out container: a list-view / grid-view over existing children, or a
// list-builder / grid-builder that instantiates its item template by index
// (spec §4.7, §6). The slivers call it only from LayoutSliver / RevealItem.
//
// Build and Dispose are the itembuild / itemdispose moments (spec §4.7:
// detail {index}); a host queues those events from here and delivers them
// after the frame. For list mode and list-view (spec §6.2–6.3) nodes persist:
// Build lays an existing child out and Dispose releases its painting
// resources only.
type ChildManager interface {
	// ItemCount is the logical item count (for builders: child-count, capped
	// by the loaded list — spec §4.7, see doc.go).
	ItemCount() int
	// Build creates item index (or takes a node from the host's Pool and
	// rebinds it), lays it out through the layout contract with the given
	// cross-axis extent as its definite cross size, and returns the node and
	// its main-axis extent (border box plus margins).
	Build(index int, crossExtent float64) (node layout.NodeID, mainExtent float64)
	// Relayout lays a live item out again (its content changed, or the cross
	// extent did) and returns its new main-axis extent.
	Relayout(index int, node layout.NodeID, crossExtent float64) (mainExtent float64)
	// Dispose releases item index: builders return the node to the Pool.
	Dispose(index int, node layout.NodeID)
}

// BoxLayouter lays out a plain (non-virtualised) child that takes part in a
// sliver sequence: sticky headers, sticky-section plain nodes, and the
// scroll-view's direct children in custom mode (spec §4.6, §6.3).
type BoxLayouter interface {
	LayoutBox(node layout.NodeID, crossExtent float64) (mainExtent float64)
}

// Pool recycles item nodes of one builder (spec §4.7: disposed items' nodes
// and buffers are reused). The host takes a node for Build, and only when
// the pool is empty creates one; Dispose puts it back. The zero value is an
// empty pool.
type Pool struct {
	free []layout.NodeID
	// Created counts nodes the host had to create (Take returned false);
	// Reused counts nodes handed out again.
	Created, Reused int
}

// Take returns a recycled node, or ok=false when the host must create one
// (and call Created).
func (p *Pool) Take() (node layout.NodeID, ok bool) {
	if n := len(p.free); n > 0 {
		node = p.free[n-1]
		p.free = p.free[:n-1]
		p.Reused++
		return node, true
	}
	return 0, false
}

// NoteCreated records that the host created a node because the pool was
// empty.
func (p *Pool) NoteCreated() { p.Created++ }

// Put returns a disposed node to the pool.
func (p *Pool) Put(node layout.NodeID) { p.free = append(p.free, node) }

// Len is the number of idle nodes in the pool.
func (p *Pool) Len() int { return len(p.free) }
