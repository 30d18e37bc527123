package motion

import (
	"math"
	"testing"

	"github.com/skyline-go/skyline/style"
)

// Browser outputs: Chromium's gfx::CubicBezier for the keyword curves
// (the well-known ease(0.5) = 0.8024033877399112), the step tables of CSS
// Easing 1 §2.3 (examples in its figures) and CSS Easing 2's linear()
// examples.
func TestTimingFunctions(t *testing.T) {
	cases := []struct {
		name string
		f    TimingFunction
		x    float64
		want float64
		tol  float64
	}{
		{"ease 0", Ease, 0, 0, 0},
		{"ease 0.25", Ease, 0.25, 0.40851059137130497, 1e-6},
		{"ease 0.5", Ease, 0.5, 0.8024033877399112, 1e-6},
		{"ease 0.75", Ease, 0.75, 0.9604589783, 1e-6},
		{"ease 1", Ease, 1, 1, 0},
		{"ease-in 0.5", EaseIn, 0.5, 0.3153568, 1e-6},
		{"ease-out 0.5", EaseOut, 0.5, 0.6846432, 1e-6},
		{"ease-in-out 0.5", EaseInOut, 0.5, 0.5, 1e-9},
		{"ease-in-out 0.25", EaseInOut, 0.25, 0.12916193, 1e-6},
		{"linear 0.3", Linear, 0.3, 0.3, 0},
		{"overshoot", CubicBezier(0.5, -0.5, 0.5, 1.5), 0.5, 0.5, 1e-9},
		{"extrapolate before", CubicBezier(0.5, 1, 0.5, 1), -0.5, -1, 1e-12},
		{"extrapolate after", EaseIn, 1.5, 1 + 0.5/0.58, 1e-12},
		{"steps(4) 0", Steps(4, JumpEnd), 0, 0, 0},
		{"steps(4) 0.24", Steps(4, JumpEnd), 0.24, 0, 0},
		{"steps(4) 0.25", Steps(4, JumpEnd), 0.25, 0.25, 0},
		{"steps(4) 0.6", Steps(4, JumpEnd), 0.6, 0.5, 0},
		{"steps(4) 1", Steps(4, JumpEnd), 1, 1, 0},
		{"steps(4,start) 0", Steps(4, JumpStart), 0, 0.25, 0},
		{"steps(4,start) 0.6", Steps(4, JumpStart), 0.6, 0.75, 0},
		{"steps(4,start) 1", Steps(4, JumpStart), 1, 1, 0},
		{"steps(4,jump-none) 0.3", Steps(4, JumpNone), 0.3, 1.0 / 3, 1e-12},
		{"steps(4,jump-none) 0.99", Steps(4, JumpNone), 0.99, 1, 0},
		{"steps(4,jump-both) 0", Steps(4, JumpBoth), 0, 0.2, 1e-12},
		{"steps(4,jump-both) 0.8", Steps(4, JumpBoth), 0.8, 0.8, 1e-12},
		{"steps(4,jump-both) 1", Steps(4, JumpBoth), 1, 1, 0},
		{"linear(0, 0.25 75%, 1) 0.5", NewLinearStops([]float64{0, 0.25, 1}, []float64{nan, 0.75, nan}), 0.5, 0.5 / 0.75 * 0.25, 1e-12},
		{"linear(0, 0.25 75%, 1) 0.875", NewLinearStops([]float64{0, 0.25, 1}, []float64{nan, 0.75, nan}), 0.875, 0.625, 1e-12},
		{"linear(0, 0.5, 1) spread", NewLinearStops([]float64{0, 0.9, 1}, nil), 0.25, 0.45, 1e-12},
		{"linear extrapolates", NewLinearStops([]float64{0, 1}, nil), 1.5, 1.5, 1e-12},
	}
	for _, c := range cases {
		if got := c.f.At(c.x); math.Abs(got-c.want) > c.tol {
			t.Errorf("%s: got %.10f, want %.10f", c.name, got, c.want)
		}
	}
}

var nan = math.NaN()

// TestBezierAgainstBisection checks the Newton path against a slow,
// independent solve of the same curve over a grid.
func TestBezierAgainstBisection(t *testing.T) {
	curves := [][4]float64{{0.25, 0.1, 0.25, 1}, {0.42, 0, 1, 1}, {0, 0, 0.58, 1}, {0.68, -0.55, 0.265, 1.55}, {1, 0, 0, 1}, {0, 1, 1, 0}}
	for _, c := range curves {
		f := CubicBezier(c[0], c[1], c[2], c[3])
		for i := 0; i <= 100; i++ {
			x := float64(i) / 100
			want := slowBezier(c, x)
			if got := f.At(x); math.Abs(got-want) > 1e-5 {
				t.Errorf("cubic-bezier%v at %v: %v, want %v", c, x, got, want)
			}
		}
	}
}

func slowBezier(c [4]float64, x float64) float64 {
	b := func(p1, p2, t float64) float64 { u := 1 - t; return 3*u*u*t*p1 + 3*u*t*t*p2 + t*t*t }
	lo, hi := 0.0, 1.0
	for range 200 {
		m := (lo + hi) / 2
		if b(c[0], c[2], m) < x {
			lo = m
		} else {
			hi = m
		}
	}
	return b(c[1], c[3], (lo+hi)/2)
}

func TestStepsBeforeFlag(t *testing.T) {
	f := Steps(1, JumpStart)
	if got := f.at(0, true); got != 0 {
		t.Errorf("step-start at 0 in the before phase: %v, want 0", got)
	}
	if got := f.at(0, false); got != 1 {
		t.Errorf("step-start at 0: %v, want 1", got)
	}
}

func TestFromStyle(t *testing.T) {
	if f := FromStyle(style.Timing{Steps: 3, StepStart: true}); f.Kind != TimingSteps || f.Steps != 3 || f.Jump != JumpStart {
		t.Errorf("steps(3, start) became %+v", f)
	}
	if f := FromStyle(style.Timing{X1: 0.25, Y1: 0.1, X2: 0.25, Y2: 1}); math.Abs(f.At(0.5)-0.8024033877399112) > 1e-6 {
		t.Errorf("style ease at 0.5: %v", f.At(0.5))
	}
}

func TestTimingAllocs(t *testing.T) {
	fs := []TimingFunction{Ease, Steps(3, JumpBoth), NewLinearStops([]float64{0, 0.3, 1}, nil)}
	var s float64
	if n := testing.AllocsPerRun(100, func() {
		for i := range fs {
			s += fs[i].At(0.37)
		}
	}); n != 0 {
		t.Fatalf("At allocates %v", n)
	}
	_ = s
}
