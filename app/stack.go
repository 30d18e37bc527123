package app

import (
	"errors"
	"fmt"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/logic"
)

// Whole apps: the page stack. WeChat keeps the pages a user opened on a
// stack (getCurrentPages); wx.navigateTo pushes, navigateBack pops,
// redirectTo replaces the top, switchTab closes every page that is not a
// tab page and shows the tab (tab pages, once opened, stay loaded), and
// reLaunch closes everything. The stack holds at most ten pages.
//
// Every loaded page has a slot; its logic instance ids are the engine's
// component ids under the slot (slotShift), so the one runtime tells the
// pages' instances apart and a message from it reaches its own page even
// when that page is hidden.

const (
	slotShift = 40
	pageBit   = 1 << 39 // the page instance itself; engine ids stay below it
	maxStack  = 10
)

// pageRun is one loaded page.
type pageRun struct {
	page   *engine.Page
	path   string // package path without extension
	pageJS bool
	slot   uint64
	query  map[string]string
	// hosts are the component hosts' id and class as the runtime knows
	// them; patched: a patch was applied since they were compared.
	hosts   map[engine.InstanceID]hostKey
	patched bool
	// The bars around the page (whole apps only).
	win    Window
	tab    int // its tab, -1 when not a tab page
	chrome *chrome
}

// pageID is the logic instance id of the page.
func (r *pageRun) pageID() logic.InstanceID { return logic.InstanceID(r.slot<<slotShift | pageBit) }

// lid is the logic id of the page's engine instance id (0: the page when
// it has a script, else none).
func (r *pageRun) lid(id engine.InstanceID) logic.InstanceID {
	if id == 0 {
		if r.pageJS {
			return r.pageID()
		}
		return 0
	}
	return logic.InstanceID(r.slot<<slotShift | uint64(id))
}

// runOf finds the page a logic id belongs to and the engine id within it
// (0 for the page itself); nil when the page is gone.
func (a *App) runOf(id logic.InstanceID) (*pageRun, engine.InstanceID) {
	var r *pageRun
	for _, lr := range a.live {
		if lr.slot == uint64(id)>>slotShift {
			r = lr
			break
		}
	}
	if r == nil {
		return nil, 0
	}
	low := uint64(id) & (1<<slotShift - 1)
	if low == pageBit {
		return r, 0
	}
	return r, engine.InstanceID(low)
}

// with runs fn with r as the current page (the methods that act on "the
// page" then act on r), then restores the page on screen.
func (a *App) with(r *pageRun, fn func()) {
	cur := a.pageRun
	a.pageRun = r
	defer func() { a.pageRun = cur }()
	fn()
}

// liveRuns are the loaded pages in the order they were opened (slots
// only grow, so a.live is in that order). The caller must not keep it
// across a load or unload.
func (a *App) liveRuns() []*pageRun { return a.live }

// OpenApp opens the mini-program whose package root is root (it holds
// app.json): app.js runs, then the entry page (entryPagePath, else the
// first of pages) opens with its query, inside the status, navigation and
// tab bars.
func OpenApp(root string, opts Options) (*App, error) {
	pkg, err := engine.NewPackage(root)
	if err != nil {
		return nil, diag.ErrorList{{Pos: diag.Pos{File: root}, Severity: diag.Error, Msg: unwrapPath(err).Error()}}
	}
	a := newApp(pkg, opts)
	m, ok := ReadManifest(pkg, &a.diags)
	if !ok || m.Entry == "" {
		if err := a.diags.Err(); err != nil {
			return nil, err
		}
		return nil, diag.ErrorList{{Pos: diag.Pos{File: "app.json", Line: 1, Col: 1}, Severity: diag.Error, Msg: "app.json names no page to open"}}
	}
	a.manifest = m
	if pkg.Exists("app.js") {
		a.runtime()
	}
	entry, query := m.Entry, opts.Query
	if p, q, ok := strings.Cut(entry, "?"); ok {
		entry, query = p, parseQuery(q)
	}
	r, err := a.load(entry, query, true)
	if err != nil {
		a.close()
		return nil, err
	}
	a.push(r)
	a.Pump()
	return a, nil
}

