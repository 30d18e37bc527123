package core

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/engine"
)

func TestClassifyChanges(t *testing.T) {
	comp := map[string]bool{"comp/card/index.wxss": true}
	for _, tc := range []struct {
		files []string
		want  ReloadKind
	}{
		{nil, ReloadNone},
		{[]string{"index.wxss"}, ReloadStyles},
		{[]string{"app.wxss", "styles/theme.wxss", "img/a.png"}, ReloadStyles},
		{[]string{"comp/card/index.wxss"}, ReloadMarkup},
		{[]string{"index.wxss", "index.wxml"}, ReloadMarkup},
		{[]string{"utils/fmt.wxs"}, ReloadMarkup},
		{[]string{"index.wxml", "index.js"}, ReloadScripts},
		{[]string{"app.json"}, ReloadScripts},
	} {
		if got := ClassifyChanges(tc.files, comp); got != tc.want {
			t.Errorf("ClassifyChanges(%v) = %v, want %v", tc.files, got, tc.want)
		}
	}
}

func textByID(s *Session, id string) string {
	var out strings.Builder
	s.Page.Root().Walk(func(n *engine.Node) bool {
		if n.ID() == id {
			n.Walk(func(c *engine.Node) bool {
				if c.Kind == engine.TextNode {
					out.WriteString(c.Text)
				}
				return true
			})
			return false
		}
		return true
	})
	return out.String()
}

// TestSessionReloadKeepsState: a counter page counts to 2; a .wxss save
// restyles it and a .wxml save rebuilds it, both keeping the count; a
// broken script keeps the last good page and says why; a fixed script
// reloads the scripts (the count starts over) and says so.
func TestSessionReloadKeepsState(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "index.wxml"), `<view id="btn" class="btn" bindtap="inc"><text id="n">{{count}}</text></view>`)
	write(t, filepath.Join(dir, "index.wxss"), `.btn { height: 40px; background-color: #f00; }`)
	js := `Page({ data: { count: 0 }, inc() { this.setData({ count: this.data.count + 1 }) } })`
	write(t, filepath.Join(dir, "index.js"), js)
	dev, _ := LookupDevice("iphone8")
	dev.Width, dev.Height = 100, 150
	s := NewSession(dir, dev, false)
	s.Reload()
	defer s.Close()
	frame(t, s)
	for range 2 {
		s.Touch("start", 10, 10)
		s.Touch("end", 10, 10)
	}
	frame(t, s)
	if got := textByID(s, "n"); got != "2" {
		t.Fatalf("count %q after two taps", got)
	}
	root := s.Page.Root()
	write(t, filepath.Join(dir, "index.wxss"), `.btn { height: 60px; background-color: #0f0; }`)
	note := s.ReloadChanged([]string{"index.wxss"})
	frame(t, s)
	if !strings.Contains(note, "restyled in place") || s.Page.Root() != root || textByID(s, "n") != "2" {
		t.Errorf("wxss: note %q, same tree %v, count %q", note, s.Page.Root() == root, textByID(s, "n"))
	}
	if _, _, _, h, _ := s.Page.BorderBox(s.Page.Root().FirstChild()); h != 60 {
		t.Errorf("wxss: button height %v, want 60", h)
	}
	write(t, filepath.Join(dir, "index.wxml"), `<view id="btn" class="btn" bindtap="inc"><text id="n">count {{count}}</text></view>`)
	note = s.ReloadChanged([]string{"index.wxml"})
	frame(t, s)
	if !strings.Contains(note, "current data") || textByID(s, "n") != "count 2" {
		t.Errorf("wxml: note %q, text %q; want the count kept", note, textByID(s, "n"))
	}
	s.Touch("start", 10, 10)
	s.Touch("end", 10, 10)
	frame(t, s)
	if got := textByID(s, "n"); got != "count 3" {
		t.Errorf("a tap after the markup reload: %q", got)
	}
	good := s.App
	write(t, filepath.Join(dir, "index.js"), `Page({ data: { count: 0 }, inc() { this.setData({ count: `)
	note = s.ReloadChanged([]string{"index.js"})
	frame(t, s)
	if s.App != good || textByID(s, "n") != "count 3" || !strings.Contains(note, "kept the last good page") {
		t.Errorf("broken script: note %q, same app %v, text %q", note, s.App == good, textByID(s, "n"))
	}
	var jsErr bool
	for _, e := range s.Console() {
		if e.Level == LevelError && e.Pos.File == "index.js" {
			jsErr = true
		}
	}
	if !jsErr {
		t.Errorf("the script's error is not in the console: %+v", s.Console())
	}
	write(t, filepath.Join(dir, "index.js"), js)
	note = s.ReloadChanged([]string{"index.js"})
	frame(t, s)
	if !strings.Contains(note, "reloaded the page's scripts") || textByID(s, "n") != "count 0" {
		t.Errorf("fixed script: note %q, text %q", note, textByID(s, "n"))
	}
	if errs, _, _ := Counts(s.Console()); errs != 0 {
		t.Errorf("errors after the fix: %+v", s.Console())
	}
	var noted int
	for _, e := range s.Console() {
		if e.Level == LevelInfo && strings.Contains(e.Msg, "changed:") {
			noted++
		}
	}
	if noted != 4 {
		t.Errorf("%d reload notes in the console, want 4", noted)
	}
}
