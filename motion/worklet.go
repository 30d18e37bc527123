package motion

import (
	"math"
	"time"
)

// Worklet animations (wx.worklet.timing / spring / decay / sequence /
// repeat / delay, after React Native Reanimated 2): an animation is an
// object stepped by the frame timestamp. Assigning one to a shared value
// starts it from the value's current number (and the velocity the
// animation it replaces was moving at); every frame the runtime steps it
// and writes the value back, until it reports done. Values are float64 in
// the caller's unit; velocities are units per second; times are the clock's.
//
// Each animation calls its completion callback once: finished = true when
// it completes, false when Cancel stops it first (cancelAnimation, or
// another animation assigned to the same shared value).

// Callback is a completion callback.
type Callback func(finished bool)

// Animation is a worklet animation object. Step allocates nothing.
type Animation interface {
	// Start begins the animation at frame timestamp now from value from,
	// moving at velocity (0 for a value at rest).
	Start(now time.Duration, from, velocity float64)
	// Step advances the animation to now and returns its value; done
	// reports that it has finished (its callback has then run).
	Step(now time.Duration) (value float64, done bool)
	// Velocity is the velocity at the last step (units/s; timing reports 0,
	// as Reanimated's does).
	Velocity() float64
	// Cancel stops an unfinished animation: the callbacks of it and of the
	// parts it had not finished run with false.
	Cancel()
}

// retargetable animations can have their target swapped, which
// repeat(…, reverse) needs.
type retargetable interface {
	retarget(to float64) (old float64)
}

// maxStep is the longest time one step integrates (Reanimated's 64 ms): a
// frame that comes late continues the motion instead of jumping.
const maxStep = 64.0

// finish runs a callback once.
type finish struct {
	cb   Callback
	done bool
}

func (f *finish) complete(ok bool) {
	if f.done {
		return
	}
	f.done = true
	if f.cb != nil {
		f.cb(ok)
	}
}

// TimingConfig is timing()'s options; DefaultTiming holds WeChat's
// defaults (a nil Easing also means the default).
type TimingConfig struct {
	Duration float64 // ms
	Easing   Easing
}

// DefaultTiming is worklet.timing's documented default: 300 ms,
// Easing.inOut(Easing.quad).
var DefaultTiming = TimingConfig{Duration: 300, Easing: InOut(EasingQuad)}

// TimingAnimation is timing(toValue, options, callback).
type TimingAnimation struct {
	to, from, cur float64
	cfg           TimingConfig
	start         float64
	fin           finish
}

// Timing animates to toValue along cfg.Easing in cfg.Duration.
func Timing(toValue float64, cfg TimingConfig, cb Callback) *TimingAnimation {
	if cfg.Easing == nil {
		cfg.Easing = DefaultTiming.Easing
	}
	return &TimingAnimation{to: toValue, cfg: cfg, fin: finish{cb: cb}}
}

func (a *TimingAnimation) Start(now time.Duration, from, _ float64) {
	a.from, a.cur, a.start, a.fin.done = from, from, ms(now), false
}

func (a *TimingAnimation) Step(now time.Duration) (float64, bool) {
	run := ms(now) - a.start
	if run >= a.cfg.Duration {
		a.cur = a.to
		a.fin.complete(true)
		return a.cur, true
	}
	a.cur = a.from + (a.to-a.from)*a.cfg.Easing(run/a.cfg.Duration)
	return a.cur, false
}

func (a *TimingAnimation) Velocity() float64 { return 0 }
func (a *TimingAnimation) Cancel()           { a.fin.complete(false) }
func (a *TimingAnimation) retarget(to float64) float64 {
	old := a.to
	a.to = to
	return old
}

// SpringConfig is spring()'s options; DefaultSpring holds WeChat's
// defaults.
type SpringConfig struct {
	Damping, Mass, Stiffness  float64
	OvershootClamping         bool
	RestDisplacementThreshold float64
	RestSpeedThreshold        float64 // units/s
	Velocity                  float64 // units/s: the initial velocity, unless the animation replaced was moving
}

// DefaultSpring is worklet.spring's documented default (Reanimated 2's):
// damping 10, mass 1, stiffness 100, no overshoot clamping, at rest within
// 0.01 of the target and below 2 units/s.
var DefaultSpring = SpringConfig{Damping: 10, Mass: 1, Stiffness: 100, RestDisplacementThreshold: 0.01, RestSpeedThreshold: 2}

// SpringAnimation is spring(toValue, options, callback): a damped harmonic
// oscillator m·x″ + c·x′ + k·(x − to) = 0, advanced each step by its exact
// solution (under-, critically and over-damped alike), so the path does not
// depend on the frame rate.
type SpringAnimation struct {
	to, from, cur, vel float64
	cfg                SpringConfig
	last               float64
	fin                finish
}

// Spring animates to toValue on a spring.
func Spring(toValue float64, cfg SpringConfig, cb Callback) *SpringAnimation {
	return &SpringAnimation{to: toValue, cfg: cfg, fin: finish{cb: cb}}
}

