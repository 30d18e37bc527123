package worklet

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/internal/workletjs"
)

type rec struct {
	styles map[int][]string
	logs   []string
	diags  []diag.Diagnostic
}

func newRT(t testing.TB) (*Runtime, *rec) {
	rc := &rec{styles: map[int][]string{}}
	r := New(Config{
		Style: func(id int, decls string) { rc.styles[id] = append(rc.styles[id], decls) },
		Log:   func(level, msg string, p diag.Pos) { rc.logs = append(rc.logs, p.String()+" "+msg) },
		Diag:  func(d diag.Diagnostic) { rc.diags = append(rc.diags, d) },
	})
	if tt, ok := t.(*testing.T); ok {
		tt.Cleanup(func() {
			if len(rc.diags) > 0 {
				tt.Errorf("diagnostics: %v", rc.diags)
			}
		})
	}
	return r, rc
}

// wk is a worklet as the logic layer sends it, its closure holding shared
// values by id.
func wk(src string, closure map[string]any) *workletjs.Ref {
	return &workletjs.Ref{Kind: workletjs.Worklet, Src: src, File: "pages/w/w.js", Line: 1, Col: 1, Closure: closure}
}

func sv(id int) *workletjs.Ref { return &workletjs.Ref{Kind: workletjs.Shared, ID: id} }

const ms = time.Millisecond

// frames steps the runtime every step up to end and returns shared value
// id at each frame.
func frames(r *Runtime, id int, step, end time.Duration) []float64 {
	var out []float64
	for t := r.Now() + step; t <= end; t += step {
		r.Frame(t)
		v, _ := r.Value(id)
		out = append(out, v)
	}
	return out
}

// bezierY is an independent solver for cubic-bezier: bisection on x(s).
func bezierY(x1, y1, x2, y2, x float64) float64 {
	bx := func(s float64) float64 { return 3*(1-s)*(1-s)*s*x1 + 3*(1-s)*s*s*x2 + s*s*s }
	by := func(s float64) float64 { return 3*(1-s)*(1-s)*s*y1 + 3*(1-s)*s*s*y2 + s*s*s }
	lo, hi := 0.0, 1.0
	for range 100 {
		mid := (lo + hi) / 2
		if bx(mid) < x {
			lo = mid
		} else {
			hi = mid
		}
	}
	return by((lo + hi) / 2)
}

func TestTimingBezier(t *testing.T) {
	r, _ := newRT(t)
	r.CreateShared(1, 0.0)
	r.RunOnUI(wk(`function () { 'worklet'
  const { timing, Easing } = wx.worklet
  x.value = timing(300, { duration: 400, easing: Easing.bezier(0.25, 0.1, 0.25, 1).factory() })
}`, map[string]any{"x": sv(1)}), nil)
	got := frames(r, 1, 100*ms, 400*ms)
	for i, v := range got {
		p := float64(i+1) / 4
		want := 300 * bezierY(0.25, 0.1, 0.25, 1, p)
		if math.Abs(v-want) > 0.5 {
			t.Errorf("at %v%%: %.3f, want %.3f", p*100, v, want)
		}
	}
	if got[len(got)-1] != 300 {
		t.Errorf("end = %v, want exactly 300", got[len(got)-1])
	}
	if v, _ := r.Value(1); v != 300 || r.NeedsFrame() {
		t.Errorf("after: %v, needs frame %v", v, r.NeedsFrame())
	}
}

