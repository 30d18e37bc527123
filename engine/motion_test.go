package engine

import (
	"fmt"
	"image"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/skyline-go/skyline/skytest/golden"
	"github.com/skyline-go/skyline/style"
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
		// The box's width moves: the frame lays out the box and the
		// pulse (its height moves until 1 s), nothing else.
		var ids []string
		for _, n := range p.mo.relaid {
			ids = append(ids, n.ID())
		}
		slices.Sort(ids)
		if got, want := strings.Join(ids, " "), map[bool]string{true: "box pulse", false: "pulse"}[i < 4]; got != want {
			t.Errorf("%s: the frame relaid %q, want %q", at, got, want)
		}
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
	m := style.TransformMatrix(n.Style.Transform, 80, 80)
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
	// The ended pulse keeps its end state without being sampled or laid
	// out at every frame; a restyle of it samples it again.
	if len(p.mo.nodes) != 1 || p.mo.nodes[0] != spin {
		t.Errorf("moving nodes %v, want only #spin", p.mo.nodes)
	}
	p.Advance(0.25)
	if len(p.mo.relaid) != 0 {
		t.Errorf("a paint-only frame relaid %d nodes", len(p.mo.relaid))
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2, Dark: true}) // restyles everything
	if b := dumpBox(t, p, "pulse"); b[3] != 40 || b[1] != pulseY {
		t.Errorf("pulse after a restyle: %v, want its end state (height 40)", b)
	}
	if got, want := rotation(spin), 2750*0.36-720; !motionNear(got, want, 1e-3) {
		t.Errorf("spinner after a restyle at %.3f°, want %.3f°", got, want)
	}
}

// TestMotionGoldenFrames renders the motion page at 0, 50 and 100 % of the
// box's transition (the spinner at 0°, 72° and 144°, the pulse part-way):
// frames on the manual clock are exact, so they are golden images.
func TestMotionGoldenFrames(t *testing.T) {
	p := loadMotionPage(t)
	mustSet(t, p, `{"on": true}`)
	dir := filepath.Join("..", "testdata", "golden")
	for i, ms := range []int{0, 200, 400} {
		if i > 0 {
			p.Advance(0.2)
		}
		img := newRGBA(p)
		p.Render(img)
		golden.Check(t, img, filepath.Join(dir, fmt.Sprintf("motion-transitions-%dms.png", ms)), *update,
			"go test ./engine -run MotionGoldenFrames -update")
	}
}

func newRGBA(p *Page) *image.RGBA {
	w, h := p.RenderSize(false)
	return image.NewRGBA(image.Rect(0, 0, w, h))
}

// TestMotionNeedsFrame: a page where nothing moves asks for no frames; a
// transition asks for them from the style change that starts it until it
// ends.
func TestMotionNeedsFrame(t *testing.T) {
	p, err := loadWXML(t, `<view class="b {{on ? 'on' : ''}}"></view>`, `{"on": false}`,
		map[string]string{"index.wxss": `.b { height: 10px; opacity: 1; transition: opacity 100ms } .b.on { opacity: 0.5 }`})
	if err != nil {
		t.Fatal(err)
	}
	p.Update()
	if p.NeedsFrame() || p.Advance(1.0/60) {
		t.Fatal("a still page needs frames")
	}
	mustSet(t, p, `{"on": true}`)
	p.Update()
	if !p.NeedsFrame() {
		t.Fatal("a started transition needs frames")
	}
	frames := 0
	for p.Advance(1.0 / 60) {
		frames++
	}
	if frames != 5 || p.NeedsFrame() {
		t.Errorf("moving for %d frames (want 5: the 6th, at 100 ms, ends it), NeedsFrame %v after", frames, p.NeedsFrame())
	}
}

