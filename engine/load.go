package engine

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/imagesrc"
	"github.com/skyline-go/skyline/widgets"
)

// LoadOptions tunes Load.
type LoadOptions struct {
	// Data, when non-nil, is the initial data instead of <page>.data.json.
	// It is copied; later changes to it do not reach the page.
	Data map[string]any
	// Components returns the definition of the component at a package path
	// (without extension, as usingComponents resolves it), asked once per
	// component and page. When it is nil or returns nil, the component has
	// no declared properties: every host attribute other than the common
	// ones (id, class, style, hidden, data-*, events, slot) is passed to it
	// as data under its camelCase name, untyped (literal text stays a
	// string, a bare attribute is true), with default options (and the
	// component .json's styleIsolation). An error is reported at the first
	// use and the component renders with the untyped default.
	Components func(path string) (*ComponentDef, error)
	// Limits are the page budgets (budget.go); zero fields take
	// DefaultLimits.
	Limits Limits
	// Images loads data: and remote image srcs (images.go); nil decodes
	// data: URLs and is offline for http(s) (a warning; the box keeps
	// its size).
	Images *imagesrc.Loader
}

// Source is one stylesheet read for the page (parsing is the style stage's).
type Source struct {
	Path string // package path
	Src  []byte
}

// Page is a loaded page: its package, configuration, data and instantiated
// node tree. A Page is not safe for concurrent use.
type Page struct {
	// Pkg reads the page's package files (for @import and url()).
	Pkg *Package
	// Path is the page's package path without extension ("pages/feed/index").
	Path string
	// Config is app.json merged with the page's json.
	Config Config
	// AppStyle and PageStyle are app.wxss and <page>.wxss; Path is empty
	// when the file does not exist.
	AppStyle, PageStyle Source

	data      map[string]any
	root      *Node
	rootFrame *frame
	region    *region
	diags     diag.List
	loading   bool
	bud       budget // instantiation budgets (budget.go)
	lazyFor   *ctl   // the control lazyAfter refers to (instantiate.go)

	// imgsrc loads data: and remote image srcs (LoadOptions.Images).
	imgsrc *imagesrc.Loader

	// setData state, reused between patches.
	epoch uint32
	// patchEntry: applyPatch is queueing the watchers of one of its
	// entries (watch.go).
	patchEntry bool
	queue      []queued
	dirty      []*Node
	nodeBuf    []*Node
	patchBuf   []patchEntry

	evals int // binding evaluations, for tests

	// Frame pipeline (pipeline.go): the window and the style/layout state.
	vp   Viewport
	pipe *pipeline

	comp componentState // custom components (component_*.go)
	ev   eventState     // input and event dispatch (events*.go)
}

// Load reads and instantiates the page named by pagePath: a path without
// extension ("pages/feed/index"), a .wxml path, or a directory meaning
// <dir>/index (render-cli.md). Errors (a missing or malformed file, a bad
// expression, a path escaping the package) come back as a diag.ErrorList
// and no page; warnings stay on the page (Diagnostics).
func Load(pagePath string, opts LoadOptions) (*Page, error) {
	root, page, err := LocatePage(pagePath)
	if err != nil {
		return nil, diag.ErrorList{{Pos: diag.Pos{File: pagePath}, Severity: diag.Error, Msg: unwrapPathError(err).Error()}}
	}
	pkg, err := NewPackage(root)
	if err != nil {
		return nil, diag.ErrorList{{Pos: diag.Pos{File: pagePath}, Severity: diag.Error, Msg: unwrapPathError(err).Error()}}
	}
	return LoadFrom(pkg, page, opts)
}

// LocatePage finds a page on disk (render-cli.md): pagePath is a path
// without extension, a .wxml path, or a directory meaning <dir>/index. It
// returns the package root — the nearest ancestor of the page's directory
// holding app.json, else that directory — and the page's package path
// without extension. It reads no page file, so a host can watch a package
// whose page does not load yet.
func LocatePage(pagePath string) (root, page string, err error) {
	abs, err := filepath.Abs(pagePath)
	if err != nil {
		return "", "", err
	}
	abs = strings.TrimSuffix(abs, ".wxml")
	if st, err := os.Stat(abs); err == nil && st.IsDir() {
		abs = filepath.Join(abs, "index")
	}
	root = packageRoot(filepath.Dir(abs))
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return "", "", err
	}
	return root, filepath.ToSlash(rel), nil
}

