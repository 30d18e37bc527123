package app

import (
	"path"
	"strings"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/engine/pkgfs"
)

// Manifest is what app.json tells the shell around the pages: which pages
// exist, which opens first, the window's bars and the tab bar. (What it
// tells the renderer — usingComponents, rendererOptions — the engine reads
// itself.)
type Manifest struct {
	// Pages are the package paths of every page, main package first, then
	// each subpackage's pages under its root.
	Pages []string
	// Entry is the page the app opens with: entryPagePath, else Pages[0].
	Entry string
	// Window is app.json's window; a page's json overrides it field by
	// field (WindowFor).
	Window Window
	// TabBar is nil when the app has none.
	TabBar *TabBar
}

// Window is the window configuration of app.json (and a page's json).
type Window struct {
	Title           string // navigationBarTitleText
	BarBackground   string // navigationBarBackgroundColor (#000000 by default)
	BarTextStyle    string // navigationBarTextStyle: white (default) or black
	NavigationStyle string // default or custom
	Background      string // backgroundColor: the window behind the page
}

// TabBar is app.json's tabBar.
type TabBar struct {
	Color, SelectedColor, BackgroundColor string
	BorderStyle                           string // black or white
	Position                              string // bottom or top
	Custom                                bool   // a custom tab bar the app draws itself
	List                                  []TabItem
}

// TabItem is one tab.
type TabItem struct {
	PagePath, Text             string
	IconPath, SelectedIconPath string
}

type rawWindow struct {
	Title           *string `json:"navigationBarTitleText"`
	BarBackground   *string `json:"navigationBarBackgroundColor"`
	BarTextStyle    *string `json:"navigationBarTextStyle"`
	NavigationStyle *string `json:"navigationStyle"`
	Background      *string `json:"backgroundColor"`
}

type rawManifest struct {
	Pages       []string `json:"pages"`
	Entry       string   `json:"entryPagePath"`
	Subpackages []struct {
		Root  string   `json:"root"`
		Pages []string `json:"pages"`
	} `json:"subpackages"`
	SubPackages []struct {
		Root  string   `json:"root"`
		Pages []string `json:"pages"`
	} `json:"subPackages"`
	Window rawWindow `json:"window"`
	TabBar *struct {
		Color           string `json:"color"`
		SelectedColor   string `json:"selectedColor"`
		BackgroundColor string `json:"backgroundColor"`
		BorderStyle     string `json:"borderStyle"`
		Position        string `json:"position"`
		Custom          bool   `json:"custom"`
		List            []struct {
			PagePath         string `json:"pagePath"`
			Text             string `json:"text"`
			IconPath         string `json:"iconPath"`
			SelectedIconPath string `json:"selectedIconPath"`
		} `json:"list"`
	} `json:"tabBar"`
}

// ReadManifest reads app.json from pkg. ok is false when the package has
// none (a lone page). Problems are positioned diagnostics; what can be read
// is kept.
func ReadManifest(pkg *engine.Package, diags *diag.List) (m *Manifest, ok bool) {
	src, err := pkg.Read("app.json")
	if err != nil {
		return nil, false
	}
	var raw rawManifest
	if err := pkgfs.UnmarshalJSON(src, &raw); err != nil {
		diags.Add(pkgfs.JSONError("app.json", src, err))
		return nil, false
	}
	m = &Manifest{Window: Window{BarBackground: "#000000", BarTextStyle: "white", NavigationStyle: "default", Background: "#ffffff"}}
	m.Window.apply(raw.Window)
	for _, p := range raw.Pages {
		m.Pages = append(m.Pages, cleanPage(p))
	}
	for _, sp := range append(raw.Subpackages, raw.SubPackages...) {
		for _, p := range sp.Pages {
			m.Pages = append(m.Pages, cleanPage(path.Join(sp.Root, p)))
		}
	}
	pos := diag.Pos{File: "app.json", Line: 1, Col: 1}
	if len(m.Pages) == 0 {
		diags.Warnf(pos, "app.json lists no pages")
	}
	m.Entry = cleanPage(raw.Entry)
	if m.Entry == "" && len(m.Pages) > 0 {
		m.Entry = m.Pages[0]
	}
	if tb := raw.TabBar; tb != nil {
		t := &TabBar{Color: or(tb.Color, "#000000"), SelectedColor: or(tb.SelectedColor, "#07c160"),
			BackgroundColor: or(tb.BackgroundColor, "#ffffff"), BorderStyle: or(tb.BorderStyle, "black"),
			Position: or(tb.Position, "bottom"), Custom: tb.Custom}
		for _, it := range tb.List {
			t.List = append(t.List, TabItem{PagePath: cleanPage(it.PagePath), Text: it.Text,
				IconPath: cleanPage(it.IconPath), SelectedIconPath: cleanPage(it.SelectedIconPath)})
		}
		// WeChat wants 2 to 5 tabs; fewer or more is an app.json error there.
		if len(t.List) < 2 || len(t.List) > 5 {
			diags.Warnf(pos, "tabBar.list has %d items (WeChat allows 2 to 5)", len(t.List))
		}
		if len(t.List) > 0 {
			m.TabBar = t
		}
	}
	return m, true
}

// WindowFor is the window of page: app.json's, overridden by the page's
// json where it sets a field.
func (m *Manifest) WindowFor(pkg *engine.Package, page string, diags *diag.List) Window {
	w := m.Window
	src, err := pkg.Read(page + ".json")
	if err != nil {
		return w
	}
	var raw rawWindow
	if err := pkgfs.UnmarshalJSON(src, &raw); err != nil {
		return w // the engine reports the page's bad json
	}
	w.apply(raw)
	return w
}

// IsTab reports whether page is one of the tab bar's pages.
func (m *Manifest) IsTab(page string) bool { return m.TabIndex(page) >= 0 }

// TabIndex is the tab of page, -1 when none.
func (m *Manifest) TabIndex(page string) int {
	if m.TabBar == nil {
		return -1
	}
	for i, it := range m.TabBar.List {
		if it.PagePath == page {
			return i
		}
	}
	return -1
}

// HasPage reports a page app.json lists.
func (m *Manifest) HasPage(page string) bool {
	for _, p := range m.Pages {
		if p == page {
			return true
		}
	}
	return false
}

func (w *Window) apply(r rawWindow) {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&w.Title, r.Title)
	set(&w.BarBackground, r.BarBackground)
	set(&w.BarTextStyle, r.BarTextStyle)
	set(&w.NavigationStyle, r.NavigationStyle)
	set(&w.Background, r.Background)
}

// cleanPage is a page or icon path as a package path: no leading slash,
// no extension for pages' usual forms.
func cleanPage(p string) string {
	p = strings.TrimPrefix(strings.TrimSpace(p), "/")
	if p == "" {
		return ""
	}
	return path.Clean(p)
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
