package motion

import (
	"math"
	"testing"
	"time"

	"github.com/skyline-go/skyline/style"
)

const testKeyframes = `
@keyframes move { from { transform: translateX(0px) } to { transform: translateX(100px) } }
@keyframes wide { 0% { width: 0px; animation-timing-function: ease } 50% { width: 100px } 100% { width: 0px } }
@keyframes fade { 50% { opacity: 0 } }
@keyframes flip { from { width: auto } to { width: 100px } }
@keyframes dup { 0%, 100% { width: 10px } 100% { width: 20px } }
`

// animated builds a node with the given inline style and its Animations.
type animated struct {
	t    *testing.T
	base *style.Computed
	as   Animations
	sets map[string]*KeyframeSet
}

func newAnimated(t *testing.T, css string) *animated {
	t.Helper()
	sh, ds := style.ParseSheet("a.wxss", []byte(testKeyframes), nil, nil)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	n := &animated{t: t, base: computed(t, css), sets: map[string]*KeyframeSet{}}
	for i := range sh.Keyframes {
		n.sets[sh.Keyframes[i].Name] = ResolveKeyframes(&sh.Keyframes[i], n.base, nil)
	}
	n.as.Update(n.base.Animations, func(name string) *KeyframeSet { return n.sets[name] }, 0)
	return n
}

func (n *animated) at(ms float64) *style.Computed {
	dst := *n.base
	n.as.Sample(time.Duration(ms*float64(time.Millisecond)), &dst)
	return &dst
}

func (n *animated) tx(ms float64) float32 {
	d := n.at(ms)
	if len(d.Transform) == 0 {
		return -1
	}
	return d.Transform[0].Len[0].Px
}

func (n *animated) events() []Event { return n.as.Events() }

func near(a, b float32) bool { return math.Abs(float64(a-b)) < 1e-3 }

func TestAnimationPlays(t *testing.T) {
	n := newAnimated(t, "animation: move 1s linear")
	for _, c := range []struct {
		at   float64
		want float32
	}{{0, 0}, {250, 25}, {500, 50}, {1000, 100}, {5000, 100}} {
		if got := n.tx(c.at); !near(got, c.want) {
			t.Errorf("at %vms: %v, want %v", c.at, got, c.want)
		}
	}
	evs := n.events()
	if len(evs) != 2 || evs[0].Kind != AnimationStart || evs[1].Kind != AnimationEnd || evs[1].ElapsedTime != 1 || evs[1].Name != "move" {
		t.Errorf("events %+v", evs)
	}
	if n.as.Running() || !n.as.Active() {
		t.Errorf("after the end: running %v active %v (Skyline keeps the end state)", n.as.Running(), n.as.Active())
	}
	// On the web, fill-mode none drops the effect at the end.
	n = newAnimated(t, "animation: move 1s linear")
	n.as.WebFill = true
	if got := n.tx(1000); got != -1 {
		t.Errorf("web fill none after the end: %v", got)
	}
}

func TestAnimationIterationsAndDirection(t *testing.T) {
	n := newAnimated(t, "animation: move 1s linear 2 alternate")
	for _, c := range []struct {
		at   float64
		want float32
	}{{250, 25}, {1250, 75}, {1500, 50}, {2000, 0}} {
		if got := n.tx(c.at); !near(got, c.want) {
			t.Errorf("alternate at %vms: %v, want %v", c.at, got, c.want)
		}
	}
	if k := kinds(n.events()); len(k) != 3 || k[0] != AnimationStart || k[1] != AnimationIteration || k[2] != AnimationEnd {
		t.Errorf("events %v", k)
	}
	n = newAnimated(t, "animation: move 1s linear 1.5 reverse")
	if got := n.tx(1200); !near(got, 80) {
		t.Errorf("reverse second iteration: %v, want 80", got)
	}
	if got := n.tx(9000); !near(got, 50) {
		t.Errorf("1.5 iterations reverse end: %v, want 50", got)
	}
	n = newAnimated(t, "animation: move 1s linear infinite alternate-reverse")
	if got := n.tx(2250); !near(got, 75) {
		t.Errorf("infinite alternate-reverse: %v, want 75", got)
	}
	n.tx(3100)
	if !n.as.Running() {
		t.Error("infinite animation stopped")
	}
	evs := n.events()
	if len(evs) != 2 || evs[1].Kind != AnimationIteration || evs[1].ElapsedTime != 3 {
		t.Errorf("events %+v (one iteration event for the frame that skipped two)", evs)
	}
}

func TestAnimationDelayAndFill(t *testing.T) {
	// Skyline: backwards behaves like forwards — nothing during the delay.
	n := newAnimated(t, "animation: move 1s linear 500ms backwards; transform: translateX(7px)")
	if got := n.tx(100); got != 7 {
		t.Errorf("Skyline delay with backwards: %v, want the base 7", got)
	}
	if got := n.tx(2000); got != 100 {
		t.Errorf("Skyline after the end: %v, want 100", got)
	}
	n = newAnimated(t, "animation: move 1s linear 500ms both; transform: translateX(7px)")
	if got := n.tx(100); got != 0 {
		t.Errorf("both during the delay: %v, want 0", got)
	}
	n = newAnimated(t, "animation: move 1s linear 500ms backwards; transform: translateX(7px)")
	n.as.WebFill = true
	if got := n.tx(100); got != 0 {
		t.Errorf("web backwards during the delay: %v, want 0", got)
	}
	if got := n.tx(2000); got != 7 {
		t.Errorf("web backwards after the end: %v, want 7", got)
	}
	n = newAnimated(t, "animation: move 1s linear -250ms")
	if got := n.tx(0); !near(got, 25) {
		t.Errorf("negative delay: %v, want 25", got)
	}
	if evs := n.events(); len(evs) != 1 || evs[0].ElapsedTime != 0.25 {
		t.Errorf("start event %+v, want elapsedTime 0.25", evs)
	}
}

