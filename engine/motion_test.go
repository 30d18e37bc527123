package engine

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/engine/paint"
)

// CSS motion in the frame pipeline (motion.go), driven frame by frame on
// the page's manual clock.

func loadMotionPage(t testing.TB) *Page {
	t.Helper()
	p, err := Load(filepath.Join("..", "testdata", "pages", "motion-transitions"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2})
	p.Update()
	return p
}

func nodeByID(t testing.TB, p *Page, id string) *Node {
	t.Helper()
	var found *Node
	p.Root().Walk(func(n *Node) bool {
		if found == nil && n.Kind == ElementNode && n.ID() == id {
			found = n
		}
		return found == nil
	})
	if found == nil {
		t.Fatalf("no #%s", id)
	}
	return found
}

// dumpBox finds the box with id in the page's layout dump.
func dumpBox(t testing.TB, p *Page, id string) [4]float32 {
	t.Helper()
	var find func(b *DumpBox) *DumpBox
	find = func(b *DumpBox) *DumpBox {
		if b.ID == id {
			return b
		}
		for _, c := range b.Children {
			if f := find(c); f != nil {
				return f
			}
		}
		return nil
	}
	b := find(p.LayoutDump().Root)
	if b == nil {
		t.Fatalf("no #%s in the dump", id)
	}
	return b.Box
}

// bezier is an independent cubic-bezier solver (bisection on x) for the
// expected values.
func bezier(x1, y1, x2, y2, x float64) float64 {
	at := func(a, b, t float64) float64 { return 3*a*t*(1-t)*(1-t) + 3*b*t*t*(1-t) + t*t*t }
	lo, hi := 0.0, 1.0
	for range 100 {
		mid := (lo + hi) / 2
		if at(x1, x2, mid) < x {
			lo = mid
		} else {
			hi = mid
		}
	}
	return at(y1, y2, (lo+hi)/2)
}

func easeInOut(x float64) float64 { return bezier(0.42, 0, 0.58, 1, x) }
func ease(x float64) float64      { return bezier(0.25, 0.1, 0.25, 1, x) }

