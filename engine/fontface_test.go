package engine

import (
	"os"
	"testing"
)

// An @font-face TTF from the package is used for its family (spec §2.2):
// the same text set in the face (Roboto Bold under another name) is wider
// than in the default face, and a face whose file is missing is a
// positioned warning, the text falling back to the default face.
func TestFontFaceFromPackage(t *testing.T) {
	ttf, err := os.ReadFile("../layout/text/fonts/Roboto-Bold.ttf")
	if err != nil {
		t.Fatal(err)
	}
	wxml := `<view style="flex-direction:row"><text id="plain">Hello brand</text></view>
<view style="flex-direction:row"><text id="brand" style="font-family: Brand">Hello brand</text></view>
<view style="flex-direction:row"><text id="lost" style="font-family: Lost">Hello brand</text></view>`
	wxss := `@font-face { font-family: Brand; src: url("fonts/brand.ttf"); }
@font-face { font-family: Lost; src: url("fonts/missing.ttf"); }`
	p := loadStyled(t, wxml, wxss, "", map[string]string{"fonts/brand.ttf": string(ttf)})
	d := p.LayoutDump()
	plain, brand, lost := boxByID(d.Root, "plain"), boxByID(d.Root, "brand"), boxByID(d.Root, "lost")
	if brand.Box[2] <= plain.Box[2]+1 {
		t.Errorf("text in the @font-face face is %.2f px wide, the default %.2f: the face was not used", brand.Box[2], plain.Box[2])
	}
	if lost.Box[2] != plain.Box[2] {
		t.Errorf("a family with a missing file measured %.2f, want the default face's %.2f", lost.Box[2], plain.Box[2])
	}
	found := false
	for _, dg := range p.Diagnostics() {
		if dg.Pos.File == "index.wxss" && dg.Pos.Line == 2 {
			found = true
		}
	}
	if !found {
		t.Errorf("no positioned warning for the missing font file: %v", p.Diagnostics())
	}
}
