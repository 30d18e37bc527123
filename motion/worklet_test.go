package motion

import (
	"math"
	"testing"
	"time"
)

func at(ms float64) time.Duration { return time.Duration(ms * float64(time.Millisecond)) }

// The must-show: timing with Easing.bezier(0.25, 0.1, 0.25, 1)
// hits the curve at 0, 25, 50, 75 and 100% within 0.5 px.
func TestWorkletTimingBezier(t *testing.T) {
	a := Timing(100, TimingConfig{Duration: 1000, Easing: EasingBezier(0.25, 0.1, 0.25, 1)}, nil)
	a.Start(0, 0, 0)
	for _, c := range []struct{ t, want float64 }{{0, 0}, {250, 40.851}, {500, 80.240}, {750, 96.046}, {1000, 100}} {
		v, done := a.Step(at(c.t))
		if math.Abs(v-c.want) > 0.5 || done != (c.t == 1000) {
			t.Errorf("at %vms: %v done=%v, want %v", c.t, v, done, c.want)
		}
	}
	// Defaults: 300 ms of inOut(quad).
	d := Timing(10, DefaultTiming, nil)
	d.Start(0, 0, 0)
	if v, _ := d.Step(at(75)); math.Abs(v-1.25) > 1e-9 {
		t.Errorf("default timing at 25%%: %v, want 1.25", v)
	}
	if _, done := d.Step(at(300)); !done {
		t.Error("default timing not done at 300ms")
	}
}

// springRef integrates m·y″ + c·y′ + k·y = 0 with RK4 in 0.05 ms steps: an
// independent reference for the closed form.
func springRef(y, v, t, m, c, k float64) float64 {
	const h = 0.00005
	acc := func(y, v float64) float64 { return -(c*v + k*y) / m }
	for s := 0.0; s < t-h/2; s += h {
		k1y, k1v := v, acc(y, v)
		k2y, k2v := v+h/2*k1v, acc(y+h/2*k1y, v+h/2*k1v)
		k3y, k3v := v+h/2*k2v, acc(y+h/2*k2y, v+h/2*k2v)
		k4y, k4v := v+h*k3v, acc(y+h*k3y, v+h*k3v)
		y += h / 6 * (k1y + 2*k2y + 2*k3y + k4y)
		v += h / 6 * (k1v + 2*k2v + 2*k3v + k4v)
	}
	return y
}

func TestWorkletSpring(t *testing.T) {
	for _, c := range []struct {
		name string
		cfg  SpringConfig
	}{
		{"default (under-damped)", DefaultSpring},
		{"critical", SpringConfig{Damping: 20, Mass: 1, Stiffness: 100, RestDisplacementThreshold: 0.01, RestSpeedThreshold: 2}},
		{"over-damped", SpringConfig{Damping: 40, Mass: 2, Stiffness: 100, RestDisplacementThreshold: 0.01, RestSpeedThreshold: 2, Velocity: 300}},
	} {
		a := Spring(100, c.cfg, nil)
		a.Start(0, 0, 0)
		var v float64
		var done bool
		frame := 1000.0 / 60
		n := 0
		for n = 1; n < 600 && !done; n++ {
			v, done = a.Step(at(float64(n) * frame))
			if n == 30 { // 0.5 s
				want := 100 + springRef(-100, c.cfg.Velocity, 0.5, c.cfg.Mass, c.cfg.Damping, c.cfg.Stiffness)
				if math.Abs(v-want) > 1e-3 {
					t.Errorf("%s at 0.5s: %v, closed form %v", c.name, v, want)
				}
			}
		}
		if !done || v != 100 || a.Velocity() != 0 {
			t.Errorf("%s: settled %v at %v (done %v)", c.name, v, float64(n)*frame, done)
		}
	}
	// Overshoot clamping stops at the first crossing.
	a := Spring(100, SpringConfig{Damping: 10, Mass: 1, Stiffness: 100, OvershootClamping: true, RestDisplacementThreshold: 0.01, RestSpeedThreshold: 2}, nil)
	a.Start(0, 0, 0)
	for n := 1; n < 100; n++ {
		v, done := a.Step(at(float64(n) * 16))
		if v > 100 {
			t.Fatalf("overshot to %v", v)
		}
		if done {
			if v != 100 {
				t.Errorf("clamped spring ended at %v", v)
			}
			return
		}
	}
	t.Error("clamped spring never finished")
}

