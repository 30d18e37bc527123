package text

import (
	"math"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/style"
)

func TestEllipsis(t *testing.T) {
	text := "Skyline 渲染引擎的文本布局支持省略号，超出的部分会被截断显示。"
	for _, maxLines := range []int{1, 2} {
		for _, w := range []float32{60, 100, 150} {
			p := para(t, text, Options{MaxLines: maxLines, Overflow: OverflowEllipsis})
			l := p.Layout(w)
			got := lineTexts(p, l)
			if len(l.Lines) != maxLines || !l.Truncated {
				t.Fatalf("max-lines %d at %v: %d lines %q, truncated %v", maxLines, w, len(l.Lines), got, l.Truncated)
			}
			last := got[len(got)-1]
			if !strings.HasSuffix(last, "…") || l.Ellipsis != len(l.Runs)-1 {
				t.Errorf("max-lines %d at %v: last line %q has no ellipsis", maxLines, w, last)
			}
			ln := l.Lines[len(l.Lines)-1]
			if ln.Width > w+wrapEpsilon {
				t.Errorf("max-lines %d at %v: last line %q is %v wide", maxLines, w, last, ln.Width)
			}
			er := l.Runs[l.Ellipsis]
			if er.X1 > w+wrapEpsilon || len(er.Glyphs) == 0 || er.Item != -1 {
				t.Errorf("ellipsis run %+v", er)
			}
			wantH := float32(0)
			for _, ln := range l.Lines {
				wantH += ln.Height
			}
			if l.Height != wantH {
				t.Errorf("height %v, want sum of kept lines %v", l.Height, wantH)
			}
		}
	}
	// Text that fits is not touched.
	p := para(t, "短文本", Options{MaxLines: 1, Overflow: OverflowEllipsis})
	if l := p.Layout(200); l.Truncated || l.Ellipsis != -1 {
		t.Errorf("short text truncated: %q", lineTexts(p, l))
	}
	// Clip keeps the lines but draws no ellipsis.
	p = para(t, text, Options{MaxLines: 2, Overflow: OverflowClip})
	if l := p.Layout(100); len(l.Lines) != 2 || !l.Truncated || l.Ellipsis != -1 {
		t.Errorf("clip: %d lines, truncated %v, ellipsis %d", len(l.Lines), l.Truncated, l.Ellipsis)
	}
	// nowrap + text-overflow: ellipsis cuts the one overflowing line.
	p = para(t, "The quick brown fox jumps", Options{WhiteSpace: style.WhiteSpaceNoWrap, Overflow: OverflowEllipsis, EllipsizeOverflow: true})
	l := p.Layout(80)
	if got := lineTexts(p, l); len(got) != 1 || !strings.HasSuffix(got[0], "…") || l.Lines[0].Width > 80 {
		t.Errorf("nowrap ellipsis: %q width %v", got, l.Lines[0].Width)
	}
}

func TestLetterAndWordSpacing(t *testing.T) {
	base := para(t, "abc 中文", Options{})
	s := st(16)
	s.LetterSpacing = 2
	spaced := testFS.NewParagraph([]Run{{Text: "abc 中文", Style: s}}, Options{Root: s})
	// Six characters, each followed by 2px, the last included (Chromium).
	if got, want := spaced.MaxContentWidth(), base.MaxContentWidth()+12; math.Abs(float64(got-want)) > 0.01 {
		t.Errorf("letter-spacing 2: %v, want %v", got, want)
	}
	s = st(16)
	s.WordSpacing = 5
	worded := testFS.NewParagraph([]Run{{Text: "a b c", Style: s}}, Options{Root: s})
	plain := para(t, "a b c", Options{})
	if got, want := worded.MaxContentWidth(), plain.MaxContentWidth()+10; math.Abs(float64(got-want)) > 0.01 {
		t.Errorf("word-spacing 5: %v, want %v", got, want)
	}
}

