package layout

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestLayoutFixtures lays out every fixture of testdata/fixtures (our own
// cases, in the conformance format, made by Chromium under the Skyline
// prelude: scripts/layout-fixtures-align.mjs from testdata/fixtures-src) and
// compares each box within 0.5 px. Cases listed in
// testdata/fixtures_known_failures.txt are reported without failing; one
// that passes again fails the test so the list stays honest.
func TestLayoutFixtures(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "fixtures", "*.json"))
	if len(files) == 0 {
		t.Fatal("no fixtures in testdata/fixtures")
	}
	sort.Strings(files)
	known := readKnownList(t, filepath.Join("testdata", "fixtures_known_failures.txt"))
	seen := map[string]bool{}
	var passed, failed int
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var fx fixture
		if err := json.Unmarshal(data, &fx); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if want := strings.TrimSuffix(filepath.Base(file), ".json"); fx.Name != want {
			t.Errorf("%s: fixture is named %q", file, fx.Name)
		}
		seen[fx.Name] = true
		t.Run(fx.Name, func(t *testing.T) {
			mismatches := runFixture(&fx)
			reason, isKnown := known[fx.Name]
			switch {
			case len(mismatches) == 0 && isKnown:
				passed++
				t.Errorf("passes but is listed as a known failure (%s): remove it", reason)
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
	for name := range known {
		if !seen[name] {
			t.Errorf("fixtures_known_failures.txt lists %s, which is not a fixture", name)
		}
	}
	fmt.Printf("layout/testdata/fixtures: %d passed, %d failed\n", passed, failed)
}

// readKnownList reads a "name reason" list (# comments, blank lines).
func readKnownList(t *testing.T, path string) map[string]string {
	known := map[string]string{}
	data, err := os.ReadFile(path)
	if err != nil {
		return known
	}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, " ")
		if strings.TrimSpace(reason) == "" {
			t.Errorf("%s: %s has no reason", path, name)
		}
		known[name] = strings.TrimSpace(reason)
	}
	return known
}
