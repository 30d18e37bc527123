package engine

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestOracleLayouts compares the layout of every test page with the dump the
// reference renderer (headless Chromium under Skyline's defaults,
// shared/tools/page-oracle) made of it, as compare.js does: children are
// paired by position, and a box matches when all four numbers are within
// 1 px. Refresh the references with scripts/oracle-refs.sh.
//
// Boxes that differ for a known reason are listed in
// testdata/oracle/known_diffs.txt ("page path: reason"); an unlisted
// difference fails, and so does a listed one that now matches, so the list
// stays honest.
func TestOracleLayouts(t *testing.T) {
	refs, _ := filepath.Glob("../testdata/oracle/*.layout.json")
	if len(refs) == 0 {
		t.Skip("no reference dumps in testdata/oracle")
	}
	known := readKnownDiffs(t, "../testdata/oracle/known_diffs.txt")
	seen := map[string]bool{}
	total, matched := 0, 0
	for _, ref := range refs {
		name := strings.TrimSuffix(filepath.Base(ref), ".layout.json")
		page, dark := strings.TrimSuffix(name, "-dark"), strings.HasSuffix(name, "-dark")
		dir := filepath.Join("../testdata/pages", page)
		if page == "order" {
			dir = "../testdata/pages/package/pages/order"
		}
		t.Run(name, func(t *testing.T) {
			var want LayoutDump
			b, err := os.ReadFile(ref)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			p, err := Load(dir, LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			p.SetViewport(Viewport{Width: want.Viewport.Width, Height: want.Viewport.Height, DPR: want.Viewport.DPR, Dark: dark})
			got := p.LayoutDump()
			n, ok := 0, 0
			var walk func(path string, w, g *DumpBox)
			walk = func(path string, w, g *DumpBox) {
				n++
				key := name + " " + path
				if g == nil || g.Tag != w.Tag {
					if !known[key] {
						t.Errorf("%s: missing or different element (want %s)", path, w.Tag)
					}
					seen[key] = true
					return
				}
				if boxesClose(w.Box, g.Box) {
					ok++
					if known[key] {
						t.Errorf("%s: listed in known_diffs.txt but now matches: remove it", path)
					}
				} else if !known[key] {
					t.Errorf("%s: box %v, reference %v", path, g.Box, w.Box)
				}
				seen[key] = true
				for i, wc := range w.Children {
					var gc *DumpBox
					if i < len(g.Children) {
						gc = g.Children[i]
					}
					walk(fmt.Sprintf("%s>%s[%d]", path, boxName(wc), i), wc, gc)
				}
			}
			walk("page", want.Root, got.Root)
			total += n
			matched += ok
			t.Logf("%s: %d/%d boxes match", name, ok, n)
		})
	}
	for k := range known {
		if !seen[k] {
			t.Errorf("known_diffs.txt lists %q, which no page has", k)
		}
	}
	fmt.Printf("oracle layouts: %d/%d boxes within 1px of Chromium\n", matched, total)
}

// boxName is tag.class.class, as compare.js names boxes.
func boxName(b *DumpBox) string {
	if b.Class == "" {
		return b.Tag
	}
	return b.Tag + "." + strings.Join(strings.Fields(b.Class), ".")
}

func boxesClose(a, b [4]float32) bool {
	for i := range a {
		if math.Abs(float64(a[i]-b[i])) > 1 {
			return false
		}
	}
	return true
}

// readKnownDiffs reads "page path: reason" lines; # starts a comment.
func readKnownDiffs(t *testing.T, file string) map[string]bool {
	out := map[string]bool{}
	f, err := os.Open(file)
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, _, found := strings.Cut(line, ": ")
		if !found {
			t.Fatalf("%s: %q has no reason", file, line)
		}
		out[key] = true
	}
	keys := make([]string, 0, len(out))
	for k := range out {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return out
}
