package engine

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// feedWXSS has 60 rules of the shapes real feeds use: classes, compounds,
// descendant and child selectors, structural pseudo-classes, dark mode.
var feedWXSS = func() string {
	var b strings.Builder
	b.WriteString(`page { background-color: #f5f5f5; --accent: #07c160; }
.feed { height: 100vh; padding: 0 24rpx; }
.row { flex-direction: row; padding: 24rpx; margin-bottom: 16rpx; background-color: #fff; border-radius: 12rpx; }
.row.read .title { color: #999; }
.row:first-child { margin-top: 16rpx; }
.row:nth-child(2n) { background-color: #fcfcfc; }
.feed > .row { box-shadow: 0 1px 2px rgba(0,0,0,.05); }
.avatar { width: 96rpx; height: 96rpx; border-radius: 48rpx; }
.body { flex: 1; margin-left: 20rpx; }
.body .title { font-size: 16px; font-weight: bold; color: #222; }
.body > .sub { font-size: 12px; color: #888; margin-top: 8rpx; }
.hot { font-size: 10px; color: var(--accent); border: 1px solid var(--accent); padding: 0 6px; }
.title + .sub { line-height: 1.4; }
@media (prefers-color-scheme: dark) { .row { background-color: #1c1c1c; } .body .title { color: #eee; } }
`)
	for i := 0; b.Len() < 1<<16 && i < 46; i++ {
		fmt.Fprintf(&b, ".theme-%d .row .title { color: #%06x; }\n", i, i*4099)
	}
	return b.String()
}()

func loadFeed(tb testing.TB, rows int) *Page {
	tb.Helper()
	dir := writePackage(tb, map[string]string{"index.wxml": feedWXML, "index.wxss": feedWXSS})
	p, err := Load(filepath.Join(dir, "index"), LoadOptions{Data: feedData(rows)})
	if err != nil {
		tb.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2})
	return p
}

func TestFeedSheetShape(t *testing.T) {
	p := loadFeed(t, 10)
	p.Update()
	if n := len(p.pipe.sheets[len(p.pipe.sheets)-1].Rules); n < 60 {
		t.Errorf("feed sheet has %d rules, want ≥ 60", n)
	}
	for _, d := range p.Diagnostics() {
		t.Errorf("unexpected diagnostic: %v", d)
	}
}

// BenchmarkFullStyleFeed1000 styles the ~8,000 elements of a 1,000-row feed
// from scratch (the first frame's restyle). ns/node is the figure the issue
// targets (≤ 1 µs).
func BenchmarkFullStyleFeed1000(b *testing.B) {
	p := loadFeed(b, 1000)
	p.Update()
	nodes := 0
	p.Root().Walk(func(n *Node) bool {
		if n.Kind == ElementNode {
			nodes++
		}
		return true
	})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		p.pipe.styled = false
		p.restyle()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(nodes), "ns/node")
}

// BenchmarkClassFlipFeed1000 flips a class on row 500 through setData and
// runs restyle (issue target ≤ 50 µs).
func BenchmarkClassFlipFeed1000(b *testing.B) {
	p := loadFeed(b, 1000)
	p.Update()
	on := false
	b.ReportAllocs()
	for b.Loop() {
		on = !on
		if err := p.SetData(map[string]any{"list[500].read": on}); err != nil {
			b.Fatal(err)
		}
		p.restyle()
		p.pipe.restyled = p.pipe.restyled[:0]
		p.ClearDirty()
	}
}

// BenchmarkPatchToLayoutFeed1000 is one setData of a visible row's title
// through restyle and relayout (the frame before paint).
func BenchmarkPatchToLayoutFeed1000(b *testing.B) {
	p := loadFeed(b, 1000)
	p.Update()
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		i++
		if err := p.SetData(map[string]any{"list[5].title": fmt.Sprintf("title %d", i&7)}); err != nil {
			b.Fatal(err)
		}
		p.Update()
	}
}

// BenchmarkFirstFrameLayoutFeed1000 is load + style + layout of the feed.
func BenchmarkFirstFrameLayoutFeed1000(b *testing.B) {
	dir := writePackage(b, map[string]string{"index.wxml": feedWXML, "index.wxss": feedWXSS})
	data := feedData(1000)
	b.ReportAllocs()
	for b.Loop() {
		p, err := Load(filepath.Join(dir, "index"), LoadOptions{Data: data})
		if err != nil {
			b.Fatal(err)
		}
		p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2})
		p.Update()
	}
}