// TestMotionOneClock: scroll physics and CSS motion step to the same
// timestamp; the time stamps of drags move the clock on, never back.
func TestMotionOneClock(t *testing.T) {
	p := loadMotionPage(t)
	p.Advance(0.5)
	if now := p.Clock().Now(); now != 500*time.Millisecond || p.pipe.lt.sc.now != 500 {
		t.Errorf("after Advance(0.5): clock %v, scroll clock %v ms", now, p.pipe.lt.sc.now)
	}
	h := (*streamHost)(p)
	h.ScrollClock(2010) // a drag's time stamp (ms)
	h.ScrollClock(100)  // an earlier stamp does not move it back
	p.Advance(0.25)
	if now := p.Clock().Now(); now != 2260*time.Millisecond || p.pipe.lt.sc.now != 2260 {
		t.Errorf("clock %v, scroll clock %v ms, want 2.26s", now, p.pipe.lt.sc.now)
	}
	if got, want := rotation(nodeByID(t, p, "spin")), 2260*0.36-720; !motionNear(got, want, 1e-3) {
		t.Errorf("spinner at %.3f°, want %.3f°", got, want)
	}
}

// TestMotionKeyframeIsolation (spec §2.9): a node sees the @keyframes of
// its own style scope; with keyframeStyleIsolation "legacy" it sees every
// sheet's.
func TestMotionKeyframeIsolation(t *testing.T) {
	for _, legacy := range []bool{false, true} {
		app := `{}`
		if legacy {
			app = `{"rendererOptions":{"skyline":{"keyframeStyleIsolation":"legacy"}}}`
		}
		files := map[string]string{
			"app.json":   app,
			"index.json": `{"usingComponents":{"c-card":"/comp/card"}}`,
			"index.wxss": `.pg { width: 100px; height: 10px; animation: compgrow 1s linear }
				@keyframes pagegrow { from { width: 0px } to { width: 300px } }`,
			"comp/card.wxml": `<view id="inner" class="in"></view>`,
			"comp/card.wxss": `.in { width: 100px; height: 10px; animation: pagegrow 1s linear }
				@keyframes compgrow { from { width: 0px } to { width: 50px } }`,
		}
		p := loadComp(t, `<view id="pg" class="pg"></view><c-card/>`, "", files, nil)
		p.Update()
		p.Advance(0.5)
		pg, inner := dumpBox(t, p, "pg")[2], dumpBox(t, p, "inner")[2]
		wantPg, wantInner := float32(100), float32(100) // isolated: no such keyframes, no animation
		if legacy {
			wantPg, wantInner = 25, 150
		}
		if pg != wantPg || inner != wantInner {
			t.Errorf("legacy=%v: #pg width %v, #inner width %v, want %v, %v", legacy, pg, inner, wantPg, wantInner)
		}
	}
}

// TestMotionScrollUnitLayers: a paint-only transition on an item of a
// scroll-view drops the item's cached layer each frame, so composed frames
// look like directly painted ones.
func TestMotionScrollUnitLayers(t *testing.T) {
	p, err := loadWXML(t, `<scroll-view id="list" scroll-y style="height: 400px">
		<view wx:for="{{[1,2,3,4]}}" id="it-{{index}}" class="item {{on ? 'on' : ''}}">item {{item}}</view></scroll-view>`, `{"on": false}`,
		map[string]string{"index.wxss": `.item { height: 80px; background: #36c; opacity: 1; transition: opacity 300ms linear, transform 300ms, height 300ms linear }
			.item.on { opacity: 0.3; transform: translateX(40px); height: 120px }`})
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2})
	withLayers, direct := newRGBA(p), newRGBA(p)
	render := func() {
		p.Render(withLayers)
		p.pipe.lt.sc.noLayers = true
		p.Render(direct)
		p.pipe.lt.sc.noLayers = false
	}
	render()
	mustSet(t, p, `{"on": true}`)
	for f := 0; f < 5; f++ {
		p.Advance(0.1)
		render()
		if d, n := maxChannelDiff(withLayers, direct); d > 2 {
			t.Fatalf("frame %d: layers differ from direct paint by %d levels at %d pixels", f, d, n)
		}
		// The items' height moves too: the scroll-view places them anew.
		h := 80 + 40*min(float32(f+1)/3, 1)
		var second *Node
		n := 0
		findID(p.Root(), "list").Walk(func(c *Node) bool {
			if c.Kind == ElementNode && c.Tag == "view" {
				if n++; n == 2 {
					second = c
				}
			}
			return second == nil
		})
		if l, ok := p.layoutOf(second); !ok || !motionNear(float64(l.Size.Height), float64(h), 1e-3) {
			t.Errorf("frame %d: second item height %v, want %v", f, l.Size.Height, h)
		}
		if b := dumpBox(t, p, "it-2"); !motionNear(float64(b[1]), float64(2*h), 1e-3) || !motionNear(float64(b[3]), float64(h), 1e-3) {
			t.Errorf("frame %d: third item at %v, want y %v height %v", f, b, 2*h, h)
		}
	}
}