// IsAppRoot reports whether dir is a mini-program's root that Open opens as
// a whole app: it holds app.json and no index.wxml. (A directory with an
// index.wxml names that page, as render-cli.md fixes, even in an app root.)
func IsAppRoot(dir string) bool {
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return false
	}
	if _, err := os.Stat(filepath.Join(dir, "index.wxml")); err == nil {
		return false
	}
	_, err = os.Stat(filepath.Join(dir, "app.json"))
	return err == nil
}

// Manifest returns app.json's pages, window and tab bar; nil for a page
// opened alone.
func (a *App) Manifest() *Manifest { return a.manifest }

// Stack returns the paths of the pages on the stack, bottom first
// (getCurrentPages' order).
func (a *App) Stack() []string {
	out := make([]string, len(a.stack))
	for i, r := range a.stack {
		out[i] = r.path
	}
	return out
}

// load opens page: its script's Page({data}), the host's data (first: the
// Options' or .data.json; later pages: their .data.json), the engine
// instance, then LoadPage (onLoad(query), onShow, onReady) or Mount for its
// components. The page is live but not yet on screen (push shows it).
func (a *App) load(page string, query map[string]string, first bool) (*pageRun, error) {
	a.nextSlot++
	r := &pageRun{path: page, slot: a.nextSlot, query: query, hosts: map[engine.InstanceID]hostKey{}, tab: -1}
	var err error
	a.with(r, func() { err = a.loadInto(r, first) })
	if err != nil {
		return nil, err
	}
	a.live = append(a.live, r)
	return r, nil
}

func (a *App) loadInto(r *pageRun, first bool) error {
	pkg, page := a.pkg, r.path
	r.pageJS = pkg.Exists(page + ".js")
	if !r.pageJS {
		// A script that exists but is refused (a FIFO, a device, too large)
		// is said, not silently skipped; the markup renders without it.
		if _, err := pkg.Read(page + ".js"); errors.Is(err, engine.ErrNotRegular) || errors.Is(err, engine.ErrTooLarge) {
			a.diags.Errorf(diag.Pos{File: page + ".js", Line: 1, Col: 1}, "cannot read %s.js: %v", page, unwrapPath(err))
		}
	}
	if r.pageJS {
		a.runtime()
	}
	data := map[string]any{}
	if r.pageJS {
		// A failing script is reported by the runtime (positioned) when
		// LoadPage runs it again; the markup still renders without it.
		if def, err := a.rt.PageDef(page); err == nil {
			data = def.Data
		}
	}
	override, err := a.hostData(page, first)
	if err != nil {
		return err
	}
	maps.Copy(data, override)
	p, err := engine.LoadFrom(pkg, page, engine.LoadOptions{Data: data, Components: a.componentDef, Images: a.opts.Images})
	if err != nil {
		return err
	}
	r.page = p
	if m := a.manifest; m != nil {
		r.win = m.WindowFor(pkg, page, &a.diags)
		r.tab = m.TabIndex(page)
	}
	p.SetViewport(a.opts.Viewport) // dress sets the page's own window once it shows
	inits := a.inits(p.DrainInstanceEvents())
	switch {
	case r.pageJS:
		// onLoad sees itself on getCurrentPages(), above the pages that
		// stay below it.
		ids := a.stackIDs(a.below)
		a.send(logic.SetStack{IDs: append(ids, r.pageID())})
		a.send(logic.LoadPage{ID: r.pageID(), Path: page, Query: r.query, Data: override, Components: inits})
	case len(inits) > 0 && a.rt != nil:
		// Components with scripts on a page without one: they still run
		// (their lifetimes and handlers), under no page instance.
		a.send(logic.Mount{Components: inits})
	}
	return nil
}

