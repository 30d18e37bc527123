package engine

import (
	"bytes"
	"encoding/json"
	"flag"
	"image"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/skytest/golden"
)

var update = flag.Bool("update", false, "rewrite the golden PNGs in testdata/golden")

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
				t.Errorf("second frame differs from the first (%d pixels)", golden.CountDiff(img, again, 0))
			}
			golden.Check(t, img, filepath.Join(dir, gp.name+".png"), *update, "go test ./engine -run Golden -update")
		})
	}
}