// TestMotionFrameAllocs: once every animation has sampled, a frame
// (Advance: clock, sampling, relayout when a size moves) and its paint
// allocate nothing — for a paint-only transition (opacity, transform), a
// layout one (width) and an infinite keyframes spinner.
func TestMotionFrameAllocs(t *testing.T) {
	for _, c := range motionBenchPages {
		p := loadMotionBench(t, c.name, c.wxss)
		img := newRGBA(p)
		a := testing.AllocsPerRun(50, func() { p.Advance(1.0 / 60) })
		r := testing.AllocsPerRun(50, func() { p.Advance(1.0 / 60); p.Render(img) })
		if a != 0 || r != 0 {
			t.Errorf("%s: %v allocs per Advance, %v per Advance+Render, want 0", c.name, a, r)
		}
		if !p.NeedsFrame() {
			t.Errorf("%s: not running any more", c.name)
		}
	}
}

var motionBenchPages = []struct{ name, wxss string }{
	{"opacity", `.b { width: 100px; height: 50px; background: red; opacity: 1; transition: opacity 100s linear } .b.on { opacity: 0 }`},
	{"transform", `.b { width: 100px; height: 50px; background: red; transition: transform 100s ease } .b.on { transform: translateX(100px) rotate(30deg) }`},
	{"width", `.b { width: 100px; height: 50px; background: red; transition: width 100s linear } .b.on { width: 300px }`},
	{"width-text", `.b { width: 100px; height: 50px; background: red; transition: width 100s linear } .b.on { width: 300px }`},
	{"spinner", `.b { width: 100px; height: 50px; background: red; animation: s 1s linear infinite } @keyframes s { to { transform: rotate(360deg) } }`},
}

// loadMotionBench loads a page with a running motion and a few frames
// behind it (every buffer made).
func loadMotionBench(t testing.TB, name, wxss string) *Page {
	src := `<view class="b {{on ? 'on' : ''}}"></view><view class="t">some text below</view>`
	if strings.Contains(name, "text") {
		src = `<view class="b {{on ? 'on' : ''}}">a label inside <text>and a text</text></view><view class="t">some text below</view>`
	}
	p, err := loadWXML(t, src, `{"on": false}`, map[string]string{"index.wxss": wxss})
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2})
	p.Update()
	if err := p.SetData(map[string]any{"on": true}); err != nil {
		t.Fatal(err)
	}
	img := newRGBA(p)
	for range 5 {
		p.Advance(1.0 / 60)
		p.Render(img)
	}
	return p
}

// BenchmarkMotionFrame is one animation frame: Advance (sampling, and
// relayout for width) and, in /render, its paint at 750×1334.
func BenchmarkMotionFrame(b *testing.B) {
	for _, c := range motionBenchPages {
		b.Run(c.name, func(b *testing.B) {
			p := loadMotionBench(b, c.name, c.wxss)
			b.ReportAllocs()
			for b.Loop() {
				p.Advance(1.0 / 60)
			}
		})
		b.Run(c.name+"/render", func(b *testing.B) {
			p := loadMotionBench(b, c.name, c.wxss)
			img := newRGBA(p)
			b.ReportAllocs()
			for b.Loop() {
				p.Advance(1.0 / 60)
				p.Render(img)
			}
		})
	}
}

