package engine

import (
	"fmt"
	"strings"
	"testing"
)

// eventsPage: a 400 px scroll-view over 20 rows of 100 px (content 2,000
// px, max offset 1,600) under a header; the wrapper binds scroll too, to
// show that component events do not bubble.
func eventsPage(t *testing.T, attrs string) (*Page, *Node) {
	t.Helper()
	var rows strings.Builder
	for i := range 20 {
		fmt.Fprintf(&rows, `<view id="row-%d" class="row">%d</view>`, i, i)
	}
	src := `<view class="head">head</view><view id="wrap" bindscroll="onWrapScroll">` +
		`<scroll-view id="sv" scroll-y type="list" class="sv" bindscroll="onScroll" bindscrolltoupper="onUpper" ` +
		`bindscrolltolower="onLower" bind:scrollstart="onStart" bind:scrollend="onEnd" ` + attrs + `>` + rows.String() + `</scroll-view></view>`
	p, err := loadWXML(t, src, "", map[string]string{"index.wxss": `.head { height: 100px; } .sv { height: 400px; } .row { height: 100px; }`})
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	p.DrainHandlerCalls()
	return p, findID(p.Root(), "sv")
}

// countCalls counts the drained handler calls by handler name.
func countCalls(calls []HandlerCall) map[string]int {
	m := map[string]int{}
	for _, c := range calls {
		m[c.Handler]++
	}
	return m
}

func detailOf(t *testing.T, c HandlerCall) map[string]any {
	t.Helper()
	d, ok := c.Event.Detail.(map[string]any)
	if !ok {
		t.Fatalf("%s: detail %T, want a map", c.Handler, c.Event.Detail)
	}
	return d
}

// TestScrollEventsThresholds: scrolltolower / scrolltoupper fire once when
// the position enters the threshold zone (50 px by default, or the
// attribute) and again only after it left the zone (spec §4.5, re-arm
// rule decided in scroll.Events). scroll events reach only the
// scroll-view's own handler (non-bubbling), with the spec's detail.
func TestScrollEventsThresholds(t *testing.T) {
	for _, tc := range []struct {
		name, attrs string
		lowerAt     float64 // an offset inside the lower zone
		outside     float64 // an offset just outside it
	}{
		{"default-50", "", 1560, 1540},
		{"lower-threshold-200", `lower-threshold="200"`, 1410, 1390},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, sv := eventsPage(t, tc.attrs)
			steps := []struct {
				to           float64
				lower, upper int
			}{
				{800, 0, 0},
				{tc.outside, 0, 0},
				{tc.lowerAt, 1, 0}, // enters: fires
				{1590, 0, 0},       // still inside: nothing
				{1600, 0, 0},
				{1000, 0, 0},       // leaves: re-arms
				{tc.lowerAt, 1, 0}, // enters again
				{30, 0, 1},         // into the upper zone
				{0, 0, 0},
				{60, 0, 0},
				{40, 0, 1},
			}
			for _, s := range steps {
				p.ScrollTo(sv, s.to, false)
				got := countCalls(p.DrainHandlerCalls())
				if got["onLower"] != s.lower || got["onUpper"] != s.upper {
					t.Fatalf("ScrollTo(%v): %d lower, %d upper; want %d, %d", s.to, got["onLower"], got["onUpper"], s.lower, s.upper)
				}
				if got["onWrapScroll"] != 0 {
					t.Fatal("scroll bubbled to the wrapper")
				}
			}
		})
	}
}

// TestScrollEventsDetail: a scroll event's detail is {scrollLeft,
// scrollTop, scrollHeight, scrollWidth, deltaX, deltaY, isDrag} (spec
// §4.5), target and currentTarget are the scroll-view.
func TestScrollEventsDetail(t *testing.T) {
	p, sv := eventsPage(t, "")
	p.ScrollTo(sv, 300, false)
	p.ScrollTo(sv, 250, false)
	var scrolls []HandlerCall
	for _, c := range p.DrainHandlerCalls() {
		if c.Handler == "onScroll" {
			scrolls = append(scrolls, c)
		}
	}
	if len(scrolls) != 2 {
		t.Fatalf("%d scroll calls, want 2", len(scrolls))
	}
	d := detailOf(t, scrolls[1])
	want := map[string]any{"scrollTop": 250.0, "scrollLeft": 0.0, "scrollHeight": 2000.0, "scrollWidth": 375.0,
		"deltaY": -50.0, "deltaX": 0.0, "isDrag": false}
	for k, v := range want {
		if d[k] != v {
			t.Errorf("detail[%s] = %v, want %v", k, d[k], v)
		}
	}
	c := scrolls[1]
	if c.Event.Type != "scroll" || c.Event.Target.ID != "sv" || c.Event.CurrentTarget.ID != "sv" {
		t.Errorf("event %q target %q current %q", c.Event.Type, c.Event.Target.ID, c.Event.CurrentTarget.ID)
	}
}