func TestAlign(t *testing.T) {
	text := "The quick brown fox jumps over the lazy dog"
	const w = 150
	tests := []struct {
		align style.TextAlign
		x     func(ln Line) float32
	}{
		{style.TextAlignStart, func(Line) float32 { return 0 }},
		{style.TextAlignLeft, func(Line) float32 { return 0 }},
		{style.TextAlignRight, func(ln Line) float32 { return w - ln.Width }},
		{style.TextAlignEnd, func(ln Line) float32 { return w - ln.Width }},
		{style.TextAlignCenter, func(ln Line) float32 { return (w - ln.Width) / 2 }},
	}
	for _, tc := range tests {
		p := para(t, text, Options{Align: tc.align})
		l := p.Layout(w)
		for i, ln := range l.Lines {
			if want := tc.x(ln); math.Abs(float64(ln.X-want)) > 0.01 {
				t.Errorf("align %d line %d: x %v, want %v", tc.align, i, ln.X, want)
			}
			r := l.Runs[ln.Runs[0]]
			if r.Glyphs[0].X < ln.X-0.01 || math.Abs(float64(r.X0-ln.X)) > 0.01 {
				t.Errorf("align %d line %d: first glyph at %v, line at %v", tc.align, i, r.Glyphs[0].X, ln.X)
			}
		}
	}
	for _, text := range []string{text, "中文的两端对齐会在汉字之间分配剩余的空间直到填满"} {
		p := para(t, text, Options{Align: style.TextAlignJustify})
		l := p.Layout(w - 3)
		if len(l.Lines) < 2 {
			t.Fatal("need several lines")
		}
		for i, ln := range l.Lines {
			runs := l.Runs[ln.Runs[0]:ln.Runs[1]]
			end := runs[len(runs)-1].X1
			if i < len(l.Lines)-1 {
				// Hanging spaces aside, the glyphs reach the right edge.
				if ln.Width != w-3 || math.Abs(float64(end-(w-3))) > 0.05 {
					t.Errorf("justify line %d (%q): width %v, ends at %v, want %v", i, lineTexts(p, l)[i], ln.Width, end, w-3)
				}
			} else if ln.X != 0 || ln.Width >= w-3 {
				t.Errorf("justify: last line x %v width %v should be start-aligned", ln.X, ln.Width)
			}
		}
	}
}

func TestLineHeight(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		lh    style.LineHeight
		want  float32
		basel float32
	}{
		// Roboto 16px: ascent 1900/2048 → 15, descent 500/2048 → 4 (spec §8.4).
		{"normal latin", "Hello", style.LineHeight{}, 19, 15},
		// Droid Sans Fallback 16px: 267/256 → 17, 68/256 → 4; the line grows.
		{"normal cjk grows", "Hello 中文", style.LineHeight{}, 21, 17},
		{"number", "Hello 中文", style.LineHeight{Kind: style.LineHeightNumber, Value: 2}, 32, 15 + 6.5},
		{"px", "Hello", style.LineHeight{Kind: style.LineHeightPx, Value: 40}, 40, 15 + 10.5},
		{"px smaller than the font", "Hello", style.LineHeight{Kind: style.LineHeightPx, Value: 10}, 10, 15 - 4.5},
	}
	for _, tc := range tests {
		s := st(16)
		s.LineHeight = tc.lh
		p := testFS.NewParagraph([]Run{{Text: tc.text, Style: s}}, Options{Root: s})
		l := p.Layout(1000)
		if len(l.Lines) != 1 || l.Lines[0].Height != tc.want || l.Height != tc.want || l.FirstBaseline != tc.basel {
			t.Errorf("%s: height %v, baseline %v; want %v, %v", tc.name, l.Height, l.FirstBaseline, tc.want, tc.basel)
		}
	}
	// Two lines stack their heights.
	s := st(16)
	s.LineHeight = style.LineHeight{Kind: style.LineHeightPx, Value: 30}
	p := testFS.NewParagraph([]Run{{Text: "中文中文", Style: s}}, Options{Root: s})
	if l := p.Layout(40); len(l.Lines) != 2 || l.Height != 60 || l.Lines[1].Top != 30 {
		t.Errorf("two 30px lines: %+v", l.Lines)
	}
}

