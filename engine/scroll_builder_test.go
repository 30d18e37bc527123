package engine

import (
	"encoding/json"
	"fmt"
	"image"
	"strconv"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/engine/template"
	"github.com/skyline-go/skyline/scroll"
)

// builderPage is a list-builder in a custom scroll-view whose page
// background is a sentinel colour no item paints: any sentinel pixel inside
// the viewport is a blank (unpainted) one.
const builderPageWXML = `<view class="nav">nav</view>
<scroll-view id="list" class="list" scroll-y type="custom" cache-extent="150">
  <list-builder id="b" list="{{items}}" type="dynamic" binditembuild="onBuild" binditemdispose="onDispose">
    <view slot:item="h" slot:index="i" class="item" id="item-{{i}}" style="height: {{40 + h}}px; background-color: hsl({{i * 47 % 360}}, 70%, 80%)"><text>#{{i}}</text></view>
  </list-builder>
</scroll-view>`

const builderPageWXSS = `page { background-color: #ff00ff; }
.nav { height: 50px; flex-shrink: 0; background-color: #ffffff; }
.list { flex-grow: 1; flex-basis: 0; }
.item { justify-content: center; padding: 0 16px; }`

// varHeight is item i's extra height: 0–139 px, varying wildly.
func varHeight(i int) float64 {
	x := uint32(i)*2654435761 + 0x9e3779b9
	x ^= x >> 15
	return float64(x % 140)
}

