package engine

import (
	"fmt"
	"image"
	"math"
	"strings"
	"testing"
)

// nestedPage: a 600 px nested scroll-view at the page top over a 300 px
// header and a body holding a 44 px tab bar above an inner list of 30
// rows of 100 px (spec §4.8). The pinned offset is 300 − offset-top.
func nestedPage(t *testing.T, bodyAttrs, extra string) (p *Page, outer, inner, body *Node) {
	t.Helper()
	var rows strings.Builder
	for i := range 30 {
		fmt.Fprintf(&rows, `<view id="r%d" style="height: 100px"></view>`, i)
	}
	src := `<scroll-view id="outer" type="nested" scroll-y style="height: 600px">` +
		`<nested-scroll-header><view id="head" style="height: 300px"></view></nested-scroll-header>` +
		`<nested-scroll-body id="body" ` + bodyAttrs + `><view id="wrap" style="height: 100%">` +
		`<view id="tabs" style="height: 44px; flex-shrink: 0"></view>` +
		`<scroll-view id="inner" scroll-y type="list" associative-container="nested-scroll-view" style="flex: 1; flex-basis: 0">` +
		rows.String() + `</scroll-view></view></nested-scroll-body>` + extra + `</scroll-view>`
	p = mustLoad(t, src, "")
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	p.DrainHandlerCalls()
	return p, findID(p.Root(), "outer"), findID(p.Root(), "inner"), findID(p.Root(), "body")
}

// nestedRowWant is row i of nestedPage's inner list (checkContent).
func nestedRowWant(c *Node, i int) (itemWant, bool) {
	return itemWant{Dump: fmt.Sprintf(`view#r%d[style="height: 100px"]`, i), Main: 100}, true
}

func offsetsOf(t *testing.T, p *Page, outer, inner *Node) (float64, float64) {
	t.Helper()
	o, _, ok1 := p.ScrollOffset(outer)
	i, _, ok2 := p.ScrollOffset(inner)
	if !ok1 || !ok2 {
		t.Fatal("scroll-views not laid out")
	}
	return o, i
}

// TestNestedDragChain: a drag on the inner list moves the outer first until
// the body is pinned at offset-top, then the inner; dragging back scrolls
// the inner to its top first, then the outer (spec §4.8). Positions on the
// page follow: the body's top is 300 − outer offset.
func TestNestedDragChain(t *testing.T) {
	for _, top := range []float64{0, 56} {
		t.Run(fmt.Sprint("offset-top ", top), func(t *testing.T) {
			p, outer, inner, body := nestedPage(t, fmt.Sprintf(`offset-top="%v"`, top), "")
			pinned := 300 - top
			if _, max, _ := p.ScrollOffset(outer); max != pinned {
				t.Fatalf("outer max %v, want the pinned offset %v", max, pinned)
			}
			if _, _, _, h := absOf(p, inner); h != float32(600-top-44) {
				t.Fatalf("inner height %v, want %v (body below offset-top minus the tab bar)", h, 600-top-44)
			}
			y := float32(500) // on the inner list
			now := 0.0
			if !p.PointerDown(100, y, now) {
				t.Fatal("no scroll-view under the pointer")
			}
			move := func(dy float32) {
				now += 0.016
				y -= dy
				p.PointerMove(100, y, now)
			}
			move(18) // the slop
			for _, s := range []struct {
				finger      float32 // finger motion up (content toward the end)
				outer, innr float64
			}{
				{100, 100, 0},
				{float32(pinned - 100 - 30), pinned - 30, 0},
				{80, pinned, 50}, // 30 to pin the body, 50 for the inner
				{200, pinned, 250},
				{-150, pinned, 100}, // back: the inner first …
				{-100, pinned, 0},
				{-70, pinned - 70, 0}, // … then the outer
			} {
				move(s.finger)
				o, i := offsetsOf(t, p, outer, inner)
				_, by, _, _ := absOf(p, body)
				if o != s.outer || i != s.innr || by != float32(300-o) {
					t.Fatalf("after %v: outer %v inner %v body at %v; want %v %v %v", s.finger, o, i, by, s.outer, s.innr, 300-s.outer)
				}
				if o == pinned && by != float32(top) {
					t.Fatalf("pinned body at %v, want offset-top %v", by, top)
				}
			}
			// The inner's rows moved with both scrolls.
			_, ry, _, _ := absOf(p, findID(p.Root(), "r0"))
			if want := float32(300 - (pinned - 70) + 44); ry != want {
				t.Errorf("first row at %v, want %v", ry, want)
			}
			p.PointerUp(100, y, now+0.3) // held still: no fling
			for p.Advance(1.0 / 60) {
			}
			if o, i := offsetsOf(t, p, outer, inner); o != pinned-70 || i != 0 {
				t.Errorf("after release: outer %v inner %v", o, i)
			}
		})
	}
}

