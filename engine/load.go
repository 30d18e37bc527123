package engine

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/pkgfs"
	"github.com/skyline-go/skyline/engine/template"
	"github.com/skyline-go/skyline/imagesrc"
	"github.com/skyline-go/skyline/style"
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

// Page is a loaded page: its package, configuration, data and instantiated
// node tree. A Page is not safe for concurrent use.
type Page struct {
	// Tree is the page's instantiated template: data, nodes, bindings and
	// component instances (package engine/template). Its methods are the
	// page's: Root, Data, SetData, SetComponentData, DirtyNodes, …
	*template.Tree

	// Pkg reads the page's package files (for @import and url()).
	Pkg *Package
	// Path is the page's package path without extension ("pages/feed/index").
	Path string
	// Config is app.json merged with the page's json.
	Config Config
	// AppStyle and PageStyle are app.wxss and <page>.wxss; Path is empty
	// when the file does not exist.
	AppStyle, PageStyle Source

	diags diag.List

	// imgsrc loads data: and remote image srcs (LoadOptions.Images).
	imgsrc *imagesrc.Loader

	// Frame pipeline (pipeline.go): the window and the style/layout state.
	vp   Viewport
	pipe *pipeline

	ev  eventState   // input and event dispatch (events*.go)
	ctl controlState // form controls: state, press feedback, taps, drags (controls.go)
	// transparent: frames start transparent (SetTransparent).
	transparent bool

	stats frameStats  // what the frames cost (stats.go)
	mo    motionState // the frame clock and the nodes that move (motion.go)

	// Animated styles (animated.go): worklets' declarations by node.
	animated        map[*Node]*animatedStyle
	animBuf         []style.Declared
	animPtrs        []*style.Declared
	animProps       []style.PropID
	animScratch     style.Computed
	animatedInPlace int
}

// Load reads and instantiates the page named by pagePath: a path without
// extension ("pages/feed/index"), a .wxml path, or a directory meaning
// <dir>/index (render-cli.md). Errors (a missing or malformed file, a bad
// expression, a path escaping the package) come back as a diag.ErrorList
// and no page; warnings stay on the page (Diagnostics).
func Load(pagePath string, opts LoadOptions) (*Page, error) {
	root, page, err := LocatePage(pagePath)
	if err != nil {
		return nil, diag.ErrorList{{Pos: diag.Pos{File: pagePath}, Severity: diag.Error, Msg: pkgfs.UnwrapPathError(err).Error()}}
	}
	pkg, err := pkgfs.NewPackage(root)
	if err != nil {
		return nil, diag.ErrorList{{Pos: diag.Pos{File: pagePath}, Severity: diag.Error, Msg: pkgfs.UnwrapPathError(err).Error()}}
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
	p.imgsrc = opts.Images // data: and remote image srcs (images.go)
	diags := &p.diags
	var data map[string]any
	wxmlPath := page + ".wxml"

	optional := func(rel string) []byte {
		b, err := pkg.Read(rel)
		switch {
		case err == nil:
		case errors.Is(err, fs.ErrNotExist):
		case pkgfs.Refused(err):
			diags.Warnf(diag.Pos{File: rel, Line: 1, Col: 1}, "not read: %v; the page renders without it", pkgfs.UnwrapPathError(err))
		default:
			diags.Errorf(diag.Pos{File: rel}, "cannot read: %v", pkgfs.UnwrapPathError(err))
		}
		if err != nil {
			return nil
		}
		return b
	}
	if b := optional("app.json"); b != nil {
		p.Config.Merge(pkg, "app.json", b, diags)
	}
	appUsing := maps.Clone(p.Config.UsingComponents)
	if b := optional(page + ".json"); b != nil {
		p.Config.Merge(pkg, page+".json", b, diags)
	}
	if b := optional("app.wxss"); b != nil {
		p.AppStyle = Source{Path: "app.wxss", Src: b}
	}
	if b := optional(page + ".wxss"); b != nil {
		p.PageStyle = Source{Path: page + ".wxss", Src: b}
	}
	if opts.Data != nil {
		d, err := template.NormalizeValue(opts.Data, 0)
		if err != nil {
			diags.Errorf(diag.Pos{File: "LoadOptions.Data"}, "%v", err)
		} else {
			data = d.(map[string]any)
		}
	} else if b := optional(page + ".data.json"); b != nil {
		d, bad := pkgfs.DecodeData(page+".data.json", b)
		if bad != nil {
			diags.Add(*bad)
		}
		data = d
	}
	src, err := pkg.Read(wxmlPath)
	if err != nil {
		diags.Errorf(diag.Pos{File: wxmlPath}, "cannot read page markup: %v", pkgfs.UnwrapPathError(err))
		return nil, diags.Err()
	}
	p.Tree = template.New(pkg, wxmlPath, src, template.Options{
		Data: data, Using: p.Config.UsingComponents, AppUsing: appUsing,
		Components: opts.Components, Limits: opts.Limits,
	}, diags)
	if err := diags.Err(); err != nil {
		return nil, err
	}
	return p, nil
}

// Diagnostics returns the warnings (and any runtime warnings since, such as
// a duplicate wx:key) in report order.
func (p *Page) Diagnostics() []diag.Diagnostic { return p.diags.Items }

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

// LoadSource makes a page from markup and a stylesheet held in memory, named
// name (a package path without extension, for positions): a host's own UI
// drawn by the engine, such as the navigation and tab bars package app puts
// around a page. Only pictures and @imports are read from pkg; no app.json,
// app.wxss or page json applies, and no component is used.
func LoadSource(pkg *Package, name string, wxml, wxss []byte, opts LoadOptions) (*Page, error) {
	p := &Page{Pkg: pkg, Path: name}
	p.imgsrc = opts.Images
	if len(wxss) > 0 {
		p.PageStyle = Source{Path: name + ".wxss", Src: wxss}
	}
	var data map[string]any
	if opts.Data != nil {
		d, err := template.NormalizeValue(opts.Data, 0)
		if err != nil {
			return nil, diag.ErrorList{{Pos: diag.Pos{File: "LoadOptions.Data"}, Severity: diag.Error, Msg: err.Error()}}
		}
		data = d.(map[string]any)
	}
	p.Tree = template.New(pkg, name+".wxml", wxml, template.Options{Data: data, Limits: opts.Limits}, &p.diags)
	if err := p.diags.Err(); err != nil {
		return nil, err
	}
	return p, nil
}
