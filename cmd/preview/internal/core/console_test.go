package core

import (
	"errors"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

func TestBuildEntriesFoldsAndExcerpts(t *testing.T) {
	src := map[string]string{
		"index.wxml": "<view>\n\t<view bindtap=\"onTap\" class=\"b\">\n</view>",
		"index.js":   "Page({\n  onLoad() { console.log('加载') }\n})\n",
	}
	read := func(f string) ([]byte, error) {
		if s, ok := src[f]; ok {
			return []byte(s), nil
		}
		return nil, errors.New("no file")
	}
	tap := diag.Pos{File: "index.wxml", Line: 2, Col: 8}
	log := diag.Pos{File: "index.js", Line: 2, Col: 14}
	raw := []RawEntry{
		{Level: LevelWarning, Pos: tap, Msg: `handler "onTap" does not run`},
		{Level: LevelLog, Console: true, Pos: log, Msg: "加载"},
		{Level: LevelWarning, Pos: tap, Msg: `handler "onTap" does not run`}, // repeat
		{Level: LevelLog, Console: true, Pos: log, Msg: "加载"},                // repeat
		{Level: LevelLog, Console: true, Pos: log, Msg: "加载"},                // repeat
		{Level: LevelError, Pos: diag.Pos{File: "missing.wxss", Line: 3, Col: 1}, Msg: "no such file"},
		{Level: LevelError, Msg: "engine panic while rendering: boom"},
	}
	es := BuildEntries(raw, read)
	if len(es) != 4 {
		t.Fatalf("%d entries, want 4 (repeats folded): %+v", len(es), es)
	}
	w, l, miss, crash := es[0], es[1], es[2], es[3]
	if w.Count != 2 || l.Count != 3 || miss.Count != 1 || crash.Count != 1 {
		t.Errorf("counts %d %d %d %d, want 2 3 1 1", w.Count, l.Count, miss.Count, crash.Count)
	}
	if w.Pos != tap || w.Excerpt != (Excerpt{Line: 2, Before: "<view ", At: "bindtap", After: "=\"onTap\" class=\"b\">"}) {
		t.Errorf("warning excerpt %+v at %v", w.Excerpt, w.Pos)
	}
	if !l.Console || l.Excerpt != (Excerpt{Line: 2, Before: "onLoad() { ", At: "console.log", After: "('加载') }"}) {
		t.Errorf("log excerpt %+v", l.Excerpt)
	}
	if miss.Excerpt != (Excerpt{}) || crash.Excerpt != (Excerpt{}) {
		t.Errorf("excerpts for an unreadable file or no position: %+v %+v", miss.Excerpt, crash.Excerpt)
	}
	if got := ConsoleSummary(es); got != "2 errors, 1 warning, 1 log" {
		t.Errorf("summary %q", got)
	}
}

func TestMakeExcerptLongLine(t *testing.T) {
	line := strings.Repeat("a", 200) + " target " + strings.Repeat("b", 200)
	e := MakeExcerpt(line, 7, 202)
	if e.At != "target" || !strings.HasPrefix(e.Before, "…") || !strings.HasSuffix(e.After, "…") {
		t.Errorf("long line excerpt %+v", e)
	}
	if n := len([]rune(e.Before + e.At + e.After)); n > maxExcerptLen+10 {
		t.Errorf("excerpt %d runes long", n)
	}
	if e := MakeExcerpt("x", 1, 99); e.Before != "x" || e.At != "" {
		t.Errorf("column past the end: %+v", e)
	}
}

func TestPackageReaderStaysInside(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.wxml"), "<view/>")
	write(t, filepath.Join(filepath.Dir(dir), "secret.txt"), "x")
	defer os.Remove(filepath.Join(filepath.Dir(dir), "secret.txt"))
	r := PackageReader(dir)
	if b, err := r("a.wxml"); err != nil || string(b) != "<view/>" {
		t.Errorf("a.wxml: %q %v", b, err)
	}
	for _, bad := range []string{"../secret.txt", "/etc/passwd"} {
		if _, err := r(bad); err == nil {
			t.Errorf("%s was read", bad)
		}
	}
}

// TestSessionConsoleEntries: console.* lines of every level and the
// page's diagnostics are entries, with positions and excerpts; a log
// repeated in a loop is one entry.
func TestSessionConsoleEntries(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "index.wxml"), `<view class="box">{{msg}}</view>`)
	write(t, filepath.Join(dir, "index.wxss"), ".box { height: 10px; colour: red; }")
	write(t, filepath.Join(dir, "index.js"), "Page({ data: { msg: 'hi' }, onLoad() {\n  for (let i = 0; i < 3; i++) console.log('页面加载')\n  console.error('出错了')\n} })\n")
	dev, _ := LookupDevice("iphone8")
	dev.Width, dev.Height = 100, 150
	s := NewSession(dir, dev, false)
	s.Reload()
	defer s.Close()
	frame(t, s)
	es := s.Console()
	var log, errEntry *Entry
	for i := range es {
		switch {
		case es[i].Console && es[i].Msg == "页面加载":
			log = &es[i]
		case es[i].Console && es[i].Msg == "出错了":
			errEntry = &es[i]
		}
	}
	if log == nil || errEntry == nil {
		t.Fatalf("console lines missing: %+v", es)
	}
	if log.Count != 3 || log.Level != LevelLog || log.Pos.File != "index.js" || log.Pos.Line != 2 {
		t.Errorf("log entry %+v", *log)
	}
	if !strings.Contains(log.Excerpt.Before+log.Excerpt.At+log.Excerpt.After, "console.log('页面加载')") {
		t.Errorf("log excerpt %+v", log.Excerpt)
	}
	if errEntry.Level != LevelError || errEntry.Pos.Line != 3 {
		t.Errorf("error entry %+v", *errEntry)
	}
	if again := s.Console(); &again[0] != &es[0] {
		t.Error("Console built its entries again with nothing changed")
	}
}

