package text

import (
	"math"
	"testing"

	"github.com/skyline-go/skyline/style"
)

// Bad input lays out as something sensible and never panics.
func TestOddInput(t *testing.T) {
	nan := float32(math.NaN())
	inf := float32(math.Inf(1))
	texts := []string{"", " ", "\xff\xfe abc", "\u0300\u0301abc", "a\u200db", "\U0001F600 emoji", "\u0E01\u0E49", "中\n\n\t文", "…“”"}
	styles := []TextStyle{
		st(16),
		{Size: nan, LetterSpacing: nan, WordSpacing: inf},
		{Size: -5, Weight: 5000, Families: []string{"", "\"", "serif"}},
		{Size: 16, LetterSpacing: -30, LineHeight: style.LineHeight{Kind: style.LineHeightNumber, Value: nan}},
	}
	for _, s := range styles {
		for _, txt := range texts {
			runs := []Run{{Text: txt, Style: s}, {IsBox: true, Box: InlineBox{Width: nan, Height: -1, Baseline: inf}}, {Text: txt, Style: s}}
			p := testFS.NewParagraph(runs, Options{Root: s, MaxLines: -1, Overflow: OverflowEllipsis, BreakLongWords: true})
			for _, w := range []float32{nan, -10, 0, 1, 50, inf} {
				l := p.Layout(w)
				if math.IsNaN(float64(l.Height)) || math.IsNaN(float64(l.Width)) || l.Height < 0 {
					t.Errorf("%q at %v: size %v x %v", txt, w, l.Width, l.Height)
				}
				for _, b := range l.Boxes {
					if math.IsNaN(float64(b.X)) || math.IsNaN(float64(b.Y)) {
						t.Errorf("%q at %v: box at %v,%v", txt, w, b.X, b.Y)
					}
				}
			}
		}
	}
}
