package engine

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

// writePackage writes files (package path → content) into a new temp dir
// and returns it.
func writePackage(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for rel, content := range files {
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// loadWXML loads a page "index" whose markup is src, with extra package
// files and JSON data.
func loadWXML(t testing.TB, src, data string, extra map[string]string) (*Page, error) {
	t.Helper()
	files := map[string]string{"index.wxml": src}
	for k, v := range extra {
		files[k] = v
	}
	var opts LoadOptions
	if data != "" {
		if err := json.Unmarshal([]byte(data), &opts.Data); err != nil {
			t.Fatalf("bad test data: %v", err)
		}
	}
	dir := writePackage(t, files)
	return Load(filepath.Join(dir, "index"), opts)
}

// mustLoad loads or fails the test.
func mustLoad(t testing.TB, src, data string) *Page {
	t.Helper()
	p, err := loadWXML(t, src, data, nil)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return p
}

// body is the dump of the page's children (without the page wrapper).
func body(p *Page) string {
	d := p.Root().Dump()
	d = strings.TrimPrefix(d, "page")
	if strings.HasPrefix(d, "(") {
		d = d[1 : len(d)-1]
	}
	return d
}

func diagText(ds []diag.Diagnostic) string {
	var s []string
	for _, d := range ds {
		s = append(s, d.String())
	}
	return strings.Join(s, "\n")
}

func itoa(i int) string { return strconv.Itoa(i) }
