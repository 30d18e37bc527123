package template

// Dependency tracking for setData (see doc on Page.SetData). Every binding
// and control registers, per dependency path, in the trie of the frame that
// defines the path's root name. A patch at path P then finds its dependants
// by walking P down the root trie: watchers registered on a prefix of P (they
// read a value that contains the change) and every watcher below P (they
// read inside the replaced value). Nothing else is visited.
//
// Queueing a watcher twice in one patch is avoided with its stamp, which
// says whether it is queued or has already fired in the current epoch (one
// epoch per patch). Only the patch's own entries (applyPatch) may skip a
// watcher that has already fired: every entry's data is written before the
// first watcher fires, so it already saw them all. A watcher reached
// through a frame that was rebound during the flush (a loop item given a
// new value or index, a component property, template data, a slot value, a
// builder item reused for another index) must fire again even if it fired
// earlier in the epoch: it read the frame's previous values then.

// watcher is a binding or a control that reacts to data changes.
type watcher interface {
	// fire re-evaluates after a change. rest is the changed path relative to
	// where the watcher registered; empty means the watched value itself (or
	// an ancestor) was replaced.
	fire(tr *Tree, rest []string)
	// dead reports a watcher whose node or region was destroyed; tries drop
	// such watchers lazily.
	dead() bool
	// forwards reports watchers that interpret rest (loops and template
	// calls over plain paths); they may be queued once per changed path,
	// other watchers once per patch.
	forwards() bool
	stamp() *uint32
}

// queuedMark and firedMark are the stamps of a watcher queued, and of one
// fired, in the current epoch. Neither is 0, a new watcher's stamp.
func (tr *Tree) queuedMark() uint32 { return tr.epoch<<1 + 2 }
func (tr *Tree) firedMark() uint32  { return tr.epoch<<1 + 3 }

// trie maps path segments to the watchers registered on that exact path.
// Children are held by value (one allocation per level, not per node: a
// feed row's item trie has a handful of leaves); a pointer from child is
// valid until the next add to the same level, and collect never adds.
type trie struct {
	key  string
	kids []trie
	// idx indexes kids by key once a level is wide (a binding reading
	// thousands of names), so registration stays linear.
	idx map[string]int32
	ws  []watcher
}

// trieIndexAt is the width from which a trie level is indexed.
const trieIndexAt = 16

func (t *trie) child(key string) *trie {
	if t.idx != nil {
		if i, ok := t.idx[key]; ok {
			return &t.kids[i]
		}
		return nil
	}
	for i := range t.kids {
		if t.kids[i].key == key {
			return &t.kids[i]
		}
	}
	return nil
}

func (t *trie) add(path []string, w watcher) {
	n := t
	for _, seg := range path {
		c := n.child(seg)
		if c == nil {
			n.kids = append(n.kids, trie{key: seg})
			c = &n.kids[len(n.kids)-1]
			switch {
			case n.idx != nil:
				n.idx[seg] = int32(len(n.kids) - 1)
			case len(n.kids) > trieIndexAt:
				n.idx = make(map[string]int32, 2*len(n.kids))
				for i := range n.kids {
					n.idx[n.kids[i].key] = int32(i)
				}
			}
		}
		n = c
	}
	if len(n.ws) >= 8 && len(n.ws) == cap(n.ws) {
		n.compact()
	}
	n.ws = append(n.ws, w)
}

// compact drops dead watchers; called when the slice would grow, so
// destroyed regions do not leak watchers in long-lived tries.
func (t *trie) compact() {
	live := t.ws[:0]
	for _, w := range t.ws {
		if !w.dead() {
			live = append(live, w)
		}
	}
	clear(t.ws[len(live):])
	t.ws = live
}

type queued struct {
	w    watcher
	rest []string
}

// collect queues the watchers affected by a change at path under t.
func (tr *Tree) collect(t *trie, path []string) {
	n := t
	for i, seg := range path {
		for _, w := range n.ws {
			tr.enqueue(w, path[i:])
		}
		if n = n.child(seg); n == nil {
			return
		}
	}
	tr.collectAll(n)
}

// collectAll queues every watcher in t's subtree: their value was replaced.
func (tr *Tree) collectAll(t *trie) {
	for _, w := range t.ws {
		tr.enqueue(w, nil)
	}
	for i := range t.kids {
		tr.collectAll(&t.kids[i])
	}
}

// enqueue queues w unless it is already queued (or, for the entries of a
// patch, p.patchEntry, has already fired) in this epoch.
func (tr *Tree) enqueue(w watcher, rest []string) {
	if w.dead() {
		return
	}
	if !w.forwards() || len(rest) == 0 {
		s := w.stamp()
		if *s == tr.queuedMark() || tr.patchEntry && *s == tr.firedMark() {
			return
		}
		*s = tr.queuedMark()
	}
	tr.queue = append(tr.queue, queued{w, rest})
}

// flush fires queued watchers in order; firing may queue more (a loop
// forwarding into an item, a branch switch). Watchers killed by an earlier
// firing are skipped.
func (tr *Tree) flush() {
	for i := 0; i < len(tr.queue); i++ {
		q := tr.queue[i]
		if q.w.dead() {
			continue
		}
		if !q.w.forwards() || len(q.rest) == 0 {
			*q.w.stamp() = tr.firedMark()
		}
		q.w.fire(tr, q.rest)
	}
	clear(tr.queue)
	tr.queue = tr.queue[:0]
}
