package motion

import (
	"math"
	"time"

	"github.com/skyline-go/skyline/style"
)

// TransitionSpec is the transition-duration / -delay / -timing-function
// that apply to one property (milliseconds; a negative delay starts
// part-way through).
type TransitionSpec struct {
	Duration, Delay float64
	Timing          TimingFunction
}

// SpecFor finds the transition list entry that calls for animating p: the
// last entry whose transition-property is p, a shorthand containing p, or
// `all` (CSS Transitions 1 §2.1). ok is false when none does or when the
// combined duration (max(duration, 0) + delay) is not positive.
func SpecFor(list []style.Transition, p style.PropID) (TransitionSpec, bool) {
	s, _, ok := specFor(list, p)
	return s, ok
}

// specFor is SpecFor that also says whether an entry names p at all.
func specFor(list []style.Transition, p style.PropID) (s TransitionSpec, named, ok bool) {
	for i := len(list) - 1; i >= 0; i-- {
		tr := &list[i]
		if !namesProperty(tr.Property, p) {
			continue
		}
		s = TransitionSpec{Duration: float64(max(tr.Duration, 0)), Delay: float64(tr.Delay), Timing: FromStyle(tr.Timing)}
		return s, true, s.Duration+s.Delay > 0
	}
	return TransitionSpec{}, false, false
}

// transitionsAny reports whether some entry of list can start a
// transition (a property named and a positive combined duration).
func transitionsAny(list []style.Transition) bool {
	for i := range list {
		if list[i].Property != "none" && max(list[i].Duration, 0)+list[i].Delay > 0 {
			return true
		}
	}
	return false
}

// namesProperty reports whether a transition-property name covers p.
func namesProperty(name string, p style.PropID) bool {
	switch name {
	case "all":
		return true
	case "none":
		return false
	}
	if id, ok := style.LookupProperty(name); ok {
		return id == p
	}
	for _, q := range animatableShorthands[name] {
		if q == p {
			return true
		}
	}
	return false
}

// animatableShorthands are the shorthands transition-property may name,
// with their animatable longhands (spec §2.6).
var animatableShorthands = map[string][]style.PropID{
	"margin":  {style.PropMarginTop, style.PropMarginRight, style.PropMarginBottom, style.PropMarginLeft},
	"padding": {style.PropPaddingTop, style.PropPaddingRight, style.PropPaddingBottom, style.PropPaddingLeft},
	"inset":   {style.PropTop, style.PropRight, style.PropBottom, style.PropLeft},
	"border": {style.PropBorderTopWidth, style.PropBorderRightWidth, style.PropBorderBottomWidth, style.PropBorderLeftWidth,
		style.PropBorderTopColor, style.PropBorderRightColor, style.PropBorderBottomColor, style.PropBorderLeftColor},
	"border-width":        {style.PropBorderTopWidth, style.PropBorderRightWidth, style.PropBorderBottomWidth, style.PropBorderLeftWidth},
	"border-color":        {style.PropBorderTopColor, style.PropBorderRightColor, style.PropBorderBottomColor, style.PropBorderLeftColor},
	"border-top":          {style.PropBorderTopWidth, style.PropBorderTopColor},
	"border-right":        {style.PropBorderRightWidth, style.PropBorderRightColor},
	"border-bottom":       {style.PropBorderBottomWidth, style.PropBorderBottomColor},
	"border-left":         {style.PropBorderLeftWidth, style.PropBorderLeftColor},
	"border-radius":       {style.PropBorderTopLeftRadius, style.PropBorderTopRightRadius, style.PropBorderBottomRightRadius, style.PropBorderBottomLeftRadius},
	"background":          {style.PropBackgroundColor, style.PropBackgroundPositionX, style.PropBackgroundPositionY, style.PropBackgroundSize},
	"background-position": {style.PropBackgroundPositionX, style.PropBackgroundPositionY},
	"flex":                {style.PropFlexGrow, style.PropFlexShrink, style.PropFlexBasis},
	"gap":                 {style.PropRowGap, style.PropColumnGap},
	"mask":                {style.PropMaskPosition, style.PropMaskSize},
	"text-decoration":     {style.PropTextDecorationColor},
}

