package scroll

import (
	"runtime"
	"testing"
)

// BenchmarkFlingFrame is one frame of a 3,000 px/s fling through the
// 1,000,000-item variable-height list: physics step, viewport layout
// (builds and disposals through the pool), placement. Flings alternate
// direction so the benchmark never reaches an edge.
func BenchmarkFlingFrame(b *testing.B) {
	_, _, d := newMillion(b)
	off, _ := d.vp.ScrollIntoView(0, 500_000, IntoView{})
	d.s.JumpTo(off)
	d.layout()
	v := 3000.0
	d.s.Fling(v)
	for range 300 {
		if d.s.Phase() == Idle {
			v = -v
			d.s.Fling(v)
		}
		d.frame(1.0 / 60)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if d.s.Phase() == Idle {
			v = -v
			d.s.Fling(v)
		}
		d.frame(1.0 / 60)
	}
}

// BenchmarkHeapAfterScroll scrolls the 1,000,000-item list frame by frame
// (1,000 px per frame) through 1k and through all 1M items and reports the
// live heap afterwards. The per-item state is the extent array (4 MB, like
// the data array) plus the fake host's per-index table (4 MB); everything
// else is bounded by the cache area, so the two should match.
func BenchmarkHeapAfterScroll(b *testing.B) {
	for _, bc := range []struct {
		name  string
		items int
	}{{"1k", 1000}, {"1M", million}} {
		b.Run(bc.name, func(b *testing.B) {
			var heap float64
			for range b.N {
				h, l, d := newMillion(b)
				for d.s.Offset < d.vp.MaxScrollExtent() {
					first := -1
					for _, p := range d.vp.Frame.Placements {
						if p.Visible {
							first = p.Index
							break
						}
					}
					if first >= bc.items-1 {
						break
					}
					d.s.Offset += 1000
					d.layout()
				}
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				heap = float64(ms.HeapAlloc) / (1 << 20)
				runtime.KeepAlive(h)
				runtime.KeepAlive(l)
			}
			b.ReportMetric(heap, "heap-MB")
		})
	}
}