func TestWorkletDecay(t *testing.T) {
	a := Decay(DecayConfig{Velocity: 1000, Deceleration: 0.998}, nil)
	a.Start(0, 0, 0)
	var v float64
	var done bool
	n := 0
	for n = 1; !done && n < 1000; n++ {
		v, done = a.Step(at(float64(n) * 16))
	}
	end := float64(n-1) * 16
	// It stops at the first frame where 1000·0.998^t < 5 px/s …
	if want := math.Ceil(math.Log(5.0/1000)/math.Log(0.998)/16) * 16; end != want {
		t.Errorf("stopped at %vms, want %vms", end, want)
	}
	// … where the closed form puts it: 1·0.998·(1 − 0.998^t)/0.002.
	if want := 499 * (1 - math.Pow(0.998, end)); math.Abs(v-want) > 1e-6 {
		t.Errorf("stopped at %v, want %v", v, want)
	}
	c := Decay(DecayConfig{Velocity: 1000, Deceleration: 0.998, Clamp: [2]float64{-200, 200}, HasClamp: true}, nil)
	c.Start(0, 0, 0)
	for n = 1; n < 1000; n++ {
		if v, done = c.Step(at(float64(n) * 16)); done {
			break
		}
	}
	if v != 200 {
		t.Errorf("clamped decay stopped at %v", v)
	}
}

// The must-show: sequence(delay(100, timing(…)), repeat(timing(…),
// 2, true)) visits the expected values.
func TestWorkletSequenceRepeatDelay(t *testing.T) {
	lin := func(to, d float64) *TimingAnimation {
		return Timing(to, TimingConfig{Duration: d, Easing: EasingLinear}, nil)
	}
	var repeated []bool
	a := Sequence(Delay(100, lin(100, 200)), Repeat(lin(0, 100), 2, true, func(ok bool) { repeated = append(repeated, ok) }))
	a.Start(0, 0, 0)
	want := []float64{0, 0, 0, 25, 50, 75, 100, 50, 0, 50, 100}
	for i, w := range want {
		v, done := a.Step(at(float64(i) * 50))
		if v != w || done != (i == len(want)-1) {
			t.Errorf("at %vms: %v done=%v, want %v", i*50, v, done, w)
		}
	}
	if len(repeated) != 1 || !repeated[0] {
		t.Errorf("repeat callback %v", repeated)
	}
	// Without reverse each repetition starts over.
	r := Repeat(lin(10, 100), 3, false, nil)
	r.Start(0, 0, 0)
	var got []float64
	for i := 1; i <= 6; i++ {
		v, _ := r.Step(at(float64(i) * 50))
		got = append(got, v)
	}
	if w := []float64{5, 10, 5, 10, 5, 10}; !equalF(got, w) {
		t.Errorf("repeat without reverse: %v, want %v", got, w)
	}
	// A spring after a decay inherits its velocity.
	s := Spring(0, DefaultSpring, nil)
	s.Start(0, 50, 400)
	if s.vel != 400 {
		t.Errorf("spring velocity %v, want the inherited 400", s.vel)
	}
}

func equalF(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-9 {
			return false
		}
	}
	return true
}

// cancelAnimation stops mid-way and reports finished = false once.
func TestWorkletCancel(t *testing.T) {
	var calls []bool
	cb := func(ok bool) { calls = append(calls, ok) }
	a := Sequence(Timing(100, TimingConfig{Duration: 100, Easing: EasingLinear}, cb), Spring(0, DefaultSpring, cb))
	a.Start(0, 0, 0)
	v, _ := a.Step(at(50))
	a.Cancel()
	a.Cancel()
	if v != 50 || len(calls) != 2 || calls[0] || calls[1] {
		t.Errorf("cancelled at %v with callbacks %v", v, calls)
	}
	calls = nil
	b := Timing(1, TimingConfig{Duration: 10, Easing: EasingLinear}, cb)
	b.Start(0, 0, 0)
	b.Step(at(20))
	b.Cancel()
	if len(calls) != 1 || !calls[0] {
		t.Errorf("finished then cancelled: %v", calls)
	}
}

func TestWorkletStepAllocs(t *testing.T) {
	a := Repeat(Sequence(Timing(100, DefaultTiming, nil), Spring(0, DefaultSpring, nil),
		Delay(50, Decay(DecayConfig{Velocity: 300, Deceleration: 0.998}, nil))), 0, false, nil)
	a.Start(0, 0, 0)
	now := 0.0
	if n := testing.AllocsPerRun(500, func() {
		now += 16
		a.Step(at(now))
	}); n != 0 {
		t.Fatalf("Step allocates %v", n)
	}
}
