package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// counterPkg is a counter page with a component; app.js logs its launch,
// so a test can count how often it ran.
func counterPkg(t *testing.T) string {
	return writePkg(t, map[string]string{
		"app.json":   `{"pages": ["index"]}`,
		"app.js":     `App({ onLaunch() { console.log('app launched') } })`,
		"index.json": `{"usingComponents": {"c-badge": "/badge/index"}}`,
		"index.wxml": `<view class="btn" bindtap="inc"><text id="n">{{count}}</text></view><c-badge id="b"/>`,
		"index.wxss": `.btn { height: 40px; }`,
		"index.js": `Page({ data: { count: 0 }, loads: 0,
  onLoad() { console.log('page loaded') },
  inc() { this.setData({ count: this.data.count + 1 }) } })`,
		"badge/index.json": `{"component": true}`,
		"badge/index.wxml": `<text id="badge">{{label}}</text>`,
		"badge/index.js":   `Component({ data: { label: 'new' }, lifetimes: { attached() { console.log('badge attached') } } })`,
	})
}

func logCount(a *App, msg string) int {
	n := 0
	for _, l := range a.Logs() {
		if l.Msg == msg {
			n++
		}
	}
	return n
}

// TestReloadKeepsState: a .wxss change restyles in place and a .wxml
// change re-instantiates the page with its current data; neither runs
// app.js or the page's onLoad again, and the page's handlers keep working.
func TestReloadKeepsState(t *testing.T) {
	dir := counterPkg(t)
	a, _ := openTest(t, dir)
	tapBox(t, a, findBox(t, a, "btn", 0))
	tapBox(t, a, findBox(t, a, "btn", 0))
	if got := textOf(t, a, "n"); got != "2" {
		t.Fatalf("count = %q after two taps", got)
	}
	// A stylesheet change: restyled in place, same nodes.
	before := a.Page().Root()
	os.WriteFile(filepath.Join(dir, "index.wxss"), []byte(`.btn { height: 90px; }`), 0o644)
	if err := a.ReloadStyles(); err != nil {
		t.Fatal(err)
	}
	if b := findBox(t, a, "btn", 0); b[3] != 90 {
		t.Errorf("after the wxss reload the button is %v tall, want 90", b[3])
	}
	if a.Page().Root() != before || textOf(t, a, "n") != "2" {
		t.Errorf("wxss reload: same tree %v, count %q; want the same tree and 2", a.Page().Root() == before, textOf(t, a, "n"))
	}
	// A markup change: a new tree, with the data the scripts set.
	os.WriteFile(filepath.Join(dir, "index.wxml"), []byte(`<view class="btn" bindtap="inc"><text id="n">n={{count}}</text></view><c-badge id="b"/>`), 0o644)
	if err := a.ReloadMarkup(); err != nil {
		t.Fatal(err)
	}
	if a.Page().Root() == before {
		t.Error("wxml reload kept the old tree")
	}
	if got := textOf(t, a, "n"); got != "n=2" {
		t.Errorf("after the wxml reload n = %q, want n=2", got)
	}
	if got := textOf(t, a, "badge"); got != "new" {
		t.Errorf("the component after the reload shows %q", got)
	}
	tapBox(t, a, findBox(t, a, "btn", 0))
	if got := textOf(t, a, "n"); got != "n=3" {
		t.Errorf("a tap after the reload: n = %q, want n=3 (the script's state went on)", got)
	}
	if b := findBox(t, a, "btn", 0); b[3] != 90 {
		t.Errorf("after the wxml reload the button is %v tall, want the new wxss's 90", b[3])
	}
	if n := logCount(a, "app launched"); n != 1 {
		t.Errorf("app.js ran %d times, want once", n)
	}
	if n := logCount(a, "page loaded"); n != 1 {
		t.Errorf("onLoad ran %d times, want once", n)
	}
	if n := logCount(a, "badge attached"); n != 2 {
		t.Errorf("the component attached %d times, want twice (made anew by the reload)", n)
	}
	noErrors(t, a)
}

// TestReloadMarkupErrorKeepsPage: broken markup leaves the page as it was.
func TestReloadMarkupErrorKeepsPage(t *testing.T) {
	dir := counterPkg(t)
	a, _ := openTest(t, dir)
	tapBox(t, a, findBox(t, a, "btn", 0))
	root := a.Page().Root()
	os.WriteFile(filepath.Join(dir, "index.wxml"), []byte(`<view class="btn" bindtap="inc">{{count</view>`), 0o644)
	err := a.ReloadMarkup()
	if err == nil || !strings.Contains(err.Error(), "index.wxml") {
		t.Fatalf("ReloadMarkup of broken markup: %v", err)
	}
	if a.Page().Root() != root || textOf(t, a, "n") != "1" {
		t.Error("a failed markup reload replaced the page")
	}
}

// TestReloadMarkupInWholeApp: in a whole app the page is rebuilt inside the
// bars (its window above the tab bar) with its data.
func TestReloadMarkupInWholeApp(t *testing.T) {
	a, _ := openTest(t, "../testdata/apps/shop")
	top := a.PageTop()
	vp := a.Page().Viewport()
	if vp.Height >= a.Window().Height {
		t.Fatalf("the page's window %v is not inside the bars (window %v)", vp.Height, a.Window().Height)
	}
	if err := a.Page().SetData(map[string]any{"reloadProbe": "kept"}); err != nil {
		t.Fatal(err)
	}
	if err := a.ReloadMarkup(); err != nil {
		t.Fatal(err)
	}
	if got := a.Page().Data()["reloadProbe"]; got != "kept" {
		t.Errorf("data after the reload: %v", got)
	}
	if got := a.Page().Viewport(); got != vp || a.PageTop() != top {
		t.Errorf("viewport %+v (was %+v), top %v (was %v)", got, vp, a.PageTop(), top)
	}
	noErrors(t, a)
}