// LoadFrom loads the page at package path page (without extension) from pkg.
func LoadFrom(pkg *Package, page string, opts LoadOptions) (*Page, error) {
	p := &Page{Pkg: pkg, Path: page}
	p.bud.lim = opts.Limits.withDefaults()
	p.imgsrc = opts.Images // data: and remote image srcs (images.go)
	diags := &p.diags
	wxmlPath := page + ".wxml"

	optional := func(rel string) []byte {
		b, err := pkg.Read(rel)
		switch {
		case err == nil:
		case errors.Is(err, fs.ErrNotExist):
		case refused(err):
			diags.Warnf(diag.Pos{File: rel, Line: 1, Col: 1}, "not read: %v; the page renders without it", unwrapPathError(err))
		default:
			diags.Errorf(diag.Pos{File: rel}, "cannot read: %v", unwrapPathError(err))
		}
		if err != nil {
			return nil
		}
		return b
	}
	if b := optional("app.json"); b != nil {
		p.Config.merge(pkg, "app.json", b, diags)
	}
	p.comp.appUsing = maps.Clone(p.Config.UsingComponents)
	p.comp.loader = opts.Components
	if b := optional(page + ".json"); b != nil {
		p.Config.merge(pkg, page+".json", b, diags)
	}
	if b := optional("app.wxss"); b != nil {
		p.AppStyle = Source{Path: "app.wxss", Src: b}
	}
	if b := optional(page + ".wxss"); b != nil {
		p.PageStyle = Source{Path: page + ".wxss", Src: b}
	}
	if opts.Data != nil {
		d, err := normalizeValue(opts.Data, 0)
		if err != nil {
			diags.Errorf(diag.Pos{File: "LoadOptions.Data"}, "%v", err)
		} else {
			p.data = d.(map[string]any)
		}
	} else if b := optional(page + ".data.json"); b != nil {
		d, bad := decodeData(page+".data.json", b)
		if bad != nil {
			diags.Add(*bad)
		}
		p.data = d
	}
	if p.data == nil {
		p.data = map[string]any{}
	}
	src, err := pkg.Read(wxmlPath)
	if err != nil {
		diags.Errorf(diag.Pos{File: wxmlPath}, "cannot read page markup: %v", unwrapPathError(err))
		return nil, diags.Err()
	}
	p.build(wxmlPath, src)
	if err := diags.Err(); err != nil {
		return nil, err
	}
	return p, nil
}

// build compiles the page file and instantiates the tree.
func (p *Page) build(wxmlPath string, src []byte) {
	c := &compiler{pkg: p.Pkg, files: map[string]*file{}, diags: &p.diags, components: p.Config.UsingComponents, loadComp: p.loadComponent}
	f := c.compileSource(wxmlPath, src)
	c.checkCalls()
	spec, _ := widgets.Lookup("page")
	p.root = &Node{Kind: ElementNode, Tag: "page", Spec: spec, Pos: diag.Pos{File: wxmlPath}}
	p.rootFrame = &frame{kind: fRoot, data: p.data, wxs: f.wxs}
	p.region = &region{host: p.root, frame: p.rootFrame}
	p.loading = true
	p.beginPass()
	p.inst(p.region, f.body, p.rootFrame, nil, 0)
	p.loading = false
}

// Root returns the page element; its children are the page's nodes.
func (p *Page) Root() *Node { return p.root }

// Data returns the page data. Treat it as read-only: change it with SetData.
func (p *Page) Data() map[string]any { return p.data }

// Diagnostics returns the warnings (and any runtime warnings since, such as
// a duplicate wx:key) in report order.
func (p *Page) Diagnostics() []diag.Diagnostic { return p.diags.Items }

// DirtyNodes returns the nodes changed since the last ClearDirty, each once,
// with its Dirty flags set. Nodes removed from the tree may be included;
// check Node.Attached.
func (p *Page) DirtyNodes() []*Node { return p.dirty }

// ClearDirty resets the Dirty flags after the frame pipeline consumed them.
func (p *Page) ClearDirty() {
	for _, n := range p.dirty {
		n.Dirty = 0
	}
	clear(p.dirty)
	p.dirty = p.dirty[:0]
}

// Attached reports whether the node is still part of its page's tree.
func (n *Node) Attached() bool { return !n.dead }

// checkCalls warns about static <template is> names that no file defines or
// imports, once compilation knows every file's templates.
func (c *compiler) checkCalls() {
	paths := make([]string, 0, len(c.files))
	for p, f := range c.files {
		if f != nil {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	for _, p := range paths {
		f := c.files[p]
		check := func(in *instr) {
			if in.kind != iCall || !in.call.is.IsStatic() {
				return
			}
			name := in.call.is.Raw()
			if in.file.lookupTemplate(name) == nil {
				c.diags.Warnf(in.pos, "template %q is not defined or imported in %s", name, path.Base(in.file.path))
			}
		}
		walkInstrs(f.body, check)
		names := make([]string, 0, len(f.templates))
		for n := range f.templates {
			names = append(names, n)
		}
		slices.Sort(names)
		for _, n := range names {
			walkInstrs(f.templates[n].body, check)
		}
	}
}

func walkInstrs(ins []*instr, fn func(*instr)) {
	for _, in := range ins {
		fn(in)
		walkInstrs(in.children, fn)
		for _, b := range in.branches {
			walkInstrs(b.body, fn)
		}
	}
}

// packageRoot is the nearest ancestor of dir holding app.json, else dir.
func packageRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "app.json")); err == nil {
			return d
		}
		up := filepath.Dir(d)
		if up == d {
			return dir
		}
		d = up
	}
}
