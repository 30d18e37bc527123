package engine

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// openSwiperDemo loads testdata/pages/swiper-demo with data overrides.
func openSwiperDemo(t *testing.T, autoplay, circular bool) *Page {
	t.Helper()
	data := fmt.Sprintf(`{"colors":["#d9534f","#5bc0de","#5cb85c"],"cards":["A","B","C","D"],"autoplay":%v,"circular":%v}`, autoplay, circular)
	dir := filepath.Join("..", "testdata", "pages", "swiper-demo")
	files := map[string]string{}
	for _, f := range []string{"index.wxml", "index.wxss"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		files[f] = string(b)
	}
	files["index.data.json"] = data
	p, err := Load(filepath.Join(writePackage(t, files), "index"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	return p
}

// swiperEvents renders the swipers' handler calls as "handler(current,source)".
func swiperEvents(t *testing.T, p *Page) string {
	var out []string
	for _, c := range p.DrainHandlerCalls() {
		d := detailOf(t, c)
		out = append(out, fmt.Sprintf("%s(%v,%v,%v)", c.Handler, d["current"], d["source"], d["currentItemId"]))
	}
	return strings.Join(out, " ")
}

// itemX is the page x of the swiper-item with item-id id.
func itemX(t *testing.T, p *Page, banner *Node, i int) float32 {
	t.Helper()
	n := 0
	for c := banner.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind != ElementNode {
			continue
		}
		if n == i {
			x, _, _, _, ok := p.BorderBox(c)
			if !ok {
				t.Fatalf("item %d has no box", i)
			}
			b := &p.pipe.lt.boxes[c.Index]
			return b.absX + 0*x
		}
		n++
	}
	t.Fatalf("no item %d", i)
	return 0
}

// A swipe left turns one page: change fires with source "touch" when the
// finger lifts, the pages slide over the duration, animationfinish ends it;
// a short slow drag springs back; autoplay turns a page every interval;
// a circular swiper wraps from the last page to the first.
func TestSwiperSwipe(t *testing.T) {
	p := openSwiperDemo(t, false, false)
	banner := findID(p.Root(), "banner")
	if x := itemX(t, p, banner, 1); x != 375 {
		t.Fatalf("item 1 at x=%v before the swipe, want 375", x)
	}
	// Swipe left 150 px in 100 ms.
	p.TouchStart(1, 300, 100, 0)
	for i := 1; i <= 5; i++ {
		p.TouchMove(1, 300-float64(30*i), 100, float64(20*i))
		p.Advance(0.02)
	}
	if x := itemX(t, p, banner, 1); x != 375-150+10 && x != 375-150 {
		t.Logf("item 1 follows the finger: x=%v", x)
	}
	p.TouchEnd(1, 150, 100, 100)
	if got := swiperEvents(t, p); got != "onChange(1,touch,item-1)" {
		t.Fatalf("on release: %q", got)
	}
	p.Advance(0.25)
	mid := itemX(t, p, banner, 1)
	if mid <= 0 || mid >= 225 {
		t.Errorf("half-way item 1 at x=%v, want between 0 and 225", mid)
	}
	for range 10 {
		p.Advance(0.05)
	}
	if got := swiperEvents(t, p); got != "onFinish(1,touch,item-1)" {
		t.Fatalf("after the duration: %q", got)
	}
	if x := itemX(t, p, banner, 1); x != 0 {
		t.Fatalf("item 1 at x=%v after the swipe, want 0", x)
	}
	// A short, slow drag springs back to page 1.
	p.TouchStart(1, 200, 100, 1000)
	p.TouchMove(1, 180, 100, 1200)
	p.TouchMove(1, 170, 100, 1400)
	p.TouchEnd(1, 170, 100, 1600)
	for range 12 {
		p.Advance(0.05)
	}
	if got := swiperEvents(t, p); got != "onFinish(1,touch,item-1)" {
		t.Fatalf("spring back: %q", got)
	}
	if x := itemX(t, p, banner, 1); x != 0 {
		t.Fatalf("item 1 at x=%v after springing back", x)
	}

	// Autoplay: every 2 s, past the last page back to the first.
	p = openSwiperDemo(t, true, false)
	banner = findID(p.Root(), "banner")
	var got []string
	for range 70 {
		p.Advance(0.1)
		if s := swiperEvents(t, p); s != "" {
			got = append(got, s)
		}
	}
	if want := "onChange(1,autoplay,item-1) onFinish(1,autoplay,item-1) onChange(2,autoplay,item-2) onFinish(2,autoplay,item-2) onChange(0,autoplay,item-0) onFinish(0,autoplay,item-0)"; strings.Join(got, " ") != want {
		t.Fatalf("autoplay: %s\nwant %s", strings.Join(got, " "), want)
	}

	// Circular: page 2 → page 0 continues to the left; page 0 shows at x=0.
	p = openSwiperDemo(t, false, true)
	banner = findID(p.Root(), "banner")
	for _, at := range []float64{0, 1000, 2000} {
		p.TouchStart(1, 300, 100, at)
		p.TouchMove(1, 200, 100, at+30)
		p.TouchMove(1, 100, 100, at+60)
		p.TouchEnd(1, 100, 100, at+80)
		for range 12 {
			p.Advance(0.05)
		}
	}
	if s := swiperEvents(t, p); !strings.HasSuffix(s, "onChange(0,touch,item-0) onFinish(0,touch,item-0)") {
		t.Fatalf("circular: %s", s)
	}
	if x := itemX(t, p, banner, 0); x != 0 {
		t.Fatalf("circular: item 0 at x=%v, want 0", x)
	}
	if x := itemX(t, p, banner, 2); x != -375 {
		t.Errorf("circular: item 2 at x=%v, want -375 (just before item 0)", x)
	}
}

// The demo's first frame: the first page with its dots, and the cards
// swiper with previous and next margins showing its neighbours.
func TestSwiperFrame(t *testing.T) {
	p := openSwiperDemo(t, false, false)
	img := image.NewRGBA(image.Rect(0, 0, 375, 667))
	p.Render(img)
	// (TestGolden compares the page's frame at 2× with testdata/golden/swiper-demo.png.)
	// The active dot is the indicator-active-color; the others the default.
	if c := img.RGBAAt(171, 155); c.G < 150 || c.R > 50 {
		t.Errorf("active dot pixel %v, want #07c160", c)
	}
	cards := findID(p.Root(), "cards")
	if x := itemX(t, p, cards, 0); x != 30 {
		t.Errorf("first card at x=%v, want 30 (previous-margin)", x)
	}
	if x := itemX(t, p, cards, 1); x != 30+315 {
		t.Errorf("second card at x=%v, want 345 (one page of 315 px later)", x)
	}
}
