package motion

import (
	"testing"
	"time"

	"github.com/skyline-go/skyline/style"
)

// BenchmarkTransformTransitions100 is a frame in which 100 nodes' transform
// and opacity transition: the sampling cost per frame, for the issue's
// "100 animated nodes" budget.
func BenchmarkTransformTransitions100(b *testing.B) {
	from, _ := style.ComputeInline("transform: translateX(0px) rotate(0deg); opacity: 0; transition: all 10s", nil, nil)
	to, _ := style.ComputeInline("transform: translateX(100px) rotate(90deg); opacity: 1; transition: all 10s", nil, nil)
	nodes := make([]Node, 100)
	for i := range nodes {
		nodes[i].Restyle(&from, &to, nil, 0)
	}
	dst := make([]style.Computed, len(nodes))
	now := time.Duration(0)
	b.ReportAllocs()
	for b.Loop() {
		now += time.Millisecond
		for i := range nodes {
			dst[i] = to
			nodes[i].Sample(now, &dst[i])
		}
	}
}

func BenchmarkSpringStep(b *testing.B) {
	a := Repeat(Spring(100, DefaultSpring, nil), 0, true, nil)
	a.Start(0, 0, 0)
	now := time.Duration(0)
	b.ReportAllocs()
	for b.Loop() {
		now += 16 * time.Millisecond
		a.Step(now)
	}
}

func BenchmarkCubicBezier(b *testing.B) {
	f := Ease
	x := 0.0
	for b.Loop() {
		x += 0.001
		if x > 1 {
			x = 0
		}
		f.At(x)
	}
}