// TestConsoleViewDrawsChinese renders a Chinese message through the panel
// (the engine's text stack and bundled fonts) and checks that it is drawn
// as glyphs: the message row differs from the same panel with the text
// replaced by '?', which is what the old debug-font overlay drew.
func TestConsoleViewDrawsChinese(t *testing.T) {
	dev, _ := LookupDevice("iphone8")
	render := func(msg string) *image.RGBA {
		var v ConsoleView
		defer v.Close()
		img, err := v.Render([]Entry{{Level: LevelError, Msg: msg, Count: 1, Pos: diag.Pos{File: "index.js", Line: 1, Col: 1}}}, dev)
		if err != nil {
			t.Fatal(err)
		}
		if img.Rect.Dx() != int(dev.Width*dev.DPR) || v.H < 40 || v.H > dev.Height*ConsoleShare {
			t.Fatalf("panel %v, height %v CSS px", img.Rect, v.H)
		}
		return img
	}
	zh, q := render("页面加载失败"), render("??????")
	// The message line: below the 24px head, 16px tall, from x = 22.
	row := image.Rect(int(22*dev.DPR), int(27*dev.DPR), int(120*dev.DPR), int(41*dev.DPR))
	if n := colours(zh, row, 8); n < 8 {
		t.Errorf("message row has %d colours: no antialiased glyphs", n)
	}
	same := 0
	for y := row.Min.Y; y < row.Max.Y; y++ {
		for x := row.Min.X; x < row.Max.X; x++ {
			if zh.RGBAAt(x, y) == q.RGBAAt(x, y) {
				same++
			}
		}
	}
	if total := row.Dx() * row.Dy(); same > total*97/100 {
		t.Errorf("the Chinese message draws like '??????' (%d of %d px equal)", same, total)
	}
}

func colours(img *image.RGBA, r image.Rectangle, limit int) int {
	seen := map[[4]uint8]bool{}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			i := img.PixOffset(x, y)
			seen[[4]uint8(img.Pix[i:i+4])] = true
			if len(seen) >= limit {
				return len(seen)
			}
		}
	}
	return len(seen)
}

func TestConsolePanelOpensAndDismisses(t *testing.T) {
	var c ConsolePanel
	if c.Sync(0) || c.Open {
		t.Fatal("opened with no errors")
	}
	if !c.Sync(1) || !c.Open {
		t.Fatal("a new error did not open the panel")
	}
	c.Toggle(1) // dismissed
	if c.Sync(1) || c.Open {
		t.Fatal("the same error reopened a dismissed panel")
	}
	if !c.Sync(2) || !c.Open {
		t.Fatal("a second error did not reopen it")
	}
	if !c.Sync(0) || c.Open {
		t.Fatal("an auto-opened panel stayed after the errors were fixed")
	}
	c.Toggle(0) // opened by hand
	if c.Sync(0) || !c.Open {
		t.Fatal("a panel opened by hand closed on its own")
	}
}
