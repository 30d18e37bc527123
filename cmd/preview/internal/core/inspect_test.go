package core

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/engine"
)

// inspectPage has one known element: #a at (12, 30), 100×50 border box,
// margin 10 0 0 12, border 2, padding 5 (7 on the left, inline).
func inspectPage(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "index.wxml"), "<view id=\"top\" style=\"height: 20px\"/>\n<view id=\"a\" class=\"box big\" style=\"padding-left: 7px\">你好</view>")
	write(t, filepath.Join(dir, "index.wxss"), ".box {\n  width: 100px; height: 50px;\n  margin: 10px 0 0 12px;\n  border: 2px solid #000;\n  padding: 5px;\n}\n.big { color: #336699; }\n")
	return dir
}

func TestInspectorHitAndOutline(t *testing.T) {
	dev, _ := LookupDevice("iphone8") // 375×667 @2
	s := NewSession(inspectPage(t), dev, false)
	s.Reload()
	defer s.Close()
	frame(t, s)
	n := s.Page.HitTest(60, 50)
	if n == nil || n.ID() != "a" {
		t.Fatalf("HitTest(60, 50) = %v, want #a", n)
	}
	info := Inspect(s.Page, n)
	if info.Selector != "view#a.box.big" || info.Pos != "index.wxml:2:1" || info.Owner != "" || !info.HasBox {
		t.Errorf("info %+v", info)
	}
	o := OutlineOf(info.Box, dev.DPR)
	want := Outline{
		Margin:  image.Rect(0, 40, 224, 160),  // (0,20)-(112,80) CSS
		Border:  image.Rect(24, 60, 224, 160), // (12,30)-(112,80)
		Padding: image.Rect(28, 64, 220, 156), // border 2
		Content: image.Rect(42, 74, 210, 146), // padding 5, left 7
	}
	if o != want {
		t.Errorf("outline %+v\nwant    %+v", o, want)
	}
	// The fills tile the margin box exactly once each pixel.
	cover := map[image.Point]int{}
	for _, f := range o.Fills() {
		for y := f.R.Min.Y; y < f.R.Max.Y; y++ {
			for x := f.R.Min.X; x < f.R.Max.X; x++ {
				cover[image.Pt(x, y)]++
			}
		}
	}
	if len(cover) != want.Margin.Dx()*want.Margin.Dy() {
		t.Errorf("fills cover %d px, want the margin box's %d", len(cover), want.Margin.Dx()*want.Margin.Dy())
	}
	for p, c := range cover {
		if c != 1 || !p.In(want.Margin) {
			t.Fatalf("pixel %v covered %d times", p, c)
		}
	}
	lines := strings.Join(info.Lines(), "\n")
	for _, w := range []string{
		"box 12,30 100×50  margin 10 0 0 12  border 2  padding 5 5 5 7",
		"width: 100px  — .box index.wxss:2:3",
		"margin: 10px 0 0 12px  — .box index.wxss:3:3",
		"border: 2px solid #000  — .box index.wxss:4:3",
		"padding-left: 7px  — style attribute index.wxml:2:1",
		"color: #336699  — .big index.wxss:7:8",
		"color: #336699", "display: flex",
	} {
		if !strings.Contains(lines, w) {
			t.Errorf("panel lacks %q:\n%s", w, lines)
		}
	}
	var v InspectView
	defer v.Close()
	img, err := v.Render(info, dev)
	if err != nil {
		t.Fatal(err)
	}
	if img.Rect.Dx() != 750 || img.Rect.Dy() < 100 || img.Rect.Dy() > 534 {
		t.Errorf("panel image %v", img.Rect)
	}
	// Breadcrumbs name the ancestors and can be clicked.
	if got := strings.Join(info.Crumbs, " > "); got != "page > view#a" {
		t.Errorf("crumbs %q", got)
	}
	x, y, w, h, ok := v.mini.page.BorderBox(v.mini.find("crumb-0"))
	if !ok {
		t.Fatal("no crumb-0 box in the panel")
	}
	if i, ok := v.Crumb(x+w/2, y+h/2); !ok || i != 0 {
		t.Errorf("Crumb at crumb-0's centre = %d, %v", i, ok)
	}
	// The arrow keys' tree walk.
	top := Navigate(n, TreePrevSibling)
	if top.ID() != "top" || Navigate(top, TreeNextSibling) != n || Navigate(n, TreeParent) != s.Page.Root() {
		t.Errorf("siblings / parent: %v", top.ID())
	}
	if Navigate(n, TreeFirstChild) != n || Navigate(n, TreeNextSibling) != n {
		t.Error("a step to nothing (only a text child; no next sibling) did not stay")
	}
	if Navigate(s.Page.Root(), TreeFirstChild) != top {
		t.Error("the page's first child is not #top")
	}
	if os.Getenv("PREVIEW_DUMP") != "" {
		f, _ := os.Create(os.Getenv("PREVIEW_DUMP"))
		png.Encode(f, img)
		f.Close()
	}
}

// The tree view: the page, its element children with the inspected one
// marked, the inspected one's children below it; a click on a row names
// that row's element.
func TestInspectorTreeView(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "index.wxml"), `<view id="head"/><view id="list"><view class="row" id="r1"><text>a</text></view><view class="row" id="r2"/></view><view id="foot"/>`)
	dev, _ := LookupDevice("iphone8")
	s := NewSession(dir, dev, false)
	s.Reload()
	defer s.Close()
	frame(t, s)
	var list *engine.Node
	s.Page.Root().Walk(func(n *engine.Node) bool {
		if n.ID() == "list" {
			list = n
		}
		return list == nil
	})
	rows := TreeRows(list)
	var got []string
	for _, r := range rows {
		mark := ""
		if r.Current {
			mark = "*"
		}
		got = append(got, fmt.Sprintf("%d:%s%s", r.Depth, r.Label, mark))
	}
	if want := "0:page 1:view#head 1:view#list* 2:view#r1 2:view#r2 1:view#foot"; strings.Join(got, " ") != want {
		t.Fatalf("rows %s\nwant %s", strings.Join(got, " "), want)
	}
	var v InspectView
	defer v.Close()
	if _, err := v.Render(Inspect(s.Page, list), dev); err != nil {
		t.Fatal(err)
	}
	x, y, w, h, ok := v.mini.page.BorderBox(v.mini.find("row-3"))
	if !ok {
		t.Fatal("no row-3 in the panel")
	}
	if i, ok := v.Row(x+w/2, y+h/2); !ok || i != 3 || rows[i].Node.ID() != "r1" {
		t.Errorf("Row at row-3's centre = %d, %v", i, ok)
	}
}
