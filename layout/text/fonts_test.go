package text

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

func TestFallbackPicksFacePerCharacter(t *testing.T) {
	p := para(t, "Hi中文ok", Options{})
	l := p.Layout(1000)
	var got []string
	for _, r := range l.Runs {
		got = append(got, r.Face.Family)
	}
	want := []string{FamilyRoboto, FamilyDroidFallback, FamilyRoboto}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("faces %v, want %v", got, want)
	}
	for _, r := range l.Runs {
		for _, g := range r.Glyphs {
			if g.ID == 0 {
				t.Errorf("%s drew .notdef", r.Face.Family)
			}
		}
	}
}

func TestMissingGlyphIsVisibleNotdef(t *testing.T) {
	// U+0E01 (Thai) is in neither bundled face.
	p := para(t, "a\u0E01b", Options{})
	l := p.Layout(1000)
	var notdef *GlyphRun
	for i := range l.Runs {
		for _, g := range l.Runs[i].Glyphs {
			if g.ID == 0 {
				notdef = &l.Runs[i]
			}
		}
	}
	if notdef == nil || notdef.Face.Family != FamilyRoboto {
		t.Fatalf("missing character should be .notdef in the primary face, runs %+v", l.Runs)
	}
	if len(notdef.Face.AppendOutline(nil, 0, 16)) == 0 {
		t.Error(".notdef has no outline")
	}
	if w := p.MaxContentWidth(); w <= para(t, "ab", Options{}).MaxContentWidth() {
		t.Error(".notdef takes no room")
	}
}

func TestFamilyResolution(t *testing.T) {
	tests := []struct {
		families  []string
		weight    uint16
		italic    bool
		r         rune
		wantFam   string
		wantW     uint16
		synthBold bool
		synthIt   bool
	}{
		{[]string{"sans-serif"}, 400, false, 'a', FamilyRoboto, 400, false, false},
		{[]string{"Unknown Font", "sans-serif"}, 700, false, 'a', FamilyRoboto, 700, false, false},
		{[]string{"PingFang SC"}, 600, false, 'a', FamilyRoboto, 700, false, false},
		{[]string{"sans-serif"}, 300, false, 'a', FamilyRoboto, 400, false, false},
		{[]string{"sans-serif"}, 700, false, '中', FamilyDroidFallback, 400, true, false},
		{[]string{"sans-serif"}, 400, true, 'a', FamilyRoboto, 400, false, true},
		// List order decides for characters both have; Droid has no Latin letters.
		{[]string{`"Droid Sans Fallback"`, "Roboto"}, 400, false, ' ', FamilyDroidFallback, 400, false, false},
		{[]string{`"Droid Sans Fallback"`, "Roboto"}, 400, false, 'a', FamilyRoboto, 400, false, false},
		{nil, 0, false, 'a', FamilyRoboto, 400, false, false},
	}
	for _, tc := range tests {
		c := testFS.resolve(tc.families, tc.weight, tc.italic)
		ch := c.choices[c.faceFor(tc.r, -1)]
		if ch.face.Family != tc.wantFam || ch.face.Weight != tc.wantW || ch.syntheticBold != tc.synthBold || ch.syntheticSkew != tc.synthIt {
			t.Errorf("%q %d italic=%v %q: got %s %d bold=%v skew=%v", tc.families, tc.weight, tc.italic, tc.r,
				ch.face.Family, ch.face.Weight, ch.syntheticBold, ch.syntheticSkew)
		}
	}
}

func TestBoldCJKIsSynthetic(t *testing.T) {
	s := st(16)
	s.Weight = 700
	p := testFS.NewParagraph([]Run{{Text: "Bold 粗体", Style: s}}, Options{Root: s})
	l := p.Layout(1000)
	for _, r := range l.Runs {
		want := r.Face.Family == FamilyDroidFallback
		if r.SyntheticBold != want {
			t.Errorf("%s run: synthetic bold %v", r.Face.Family, r.SyntheticBold)
		}
	}
	if o := SyntheticBoldOutset(16); o <= 0 || o > 1 {
		t.Errorf("outset at 16px: %v", o)
	}
}

func TestFontFaceFromBytes(t *testing.T) {
	data, err := os.ReadFile("fonts/Roboto-Bold.ttf")
	if err != nil {
		t.Fatal(err)
	}
	fs := NewFontSet()
	pos := diag.Pos{File: "app.wxss", Line: 3, Col: 1}
	face, err := fs.AddFace("MyFont", 400, false, data, pos)
	if err != nil {
		t.Fatal(err)
	}
	s := TextStyle{Families: []string{"myfont", "sans-serif"}, Size: 16, Weight: 400}
	p := fs.NewParagraph([]Run{{Text: "Abc中", Style: s}}, Options{Root: s})
	l := p.Layout(1000)
	if l.Runs[0].Face != face || l.Runs[1].Face.Family != FamilyDroidFallback {
		t.Errorf("runs in %s, %s; want MyFont then the CJK fallback", l.Runs[0].Face.Family, l.Runs[1].Face.Family)
	}
	// The bold file is wider than regular Roboto for the same text.
	if para(t, "Abc", Options{}).MaxContentWidth() >= fs.NewParagraph([]Run{{Text: "Abc", Style: s}}, Options{Root: s}).MaxContentWidth() {
		t.Error("@font-face face not used for measuring")
	}

	for _, bad := range [][]byte{nil, []byte("not a font"), data[:200]} {
		_, err := fs.AddFace("Broken", 400, false, bad, pos)
		var d diag.Diagnostic
		if !errors.As(err, &d) || d.Pos != pos || d.Severity != diag.Error {
			t.Errorf("bad font: err %v", err)
		}
	}
	if _, err := fs.AddFace("  ", 400, false, data, pos); err == nil {
		t.Error("nameless @font-face accepted")
	}
}

func TestMetricsAndOutlines(t *testing.T) {
	roboto := testFS.faces[0]
	m := roboto.Metrics(16)
	if m.Ascent != 15 || m.Descent != 4 || m.LineGap != 0 || m.LineSpacing != 19 {
		t.Errorf("Roboto 16px metrics %+v", m)
	}
	if m.UnderlineOffset <= 0 || m.UnderlineThickness <= 0 || m.StrikeoutOffset >= 0 || m.XHeight <= 0 || m.XHeight >= m.Ascent {
		t.Errorf("decoration metrics %+v", m)
	}
	gid, _ := roboto.face.NominalGlyph('H')
	segs := roboto.AppendOutline(nil, gid, 16)
	if len(segs) == 0 || segs[0].Op != MoveTo {
		t.Fatalf("H outline %v", segs)
	}
	var minY, maxY float32
	for _, s := range segs {
		for _, p := range s.P[:1] {
			minY, maxY = min(minY, p.Y), max(maxY, p.Y)
		}
	}
	// y down: the capital rises above the baseline (negative y) to ~cap height.
	if maxY > 0.01 || minY > -10 || minY < -13 {
		t.Errorf("H spans y %v..%v at 16px", minY, maxY)
	}
	space, _ := roboto.face.NominalGlyph(' ')
	if len(roboto.AppendOutline(nil, space, 16)) != 0 {
		t.Error("space has an outline")
	}
	if a := roboto.Advance(gid, 16); a < 9 || a > 13 {
		t.Errorf("H advance %v", a)
	}
}
