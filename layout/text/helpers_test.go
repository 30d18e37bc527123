package text

import (
	"strings"
	"testing"

	"github.com/skyline-go/skyline/style"
)

var testFS = NewFontSet()

func st(size float32) TextStyle {
	return TextStyle{Families: []string{"sans-serif"}, Size: size, Weight: 400}
}

func para(t testing.TB, text string, opt Options) *Paragraph {
	t.Helper()
	if opt.Root.Size == 0 {
		opt.Root = st(16)
	}
	return testFS.NewParagraph([]Run{{Text: text, Style: opt.Root}}, opt)
}

// lineTexts returns each line's visible text (hanging spaces dropped, the
// ellipsis appended as "…").
func lineTexts(p *Paragraph, l *Layout) []string {
	var out []string
	for _, ln := range l.Lines {
		s := strings.TrimRight(string(p.Text()[ln.Start:ln.End]), " ")
		if l.Ellipsis >= 0 && l.Runs[l.Ellipsis].Line == len(out) {
			s += "…"
		}
		out = append(out, s)
	}
	return out
}

var _ = style.TextAlignStart