func TestNestedRunsShareBaseline(t *testing.T) {
	root := st(16)
	big := st(32)
	p := testFS.NewParagraph([]Run{
		{Text: "small ", Style: root, Data: 1},
		{Text: "BIG", Style: big, Data: 2},
		{Text: " small", Style: root, Data: 3},
	}, Options{Root: root})
	l := p.Layout(1000)
	if len(l.Lines) != 1 || len(l.Runs) != 3 {
		t.Fatalf("lines %d runs %d", len(l.Lines), len(l.Runs))
	}
	for i, r := range l.Runs {
		if r.Baseline != l.Lines[0].Baseline || r.Data != uint32(i+1) || r.Item != i {
			t.Errorf("run %d: baseline %v (line %v), data %d, item %d", i, r.Baseline, l.Lines[0].Baseline, r.Data, r.Item)
		}
		for _, g := range r.Glyphs {
			if g.Y != r.Baseline {
				t.Errorf("run %d glyph y %v off the baseline %v", i, g.Y, r.Baseline)
			}
		}
	}
	// Roboto 32px: ascent 30, descent 8 (rounded from 29.7 and 7.8).
	if l.Height != 38 || l.FirstBaseline != 30 {
		t.Errorf("line grows to the big run: height %v baseline %v, want 38, 30", l.Height, l.FirstBaseline)
	}
	if l.Runs[1].X0 != l.Runs[0].X1 || l.Runs[2].X0 != l.Runs[1].X1 {
		t.Errorf("runs not contiguous: %v %v %v", l.Runs[0], l.Runs[1], l.Runs[2])
	}
}

func TestInlineBoxes(t *testing.T) {
	root := st(16) // line: ascent 15, descent 4
	tests := []struct {
		align      style.VerticalAlign
		height     float32
		wantY      float32 // box top
		wantLine   float32 // line height
		wantBaseln float32
	}{
		{style.VAlignBaseline, 30, 0, 34, 30}, // bottom on the baseline: ascent 30
		{style.VAlignBaseline, 10, 5, 19, 15},
		{style.VAlignTop, 40, 0, 40, 15},
		{style.VAlignBottom, 40, 0, 40, 36},
	}
	for _, tc := range tests {
		p := testFS.NewParagraph([]Run{
			{Text: "ab ", Style: root},
			{IsBox: true, Box: InlineBox{Width: 20, Height: tc.height, Baseline: tc.height, Align: tc.align}, Data: 7},
			{Text: " cd", Style: root},
		}, Options{Root: root})
		l := p.Layout(1000)
		if len(l.Boxes) != 1 {
			t.Fatalf("boxes %d", len(l.Boxes))
		}
		b := l.Boxes[0]
		if b.Y != tc.wantY || l.Height != tc.wantLine || l.FirstBaseline != tc.wantBaseln || b.Data != 7 || b.Item != 1 {
			t.Errorf("align %d h %v: box y %v line %v baseline %v; want %v %v %v", tc.align, tc.height, b.Y, l.Height, l.FirstBaseline, tc.wantY, tc.wantLine, tc.wantBaseln)
		}
		if b.X != l.Runs[0].X1 || l.Runs[1].X0 != b.X+20 {
			t.Errorf("box x %v between runs ending %v and starting %v", b.X, l.Runs[0].X1, l.Runs[1].X0)
		}
	}
	// Middle: centred on baseline - x-height/2.
	p := testFS.NewParagraph([]Run{{Text: "x", Style: root}, {IsBox: true, Box: InlineBox{Width: 10, Height: 10, Baseline: 10, Align: style.VAlignMiddle}}}, Options{Root: root})
	l := p.Layout(100)
	xh := testFS.faces[0].Metrics(16).XHeight
	if mid := l.Boxes[0].Y + 5; math.Abs(float64(mid-(l.FirstBaseline-xh/2))) > 0.01 {
		t.Errorf("middle box centre %v, want %v", mid, l.FirstBaseline-xh/2)
	}
	// Boxes wrap like characters.
	p = testFS.NewParagraph([]Run{
		{Text: "中文", Style: root},
		{IsBox: true, Box: InlineBox{Width: 50, Height: 10, Baseline: 10}},
		{Text: "中文", Style: root},
	}, Options{Root: root})
	l = p.Layout(60)
	if len(l.Lines) != 3 || l.Boxes[0].Line != 1 || l.Boxes[0].X != 0 {
		t.Errorf("box wrap: %d lines, box on line %d at %v", len(l.Lines), l.Boxes[0].Line, l.Boxes[0].X)
	}
}
