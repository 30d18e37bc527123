package engine

import "testing"

// A horizontal scroll-view (scroll-x) lays its children out along x and
// scrolls them along x; a reverse one starts at the end (chat style, spec
// §4.5) with the first child at the far edge.
func TestScrollAxisAndReverse(t *testing.T) {
	cells := ""
	for i := 0; i < 20; i++ {
		cells += `<view id="c` + itoa(i) + `" style="width:100px;height:40px"/>`
	}
	cases := []struct {
		name   string
		attrs  string
		style  string
		scroll float64
		id     string
		wantX  float32
		wantY  float32
	}{
		{"scroll-x at 0", `scroll-x`, "flex-direction:row;width:375px;height:40px", 0, "c1", 100, 0},
		{"scroll-x at 250", `scroll-x`, "flex-direction:row;width:375px;height:40px", 250, "c3", 50, 0},
		{"scroll-y at 100", `scroll-y`, "width:375px;height:200px", 100, "c3", 0, 20},
		{"reverse starts at the end: first child at the bottom", `scroll-y reverse`, "width:375px;height:200px", 0, "c0", 0, 160},
		{"reverse: the second child above it", `scroll-y reverse`, "width:375px;height:200px", 0, "c1", 0, 120},
		{"reverse scrolled 100 moves children down (later ones come into view)", `scroll-y reverse`, "width:375px;height:200px", 100, "c3", 0, 140},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wxml := `<scroll-view id="sv" type="list" ` + c.attrs + ` style="` + c.style + `">` + cells + `</scroll-view>`
			p := loadStyled(t, wxml, "", "", nil)
			sv := findID(p.Root(), "sv")
			if c.scroll != 0 && !p.ScrollTo(sv, c.scroll, false) {
				t.Fatal("ScrollTo failed")
			}
			p.Update()
			n := findID(sv, c.id)
			b := p.pipe.lt.boxes[n.Index]
			if !near(b.absX, c.wantX) || !near(b.absY, c.wantY) {
				t.Errorf("#%s at (%v, %v), want (%v, %v)", c.id, b.absX, b.absY, c.wantX, c.wantY)
			}
		})
	}
}