// TestMotionEventsBubble: transitionend is one of spec §1.6's bubbling
// types, so an ancestor's binding hears it with the animated node as
// target; a capture binding runs first.
func TestMotionEventsBubble(t *testing.T) {
	p, err := loadWXML(t, `<view id="outer" bindtransitionend="onOuter" capture-bind:transitionend="onCapture">
		<view id="in" class="b {{on ? 'on' : ''}}"></view></view>`, `{"on": false}`,
		map[string]string{"index.wxss": `.b { height: 10px; opacity: 1; transition: opacity 100ms linear } .b.on { opacity: 0 }`})
	if err != nil {
		t.Fatal(err)
	}
	p.Update()
	mustSet(t, p, `{"on": true}`)
	p.Update()
	p.Advance(0.1)
	calls := p.DrainHandlerCalls()
	if got, want := callsText(calls), "onCapture transitionend #in propertyName=opacity elapsedTime=0.1\nonOuter transitionend #in propertyName=opacity elapsedTime=0.1"; got != want {
		t.Fatalf("calls\n%s\nwant\n%s", got, want)
	}
	if c := calls[1].Event; c.CurrentTarget.ID != "outer" || c.TimeStamp != 100 {
		t.Errorf("currentTarget %q timeStamp %v, want outer, 100", c.CurrentTarget.ID, c.TimeStamp)
	}
}

// TestMotionBuilderItemsRebound: a list-builder item rebound from the pool
// to another index styles as new: nothing transitions from the values of
// its previous binding.
func TestMotionBuilderItemsRebound(t *testing.T) {
	p, err := loadWXML(t, builderPageWXML, "", map[string]string{"index.wxss": builderPageWXSS +
		`.item { transition: background-color 1s linear, height 1s linear }`})
	if err != nil {
		t.Fatal(err)
	}
	items := make([]any, 500)
	for i := range items {
		items[i] = varHeight(i)
	}
	if err := p.SetData(map[string]any{"items": items}); err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	sv := findID(p.Root(), "list")
	for off := 500.0; off <= 5000; off += 500 {
		p.ScrollTo(sv, off, false)
		p.Advance(1.0 / 60)
		if len(p.mo.nodes) != 0 {
			t.Fatalf("offset %v: %d nodes transition after rebinding", off, len(p.mo.nodes))
		}
	}
	if _, _, reused := rtOf(findID(p.Root(), "b")).builder.tb.Stats(); reused == 0 {
		t.Fatal("no item was rebound from the pool")
	}
}

