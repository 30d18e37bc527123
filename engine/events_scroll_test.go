package engine

import (
	"fmt"
	"strings"
	"testing"
)

// touchPage: under a 100 px header, a 400 px vertical list of 20 rows of
// 100 px (max offset 1,600) whose rows bind tap, longpress, touchstart
// and touchmove; its first row holds a horizontal list (600 px of
// content in 375 px). attrs go on the vertical list.
func touchPage(t *testing.T, attrs string) (*Page, *Node, *Node) {
	t.Helper()
	var rows strings.Builder
	rows.WriteString(`<view id="row-0" class="row" bindtap="onTap"><scroll-view id="hs" scroll-x type="list" class="hs">` +
		`<view class="cell"></view><view class="cell"></view><view class="cell"></view></scroll-view></view>`)
	for i := 1; i < 20; i++ {
		fmt.Fprintf(&rows, `<view id="row-%d" class="row" bindtap="onTap" bindlongpress="onLong" bindtouchstart="onStart" bindtouchmove="onMove">%d</view>`, i, i)
	}
	src := `<view class="head" bindtap="onHead">head</view><scroll-view id="sv" type="list" class="sv" ` + attrs + `>` + rows.String() + `</scroll-view>`
	css := `.head { height: 100px; } .sv { height: 400px; } .row { height: 100px; }
.hs { height: 100px; flex-direction: row; } .cell { width: 200px; height: 100px; }`
	p, err := loadWXML(t, src, "", map[string]string{"index.wxss": css})
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	p.DrainHandlerCalls()
	return p, findID(p.Root(), "sv"), findID(p.Root(), "hs")
}

func offsetOf(t *testing.T, p *Page, sv *Node) float64 {
	t.Helper()
	off, _, ok := p.ScrollOffset(sv)
	if !ok {
		t.Fatalf("%s is not a laid-out scroll-view", idOf(sv))
	}
	return off
}

// drag moves finger 0 from (x, y) by (dx, dy) in steps of 10 px, one per
// 16 ms frame, starting at time t ms, and returns the time after the last
// move. It does not lift the finger.
func drag(p *Page, x, y, dx, dy, t float64) float64 {
	p.TouchStart(0, x, y, t)
	steps := int(max(abs(dx), abs(dy)) / 10)
	for i := 1; i <= steps; i++ {
		t += 16
		p.TouchMove(0, x+dx*float64(i)/float64(steps), y+dy*float64(i)/float64(steps), t)
	}
	return t
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// TestTouchScrolls: one touch stream drives both the touch events and the
// scroll-view (spec §4.5, §5.5). A touch that moves past min-drag-distance
// scrolls by the motion beyond it, its touchstart / touchmove are still
// dispatched and it taps nothing; the release flings on with the finger's
// velocity, and the touch that catches the fling stops it without tapping.
// A plain tap still taps.
func TestTouchScrolls(t *testing.T) {
	for _, tc := range []struct {
		name, attrs string
		slop        float64
	}{
		{"default-18", `scroll-y`, 18},
		{"min-drag-distance-40", `scroll-y min-drag-distance="40"`, 40},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, sv, _ := touchPage(t, tc.attrs)
			// A finger on row-1 (y 200..300 on the page) moves up 200 px.
			tm := drag(p, 100, 250, 0, -200, 0)
			if !p.Dragging() {
				t.Fatal("Dragging() is false during a claimed drag")
			}
			if off := offsetOf(t, p, sv); off != 200-tc.slop {
				t.Fatalf("offset %v after a 200 px drag, want %v (the motion beyond the slop)", off, 200-tc.slop)
			}
			p.TouchEnd(0, 100, 50, tm)
			if p.Dragging() {
				t.Fatal("Dragging() after the release")
			}
			got := countCalls(p.DrainHandlerCalls())
			if got["onStart"] != 1 || got["onMove"] != 20 || got["onTap"] != 0 {
				t.Fatalf("calls %v: want touchstart 1, touchmove 20, no tap", got)
			}
			// 10 px per 16 ms is 625 px/s: the fling travels on.
			released := offsetOf(t, p, sv)
			for range 10 {
				p.Advance(1.0 / 60)
			}
			flung := offsetOf(t, p, sv)
			if flung <= released+20 {
				t.Fatalf("offset %v → %v over 10 frames after the release: no fling", released, flung)
			}
			// A touch catches the fling: it stops there and taps nothing.
			p.TouchStart(0, 100, 350, tm+200)
			caught := offsetOf(t, p, sv)
			p.TouchEnd(0, 100, 350, tm+250)
			for range 10 {
				p.Advance(1.0 / 60)
			}
			if off := offsetOf(t, p, sv); off != caught {
				t.Fatalf("caught at %v, then moved to %v", caught, off)
			}
			if got := countCalls(p.DrainHandlerCalls()); got["onTap"] != 0 {
				t.Fatalf("the touch that caught the fling tapped: %v", got)
			}
			// At rest, a tap taps the row under it and scrolls nothing.
			p.Tap(100, 350, tm+1000)
			calls := p.DrainHandlerCalls()
			if got := countCalls(calls); got["onTap"] != 1 {
				t.Fatalf("tap at rest: %v", got)
			}
			if off := offsetOf(t, p, sv); off != caught {
				t.Fatalf("a tap moved the list from %v to %v", caught, off)
			}
		})
	}
}