func TestSpringClosedForm(t *testing.T) {
	r, _ := newRT(t)
	r.CreateShared(1, 0.0)
	r.CreateShared(2, 0.0)
	r.RunOnUI(wk(`function () { 'worklet'
  x.value = wx.worklet.spring(100, { damping: 10, stiffness: 100, mass: 1 }, (finished) => { done.value = finished ? 1 : -1 })
}`, map[string]any{"x": sv(1), "done": sv(2)}), nil)
	// Underdamped: ζ = 0.5, ω0 = 10 rad/s.
	w0, zeta := 10.0, 0.5
	wd := w0 * math.Sqrt(1-zeta*zeta)
	closed := func(t float64) (x, v float64) {
		y0 := -100.0
		e := math.Exp(-zeta * w0 * t)
		b := zeta * w0 * y0 / wd
		x = 100 + e*(y0*math.Cos(wd*t)+b*math.Sin(wd*t))
		v = -zeta*w0*(x-100) + e*(-y0*wd*math.Sin(wd*t)+b*wd*math.Cos(wd*t))
		return x, v
	}
	step := 16 * ms
	settled := time.Duration(0)
	for i := 1; i < 1000; i++ {
		now := time.Duration(i) * step
		r.Frame(now)
		got, _ := r.Value(1)
		x, v := closed(now.Seconds())
		if math.Abs(v) < 2 && math.Abs(x-100) < 0.01 {
			settled = now
			if got != 100 {
				t.Errorf("at rest (%v): %v, want snapped to 100", now, got)
			}
			break
		}
		if math.Abs(got-x) > 1e-6 {
			t.Fatalf("at %v: %.6f, closed form %.6f", now, got, x)
		}
	}
	if settled == 0 || r.NeedsFrame() {
		t.Fatalf("spring did not settle when the closed form did (%v)", settled)
	}
	if d, _ := r.Value(2); d != 1 {
		t.Errorf("callback finished = %v, want 1 (true)", d)
	}
}

func TestDecayStops(t *testing.T) {
	r, _ := newRT(t)
	r.CreateShared(1, 10.0)
	r.SetShared(1, map[string]any{"__anim": "decay", "cfg": map[string]any{"velocity": 1000.0, "deceleration": 0.998}})
	step := 16 * ms
	var last float64
	n := 0
	for r.NeedsFrame() && n < 1000 {
		n++
		r.Frame(time.Duration(n) * step)
		last, _ = r.Value(1)
	}
	// v(t) = v0·d^t (t in ms) falls under 5 units/s at the first frame
	// past ln(5/1000)/ln(d); the value is then from + v0/1000·d(1−d^t)/(1−d).
	d := 0.998
	tStop := math.Ceil(math.Log(5.0/1000)/math.Log(d)/16) * 16
	want := 10 + 1000.0/1000*d*(1-math.Pow(d, tStop))/(1-d)
	if float64(n*16) != tStop || math.Abs(last-want) > 1e-6 {
		t.Errorf("stopped at %d ms, %.4f; want %v ms, %.4f", n*16, last, tStop, want)
	}
	// With a clamp it stops at the bound in the direction of travel.
	r.SetShared(1, map[string]any{"__anim": "decay", "cfg": map[string]any{"velocity": -2000.0, "clamp": []any{0.0, 1000.0}}})
	for i := 0; r.NeedsFrame() && i < 1000; i++ {
		r.Frame(r.Now() + step)
	}
	if v, _ := r.Value(1); v != 0 {
		t.Errorf("clamped decay ended at %v, want 0", v)
	}
}

func TestSequenceDelayRepeat(t *testing.T) {
	r, _ := newRT(t)
	r.CreateShared(1, 0.0)
	r.RunOnUI(wk(`function () { 'worklet'
  const { sequence, delay, repeat, timing, Easing } = wx.worklet
  x.value = sequence(
    delay(100, timing(100, { duration: 200, easing: Easing.linear })),
    repeat(timing(50, { duration: 100, easing: Easing.linear }), 2, true))
}`, map[string]any{"x": sv(1)}), nil)
	got := frames(r, 1, 50*ms, 550*ms)
	want := []float64{0, 0, 25, 50, 75, 100, 75, 50, 75, 100, 100}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("visited %v, want %v", got, want)
	}
}

