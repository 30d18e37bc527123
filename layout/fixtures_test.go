package layout

import (
	"fmt"
	"os"
	"path/filepath"
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
	const list = "fixtures_known_failures.txt"
	known := readKnownList(t, filepath.Join("testdata", list))
	passed, failed := runFixtureFiles(t, files, known, list, true)
	checkKnownListed(t, known, files, list)
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
