package engine

import (
	"fmt"
	"image"
	"strings"
	"testing"
)

// refresherPage: a 400 px list scroll-view 100 px down the page, with the
// refresher enabled and every refresher event bound.
func refresherPage(t *testing.T, attrs, slot string) (*Page, *Node) {
	t.Helper()
	var rows strings.Builder
	for i := range 20 {
		fmt.Fprintf(&rows, `<view id="row-%d" style="height: 100px"></view>`, i)
	}
	src := `<view style="height: 100px"></view>` +
		`<scroll-view id="sv" scroll-y type="list" style="height: 400px" refresher-enabled refresher-triggered="{{trig}}" ` +
		`bindrefresherpulling="onPull" bindrefresherrefresh="onRefresh" bindrefresherrestore="onRestore" ` +
		`bindrefresherabort="onAbort" bind:refresherwillrefresh="onWill" bind:refresherstatuschange="onStatus" ` + attrs + `>` +
		slot + rows.String() + `</scroll-view>`
	p := mustLoad(t, src, `{"trig": false}`)
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	p.DrainHandlerCalls()
	return p, findID(p.Root(), "sv")
}

// refresherLog renders the drained refresher calls: pulling is collapsed
// to one "pull" per run, statuschange shows its status.
func refresherLog(t *testing.T, p *Page) string {
	t.Helper()
	var out []string
	for _, c := range p.DrainHandlerCalls() {
		d := detailOf(t, c)
		s := c.Handler
		switch c.Handler {
		case "onPull":
			if len(out) > 0 && out[len(out)-1] == "pull" {
				continue
			}
			s = "pull"
			if dy, _ := d["dy"].(float64); dy <= 0 {
				t.Errorf("refresherpulling with dy %v", d["dy"])
			}
		case "onStatus":
			s = fmt.Sprintf("status:%v", d["status"])
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// pull drags the finger down by dist px in 10 px steps (starting at page
// y 200, inside the list) and optionally releases it; it returns the time.
func pull(p *Page, dist float32, release bool) float64 {
	now := 0.0
	y := float32(200)
	p.PointerDown(100, y, now)
	for moved := float32(0); moved < dist; moved += 10 {
		now += 0.016
		y += 10
		p.PointerMove(100, y, now)
	}
	if release {
		now += 0.3 // held still: no fling
		p.PointerUp(100, y, now)
	}
	return now
}

func settle(p *Page) {
	for i := 0; i < 600 && p.Advance(1.0/60); i++ {
	}
}

// TestRefresherPullToRefresh: pulling past refresher-threshold and
// releasing refreshes (spec §4.5): pulling … willrefresh + status 1 (can
// refresh) as the threshold is passed, status 2 + refresherrefresh on
// release, the content held open at −threshold; refresher-triggered set
// false completes it (status 3) and, once the content is back at 0,
// status 0 + refresherrestore. Statuses per spec §4.5's UNVERIFIED list.
func TestRefresherPullToRefresh(t *testing.T) {
	for _, th := range []float64{45, 80} {
		t.Run(fmt.Sprint("threshold ", th), func(t *testing.T) {
			p, sv := refresherPage(t, fmt.Sprintf(`refresher-threshold="%v"`, th), "")
			pull(p, 300, false)
			off, _, _ := p.ScrollOffset(sv)
			if off > -th {
				t.Fatalf("over-pull reached %v, want past −%v", off, th)
			}
			if got := refresherLog(t, p); got != "pull onWill status:1 pull" {
				t.Fatalf("while pulling: %q", got)
			}
			p.PointerUp(100, 500, 10)
			settle(p)
			if off, _, _ := p.ScrollOffset(sv); off != -th {
				t.Fatalf("refreshing content at %v, want held at −%v", off, th)
			}
			if got := refresherLog(t, p); got != "status:2 onRefresh" {
				t.Fatalf("on release: %q", got)
			}
			// The page is told to stop: refresher-triggered goes false
			// (its data never said true: the component's own value did).
			if err := p.SetData(map[string]any{"trig": false}); err != nil {
				t.Fatal(err)
			}
			p.Update()
			if got := refresherLog(t, p); got != "status:3" {
				t.Fatalf("triggered false: %q", got)
			}
			settle(p)
			if off, _, _ := p.ScrollOffset(sv); off != 0 {
				t.Fatalf("closed at %v", off)
			}
			if got := refresherLog(t, p); got != "status:0 onRestore" {
				t.Fatalf("closing: %q", got)
			}
		})
	}
}

// TestRefresherAbort: released before the threshold the pull is aborted
// (refresherabort, no refresh) and the content springs back to 0; a pull
// that passed the threshold and came back before release aborts too
// (statuses 1 then 0).
func TestRefresherAbort(t *testing.T) {
	p, sv := refresherPage(t, "", "")
	pull(p, 60, true) // 60 px of finger: about 30 px of over-pull
	settle(p)
	if got := refresherLog(t, p); got != "pull onAbort" {
		t.Errorf("short pull: %q", got)
	}
	if off, _, _ := p.ScrollOffset(sv); off != 0 {
		t.Errorf("after abort at %v", off)
	}
	now := pull(p, 300, false)
	p.PointerMove(100, 400, now+0.016) // back up, still pulled, short of the threshold
	p.PointerUp(100, 400, now+0.5)
	settle(p)
	if got := refresherLog(t, p); got != "pull onWill status:1 pull status:0 onAbort" {
		t.Errorf("pull back: %q", got)
	}
}

// TestRefresherTriggeredControlled: refresher-triggered set true opens the
// refresher without a pull (status 2, refresherrefresh, content animated
// to −threshold); false closes it (3, then 0 + restore at 0). A
// refresher-triggered="{{true}}" at load opens it at once.
func TestRefresherTriggeredControlled(t *testing.T) {
	p, sv := refresherPage(t, "", "")
	if err := p.SetData(map[string]any{"trig": true}); err != nil {
		t.Fatal(err)
	}
	p.Update()
	if got := refresherLog(t, p); got != "status:2 onRefresh" {
		t.Fatalf("triggered: %q", got)
	}
	settle(p)
	if off, _, _ := p.ScrollOffset(sv); off != -45 {
		t.Fatalf("opened to %v, want −45", off)
	}
	if err := p.SetData(map[string]any{"trig": false}); err != nil {
		t.Fatal(err)
	}
	p.Update()
	settle(p)
	if got := refresherLog(t, p); got != "status:3 status:0 onRestore" {
		t.Fatalf("closed: %q", got)
	}
	if off, _, _ := p.ScrollOffset(sv); off != 0 {
		t.Fatalf("closed at %v", off)
	}

	q := mustLoad(t, `<scroll-view id="sv" scroll-y style="height: 400px" refresher-enabled refresher-triggered="{{true}}"><view style="height: 900px"></view></scroll-view>`, "")
	q.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	q.Update()
	if off, _, _ := q.ScrollOffset(findID(q.Root(), "sv")); off != -45 {
		t.Errorf("triggered at load: offset %v, want −45", off)
	}
}

// TestRefresherSlot: the slot="refresher" child is laid out above the
// content, its bottom on the content's top edge, so the over-pull reveals
// it; it is no list item (the rows start at the top) and is not rendered
// when the refresher is disabled.
func TestRefresherSlot(t *testing.T) {
	slot := `<view id="rf" slot="refresher" style="height: 80px; margin-bottom: 5px"><text>Loading</text></view>`
	p, sv := refresherPage(t, `refresher-threshold="85"`, slot)
	rf, row0 := findID(p.Root(), "rf"), findID(p.Root(), "row-0")
	check := func(when string) {
		t.Helper()
		off := rtOf(sv).scroll.vp.Offset() // the laid-out offset (device-pixel snapped)
		_, ry, w, h := absOf(p, rf)
		_, y0, _, _ := absOf(p, row0)
		if want := float32(100 - off - 85); ry != want || w != 375 || h != 80 {
			t.Errorf("%s (offset %v): refresher at %v, %vx%v; want at %v, 375x80", when, off, ry, w, h, want)
		}
		if y0 != float32(100-off) {
			t.Errorf("%s: first row at %v, want %v", when, y0, 100-off)
		}
	}
	check("at rest")
	pull(p, 400, false)
	check("pulled")
	p.PointerUp(100, 600, 10)
	settle(p)
	if off, _, _ := p.ScrollOffset(sv); off != -85 {
		t.Fatalf("held at %v, want −85", off)
	}
	check("refreshing")
	// The dump takes the offset as 0: the refresher right above the
	// content, the rows from the top.
	d := p.LayoutDump()
	kids := d.Root.Children[1].Children
	if len(kids) != 21 || kids[0].ID != "rf" || kids[0].Box[1] != 100-85 || kids[1].ID != "row-0" || kids[1].Box[1] != 100 {
		t.Errorf("dump: %d children, first %+v, second %+v", len(kids), kids[0], kids[1])
	}
	check("after the dump")

	q := mustLoad(t, `<scroll-view id="sv" scroll-y type="custom" style="height: 400px">`+slot+`<list-view><view id="a" style="height: 100px"></view></list-view></scroll-view>`, "")
	q.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	q.Update()
	if _, y, _, _ := absOf(q, findID(q.Root(), "a")); y != 0 {
		t.Errorf("custom mode: first item at %v, want 0 (the disabled refresher takes no room)", y)
	}
	if _, _, w, h := absOf(q, findID(q.Root(), "rf")); w != 0 || h != 0 {
		t.Errorf("disabled refresher laid out %vx%v", w, h)
	}
}

// TestRefresherDefaultStyle: the revealed area takes refresher-background
// and the default indicator's three dots are drawn in the
// threshold-high band above the content, black or white, none for "none".
func TestRefresherDefaultStyle(t *testing.T) {
	bg := [3]uint8{0x33, 0x66, 0x99}
	for _, tc := range []struct {
		style string
		dot   [3]uint8 // RGB at the middle dot's centre
	}{
		{"black", [3]uint8{0, 0, 0}},
		{"white", [3]uint8{255, 255, 255}},
		{"none", bg},
	} {
		t.Run(tc.style, func(t *testing.T) {
			p, sv := refresherPage(t, `refresher-background="#336699" refresher-default-style="`+tc.style+`"`, "")
			pull(p, 400, true)
			settle(p) // refreshing: held at −45, the middle dot lit first
			if off, _, _ := p.ScrollOffset(sv); off != -45 {
				t.Fatalf("offset %v", off)
			}
			img := image.NewRGBA(image.Rect(0, 0, 375, 667))
			p.Render(img)
			at := func(x, y int) [3]uint8 {
				c := img.RGBAAt(x, y)
				return [3]uint8{c.R, c.G, c.B}
			}
			// The band is 100 … 145, its middle 122.5; the dots 14 px
			// apart around x 187.5. Refreshing, one is lit (the scroll
			// clock picks which), the others dim over the background.
			lit, dim := 0, 0
			for _, x := range []int{173, 187, 201} {
				switch got := at(x, 122); {
				case got == tc.dot:
					lit++
				case got != bg && tc.style != "none":
					dim++
				default:
					t.Errorf("dot at x %d: %v", x, got)
				}
			}
			if want := 1; tc.style == "none" {
				if lit != 3 {
					t.Errorf("none: %d of 3 dot places show the background", lit)
				}
			} else if lit != want || dim != 2 {
				t.Errorf("%d lit and %d dim dots, want 1 and 2", lit, dim)
			}
			if got := at(20, 110); got != bg {
				t.Errorf("refresher background %v", got)
			}
		})
	}
}
