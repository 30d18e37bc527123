package app

import (
	"image"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/logic"
)

// A page of 100 dots, each one's transform bound by applyAnimatedStyle to
// its own shared value, all moved by long timings (steady state: every
// frame steps 100 animations and re-runs 100 updaters).
func openDots(b *testing.B) *App {
	dir := b.TempDir()
	files := map[string]string{
		"index.wxml": `<view class="dot" wx:for="{{list}}" wx:key="*this" id="d{{item}}"></view>`,
		"index.wxss": `.dot { width: 10px; height: 10px; margin: 1px; background-color: #07c160; }`,
		"index.js": `const { shared, timing, Easing } = wx.worklet
const list = Array.from({ length: 100 }, (_, i) => i)
Page({
  data: { list },
  onReady() {
    this.xs = list.map(() => shared(0))
    for (const i of list) {
      const x = this.xs[i]
      this.applyAnimatedStyle('#d' + i, () => {
        'worklet'
        return { transform: 'translateX(' + x.value + 'px) rotate(' + (x.value / 10) + 'deg)' }
      })
      x.value = timing(300, { duration: 1e9, easing: Easing.inOut(Easing.quad) })
    }
  },
})`,
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	a, err := Open(filepath.Join(dir, "index"), Options{Viewport: engine.Viewport{Width: 375, Height: 667, DPR: 2}, Clock: &logic.ManualClock{}})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(a.Close)
	for _, d := range a.Diagnostics() {
		b.Fatalf("diagnostic: %v", d)
	}
	if len(a.styles) != 100 {
		b.Fatalf("%d animated styles bound, want 100", len(a.styles))
	}
	return a
}

// BenchmarkWorkletFrame100 is one frame of the UI runtime (100 timings
// stepped, 100 updaters re-run, their styles set on the nodes) and the
// engine's update after it (no restyle, no relayout: transforms change in
// place).
func BenchmarkWorkletFrame100(b *testing.B) {
	a := openDots(b)
	now := a.clock.Now()
	in0 := a.page.AnimatedInPlace()
	frame := func() {
		now += 16 * time.Millisecond
		a.ui.Frame(now)
		a.page.Update()
	}
	frame()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		frame()
	}
	b.StopTimer()
	if got := a.page.AnimatedInPlace() - in0; got < 100*b.N {
		b.Fatalf("%d of %d style changes applied in place", got, 100*(b.N+1))
	}
}

// BenchmarkWorkletFrame100Render adds painting the frame.
func BenchmarkWorkletFrame100Render(b *testing.B) {
	a := openDots(b)
	w, h := a.page.RenderSize(false)
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	now := a.clock.Now()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		now += 16 * time.Millisecond
		a.ui.Frame(now)
		a.page.Render(dst)
	}
}

// BenchmarkSharedWriteToPixels is the round trip of one shared-value write
// on the UI runtime to a rendered frame: the updater re-runs, the node's
// transform changes in place, the page repaints.
func BenchmarkSharedWriteToPixels(b *testing.B) {
	a := openDots(b)
	w, h := a.page.RenderSize(false)
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for id := 1; id <= 100; id++ {
		a.ui.Cancel(id)
	}
	a.page.Render(dst)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		a.ui.SetShared(1, float64(i%50))
		a.page.Render(dst)
	}
}
