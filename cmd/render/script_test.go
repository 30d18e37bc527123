package main

import (
	"bytes"
	"encoding/json"
	"image"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/skytest/golden"
)

func readPNG(t *testing.T, path string) *image.RGBA {
	t.Helper()
	img, err := golden.ReadPNG(path)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

var itemID = regexp.MustCompile(`"id": "item-(\d+)"`)

// builtItems lists the builder items a shot's layout dump holds.
func builtItems(t *testing.T, path string) []int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(b) {
		t.Fatalf("%s is not JSON", path)
	}
	var out []int
	for _, m := range itemID.FindAllSubmatch(b, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		out = append(out, n)
	}
	return out
}

// TestRenderScriptFling drives the scroll-builder page through a fast drag
// and its fling with -script and compares the shots: the first equals a
// render without a script, the list moves on after the finger lifts, the
// items built follow it, and the fling comes to rest.
func TestRenderScriptFling(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "fling.txt")
	os.WriteFile(script, []byte(`# a fast upward drag, then the fling
shot start
drag 187 560 187 260 96   # 300 px in 96 ms
shot released
wait 200
shot flinging
wait 4000
shot settled
wait 500
shot settled2
`), 0o644)
	page := "../../testdata/pages/scroll-builder"
	var stderr bytes.Buffer
	if code := run([]string{"-script", script, "-o", filepath.Join(dir, "end.png"), "-layout", filepath.Join(dir, "end.json"), page}, &bytes.Buffer{}, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	plain := filepath.Join(dir, "plain", "plain.png")
	os.Mkdir(filepath.Dir(plain), 0o755)
	if code := run([]string{"-o", plain, page}, &bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
		t.Fatal("plain render failed")
	}
	shot := func(name string) *image.RGBA { return readPNG(t, filepath.Join(dir, name+".png")) }
	same := func(a, b *image.RGBA) bool { return bytes.Equal(a.Pix, b.Pix) }
	start, released, flinging, settled, settled2, end := shot("start"), shot("released"), shot("flinging"), shot("settled"), shot("settled2"), shot("end")
	if !same(start, readPNG(t, plain)) {
		t.Error("the first shot differs from a render without a script")
	}
	if same(start, released) || same(released, flinging) || same(flinging, settled) {
		t.Error("the list did not move between the shots (drag, then fling)")
	}
	if !same(settled, settled2) || !same(settled, end) {
		t.Error("the fling had not come to rest 4 s after the drag")
	}
	first := func(name string) int {
		items := builtItems(t, filepath.Join(dir, name+".layout.json"))
		if len(items) == 0 {
			t.Fatalf("%s: no builder items in the dump", name)
		}
		return items[0]
	}
	a, b, c := first("start"), first("released"), first("flinging")
	d := first("settled")
	if !(a == 0 && b > a && c > b && d > c) {
		t.Errorf("first built item per shot %d, %d, %d, %d: want 0 then growing while the list flings", a, b, c, d)
	}
}

func TestRenderScriptErrors(t *testing.T) {
	page := writePage(t, `<view/>`)
	for _, c := range []struct{ script, want string }{
		{"tap 1\n", ":1: tap: want 2 numbers, got 1"},
		{"# ok\n\nfly 1 2\n", ":3: unknown step \"fly\""},
		{"wait NaN\n", ":1: wait: \"NaN\" is not a finite number"},
		{"wait 1e9\n", ":1: wait: 1e+09 ms: want 0"},
		{"setData [1]\n", ":1: setData: bad_request: setData: want a JSON object"},
		{"shot ../x\n", ":1: shot: name \"../x\""},
	} {
		dir := t.TempDir()
		script := filepath.Join(dir, "s.txt")
		os.WriteFile(script, []byte(c.script), 0o644)
		var stderr bytes.Buffer
		out := filepath.Join(dir, "x.png")
		code := run([]string{"-script", script, "-o", out, page}, &bytes.Buffer{}, &stderr)
		if code != 2 || !strings.Contains(stderr.String(), script+c.want) {
			t.Errorf("%q: exit %d, stderr %q, want %q", c.script, code, stderr.String(), c.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%q: a PNG was written", c.script)
		}
	}
}

// TestRenderScriptSetData: a setData step changes what the shot shows.
func TestRenderScriptSetData(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "s.txt")
	os.WriteFile(script, []byte("shot before\ntap 100 70\nsetData {\"on\": true, \"title\": \"tapped\"}\nshot after\n"), 0o644)
	if code := run([]string{"-script", script, "-dpr", "1", "-layout", filepath.Join(dir, "end.json"), "-o", filepath.Join(dir, "end.png"), "../../testdata/host-demo"}, &bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
		t.Fatal("exit", code)
	}
	px := func(name string) [3]uint8 {
		img := readPNG(t, filepath.Join(dir, name+".png"))
		i := img.PixOffset(100, 150)
		return [3]uint8{img.Pix[i], img.Pix[i+1], img.Pix[i+2]}
	}
	if b, a := px("before"), px("after"); b != [3]uint8{0x20, 0x50, 0xe0} || a != [3]uint8{0xe0, 0x20, 0x20} {
		t.Errorf("swatch %x before and %x after setData, want blue then red", b, a)
	}
	if d, _ := os.ReadFile(filepath.Join(dir, "after.layout.json")); !bytes.Contains(d, []byte(`"class": "swatch on"`)) {
		t.Error("the after shot's layout dump lacks the new class")
	}
}