// TestMotionInlineStyle: the common WeChat pattern of a bound inline
// style, `transform: translateX({{x}}px); transition: transform 200ms`,
// transitions on setData (no stylesheet declares motion).
func TestMotionInlineStyle(t *testing.T) {
	p, err := loadWXML(t, `<view id="k" style="width: 50px; height: 50px; transform: translateX({{x}}px); transition: transform 200ms linear"></view>`,
		`{"x": 0}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	p.Update()
	if p.pipe.motionRules {
		t.Fatal("no rule declares motion")
	}
	k := nodeByID(t, p, "k")
	tx := func() float64 { return style.TransformMatrix(k.Style.Transform, 50, 50)[3] }
	mustSet(t, p, `{"x": 100}`)
	p.Update()
	if tx() != 0 {
		t.Errorf("at the change: translateX %v, want 0", tx())
	}
	p.Advance(0.05)
	if !motionNear(tx(), 25, 1e-4) {
		t.Errorf("50ms: translateX %v, want 25", tx())
	}
	p.Advance(0.15)
	if tx() != 100 || p.NeedsFrame() {
		t.Errorf("200ms: translateX %v (want 100), NeedsFrame %v", tx(), p.NeedsFrame())
	}
}

// TestMotionRemovedOrHidden: a node removed mid-transition leaves the
// frame loop; one hidden by display: none stops its animation (with
// animationcancel to its own bindings) and starts it again when shown.
func TestMotionRemovedOrHidden(t *testing.T) {
	p, err := loadWXML(t, `<view wx:if="{{keep}}" class="b {{on ? 'on' : ''}}"></view>
		<view id="s" class="s" style="display: {{show ? 'flex' : 'none'}}" bindanimationcancel="onCancel" bindanimationstart="onStart"></view>`,
		`{"keep": true, "on": false, "show": true}`,
		map[string]string{"index.wxss": `.b { height: 10px; width: 10px; transition: width 1s } .b.on { width: 100px }
			.s { width: 10px; height: 10px; animation: grow 1s linear infinite } @keyframes grow { to { width: 110px } }`})
	if err != nil {
		t.Fatal(err)
	}
	p.Update()
	mustSet(t, p, `{"on": true}`)
	p.Advance(0.5)
	if len(p.mo.nodes) != 2 {
		t.Fatalf("%d moving nodes, want 2", len(p.mo.nodes))
	}
	mustSet(t, p, `{"keep": false}`)
	p.Advance(0.1)
	if len(p.mo.nodes) != 1 {
		t.Errorf("%d moving nodes after the removal, want 1", len(p.mo.nodes))
	}
	p.DrainHandlerCalls()
	mustSet(t, p, `{"show": false}`)
	p.Advance(0.1)
	if got, want := callsText(p.DrainHandlerCalls()), "onCancel animationcancel #s animationName=grow elapsedTime=0.6"; got != want {
		t.Errorf("hiding: %q, want %q", got, want)
	}
	if len(p.mo.nodes) != 0 || p.NeedsFrame() {
		t.Errorf("hidden: %d moving nodes, NeedsFrame %v", len(p.mo.nodes), p.NeedsFrame())
	}
	mustSet(t, p, `{"show": true}`)
	p.Advance(0.25)
	if got, want := callsText(p.DrainHandlerCalls()), "onStart animationstart #s animationName=grow elapsedTime=0"; got != want {
		t.Errorf("showing: %q, want %q", got, want)
	}
	if w := dumpBox(t, p, "s")[2]; w != 35 {
		t.Errorf("shown again 250ms ago: width %v, want 35 (restarted)", w)
	}
}

// TestMotionRelayoutMatchesStatic: a motion frame lays out only the moving
// box (marked dirty, its text keeping its shaping); the result equals a
// page whose style has the frame's value from the start, text wrapping
// included.
func TestMotionRelayoutMatchesStatic(t *testing.T) {
	const src = `<view class="row"><view id="b" class="b {{on ? 'on' : ''}}">a label that wraps when narrow <text id="t">and a text root</text></view><view id="side" class="side">side</view></view><view id="below">below</view>`
	p, err := loadWXML(t, src, `{"on": false}`, map[string]string{"index.wxss": `.row { flex-direction: row }
		.b { width: 60px; padding: 4px; transition: width 1s linear, padding 1s linear } .b.on { width: 260px; padding: 12px }
		.side { flex-grow: 1 }`})
	if err != nil {
		t.Fatal(err)
	}
	p.Update()
	mustSet(t, p, `{"on": true}`)
	p.Update()
	p.Advance(0.25)
	want, err := loadWXML(t, src, `{"on": false}`, map[string]string{"index.wxss": `.row { flex-direction: row }
		.b { width: 110px; padding: 6px } .side { flex-grow: 1 }`})
	if err != nil {
		t.Fatal(err)
	}
	g, w := p.LayoutDump(), want.LayoutDump()
	gj, _ := g.MarshalIndent()
	wj, _ := w.MarshalIndent()
	// Classes differ ("b on" vs "b "): compare boxes only.
	strip := func(b []byte) string {
		var out []string
		for _, l := range strings.Split(string(b), "\n") {
			if !strings.Contains(l, `"class"`) {
				out = append(out, l)
			}
		}
		return strings.Join(out, "\n")
	}
	if strip(gj) != strip(wj) {
		t.Errorf("motion frame\n%s\nstatic page\n%s", gj, wj)
	}
	if len(p.mo.relaid) != 1 {
		t.Errorf("the frame relaid %d nodes, want 1", len(p.mo.relaid))
	}
}

// TestMotionHiddenAncestor: an animation inside a display: none subtree
// (a hidden tab) does not run and asks for no frames; showing the subtree
// starts it.
func TestMotionHiddenAncestor(t *testing.T) {
	p, err := loadWXML(t, `<view style="display: {{show ? 'flex' : 'none'}}"><view id="s" class="s"></view></view>`, `{"show": false}`,
		map[string]string{"index.wxss": `.s { width: 10px; height: 10px; animation: spin 1s linear infinite } @keyframes spin { to { transform: rotate(360deg) } }`})
	if err != nil {
		t.Fatal(err)
	}
	p.Update()
	if p.Advance(0.1) || p.NeedsFrame() {
		t.Fatal("a spinner in a hidden subtree asks for frames")
	}
	mustSet(t, p, `{"show": true}`)
	p.Advance(0.25)
	if got := rotation(nodeByID(t, p, "s")); !motionNear(got, 90, 1e-3) || !p.NeedsFrame() {
		t.Errorf("shown 250 ms ago: %.3f°, want 90°; NeedsFrame %v", got, p.NeedsFrame())
	}
}

// BenchmarkMotion100Spinners is a frame of 100 nodes whose transform a
// keyframes animation turns (paint only: nothing is laid out), and, in
// /render, its paint.
func BenchmarkMotion100Spinners(b *testing.B) {
	p, err := loadWXML(b, `<view class="grid"><view wx:for="{{100}}" class="s" style="animation-delay: -{{index * 10}}ms"></view></view>`, "",
		map[string]string{"index.wxss": `.grid { flex-direction: row; flex-wrap: wrap }
			.s { width: 30px; height: 30px; margin: 3px; background: #36c; animation: spin 1s linear infinite }
			@keyframes spin { to { transform: rotate(360deg) } }`})
	if err != nil {
		b.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2})
	img := newRGBA(p)
	for range 3 {
		p.Advance(1.0 / 60)
		p.Render(img)
	}
	if len(p.mo.nodes) != 100 {
		b.Fatalf("%d moving nodes, want 100", len(p.mo.nodes))
	}
	b.Run("advance", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			p.Advance(1.0 / 60)
		}
	})
	b.Run("render", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			p.Advance(1.0 / 60)
			p.Render(img)
		}
	})
}

// TestMotionRandomFrames flips classes, shows and hides, removes and adds
// nodes with transitions on many kinds of value at random frame times
// (0, a frame, a jump past every end); once everything has ended the page
// lays out and paints exactly like a fresh page loaded with the same data
// (every transition ends on its node's own style), and asks for no frames.
func TestMotionRandomFrames(t *testing.T) {
	for _, seed := range []uint64{12345, 7919, 4 * 7919} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { motionRandomFrames(t, seed) })
	}
}

func motionRandomFrames(t *testing.T, seed uint64) {
	const src = `<view class="root">
	<view wx:for="{{items}}" wx:key="id" id="n{{item.id}}" class="n {{item.c}}" style="display: {{item.show ? 'flex' : 'none'}}">
		<text class="t {{item.c}}">label {{item.id}}</text>
	</view></view>`
	const wxss = `.root { flex-direction: row; flex-wrap: wrap; padding: 5px }
.n { width: 60px; height: 40px; margin: 4px; padding: 2px; border: 1px solid #000; background-color: #36c; opacity: 1;
  transition: all 300ms ease, width 200ms steps(3), height 250ms cubic-bezier(0.3, -0.5, 0.7, 1.5) -50ms, transform 400ms linear 100ms }
.t { font-size: 12px; transition: opacity 150ms }
.a { width: 90px; height: 30%; margin-left: 20px; border-width: 4px; border-radius: 8px; background-color: rgba(255, 0, 0, 0.5);
  opacity: 0.4; transform: translate(10%, 5px) rotate(30deg) scale(1.2); box-shadow: 2px 3px 4px rgba(0,0,0,0.5); filter: blur(2px) }
.b { width: auto; height: 50px; padding: 8px; border-color: #0f0; transform: skewX(10deg); box-shadow: inset 0 0 6px #f00, 1px 1px #00f;
  z-index: 3; flex-grow: 1; filter: brightness(1.5) }
.c { min-width: 30px; max-width: 50%; transform: matrix(1, 0.2, 0.1, 1, 5, 5); opacity: 0; gap: 4px }
.t.a { opacity: 0.5 }
.n::after { content: ""; width: 6px; height: 6px; background-color: #000; transition: width 200ms linear, opacity 300ms }
.n.b::after { width: 20px; opacity: 0.3 }
.n.c::before { content: ""; width: 4px; height: 4px; background-color: #f0f; transition: height 100ms }`
	classes := []string{"", "a", "b", "c", "a b", "b c"}
	rng := seed
	rnd := func(n int) int {
		rng = rng*6364136223846793005 + 1442695040888963407
		return int(rng>>33) % n
	}
	type item struct {
		ID   int
		C    string
		Show bool
	}
	items := make([]item, 12)
	for i := range items {
		items[i] = item{ID: i, Show: true}
	}
	nextID := len(items)
	data := func() map[string]any {
		list := make([]any, len(items))
		for i, it := range items {
			list[i] = map[string]any{"id": float64(it.ID), "c": it.C, "show": it.Show}
		}
		return map[string]any{"items": list}
	}
	p, err := loadWXML(t, src, "", map[string]string{"index.wxss": wxss})
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	if err := p.SetData(data()); err != nil {
		t.Fatal(err)
	}
	img := newRGBA(p)
	p.Render(img)
	for step := 0; step < 400; step++ {
		switch r := rnd(10); {
		case r < 5:
			i := rnd(len(items))
			items[i].C = classes[rnd(len(classes))]
		case r < 6:
			i := rnd(len(items))
			items[i].Show = !items[i].Show
		case r < 7 && len(items) > 2:
			i := rnd(len(items))
			items = append(items[:i], items[i+1:]...)
		case r < 8:
			items = append(items, item{ID: nextID, C: classes[rnd(len(classes))], Show: true})
			nextID++
		}
		if err := p.SetData(data()); err != nil {
			t.Fatal(err)
		}
		switch rnd(4) {
		case 0:
			p.Update()
		case 1:
			p.Advance(0)
		case 2:
			p.Advance(float64(1+rnd(40)) / 1000)
		default:
			p.Advance(float64(rnd(500)) / 1000)
		}
		if step%25 == 0 {
			p.Render(img)
		}
		p.DrainHandlerCalls()
	}
	p.Advance(10)
	if p.NeedsFrame() || p.Advance(1.0/60) {
		t.Error("the page still moves after every transition ended")
	}
	fresh, err := loadWXML(t, src, "", map[string]string{"index.wxss": wxss})
	if err != nil {
		t.Fatal(err)
	}
	fresh.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	if err := fresh.SetData(data()); err != nil {
		t.Fatal(err)
	}
	got, _ := p.LayoutDump().MarshalIndent()
	want, _ := fresh.LayoutDump().MarshalIndent()
	if string(got) != string(want) {
		t.Errorf("after the motion ended the layout differs from a fresh page's\n%s\nwant\n%s", got, want)
	}
	a, b := newRGBA(p), newRGBA(fresh)
	p.Render(a)
	fresh.Render(b)
	if d, n := maxChannelDiff(a, b); d > 0 {
		t.Errorf("after the motion ended the frame differs from a fresh page's by %d levels at %d pixels", d, n)
	}
}

// TestRestyledBoundaryResizes: a box that is its own relayout boundary
// (fixed width and height, a fixed min-width) whose style changes its
// width is laid out by its parent again, so it and its siblings move —
// by setData as by a motion frame. (MarkDirty stopped at the box, which
// was then laid out at its old size.)
func TestRestyledBoundaryResizes(t *testing.T) {
	p, err := loadWXML(t, `<view style="flex-direction: row"><view id="a" style="width: {{w}}px; height: 40px; min-width: 10px"></view><view id="b" style="width: 60px; height: 40px"></view></view>`, `{"w": 60}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	p.Update()
	mustSet(t, p, `{"w": 90}`)
	if a, b := dumpBox(t, p, "a"), dumpBox(t, p, "b"); a[2] != 90 || b[0] != 90 {
		t.Errorf("#a %v #b %v, want #a 90 wide and #b at x 90", a, b)
	}
}

// pseudoBox returns the layout of n's ::before (k = 0) or ::after box.
func pseudoBox(t *testing.T, p *Page, n *Node, k int) *lbox {
	t.Helper()
	p.Update()
	st := rtOf(n).pseudoStyle(k)
	lt := &p.pipe.lt
	for _, c := range lt.boxes[n.Index].children {
		if b := &lt.boxes[c]; b.kind == boxPseudo && b.style == st {
			return b
		}
	}
	t.Fatalf("no pseudo box %d", k)
	return nil
}

// TestMotionPseudoElements: ::before and ::after boxes transition and run
// keyframes like elements: a width transition of ::after lays out (its
// sibling content moves), a ::before spinner turns, and their events reach
// the element's bindings with detail.pseudoElement.
func TestMotionPseudoElements(t *testing.T) {
	p, err := loadWXML(t, `<view id="d" class="d {{on ? 'on' : ''}}" bindtransitionend="onEnd" bindanimationstart="onStart"><view id="mid" class="mid"></view></view>`, `{"on": false}`,
		map[string]string{"index.wxss": `.d { flex-direction: row }
		.mid { width: 20px; height: 20px }
		.d::before { content: ""; width: 10px; height: 10px; animation: spin 1s linear infinite }
		.d::after { content: ""; width: 10px; height: 10px; transition: width 100ms linear }
		.d.on::after { width: 50px }
		@keyframes spin { to { transform: rotate(360deg) } }`})
	if err != nil {
		t.Fatal(err)
	}
	p.Update()
	d := nodeByID(t, p, "d")
	if got := callsText(p.DrainHandlerCalls()); got != "onStart animationstart #d animationName=spin elapsedTime=0" {
		t.Errorf("first frame: %q", got)
	}
	mustSet(t, p, `{"on": true}`)
	p.Update()
	p.Advance(0.05)
	if b := pseudoBox(t, p, d, 1); b.lay.Size.Width != 30 || b.lay.Location.X != 30 {
		t.Errorf("50ms: ::after %v at %v, want 30 wide at x 30", b.lay.Size, b.lay.Location)
	}
	before := pseudoBox(t, p, d, 0)
	if a := style.TransformMatrix(before.style.Transform, 10, 10); !motionNear(math.Atan2(a[4], a[0])*180/math.Pi, 18, 1e-3) {
		t.Errorf("50ms: ::before turned %v°, want 18°", math.Atan2(a[4], a[0])*180/math.Pi)
	}
	p.Advance(0.05)
	if b := pseudoBox(t, p, d, 1); b.lay.Size.Width != 50 {
		t.Errorf("100ms: ::after %v wide, want 50", b.lay.Size.Width)
	}
	calls := p.DrainHandlerCalls()
	if got := callsText(calls); got != "onEnd transitionend #d propertyName=width elapsedTime=0.1" {
		t.Errorf("100ms: %q", got)
	} else if pe := calls[0].Event.Detail.(map[string]any)["pseudoElement"]; pe != "::after" {
		t.Errorf("pseudoElement %v, want ::after", pe)
	}
	if len(p.mo.nodes) != 1 || !p.NeedsFrame() {
		t.Errorf("the ::before spinner does not keep the node moving")
	}
}

// TestMotionHoverClass: a hover-class that comes on under a finger is a
// class change like any other: the element transitions into it, and back
// out after the lift.
func TestMotionHoverClass(t *testing.T) {
	p, err := loadWXML(t, `<view id="v" class="v" hover-class="hov" hover-start-time="0" hover-stay-time="0"></view>`, "",
		map[string]string{"index.wxss": `.v { width: 100px; height: 100px; background-color: #fff; opacity: 1; transition: opacity 100ms linear }
			.hov { opacity: 0.5 }`})
	if err != nil {
		t.Fatal(err)
	}
	p.Update()
	v := nodeByID(t, p, "v")
	p.TouchStart(0, 50, 50, 0)
	p.Update()
	if v.Style.Opacity != 1 {
		t.Errorf("at the touch: opacity %v, want the transition's start 1", v.Style.Opacity)
	}
	p.Advance(0.05)
	if !motionNear(float64(v.Style.Opacity), 0.75, 1e-4) {
		t.Errorf("50 ms pressed: opacity %v, want 0.75", v.Style.Opacity)
	}
	p.TouchEnd(0, 50, 50, 50)
	p.AdvanceTime(50)
	p.Advance(0.05)
	if !motionNear(float64(v.Style.Opacity), 1, 1e-4) {
		t.Errorf("50 ms after the lift: opacity %v, want 1 (reversed over 50 ms)", v.Style.Opacity)
	}
}

// TestMotionSwiperNeedsFrame: a swiper steps on the same clock; an
// autoplaying one keeps asking for frames, a still one does not.
func TestMotionSwiperNeedsFrame(t *testing.T) {
	for _, auto := range []bool{false, true} {
		attr := ""
		if auto {
			attr = " autoplay"
		}
		p, err := loadWXML(t, `<swiper`+attr+` style="height: 100px"><swiper-item>a</swiper-item><swiper-item>b</swiper-item></swiper>`, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		p.Advance(1.0 / 60)
		if p.NeedsFrame() != auto {
			t.Errorf("autoplay %v: NeedsFrame %v", auto, p.NeedsFrame())
		}
	}
}