// TestNestedFlingHandOver: a fling toward the end decelerates the outer
// until the body is pinned and hands its remaining velocity to the inner
// in the same frame; the two offsets together follow one deceleration
// curve (spec §4.8). Flinging back runs the inner to its top, then the
// outer.
func TestNestedFlingHandOver(t *testing.T) {
	for _, via := range []string{"inner", "outer"} {
		t.Run(via, func(t *testing.T) {
			p, outer, inner, _ := nestedPage(t, `offset-top="40"`, "")
			const pinned = 260
			target := inner
			if via == "outer" {
				target = outer
			}
			if !p.Fling(target, 3000) {
				t.Fatal("Fling refused")
			}
			k := -1000 * math.Log(0.998) // scroll.Physics' normal deceleration
			handed := -1
			elapsed := 0.0
			for f := 0; p.Advance(1.0/60) && f < 2000; f++ {
				elapsed += 1.0 / 60
				o, i := offsetsOf(t, p, outer, inner)
				if o > pinned || (i > 0 && o != pinned) {
					t.Fatalf("frame %d: outer %v inner %v", f, o, i)
				}
				if handed < 0 && i > 0 {
					handed = f
				}
				if want := 3000 / k * (1 - math.Exp(-k*elapsed)); math.Abs(o+i-want) > 1e-6 {
					t.Fatalf("frame %d: outer+inner %v, want the single curve's %v", f, o+i, want)
				}
				if err := checkContent(p, inner, nestedRowWant, nil); err != nil {
					t.Fatalf("frame %d: %v", f, err)
				}
			}
			o, i := offsetsOf(t, p, outer, inner)
			if handed < 0 || o != pinned || i < 900 {
				t.Fatalf("fling ended at outer %v inner %v (handed over at frame %d)", o, i, handed)
			}
			p.Fling(target, -6000)
			for f := 0; p.Advance(1.0/60) && f < 2000; f++ {
				o, i := offsetsOf(t, p, outer, inner)
				if o < pinned && i != 0 {
					t.Fatalf("back: outer %v moved while inner at %v", o, i)
				}
				if err := checkContent(p, inner, nestedRowWant, nil); err != nil {
					t.Fatalf("back, frame %d: %v", f, err)
				}
			}
			if o, i := offsetsOf(t, p, outer, inner); i != 0 || o != 0 {
				t.Errorf("fling back ended at outer %v inner %v, want both at 0", o, i)
			}
		})
	}
}

// TestNestedRules: extra children of a header or body, a second body and
// other children are not rendered, each with a positioned warning (spec
// §4.8); headers are placed above the body whatever the markup order.
func TestNestedRules(t *testing.T) {
	src := `<scroll-view id="outer" type="nested" scroll-y style="height: 600px">` +
		`<nested-scroll-body id="body"><view id="b1" style="height: 100%"></view><view id="b2" style="height: 10px"></view></nested-scroll-body>` +
		`<nested-scroll-header id="h"><view id="h1" style="height: 120px"></view><view id="h2" style="height: 30px"></view></nested-scroll-header>` +
		`<view id="stray" style="height: 50px"></view>` +
		`<nested-scroll-body id="body2"><view style="height: 10px"></view></nested-scroll-body>` +
		`</scroll-view>`
	p := mustLoad(t, src, "")
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	if _, y, _, h := absOf(p, findID(p.Root(), "h")); y != 0 || h != 120 {
		t.Errorf("header at %v height %v, want 0 and 120 (its second child not laid out)", y, h)
	}
	if _, y, _, h := absOf(p, findID(p.Root(), "body")); y != 120 || h != 600 {
		t.Errorf("body at %v height %v, want 120 and 600", y, h)
	}
	var warns []string
	for _, d := range p.Diagnostics() {
		warns = append(warns, d.Error())
	}
	all := strings.Join(warns, "\n")
	for _, want := range []string{
		"index.wxml:1:142: warning: <nested-scroll-body> renders only its first child",
		"index.wxml:1:277: warning: <nested-scroll-header> renders only its first child",
		"index.wxml:1:342: warning: <view> inside <scroll-view type=\"nested\"> is not rendered",
		"index.wxml:1:387: warning: <scroll-view type=\"nested\"> takes exactly one <nested-scroll-body>",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing warning %q in:\n%s", want, all)
		}
	}
	d := p.LayoutDump()
	var ids []string
	var walk func(b *DumpBox)
	walk = func(b *DumpBox) {
		if b.ID != "" {
			ids = append(ids, b.ID)
		}
		for _, c := range b.Children {
			walk(c)
		}
	}
	walk(d.Root)
	if got := strings.Join(ids, " "); got != "outer body b1 h h1" {
		t.Errorf("dumped ids %q, want the rendered ones only", got)
	}
	if n := p.HitTest(100, 130); n == nil || n.ID() != "b1" {
		t.Errorf("hit at the body: %v", n)
	}
}