// push puts r on top of the stack and on screen.
func (a *App) push(r *pageRun) {
	a.stack = append(a.stack, r)
	a.pageRun = r
	a.dress(r)
	a.changed = true
	a.sendStack()
}

// sendStack tells the scripts the stack (getCurrentPages).
func (a *App) sendStack() {
	if a.rt == nil {
		return
	}
	a.send(logic.SetStack{IDs: a.stackIDs(a.stack)})
}

// stackIDs are the page instance ids of runs that have scripts.
func (a *App) stackIDs(runs []*pageRun) []logic.InstanceID {
	ids := make([]logic.InstanceID, 0, len(runs)+1)
	for _, r := range runs {
		if r.pageJS {
			ids = append(ids, r.pageID())
		}
	}
	return ids
}

// dress fits r into the window: inside the bars for a whole app, the
// whole window for a page opened alone.
func (a *App) dress(r *pageRun) {
	vp := a.opts.Viewport
	if a.manifest == nil {
		r.page.SetViewport(vp)
		return
	}
	dev := a.device()
	st := chromeState{win: r.win, back: len(a.stack) > 1 && a.stack[len(a.stack)-1] == r && r.tab < 0,
		tab: r.tab, statusH: float32(dev.StatusBarHeight), safeBott: float32(vp.SafeArea.Bottom)}
	c, err := newChrome(a.pkg, a.manifest, st, vp)
	if err != nil {
		a.diags.Add(diag.Diagnostic{Pos: diag.Pos{File: "app.json", Line: 1, Col: 1}, Severity: diag.Warning, Msg: "the navigation or tab bar could not be drawn: " + err.Error()})
		r.chrome = nil
		r.page.SetViewport(vp)
		return
	}
	r.chrome = c
	r.page.SetViewport(c.pageViewport(vp))
}

// hide tells r's scripts it left the screen (onHide).
func (a *App) hide(r *pageRun) {
	if r.pageJS && a.rt != nil {
		a.send(logic.PageHide{ID: r.pageID()})
	}
}

// show tells r's scripts it is on screen again (onShow).
func (a *App) show(r *pageRun) {
	if r.pageJS && a.rt != nil {
		a.send(logic.PageShow{ID: r.pageID()})
	}
}

// unload closes r: its components detach and onUnload runs.
func (a *App) unload(r *pageRun) {
	if r.pageJS && a.rt != nil {
		a.send(logic.UnloadPage{ID: r.pageID()})
	}
	a.dropStyles(r)
	a.live = slices.DeleteFunc(a.live, func(x *pageRun) bool { return x == r })
}

// navigate carries out a router call of the scripts and answers it.
func (a *App) navigate(m logic.Navigate) {
	err := a.route(m.Kind, m.URL, m.From, m.Delta)
	reply := logic.NavigateReply{Req: m.Req}
	if err != nil {
		reply.Err = err.Error()
	}
	if a.rt != nil {
		a.send(reply)
	}
	a.changed = true
}

// Navigate runs a router operation as the scripts would (the preview's
// back key, tests): kind is navigateTo, redirectTo, navigateBack,
// switchTab or reLaunch.
func (a *App) Navigate(kind, url string, delta int) error {
	from := ""
	if a.pageRun != nil {
		from = a.path
	}
	err := a.route(kind, url, from, delta)
	a.exchange()
	return err
}