func loadBuilder(tb testing.TB, n int) (*Page, *Node, *Node) {
	tb.Helper()
	p, err := loadWXML(tb, builderPageWXML, "", map[string]string{"index.wxss": builderPageWXSS})
	if err != nil {
		tb.Fatal(err)
	}
	items := make([]any, n)
	for i := range items {
		items[i] = varHeight(i)
	}
	if err := p.SetData(map[string]any{"items": items}); err != nil {
		tb.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	return p, findID(p.Root(), "list"), findID(p.Root(), "b")
}

const sentinel = 0xff00ff

// blankPixels counts sentinel pixels inside the scroll-view's viewport.
func blankPixels(p *Page, sv *Node, img *image.RGBA) int {
	b := p.pipe.lt.boxes[sv.Index]
	blank := 0
	for y := int(b.absY); y < int(b.absY+b.lay.Size.Height); y++ {
		for x := int(b.absX); x < int(b.absX+b.lay.Size.Width); x++ {
			c := img.RGBAAt(x, y)
			if c.R == 255 && c.G == 0 && c.B == 255 {
				blank++
			}
		}
	}
	return blank
}

// maxLiveBound is how many items can intersect viewport + cache extent:
// (617 px + 2·150) / 40 px (the smallest item) + 1, plus a small constant.
const maxLiveBound = (617+300)/40 + 1 + 3

// builderPageWant is item i of builderPageWXML: its id, text, height and
// colour from index i (checkContent).
func builderPageWant(c *Node, i int) (itemWant, bool) {
	h := 40 + int(varHeight(i))
	return itemWant{Dump: fmt.Sprintf(`view#item-%d.item[style="height: %dpx; background-color: hsl(%d, 70%%, 80%%)"](text("#%d"))`, i, h, i*47%360, i),
		Main: float64(h)}, true
}

// TestBuilderFlingMillion: a 3,000 px/s fling and then a drag reversal
// through a 1,000,000-item list-builder, frame by frame at 60 Hz: no frame
// shows a blank pixel in the viewport, every built item shows its own
// index's content at the place its extent says (checkContent), live items
// stay within viewport + cache extent, and item instances are recycled
// (creations level off).
func TestBuilderFlingMillion(t *testing.T) {
	p, sv, b := loadBuilder(t, 1_000_000)
	img := image.NewRGBA(image.Rect(0, 0, 375, 667))
	check := func(frame int) {
		t.Helper()
		p.Render(img)
		if n := blankPixels(p, sv, img); n > 0 {
			t.Fatalf("frame %d: %d blank pixels in the viewport", frame, n)
		}
		live, _, _, _ := p.BuilderStats(b)
		if live > maxLiveBound {
			t.Fatalf("frame %d: %d live items, bound %d", frame, live, maxLiveBound)
		}
		if err := checkContent(p, sv, builderPageWant, img); err != nil {
			t.Fatalf("frame %d: %v", frame, err)
		}
	}
	check(0)
	// Start deep in the list, then fling.
	if !p.ScrollIntoIndex(sv, 0, 500_000, scroll.IntoView{}, false) {
		t.Fatal("ScrollIntoIndex failed")
	}
	check(1)
	start, _, _ := p.ScrollOffset(sv)
	p.Fling(sv, 3000)
	frame := 2
	for ; p.Advance(1.0/60) && frame < 1000; frame++ {
		check(frame)
	}
	check(frame)
	end, _, _ := p.ScrollOffset(sv)
	if d := end - start; d < 1400 || d > 1600 {
		t.Fatalf("fling travelled %.1f px, want ≈1500 (v0/k)", d)
	}
	_, createdAfterFling, _, _ := p.BuilderStats(b)
	// Drag reversal: the finger pulls the content down fast, then releases.
	y := float32(300)
	tm := 10.0
	p.PointerDown(200, y, tm)
	for range 20 {
		y += 30
		tm += 1.0 / 60
		p.PointerMove(200, y, tm)
		frame++
		check(frame)
	}
	p.PointerUp(200, y, tm)
	for ; p.Advance(1.0/60) && frame < 2000; frame++ {
		check(frame)
	}
	back, _, _ := p.ScrollOffset(sv)
	if back >= end-600 {
		t.Fatalf("drag reversal moved from %.1f to %.1f; want well back toward the start", end, back)
	}
	live, created, reused, _ := p.BuilderStats(b)
	if created > maxLiveBound+4 {
		t.Fatalf("%d item instances created over %d frames (live %d): not recycled", created, frame, live)
	}
	if created != createdAfterFling && created-createdAfterFling > 4 {
		t.Fatalf("creations keep growing: %d after the fling, %d after the reversal", createdAfterFling, created)
	}
	if reused < 20 {
		t.Fatalf("only %d reuses over %d frames", reused, frame)
	}
	t.Logf("%d frames, live %d, created %d, reused %d", frame, live, created, reused)
	// itembuild / itemdispose carry {index}.
	var builds, disposes int
	for _, c := range p.DrainHandlerCalls() {
		switch c.Event.Type {
		case "itembuild":
			builds++
			d, _ := c.Event.Detail.(map[string]any)
			if _, ok := d["index"].(float64); !ok || c.Handler != "onBuild" || c.Event.CurrentTarget.ID != "b" {
				t.Fatalf("bad itembuild call %+v", c)
			}
		case "itemdispose":
			disposes++
			if c.Handler != "onDispose" {
				t.Fatalf("bad itemdispose call %+v", c)
			}
		}
	}
	if builds != created+reused || disposes == 0 || builds-disposes != live {
		t.Fatalf("events: %d builds, %d disposes; want %d builds and builds−disposes = live %d", builds, disposes, created+reused, live)
	}
}

// TestBuilderIntoViewAnchoring: scroll to item 700,000 of a variable-height
// list lands it exactly at the requested alignment in one frame; then items
// above it change height and it stays put (scroll anchoring).
func TestBuilderIntoViewAnchoring(t *testing.T) {
	for _, tc := range []struct {
		name  string
		align scroll.Alignment
		off   float64
	}{{"start", scroll.AlignStart, 0}, {"center", scroll.AlignCenter, 0}, {"end", scroll.AlignEnd, 0}, {"start-offset", scroll.AlignStart, -44}} {
		t.Run(tc.name, func(t *testing.T) {
			p, sv, _ := loadBuilder(t, 1_000_000)
			if !p.ScrollIntoIndex(sv, 0, 700_000, scroll.IntoView{Alignment: tc.align, Offset: tc.off}, false) {
				t.Fatal("ScrollIntoIndex failed")
			}
			target := findID(sv, "item-700000")
			if target == nil || target.Index == 0 {
				t.Fatal("item 700000 not built")
			}
			svb := p.pipe.lt.boxes[sv.Index]
			tb := p.pipe.lt.boxes[target.Index]
			h := float32(40 + varHeight(700_000))
			if tb.lay.Size.Height != h {
				t.Fatalf("target height %v, want %v", tb.lay.Size.Height, h)
			}
			top := tb.absY - svb.absY
			var want float32
			switch tc.align {
			case scroll.AlignStart:
				want = float32(-tc.off)
			case scroll.AlignCenter:
				want = (svb.lay.Size.Height - h) / 2
			case scroll.AlignEnd:
				want = svb.lay.Size.Height - h
			}
			if top != want {
				t.Fatalf("target top %v in the viewport, want %v", top, want)
			}
			if err := checkContent(p, sv, builderPageWant, nil); err != nil {
				t.Fatal(err)
			}
			// Items above the viewport change height: built ones in the
			// cache area, unbuilt ones, one far away. Anchoring keeps the
			// first visible item in place (as Chromium's scroll anchoring),
			// so the target and everything after it stay put.
			first := -1
			for _, pl := range rtOf(sv).scroll.vp.Frame.Placements {
				if pl.Visible && (first < 0 || pl.Index < first) {
					first = pl.Index
				}
			}
			if first <= 0 {
				t.Fatal("no visible item")
			}
			patch := map[string]any{itemsPath(first - 1): 130.0, itemsPath(first - 2): 3.0, itemsPath(first - 10): 120.0, "items[12]": 99.0}
			if err := p.SetData(patch); err != nil {
				t.Fatal(err)
			}
			p.Update()
			tb = p.pipe.lt.boxes[target.Index]
			if got := tb.absY - svb.absY; got != want {
				t.Fatalf("after items above changed: target top %v, want %v (anchored)", got, want)
			}
			changed := func(c *Node, i int) (itemWant, bool) {
				w, _ := builderPageWant(c, i)
				if h, ok := patch[itemsPath(i)].(float64); ok {
					w.Main = 40 + h
					w.Dump = strings.Replace(w.Dump, fmt.Sprintf("height: %dpx", 40+int(varHeight(i))), fmt.Sprintf("height: %dpx", 40+int(h)), 1)
				}
				return w, true
			}
			if err := checkContent(p, sv, changed, nil); err != nil {
				t.Fatal(err)
			}
			above := findID(sv, "item-"+strconv.Itoa(first-1))
			if above == nil || p.pipe.lt.boxes[above.Index].lay.Size.Height != 170 {
				t.Fatalf("item %d (in the cache area) was not re-measured", first-1)
			}
		})
	}
}

func itemsPath(i int) string { return "items[" + strconv.Itoa(i) + "]" }

// TestBlankPixelsDetects: the blank-pixel check sees a viewport that items
// do not fill (3 items in a 617 px viewport).
func TestBlankPixelsDetects(t *testing.T) {
	p, sv, _ := loadBuilder(t, 3)
	img := image.NewRGBA(image.Rect(0, 0, 375, 667))
	p.Render(img)
	if n := blankPixels(p, sv, img); n < 375*100 {
		t.Fatalf("%d blank pixels under 3 items; the check cannot see gaps", n)
	}
}

// TestBuilderPooledItemsInert: items waiting in a builder's pool still
// follow outer names (they are current when taken again) but record no
// change for the frame: their stale box slots may be free or another
// item's.
func TestBuilderPooledItemsInert(t *testing.T) {
	src := richBuilderPage(`<list-builder id="b" list="{{items}}" type="dynamic">`, "{{it.h}}px")
	p, err := loadWXML(t, src, "", map[string]string{"index.wxss": richBuilderWXSS})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.SetData(map[string]any{"items": richItems(400, 0), "suffix": "."}); err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	sv, b := findID(p.Root(), "list"), findID(p.Root(), "b")
	for _, off := range []float64{3000, 200, 100} {
		p.ScrollTo(sv, off, false)
		p.Update()
	}
	pool := template.BuilderOf(b).Pooled()
	if len(pool) == 0 {
		t.Fatal("nothing pooled")
	}
	if err := p.SetData(map[string]any{"suffix": "!"}); err != nil {
		t.Fatal(err)
	}
	for _, root := range pool {
		root.Walk(func(n *Node) bool {
			if n.Dirty != 0 {
				t.Errorf("pooled node %s recorded a change", n.Dump())
			}
			if n.Kind == TextNode && strings.HasPrefix(n.Text, "Item ") && !strings.HasSuffix(n.Text, "!") {
				t.Errorf("pooled text %q did not follow the outer name", n.Text)
			}
			return true
		})
	}
	p.Update()
	img := image.NewRGBA(image.Rect(0, 0, 375, 667))
	js, _ := json.Marshal(p.Data())
	dumps := builderRefDumps(t, src, string(js), nil)
	p.ScrollTo(sv, 0, false)
	p.Render(img)
	if err := checkContent(p, sv, refWant(dumps), img); err != nil {
		t.Fatal(err)
	}
}

// TestBuilderComponentItems: an item holding a custom component is a new
// instance for each index it is built for (spec §4.7: created on entering,
// destroyed on leaving): the logic layer hears attached / detached, and
// data an instance set for its index never shows at another one.
func TestBuilderComponentItems(t *testing.T) {
	src := `<view wx:if="{{flag}}">flag</view><scroll-view id="list" scroll-y type="custom" style="height: 400px">` +
		`<list-builder id="b" list="{{items}}" child-height="80" binditembuild="onBuild" binditemdispose="onDispose"><c-card slot:item slot:index id="c-{{index}}" title="{{item}}"/></list-builder></scroll-view>`
	items := make([]any, 200)
	for i := range items {
		items[i] = fmt.Sprintf("t%d", i)
	}
	js, _ := json.Marshal(map[string]any{"items": items})
	defs := map[string]*ComponentDef{"comp/card": {Properties: []PropertySpec{{Name: "title", Type: PropString}}, Data: map[string]any{"n": "fresh"}}}
	p := loadComp(t, src, string(js), map[string]string{"index.json": cardJSON,
		"comp/card.wxml": `<view style="height: 80px">{{title}}|{{n}}</view>`}, defs)
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	sv := findID(p.Root(), "list")
	// Every built instance sets its own data, as its script would.
	alive, setFor := map[InstanceID]bool{}, map[InstanceID]int{}
	for _, in := range p.Instances() {
		i, _ := strconv.Atoi(strings.TrimPrefix(in.Host().ID(), "c-"))
		alive[in.ID()], setFor[in.ID()] = true, i
		if err := p.SetComponentData(in.ID(), map[string]any{"n": fmt.Sprintf("set for %d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	if len(setFor) == 0 {
		t.Fatal("no instance built")
	}
	p.DrainInstanceEvents()
	seenAt := map[InstanceID]int{}
	built := map[int]bool{}
	for _, c := range p.DrainHandlerCalls() {
		if c.Event.Type == "itembuild" {
			built[int(detailOf(t, c)["index"].(float64))] = true
		}
	}
	check := func(frame int) {
		t.Helper()
		// itembuild / itemdispose pair up per index and match what is built.
		for _, c := range p.DrainHandlerCalls() {
			i := int(detailOf(t, c)["index"].(float64))
			switch c.Event.Type {
			case "itembuild":
				if built[i] {
					t.Fatalf("frame %d: itembuild %d twice without itemdispose", frame, i)
				}
				built[i] = true
			case "itemdispose":
				if !built[i] {
					t.Fatalf("frame %d: itemdispose %d of an item not built", frame, i)
				}
				delete(built, i)
			}
		}
		if live := len(rtOf(sv).scroll.vp.Frame.Placements); len(built) != live {
			t.Fatalf("frame %d: %d items built by the events, %d placed", frame, len(built), live)
		}
		for _, e := range p.DrainInstanceEvents() {
			switch e.Kind {
			case InstanceAttached:
				alive[e.ID] = true
			case InstanceDetached:
				delete(alive, e.ID)
			}
		}
		for _, pl := range rtOf(sv).scroll.vp.Frame.Placements {
			n := p.pipe.lt.boxes[pl.Node].node
			in := Hosted(n)
			if in == nil || !alive[in.ID()] {
				t.Fatalf("frame %d: item %d's instance is not one the logic layer knows", frame, pl.Index)
			}
			if i, ok := seenAt[in.ID()]; ok && i != pl.Index {
				t.Fatalf("frame %d: item %d has the instance first built for item %d", frame, pl.Index, i)
			}
			seenAt[in.ID()] = pl.Index
			want := fmt.Sprintf("t%d|fresh", pl.Index)
			if i, ok := setFor[in.ID()]; ok {
				if i != pl.Index {
					t.Fatalf("frame %d: item %d has the instance built for item %d", frame, pl.Index, i)
				}
				want = fmt.Sprintf("t%d|set for %d", i, i)
			}
			if got := textOf(n); n.ID() != fmt.Sprintf("c-%d", pl.Index) || got != want {
				t.Fatalf("frame %d: item %d is #%s showing %q, want %q", frame, pl.Index, n.ID(), got, want)
			}
		}
	}
	check(0)
	runGestures(t, p, 1, []dragStep{{180, 300, -300, 20}, {180, 100, 250, 25}}, check)
	// A structural change elsewhere rebuilds the box tree: the live items
	// keep their instances, each at its own index.
	p.ScrollTo(sv, 250, false)
	p.Update()
	check(1000)
	for k, f := range []bool{true, false, true} {
		if err := p.SetData(map[string]any{"flag": f}); err != nil {
			t.Fatal(err)
		}
		p.Update()
		check(1001 + k)
	}
	_, created, reused, _ := p.BuilderStats(findID(p.Root(), "b"))
	if created < 10 {
		t.Fatalf("only %d items created (reused %d): the test scrolled nothing", created, reused)
	}
}

// TestBuilderRemovedWithItems: when the builder leaves the page (wx:if),
// its built and pooled items go with it: their bindings stop and their
// component instances are reported detached.
func TestBuilderRemovedWithItems(t *testing.T) {
	src := `<scroll-view wx:if="{{show}}" id="list" scroll-y type="custom" style="height: 400px">` +
		`<list-builder id="b" list="{{items}}" child-height="80"><view slot:item slot:index style="height: 80px">{{item}}{{suffix}}<c-card wx:if="{{index === 1}}" title="{{item}}"/></view></list-builder></scroll-view>`
	items := make([]any, 200)
	for i := range items {
		items[i] = fmt.Sprintf("t%d", i)
	}
	js, _ := json.Marshal(map[string]any{"items": items, "show": true, "suffix": "."})
	defs := map[string]*ComponentDef{"comp/card": {Properties: []PropertySpec{{Name: "title", Type: PropString}}}}
	p := loadComp(t, src, string(js), map[string]string{"index.json": cardJSON, "comp/card.wxml": `<view>{{title}}</view>`}, defs)
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	sv := findID(p.Root(), "list")
	for _, off := range []float64{2000, 0} {
		p.ScrollTo(sv, off, false)
		p.Update()
	}
	// A shorter list: most items go to the pool.
	if err := p.SetData(map[string]any{"items": items[:3]}); err != nil {
		t.Fatal(err)
	}
	p.Update()
	b := template.BuilderOf(findID(p.Root(), "b"))
	if len(b.Pooled()) == 0 || len(b.LiveIndices()) == 0 {
		t.Fatalf("%d live, %d pooled: want both", len(b.LiveIndices()), len(b.Pooled()))
	}
	attached := map[InstanceID]bool{}
	for _, in := range p.Instances() {
		attached[in.ID()] = true
	}
	p.DrainInstanceEvents()
	if err := p.SetData(map[string]any{"show": false}); err != nil {
		t.Fatal(err)
	}
	p.Update()
	for _, e := range p.DrainInstanceEvents() {
		if e.Kind == InstanceDetached {
			delete(attached, e.ID)
		}
	}
	if len(attached) > 0 {
		t.Errorf("%d instances of removed items never reported detached", len(attached))
	}
	before := p.Evals()
	if err := p.SetData(map[string]any{"suffix": "!"}); err != nil {
		t.Fatal(err)
	}
	if n := p.Evals() - before; n != 0 {
		t.Errorf("%d bindings of removed items evaluated", n)
	}
}
