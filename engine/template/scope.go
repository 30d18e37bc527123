package template

import "github.com/skyline-go/skyline/engine/expr"

// frameKind says which names a frame defines.
type frameKind uint8

const (
	// fRoot is the page data (and the page file's wxs modules).
	fRoot frameKind = iota
	// fTemplate is a template instance: only its data object and the
	// defining file's wxs modules are visible (spec §1.5), so lookups stop here.
	// Issue 5's component instances get a frame of this kind too (their own
	// data, no access to the page's).
	fTemplate
	// fLoop is one wx:for item: the item and index names.
	fLoop
	// fLet is a glass-easel let: scope.
	fLet
)

// frame is one level of the lexical data scope. Each frame also owns the
// dependency trie for the names it defines, so that a binding registers
// relative to the frame that resolves its root name: bindings inside a loop
// item watch item-relative paths, and a keyed move of the item changes
// nothing in its trie.
type frame struct {
	parent *frame
	kind   frameKind

	data map[string]any // fRoot, fTemplate
	wxs  map[string]any // fRoot, fTemplate

	itemName, indexName string // fLoop
	item, index         any

	lets []letVar // fLet

	watch trie
}

type letVar struct {
	name string
	val  any
}

var _ expr.Scope = (*frame)(nil)

// Lookup implements expr.Scope.
func (f *frame) Lookup(name string) (expr.Value, bool) {
	for fr := f; fr != nil; fr = fr.parent {
		switch fr.kind {
		case fLoop:
			if name == fr.itemName {
				return fr.item, true
			}
			if name == fr.indexName {
				return fr.index, true
			}
		case fLet:
			for _, l := range fr.lets {
				if l.name == name {
					return l.val, true
				}
			}
		case fRoot, fTemplate:
			if m, ok := fr.wxs[name]; ok {
				return m, true
			}
			v, ok := fr.data[name]
			return v, ok
		}
	}
	return nil, false
}

// indexKey is the trie key under which a loop frame records watchers of
// its index name; it cannot collide with a data key path because item
// paths are registered relative to the item.
const indexKey = "\x00index"

var indexPath = []string{indexKey}

// watchDeps registers w for every path in deps, each in the trie of the
// frame that defines the path's root name.
func (f *frame) watchDeps(deps []expr.Path, w watcher) {
	for _, d := range deps {
		f.watchPath(d, w)
	}
}

func (f *frame) watchPath(d expr.Path, w watcher) {
	if len(d) == 0 {
		return
	}
	// `.length` is not a key setData writes: a change of length is a write
	// of an element or of the whole array, so watch the array itself.
	if len(d) > 1 && d[len(d)-1] == "length" {
		d = d[:len(d)-1]
	}
	name := d[0]
	for fr := f; fr != nil; fr = fr.parent {
		switch fr.kind {
		case fLoop:
			if name == fr.itemName {
				fr.watch.add(d[1:], w)
				return
			}
			if name == fr.indexName {
				fr.watch.add(indexPath, w)
				return
			}
		case fLet:
			// A let frame names several values (slot:item and slot:index,
			// let:a and let:b): paths keep their name, so a change of one
			// (collect with [name, …]) reaches only its readers.
			for _, l := range fr.lets {
				if l.name == name {
					fr.watch.add(d, w)
					return
				}
			}
		case fRoot, fTemplate:
			if _, ok := fr.wxs[name]; ok {
				return // modules are constant
			}
			fr.watch.add(d, w)
			return
		}
	}
}
