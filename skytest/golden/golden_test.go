package golden

import (
	"fmt"
	"image"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a TB that records failures instead of failing.
type recorder struct {
	errs, fatals []string
}

func (r *recorder) Helper()      {}
func (r *recorder) Name() string { return "TestX/sub" }
func (r *recorder) Errorf(f string, a ...any) {
	r.errs = append(r.errs, fmt.Sprintf(f, a...))
}
func (r *recorder) Fatalf(f string, a ...any) {
	r.fatals = append(r.fatals, fmt.Sprintf(f, a...))
	panic(r) // stops the check, as t.Fatalf does
}

// try runs a check that may stop with Fatalf.
func try(f func()) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(*recorder); !ok {
				panic(r)
			}
		}
	}()
	f()
}

func frame(w, h int, fill uint8) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = fill
	}
	return img
}

func TestCheckUpdateCompareDiff(t *testing.T) {
	dir := t.TempDir()
	ref := filepath.Join(dir, "sub", "a.png")
	base := frame(100, 100, 200)
	r := &recorder{}
	Check(r, base, ref, true, "update")
	if len(r.errs)+len(r.fatals) != 0 {
		t.Fatal(r)
	}
	// Within tolerance: two levels everywhere, and 5 pixels (0.05 % is 5).
	near := frame(100, 100, 202)
	for i := range 5 {
		near.Pix[i*4] = 0
	}
	Check(r, near, ref, false, "update")
	if len(r.errs) != 0 {
		t.Fatalf("within tolerance, yet: %v", r.errs)
	}
	// Beyond: a 3×3 box of wrong pixels.
	far := frame(100, 100, 200)
	for y := 10; y < 13; y++ {
		for x := 20; x < 23; x++ {
			far.Pix[far.PixOffset(x, y)] = 0
		}
	}
	out := filepath.Join(dir, "out")
	t.Setenv("SKYTEST_OUT", out)
	Check(r, far, ref, false, "the update command")
	if len(r.errs) != 1 || !strings.Contains(r.errs[0], "9 pixels differ by more than 2 levels (limit 5)") || !strings.Contains(r.errs[0], "the update command") {
		t.Fatalf("failure %v", r.errs)
	}
	diff, err := ReadPNG(filepath.Join(out, "a.diff.png"))
	if err != nil {
		t.Fatal(err)
	}
	if i := diff.PixOffset(21, 11); diff.Pix[i] != 255 || diff.Pix[i+1] != 0 {
		t.Errorf("diff pixel at a difference %v, want red", diff.Pix[i:i+4])
	}
	if i := diff.PixOffset(50, 50); diff.Pix[i] != diff.Pix[i+1] {
		t.Errorf("diff pixel elsewhere %v, want grey", diff.Pix[i:i+4])
	}
	got, err := ReadPNG(filepath.Join(out, "a.got.png"))
	if err != nil || CountDiff(got, far, 0) != 0 {
		t.Errorf("a.got.png is not the frame: %v", err)
	}
	if _, _, ok := Compare(far, base, Exact); ok {
		t.Error("Exact accepted a difference")
	}
	try(func() { Check(r, frame(10, 10, 0), ref, false, "u") })
	if len(r.fatals) != 1 || !strings.Contains(r.fatals[0], "size") {
		t.Errorf("a size mismatch: %v", r.fatals)
	}
	try(func() { Check(r, base, filepath.Join(dir, "missing.png"), false, "u") })
	if len(r.fatals) != 2 {
		t.Errorf("a missing reference did not fail")
	}
}
