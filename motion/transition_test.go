package motion

import (
	"math"
	"testing"
	"time"

	"github.com/skyline-go/skyline/style"
)

const msec = time.Millisecond

// frame samples ts at now over a copy of base and returns the width.
func widthAt(ts *Transitions, base *style.Computed, now time.Duration) float32 {
	dst := *base
	ts.Sample(now, &dst)
	return dst.Width.Px
}

func kinds(evs []Event) []EventKind {
	var k []EventKind
	for _, e := range evs {
		k = append(k, e.Kind)
	}
	return k
}

func TestTransitionRuns(t *testing.T) {
	before := computed(t, "width: 100px; transition: width 1s linear")
	after := computed(t, "width: 200px; transition: width 1s linear")
	var ts Transitions
	ts.Update(before, after, 0)
	if !ts.Running() || !ts.AffectsLayout() {
		t.Fatal("no transition started")
	}
	for _, c := range []struct {
		at   time.Duration
		want float32
	}{{0, 100}, {250 * msec, 125}, {500 * msec, 150}, {999 * msec, 199.9}} {
		if got := widthAt(&ts, after, c.at); math.Abs(float64(got-c.want)) > 1e-3 {
			t.Errorf("at %v: %v, want %v", c.at, got, c.want)
		}
	}
	if got := widthAt(&ts, after, time.Second); got != 200 || ts.Running() {
		t.Errorf("at the end: %v running=%v", got, ts.Running())
	}
	evs := ts.Events()
	if len(evs) != 2 || evs[0].Kind != TransitionStart || evs[1].Kind != TransitionEnd ||
		evs[1].PropertyName() != "width" || evs[1].ElapsedTime != 1 || evs[1].Kind.Type() != "transitionend" {
		t.Errorf("events %+v", evs)
	}
}

func TestTransitionEase(t *testing.T) {
	before := computed(t, "opacity: 0; transition: opacity 400ms")
	after := computed(t, "opacity: 1; transition: opacity 400ms")
	var ts Transitions
	ts.Update(before, after, 100*msec)
	dst := *after
	ts.Sample(300*msec, &dst)
	if math.Abs(float64(dst.Opacity)-0.8024033877399112) > 1e-5 {
		t.Errorf("ease at 50%%: %v", dst.Opacity)
	}
	if ts.AffectsLayout() {
		t.Error("opacity relayouts")
	}
}

func TestTransitionDelayAndMatching(t *testing.T) {
	before := computed(t, "width: 0px; height: 0px; transition: width 100ms linear 200ms, height 0s")
	after := computed(t, "width: 100px; height: 50px; transition: width 100ms linear 200ms, height 0s")
	var ts Transitions
	ts.Update(before, after, 0)
	if len(ts.running) != 1 {
		t.Fatalf("%d transitions; height has duration 0", len(ts.running))
	}
	if got := widthAt(&ts, after, 100*msec); got != 0 {
		t.Errorf("in the delay: %v, want the start value", got)
	}
	if evs := ts.Events(); len(evs) != 0 {
		t.Errorf("events in the delay: %+v", evs)
	}
	if got := widthAt(&ts, after, 250*msec); got != 50 {
		t.Errorf("after the delay: %v", got)
	}
	if evs := ts.Events(); len(evs) != 1 || evs[0].Kind != TransitionStart {
		t.Errorf("events %+v", evs)
	}
	// A negative delay starts part-way through.
	before = computed(t, "width: 0px; transition: width 100ms linear -50ms")
	after = computed(t, "width: 100px; transition: width 100ms linear -50ms")
	ts = Transitions{}
	ts.Update(before, after, 0)
	if got := widthAt(&ts, after, 0); got != 50 {
		t.Errorf("negative delay: %v", got)
	}
	// The last matching entry wins, shorthands and all match.
	spec, ok := SpecFor(computed(t, "transition: all 1s, margin 2s, opacity 3s").Transitions, style.PropMarginLeft)
	if !ok || spec.Duration != 2000 {
		t.Errorf("margin-left spec %+v %v", spec, ok)
	}
	if _, ok := SpecFor(computed(t, "transition: none").Transitions, style.PropWidth); ok {
		t.Error("transition: none matches")
	}
	// Not transitionable: auto → length does not start.
	ts = Transitions{}
	ts.Update(computed(t, "width: auto; transition: all 1s"), computed(t, "width: 10px; transition: all 1s"), 0)
	if ts.Running() {
		t.Error("auto → 10px started a transition")
	}
	// color is not animatable (spec §2.7).
	ts.Update(computed(t, "color: red; transition: all 1s"), computed(t, "color: blue; transition: all 1s"), 0)
	if ts.Running() {
		t.Error("color transitions")
	}
}