// TestTouchBelowSlop: a touch that strays past the tap slop (10 px) but not
// min-drag-distance neither taps nor scrolls; one that stays still long
// enough long-presses, and a drag claimed before the long-press delay
// cancels it.
func TestTouchBelowSlop(t *testing.T) {
	p, sv, _ := touchPage(t, "scroll-y")
	tm := drag(p, 100, 250, 0, -15, 0)
	p.TouchEnd(0, 100, 235, tm)
	if got := countCalls(p.DrainHandlerCalls()); got["onTap"] != 0 || offsetOf(t, p, sv) != 0 {
		t.Fatalf("15 px: calls %v, offset %v; want no tap, no scroll", got, offsetOf(t, p, sv))
	}
	p.TouchStart(0, 100, 250, 1000)
	p.AdvanceTime(1000 + LongPressDelay)
	p.TouchEnd(0, 100, 250, 1000+LongPressDelay+10)
	if got := countCalls(p.DrainHandlerCalls()); got["onLong"] != 1 || got["onTap"] != 0 {
		t.Fatalf("held still: %v; want longpress and no tap", got)
	}
	drag(p, 100, 250, 0, -100, 2000) // claimed within 48 ms
	p.AdvanceTime(2000 + LongPressDelay + 50)
	p.TouchEnd(0, 100, 150, 2000+LongPressDelay+60)
	if got := countCalls(p.DrainHandlerCalls()); got["onLong"] != 0 || got["onTap"] != 0 {
		t.Fatalf("held after a drag: %v; want neither longpress nor tap", got)
	}
}

// TestTouchNestedAxes: a horizontal list inside a vertical one (spec §5.5
// rule 3): a horizontal drag scrolls the inner list, a vertical drag on it
// goes through to the outer one; a scroll-view with scroll-x and scroll-y
// off does not scroll by touch.
func TestTouchNestedAxes(t *testing.T) {
	p, sv, hs := touchPage(t, "scroll-y")
	tm := drag(p, 300, 150, -100, 0, 0) // row-0 holds the horizontal list
	p.TouchEnd(0, 200, 150, tm)
	for p.Advance(1.0 / 60) {
	}
	if h, v := offsetOf(t, p, hs), offsetOf(t, p, sv); h < 100-18 || v != 0 {
		t.Fatalf("horizontal drag: inner %v, outer %v; want the inner moved ≥ 82, the outer still", h, v)
	}
	h0 := offsetOf(t, p, hs)
	tm = drag(p, 200, 150, 0, -100, 1000)
	if h, v := offsetOf(t, p, hs), offsetOf(t, p, sv); h != h0 || v != 100-18 {
		t.Fatalf("vertical drag on the inner list: inner %v, outer %v; want %v, 82", h, v, h0)
	}
	p.TouchEnd(0, 200, 50, tm)

	p2, sv2, _ := touchPage(t, "")
	tm = drag(p2, 100, 250, 0, -200, 0)
	p2.TouchEnd(0, 100, 50, tm)
	if off := offsetOf(t, p2, sv2); off != 0 {
		t.Fatalf("a scroll-view without scroll-y scrolled by touch to %v", off)
	}
}

// TestWheel: a wheel or trackpad delta scrolls the innermost scroll-view
// under the pointer that moves along it, at once, clamped to the content;
// a sideways delta over a vertical list scrolls nothing.
func TestWheel(t *testing.T) {
	p, sv, hs := touchPage(t, "scroll-y")
	for _, s := range []struct {
		x, y, dx, dy float32
		took         bool
		v, h         float64
	}{
		{100, 50, 0, 40, false, 0, 0}, // the header: nothing scrolls
		{100, 250, 0, 40, true, 40, 0},
		{100, 250, 0, 5000, true, 1600, 0}, // clamped at the end
		{100, 250, 0, -1560, true, 40, 0},
		{100, 250, 12, 0, false, 40, 0}, // a sideways delta over the vertical list
	} {
		if took := p.Wheel(s.x, s.y, s.dx, s.dy); took != s.took {
			t.Fatalf("Wheel(%v, %v, %v, %v) took %v", s.x, s.y, s.dx, s.dy, took)
		}
		if v, h := offsetOf(t, p, sv), offsetOf(t, p, hs); v != s.v || h != s.h {
			t.Fatalf("after Wheel(%v, %v, %v, %v): offsets %v, %v; want %v, %v", s.x, s.y, s.dx, s.dy, v, h, s.v, s.h)
		}
	}
	p.Wheel(100, 250, 0, -40) // back to the top: row-0's list is in view
	if !p.Wheel(200, 150, 30, 0) || offsetOf(t, p, hs) != 30 {
		t.Fatalf("a sideways delta over the horizontal list: %v", offsetOf(t, p, hs))
	}
}

// TestTouchLiftVelocity: the release velocity is the finger's motion over
// the 100 ms before it last moved. A lift reported where the finger last
// was, one slow frame later, still flings; a finger that rested longer
// than that before lifting does not, nor do stationary moves in between
// count as motion until then.
func TestTouchLiftVelocity(t *testing.T) {
	for _, tc := range []struct {
		name   string
		rest   float64 // ms between the last move and the lift
		holds  int     // stationary moves reported during the rest
		flings bool
	}{
		{"lift-next-frame", 16, 0, true},
		{"lift-one-slow-frame-late", 90, 0, true},
		{"stationary-moves-then-lift", 90, 3, true},
		{"rested", 300, 0, false},
		{"rested-with-moves", 300, 10, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, sv, _ := touchPage(t, "scroll-y")
			tm := drag(p, 100, 350, 0, -200, 0)
			for i := 1; i <= tc.holds; i++ {
				p.TouchMove(0, 100, 150, tm+tc.rest*float64(i)/float64(tc.holds+1))
			}
			p.TouchEnd(0, 100, 150, tm+tc.rest)
			released := offsetOf(t, p, sv)
			p.Advance(0.1)
			if moved := offsetOf(t, p, sv) - released; (moved > 10) != tc.flings {
				t.Fatalf("moved %v px in 100 ms after the release; fling wanted: %v", moved, tc.flings)
			}
		})
	}
}
