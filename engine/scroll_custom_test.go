package engine

import (
	"fmt"
	"strings"
	"testing"
)

// absOf is a node's page box (CSS px).
func absOf(p *Page, n *Node) (x, y, w, h float32) {
	b := &p.pipe.lt.boxes[n.Index]
	return b.absX, b.absY, b.lay.Size.Width, b.lay.Size.Height
}

// TestCustomMasonry: a masonry grid-view puts each item into the currently
// shortest column, the leftmost on ties (spec §4.6, our decision on the
// UNVERIFIED tie-break); columns are (width − padding − gaps) / n wide.
func TestCustomMasonry(t *testing.T) {
	heights := []int{100, 50, 46, 80, 30, 10}
	var items strings.Builder
	for i, h := range heights {
		fmt.Fprintf(&items, `<view id="m%d" style="height: %dpx"></view>`, i, h)
	}
	src := `<scroll-view id="sv" scroll-y type="custom" style="height: 500px">` +
		`<grid-view type="masonry" cross-axis-count="2" main-axis-gap="4" cross-axis-gap="15" padding="{{[10, 20, 10, 20]}}">` +
		items.String() + `</grid-view></scroll-view>`
	p := mustLoad(t, src, "")
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	col := (375 - 40 - 15) / 2.0 // 160
	want := []struct{ col, y float32 }{
		{0, 10},           // tie at 10: leftmost
		{1, 10},           // column 1 is empty
		{1, 10 + 50 + 4},  // column 1 ends at 60 < 110
		{0, 10 + 100 + 4}, // tie at 110: leftmost
		{1, 110 + 4},      // column 1 ends at 110 < 194
		{1, 144 + 4},      // column 1 ends at 144 < 194
	}
	for i, w := range want {
		x, y, wd, _ := absOf(p, findID(p.Root(), fmt.Sprintf("m%d", i)))
		wx := 20 + w.col*(float32(col)+15)
		if x != wx || y != w.y || wd != float32(col) {
			t.Errorf("item %d at (%v, %v) width %v; want (%v, %v) width %v", i, x, y, wd, wx, w.y, col)
		}
	}
}

// stickyPage: two sections of a 40 px header over five 100 px rows in a
// 400 px custom scroll-view at the page top (section A spans 0–540, B
// 540–1080).
func stickyPage(t *testing.T, secAttrs, hdrAttrs string) (*Page, *Node) {
	t.Helper()
	var b strings.Builder
	for _, s := range []string{"a", "b"} {
		fmt.Fprintf(&b, `<sticky-section %s><sticky-header id="h%s" %s bind:stickontopchange="onStick" style="height: 40px"></sticky-header><list-view>`, secAttrs, s, hdrAttrs)
		for i := range 5 {
			fmt.Fprintf(&b, `<view id="%s%d" style="height: 100px"></view>`, s, i)
		}
		b.WriteString(`</list-view></sticky-section>`)
	}
	p := mustLoad(t, `<scroll-view id="sv" scroll-y type="custom" style="height: 400px">`+b.String()+`</scroll-view>`, "")
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	p.DrainHandlerCalls()
	return p, findID(p.Root(), "sv")
}

// stickyRowWant is row i of a stickyPage section's list-view
// (checkContent): the section is the header's id letter.
func stickyRowWant(c *Node, i int) (itemWant, bool) {
	sec := "a"
	if h := c.Parent().FirstChild(); h != nil && h.ID() == "hb" {
		sec = "b"
	}
	return itemWant{Dump: fmt.Sprintf(`view#%s%d[style="height: 100px"]`, sec, i), Main: 100}, true
}

// TestCustomSticky: sticky-header positions at given scroll offsets (spec
// §4.6): natural place, pinned at offset-top, pushed out by the section's
// end (push-pinned-header), kept pinned without push, released; and
// stickontopchange {isStickOnTop} at each change.
func TestCustomSticky(t *testing.T) {
	for _, tc := range []struct {
		name, sec, hdr string
		steps          []struct {
			off    float64
			ha, hb float32 // header tops on the page
			sticks string  // stickontopchange calls: "ha:true hb:false"
		}
	}{
		{"push", "", "", []struct {
			off    float64
			ha, hb float32
			sticks string
		}{
			{0, 0, 540, ""},
			{200, 0, 340, "ha:true"},
			{520, -20, 20, ""},                // B's arrival pushes A up
			{560, -60, 0, "ha:false hb:true"}, // A pushed out entirely: no longer on top
			{700, -180, 0, ""},                // at rest clamped to the maximum 680 (1,080 − 400): A ends at −140, its header at −180
			{100, 0, 440, "ha:true hb:false"},
			{0, 0, 540, "ha:false"},
		}},
		{"keep-pinned", `push-pinned-header="{{false}}"`, "", []struct {
			off    float64
			ha, hb float32
			sticks string
		}{
			{200, 0, 340, "ha:true"},
			{520, 0, 20, ""},
			{700, 0, 0, "hb:true"}, // B pins over A (headers of different sections overlap)
		}},
		{"offset-top", "", `offset-top="10"`, []struct {
			off    float64
			ha, hb float32
			sticks string
		}{
			{5, 10, 535, ""}, // held at offset-top from the start (as CSS sticky top: 10px)
			{200, 10, 340, ""},
			{520, -20, 20, ""},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, sv := stickyPage(t, tc.sec, tc.hdr)
			ha, hb := findID(p.Root(), "ha"), findID(p.Root(), "hb")
			for _, s := range tc.steps {
				p.ScrollTo(sv, s.off, false)
				p.Update()
				_, ya, _, _ := absOf(p, ha)
				_, yb, _, _ := absOf(p, hb)
				var got []string
				for _, c := range p.DrainHandlerCalls() {
					if c.Handler == "onStick" {
						got = append(got, fmt.Sprintf("%s:%v", c.Event.CurrentTarget.ID, detailOf(t, c)["isStickOnTop"]))
					}
				}
				if ya != s.ha || yb != s.hb || strings.Join(got, " ") != s.sticks {
					t.Errorf("offset %v: headers at %v, %v and sticks %q; want %v, %v and %q", s.off, ya, yb, got, s.ha, s.hb, s.sticks)
				}
				if err := checkContent(p, sv, stickyRowWant, nil); err != nil {
					t.Errorf("offset %v: %v", s.off, err)
				}
			}
		})
	}
}