func TestDerivedFollows(t *testing.T) {
	r, _ := newRT(t)
	r.CreateShared(1, 1.0)
	r.Derive(2, wk(`() => { 'worklet'; return x.value * 2 + 1 }`, map[string]any{"x": sv(1)}))
	if v, _ := r.Value(2); v != 3 {
		t.Fatalf("derived = %v, want 3", v)
	}
	r.SetShared(1, 5.0)
	if v, _ := r.Value(2); v != 11 {
		t.Errorf("after a write: %v, want 11", v)
	}
	r.SetShared(1, map[string]any{"__anim": "timing", "to": 105.0, "duration": 100.0,
		"easing": &workletjs.Ref{Kind: workletjs.Easing, Easing: []any{"linear"}}})
	for _, at := range []float64{25, 50, 100} {
		r.Frame(time.Duration(at) * ms)
		x, _ := r.Value(1)
		d, _ := r.Value(2)
		if d != x*2+1 {
			t.Errorf("frame %v: derived %v, source %v", at, d, x)
		}
	}
	if d, _ := r.Value(2); d != 211 {
		t.Errorf("end: %v, want 211", d)
	}
	// What the logic side is told: the source's end and the derived value.
	if s := r.DrainSync(); s[1] != 105.0 || s[2] != 211.0 {
		t.Errorf("sync = %v", s)
	}
}

func TestRunOnJS(t *testing.T) {
	r, _ := newRT(t)
	r.CreateShared(1, 4.0)
	r.RunOnUI(wk(`function (n) { 'worklet'; wx.worklet.runOnJS(report)(n + x.value, 'ui', { a: [1] }, x) }`,
		map[string]any{"x": sv(1), "report": &workletjs.Ref{Kind: workletjs.JSFunc, ID: 7}}), []any{2.0})
	calls := r.DrainCalls()
	if len(calls) != 1 || calls[0].Fn != 7 {
		t.Fatalf("calls = %+v", calls)
	}
	want := []any{6.0, "ui", map[string]any{"a": []any{1.0}}, sv(1)}
	if !reflect.DeepEqual(calls[0].Args, want) {
		t.Errorf("args = %#v, want %#v", calls[0].Args, want)
	}
}

func TestCancelAnimationStopsMidway(t *testing.T) {
	r, _ := newRT(t)
	r.CreateShared(1, 0.0)
	r.CreateShared(2, 0.0)
	r.RunOnUI(wk(`function () { 'worklet'
  x.value = wx.worklet.timing(100, { duration: 1000, easing: wx.worklet.Easing.linear }, (f) => { done.value = f ? 1 : -1 })
}`, map[string]any{"x": sv(1), "done": sv(2)}), nil)
	frames(r, 1, 100*ms, 300*ms)
	r.RunOnUI(wk(`function () { 'worklet'; wx.worklet.cancelAnimation(x) }`, map[string]any{"x": sv(1)}), nil)
	got := frames(r, 1, 100*ms, 600*ms)
	for _, v := range got {
		if v != 30 {
			t.Fatalf("after cancel: %v, want it held at 30", got)
		}
	}
	if d, _ := r.Value(2); d != -1 || r.NeedsFrame() {
		t.Errorf("callback finished = %v (want -1: false), needs frame %v", d, r.NeedsFrame())
	}
}

