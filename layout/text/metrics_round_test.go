package text

import "testing"

// Chromium rounds ascent and descent to whole px unless the text is tiny
// (FontMetrics::AscentDescentWithHacks); line-height: normal follows.
func TestMetricsRoundLikeChromium(t *testing.T) {
	fs := NewFontSet()
	var roboto *Face
	for _, f := range fs.Faces() {
		if f.Family == "Roboto" && f.Weight == 400 && !f.Italic {
			roboto = f
		}
	}
	if roboto == nil {
		t.Fatal("no Roboto Regular among the bundled faces")
	}
	cases := []struct {
		size                  float32
		ascent, descent, line float32
	}{
		{11, 10, 3, 13},       // descent 2.69 rounds with the ascent
		{12, 11, 3, 14},       // 11.13 + 2.93
		{16, 15, 4, 19},       // the page default
		{2, 1.85, 0.49, 2.34}, // tiny: both keep their fractions
	}
	for _, c := range cases {
		m := roboto.Metrics(c.size)
		if !approx(m.Ascent, c.ascent) || !approx(m.Descent, c.descent) || !approx(m.LineSpacing, c.line) {
			t.Errorf("%gpx: ascent %.2f descent %.2f line %.2f, want %.2f %.2f %.2f", c.size, m.Ascent, m.Descent, m.LineSpacing, c.ascent, c.descent, c.line)
		}
	}
}

func approx(a, b float32) bool { return a-b < 0.01 && b-a < 0.01 }