// TestScrollEventsDragFling: a drag that ends in a fling is one gesture:
// scrollstart {isDrag: true}, scroll events with isDrag true while the
// finger moves and false while it flings, then one scrollend when the
// fling stops. A fling alone is scrollstart / scrollend {isDrag: false}.
// Time stamps follow the input and Advance's steps.
func TestScrollEventsDragFling(t *testing.T) {
	p, sv := eventsPage(t, "")
	if p.PointerDown(100, 50, 0) {
		t.Fatal("PointerDown on the header took a scroll-view")
	}
	if !p.PointerDown(100, 450, 0) {
		t.Fatal("PointerDown inside the scroll-view found none")
	}
	y := float32(450)
	for i := 1; i <= 10; i++ {
		y -= 20
		p.PointerMove(100, y, float64(i)/60)
	}
	p.PointerUp(100, y, 11.0/60)
	for f := 0; f < 600 && p.Advance(1.0/60); f++ {
	}
	p.Advance(1.0 / 60)
	calls := p.DrainHandlerCalls()
	var seq []string
	var dragScrolls, flingScrolls int
	lastTS := -1.0
	for _, c := range calls {
		if c.Event.TimeStamp < lastTS {
			t.Fatalf("time stamps go back: %v after %v", c.Event.TimeStamp, lastTS)
		}
		lastTS = c.Event.TimeStamp
		switch c.Handler {
		case "onStart", "onEnd":
			seq = append(seq, fmt.Sprintf("%s:%v", c.Handler, detailOf(t, c)["isDrag"]))
		case "onScroll":
			if detailOf(t, c)["isDrag"] == true {
				if flingScrolls > 0 {
					t.Fatal("a drag scroll after the fling began")
				}
				dragScrolls++
			} else {
				flingScrolls++
			}
		}
	}
	if got := strings.Join(seq, " "); got != "onStart:true onEnd:true" {
		t.Fatalf("start/end sequence %q", got)
	}
	if dragScrolls == 0 || flingScrolls == 0 {
		t.Fatalf("%d drag scrolls, %d fling scrolls; want both", dragScrolls, flingScrolls)
	}
	if off, _, _ := p.ScrollOffset(sv); off <= 200-18 {
		t.Fatalf("offset %v after a 200 px drag and a fling", off)
	}
	if lastTS < 11.0/60*1000 {
		t.Fatalf("last time stamp %v ms, before the release", lastTS)
	}
	// A fling alone.
	p.Fling(sv, -800)
	for f := 0; f < 600 && p.Advance(1.0/60); f++ {
	}
	p.Advance(1.0 / 60)
	seq = seq[:0]
	for _, c := range p.DrainHandlerCalls() {
		if c.Handler == "onStart" || c.Handler == "onEnd" {
			seq = append(seq, fmt.Sprintf("%s:%v", c.Handler, detailOf(t, c)["isDrag"]))
		}
	}
	if got := strings.Join(seq, " "); got != "onStart:false onEnd:false" {
		t.Fatalf("fling start/end sequence %q", got)
	}
}

// TestScrollHitTest: hit testing sees a scroll-view's content where it is
// painted: the placed unit under the point at the current offset, never a
// unit outside the viewport or the part of a unit clipped off.
func TestScrollHitTest(t *testing.T) {
	p, sv := eventsPage(t, "")
	p.ScrollTo(sv, 1030, false)
	p.Update()
	if n := p.HitTest(100, 105); n == nil || n.ID() != "row-10" {
		t.Fatalf("hit at y=105 is %v, want row-10", idOf(n))
	}
	if n := p.HitTest(100, 495); n == nil || n.ID() != "row-14" {
		t.Fatalf("hit at y=495 is %v, want row-14", idOf(n))
	}
	// Below the scroll-view: row-14's clipped part and row-15 are not there.
	if n := p.HitTest(100, 520); n != nil && strings.HasPrefix(n.ID(), "row-") {
		t.Fatalf("hit below the viewport is %v", idOf(n))
	}
}

func idOf(n *Node) string {
	if n == nil {
		return "<nil>"
	}
	return n.Tag + "#" + n.ID()
}
