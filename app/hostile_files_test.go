package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

// A module symlinked out of the package is refused as an escape (it used to
// be reported as "not found"), without the host's path; a page script that
// is a FIFO does not block and is reported as not a regular file. The
// markup renders either way.
func TestRefusedModules(t *testing.T) {
	outside := writePkg(t, map[string]string{"secret.js": `module.exports = { s: 'secret' }`})
	dir := writePkg(t, map[string]string{
		"index.wxml":      `<text id="out">{{v}}</text><view id="sib">sibling</view>`,
		"index.js":        `var v = 'none'; try { v = require('./lib').s } catch (e) { console.error(String(e)) } Page({ data: { v: v } })`,
		"other.wxml":      `<view id="sib">sibling</view>`,
		"index.wxss":      ``,
		"other.data.json": `{}`,
	})
	if err := os.Symlink(filepath.Join(outside, "secret.js"), filepath.Join(dir, "lib.js")); err != nil {
		t.Skip("no symlinks:", err)
	}
	var logs strings.Builder
	a, err := Open(filepath.Join(dir, "index"), Options{LogOutput: &logs})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	got := logs.String()
	if !strings.Contains(got, `module "lib.js": path escapes the package root (a symlink to a file outside it)`) || strings.Contains(got, "not found") {
		t.Errorf("require of an escaping symlink: %q", got)
	}
	if strings.Contains(got, outside) || strings.Contains(got, dir) {
		t.Errorf("a host path in the message: %q", got)
	}
	if n := a.Page().Root().FirstChild(); n == nil || n.ID() != "out" {
		t.Fatal("the page did not render")
	}

	if err := syscallMkfifo(filepath.Join(dir, "other.js")); err != nil {
		t.Skip("no FIFOs:", err)
	}
	b, err := Open(filepath.Join(dir, "other"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if ds := diagsWith(b, diag.Error, "not a regular file (a named pipe)"); len(ds) != 1 || ds[0].Pos.File != "other.js" {
		t.Errorf("FIFO page script: %v", b.Diagnostics())
	}
}