// TestNestedLayersMatchDirect: the nested page's frames composed from
// per-unit layers look like the same frames painted directly while a fling
// chains through the outer and the inner list: the body's layer holds the
// inner list's units (painted into it, not into layers of their own) and
// is rastered again as the list scrolls.
func TestNestedLayersMatchDirect(t *testing.T) {
	p, err := Load("../testdata/pages/scroll-nested", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2})
	p.Update()
	inner := findID(p.Root(), "posts")
	withLayers := image.NewRGBA(image.Rect(0, 0, 750, 1334))
	direct := image.NewRGBA(image.Rect(0, 0, 750, 1334))
	check := func(frame int) {
		t.Helper()
		p.Render(withLayers)
		p.pipe.lt.sc.noLayers = true
		p.Render(direct)
		p.pipe.lt.sc.noLayers = false
		if d, n := maxChannelDiff(withLayers, direct); d > 2 {
			t.Fatalf("frame %d: layers differ from direct paint by %d levels at %d pixels", frame, d, n)
		}
	}
	check(0)
	p.Fling(inner, 2500)
	for f := 1; f < 300 && p.Advance(1.0/60); f++ {
		if f == 60 {
			p.Fling(inner, -2500)
		}
		check(f)
	}
}

// TestNestedRefresher: in nested mode the refresher belongs to the outer
// scroll-view; pulling down on the inner list at its top over-pulls the
// outer (the inner is at its start, so the chain hands the motion on), and
// the outer refreshes (spec §4.5, §4.8).
func TestNestedRefresher(t *testing.T) {
	src := `<scroll-view id="outer" type="nested" scroll-y style="height: 600px" refresher-enabled bind:refresherstatuschange="onStatus">` +
		`<view slot="refresher" id="rf" style="height: 60px"></view>` +
		`<nested-scroll-header><view style="height: 300px"></view></nested-scroll-header>` +
		`<nested-scroll-body><scroll-view id="inner" scroll-y associative-container="nested-scroll-view" style="height: 100%">` +
		`<view style="height: 2000px"></view></scroll-view></nested-scroll-body></scroll-view>`
	p := mustLoad(t, src, "")
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	outer, inner := findID(p.Root(), "outer"), findID(p.Root(), "inner")
	if len(p.Diagnostics()) != 0 {
		t.Fatalf("diagnostics: %v", p.Diagnostics())
	}
	p.PointerDown(100, 400, 0)
	y := float32(400)
	for i := range 30 {
		y += 10
		p.PointerMove(100, y, float64(i+1)*0.016)
	}
	p.PointerUp(100, y, 1)
	for i := 0; i < 600 && p.Advance(1.0/60); i++ {
	}
	o, i := offsetsOf(t, p, outer, inner)
	if o != -45 || i != 0 {
		t.Fatalf("refreshing: outer %v inner %v, want −45 and 0", o, i)
	}
	var got []string
	for _, c := range p.DrainHandlerCalls() {
		got = append(got, fmt.Sprint(detailOf(t, c)["status"]))
	}
	if strings.Join(got, " ") != "1 2" {
		t.Errorf("statuses %v, want [1 2]", got)
	}
	if _, y, _, _ := absOf(p, findID(p.Root(), "rf")); y != 45-60 {
		t.Errorf("refresher at %v, want %v", y, 45-60)
	}
}
