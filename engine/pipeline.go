package engine

import (
	"os"
	"time"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/pkgfs"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/layout/text"
	"github.com/skyline-go/skyline/style"
	"github.com/skyline-go/skyline/widgets"
)

// Viewport is the window a page renders into (render-cli.md): CSS px, the
// device pixel ratio for rasterising, and the colour scheme.
type Viewport struct {
	Width, Height float32
	DPR           float32
	Dark          bool
	// SafeArea is the device's safe-area insets in CSS px (a notched
	// phone's status bar and home indicator): what env(safe-area-inset-*)
	// and constant(safe-area-inset-*) read. Zero for a plain window.
	SafeArea style.SafeArea
}

// DefaultViewport is render-cli.md's default window: 375 × 667 at 2×.
var DefaultViewport = Viewport{Width: 375, Height: 667, DPR: 2}

// nodeRT is the frame pipeline's per-node state, kept on the node so that the
// pipeline needs no side tables.
type nodeRT struct {
	// inline holds the parsed style attribute; inlineSrc is the text it
	// was parsed from, so a setData that leaves it unchanged costs nothing.
	inline    []style.Declared
	inlineSrc string
	inlineOK  bool
	computed  style.Computed
	// before and after are the ::before / ::after boxes; nil when none.
	before, after *style.Computed
	// styledClasses is the class list at the last restyle.
	styledClasses []string
	stamp         uint32
	// scroll is a scroll-view's state (scroll_view.go).
	scroll *scrollView
	// builder is a list-builder / grid-builder's template (scroll_builder.go).
	builder *builderBox
	// swiper is a swiper's state (swiper.go).
	swiper *swiperView
	// motion is the node's CSS transitions and animations (motion.go); nil
	// for a node that never had any.
	motion *nodeMotion
}

// rtOf returns n's pipeline state, nil before its first restyle.
func rtOf(n *Node) *nodeRT {
	rt, _ := n.Runtime.(*nodeRT)
	return rt
}

// ensureRT returns n's pipeline state, making it when n has none yet.
func ensureRT(n *Node) *nodeRT {
	rt := rtOf(n)
	if rt == nil {
		rt = new(nodeRT)
		n.Runtime = rt
	}
	return rt
}

// pipeline is the page's frame state: the style stage's resolver and the
// layout tree. It is built on the first Update and rebuilt when the
// viewport changes.
type pipeline struct {
	vp       Viewport
	env      style.Env
	resolver *style.Resolver
	sheets   []*style.Sheet
	fonts    *text.FontSet
	lt       layoutTree
	styled   bool    // every node has a computed style
	restyled []*Node // nodes restyled this frame, for relayout
	// restyledLast is what the last frame restyled (tests and stats).
	restyledLast []*Node
	// stamp numbers restyle passes; nodeRT.stamp marks a node done in the
	// current one. markedBuf is reused between passes.
	stamp     uint32
	markedBuf []*Node
	// depthKeyed is sortShallowFirst's buffer.
	depthKeyed []depthKeyed
	// motionRules: some rule declares a transition or animation; motionPrev
	// holds a node's base style before a restyle (motion.go).
	motionRules      bool
	motionPrev       style.Computed
	motionPrevPseudo [2]style.Computed
}

// SetViewport sets the window the page renders into. A change of size or
// colour scheme restyles the whole page on the next Update (rpx, vw and
// dark-mode rules depend on it).
func (p *Page) SetViewport(vp Viewport) {
	if vp.DPR <= 0 {
		vp.DPR = 1
	}
	if p.pipe != nil && p.pipe.vp == vp {
		return
	}
	p.pipe = nil
	p.vp = vp
}

// Viewport returns the window the page renders into.
func (p *Page) Viewport() Viewport {
	if p.vp.Width == 0 {
		return DefaultViewport
	}
	return p.vp
}

// Update runs the frame pipeline up to layout: restyle what changed, then
// relayout. It is cheap when nothing changed.
func (p *Page) Update() {
	if p.pipe == nil {
		p.pipe = p.newPipeline()
	}
	t0 := time.Now()  // FrameStats (stats.go)
	p.imagesArrived() // remote pictures that came since the last frame
	full := p.syncControls()
	p.restyle()
	p.sizeControls(full)
	t1 := time.Now()
	p.relayout()
	p.updateStats(t0, t1, time.Now())
	p.ClearDirty()
}

