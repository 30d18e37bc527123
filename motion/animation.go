package motion

import (
	"math"
	"time"

	"github.com/skyline-go/skyline/style"
)

// Animations is one node's CSS animations (CSS Animations 1, timed as Web
// Animations 1 §4 does): the host keeps one per node, reports the node's
// computed animation-* list with Update when its style changes, and
// applies the animations to the computed style with Sample every frame.
// The zero value is ready to use and follows Skyline.
type Animations struct {
	// Box is the node's border box (see Box).
	Box Box
	// WebFill makes animation-fill-mode behave as on the web. Skyline's
	// (the zero value): none and backwards behave like forwards, so an
	// animation keeps its end state (spec §2.7).
	WebFill bool
	list    []animation
	events  []Event
}

type animation struct {
	spec    style.Animation
	set     *KeyframeSet
	timing  TimingFunction // animation-timing-function: the keyframes' default
	start   float64        // ms; while paused, hold is the local time kept
	hold    float64
	paused  bool
	phase   phase
	iter    float64
	outputs []Value // two per track, used alternately (see transition.out)
	flip    int
}

type phase uint8

const (
	phaseIdle phase = iota // not sampled yet
	phaseBefore
	phaseActive
	phaseAfter
)

// Update takes the node's computed animation list (style.Computed's
// Animations) at a style change. Animations are matched to the running ones
// by name (CSS Animations 1 §3): a name still listed keeps running with its
// new longhands (a paused one resumes where it stopped); a new name starts
// at now; a name no longer listed is cancelled with animationcancel.
// keyframes finds the resolved @keyframes for a name (nil: no such rule,
// and no animation runs).
func (as *Animations) Update(list []style.Animation, keyframes func(name string) *KeyframeSet, now time.Duration) {
	t := ms(now)
	old := as.list
	next := make([]animation, 0, len(list))
	for _, spec := range list {
		if spec.Name == "none" || spec.Name == "" {
			continue
		}
		j := -1
		for k := len(old) - 1; k >= 0; k-- {
			if old[k].set != nil && old[k].spec.Name == spec.Name {
				j = k
				break
			}
		}
		var a animation
		if j >= 0 {
			a = old[j]
			old[j].set = nil // taken
		} else {
			set := keyframes(spec.Name)
			if set == nil {
				continue
			}
			a = animation{set: set, start: t, outputs: make([]Value, 2*len(set.tracks))}
		}
		switch {
		case spec.Paused && !a.paused:
			a.hold, a.paused = t-a.start, true
		case !spec.Paused && a.paused:
			a.start, a.paused = t-a.hold, false
		}
		a.spec = spec
		a.timing = FromStyle(spec.Timing)
		next = append(next, a)
	}
	for k := range old {
		if a := &old[k]; a.set != nil && (a.phase == phaseActive || a.phase == phaseBefore) {
			as.events = append(as.events, Event{Kind: AnimationCancel, Name: a.spec.Name,
				ElapsedTime: max(a.local(t)-float64(a.spec.Delay), 0) / 1000})
		}
	}
	as.list = next
}

// Running reports whether an animation still moves (not paused, not yet
// ended): the node needs frames.
func (as *Animations) Running() bool {
	for i := range as.list {
		a := &as.list[i]
		if !a.paused && (a.phase != phaseAfter || a.activeDuration() == math.Inf(1)) {
			return true
		}
	}
	return false
}

// Active reports whether any animation is kept (running, paused or
// filling): Sample must then run whenever the node's style is recomputed,
// even in frames the clock did not ask for.
func (as *Animations) Active() bool { return len(as.list) > 0 }

// AffectsLayout reports whether an animation moves a property that
// changes layout.
func (as *Animations) AffectsLayout() bool {
	for i := range as.list {
		if as.list[i].set.AffectsLayout() {
			return true
		}
	}
	return false
}

// Events returns the events since the previous call; the slice is valid
// until the next call on as.
func (as *Animations) Events() []Event {
	e := as.events
	as.events = as.events[:0]
	return e
}

// Clear drops every animation without events.
func (as *Animations) Clear() {
	as.list = as.list[:0]
	as.events = as.events[:0]
}

func (a *animation) local(t float64) float64 {
	if a.paused {
		return a.hold
	}
	return t - a.start
}

