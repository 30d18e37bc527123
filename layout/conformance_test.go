package layout

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/skyline-go/skyline/style"
)

// The conformance test lays out every fixture of shared/conformance/yoga
// (or of $LAYOUT_FIXTURES) and compares each box with Chromium's geometry.
// Known failures (testdata/known_failures.txt) are reported without failing;
// one that passes again fails the test so the list stays honest.

type fixtureBox struct {
	Style    string        `json:"style"`
	Expected *fixtureRect  `json:"expected"`
	Children []*fixtureBox `json:"children"`
}

type fixtureRect struct {
	X, Y, Width, Height float32
}

type fixture struct {
	Name     string            `json:"name"`
	Viewport fixtureViewport   `json:"viewport"`
	Defaults map[string]string `json:"defaults"`
	Root     *fixtureBox       `json:"root"`
}

type fixtureViewport struct {
	Width  *float32 `json:"width"`
	Height *float32 `json:"height"`
}

var conformancePassed, conformanceFailed atomic.Int64

func TestMain(m *testing.M) {
	code := m.Run()
	if p, f := conformancePassed.Load(), conformanceFailed.Load(); p+f > 0 {
		fmt.Printf("%d passed, %d failed\n", p, f)
	}
	os.Exit(code)
}

func fixtureDir() string {
	if d := os.Getenv("LAYOUT_FIXTURES"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "conformance", "yoga")
}

func loadKnownFailures(t *testing.T) map[string]string {
	return readKnownList(t, filepath.Join("testdata", "known_failures.txt"))
}

func TestConformance(t *testing.T) {
	dir := fixtureDir()
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) == 0 {
		t.Skipf("no fixtures in %s (set LAYOUT_FIXTURES)", dir)
	}
	known := loadKnownFailures(t)
	passed, failed := runFixtureFiles(t, files, known, "known_failures.txt", false)
	conformancePassed.Add(int64(passed))
	conformanceFailed.Add(int64(failed))
	if os.Getenv("LAYOUT_FIXTURES") == "" {
		checkKnownListed(t, known, files, "known_failures.txt")
	}
}

// runFixtureFiles runs each fixture file as a subtest: a mismatch fails
// unless the case is in known (then it is logged), and a known case that
// passes fails so the list stays honest. checkName requires each fixture's
// name to be its file name. It returns the counts of passing and failing
// cases.
func runFixtureFiles(t *testing.T, files []string, known map[string]string, listName string, checkName bool) (passed, failed int) {
	files = slices.Clone(files)
	sort.Strings(files)
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var fx fixture
		if err := json.Unmarshal(data, &fx); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if want := fixtureName(file); checkName && fx.Name != want {
			t.Errorf("%s: fixture is named %q", file, fx.Name)
		}
		t.Run(fx.Name, func(t *testing.T) {
			mismatches := runFixture(&fx)
			reason, isKnown := known[fx.Name]
			switch {
			case len(mismatches) == 0 && isKnown:
				passed++
				t.Errorf("passes but is listed in %s (%s): remove it", listName, reason)
			case len(mismatches) == 0:
				passed++
			case isKnown:
				failed++
				t.Logf("known failure (%s):\n%s", reason, strings.Join(mismatches, "\n"))
			default:
				failed++
				t.Errorf("%s", strings.Join(mismatches, "\n"))
			}
		})
	}
	return passed, failed
}

func fixtureName(file string) string { return strings.TrimSuffix(filepath.Base(file), ".json") }

// checkKnownListed fails for a known-failure entry that names no fixture.
func checkKnownListed(t *testing.T, known map[string]string, files []string, listName string) {
	names := map[string]bool{}
	for _, f := range files {
		names[fixtureName(f)] = true
	}
	for name := range known {
		if !names[name] {
			t.Errorf("%s lists %s, which is not a fixture", listName, name)
		}
	}
}

// runFixture lays out one case and returns the boxes that differ by more
// than 0.5 px.
func runFixture(fx *fixture) []string {
	var tree MemTree
	env := &style.Env{WindowWidth: 375, WindowHeight: 667}
	root := buildFixtureBox(&tree, fx, fx.Root, nil, env)
	var avail MaybeSize
	if fx.Viewport.Width != nil {
		avail.Width = Some(*fx.Viewport.Width)
		tree.SetViewport(Size{*fx.Viewport.Width, tree.viewport.Height})
	}
	if fx.Viewport.Height != nil {
		avail.Height = Some(*fx.Viewport.Height)
		tree.SetViewport(Size{tree.viewport.Width, *fx.Viewport.Height})
	}
	tree.Compute(root, avail)
	var out []string
	compareFixtureBox(&tree, fx.Root, root, "root", &out)
	return out
}

