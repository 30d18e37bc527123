//go:build display

package main

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/cmd/preview/internal/core"
	"github.com/skyline-go/skyline/engine"
)

// devtoolsPage: a counter (#a, tapped at CSS (60, 50)) whose onLoad logs a
// Chinese console.error; #a's box is known (see core's inspectPage).
func devtoolsPage(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "page")
	os.Mkdir(dir, 0o755)
	files := map[string]string{
		"index.wxml": "<view id=\"top\" style=\"height: 20px\"/>\n<view id=\"a\" class=\"box big\" bindtap=\"inc\" style=\"padding-left: 7px\"><text id=\"n\">{{count}}</text></view>",
		"index.wxss": ".box {\n  width: 100px; height: 50px;\n  margin: 10px 0 0 12px;\n  border: 2px solid #000;\n  padding: 5px;\n  background-color: #ff0000;\n}\n",
		"index.js":   "Page({ data: { count: 0 },\n  onLoad() { console.error('页面出错了：网络请求失败'); wx.onWindowResize(() => console.log('resize', wx.getWindowInfo().windowWidth)) },\n  inc() { this.setData({ count: this.data.count + 1 }) } })\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func devtoolsSnap(g *game, s *snap) {
	s.ConsoleOpen = g.over.state.Open
	s.Frames = g.frameLog.Len()
	last := g.frameLog.Last()
	s.Restyled, s.ScriptNs = last.Restyled, int64(last.Times[core.StageScript])
	if g.insp.node != nil && g.s.Page != nil {
		info := core.Inspect(g.s.Page, g.insp.node)
		s.Inspected, s.InspectLines = info.Selector, info.Lines()
	}
	if p := g.s.Page; p != nil {
		p.Root().Walk(func(n *engine.Node) bool {
			if n.ID() == "n" && n.FirstChild() != nil {
				s.Count = n.FirstChild().Text
			}
			return true
		})
	}
}

func shotStep(name, path string) step {
	return step{name: name, act: func(g *game) { g.redraw = true; g.shotReq = path }, done: func(g *game) bool { return g.shotReq == "" }}
}

func devtoolsSteps(dir string) []step {
	out := filepath.Dir(os.Getenv(shotEnv))
	var uploads int
	return []step{
		{name: "first", done: func(g *game) bool { return g.frames.Uploads >= 1 && g.over.state.Open }},
		{name: "console-ref", act: func(g *game) {
			// The reference: the same entries through the engine's text
			// stack, as a PNG beside the screenshot.
			var v core.ConsoleView
			defer v.Close()
			img, err := v.Render(g.s.Console(), g.s.Dev)
			if err == nil {
				f, _ := os.Create(filepath.Join(out, "console-ref.png"))
				png.Encode(f, img)
				f.Close()
			}
		}, done: after(1)},
		shotStep("console-shot", filepath.Join(out, "console.png")),
		{name: "dismissed", act: func(g *game) { g.over.toggle(g.s.Console()); g.redraw = true }, done: after(2)},
		shotStep("dismissed-shot", filepath.Join(out, "dismissed.png")),
		{name: "frames", act: func(g *game) {
			g.showFrames = true
			g.s.Touch("start", 60, 50)
			g.s.Touch("end", 60, 50)
			g.dirty = true
		}, done: func(g *game) bool { return g.frameLog.Len() >= 2 }},
		shotStep("frames-shot", filepath.Join(out, "frames.png")),
		{name: "inspect", act: func(g *game) {
			g.showFrames = false
			g.insp.on, g.insp.pinned = true, true
			g.pick(60, 70) // in #a, below its text
			g.redraw = true
		}, done: after(2)},
		shotStep("inspect-shot", filepath.Join(out, "inspect.png")),
		{name: "help", act: func(g *game) { g.toggleInspector(); g.showHelp = true; g.redraw = true }, done: after(1)},
		shotStep("help-shot", filepath.Join(out, "help.png")),
		{name: "wxss-edit", act: func(g *game) {
			g.showHelp = false
			uploads = g.frames.Uploads
			os.WriteFile(filepath.Join(dir, "index.wxss"), []byte(".box { width: 100px; height: 80px; background-color: #00ff00; }"), 0o644)
		}, done: func(g *game) bool { return g.frames.Uploads > uploads }},
		// A device switch reaches the page's script: getWindowInfo reads the
		// new width in its onWindowResize.
		{name: "device", act: func(g *game) { g.setDevice(core.Devices[2]) }, done: func(g *game) bool {
			for _, l := range g.s.App.Logs() {
				if l.Msg == "resize 360" {
					return true
				}
			}
			return false
		}},
	}
}

