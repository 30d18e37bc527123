package motion

import (
	"time"

	"github.com/skyline-go/skyline/style"
)

// Node is one node's CSS motion, the state the engine keeps per node: its
// transitions and its animations. The zero value is ready to use.
//
// Per style change the host calls Restyle; per frame, for every node with
// Active motion, it copies the node's computed style and calls Sample on
// the copy, which is what layout and paint then read. While any node is
// Running the page needs frames.
type Node struct {
	Transitions Transitions
	Animations  Animations
}

// Restyle reports a style change: before and after are the node's computed
// styles (without motion values) before and after it. For a node's first
// style pass the same style twice: nothing transitions on insertion (CSS
// Transitions 1 §3), while its animations start. A node with display:
// none runs no animations: Restyle it with an empty animation list. keyframes resolves
// an animation-name for this node (style.Resolver.Keyframes, which applies
// keyframeStyleIsolation, then ResolveKeyframes; nil for no rule).
func (n *Node) Restyle(before, after *style.Computed, keyframes func(name string) *KeyframeSet, now time.Duration) {
	n.Transitions.Update(before, after, now)
	n.Animations.Update(after.Animations, keyframes, now)
}

// SetBox gives both the node's border box (see Box).
func (n *Node) SetBox(b Box) { n.Transitions.Box, n.Animations.Box = b, b }

// Sample writes the node's motion at now into dst: animations first, then
// transitions, which win (transitions sit above every other origin in the
// cascade, CSS Cascade 4 §6.1). It allocates nothing in steady state.
func (n *Node) Sample(now time.Duration, dst *style.Computed) (changed bool) {
	a := n.Animations.Sample(now, dst)
	t := n.Transitions.Sample(now, dst)
	return a || t
}

// Running reports whether something still moves: the page needs frames.
func (n *Node) Running() bool { return n.Transitions.Running() || n.Animations.Running() }

// Active reports whether Sample has anything to write (running, paused or
// filling motion).
func (n *Node) Active() bool { return n.Transitions.Running() || n.Animations.Active() }

// AffectsLayout reports whether the moving properties change layout; when
// false a frame only repaints (transform, opacity, colours …).
func (n *Node) AffectsLayout() bool {
	return n.Transitions.AffectsLayout() || n.Animations.AffectsLayout()
}

// AppendEvents appends the events since the last call (transitions',
// then animations') to dst.
func (n *Node) AppendEvents(dst []Event) []Event {
	dst = append(dst, n.Transitions.Events()...)
	return append(dst, n.Animations.Events()...)
}

// AnimatedValue is a number driven by worklet animations: what a shared
// value is on the UI side. Assigning an animation (Animate) cancels the
// running one and starts the new one from the current value at the old
// one's velocity; the value is a Ticker, so it asks the clock for frames
// only while it moves.
type AnimatedValue struct {
	Value float64
	anim  Animation
}

// Animate starts a on the value at now, replacing (cancelling) the running
// animation.
func (v *AnimatedValue) Animate(a Animation, now time.Duration) {
	vel := 0.0
	prev := v.anim
	if prev != nil {
		vel = prev.Velocity()
		prev.Cancel()
	}
	v.anim = a
	a.Start(now, v.Value, vel)
	// Reanimated's continuity rule: a timing to the same target as the
	// timing it replaces keeps that one's timeline, so re-assigning it on
	// every gesture event does not restart it.
	if pt, ok := prev.(*TimingAnimation); ok {
		if nt, ok := a.(*TimingAnimation); ok && nt.to == pt.to {
			nt.from, nt.start = pt.from, pt.start
		}
	}
}

// Set assigns a plain number, cancelling the running animation.
func (v *AnimatedValue) Set(x float64) {
	v.Cancel()
	v.Value = x
}

// Cancel stops the running animation where it is (cancelAnimation).
func (v *AnimatedValue) Cancel() {
	if v.anim != nil {
		v.anim.Cancel()
		v.anim = nil
	}
}

// Animating reports whether an animation runs.
func (v *AnimatedValue) Animating() bool { return v.anim != nil }

// Tick steps the running animation to now.
func (v *AnimatedValue) Tick(now time.Duration) bool {
	if v.anim == nil {
		return false
	}
	x, done := v.anim.Step(now)
	v.Value = x
	if done {
		v.anim = nil
	}
	return !done
}
