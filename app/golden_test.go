package app

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
	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/logic"
	"github.com/skyline-go/skyline/skytest/golden"
)

var update = flag.Bool("update", false, "rewrite the golden PNGs of pages with scripts in testdata/golden")

// logicPages lists the test pages that have scripts (a .js file anywhere in
// their directory): this package renders them with their logic running;
// engine/golden_test.go renders the rest (testdata/golden/README.md).
func logicPages(t *testing.T) []string {
	root := filepath.Join("..", "testdata", "pages")
	var out []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.wxml" {
			return err
		}
		if dir := filepath.Dir(path); hasScript(dir) && !isComponent(dir) {
			out = append(out, dir)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// isComponent reports whether dir/index is a component of a test page
// (its index.json says "component": true), not a page of its own.
func isComponent(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "index.json"))
	if err != nil {
		return false
	}
	var j struct{ Component bool }
	return json.Unmarshal(b, &j) == nil && j.Component
}

func hasScript(dir string) bool {
	found := false
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		found = found || err == nil && !d.IsDir() && strings.HasSuffix(path, ".js")
		return nil
	})
	return found
}

// openTest opens a page on a manual clock at render-cli.md's window and
// fails the test on any error diagnostic.
func openTest(t *testing.T, dir string, mod ...func(*Options)) (*App, *logic.ManualClock) {
	t.Helper()
	clock := &logic.ManualClock{}
	opts := Options{Viewport: engine.Viewport{Width: 375, Height: 667, DPR: 2}, Clock: clock}
	for _, m := range mod {
		m(&opts)
	}
	a, err := Open(dir, opts)
	if err != nil {
		t.Fatalf("open %s: %v", dir, err)
	}
	t.Cleanup(a.Close)
	return a, clock
}

func noErrors(t *testing.T, a *App) {
	t.Helper()
	for _, d := range a.Diagnostics() {
		if d.Severity == diag.Error {
			t.Errorf("error diagnostic: %s", d)
		}
	}
}

func render(a *App) *image.RGBA {
	w, h := a.Page().RenderSize(false)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	a.Render(img)
	return img
}

// TestGoldenLogic renders every test page with scripts through Open (app.js,
// Page, Component, onLoad / attached setData applied) and compares it with
// its reference PNG, rendering each twice.
func TestGoldenLogic(t *testing.T) {
	pages := logicPages(t)
	if len(pages) < 7 {
		t.Fatalf("found %d pages with scripts, want the mp-* pages and the components-* pages", len(pages))
	}
	for _, dir := range pages {
		rel, _ := filepath.Rel(filepath.Join("..", "testdata", "pages"), dir)
		name := strings.ReplaceAll(filepath.ToSlash(rel), "/", "-")
		t.Run(name, func(t *testing.T) {
			a, _ := openTest(t, dir)
			noErrors(t, a)
			img := render(a)
			if again := render(a); !bytes.Equal(img.Pix, again.Pix) {
				t.Errorf("second frame differs from the first")
			}
			golden.Check(t, img, filepath.Join("..", "testdata", "golden", name+".png"), *update, "go test ./app -run GoldenLogic -update")
		})
	}
}
