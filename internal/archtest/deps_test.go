package archtest

import (
	"bufio"
	"bytes"
	"os/exec"
	"sort"
	"strings"
	"testing"
)

const module = "github.com/skyline-go/skyline"

// rules is the allowed import graph, lowest layers first: each package may
// import only the project packages listed for it (and anything outside the
// project). Data flows one way: engine → template/dom → style → layout /
// scroll → paint; logic and the engine meet only in app. A package missing
// from this table fails the test, so a new package states its place here.
//
// Keep the README's package graph in step with this table.
var rules = map[string][]string{
	// Foundations: no project imports, or only diag.
	"diag":                     {},
	"gesture":                  {}, // input over its own narrow interfaces: no layout, scroll or engine types
	"engine/internal/mustache": {},
	"style":                    {"diag"},
	"layout":                   {"style"},
	"layout/text":              {"diag", "style"},
	"scroll":                   {"layout"},
	"motion":                   {"style"},                                                 // time: the frame clock, easing, transitions, keyframes, worklet animations
	"widgets":                  {"engine/expr", "engine/paint/raster", "layout", "style"}, // built-in components as units: measured leaves, default styles; never the engine (expr: attribute values keep JavaScript semantics)
	// (widgets → engine/paint/raster: form controls draw through a Canvas in
	// raster's pure geometry — paths, rounded rects, colours — which knows
	// nothing of boxes, nodes or the engine.)
	"engine/paint/raster": {"diag"},
	"engine/paint":        {"engine/paint/raster", "layout", "layout/text", "style"},
	"engine/wxml":         {"diag", "engine/internal/mustache"},
	"engine/expr":         {"diag", "engine/internal/mustache"},
	"props":               {"engine/expr"},
	// Image srcs of every kind (package files, data: URLs, http(s) with a
	// disk cache) to pixels, SVG rasterised; does I/O, so not in widgets.
	"imagesrc": {"diag", "engine/paint/raster"},
	// The goja guard (CPU-time budgets, bounded conversion to and from
	// JavaScript) shared by WXS in the engine and the logic layer.
	"internal/script": {"engine/expr"},
	// What the two ends of the worklet runtime share without importing each
	// other: wx.worklet's JavaScript prelude and the wire format of values.
	"internal/workletjs": {},

	// The page. pkgfs reads the package's files and JSON configuration;
	// dom is the node tree every stage reads; template makes and updates
	// it (WXML, bindings, setData, components, WXS); engine runs the frame
	// pipeline over it and is the embedding API.
	"engine/pkgfs": {"diag", "engine/expr", "style"},
	"engine/dom":   {"diag", "engine/expr", "gesture", "style", "widgets"},
	"engine/template": {"diag", "engine/dom", "engine/expr", "engine/pkgfs", "engine/wxml", "gesture",
		"internal/script", "props", "style", "widgets"},
	"engine": {"diag", "engine/dom", "engine/expr", "engine/paint", "engine/paint/raster", "engine/pkgfs", "engine/template",
		"gesture", "imagesrc", "layout", "layout/text", "motion", "scroll", "style", "widgets"},

	// The JavaScript logic layer never sees the engine: they exchange
	// messages through app.
	// widgets (which imports only layout and style) answers wx.canIUse for
	// components.
	"logic": {"diag", "engine/expr", "gesture", "props", "widgets", "internal/script", "internal/workletjs"},
	// The worklet UI runtime: its own goja VM stepped by the frame clock;
	// neither logic (it meets the JS side through app's messages) nor the
	// engine (app applies its styles).
	"worklet": {"diag", "internal/script", "internal/workletjs", "motion"},
	"app":     {"diag", "engine", "engine/expr", "engine/pkgfs", "imagesrc", "logic", "worklet"}, // pkgfs: app.json for the shell (manifest.go)

	// Embedding for shell hosts: the session API, and its two transports
	// (JSON lines over stdio; the C ABI).
	"host":     {"app", "diag", "engine", "gesture", "logic"},
	"cmd/host": {"host"},
	// The C ABI (cgo, -buildmode=c-shared).
	"cmd/skylinecapi": {"host"},

	// Commands and test support.
	"cmd/render": {"app", "diag", "engine", "host", "imagesrc", "logic"},
	// The public test kit: golden images (standard library only, so every
	// package's tests may use it) and pages driven through host.
	"skytest/golden":    {},
	"skytest":           {"host", "skytest/golden"},
	"internal/archtest": {},
}

