package app

import (
	"testing"

	"github.com/skyline-go/skyline/diag"
)

// TestHandlerWithoutScriptWarningIsPositioned: the warning names the
// element that carries the binding (file:line:col), not just the file.
func TestHandlerWithoutScriptWarningIsPositioned(t *testing.T) {
	a, _ := openTest(t, writePkg(t, map[string]string{
		"index.wxml": "<view/>\n  <view class=\"b\" bindtap=\"go\"/>", "index.wxss": `.b { height: 40px; }`,
	}))
	tapBox(t, a, findBox(t, a, "b", 0))
	ds := diagsWith(a, diag.Warning, `handler "go"`)
	if len(ds) != 1 {
		t.Fatalf("%d warnings, want 1", len(ds))
	}
	if got, want := ds[0].Pos, (diag.Pos{File: "index.wxml", Line: 2, Col: 3}); got != want {
		t.Errorf("warning at %v, want %v", got, want)
	}
}
