package engine

import (
	"image"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/skyline-go/skyline/scroll"
)

// flingFrames runs b.N frames of a fling at 750×1334 (375×667 @2) through
// a builder of n items: Advance one 60 Hz step, render. A fling that stops
// is restarted the other way. Per-frame durations give p50 / p99.
func flingFrames(b *testing.B, n int) {
	p, _, _ := loadBuilder(b, n)
	flingPage(b, p, n, false)
}

// flingPage runs the fling frames on a loaded builder page (#list) of n
// items; direct paints the units without layers.
func flingPage(b *testing.B, p *Page, n int, direct bool) {
	var sv *Node
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2})
	p.Update()
	sv = findID(p.Root(), "list")
	p.pipe.lt.sc.noLayers = direct
	img := image.NewRGBA(image.Rect(0, 0, 750, 1334))
	p.ScrollTo(sv, 1e9, false)
	p.ScrollTo(sv, 0, false) // estimates settle
	p.ScrollIntoIndexForBench(sv, n/2)
	v := 3000.0
	p.Fling(sv, v)
	// Warm up: pools fill, glyphs are cached.
	for range 300 {
		if !p.Advance(1.0 / 60) {
			v = -v
			p.Fling(sv, v)
		}
		p.Render(img)
	}
	p.DrainHandlerCalls()
	durs := make([]time.Duration, 0, 1<<16) // b.N is not known before b.Loop
	b.ReportAllocs()
	// b.Loop: the set-up above (a 1M-item list scrolled to its end and
	// back, 300 warm-up frames) runs once, not again for each b.N.
	for b.Loop() {
		t0 := time.Now()
		if !p.Advance(1.0 / 60) {
			v = -v
			p.Fling(sv, v)
		}
		p.Render(img)
		durs = append(durs, time.Since(t0))
		if len(p.ev.calls) > 4096 {
			p.DrainHandlerCalls()
		}
	}
	slices.Sort(durs)
	b.ReportMetric(float64(durs[len(durs)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(durs[len(durs)*99/100].Microseconds())/1000, "p99-ms")
}

// ScrollIntoIndexForBench starts the benchmark deep in the list.
func (p *Page) ScrollIntoIndexForBench(sv *Node, i int) {
	p.Update()
	s := rtOf(sv).scroll
	if off, ok := s.vp.ScrollIntoView(0, i, scroll.IntoView{}); ok {
		s.moveTo(off, false)
		s.sync()
	}
}

func BenchmarkScrollFling(b *testing.B) {
	b.Run("1k", func(b *testing.B) { flingFrames(b, 1000) })
	b.Run("1M", func(b *testing.B) { flingFrames(b, 1_000_000) })
}

// cardsPageWXML: a builder of cards that are costly to paint (rounded
// corners, a box-shadow, a gradient badge, three lines of text): what
// per-unit layers save when a frame only moves them.
const cardsPageWXML = `<scroll-view id="list" class="list" scroll-y type="custom" cache-extent="150">
  <list-builder id="b" list="{{items}}" type="static" child-height="132">
    <view slot:item="h" slot:index="i" class="card">
      <view class="badge">{{i % 100}}</view>
      <view class="body"><text class="title">Item number {{i}} with a longer title</text>
      <text class="sub">Secondary line of text · {{h}} reviews · free delivery</text>
      <text class="price">¥{{i % 1000}}.00</text></view>
    </view>
  </list-builder>
</scroll-view>`

const cardsPageWXSS = `page { background-color: #eef0f3; }
.list { flex-grow: 1; flex-basis: 0; }
.card { height: 116px; margin: 8px 12px; padding: 12px; flex-direction: row; border-radius: 12px;
  background-color: #ffffff; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.18); }
.badge { width: 64px; height: 64px; border-radius: 32px; background-image: linear-gradient(135deg, #ff8a00, #e52e71);
  color: #fff; justify-content: center; align-items: center; font-weight: bold; }
.body { flex-grow: 1; margin-left: 12px; }
.title { font-size: 17px; font-weight: bold; }
.sub { font-size: 13px; color: #888; margin-top: 4px; }
.price { font-size: 15px; color: #e52e71; margin-top: 8px; }`

// BenchmarkScrollFlingCards: fling frames through 1k cards at 750×1334,
// composed from per-unit layers vs painted directly every frame.
func BenchmarkScrollFlingCards(b *testing.B) {
	for _, direct := range []bool{false, true} {
		b.Run(map[bool]string{false: "layers", true: "direct"}[direct], func(b *testing.B) {
			p, err := loadWXML(b, cardsPageWXML, "", map[string]string{"index.wxss": cardsPageWXSS})
			if err != nil {
				b.Fatal(err)
			}
			items := make([]any, 1000)
			for i := range items {
				items[i] = varHeight(i)
			}
			if err := p.SetData(map[string]any{"items": items}); err != nil {
				b.Fatal(err)
			}
			flingPage(b, p, 1000, direct)
		})
	}
}

// BenchmarkScrollHeap reports the live heap after scrolling through a
// builder of 1k and of 1M items, without the data array itself.
func BenchmarkScrollHeap(b *testing.B) {
	for _, n := range []int{1000, 1_000_000} {
		b.Run(map[int]string{1000: "1k", 1_000_000: "1M"}[n], func(b *testing.B) {
			var base runtime.MemStats
			for range b.N {
				runtime.GC()
				runtime.ReadMemStats(&base)
				items := make([]any, n)
				for i := range items {
					items[i] = varHeight(i)
				}
				runtime.GC()
				var withData runtime.MemStats
				runtime.ReadMemStats(&withData)
				p, sv, _ := loadBuilder(b, n)
				img := image.NewRGBA(image.Rect(0, 0, 375, 667))
				p.Fling(sv, 3000)
				for p.Advance(1.0 / 60) {
					p.Render(img)
				}
				runtime.GC()
				var after runtime.MemStats
				runtime.ReadMemStats(&after)
				dataSize := int64(withData.HeapAlloc) - int64(base.HeapAlloc)
				b.ReportMetric(float64(int64(after.HeapAlloc)-int64(withData.HeapAlloc)-dataSize)/1e6, "MB-heap-minus-data")
				runtime.KeepAlive(p)
				runtime.KeepAlive(items)
			}
		})
	}
}

// BenchmarkScrollFeedFirstFrame: load the 1,000-row scroll-view type="list"
// page and render its first frame at 750×1334.
func BenchmarkScrollFeedFirstFrame(b *testing.B) {
	img := image.NewRGBA(image.Rect(0, 0, 750, 1334))
	for range b.N {
		p, err := Load(filepath.Join("..", "testdata", "pages", "scroll-feed"), LoadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2})
		p.Render(img)
	}
}

// BenchmarkScrollSetDataVisible: one setData of a visible builder item's
// value (its height and text change) to a frame ready at 750×1334.
func BenchmarkScrollSetDataVisible(b *testing.B) {
	p, _, _ := loadBuilder(b, 1000)
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2})
	img := image.NewRGBA(image.Rect(0, 0, 750, 1334))
	p.Render(img)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if err := p.SetData(map[string]any{"items[3]": float64(i % 50)}); err != nil {
			b.Fatal(err)
		}
		p.Render(img)
	}
}