func (p *Page) newPipeline() *pipeline {
	vp := p.Viewport()
	// Each pipeline has its own FontSet: a FontSet is not safe for
	// concurrent use (go-text faces cache internally), building one costs
	// ~50 µs, and @font-face faces must not leak into other pages.
	pl := &pipeline{vp: vp, fonts: text.NewFontSet()}
	pl.env = style.Env{
		WindowWidth:  vp.Width,
		WindowHeight: vp.Height,
		Dark:         vp.Dark,
		Options:      p.Config.Renderer,
		SafeArea:     vp.SafeArea,
	}
	ua, ds := style.ParseSheet(widgets.DefaultStylesFile, []byte(widgets.DefaultStyles), &pl.env, nil)
	p.diags.Add(ds...)
	ua.Origin, ua.Scope = style.OriginApp, style.ScopeAll // built-in defaults apply inside components too
	pl.sheets = append(pl.sheets, ua)
	for _, src := range []struct {
		s      Source
		origin style.Origin
	}{{p.AppStyle, style.OriginApp}, {p.PageStyle, style.OriginPage}} {
		if src.s.Path == "" {
			continue
		}
		sh, ds := style.ParseSheet(src.s.Path, src.s.Src, &pl.env, p.importLoader())
		p.diags.Add(ds...)
		sh.Origin = src.origin
		pl.sheets = append(pl.sheets, sh)
	}
	pl.sheets = p.ComponentSheets(pl.sheets, &pl.env, p.importLoader)
	pl.resolver = style.NewResolver(&pl.env, pl.sheets...)
	pl.motionRules = sheetsDeclareMotion(pl.sheets)
	p.ComponentSharing(pl.resolver)
	p.loadFontFaces(pl)
	return pl
}

// importLoader reads @import-ed files through the package, which refuses
// anything outside the package root (render-cli.md). Each loader serves one
// stylesheet: a file it already gave is given again empty, so a file's
// rules enter the sheet once, at its first @import. Ten imports per file
// thirty levels deep would otherwise be 10^30 copies within the depth
// limit; with this a sheet reads each file once. (The rules of a file
// imported twice sit at its first import, which only matters against a
// rule of equal specificity placed between the two imports.)
func (p *Page) importLoader() func(string) ([]byte, string, error) {
	seen := map[string]bool{}
	return func(path string) ([]byte, string, error) {
		rel, err := p.Pkg.Resolve("", path)
		if err != nil {
			return nil, path, err
		}
		if seen[rel] {
			return nil, rel, nil
		}
		seen[rel] = true
		b, err := p.Pkg.Read(rel)
		return b, rel, err
	}
}

// loadFontFaces registers the sheets' @font-face TrueType files in the
// page's FontSet.
func (p *Page) loadFontFaces(pl *pipeline) {
	for _, sh := range pl.sheets {
		for _, ff := range sh.FontFaces {
			rel, err := p.Pkg.Resolve("", ff.URL)
			var data []byte
			if err == nil {
				data, err = p.Pkg.Read(rel)
			}
			if err != nil {
				p.diags.Warnf(ff.Pos, "@font-face %q: %v", ff.Family, pkgfs.UnwrapPathError(err))
				continue
			}
			weight, italic := fontFaceWeight(ff.Weight), ff.Style == "italic"
			if _, err := pl.fonts.AddFace(ff.Family, weight, italic, data, ff.Pos); err != nil {
				p.diags.Warnf(ff.Pos, "@font-face %q: %v", ff.Family, err)
			}
		}
	}
}

func fontFaceWeight(s string) uint16 {
	switch s {
	case "bold":
		return 700
	case "", "normal":
		return 400
	}
	var w uint16
	for _, c := range s {
		if c < '0' || c > '9' {
			return 400
		}
		w = w*10 + uint16(c-'0')
	}
	if w < 100 || w > 900 {
		return 400
	}
	return w
}

// warnf records a warning once per position: restyles and relayouts run many
// times, and the host wants to hear about a bad value once.
func (p *Page) warnOnce(pos diag.Pos, msg string) {
	p.diags.Add(diag.Diagnostic{Pos: pos, Severity: diag.Warning, Msg: msg}) // the list drops repeats
}

// layoutOf returns a node's laid-out box, or false when it has none.
func (p *Page) layoutOf(n *Node) (*layout.Layout, bool) {
	if p.pipe == nil || n.Index <= 0 || int(n.Index) >= len(p.pipe.lt.boxes) {
		return nil, false
	}
	ln := &p.pipe.lt.boxes[n.Index]
	if ln.node != n || ln.kind == boxAnonText || ln.kind == boxPseudo {
		return nil, false
	}
	return &ln.lay, true
}

// ReadDataFile reads a JSON data file from the file system (render's -data
// flag: the host's own file, not a package file). Errors are positioned.
func ReadDataFile(path string) (map[string]any, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, diag.Diagnostic{Pos: diag.Pos{File: path}, Severity: diag.Error, Msg: pkgfs.UnwrapPathError(err).Error()}
	}
	d, bad := pkgfs.DecodeData(path, b)
	if bad != nil {
		return nil, *bad
	}
	return d, nil
}