// Transitions is one node's CSS transitions (CSS Transitions 1): the host
// keeps one per node, reports each style change with Update and applies
// the running transitions to the node's computed style with Sample every
// frame. The zero value is ready to use.
type Transitions struct {
	// Box is the node's border box, for transform lists that meet as
	// matrices (see Box).
	Box     Box
	running []transition
	events  []Event
	scratch Value
}

type transition struct {
	prop     style.PropID
	from, to Value
	// reversingStart and shorten are CSS Transitions 1's
	// reversing-adjusted start value and reversing shortening factor.
	reversingStart  Value
	shorten         float64
	start           float64 // ms: the style change that created it
	delay, duration float64 // ms
	timing          TimingFunction
	started         bool
	// out holds the samples in buffers of their own, alternately, so that
	// the slices written into the previous frame's style stay intact while
	// this frame's are built (a cache comparing the two frames sees the
	// change).
	out  [2]Value
	flip uint8
}

// Running reports whether any transition is running (pending in its delay
// or active): the node needs frames.
func (ts *Transitions) Running() bool { return len(ts.running) > 0 }

// AffectsLayout reports whether a running transition moves a property
// that changes layout (a size, margin, padding, inset, gap, border width or
// flex factor); when false a frame only repaints.
func (ts *Transitions) AffectsLayout() bool {
	for i := range ts.running {
		if AffectsLayout(ts.running[i].prop) {
			return true
		}
	}
	return false
}

// Events returns the events since the previous call (Update's cancels,
// Sample's starts and ends, in order). The slice is reused: it is valid
// until the next call on ts.
func (ts *Transitions) Events() []Event {
	e := ts.events
	ts.events = ts.events[:0]
	return e
}

// Clear drops every transition without events (the node left the page).
func (ts *Transitions) Clear() {
	ts.running = ts.running[:0]
	ts.events = ts.events[:0]
}

func (ts *Transitions) find(p style.PropID) int {
	for i := range ts.running {
		if ts.running[i].prop == p {
			return i
		}
	}
	return -1
}

// Update is a style change event (CSS Transitions 1 §3): before is the
// node's computed style before the change, after the new one (both without
// transition values). For every animatable property whose value changes it
// starts, reverses, retargets or cancels a transition as the spec says,
// with the transition-* lists of after.
func (ts *Transitions) Update(before, after *style.Computed, now time.Duration) {
	if len(ts.running) == 0 && !transitionsAny(after.Transitions) {
		return // the common node: nothing can start
	}
	for _, p := range AnimatableProperties {
		a := Get(p, after)
		if i := ts.find(p); i >= 0 {
			spec, named, ok := specFor(after.Transitions, p)
			switch {
			case !named:
				// No transition-property names it any more (§3, step 3).
				ts.cancel(i, ms(now))
			case !Equal(p, &ts.running[i].to, &a):
				ts.retarget(i, &a, spec, ok, now)
			}
			continue
		}
		b := Get(p, before)
		if Equal(p, &b, &a) {
			continue
		}
		spec, ok := SpecFor(after.Transitions, p)
		if !ok || !interpolable(p, &b, &a, &ts.scratch) {
			continue
		}
		ts.Start(p, &b, &a, spec, now)
	}
}

// retarget handles a style change for a property with a running transition
// whose end value is no longer the after-change value a (§3, step 4).
func (ts *Transitions) retarget(i int, a *Value, spec TransitionSpec, ok bool, now time.Duration) {
	old := ts.running[i] // a copy: its values own their slices
	t := ms(now)
	eased := old.eased(t)
	var cur Value
	old.sample(eased, &cur, ts.Box)
	ts.cancel(i, t)
	p := old.prop
	if !ok || Equal(p, &cur, a) || !interpolable(p, &cur, a, &ts.scratch) {
		return
	}
	if Equal(p, &old.reversingStart, a) {
		// Going back to where the old transition came from: the new one is
		// shortened by how far the old one had got (§3, step 4.3).
		f := min(max(math.Abs(eased*old.shorten+1-old.shorten), 0), 1)
		spec.Duration *= f
		if spec.Delay < 0 {
			spec.Delay *= f
		}
		ts.start(p, &cur, a, spec, t, &old.to, f)
		return
	}
	ts.start(p, &cur, a, spec, t, &cur, 1)
}