func TestAnimatedStyleMapper(t *testing.T) {
	r, rc := newRT(t)
	r.CreateShared(1, 0.0)
	r.CreateShared(2, 1.0)
	r.CreateShared(3, 0.0) // read by nobody
	r.ApplyStyle(5, wk(`() => { 'worklet'
  return { transform: 'translateX(' + x.value + 'px)', opacity: o.value, backgroundColor: 'red', marginTop: 4 }
}`, map[string]any{"x": sv(1), "o": sv(2)}), true)
	r.SetShared(1, map[string]any{"__anim": "timing", "to": 20.0, "duration": 20.0,
		"easing": &workletjs.Ref{Kind: workletjs.Easing, Easing: []any{"linear"}}})
	frames(r, 1, 10*ms, 40*ms)
	r.SetShared(3, 9.0)
	r.SetShared(2, 0.5)
	want := []string{
		"transform: translateX(0px); opacity: 1; background-color: red; margin-top: 4px",
		"transform: translateX(10px); opacity: 1; background-color: red; margin-top: 4px",
		"transform: translateX(20px); opacity: 1; background-color: red; margin-top: 4px",
		"transform: translateX(20px); opacity: 0.5; background-color: red; margin-top: 4px",
	}
	if got := rc.styles[5]; !reflect.DeepEqual(got, want) {
		t.Errorf("styles:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	r.ClearStyle(5)
	r.SetShared(1, 1.0)
	if len(rc.styles[5]) != 4 {
		t.Errorf("a cleared style still runs")
	}
	// immediate: false waits for the first change.
	r.ApplyStyle(6, wk(`() => { 'worklet'; return { opacity: o.value } }`, map[string]any{"o": sv(2)}), false)
	if len(rc.styles[6]) != 0 {
		t.Errorf("immediate: false ran at once: %v", rc.styles[6])
	}
	r.SetShared(2, 0.25)
	if got := rc.styles[6]; len(got) != 1 || got[0] != "opacity: 0.25" {
		t.Errorf("after a change: %v", got)
	}
}

func TestWorkletErrorsAndBudget(t *testing.T) {
	rc := &rec{}
	r := New(Config{TimeLimit: 20 * ms, Diag: func(d diag.Diagnostic) { rc.diags = append(rc.diags, d) },
		Log: func(level, msg string, p diag.Pos) { rc.logs = append(rc.logs, p.String()+" "+msg) }})
	ref := &workletjs.Ref{Kind: workletjs.Worklet, File: "pages/w/w.js", Line: 12, Col: 5,
		Src: "function () {\n      'worklet'\n      console.log('hi', k)\n      null.x\n    }", Closure: map[string]any{"k": 3.0}}
	r.RunOnUI(ref, nil)
	if len(rc.logs) != 1 || rc.logs[0] != "pages/w/w.js:14:18 hi 3" {
		t.Errorf("logs = %v", rc.logs)
	}
	if len(rc.diags) != 1 || !strings.HasPrefix(rc.diags[0].Error(), "pages/w/w.js:15:12: runOnUI: TypeError: Cannot read property 'x' of undefined") {
		t.Errorf("diags = %v", rc.diags)
	}
	rc.diags = nil
	r.RunOnUI(wk(`function () { 'worklet'; for (;;) {} }`, nil), nil)
	if len(rc.diags) != 1 || !strings.Contains(rc.diags[0].Msg, "interrupted") {
		t.Errorf("runaway worklet: %v", rc.diags)
	}
	rc.diags = nil
	r.RunOnUI(wk(`function () { 'worklet'; report() }`, map[string]any{"report": &workletjs.Ref{Kind: workletjs.JSFunc, ID: 1}}), nil)
	if len(rc.diags) != 1 || !strings.Contains(rc.diags[0].Msg, "runOnJS") {
		t.Errorf("calling a JS-thread function: %v", rc.diags)
	}
}

// A frame in which only animations step allocates nothing.
func TestFrameAllocs(t *testing.T) {
	r, _ := newRT(t)
	for id := 1; id <= 100; id++ {
		r.CreateShared(id, 0.0)
		r.SetShared(id, map[string]any{"__anim": "timing", "to": 100.0, "duration": 1e9,
			"easing": &workletjs.Ref{Kind: workletjs.Easing, Easing: []any{"bezier", 0.25, 0.1, 0.25, 1.0}}})
	}
	now := time.Duration(0)
	r.Frame(now)
	allocs := testing.AllocsPerRun(100, func() {
		now += 16 * ms
		r.Frame(now)
	})
	if allocs != 0 {
		t.Errorf("a frame of 100 running timings allocates %v times", allocs)
	}
}