func buildFixtureBox(tree *MemTree, fx *fixture, b *fixtureBox, parent *style.Computed, env *style.Env) NodeID {
	css := fixtureCSS(fx.Defaults, b.Style)
	cs, _ := style.ComputeInline(css, parent, env)
	id := tree.NewNode(cs)
	for _, c := range b.Children {
		ch := buildFixtureBox(tree, fx, c, &cs, env)
		tree.nodes[id].children = append(tree.nodes[id].children, ch)
		tree.nodes[ch].parent, tree.nodes[ch].hasParent = id, true
	}
	return id
}

// fixtureCSS prepends the fixture's defaults to the box's own style. A
// display: block box without its own align-content uses `normal` (see the
// fixtures' README). Logical properties are mapped to physical ones for
// left-to-right text, the only direction the fixtures use.
func fixtureCSS(defaults map[string]string, own string) string {
	own = physicalCSS(own)
	keys := make([]string, 0, len(defaults))
	for k := range defaults {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	block := false
	hasAlignContent := false
	for _, decl := range strings.Split(own, ";") {
		name, value, _ := strings.Cut(decl, ":")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if name == "display" {
			block = value == "block"
		}
		if name == "align-content" {
			hasAlignContent = true
		}
	}
	var sb strings.Builder
	for _, k := range keys {
		v := defaults[k]
		if k == "align-content" && block && !hasAlignContent {
			v = "normal"
		}
		sb.WriteString(k + ": " + v + "; ")
	}
	sb.WriteString(own)
	return sb.String()
}

var logicalLTR = map[string][2]string{
	"margin-inline":  {"margin-left", "margin-right"},
	"margin-block":   {"margin-top", "margin-bottom"},
	"padding-inline": {"padding-left", "padding-right"},
	"padding-block":  {"padding-top", "padding-bottom"},
	"inset-inline":   {"left", "right"},
	"inset-block":    {"top", "bottom"},
}

var logicalLTRSide = map[string]string{
	"margin-inline-start": "margin-left", "margin-inline-end": "margin-right",
	"margin-block-start": "margin-top", "margin-block-end": "margin-bottom",
	"padding-inline-start": "padding-left", "padding-inline-end": "padding-right",
	"padding-block-start": "padding-top", "padding-block-end": "padding-bottom",
	"inset-inline-start": "left", "inset-inline-end": "right",
	"inset-block-start": "top", "inset-block-end": "bottom",
	"border-inline-start": "border-left", "border-inline-end": "border-right",
	"border-inline-start-width": "border-left-width", "border-inline-end-width": "border-right-width",
	"border-block-start-width": "border-top-width", "border-block-end-width": "border-bottom-width",
}

func physicalCSS(css string) string {
	var parts []string
	for _, decl := range strings.Split(css, ";") {
		name, value, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if p, ok := logicalLTRSide[name]; ok {
			parts = append(parts, p+": "+value)
			continue
		}
		if pair, ok := logicalLTR[name]; ok {
			f := strings.Fields(value)
			if len(f) == 0 {
				continue
			}
			end := f[0]
			if len(f) > 1 {
				end = f[1]
			}
			parts = append(parts, pair[0]+": "+f[0], pair[1]+": "+end)
			continue
		}
		parts = append(parts, name+": "+value)
	}
	return strings.Join(parts, "; ")
}

func compareFixtureBox(tree *MemTree, b *fixtureBox, id NodeID, path string, out *[]string) {
	if b.Expected != nil {
		l := tree.Layout(id)
		e := b.Expected
		if abs32(l.Location.X-e.X) > 0.5 || abs32(l.Location.Y-e.Y) > 0.5 ||
			abs32(l.Size.Width-e.Width) > 0.5 || abs32(l.Size.Height-e.Height) > 0.5 {
			*out = append(*out, fmt.Sprintf("  %s: got (%g,%g %gx%g) want (%g,%g %gx%g)  [%s]", path,
				l.Location.X, l.Location.Y, l.Size.Width, l.Size.Height, e.X, e.Y, e.Width, e.Height, b.Style))
		}
	}
	for i, c := range b.Children {
		compareFixtureBox(tree, c, tree.Child(id, i), fmt.Sprintf("%s/%d", path, i), out)
	}
}