// Start starts a transition of p from one value to another at now,
// replacing (and cancelling) a running transition of p. It is the low-level
// entry point; Update decides when to call it as CSS Transitions says.
func (ts *Transitions) Start(p style.PropID, from, to *Value, spec TransitionSpec, now time.Duration) {
	if i := ts.find(p); i >= 0 {
		ts.cancel(i, ms(now))
	}
	ts.start(p, from, to, spec, ms(now), from, 1)
}

func (ts *Transitions) start(p style.PropID, from, to *Value, spec TransitionSpec, now float64, reversingStart *Value, shorten float64) {
	ts.running = append(ts.running, transition{
		prop: p, from: from.clone(), to: to.clone(), reversingStart: reversingStart.clone(), shorten: shorten,
		start: now, delay: spec.Delay, duration: max(spec.Duration, 0), timing: spec.Timing,
	})
}

// cancel removes running transition i with a transitioncancel event.
func (ts *Transitions) cancel(i int, now float64) {
	tr := &ts.running[i]
	ts.events = append(ts.events, Event{Kind: TransitionCancel, Property: tr.prop,
		ElapsedTime: min(max(now-tr.start-tr.delay, 0), tr.duration) / 1000})
	n := len(ts.running)
	ts.running = append(ts.running[:i], ts.running[i+1:]...)
	ts.running[:n][n-1] = transition{} // the stale copy shares buffers with the last
}

// eased is the timing function's output at time t (ms): 0 input progress
// (with the before flag) during the delay, 1 after the end.
func (tr *transition) eased(t float64) float64 {
	local := t - tr.start - tr.delay
	if local < 0 {
		return tr.timing.at(0, true)
	}
	if tr.duration <= 0 || local >= tr.duration {
		return tr.timing.at(1, false)
	}
	return tr.timing.at(local/tr.duration, false)
}

// sample interpolates the transition at eased progress into out.
func (tr *transition) sample(eased float64, out *Value, box Box) {
	if !Interpolate(tr.prop, &tr.from, &tr.to, eased, out, box) {
		// Cannot happen for transitions Update starts; Start's caller may
		// pass anything: flip at the midpoint.
		if eased < 0.5 {
			copyValue(out, &tr.from)
		} else {
			copyValue(out, &tr.to)
		}
	}
}

// copyValue copies src into dst, reusing dst's slices.
func copyValue(dst, src *Value) {
	sh, tf := dst.Shadows, dst.Transform
	*dst = *src
	dst.Shadows = append(sh[:0], src.Shadows...)
	dst.Transform = append(tf[:0], src.Transform...)
}

// Sample steps every transition to the frame timestamp now and writes the
// transitioning properties into dst, which holds the node's computed style
// (the after-change style; properties no transition moves are left as
// they are). A transition that reaches its end is removed with a
// transitionend event, leaving dst's own value; one whose delay is over
// sends transitionstart. changed reports whether any property was written
// or returned to its own value this frame. Slices written into dst
// (box-shadow, transform) belong to ts: they stay valid through the next
// Sample and are rewritten by the one after. Sample allocates nothing once
// each transition has sampled twice.
func (ts *Transitions) Sample(now time.Duration, dst *style.Computed) (changed bool) {
	t := ms(now)
	kept := ts.running[:0]
	for i := range ts.running {
		tr := &ts.running[i]
		local := t - tr.start
		if !tr.started && local >= tr.delay {
			tr.started = true
			ts.events = append(ts.events, Event{Kind: TransitionStart, Property: tr.prop,
				ElapsedTime: min(max(-tr.delay, 0), tr.duration) / 1000})
		}
		if local >= tr.delay+tr.duration {
			ts.events = append(ts.events, Event{Kind: TransitionEnd, Property: tr.prop, ElapsedTime: tr.duration / 1000})
			changed = true
			continue
		}
		tr.flip ^= 1
		out := &tr.out[tr.flip]
		tr.sample(tr.eased(t), out, ts.Box)
		Set(tr.prop, dst, out)
		changed = true
		kept = append(kept, *tr)
	}
	clear(ts.running[len(kept):])
	ts.running = kept
	return changed
}