func (a *SpringAnimation) Start(now time.Duration, from, velocity float64) {
	a.from, a.cur, a.last, a.fin.done = from, from, ms(now), false
	a.vel = a.cfg.Velocity
	if velocity != 0 {
		a.vel = velocity
	}
}

func (a *SpringAnimation) Step(now time.Duration) (float64, bool) {
	t := ms(now)
	dt := min(t-a.last, maxStep) / 1000
	a.last = t
	y, v := springStep(a.cur-a.to, a.vel, dt, a.cfg.Mass, a.cfg.Damping, a.cfg.Stiffness)
	a.cur, a.vel = a.to+y, v
	k := a.cfg.Stiffness
	overshot := a.cfg.OvershootClamping && k != 0 && (a.from < a.to && a.cur > a.to || a.from > a.to && a.cur < a.to)
	still := math.Abs(a.vel) < a.cfg.RestSpeedThreshold
	there := k == 0 || math.Abs(a.to-a.cur) < a.cfg.RestDisplacementThreshold
	if overshot || still && there {
		if k != 0 {
			a.cur, a.vel = a.to, 0
		}
		a.fin.complete(true)
		return a.cur, true
	}
	return a.cur, false
}

func (a *SpringAnimation) Velocity() float64 { return a.vel }
func (a *SpringAnimation) Cancel()           { a.fin.complete(false) }
func (a *SpringAnimation) retarget(to float64) float64 {
	old := a.to
	a.to = to
	return old
}

// springStep advances displacement y and velocity v by t seconds on
// m·y″ + c·y′ + k·y = 0.
func springStep(y, v, t, m, c, k float64) (float64, float64) {
	if m <= 0 {
		m = 1
	}
	if k <= 0 {
		// No spring: pure damping.
		if c <= 0 {
			return y + v*t, v
		}
		e := math.Exp(-c / m * t)
		return y + v*m/c*(1-e), v * e
	}
	w0 := math.Sqrt(k / m)
	zeta := c / (2 * math.Sqrt(k*m))
	switch {
	case zeta < 1:
		wd := w0 * math.Sqrt(1-zeta*zeta)
		a := zeta * w0
		b := (v + a*y) / wd
		e := math.Exp(-a * t)
		s, co := math.Sincos(wd * t)
		return e * (y*co + b*s), e * (v*co - (a*b+y*wd)*s)
	case zeta == 1:
		b := v + w0*y
		e := math.Exp(-w0 * t)
		return e * (y + b*t), e * (v - w0*b*t)
	}
	d := w0 * math.Sqrt(zeta*zeta-1)
	r1, r2 := -zeta*w0+d, -zeta*w0-d
	c1 := (v - r2*y) / (r1 - r2)
	c2 := y - c1
	e1, e2 := math.Exp(r1*t), math.Exp(r2*t)
	return c1*e1 + c2*e2, r1*c1*e1 + r2*c2*e2
}

// DecayConfig is decay()'s options; DefaultDecay holds WeChat's defaults.
type DecayConfig struct {
	Velocity     float64 // units/s
	Deceleration float64 // the share of velocity kept per ms
	// Clamp, when HasClamp, bounds the motion: the animation stops at
	// Clamp[0] moving down or Clamp[1] moving up.
	Clamp    [2]float64
	HasClamp bool
}

// DefaultDecay is worklet.decay's documented default: deceleration 0.998.
var DefaultDecay = DecayConfig{Deceleration: 0.998}

// decayRestSpeed is the speed (units/s) under which a decay stops
// (Reanimated 2's VELOCITY_EPS).
const decayRestSpeed = 5

// DecayAnimation is decay(options, callback): the velocity keeps
// Deceleration of itself every millisecond, v(t) = v0·d^t, so the value
// heads for from + v0/1000·d/(1 − d) and stops where the speed falls below
// 5 units/s. Each step uses the exact sum, so the path does not depend on
// the frame rate.
type DecayAnimation struct {
	cur, vel, v0 float64
	cfg          DecayConfig
	last         float64
	fin          finish
}

// Decay coasts from the current value at cfg.Velocity.
func Decay(cfg DecayConfig, cb Callback) *DecayAnimation {
	if cfg.Deceleration <= 0 || cfg.Deceleration >= 1 {
		cfg.Deceleration = DefaultDecay.Deceleration
	}
	return &DecayAnimation{cfg: cfg, fin: finish{cb: cb}}
}

func (a *DecayAnimation) Start(now time.Duration, from, velocity float64) {
	a.cur, a.last, a.fin.done = from, ms(now), false
	a.vel = a.cfg.Velocity
	if velocity != 0 {
		a.vel = velocity
	}
	a.v0 = a.vel
}

