package text

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/style"
)

// widthOf is the unwrapped width of s in the default 16px style, so English
// expectations follow the font instead of hard-coded numbers.
func widthOf(t *testing.T, s string) float32 {
	return para(t, s, Options{}).MaxContentWidth()
}

func TestWrapLines(t *testing.T) {
	// Droid Sans Fallback Hanzi and fullwidth punctuation are 1em wide: 16px.
	tests := []struct {
		name  string
		text  string
		width float32
		want  []string
	}{
		{"cjk three per line", "中文测试中文测试", 50, []string{"中文测", "试中文", "测试"}},
		{"cjk exact fit", "中文测试", 64, []string{"中文测试"}},
		{"comma never starts a line", "一二三四，五六", 64, []string{"一二三", "四，五六"}},
		{"full stop never starts a line", "一二三。四五", 48, []string{"一二", "三。四", "五"}},
		{"closing bracket stays", "一二（三四）五", 80, []string{"一二（三", "四）五"}},
		{"opening bracket never ends a line", "一二三（四五）", 64, []string{"一二三", "（四五）"}},
		{"corner brackets", "他说「你好」了", 64, []string{"他说「你", "好」了"}},
		{"corner bracket moves with its hanzi", "他说「你好」了", 56, []string{"他说", "「你", "好」了"}},
		// UAX #14 alone glues QU quotes to both neighbours; LB19a (Unicode
		// 15.1, Chromium's ICU) lets “ start a line after a Hanzi.
		{"quote may start a line after hanzi", "他说“你好”吗", 50, []string{"他说", "“你好”", "吗"}},
		{"latin word is unbreakable", "中文abcdefgh中文", 40, []string{"中文", "abcdefgh", "中文"}},
		{"empty", "", 100, nil},
		{"only spaces", "   \n\t ", 100, nil},
		{"spaces collapse", "  中  文  ", 100, []string{"中 文"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := para(t, tc.text, Options{})
			got := lineTexts(p, p.Layout(tc.width))
			if !slices.Equal(got, tc.want) {
				t.Errorf("lines at %v = %q, want %q", tc.width, got, tc.want)
			}
		})
	}
}

func TestWrapEnglish(t *testing.T) {
	text := "The quick brown fox jumps over the lazy dog"
	tests := []struct {
		first string // the first line must be exactly this at its own width
		want  []string
	}{
		{"The quick brown", []string{"The quick brown", "fox jumps over", "the lazy dog"}},
		{"The quick", nil},
		{text, []string{text}},
	}
	for _, tc := range tests {
		w := widthOf(t, tc.first)
		p := para(t, text, Options{})
		l := p.Layout(w)
		if got := lineTexts(p, l); got[0] != tc.first || tc.want != nil && !slices.Equal(got, tc.want) {
			t.Errorf("at %v: %q, want %q", w, got, tc.want)
		}
		for i, ln := range l.Lines {
			if ln.Width > w+wrapEpsilon {
				t.Errorf("line %d width %v > %v", i, ln.Width, w)
			}
		}
		// One px less must push the last word of the first line down.
		l = p.Layout(w - 1)
		if got := lineTexts(p, l); got[0] == tc.first {
			t.Errorf("at %v the first line still is %q", w-1, got[0])
		}
	}
}

func TestWrapMixed(t *testing.T) {
	text := "使用Skyline渲染引擎，性能提升约30%。Hello, 世界！"
	for _, w := range []float32{40, 60, 75, 100, 130, 170, 200, 260, 400} {
		p := para(t, text, Options{})
		l := p.Layout(w)
		lines := lineTexts(p, l)
		if strings.Join(lines, "") != strings.ReplaceAll(text, " ", "") &&
			strings.Join(lines, " ") != text && len(lines) > 0 {
			// Joining must give the text back minus the spaces at breaks.
			joined := strings.Join(lines, "")
			if strings.ReplaceAll(joined, " ", "") != strings.ReplaceAll(text, " ", "") {
				t.Errorf("at %v lines %q lose text", w, lines)
			}
		}
		for i, s := range lines {
			r := []rune(s)
			if strings.ContainsRune("，。、）」！？%", r[0]) {
				t.Errorf("at %v line %d starts with %q: %q", w, i, r[0], lines)
			}
			if strings.ContainsRune("（「", r[len(r)-1]) {
				t.Errorf("at %v line %d ends with %q", w, i, r[len(r)-1])
			}
			if l.Lines[i].Width > w+wrapEpsilon && len(strings.Fields(s)) > 1 {
				t.Errorf("at %v line %q is %v wide", w, s, l.Lines[i].Width)
			}
		}
	}
	// Latin and Han may break against each other (UAX #14 AL ÷ ID).
	p := para(t, text, Options{})
	got := lineTexts(p, p.Layout(48))
	if got[0] != "使用" || got[1] != "Skyline" {
		t.Errorf("at 48: %q", got)
	}
}

