package layout

// Scratch holds per-tree reusable buffers. Algorithms take stack space from
// them (append, then truncate back on return), so nested containers share
// one backing array and steady-state relayout allocates nothing (Gio's
// buf = buf[:0] pattern). The zero value is ready to use; a host keeps one
// per tree and must not lay out the same tree from two goroutines at once.
type Scratch struct {
	items []flexItem
	lines []flexLine

	// depth counts the ComputeCached calls on the stack; cut records that
	// MaxDepth stopped one (see TakeDepthExceeded).
	depth int
	cut   bool
}

// MaxDepth is the layout depth budget: how many boxes deep ComputeCached
// descends. Layout recurses once per level and a level takes about 3 KB of
// goroutine stack, so this bounds the stack near 400 MB, under Go's 1 GB
// limit (exceeding that limit kills the process; it cannot be recovered).
// A box deeper than the budget is not laid out: it reports an empty size
// and keeps its previous layout, and the tree's Scratch records the cut
// for the host to warn about.
const MaxDepth = 1 << 17

// TakeDepthExceeded reports whether a layout since the last call stopped at
// MaxDepth, and clears the record.
func (s *Scratch) TakeDepthExceeded() bool {
	cut := s.cut
	s.cut = false
	return cut
}

// maxDepth is MaxDepth, lowered by tests.
var maxDepth = MaxDepth