func motionNear(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// callsText formats handler calls as "handler type k=v k=v" lines.
func callsText(calls []HandlerCall) string {
	var lines []string
	for _, c := range calls {
		s := c.Handler + " " + c.Event.Type + " #" + c.Event.Target.ID
		if d, ok := c.Event.Detail.(map[string]any); ok {
			for _, k := range []string{"propertyName", "animationName", "elapsedTime"} {
				if v, ok := d[k]; ok {
					s += fmt.Sprintf(" %s=%v", k, v)
				}
			}
		}
		lines = append(lines, s)
	}
	return strings.Join(lines, "\n")
}

// TestMotionTransitionFrames: the box's class flips by setData; its width
// (linear, a layout property) and opacity (ease-in-out, paint only) run
// from the old values at the frame of the change to the new ones 400 ms
// later, with the geometry of the layout dump and the computed opacity
// exact at each frame, and one transitionend per property at the end.
func TestMotionTransitionFrames(t *testing.T) {
	p := loadMotionPage(t)
	box := nodeByID(t, p, "box")
	p.DrainHandlerCalls()
	mustSet(t, p, `{"on": true}`)
	check := func(at string, w, op float64) {
		t.Helper()
		b := dumpBox(t, p, "box")
		if !motionNear(float64(b[2]), w, 1e-3) || b[0] != 20 || b[1] != 20 || b[3] != 60 {
			t.Errorf("%s: #box %v, want [20 20 %v 60]", at, b, w)
		}
		if !motionNear(float64(box.Style.Opacity), op, 1e-4) {
			t.Errorf("%s: opacity %v, want %.5f", at, box.Style.Opacity, op)
		}
		if a := dumpBox(t, p, "after"); a[1] != 90 || a[2] != 335 {
			t.Errorf("%s: #after %v moved", at, a)
		}
	}
	p.Update()
	check("0ms", 100, 1)
	frames := []struct {
		dt     float64
		w, op  float64
		events string
	}{
		{0.1, 150, 1 - 0.8*easeInOut(0.25), ""},
		{0.1, 200, 1 - 0.8*easeInOut(0.5), ""},
		{0.1, 250, 1 - 0.8*easeInOut(0.75), ""},
		{0.1, 300, 0.2, "onBoxEnd transitionend #box propertyName=width elapsedTime=0.4\nonBoxEnd transitionend #box propertyName=opacity elapsedTime=0.4"},
		{0.1, 300, 0.2, ""},
	}
	for i, f := range frames {
		p.Advance(f.dt)
		at := fmt.Sprintf("%dms", (i+1)*100)
		check(at, f.w, f.op)
		var box []HandlerCall
		for _, c := range p.DrainHandlerCalls() {
			if c.Event.Target.ID == "box" {
				box = append(box, c)
			}
		}
		if got := callsText(box); got != f.events {
			t.Errorf("%s: events\n%s\nwant\n%s", at, got, f.events)
		}
	}
	if rtOf(box).motion.listed {
		t.Error("the box stays on the moving list after its transitions ended")
	}
}

// TestMotionTransitionInterrupted: flipping the class back half-way
// reverses from the current value over the shortened duration (CSS
// Transitions 1 §3: 400 ms × the eased progress 0.5 = 200 ms), and the
// end event says so.
func TestMotionTransitionInterrupted(t *testing.T) {
	p := loadMotionPage(t)
	box := nodeByID(t, p, "box")
	mustSet(t, p, `{"on": true}`)
	p.Update()
	p.Advance(0.2)
	if b := dumpBox(t, p, "box"); b[2] != 200 || !motionNear(float64(box.Style.Opacity), 0.6, 1e-4) {
		t.Fatalf("half-way: width %v opacity %v", b[2], box.Style.Opacity)
	}
	p.DrainHandlerCalls()
	mustSet(t, p, `{"on": false}`)
	p.Update()
	if b := dumpBox(t, p, "box"); b[2] != 200 || !motionNear(float64(box.Style.Opacity), 0.6, 1e-4) {
		t.Errorf("at the flip: width %v opacity %v, want the current 200, 0.6", b[2], box.Style.Opacity)
	}
	p.Advance(0.1)
	if b := dumpBox(t, p, "box"); b[2] != 150 || !motionNear(float64(box.Style.Opacity), 0.6+0.4*easeInOut(0.5), 1e-4) {
		t.Errorf("+100ms: width %v opacity %v, want 150, 0.8", b[2], box.Style.Opacity)
	}
	p.Advance(0.1)
	if b := dumpBox(t, p, "box"); b[2] != 100 || box.Style.Opacity != 1 {
		t.Errorf("+200ms: width %v opacity %v, want 100, 1", b[2], box.Style.Opacity)
	}
	want := "onBoxEnd transitionend #box propertyName=width elapsedTime=0.2\nonBoxEnd transitionend #box propertyName=opacity elapsedTime=0.2"
	var got []HandlerCall
	for _, c := range p.DrainHandlerCalls() {
		if c.Event.Target.ID == "box" {
			got = append(got, c)
		}
	}
	if callsText(got) != want {
		t.Errorf("events\n%s\nwant\n%s", callsText(got), want)
	}
}

// rotation is the angle (degrees, in [0, 360)) of n's 2D transform.
func rotation(n *Node) float64 {
	m := paint.TransformMatrix(n.Style.Transform, 80, 80)
	a := math.Atan2(m[4], m[0]) * 180 / math.Pi
	if a < -1e-9 {
		a += 360
	}
	return a
}

// TestMotionKeyframesSpinner: `animation: spin 1s linear infinite` turns
// the spinner by 360° a second at every frame time, with animationstart
// once and animationiteration at each whole second (elapsedTime 1, 2).
// The alternate pulse animation (`ease`, 2 iterations) moves its height,
// and keeps the end state when it ends (Skyline's fill, spec §2.7).
func TestMotionKeyframesSpinner(t *testing.T) {
	p := loadMotionPage(t)
	spin := nodeByID(t, p, "spin")
	calls := callsText(p.DrainHandlerCalls())
	if want := "onSpinStart animationstart #spin animationName=spin elapsedTime=0\nonPulseStart animationstart #pulse animationName=pulse elapsedTime=0"; calls != want {
		t.Errorf("first frame events\n%s\nwant\n%s", calls, want)
	}
	pulseY := dumpBox(t, p, "pulse")[1]
	var events []string
	for i := 1; i <= 10; i++ {
		p.Advance(0.25)
		ms := i * 250
		if got, want := rotation(spin), math.Mod(float64(ms)*0.36, 360); !motionNear(got, want, 1e-3) {
			t.Errorf("%dms: spinner at %.4f°, want %v°", ms, got, want)
		}
		var h float64
		switch ms {
		case 250, 750:
			h = 40 + 40*ease(0.5)
		case 500:
			h = 80
		default:
			h = 40 // the alternate second iteration ended where it began
		}
		if b := dumpBox(t, p, "pulse"); !motionNear(float64(b[3]), h, 1e-3) || b[1] != pulseY {
			t.Errorf("%dms: pulse %v, want height %.4f", ms, b, h)
		}
		if c := callsText(p.DrainHandlerCalls()); c != "" {
			events = append(events, fmt.Sprintf("%dms: %s", ms, c))
		}
	}
	got := strings.Join(events, "\n")
	wantS := "1000ms: onSpinIteration animationiteration #spin animationName=spin elapsedTime=1\n" +
		"onPulseEnd animationend #pulse animationName=pulse elapsedTime=1\n" +
		"2000ms: onSpinIteration animationiteration #spin animationName=spin elapsedTime=2"
	if got != wantS {
		t.Errorf("events\n%s\nwant\n%s", got, wantS)
	}
	if !p.NeedsFrame() {
		t.Error("an infinite animation needs frames")
	}
}