// forbidden are edges that must never appear even transitively, each with
// the reason a reviewer would give.
var forbidden = []struct{ from, to, why string }{
	{"style", "engine", "style knows nothing of the engine: it matches and computes over style.Element"},
	{"layout", "engine", "layout sees one node and its children through layout.Tree, never the engine"},
	{"scroll", "engine", "scroll speaks the layout contract, not the engine"},
	{"motion", "engine", "motion steps computed values and numbers by the frame clock; the engine keeps per-node state and calls it"},
	{"engine/paint", "engine", "paint sees the box tree through paint.Tree, never the engine"},
	{"widgets", "engine", "widgets own the built-in components; the engine adapts its nodes to them, never the reverse"},
	{"gesture", "engine", "gesture sees boxes, scroll-views and nodes through its own interfaces (HitTree, Scrollable, StreamHost, Scopes), never the engine"},
	{"engine/dom", "engine/template", "the node tree is read by every stage; the template stage that writes it sits above it"},
	{"engine/template", "engine/paint", "templates make nodes; painting is the pipeline's"},
	{"engine", "logic", "the renderer never calls into JavaScript: logic and engine meet in app"},
	{"logic", "engine", "the logic layer talks to the renderer by messages through app"},
	{"layout", "layout/text", "text plugs into layout as a measured leaf; layout does not import it"},
}

type pkgInfo struct {
	path    string
	imports []string // project packages, module prefix removed
	deps    []string // every project package it depends on, transitively
}

func listPackages(t *testing.T) map[string]*pkgInfo {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps=false", "-f", "{{.ImportPath}}|{{join .Imports \" \"}}|{{join .Deps \" \"}}", module+"/...")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("go list: %v\n%s", err, ee.Stderr)
		}
		t.Skipf("go list unavailable: %v", err)
	}
	trim := func(fields []string) []string {
		var r []string
		for _, f := range fields {
			if f == module {
				r = append(r, ".")
			} else if strings.HasPrefix(f, module+"/") {
				r = append(r, strings.TrimPrefix(f, module+"/"))
			}
		}
		return r
	}
	pkgs := map[string]*pkgInfo{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		parts := strings.SplitN(sc.Text(), "|", 3)
		if len(parts) != 3 || !strings.HasPrefix(parts[0], module+"/") {
			continue
		}
		p := &pkgInfo{path: strings.TrimPrefix(parts[0], module+"/")}
		p.imports = trim(strings.Fields(parts[1]))
		p.deps = trim(strings.Fields(parts[2]))
		pkgs[p.path] = p
	}
	if len(pkgs) == 0 {
		t.Fatal("go list found no packages")
	}
	return pkgs
}

// violations lists every import the rules do not allow, every package they
// do not know, and every forbidden dependency, direct or transitive.
func violations(pkgs map[string]*pkgInfo, rules map[string][]string) []string {
	names := make([]string, 0, len(pkgs))
	for n := range pkgs {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []string
	for _, n := range names {
		p := pkgs[n]
		allowed, ok := rules[n]
		if !ok {
			out = append(out, "package "+n+" is not in the import rules: add it to rules in internal/archtest/deps_test.go (and to the README's package table)")
			continue
		}
		set := map[string]bool{}
		for _, a := range allowed {
			set[a] = true
		}
		for _, imp := range p.imports {
			if !set[imp] {
				out = append(out, n+" imports "+imp+", which its rule does not allow (allowed: "+strings.Join(allowed, ", ")+")")
			}
		}
		for _, f := range forbidden {
			if f.from != n {
				continue
			}
			for _, d := range p.deps {
				if d == f.to {
					out = append(out, n+" depends on "+d+": "+f.why)
				}
			}
		}
	}
	return out
}

// TestImportRules checks the module against the table.
func TestImportRules(t *testing.T) {
	for _, v := range violations(listPackages(t), rules) {
		t.Error(v)
	}
}

// TestImportRulesCatch proves the checker fails on the mistakes it exists
// for: an upward import, an unknown package, a forbidden transitive edge.
func TestImportRulesCatch(t *testing.T) {
	pkgs := map[string]*pkgInfo{
		"style":  {path: "style", imports: []string{"diag", "layout"}, deps: []string{"diag", "layout"}},
		"layout": {path: "layout", imports: []string{"style"}, deps: []string{"style", "engine"}},
		"newpkg": {path: "newpkg"},
	}
	got := strings.Join(violations(pkgs, rules), "\n")
	for _, want := range []string{
		"style imports layout, which its rule does not allow",
		"layout depends on engine: layout sees one node",
		"package newpkg is not in the import rules",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("checker missed %q; it said:\n%s", want, got)
		}
	}
}

// TestRulesNameRealPackages keeps the table honest: a rule for a package that
// no longer exists, or an allowed import that names no package, is stale.
func TestRulesNameRealPackages(t *testing.T) {
	pkgs := listPackages(t)
	for n, allowed := range rules {
		if _, ok := pkgs[n]; !ok {
			t.Errorf("rules lists %s, which is not a package of the module", n)
		}
		for _, a := range allowed {
			if _, ok := pkgs[a]; !ok {
				t.Errorf("rules for %s allow %s, which is not a package of the module", n, a)
			}
		}
	}
}