// TestDevtoolsWindow drives the developer tools in a window: the console
// shows the Chinese error legibly (its pixels are the engine's rendering of
// the same entries) and can be dismissed; the frame overlay records frames
// with the engine's counts; the inspector outlines and describes the
// element under the pointer, with the rule each value came from, without
// touching the page's pixels; a .wxss edit keeps the counter's count.
func TestDevtoolsWindow(t *testing.T) {
	page := devtoolsPage(t)
	snaps, dir, stdout, _ := child(t, "devtools", false, page)
	by := map[string]snap{}
	for _, s := range snaps {
		by[s.Step] = s
	}
	if keep := os.Getenv("PREVIEW_KEEP"); keep != "" { // to look at the screenshots
		for _, f := range []string{"console.png", "console-ref.png", "dismissed.png", "frames.png", "inspect.png", "help.png"} {
			if b, err := os.ReadFile(filepath.Join(dir, f)); err == nil {
				os.WriteFile(filepath.Join(keep, f), b, 0o644)
			}
		}
	}
	if len(snaps) != 13 {
		t.Fatalf("child recorded %d steps: %+v", len(snaps), snaps)
	}
	// Console: opened by the error, the panel on screen equals the
	// engine's rendering of the entries (the panel is translucent over the
	// white page: within 6%).
	if !by["first"].ConsoleOpen || len(by["first"].Errors) == 0 {
		t.Errorf("the console did not open on the error: %+v", by["first"])
	}
	ref := readPNG(t, filepath.Join(dir, "console-ref.png")).(*image.RGBA)
	shot := readPNG(t, filepath.Join(dir, "console.png"))
	h := ref.Rect.Dy()
	sb := shot.Bounds()
	var sum, n float64
	for y := 0; y < h; y++ {
		for x := 0; x < ref.Rect.Dx(); x++ {
			a := ref.RGBAAt(x, y)
			r, g, b, _ := shot.At(x, sb.Max.Y-h+y).RGBA()
			sum += math.Abs(float64(a.R)-float64(r>>8)) + math.Abs(float64(a.G)-float64(g>>8)) + math.Abs(float64(a.B)-float64(b>>8))
			n += 3
		}
	}
	if mean := sum / n; mean > 16 {
		t.Errorf("the console on screen differs from the engine's rendering of its entries by %.1f per channel", mean)
	}
	// The message row (below the 24px head) has the glyphs' antialiased
	// shades: text, not a blank or '?' row.
	if c := colours(ref, image.Rect(44, 50, 400, 80), 12); c < 12 {
		t.Errorf("the Chinese message row has %d colours", c)
	}
	if by["dismissed"].ConsoleOpen {
		t.Error("the console did not close")
	}
	dis := readPNG(t, filepath.Join(dir, "dismissed.png"))
	if l := luma(dis, image.Rect(375, 1334-300, 750, 1334-40)); l < 250 {
		t.Errorf("after dismissing, the bottom of the page has luma %.0f, want the white page", l)
	}
	// Frames: the tap's frame restyled and ran the script.
	fr := by["frames"]
	if fr.Frames < 2 || fr.ScriptNs <= 0 || fr.Count != "1" {
		t.Errorf("frames step: %+v", fr)
	}
	if l := luma(readPNG(t, filepath.Join(dir, "frames.png")), image.Rect(2*4, 2*4, 2*240, 2*60)); l > 80 {
		t.Errorf("the frame graph's area has luma %.0f, want the dark overlay", l)
	}
	// Inspector.
	in := by["inspect"]
	lines := strings.Join(in.InspectLines, "\n")
	if in.Inspected != "view#a.box.big" || !strings.Contains(lines, "index.wxml:2:1") ||
		!strings.Contains(lines, "width: 100px  — .box index.wxss:2:3") ||
		!strings.Contains(lines, "box 12,30 100×50") {
		t.Errorf("inspector: %q\n%s", in.Inspected, lines)
	}
	ins := readPNG(t, filepath.Join(dir, "inspect.png"))
	// Content box centre, device px: red page pixel under the blue content tint.
	r, g, b, _ := ins.At(2*60, 2*70).RGBA()
	want := blend(color.RGBA{255, 0, 0, 255}, core.ContentColor)
	if d := math.Abs(float64(r>>8)-float64(want.R)) + math.Abs(float64(g>>8)-float64(want.G)) + math.Abs(float64(b>>8)-float64(want.B)); d > 12 {
		t.Errorf("content box pixel %d,%d,%d, want red under the content tint %v", r>>8, g>>8, b>>8, want)
	}
	if in.Hash != by["frames"].Hash {
		t.Error("inspecting changed the page's frame")
	}
	// The key list in the middle of the window.
	if l := luma(readPNG(t, filepath.Join(dir, "help.png")), image.Rect(375-60, 667-40, 375+60, 667+40)); l > 90 {
		t.Errorf("the key list's middle has luma %.0f, want the dark panel", l)
	}
	// The wxss edit kept the count.
	if w := by["wxss-edit"]; w.Count != "1" || w.Hash == in.Hash {
		t.Errorf("after the wxss edit count %q (want 1), frame changed %v", w.Count, w.Hash != in.Hash)
	}
	if !strings.Contains(stdout, "restyled in place") {
		t.Errorf("stdout does not say what the reload did:\n%s", stdout)
	}
}

// blend is premultiplied src over opaque dst.
func blend(dst, src color.RGBA) color.RGBA {
	k := 255 - uint32(src.A)
	f := func(d, s uint8) uint8 { return uint8(uint32(s) + uint32(d)*k/255) }
	return color.RGBA{f(dst.R, src.R), f(dst.G, src.G), f(dst.B, src.B), 255}
}
