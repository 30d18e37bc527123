package main

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writePage(t *testing.T, wxml string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.wxml"), []byte(wxml), 0o644); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "index")
}

func pngSize(t *testing.T, path string) (int, int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatal(err)
	}
	return cfg.Width, cfg.Height
}

// Bad numbers are refused with a message naming the flag, before anything
// is loaded (NaN used to reach the layout dump as a JSON error).
func TestRenderRejectsBadFlags(t *testing.T) {
	page := writePage(t, `<view/>`)
	for _, args := range [][]string{
		{"-width", "NaN"}, {"-width", "0"}, {"-height", "-5"}, {"-height", "+Inf"}, {"-dpr", "0"}, {"-dpr", "NaN"},
	} {
		var stderr bytes.Buffer
		out := filepath.Join(t.TempDir(), "x.png")
		code := run(append(args, "-o", out, page), &bytes.Buffer{}, &stderr)
		if code != 2 || !strings.Contains(stderr.String(), "render: "+args[0]+" ") || !strings.Contains(stderr.String(), "finite number above 0") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr.String())
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%v: a PNG was written", args)
		}
	}
}

// Huge windows, DPRs and full-page heights are clamped to the output bound
// and the command says so; the PNG is written within it.
func TestRenderClampsOutput(t *testing.T) {
	page := writePage(t, `<view id="a">hi</view><view style="height:10000000px;flex-shrink:0"/>`)
	for _, c := range []struct {
		args []string
		say  string
		w, h int
	}{
		{[]string{"-full"}, "the PNG is cut at 16384 px", 750, 16384},
		{[]string{"-height", "1e9"}, "-height 1e+09 clamped to 16384 CSS px", 375, 16384},
		{[]string{"-dpr", "100"}, "-dpr 100 clamped to 8", 3000, 5336},
		{[]string{"-width", "16384", "-height", "16384"}, "dpr lowered to 0.5", 8192, 8192},
	} {
		var stderr bytes.Buffer
		out := filepath.Join(t.TempDir(), "x.png")
		dump := filepath.Join(t.TempDir(), "x.json")
		code := run(append(c.args, "-o", out, "-layout", dump, page), &bytes.Buffer{}, &stderr)
		if code != 0 || !strings.Contains(stderr.String(), c.say) {
			t.Errorf("%v: exit %d, stderr %q (want %q)", c.args, code, stderr.String(), c.say)
			continue
		}
		if w, h := pngSize(t, out); w != c.w || h != c.h || w*h > maxPixels || w > maxSide || h > maxSide {
			t.Errorf("%v: PNG %dx%d, want %dx%d", c.args, w, h, c.w, c.h)
		}
		b, err := os.ReadFile(dump)
		if err != nil || !json.Valid(b) {
			t.Errorf("%v: dump unreadable: %v", c.args, err)
		}
	}
}

// A dump that cannot be written does not cost the PNG.
func TestRenderDumpFailureKeepsPNG(t *testing.T) {
	page := writePage(t, `<view>hi</view>`)
	out := filepath.Join(t.TempDir(), "x.png")
	var stderr bytes.Buffer
	code := run([]string{"-o", out, "-layout", filepath.Join(t.TempDir(), "no", "such", "dir", "x.json"), page}, &bytes.Buffer{}, &stderr)
	if code != 1 || stderr.Len() == 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	if w, h := pngSize(t, out); w != 750 || h != 1334 {
		t.Fatalf("PNG %dx%d", w, h)
	}
}

// A tree deeper than encoding/json's 10,000 levels dumps (it used to fail
// with "exceeded max depth" and suppress the PNG).
func TestRenderDeepTreeDumps(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out a 12,000-deep tree")
	}
	const depth = 12000
	page := writePage(t, strings.Repeat("<view>", depth)+"deep"+strings.Repeat("</view>", depth)+`<view id="sib">sibling</view>`)
	out := filepath.Join(t.TempDir(), "x.png")
	dump := filepath.Join(t.TempDir(), "x.json")
	var stderr bytes.Buffer
	if code := run([]string{"-o", out, "-layout", dump, page}, &bytes.Buffer{}, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	pngSize(t, out)
	b, err := os.ReadFile(dump)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b, []byte(`"tag": "view"`)); n != depth+1 {
		t.Fatalf("%d views dumped, want %d", n, depth+1)
	}
	if !bytes.Contains(b, []byte(`"id": "sib"`)) {
		t.Fatal("the sibling after the deep tree is missing")
	}
}

// render on an app root draws the entry page inside its bars (the status
// bar's clock over the custom navigation page, the tab bar at the bottom);
// on one page of the app it draws that page alone, with app.js run.
func TestRenderAppRoot(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "apps", "shop")
	out := filepath.Join(t.TempDir(), "shop.png")
	var stderr bytes.Buffer
	if code := run([]string{"-offline", "-dpr", "1", "-o", out, root}, &bytes.Buffer{}, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	img := readPNG(t, out)
	if b := img.Bounds(); b.Dx() != 375 || b.Dy() != 667 {
		t.Fatalf("app frame %v, want the 375×667 window", b)
	}
	// The selected tab's label is green (#07c160) in the tab bar's left third.
	if !hasColor(img, image.Rect(0, 667-20, 125, 667), func(r, g, b uint8) bool { return g > 150 && r < 60 && b < 140 }) {
		t.Errorf("no green selected tab at the bottom left")
	}
	if !strings.Contains(stderr.String(), "app launched") {
		t.Errorf("app.js did not run: %s", stderr.String())
	}
	stderr.Reset()
	page := filepath.Join(root, "pages", "me", "index")
	if code := run([]string{"-offline", "-dpr", "1", "-o", out, page}, &bytes.Buffer{}, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "app launched") {
		t.Errorf("app.js did not run for a page of the app: %s", stderr.String())
	}
	// The page alone: its green header starts at the top (no status or
	// navigation bar above it).
	if c := readPNG(t, out).RGBAAt(5, 5); c.G < 150 || c.R > 60 {
		t.Errorf("pixel (5,5) %v: want the page's green header at the top", c)
	}
}

func hasColor(img image.Image, r image.Rectangle, ok func(r, g, b uint8) bool) bool {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			if ok(c.R, c.G, c.B) {
				return true
			}
		}
	}
	return false
}
