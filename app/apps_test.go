package app

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/imagesrc"
	"github.com/skyline-go/skyline/logic"
	"github.com/skyline-go/skyline/skytest/golden"
)

// The sample app testdata/apps/shop is written the way WeChat's samples are
// (ES modules, a class with a private field, async onLoad, a custom
// navigation bar sized from the capsule, a data: SVG icon, a remote banner,
// a tab bar of three pages, navigation with a query). The test drives it as
// a user would: open → tap a tab → back to the first tab → tap a product
// (navigateTo with a query) → add to cart → back → the cart tab — checking
// the stack, the scripts' logs and the frame at each step.
func TestShopApp(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/banner.png" {
			http.NotFound(w, r)
			return
		}
		hits.Add(1)
		img := image.NewRGBA(image.Rect(0, 0, 64, 24))
		for y := 0; y < 24; y++ {
			for x := 0; x < 64; x++ {
				img.Set(x, y, color.RGBA{0x30, 0x80, 0xe0, 0xff})
			}
		}
		var b bytes.Buffer
		_ = png.Encode(&b, img)
		w.Header().Set("Content-Type", "image/png")
		_, _ = w.Write(b.Bytes())
	}))
	defer srv.Close()
	loader := imagesrc.New(imagesrc.Options{CacheDir: t.TempDir()})
	vp := engine.Viewport{Width: 375, Height: 667, DPR: 1}
	a, err := Open(filepath.Join("..", "testdata", "apps", "shop"), Options{
		Viewport: vp, Clock: &logic.ManualClock{}, Images: loader,
		Data: map[string]any{"banner": srv.URL + "/banner.png"},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	for _, d := range a.Diagnostics() {
		if !strings.Contains(d.Msg, "not found") {
			t.Errorf("diagnostic: %v", d)
		}
	}
	stack := func(want ...string) {
		t.Helper()
		if got := a.Stack(); !slices.Equal(got, want) {
			t.Fatalf("stack %v, want %v", got, want)
		}
	}
	frame := func(name string) *image.RGBA {
		t.Helper()
		settleApp(a) // any page transition ends
		img := image.NewRGBA(image.Rect(0, 0, 375, 667))
		a.Render(img)
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if loader.Wait(ctx) == nil {
			a.Render(img) // the banner arrived
		}
		golden.Check(t, img, filepath.Join("..", "testdata", "golden", "apps", "shop-"+name+".png"), *update, "go test ./app -run ShopApp -update")
		return img
	}
	logged := func(want string) {
		t.Helper()
		for _, l := range a.Logs() {
			if l.Msg == want {
				return
			}
		}
		t.Fatalf("no log %q in %v", want, a.Logs())
	}

	// Open: the entry page, a tab page with custom navigation.
	stack("pages/home/index")
	logged("app launched")
	logged("home loaded 4 1")
	home := frame("home")
	if got := home.RGBAAt(100, 140); got != (color.RGBA{0x30, 0x80, 0xe0, 0xff}) {
		t.Errorf("banner pixel %v: the remote image did not arrive (%d requests)", got, hits.Load())
	}
	// The custom bar lines up with the capsule (top 24, 32 tall).
	if b := classBox(t, a, "search"); b[1] != 24 || b[3] != 32 {
		t.Errorf("search box %v: want top 24, height 32 (the capsule's)", b)
	}

	// The second tab.
	a.Tap(375.0/2, 667-25)
	stack("pages/cart/index")
	frame("cart-empty")

	// Back to the first tab: the same page instance, shown again.
	a.Tap(375.0/6, 667-25)
	stack("pages/home/index")
	logged("home show")
	if n := countLogs(a, "home loaded 4 1"); n != 1 {
		t.Errorf("home loaded %d times; a tab page stays loaded", n)
	}

	// A product: navigateTo with a query; the detail page has the default
	// navigation bar with a back button.
	a.Tap(200, 384)
	stack("pages/home/index", "pages/detail/index")
	// Half-way through the push: the detail page slides in over home.
	if !a.Transitioning() {
		t.Fatal("no transition after navigateTo")
	}
	a.Advance(100 * time.Millisecond)
	mid := image.NewRGBA(image.Rect(0, 0, 375, 667))
	a.Render(mid)
	golden.Check(t, mid, filepath.Join("..", "testdata", "golden", "apps", "shop-push.png"), *update, "go test ./app -run ShopApp -update")
	if a.Tap(187, 300) {
		t.Error("a tap during the transition reached a page")
	}
	logged("detail onLoad 2 home 2")
	settleApp(a)
	a.Tap(187, 64+220+100+24+23) // 加入购物车
	frame("detail")

	// The bar's back button.
	a.Tap(20, 20+22)
	stack("pages/home/index")
	if !a.Transitioning() {
		t.Fatal("no transition after navigateBack")
	}
	settleApp(a)
	logged("detail unload")

	// The cart shows what the detail page added (getApp().globalData).
	a.Tap(375.0/2, 667-25)
	stack("pages/cart/index")
	frame("cart")
	if d := a.Page().Root().Dump(); !strings.Contains(d, `"白瓷马克杯"`) || !strings.Contains(d, `"×1"`) || !strings.Contains(d, `"合计 ¥39.00"`) {
		t.Errorf("the cart lacks the added mug and its total:\n%s", d)
	}

	// A navigator on the third tab: a relative url with a query.
	a.Tap(375.0*5/6, 667-25)
	stack("pages/me/index")
	settleApp(a)
	b := classBox(t, a, "cell")
	a.Tap(100, float64(64+b[1]+2*b[3]+b[3]/2))
	stack("pages/me/index", "pages/detail/index")
	logged("detail onLoad 3 me 2")
	settleApp(a)
	a.Tap(20, 42)
	settleApp(a)
	stack("pages/me/index")

	// Router errors come back to the script's fail as WeChat words them.
	if err := a.Navigate("navigateTo", "/pages/home/index", 0); err == nil || !strings.Contains(err.Error(), "tabbar") {
		t.Errorf("navigateTo a tab page: %v", err)
	}
	if err := a.Navigate("navigateTo", "/pages/nope/index", 0); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("navigateTo a missing page: %v", err)
	}
	if err := a.Navigate("navigateBack", "", 1); err == nil {
		t.Errorf("navigateBack at the first page succeeded")
	}
	if err := a.Navigate("reLaunch", "/pages/detail/index?id=4", 0); err != nil {
		t.Fatal(err)
	}
	stack("pages/detail/index")
	logged("detail onLoad 4 undefined 1")
	if hits.Load() != 1 {
		t.Errorf("%d requests for the banner, want 1 (cached)", hits.Load())
	}
}

func countLogs(a *App, msg string) int {
	n := 0
	for _, l := range a.Logs() {
		if l.Msg == msg {
			n++
		}
	}
	return n
}

// findBox is the page-coordinate box [x y w h] of the first element whose
// class list has class.
func classBox(t *testing.T, a *App, class string) [4]float32 {
	t.Helper()
	var out [4]float32
	found := false
	a.Page().Root().Walk(func(n *engine.Node) bool {
		if found || n.Kind != engine.ElementNode || !slices.Contains(n.ClassList(), class) {
			return !found
		}
		x, y, w, h, ok := a.Page().BorderBox(n)
		if ok {
			out, found = [4]float32{x, y, w, h}, true
		}
		return false
	})
	if !found {
		t.Fatalf("no box of class %q", class)
	}
	return out
}

// settleApp advances the clock until nothing moves (a page transition,
// timers), at most two seconds.
func settleApp(a *App) {
	for range 20 {
		if !a.Advance(100 * time.Millisecond) {
			return
		}
	}
}