// activeDuration is duration × iteration count (+Inf for infinite).
func (a *animation) activeDuration() float64 {
	d := float64(max(a.spec.Duration, 0))
	if a.spec.Iterations < 0 {
		if d == 0 {
			return 0
		}
		return math.Inf(1)
	}
	return d * float64(a.spec.Iterations)
}

// fills reports whether the animation applies before (backwards) and after
// (forwards) its active interval.
func (as *Animations) fills(a *animation) (backwards, forwards bool) {
	f := a.spec.FillMode // 0 none, 1 forwards, 2 backwards, 3 both
	if !as.WebFill && f != 3 {
		f = 1 // spec §2.7: none and backwards behave like forwards
	}
	return f&2 != 0, f&1 != 0
}

// Sample steps every animation to the frame timestamp now and writes the
// animated properties into dst, the node's computed style (later
// animations over earlier ones; Node.Sample then lays transitions over
// them). It records animationstart / iteration / end events as the
// phases change (CSS Animations 2 §4.2). changed reports whether any
// property was written. Slices written into dst belong to as and stay
// valid through the next Sample. Sample allocates nothing once each
// animation has sampled twice.
func (as *Animations) Sample(now time.Duration, dst *style.Computed) (changed bool) {
	t := ms(now)
	for i := range as.list {
		a := &as.list[i]
		delay := float64(a.spec.Delay)
		dur := float64(max(a.spec.Duration, 0))
		ad := a.activeDuration()
		lt := a.local(t)
		ph := phaseActive
		switch {
		case lt < delay:
			ph = phaseBefore
		case lt >= delay+ad:
			ph = phaseAfter
		}
		back, fwd := as.fills(a)
		// Web Animations 1 §4.8.3: the active time, unresolved (NaN) when
		// the animation has no effect.
		at := math.NaN()
		switch ph {
		case phaseBefore:
			if back {
				at = 0
			}
		case phaseActive:
			at = lt - delay
		case phaseAfter:
			if fwd {
				at = ad
			}
		}
		n := float64(a.spec.Iterations)
		if n < 0 {
			n = math.Inf(1)
		}
		var overall float64
		switch {
		case math.IsNaN(at):
		case dur == 0:
			if ph == phaseAfter {
				overall = n
			}
		default:
			overall = at / dur
		}
		simple := math.Mod(overall, 1)
		if math.IsInf(overall, 0) {
			simple = 0
		}
		if simple == 0 && (ph == phaseActive || ph == phaseAfter) && at == ad && n != 0 && overall != 0 {
			simple = 1
		}
		iter := math.Floor(overall)
		if simple == 1 {
			iter--
		}
		as.dispatch(a, ph, iter, delay, dur, ad)
		if math.IsNaN(at) {
			continue
		}
		p := simple
		forward := true
		switch a.spec.Direction {
		case style.AnimReverse:
			forward = false
		case style.AnimAlternate:
			forward = math.Mod(iter, 2) == 0
		case style.AnimAlternateReverse:
			forward = math.Mod(iter, 2) != 0
		}
		if !forward {
			p = 1 - p
		}
		a.flip ^= 1
		for k := range a.set.tracks {
			tr := &a.set.tracks[k]
			out := &a.outputs[2*k+a.flip]
			tr.sample(p, &a.timing, dst, out, as.Box)
			Set(tr.prop, dst, out)
		}
		changed = changed || len(a.set.tracks) > 0
	}
	return changed
}

// dispatch records the events of going from the animation's previous phase
// and iteration to these (CSS Animations 2 §4.2's table, for playback
// forwards).
func (as *Animations) dispatch(a *animation, ph phase, iter, delay, dur, ad float64) {
	start := max(min(-delay, ad), 0) / 1000
	end := ad / 1000
	ev := func(k EventKind, elapsed float64) {
		as.events = append(as.events, Event{Kind: k, Name: a.spec.Name, ElapsedTime: elapsed})
	}
	switch {
	case (a.phase == phaseIdle || a.phase == phaseBefore) && ph == phaseActive:
		ev(AnimationStart, start)
	case (a.phase == phaseIdle || a.phase == phaseBefore) && ph == phaseAfter:
		ev(AnimationStart, start)
		ev(AnimationEnd, end)
	case a.phase == phaseActive && ph == phaseActive && iter > a.iter:
		ev(AnimationIteration, iter*dur/1000)
	case a.phase == phaseActive && ph == phaseAfter:
		ev(AnimationEnd, end)
	}
	a.phase, a.iter = ph, iter
}
