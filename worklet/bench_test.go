package worklet

import (
	"testing"
	"time"

	"github.com/skyline-go/skyline/internal/workletjs"
)

func benchRT(b *testing.B, mappers bool) *Runtime {
	r, _ := newRT(b)
	for id := 1; id <= 100; id++ {
		r.CreateShared(id, 0.0)
		if mappers {
			r.ApplyStyle(id, wk(`() => { 'worklet'; return { transform: 'translateX(' + x.value + 'px)' } }`, map[string]any{"x": sv(id)}), true)
		}
		r.SetShared(id, map[string]any{"__anim": "timing", "to": 100.0, "duration": 1e9,
			"easing": &workletjs.Ref{Kind: workletjs.Easing, Easing: []any{"inOut", []any{"quad"}}}})
	}
	return r
}

// BenchmarkFrame100 steps 100 running timings (no updater): 0 allocations.
func BenchmarkFrame100(b *testing.B) {
	r := benchRT(b, false)
	now := time.Duration(0)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		now += 16 * ms
		r.Frame(now)
	}
}

// BenchmarkFrame100Mappers adds 100 style updaters re-run every frame
// (the engine's part not included).
func BenchmarkFrame100Mappers(b *testing.B) {
	r := benchRT(b, true)
	now := time.Duration(0)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		now += 16 * ms
		r.Frame(now)
	}
}
