package core

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestScanPackageSeesChanges(t *testing.T) {
	old := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		change func(t *testing.T, dir string)
		want   bool // the scans differ
	}{
		{"nothing", func(t *testing.T, dir string) {}, false},
		{"same size, new mtime", func(t *testing.T, dir string) {
			os.Chtimes(filepath.Join(dir, "index.wxss"), old, old.Add(time.Hour))
		}, true},
		{"new size, same mtime", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "index.wxss"), ".a{color:red}/* longer */")
			os.Chtimes(filepath.Join(dir, "index.wxss"), old, old)
		}, true},
		{"file added in a subdirectory", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "components", "card.wxml"), "<view/>")
		}, true},
		{"file removed", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "index.wxss"))
		}, true},
		{"hidden directory ignored", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, ".git", "index"), "x")
		}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, "index.wxml"), "<view/>")
			write(t, filepath.Join(dir, "index.wxss"), ".a{color:red}")
			for _, f := range []string{"index.wxml", "index.wxss"} {
				os.Chtimes(filepath.Join(dir, f), old, old)
			}
			before := scanPackage(dir)
			if len(before) != 2 {
				t.Fatalf("scan found %d files, want 2", len(before))
			}
			tc.change(t, dir)
			after := scanPackage(dir)
			if got := !before.equal(after); got != tc.want {
				t.Errorf("changed = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestScanPackageBounded(t *testing.T) {
	dir := t.TempDir()
	for i := range maxPolledFiles + 10 {
		f, err := os.Create(filepath.Join(dir, "f"+itoa(i)))
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	if n := len(scanPackage(dir)); n != maxPolledFiles {
		t.Errorf("scan stamped %d files, want the bound %d", n, maxPolledFiles)
	}
}

func itoa(i int) string { return string(rune('a'+i%26)) + time.Duration(i).String() }

func TestPollerSignalsAndCoalesces(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "index.wxml")
	write(t, page, "<view/>")
	p := StartPoller(dir, 10*time.Millisecond)
	defer p.Close()

	select {
	case <-p.Changed():
		t.Fatal("signal without a change")
	case <-time.After(60 * time.Millisecond):
	}
	// Several saves before anyone reads: one signal.
	for i := range 3 {
		write(t, page, "<view>"+string(rune('a'+i))+"</view>")
		time.Sleep(30 * time.Millisecond)
	}
	select {
	case <-p.Changed():
	case <-time.After(2 * time.Second):
		t.Fatal("no signal after a change")
	}
	select {
	case <-p.Changed():
		t.Fatal("second signal for saves made before the first read")
	case <-time.After(60 * time.Millisecond):
	}
	write(t, page, "<text>changed again</text>")
	select {
	case <-p.Changed():
	case <-time.After(2 * time.Second):
		t.Fatal("no signal after a later change")
	}
}

func TestPackageRoot(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "app.json"), "{}")
	write(t, filepath.Join(dir, "pages", "feed", "index.wxml"), "<view/>")
	write(t, filepath.Join(dir, "loose", "index.wxml"), "<view/>")
	os.Remove(filepath.Join(dir, "app.json"))
	write(t, filepath.Join(dir, "pkg", "app.json"), "{}")
	write(t, filepath.Join(dir, "pkg", "pages", "a", "index.wxml"), "<view/>")
	tests := []struct{ page, want string }{
		{filepath.Join(dir, "pkg", "pages", "a"), filepath.Join(dir, "pkg")},                  // directory
		{filepath.Join(dir, "pkg", "pages", "a", "index"), filepath.Join(dir, "pkg")},         // without extension
		{filepath.Join(dir, "pkg", "pages", "a", "index.wxml"), filepath.Join(dir, "pkg")},    // .wxml
		{filepath.Join(dir, "loose"), filepath.Join(dir, "loose")},                            // no app.json: the page's directory
		{filepath.Join(dir, "pages", "feed", "missing"), filepath.Join(dir, "pages", "feed")}, // page that does not exist yet
	}
	for _, tc := range tests {
		if got := PackageRoot(tc.page); got != tc.want {
			t.Errorf("PackageRoot(%s) = %s, want %s", tc.page, got, tc.want)
		}
	}
}

// TestPollerNamesChangedFiles: Changes lists every file changed, added or
// removed since it was last called, relative to the root.
func TestPollerNamesChangedFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "index.wxml"), "<view/>")
	write(t, filepath.Join(dir, "index.wxss"), ".a{}")
	p := StartPoller(dir, 10*time.Millisecond)
	defer p.Close()
	write(t, filepath.Join(dir, "index.wxss"), ".a{color:red}")
	write(t, filepath.Join(dir, "comp", "x.js"), "Component({})")
	os.Remove(filepath.Join(dir, "index.wxml"))
	deadline := time.Now().Add(2 * time.Second)
	var got []string
	for time.Now().Before(deadline) && len(got) < 3 {
		select {
		case <-p.Changed():
			got = append(got, p.Changes()...)
		case <-time.After(20 * time.Millisecond):
		}
	}
	slices.Sort(got)
	got = slices.Compact(got)
	if want := []string{"comp/x.js", "index.wxml", "index.wxss"}; !slices.Equal(got, want) {
		t.Errorf("Changes = %v, want %v", got, want)
	}
	if c := p.Changes(); len(c) != 0 {
		t.Errorf("Changes again = %v, want none", c)
	}
}
