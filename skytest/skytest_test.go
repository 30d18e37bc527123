package skytest

import (
	"bytes"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func same(a, b *image.RGBA) bool { return bytes.Equal(a.Pix, b.Pix) }

// TestScrollBuilderFling drags the scroll-builder list and lets it fling:
// the list moves on after the finger lifts and comes to rest, the items
// built follow it, and the resting frame round-trips through a golden.
func TestScrollBuilderFling(t *testing.T) {
	p := Open(t, Options{Page: "../testdata/pages/scroll-builder", DPR: 1})
	before := p.Frame()
	if p.Layout().Root.Find("item-0") == nil {
		t.Fatal("item 0 is not built at the start")
	}
	p.Drag(187, 560, 187, 260, 96)
	released := p.Frame()
	p.Wait(200)
	flinging := p.Frame()
	p.Wait(4000)
	rest := p.Frame()
	p.Wait(500)
	if same(before, released) || same(released, flinging) || same(flinging, rest) {
		t.Error("the list did not move through the drag and the fling")
	}
	if !same(rest, p.Frame()) {
		t.Error("the fling had not come to rest")
	}
	if p.Layout().Root.Find("item-0") != nil {
		t.Error("item 0 is still built after flinging far past it")
	}
	ref := filepath.Join(t.TempDir(), "rest.png")
	*Update = true
	p.MatchGolden(ref)
	*Update = false
	p.MatchGolden(ref)
}

// recorder is a TB that records failures instead of failing.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Errorf(f string, a ...any) { r.errs = append(r.errs, fmt.Sprintf(f, a...)) }

// TestMatchGoldenFails: a changed frame fails with the counts and writes
// the frame and the diff image.
func TestMatchGoldenFails(t *testing.T) {
	dir := t.TempDir()
	ref := filepath.Join(dir, "demo.png")
	r := &recorder{TB: t}
	p := Open(r, Options{Page: "../testdata/host-demo", DPR: 1})
	*Update = true
	p.MatchGolden(ref)
	*Update = false
	p.SetData(`{"on": true}`)
	t.Setenv("SKYTEST_OUT", filepath.Join(dir, "out"))
	p.MatchGolden(ref)
	// The swatch, 343 × 100 px, turned red.
	if len(r.errs) != 1 || !strings.Contains(r.errs[0], "34300 pixels differ") {
		t.Fatalf("failures %q, want one naming 34300 pixels", r.errs)
	}
	for _, f := range []string{"demo.got.png", "demo.diff.png"} {
		if st, err := os.Stat(filepath.Join(dir, "out", f)); err != nil || st.Size() == 0 {
			t.Errorf("%s not written: %v", f, err)
		}
	}
}

func TestLayoutHelpers(t *testing.T) {
	p := Open(t, Options{Page: "../testdata/host-demo"})
	if b := p.Box("swatch"); b != [4]float64{16, 105, 343, 100} {
		t.Errorf("#swatch box %v, want [16 105 343 100]", b)
	}
	if p.HasClass("swatch", "on") || !p.HasClass("swatch", "swatch") {
		t.Error("HasClass before setData")
	}
	if px := p.Pixel(100, 150); px != [4]uint8{0x20, 0x50, 0xe0, 0xff} {
		t.Errorf("pixel %x at DPR 2", px)
	}
	if d := p.Layout(); d.Viewport.Width != 375 || d.Viewport.DPR != 2 || d.Root.Tag != "page" {
		t.Errorf("dump %+v", d.Viewport)
	}
}
