package golden

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
)

// Tolerance says how different a frame may be from its reference: a
// channel may differ by Channel levels; beyond that, at most Fraction of
// the pixels may differ (anti-aliasing that rounds the other way on another
// CPU's float arithmetic). A misplaced box, a wrong colour or a missing
// glyph run changes far more pixels than that.
type Tolerance struct {
	Channel  int
	Fraction float64
}

// Default is the project's tolerance: 2 levels, 0.05 % of the pixels.
var Default = Tolerance{Channel: 2, Fraction: 0.0005}

// Exact allows no difference.
var Exact = Tolerance{}

// TB is the part of testing.TB that Check uses.
type TB interface {
	Helper()
	Name() string
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// Check compares img with the reference PNG at path under Default, or
// rewrites the reference when update is set. how tells the reader the
// command that rewrites references ("go test ./x -run Golden -update").
func Check(t TB, img *image.RGBA, path string, update bool, how string) {
	t.Helper()
	CheckTol(t, img, path, update, how, Default)
}

// CheckTol is Check with a tolerance. On a mismatch it writes the frame
// (NAME.got.png) and a diff image (NAME.diff.png: differing pixels red over
// a faded copy of the reference) to $SKYTEST_OUT, or else to a new
// directory under the system temp dir, and names them in the failure.
func CheckTol(t TB, img *image.RGBA, path string, update bool, how string, tol Tolerance) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatalf("%v", err)
		}
		if err := WritePNG(path, img); err != nil {
			t.Fatalf("%v", err)
		}
		return
	}
	want, err := ReadPNG(path)
	if err != nil {
		t.Fatalf("%v (run %s)", err, how)
	}
	if want.Rect != img.Rect {
		t.Fatalf("%s: size %v, golden %v (run %s)", path, img.Rect.Size(), want.Rect.Size(), how)
	}
	bad, limit, ok := Compare(img, want, tol)
	if ok {
		return
	}
	dir, err := outDir(t.Name())
	if err != nil {
		t.Errorf("%s: %d pixels differ by more than %d levels (limit %d); cannot write them: %v", path, bad, tol.Channel, limit, err)
		return
	}
	base := strings.TrimSuffix(filepath.Base(path), ".png")
	got, diff := filepath.Join(dir, base+".got.png"), filepath.Join(dir, base+".diff.png")
	WritePNG(got, img)
	WritePNG(diff, Diff(img, want, tol.Channel))
	t.Errorf("%s: %d pixels differ by more than %d levels (limit %d); got %s, diff %s (run %s if the change is right)",
		path, bad, tol.Channel, limit, got, diff, how)
}

// outDir is where failures write their pictures.
func outDir(test string) (string, error) {
	if d := os.Getenv("SKYTEST_OUT"); d != "" {
		return d, os.MkdirAll(d, 0o755)
	}
	name := strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ' ' || r == ':' {
			return '_'
		}
		return r
	}, test)
	return os.MkdirTemp("", "skytest-"+name+"-")
}

// Compare counts the pixels of got and want (same size) that differ by
// more than tol.Channel and reports whether that is within tol.Fraction.
func Compare(got, want *image.RGBA, tol Tolerance) (bad, limit int, ok bool) {
	bad = CountDiff(got, want, tol.Channel)
	limit = int(tol.Fraction * float64(len(got.Pix)/4))
	return bad, limit, bad <= limit
}

// CountDiff counts the pixels where some channel differs by more than tol.
func CountDiff(a, b *image.RGBA, tol int) int {
	n := 0
	for i := 0; i+4 <= len(a.Pix) && i+4 <= len(b.Pix); i += 4 {
		for c := range 4 {
			if d := int(a.Pix[i+c]) - int(b.Pix[i+c]); d > tol || d < -tol {
				n++
				break
			}
		}
	}
	return n
}

// Diff is a picture of where got and want differ by more than tol: those
// pixels red, the rest a faded grey copy of want.
func Diff(got, want *image.RGBA, tol int) *image.RGBA {
	out := image.NewRGBA(want.Rect)
	for i := 0; i+4 <= len(want.Pix) && i+4 <= len(got.Pix); i += 4 {
		differs := false
		for c := range 4 {
			if d := int(got.Pix[i+c]) - int(want.Pix[i+c]); d > tol || d < -tol {
				differs = true
			}
		}
		if differs {
			copy(out.Pix[i:i+4], []uint8{255, 0, 0, 255})
			continue
		}
		y := (int(want.Pix[i]) + int(want.Pix[i+1]) + int(want.Pix[i+2])) / 3
		g := uint8(192 + y/4)
		copy(out.Pix[i:i+4], []uint8{g, g, g, 255})
	}
	return out
}

// WritePNG writes img, best compression (references are committed).
func WritePNG(path string, img *image.RGBA) error {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// ReadPNG reads a PNG as RGBA.
func ReadPNG(path string) (*image.RGBA, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if rgba, ok := m.(*image.RGBA); ok {
		return rgba, nil
	}
	out := image.NewRGBA(m.Bounds())
	for y := m.Bounds().Min.Y; y < m.Bounds().Max.Y; y++ {
		for x := m.Bounds().Min.X; x < m.Bounds().Max.X; x++ {
			out.Set(x, y, color.RGBAModel.Convert(m.At(x, y)))
		}
	}
	return out, nil
}