// CSS Transitions 1 §3 step 4.3: going back shortens the reverse by how far
// the forward transition had got.
func TestTransitionReverseShortening(t *testing.T) {
	a := computed(t, "width: 100px; transition: width 1s linear")
	b := computed(t, "width: 200px; transition: width 1s linear")
	var ts Transitions
	ts.Update(a, b, 0)
	widthAt(&ts, b, 250*msec)
	ts.Events()
	ts.Update(b, a, 250*msec) // back to 100px at 125px
	evs := ts.Events()
	if len(evs) != 1 || evs[0].Kind != TransitionCancel || evs[0].ElapsedTime != 0.25 {
		t.Fatalf("cancel events %+v", evs)
	}
	tr := ts.running[0]
	if tr.duration != 250 || tr.shorten != 0.25 {
		t.Fatalf("reverse: duration %v factor %v, want 250ms and 0.25", tr.duration, tr.shorten)
	}
	if got := widthAt(&ts, a, 375*msec); got != 112.5 {
		t.Errorf("half-way back: %v, want 112.5", got)
	}
	widthAt(&ts, a, 500*msec)
	if evs := ts.Events(); len(evs) != 2 || evs[1].Kind != TransitionEnd || evs[1].ElapsedTime != 0.25 {
		t.Errorf("events %v", kinds(evs))
	}
	// Reversing the reverse: the factor composes (|0.5·0.25 + 1 − 0.25| = 0.875).
	ts = Transitions{}
	ts.Update(a, b, 0)
	ts.Update(b, a, 250*msec)
	ts.Update(a, b, 375*msec)
	if tr := ts.running[0]; tr.shorten != 0.875 || tr.duration != 875 {
		t.Errorf("re-reverse: factor %v duration %v", tr.shorten, tr.duration)
	}
}

func TestTransitionRetarget(t *testing.T) {
	a := computed(t, "width: 100px; transition: width 1s linear")
	b := computed(t, "width: 200px; transition: width 1s linear")
	c := computed(t, "width: 300px; transition: width 1s linear")
	var ts Transitions
	ts.Update(a, b, 0)
	ts.Update(b, c, 500*msec) // from the current 150px to 300px, full length
	if got := widthAt(&ts, c, 1000*msec); got != 225 {
		t.Errorf("retargeted: %v, want 225", got)
	}
	// Removing the transition-property cancels, and the value jumps.
	d := computed(t, "width: 50px")
	ts.Update(c, d, 1100*msec)
	if ts.Running() {
		t.Error("still running without a transition-property")
	}
	// cancel (retarget), start (of the new one), cancel (no property).
	if evs := ts.Events(); len(evs) != 3 || evs[0].Kind != TransitionCancel || evs[2].Kind != TransitionCancel {
		t.Errorf("events %v", kinds(evs))
	}
}

func TestTransitionSampleAllocs(t *testing.T) {
	a := computed(t, "transform: translateX(0px) rotate(0deg); box-shadow: 0 0 0 red; width: 0px; transition: all 10s")
	b := computed(t, "transform: translateX(100px) rotate(90deg); box-shadow: 5px 5px 5px blue; width: 100px; transition: all 10s")
	var ts Transitions
	ts.Update(a, b, 0)
	if len(ts.running) != 3 {
		t.Fatalf("%d transitions", len(ts.running))
	}
	dst := *b
	now := time.Duration(0)
	ts.Sample(now, &dst)
	prev := dst.Transform
	ts.Sample(msec, &dst)
	// The previous frame's list is intact: a cache comparing frames sees the move.
	if prev[0].Len[0].Px != 0 || dst.Transform[0].Len[0].Px == 0 {
		t.Errorf("previous frame's transform rewritten: %v then %v", prev[0].Len[0].Px, dst.Transform[0].Len[0].Px)
	}
	if n := testing.AllocsPerRun(200, func() {
		now += msec
		dst = *b
		ts.Sample(now, &dst)
		ts.Events()
	}); n != 0 {
		t.Fatalf("Sample allocates %v per frame", n)
	}
}

func TestTransitionUpdateFastPath(t *testing.T) {
	a, b := computed(t, "width: 1px"), computed(t, "width: 2px")
	var ts Transitions
	if n := testing.AllocsPerRun(100, func() { ts.Update(a, b, 0) }); n != 0 || ts.Running() {
		t.Errorf("a node without transitions: %v allocations, running %v", n, ts.Running())
	}
}

// Dropping the transition-property cancels a running transition even when
// the value does not change (CSS Transitions 1 §3, step 3).
func TestTransitionPropertyRemoved(t *testing.T) {
	a := computed(t, "opacity: 0; transition: opacity 1s")
	b := computed(t, "opacity: 1; transition: opacity 1s")
	c := computed(t, "opacity: 1; transition: width 1s")
	var ts Transitions
	ts.Update(a, b, 0)
	ts.Update(b, c, 100*msec)
	if ts.Running() {
		t.Error("still running after its transition-property went")
	}
	if evs := ts.Events(); len(evs) != 1 || evs[0].Kind != TransitionCancel {
		t.Errorf("events %+v", evs)
	}
}