func TestAnimationKeyframeTimingAndImplicit(t *testing.T) {
	n := newAnimated(t, "animation: wide 1s linear")
	if got := n.at(250).Width.Px; !near(got, 80.24034) {
		t.Errorf("keyframe ease at 25%%: %v, want 80.24", got)
	}
	if got := n.at(750).Width.Px; !near(got, 50) {
		t.Errorf("second segment (animation's linear) at 75%%: %v", got)
	}
	n = newAnimated(t, "animation: fade 1s linear; opacity: 0.8")
	for _, c := range []struct{ at, want float64 }{{0, 0.8}, {250, 0.4}, {750, 0.4}, {999, 0.7984}} {
		if got := n.at(c.at).Opacity; math.Abs(float64(got)-c.want) > 1e-4 {
			t.Errorf("implicit keyframes at %v: %v, want %v", c.at, got, c.want)
		}
	}
	n = newAnimated(t, "animation: flip 1s linear")
	if w := n.at(400).Width; w.Kind != style.LengthAuto {
		t.Errorf("auto→100px at 40%%: %+v, want auto", w)
	}
	if w := n.at(600).Width; w.Px != 100 {
		t.Errorf("auto→100px at 60%%: %+v, want 100px", w)
	}
	n = newAnimated(t, "animation: dup 1s linear")
	if w := n.at(1000).Width.Px; w != 20 {
		t.Errorf("the later 100%% keyframe wins: %v", w)
	}
	if ps := n.sets["wide"].Properties(); len(ps) != 1 || ps[0] != style.PropWidth {
		t.Errorf("wide animates %v", ps)
	}
}

func TestAnimationPauseAndChange(t *testing.T) {
	n := newAnimated(t, "animation: move 1s linear")
	n.tx(200)
	kf := func(name string) *KeyframeSet { return n.sets[name] }
	paused := computed(t, "animation: move 1s linear paused")
	n.as.Update(paused.Animations, kf, 200*time.Millisecond)
	if got := n.tx(700); !near(got, 20) || n.as.Running() {
		t.Errorf("paused: %v running %v", got, n.as.Running())
	}
	n.as.Update(n.base.Animations, kf, 700*time.Millisecond)
	if got := n.tx(800); !near(got, 30) {
		t.Errorf("resumed: %v, want 30", got)
	}
	// A longhand change keeps the animation running from its start.
	slow := computed(t, "animation: move 2s linear")
	n.as.Update(slow.Animations, kf, 800*time.Millisecond)
	if got := n.tx(800); !near(got, 15) {
		t.Errorf("duration changed: %v, want 15", got)
	}
	n.events()
	n.as.Update(nil, kf, 900*time.Millisecond)
	if evs := n.events(); len(evs) != 1 || evs[0].Kind != AnimationCancel || evs[0].Name != "move" {
		t.Errorf("removed: %+v", evs)
	}
	if n.as.Active() {
		t.Error("a removed animation is still active")
	}
	// An unknown name runs nothing.
	n.as.Update(computed(t, "animation: nosuch 1s").Animations, kf, 0)
	if n.as.Active() {
		t.Error("an animation without @keyframes runs")
	}
}

func TestAnimationSampleAllocs(t *testing.T) {
	n := newAnimated(t, "animation: move 1s linear infinite, wide 3s infinite, fade 2s infinite")
	dst := *n.base
	now := time.Duration(0)
	n.as.Sample(now, &dst)
	n.as.Sample(now+time.Millisecond, &dst)
	if a := testing.AllocsPerRun(200, func() {
		now += 7 * time.Millisecond
		dst = *n.base
		n.as.Sample(now, &dst)
		n.as.Events()
	}); a != 0 {
		t.Fatalf("Sample allocates %v per frame", a)
	}
}

// this.animate's scroll-driven form: scroll offset, not the clock, moves
// the animation.
func TestScrollTimeline(t *testing.T) {
	n := newAnimated(t, "animation: move 1s linear")
	st := ScrollTimeline{StartScrollOffset: 100, EndScrollOffset: 300, TimeRange: 1000}
	for _, c := range []struct {
		offset float64
		want   float32
	}{{0, 0}, {150, 25}, {200, 50}, {250, 75}, {400, 100}, {200, 50}} {
		dst := *n.base
		n.as.Sample(st.Time(c.offset), &dst)
		if got := dst.Transform[0].Len[0].Px; !near(got, c.want) {
			t.Errorf("at scroll offset %v: %v, want %v", c.offset, got, c.want)
		}
	}
}
