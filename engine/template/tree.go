package template

import (
	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/dom"
	"github.com/skyline-go/skyline/engine/pkgfs"
	"github.com/skyline-go/skyline/widgets"
)

// Tree is one page's instantiated template: the page data, the node tree
// made from the page's WXML and its components, the bindings that keep the
// tree in step with the data, and the component instances. A host changes
// it only through SetData / SetComponentData; the frame pipeline reads the
// nodes and the dirty list.
type Tree struct {
	pkg       *pkgfs.Package
	data      map[string]any
	root      *dom.Node
	rootFrame *frame
	region    *region
	diags     *diag.List
	loading   bool
	bud       budget // instantiation budgets (budget.go)
	lazyFor   *ctl   // the control lazyAfter refers to (instantiate.go)

	// setData state, reused between patches.
	epoch uint32
	// patchEntry: applyPatch is queueing the watchers of one of its
	// entries (watch.go).
	patchEntry bool
	queue      []queued
	dirty      []*dom.Node
	nodeBuf    []*dom.Node
	patchBuf   []patchEntry

	evals int // binding evaluations, for tests

	comp componentState // custom components (component_*.go)
}

// Options are what a page's template needs besides its markup.
type Options struct {
	// Data is the initial page data (already normalised); nil: empty.
	Data map[string]any
	// Using and AppUsing are the page's and app.json's usingComponents.
	Using, AppUsing map[string]string
	// Components returns the definition of the component at a package path
	// (see engine.LoadOptions.Components).
	Components func(path string) (*ComponentDef, error)
	// Limits are the page budgets (budget.go); zero fields take
	// DefaultLimits.
	Limits Limits
}

// New compiles the page markup src (package path wxmlPath) and instantiates
// it against opts.Data. Problems go to diags, which the page owns; the tree
// keeps reporting runtime warnings (a duplicate wx:key) there.
func New(pkg *pkgfs.Package, wxmlPath string, src []byte, opts Options, diags *diag.List) *Tree {
	tr := &Tree{pkg: pkg, data: opts.Data, diags: diags}
	if tr.data == nil {
		tr.data = map[string]any{}
	}
	tr.bud.lim = opts.Limits.WithDefaults()
	tr.comp.appUsing = opts.AppUsing
	tr.comp.loader = opts.Components
	c := &compiler{pkg: pkg, files: map[string]*file{}, diags: diags, components: opts.Using, loadComp: tr.loadComponent}
	f := c.compileSource(wxmlPath, src)
	c.checkCalls()
	spec, _ := widgets.Lookup("page")
	tr.root, _ = newNode(dom.ElementNode, diag.Pos{File: wxmlPath}, nil)
	tr.root.Tag, tr.root.Spec = "page", spec
	tr.rootFrame = &frame{kind: fRoot, data: tr.data, wxs: f.wxs}
	tr.region = &region{host: tr.root, frame: tr.rootFrame}
	tr.loading = true
	tr.beginPass()
	tr.inst(tr.region, f.body, tr.rootFrame, nil, 0)
	tr.loading = false
	return tr
}

// Root returns the page element; its children are the page's nodes.
func (tr *Tree) Root() *dom.Node { return tr.root }

// Data returns the page data. Treat it as read-only: change it with SetData.
func (tr *Tree) Data() map[string]any { return tr.data }

// DirtyNodes returns the nodes changed since the last ClearDirty, each once,
// with its dom.Dirty flags set. Nodes removed from the tree may be included;
// check dom.Node.Dead.
func (tr *Tree) DirtyNodes() []*dom.Node { return tr.dirty }

// ClearDirty resets the dom.Dirty flags after the frame pipeline consumed them.
func (tr *Tree) ClearDirty() {
	for _, n := range tr.dirty {
		n.Dirty = 0
	}
	clear(tr.dirty)
	tr.dirty = tr.dirty[:0]
}

// Evals counts binding evaluations since the tree was made (tests).
func (tr *Tree) Evals() int { return tr.evals }

// warnOnce records a warning once per position: the host wants to hear
// about a bad value once, however often it is evaluated.
func (tr *Tree) warnOnce(pos diag.Pos, msg string) {
	tr.diags.Add(diag.Diagnostic{Pos: pos, Severity: diag.Warning, Msg: msg}) // the list drops repeats
}

// Budgets returns the page budgets in force (defaults filled in).
func (tr *Tree) Budgets() Limits { return tr.bud.lim }

// MarkDirty records a change of n that did not come from the data — a
// picture that arrived, a form control's state classes or interaction
// state — so the next frame restyles and lays it out like a setData
// change.
func (tr *Tree) MarkDirty(n *dom.Node, d dom.Dirty) { tr.markDirty(n, d) }