func (a *App) route(kind, rawURL, from string, delta int) error {
	var page string
	var query map[string]string
	if kind != "navigateBack" {
		page, query = resolvePage(rawURL, from)
		if !a.pageExists(page) {
			return fmt.Errorf("page %q is not found", page)
		}
	}
	isTab := a.manifest != nil && a.manifest.IsTab(page)
	switch kind {
	case "navigateTo":
		if isTab {
			return errors.New("can not navigateTo a tabbar page")
		}
		if len(a.stack) >= maxStack {
			return errors.New("webview count limit exceed")
		}
		cur := a.pageRun
		a.hide(cur)
		a.below = a.stack
		r, err := a.load(page, query, false)
		if err != nil {
			a.show(cur)
			return err
		}
		a.push(r)
		a.startTransition(cur, r, false)
	case "redirectTo":
		if isTab {
			return errors.New("can not redirectTo a tabbar page")
		}
		a.below = a.stack[:len(a.stack)-1]
		r, err := a.load(page, query, false)
		if err != nil {
			return err
		}
		a.popTop()
		a.push(r)
	case "navigateBack":
		if len(a.stack) <= 1 {
			return errors.New("cannot navigate back at first page")
		}
		n := min(max(delta, 1), len(a.stack)-1)
		leaving := a.pageRun
		for range n {
			a.popTop()
		}
		top := a.stack[len(a.stack)-1]
		a.startTransition(leaving, top, true)
		a.pageRun = top
		a.dress(top)
		a.sendStack()
		a.show(top)
		a.changed = true
	case "switchTab":
		if !isTab {
			return errors.New("can not switchTab to a page that is not a tabbar page")
		}
		cur := a.pageRun
		// Every page that is not a tab page closes; tab pages stay loaded.
		for len(a.stack) > 0 {
			top := a.stack[len(a.stack)-1]
			a.stack = a.stack[:len(a.stack)-1]
			if top.tab < 0 {
				a.unload(top)
			} else if top == cur && top.path != page {
				a.hide(top)
			}
		}
		if r := a.tabRun(page); r != nil {
			a.push(r)
			if r != cur {
				a.show(r)
			}
			return nil
		}
		a.below = nil
		r, err := a.load(page, nil, false)
		if err != nil {
			return err
		}
		a.push(r)
	case "reLaunch":
		a.below = nil
		r, err := a.load(page, query, false)
		if err != nil {
			return err
		}
		for _, old := range slices.Clone(a.live) { // unload edits a.live
			if old != r {
				a.unload(old)
			}
		}
		a.stack = a.stack[:0]
		a.push(r)
	default:
		return fmt.Errorf("unknown router call %s", kind)
	}
	return nil
}

// popTop closes the page on top of the stack (a tab page stays loaded).
func (a *App) popTop() {
	top := a.stack[len(a.stack)-1]
	a.stack = a.stack[:len(a.stack)-1]
	if top.tab >= 0 {
		a.hide(top)
		return
	}
	a.unload(top)
}

// tabRun is the loaded page of tab path, nil when not loaded.
func (a *App) tabRun(page string) *pageRun {
	for _, r := range a.liveRuns() {
		if r.path == page && r.tab >= 0 {
			return r
		}
	}
	return nil
}

// pageExists: app.json lists it (whole apps), else its markup exists.
func (a *App) pageExists(page string) bool {
	if page == "" {
		return false
	}
	if a.manifest != nil {
		return a.manifest.HasPage(page)
	}
	return a.pkg.Exists(page + ".wxml")
}

// resolvePage splits a router URL into a package path and its query; a
// relative URL is relative to the page from.
func resolvePage(raw, from string) (string, map[string]string) {
	p, q, _ := strings.Cut(strings.TrimSpace(raw), "?")
	if strings.HasPrefix(p, "/") {
		p = strings.TrimPrefix(p, "/")
	} else if from != "" {
		p = path.Join(path.Dir(from), p)
	}
	p = strings.TrimSuffix(path.Clean(p), ".wxml")
	if p == "." {
		p = ""
	}
	return p, parseQuery(q)
}

// parseQuery decodes a router query ("id=3&name=%E4%BD%A0") as WeChat
// passes it to onLoad: values are strings, decoded.
func parseQuery(q string) map[string]string {
	if q == "" {
		return nil
	}
	out := map[string]string{}
	for _, part := range strings.Split(q, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		if dk, err := url.QueryUnescape(k); err == nil {
			k = dk
		}
		if dv, err := url.QueryUnescape(v); err == nil {
			v = dv
		}
		out[k] = v
	}
	return out
}