func TestNoWrap(t *testing.T) {
	text := "The quick brown fox 中文中文中文"
	p := para(t, text, Options{WhiteSpace: style.WhiteSpaceNoWrap})
	l := p.Layout(50)
	if len(l.Lines) != 1 || lineTexts(p, l)[0] != text {
		t.Fatalf("nowrap gave %q", lineTexts(p, l))
	}
	if l.Width != p.MaxContentWidth() || p.MinContentWidth() != p.MaxContentWidth() {
		t.Errorf("nowrap width %v, min %v, max %v", l.Width, p.MinContentWidth(), p.MaxContentWidth())
	}
}

func TestBreakAll(t *testing.T) {
	text := "Supercalifragilistic word"
	normal := para(t, text, Options{})
	all := para(t, text, Options{WordBreak: style.WordBreakBreakAll})
	w := widthOf(t, "Supercal")
	if got := lineTexts(normal, normal.Layout(w)); got[0] != "Supercalifragilistic" {
		t.Errorf("normal: long word should overflow whole, got %q", got)
	}
	l := all.Layout(w)
	got := lineTexts(all, l)
	if got[0] != "Supercal" || strings.Join(got, "") != "Supercalifragilisticword" && strings.Join(got, "") != "Supercalifragilistic word" {
		t.Errorf("break-all: %q", got)
	}
	for i, ln := range l.Lines {
		if ln.Width > w+wrapEpsilon {
			t.Errorf("break-all line %d (%q) %v wide > %v", i, got[i], ln.Width, w)
		}
	}
	if all.MinContentWidth() >= normal.MinContentWidth() {
		t.Errorf("break-all min-content %v should be below normal's %v", all.MinContentWidth(), normal.MinContentWidth())
	}
	// Punctuation rules still hold under break-all.
	cjk := para(t, "一二三四，五六", Options{WordBreak: style.WordBreakBreakAll})
	for _, s := range lineTexts(cjk, cjk.Layout(64)) {
		if strings.HasPrefix(s, "，") {
			t.Errorf("break-all line starts with a comma: %q", s)
		}
	}
}

func TestBreakLongWords(t *testing.T) {
	p := para(t, "Supercalifragilistic", Options{BreakLongWords: true})
	w := widthOf(t, "Super")
	l := p.Layout(w)
	if len(l.Lines) < 3 {
		t.Fatalf("lines %q", lineTexts(p, l))
	}
	for _, ln := range l.Lines {
		if ln.Width > w+wrapEpsilon {
			t.Errorf("line %v wide > %v", ln.Width, w)
		}
	}
	// Narrower than one letter: one grapheme per line, no empty lines.
	l = p.Layout(1)
	if len(l.Lines) != len("Supercalifragilistic") {
		t.Errorf("at 1px got %d lines", len(l.Lines))
	}
}

func TestIntrinsicWidths(t *testing.T) {
	p := para(t, "The quick brown fox 中文", Options{})
	var widest float32
	for _, w := range []string{"The", "quick", "brown", "fox", "中文"} {
		widest = max(widest, widthOf(t, w))
	}
	if got := p.MinContentWidth(); math.Abs(float64(got-widest)) > 0.01 {
		t.Errorf("min-content %v, want the widest word %v", got, widest)
	}
	l := p.Layout(float32(math.Inf(1)))
	if len(l.Lines) != 1 || l.Width != p.MaxContentWidth() {
		t.Errorf("unbounded layout: %d lines, width %v, max-content %v", len(l.Lines), l.Width, p.MaxContentWidth())
	}
	l = p.Layout(p.MinContentWidth())
	if l.Width > p.MinContentWidth()+wrapEpsilon {
		t.Errorf("layout at min-content is %v wide > %v", l.Width, p.MinContentWidth())
	}
	ms := p.Measure(Available{Mode: MinContent})
	mx := p.Measure(Available{Mode: MaxContent})
	if ms.Width != p.MinContentWidth() || mx.Width != p.MaxContentWidth() || ms.Height <= mx.Height {
		t.Errorf("measure min %+v max %+v", ms, mx)
	}
	if d := p.Measure(Available{Mode: Definite, Width: 100}); d.Width > 100 || d.FirstBaseline != 15 {
		t.Errorf("measure at 100: %+v", d)
	}
}
