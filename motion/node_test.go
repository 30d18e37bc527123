package motion

import (
	"testing"
	"time"
)

func TestNodeTransitionsOverAnimations(t *testing.T) {
	n := newAnimated(t, "animation: move 1s linear infinite; transition: transform 1s linear")
	var node Node
	node.Animations = n.as
	after := computed(t, "animation: move 1s linear infinite; transition: transform 1s linear; transform: translateX(500px)")
	node.Restyle(n.base, after, func(name string) *KeyframeSet { return n.sets[name] }, 0)
	dst := *after
	node.Sample(500*time.Millisecond, &dst)
	// The transition (none → translateX(500px)) is at 250px and wins over
	// the animation's 50px.
	if got := dst.Transform[0].Len[0].Px; got != 250 {
		t.Errorf("transform %v, want the transition's 250", got)
	}
	if !node.Running() || !node.Active() || node.AffectsLayout() {
		t.Errorf("running %v active %v layout %v", node.Running(), node.Active(), node.AffectsLayout())
	}
	if evs := node.AppendEvents(nil); len(evs) != 2 {
		t.Errorf("events %+v", evs)
	}
}

// A ball driven by a shared value: timing, then a spring assigned mid-way
// takes over from the current value; the clock stops asking for frames
// when it settles.
func TestAnimatedValueOnTheClock(t *testing.T) {
	var c Clock
	var ball AnimatedValue
	var calls []bool
	ball.Animate(Timing(300, TimingConfig{Duration: 1000, Easing: EasingLinear}, func(ok bool) { calls = append(calls, ok) }), c.Now())
	c.Start(&ball)
	for range 30 {
		c.Advance(10 * time.Millisecond)
		c.Frame()
	}
	if ball.Value != 90 {
		t.Fatalf("after 300ms: %v", ball.Value)
	}
	ball.Animate(Spring(0, DefaultSpring, nil), c.Now())
	if len(calls) != 1 || calls[0] {
		t.Errorf("replaced timing callbacks %v", calls)
	}
	frames := 0
	for c.NeedsFrame() && frames < 1000 {
		c.Advance(16 * time.Millisecond)
		c.Frame()
		frames++
	}
	if ball.Value != 0 || ball.Animating() || frames >= 1000 {
		t.Errorf("spring left the ball at %v after %d frames", ball.Value, frames)
	}
}

func TestAnimatedValueTimingContinuity(t *testing.T) {
	var x AnimatedValue
	lin := TimingConfig{Duration: 100, Easing: EasingLinear}
	x.Animate(Timing(100, lin, nil), 0)
	x.Tick(50 * time.Millisecond)
	x.Animate(Timing(100, lin, nil), 50*time.Millisecond) // same target: same timeline
	x.Tick(75 * time.Millisecond)
	if x.Value != 75 {
		t.Errorf("re-assigned timing at 75ms: %v, want 75", x.Value)
	}
	x.Animate(Timing(0, lin, nil), 75*time.Millisecond) // new target: from here
	x.Tick(125 * time.Millisecond)
	if x.Value != 37.5 {
		t.Errorf("retargeted timing: %v, want 37.5", x.Value)
	}
}
