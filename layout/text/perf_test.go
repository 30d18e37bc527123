package text

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/skyline-go/skyline/style"
)

func TestRelayoutAllocatesNothing(t *testing.T) {
	root := st(16)
	p := testFS.NewParagraph([]Run{
		{Text: "Skyline 渲染引擎的文本布局，", Style: root},
		{IsBox: true, Box: InlineBox{Width: 20, Height: 20, Baseline: 20}},
		{Text: "mixed English and 中文 text that wraps over several lines.", Style: st(20)},
	}, Options{Root: root, Align: style.TextAlignJustify, MaxLines: 3, Overflow: OverflowEllipsis})
	first := p.Layout(120)
	lines := len(first.Lines)
	if n := testing.AllocsPerRun(100, func() { p.Layout(120) }); n != 0 {
		t.Errorf("same width: %v allocs", n)
	}
	// Other widths re-break into the same buffers: no shaping, no allocation.
	widths := []float32{90, 150, 200, 120}
	for _, w := range widths {
		p.Layout(w)
	}
	i := 0
	if n := testing.AllocsPerRun(100, func() {
		p.Layout(widths[i%len(widths)])
		i++
	}); n != 0 {
		t.Errorf("alternating widths: %v allocs", n)
	}
	if n := testing.AllocsPerRun(100, func() {
		p.Measure(Available{Mode: Definite, Width: 150})
		p.Measure(Available{Mode: MinContent})
		p.Measure(Available{Mode: MaxContent})
	}); n != 0 {
		t.Errorf("measure: %v allocs", n)
	}
	// And the result at 120 is what it was (the cache is not stale).
	if l := p.Layout(120); len(l.Lines) != lines {
		t.Errorf("relayout at 120: %d lines, first time %d", len(l.Lines), lines)
	}
}

func TestLayoutIsRepeatable(t *testing.T) {
	p := para(t, "中文 English 混排 text 的段落，测试重复布局的结果一致。", Options{})
	type snap struct {
		lines []string
		h     float32
	}
	take := func(w float32) snap {
		l := p.Layout(w)
		return snap{lineTexts(p, l), l.Height}
	}
	a := take(100)
	take(60)
	take(1000)
	b := take(100)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("layout at 100 changed after other widths: %v vs %v", a, b)
	}
}

// mixedParagraphs makes n deterministic mixed CJK/Latin paragraphs.
func mixedParagraphs(n int) []string {
	words := []string{"Skyline", "渲染", "引擎", "the", "layout", "文本", "布局", "，", "。", "performance", "测试", "WeChat", "小程序", "2024", "font", "中文", "排版", "quick", "brown", "fox"}
	rng := rand.New(rand.NewSource(1))
	out := make([]string, n)
	for i := range out {
		var b []byte
		for k := 0; k < 20+rng.Intn(40); k++ {
			w := words[rng.Intn(len(words))]
			if w[0] < 0x80 && len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, w...)
		}
		out[i] = string(b)
	}
	return out
}

// BenchmarkShape1000 is NewParagraph (segmentation, font fallback, shaping)
// for 1,000 mixed paragraphs with a cold shaping cache.
func BenchmarkShape1000(b *testing.B) {
	texts := mixedParagraphs(1000)
	fs := NewFontSet()
	root := st(16)
	b.ReportAllocs()
	for b.Loop() {
		clear(fs.shapes)
		for _, s := range texts {
			fs.NewParagraph([]Run{{Text: s, Style: root}}, Options{Root: root})
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/paragraph")
}

// BenchmarkWrap1000 re-breaks and positions 1,000 shaped paragraphs at a new
// width each time (alternating, so the same-width cache never answers).
func BenchmarkWrap1000(b *testing.B) {
	texts := mixedParagraphs(1000)
	root := st(16)
	ps := make([]*Paragraph, len(texts))
	for i, s := range texts {
		ps[i] = testFS.NewParagraph([]Run{{Text: s, Style: root}}, Options{Root: root})
	}
	widths := [2]float32{300, 343}
	k := 0
	b.ReportAllocs()
	for b.Loop() {
		w := widths[k&1]
		k++
		for _, p := range ps {
			p.Layout(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/paragraph")
}