func (a *DecayAnimation) Step(now time.Duration) (float64, bool) {
	t := ms(now)
	dt := min(t-a.last, maxStep)
	a.last = t
	d := a.cfg.Deceleration
	kv := math.Pow(d, dt)
	a.cur += a.vel / 1000 * d * (1 - kv) / (1 - d)
	a.vel *= kv
	if a.cfg.HasClamp {
		if a.v0 < 0 && a.cur <= a.cfg.Clamp[0] {
			a.cur = a.cfg.Clamp[0]
			a.fin.complete(true)
			return a.cur, true
		}
		if a.v0 > 0 && a.cur >= a.cfg.Clamp[1] {
			a.cur = a.cfg.Clamp[1]
			a.fin.complete(true)
			return a.cur, true
		}
	}
	if math.Abs(a.vel) < decayRestSpeed {
		a.fin.complete(true)
		return a.cur, true
	}
	return a.cur, false
}

func (a *DecayAnimation) Velocity() float64 { return a.vel }
func (a *DecayAnimation) Cancel()           { a.fin.complete(false) }

// SequenceAnimation is sequence(a, b, …): each part starts, from where the
// previous one left the value (and at its velocity), at the frame in which
// the previous one finished.
type SequenceAnimation struct {
	parts []Animation
	i     int
	cur   float64
}

// Sequence runs parts one after another.
func Sequence(parts ...Animation) *SequenceAnimation { return &SequenceAnimation{parts: parts} }

func (a *SequenceAnimation) Start(now time.Duration, from, velocity float64) {
	a.i, a.cur = 0, from
	if len(a.parts) > 0 {
		a.parts[0].Start(now, from, velocity)
	}
}

func (a *SequenceAnimation) Step(now time.Duration) (float64, bool) {
	if a.i >= len(a.parts) {
		return a.cur, true
	}
	p := a.parts[a.i]
	v, done := p.Step(now)
	a.cur = v
	if !done {
		return v, false
	}
	a.i++
	if a.i == len(a.parts) {
		return v, true
	}
	a.parts[a.i].Start(now, v, p.Velocity())
	return v, false
}

func (a *SequenceAnimation) Velocity() float64 {
	if a.i < len(a.parts) {
		return a.parts[a.i].Velocity()
	}
	return 0
}

func (a *SequenceAnimation) Cancel() {
	for i := a.i; i < len(a.parts); i++ {
		a.parts[i].Cancel()
	}
	a.i = len(a.parts)
}

// RepeatAnimation is repeat(animation, count, reverse, callback).
type RepeatAnimation struct {
	inner       Animation
	count, reps int
	reverse     bool
	startValue  float64
	fin         finish
}

// Repeat runs inner count times (count ≤ 0: forever). Without reverse each
// repetition starts again from the first one's start value; with reverse
// (for timing and spring) each runs back to where the previous one began.
func Repeat(inner Animation, count int, reverse bool, cb Callback) *RepeatAnimation {
	return &RepeatAnimation{inner: inner, count: count, reverse: reverse, fin: finish{cb: cb}}
}

func (a *RepeatAnimation) Start(now time.Duration, from, velocity float64) {
	a.reps, a.startValue, a.fin.done = 0, from, false
	a.inner.Start(now, from, velocity)
}

func (a *RepeatAnimation) Step(now time.Duration) (float64, bool) {
	v, done := a.inner.Step(now)
	if !done {
		return v, false
	}
	a.reps++
	if a.count > 0 && a.reps >= a.count {
		a.fin.complete(true)
		return v, true
	}
	from := a.startValue
	if r, ok := a.inner.(retargetable); ok && a.reverse {
		from = v
		a.startValue = r.retarget(a.startValue)
	}
	a.inner.Start(now, from, 0)
	return v, false
}

func (a *RepeatAnimation) Velocity() float64 { return a.inner.Velocity() }
func (a *RepeatAnimation) Cancel() {
	a.inner.Cancel()
	a.fin.complete(false)
}

// DelayAnimation is delay(ms, animation): the value holds still for the
// delay, then inner starts from it (in the frame the delay ran out).
type DelayAnimation struct {
	inner         Animation
	delay         float64
	start         float64
	from, vel     float64
	started, done bool
}

// Delay starts inner after ms milliseconds.
func Delay(ms float64, inner Animation) *DelayAnimation {
	return &DelayAnimation{inner: inner, delay: ms}
}

func (a *DelayAnimation) Start(now time.Duration, from, velocity float64) {
	a.start, a.from, a.vel, a.started, a.done = ms(now), from, velocity, false, false
}

func (a *DelayAnimation) Step(now time.Duration) (float64, bool) {
	if !a.started {
		if ms(now)-a.start < a.delay {
			return a.from, false
		}
		a.started = true
		a.inner.Start(now, a.from, a.vel)
	}
	v, done := a.inner.Step(now)
	a.done = done
	return v, done
}

func (a *DelayAnimation) Velocity() float64 {
	if a.started {
		return a.inner.Velocity()
	}
	return 0
}

func (a *DelayAnimation) Cancel() { a.inner.Cancel() }
func (a *DelayAnimation) retarget(to float64) float64 {
	if r, ok := a.inner.(retargetable); ok {
		return r.retarget(to)
	}
	return to
}
