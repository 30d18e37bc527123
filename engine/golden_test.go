package engine

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"image"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

var update = flag.Bool("update", false, "rewrite the golden PNGs in testdata/golden")

// Golden comparison tolerance: a channel may differ by goldenChannelTol
// levels; beyond that, at most goldenBadFraction of the pixels may differ
// (anti-aliasing that rounds the other way on another CPU's float
// arithmetic). A misplaced box, a wrong colour or a missing glyph run
// changes far more pixels than that.
const (
	goldenChannelTol  = 2
	goldenBadFraction = 0.0005
)

// goldenPage is one render of a test page.
type goldenPage struct {
	name string // golden file name without .png
	dir  string // page directory
	full bool
	dark bool
}

// goldenPages lists every page under testdata/pages (a directory with an
// index.wxml) that has no script — pages with .js files need their logic
// and are rendered by app/golden_test.go — and how to render it, by
// testdata/golden/README.md's
// convention: full height when the page's render.json says {"full": true}
// or its row in testdata/pages/README.md has `-full`; also dark
// (<name>-dark.png) when one of its wxss files has prefers-color-scheme:
// dark.
func goldenPages(t *testing.T) []goldenPage {
	root := filepath.Join("..", "testdata", "pages")
	readme, _ := os.ReadFile(filepath.Join(root, "README.md"))
	var out []goldenPage
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.wxml" {
			return err
		}
		dir := filepath.Dir(path)
		if pageHasScript(dir) {
			return nil
		}
		rel, _ := filepath.Rel(root, dir)
		rel = filepath.ToSlash(rel)
		gp := goldenPage{name: strings.ReplaceAll(rel, "/", "-"), dir: dir}
		if b, err := os.ReadFile(filepath.Join(dir, "render.json")); err == nil {
			var cfg struct{ Full bool }
			if err := json.Unmarshal(b, &cfg); err != nil {
				t.Errorf("%s/render.json: %v", rel, err)
			}
			gp.full = cfg.Full
		} else {
			for _, line := range strings.Split(string(readme), "\n") {
				if strings.HasPrefix(line, "| `"+rel+"`") && strings.Contains(line, "`-full`") {
					gp.full = true
				}
			}
		}
		out = append(out, gp)
		if pageHasDarkRules(t, dir) {
			dark := gp
			dark.name += "-dark"
			dark.dark = true
			out = append(out, dark)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no test pages found")
	}
	return out
}

func pageHasScript(dir string) bool {
	found := false
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		found = found || err == nil && !d.IsDir() && strings.HasSuffix(path, ".js")
		return nil
	})
	return found
}

func pageHasDarkRules(t *testing.T, dir string) bool {
	found := false
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".wxss") {
			b, _ := os.ReadFile(path)
			s := strings.ReplaceAll(string(b), " ", "")
			found = found || strings.Contains(s, "prefers-color-scheme:dark")
		}
		return nil
	})
	return found
}

// renderGolden loads and renders a page at 375×667 @2 (render-cli.md's
// defaults), failing the test on any error diagnostic.
func renderGolden(t *testing.T, gp goldenPage) (*Page, *image.RGBA) {
	t.Helper()
	p, err := Load(gp.dir, LoadOptions{})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2, Dark: gp.dark})
	w, h := p.RenderSize(gp.full)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	p.Render(img)
	for _, d := range p.Diagnostics() {
		if d.Severity == diag.Error {
			t.Errorf("error diagnostic: %s", d)
		}
	}
	return p, img
}

// TestGolden renders every test page and compares it with its reference
// PNG. Each page renders a second frame into a fresh image that must be
// identical to the first: cached glyphs, gradients, images and pooled
// layers must not change what is drawn.
func TestGolden(t *testing.T) {
	dir := filepath.Join("..", "testdata", "golden")
	for _, gp := range goldenPages(t) {
		t.Run(gp.name, func(t *testing.T) {
			p, img := renderGolden(t, gp)
			again := image.NewRGBA(img.Rect)
			p.Render(again)
			if !bytes.Equal(img.Pix, again.Pix) {
				t.Errorf("second frame differs from the first (%d pixels)", countDiff(img, again, 0))
			}
			path := filepath.Join(dir, gp.name+".png")
			if *update {
				if err := writeGoldenPNG(path, img); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := readGoldenPNG(path)
			if err != nil {
				t.Fatalf("%v (run go test ./engine -run Golden -update)", err)
			}
			if want.Rect != img.Rect {
				t.Fatalf("size %v, golden %v", img.Rect.Size(), want.Rect.Size())
			}
			bad := countDiff(img, want, goldenChannelTol)
			if limit := int(goldenBadFraction * float64(len(img.Pix)/4)); bad > limit {
				out := filepath.Join(t.TempDir(), gp.name+".png")
				writeGoldenPNG(out, img)
				t.Errorf("%d pixels differ by more than %d levels (limit %d); got %s", bad, goldenChannelTol, limit, out)
			}
		})
	}
}

// countDiff counts the pixels where some channel differs by more than tol.
func countDiff(a, b *image.RGBA, tol int) int {
	n := 0
	for i := 0; i+4 <= len(a.Pix) && i+4 <= len(b.Pix); i += 4 {
		for c := range 4 {
			d := int(a.Pix[i+c]) - int(b.Pix[i+c])
			if d > tol || d < -tol {
				n++
				break
			}
		}
	}
	return n
}

func writeGoldenPNG(path string, img *image.RGBA) error {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// readGoldenPNG decodes a reference as premultiplied RGBA, like a render.
func readGoldenPNG(path string) (*image.RGBA, error) {
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
			out.Set(x, y, m.At(x, y))
		}
	}
	return out, nil
}
