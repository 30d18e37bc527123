package layout

// Scratch holds per-tree reusable buffers. Algorithms take stack space from
// them (append, then truncate back on return), so nested containers share
// one backing array and steady-state relayout allocates nothing (Gio's
// buf = buf[:0] pattern). The zero value is ready to use; a host keeps one
// per tree and must not lay out the same tree from two goroutines at once.
type Scratch struct {
	items []flexItem
	lines []flexLine
}
