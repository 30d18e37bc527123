package layout

import "github.com/skyline-go/skyline/style"

// MemTree is a reference host: an in-memory tree of styled boxes with
// optional measure functions, used by this package's tests and benchmarks
// and as a model for the engine's own host. Build it with NewNode /
// NewLeaf, then call Compute.
type MemTree struct {
	nodes    []memNode
	viewport Size
	scratch  Scratch
	dirty    []NodeID // relayout boundaries waiting for Relayout
	root     NodeID
	avail    MaybeSize
}

type memNode struct {
	style     style.Computed
	children  []NodeID
	parent    NodeID
	hasParent bool
	measure   MeasureFunc
	cache     Cache
	layout    Layout // unrounded
	rounded   Layout
}

// NewNode adds a box with the given children (which must not have a parent
// yet) and returns its id.
func (t *MemTree) NewNode(s style.Computed, children ...NodeID) NodeID {
	id := NodeID(len(t.nodes))
	t.nodes = append(t.nodes, memNode{style: s, children: append([]NodeID(nil), children...)})
	for _, c := range children {
		t.nodes[c].parent, t.nodes[c].hasParent = id, true
	}
	return id
}

// NewLeaf adds a childless box whose content is measured by m.
func (t *MemTree) NewLeaf(s style.Computed, m MeasureFunc) NodeID {
	id := t.NewNode(s)
	t.nodes[id].measure = m
	return id
}

// AddChild appends child to parent.
func (t *MemTree) AddChild(parent, child NodeID) {
	t.nodes[parent].children = append(t.nodes[parent].children, child)
	t.nodes[child].parent, t.nodes[child].hasParent = parent, true
	t.MarkDirty(parent)
}

// SetViewport sets the window size used by position: fixed.
func (t *MemTree) SetViewport(s Size) { t.viewport = s }

// StyleMut returns the node's style for editing; call MarkDirty after.
func (t *MemTree) StyleMut(id NodeID) *style.Computed { return &t.nodes[id].style }

// SetMeasure replaces a leaf's measure function and marks it dirty.
func (t *MemTree) SetMeasure(id NodeID, m MeasureFunc) {
	t.nodes[id].measure = m
	t.MarkDirty(id)
}

// Compute lays out the tree under root in the available space (None =
// unconstrained axis).
func (t *MemTree) Compute(root NodeID, available MaybeSize) {
	t.root, t.avail = root, available
	t.dirty = t.dirty[:0]
	ComputeRootLayout(t, root, available)
}

// MarkDirty records that a node's style or content changed: caches are
// cleared up to the nearest relayout boundary, which Relayout lays out
// again on its own.
func (t *MemTree) MarkDirty(id NodeID) {
	b := MarkDirty(t, id)
	for _, d := range t.dirty {
		if d == b {
			return
		}
	}
	t.dirty = append(t.dirty, b)
}

// Relayout brings the layout up to date after MarkDirty calls: each dirty
// relayout boundary is laid out again with its last constraints (the whole
// tree when the root itself is dirty).
func (t *MemTree) Relayout() {
	for _, b := range t.dirty {
		if b == t.root || !t.nodes[b].hasParent {
			ComputeRootLayout(t, t.root, t.avail)
			continue
		}
		RelayoutBoundary(t, b)
	}
	t.dirty = t.dirty[:0]
}

// Layout returns a node's unrounded layout.
func (t *MemTree) Layout(id NodeID) Layout { return t.nodes[id].layout }

// RoundedLayout returns a node's layout after Round.
func (t *MemTree) RoundedLayout(id NodeID) Layout { return t.nodes[id].rounded }

// Round snaps the tree's layouts to whole pixels (RoundLayout).
func (t *MemTree) Round(root NodeID) { RoundLayout(t, root) }

// Len returns the number of nodes.
func (t *MemTree) Len() int { return len(t.nodes) }

// Tree interface.

func (t *MemTree) ChildCount(id NodeID) int               { return len(t.nodes[id].children) }
func (t *MemTree) Child(id NodeID, i int) NodeID          { return t.nodes[id].children[i] }
func (t *MemTree) Style(id NodeID) *style.Computed        { return &t.nodes[id].style }
func (t *MemTree) SetUnroundedLayout(id NodeID, l Layout) { t.nodes[id].layout = l }
func (t *MemTree) UnroundedLayout(id NodeID) *Layout      { return &t.nodes[id].layout }
func (t *MemTree) Cache(id NodeID) *Cache                 { return &t.nodes[id].cache }
func (t *MemTree) Viewport() Size                         { return t.viewport }
func (t *MemTree) Scratch() *Scratch                      { return &t.scratch }
func (t *MemTree) SetFinalLayout(id NodeID, l Layout)     { t.nodes[id].rounded = l }
func (t *MemTree) Parent(id NodeID) (NodeID, bool)        { n := &t.nodes[id]; return n.parent, n.hasParent }

// ComputeChildLayout dispatches through the node's cache to the built-in
// algorithms: this is the whole host-side dispatch.
func (t *MemTree) ComputeChildLayout(id NodeID, in Inputs) Output {
	return ComputeCached(t, id, in, memCompute)
}

func memCompute(tr Tree, id NodeID, in Inputs) Output {
	t := tr.(*MemTree)
	return ComputeBuiltin(t, id, in, t.nodes[id].measure)
}
