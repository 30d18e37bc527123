package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReloadStylesInPlace: a stylesheet change restyles the same tree with
// its data; the old sheet's warnings go, the new sheet's come.
func TestReloadStylesInPlace(t *testing.T) {
	p := loadStyled(t, `<view id="a" class="box">{{n}}</view>`, `.box { height: 10px; colour: red; }`, `{"n": 1}`, nil)
	if err := p.SetData(map[string]any{"n": 5}); err != nil {
		t.Fatal(err)
	}
	p.Update()
	a := byID(p, "a")
	if !strings.Contains(diagText(p.Diagnostics()), "colour") {
		t.Fatalf("the first sheet's warning is missing: %s", diagText(p.Diagnostics()))
	}
	os.WriteFile(filepath.Join(p.Pkg.Root, "index.wxss"), []byte(`.box { height: 30px; widht: 1px; }`), 0o644)
	if err := p.ReloadStyles(); err != nil {
		t.Fatal(err)
	}
	p.Update()
	if byID(p, "a") != a || p.Data()["n"] != 5.0 && p.Data()["n"] != 5 {
		t.Errorf("reload changed the tree or the data (n = %v)", p.Data()["n"])
	}
	if _, _, _, h, _ := p.BorderBox(a); h != 30 {
		t.Errorf("height after the reload = %v, want 30", h)
	}
	d := diagText(p.Diagnostics())
	if strings.Contains(d, "colour") || !strings.Contains(d, "widht") {
		t.Errorf("diagnostics after the reload:\n%s", d)
	}
}
