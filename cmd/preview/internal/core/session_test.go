package core

import (
	"bytes"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

// testPage writes a page whose box height and colours tell the states
// apart: a 100px box, red in light mode and blue in dark mode.
func testPage(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "index.wxml"), `<view class="box">hello</view>`)
	write(t, filepath.Join(dir, "index.wxss"), `.box { height: 100px; background-color: #ff0000; }
@media (prefers-color-scheme: dark) { page { background-color: #000000; } .box { background-color: #0000ff; } }`)
	return dir
}

func frame(t *testing.T, s *Session) []byte {
	t.Helper()
	w, h := s.Dev.Pixels()
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	if !s.Render(dst) {
		t.Fatalf("Render failed: %v", s.Messages())
	}
	return dst.Pix
}

func hasError(msgs []Message, substr string) bool {
	for _, m := range msgs {
		if m.Severity == diag.Error && strings.Contains(m.Text, substr) {
			return true
		}
	}
	return false
}

func TestSessionRendersAndToggles(t *testing.T) {
	dev, _ := LookupDevice("iphone8")
	dev.Width, dev.Height = 100, 150 // small frames keep the test fast
	s := NewSession(testPage(t), dev, false)
	if s.Render(image.NewRGBA(image.Rect(0, 0, 200, 300))) {
		t.Fatal("Render before any load reported a frame")
	}
	s.Reload()
	if s.Page == nil {
		t.Fatalf("page did not load: %v", s.Messages())
	}
	light := frame(t, s)
	if bytes.Count(light, []byte{0}) == len(light) {
		t.Fatal("light frame is blank")
	}
	if again := frame(t, s); !bytes.Equal(light, again) {
		t.Error("rendering the same state twice gave different frames")
	}
	s.Dark = true
	dark := frame(t, s)
	if bytes.Equal(light, dark) {
		t.Error("dark mode did not change the frame")
	}
	if !strings.HasSuffix(s.Title(), "iPhone 6/7/8 100×150 @2x — dark") {
		t.Errorf("Title = %q", s.Title())
	}
}

func TestSessionKeepsLastGoodPage(t *testing.T) {
	dir := testPage(t)
	dev, _ := LookupDevice("iphone8")
	dev.Width, dev.Height = 100, 150
	s := NewSession(dir, dev, false)
	s.Reload()
	good := s.Page
	before := frame(t, s)

	wxml := filepath.Join(dir, "index.wxml")
	if err := os.Remove(wxml); err != nil {
		t.Fatal(err)
	}
	s.Reload()
	if s.Page != good {
		t.Error("a failed load replaced the last good page")
	}
	if msgs := s.Messages(); !hasError(msgs, "index") {
		t.Errorf("no load error naming the page in %v", msgs)
	}
	if after := frame(t, s); !bytes.Equal(before, after) {
		t.Error("the last good frame changed after a failed load")
	}

	write(t, wxml, `<view class="box">hello</view><view class="box">again</view>`)
	s.Reload()
	if s.Page == good {
		t.Error("the fixed page was not loaded")
	}
	for _, m := range s.Messages() {
		if m.Severity == diag.Error {
			t.Errorf("error left after the fix: %s", m.Text)
		}
	}
}

func TestSessionErrorsBeforeFirstLoad(t *testing.T) {
	s := NewSession(filepath.Join(t.TempDir(), "nothing"), Devices[0], false)
	s.Reload()
	if s.Page != nil {
		t.Fatal("a missing page loaded")
	}
	if msgs := s.Messages(); len(msgs) == 0 || msgs[0].Severity != diag.Error {
		t.Errorf("Messages = %v, want a load error first", msgs)
	}
}

func TestSessionGuardTurnsPanicsIntoErrors(t *testing.T) {
	s := NewSession("x", Devices[0], false)
	old := os.Stderr
	os.Stderr, _ = os.Open(os.DevNull) // the stack trace is for humans
	ok := s.guard("rendering", func() { panic("boom") })
	os.Stderr = old
	if ok {
		t.Fatal("guard reported success for a panic")
	}
	if !hasError(s.Messages(), "engine panic while rendering: boom") {
		t.Errorf("Messages = %v", s.Messages())
	}
	if !s.guard("rendering", func() {}) {
		t.Error("guard reported failure without a panic")
	}
}

// TestSessionDeviceSwitchReachesScripts: switching the device preset or
// the theme (what the 1/2/3 and dark keys do) is heard by the page's
// scripts: wx.onWindowResize with the new preset's window, onThemeChange,
// and the info APIs answer with the new preset (status bar, capsule).
func TestSessionDeviceSwitchReachesScripts(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "index.wxml"), `<view>x</view>`)
	write(t, filepath.Join(dir, "index.js"), `Page({
  onLoad() {
    wx.onWindowResize(({ size }) => {
      const { statusBarHeight } = wx.getWindowInfo()
      console.log('resize', size.windowWidth, size.windowHeight, statusBarHeight, wx.getMenuButtonBoundingClientRect().top)
    })
    wx.onThemeChange(({ theme }) => console.log('theme', theme))
  },
})`)
	dev, _ := LookupDevice("iphone8")
	s := NewSession(dir, dev, false)
	defer s.Close()
	s.Reload()
	if s.Page == nil {
		t.Fatalf("page did not load: %v", s.Messages())
	}
	frame(t, s)
	s.Dev, _ = LookupDevice("iphonex")
	frame(t, s)
	s.Poll()
	s.Dark = true
	frame(t, s)
	s.Poll()
	var got []string
	for _, l := range s.App.Logs() {
		got = append(got, l.Msg)
	}
	if want := "resize 375 812 44 48 | theme dark"; strings.Join(got, " | ") != want {
		t.Errorf("logs = %q, want %q", strings.Join(got, " | "), want)
	}
}
