package engine

import (
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"maps"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/engine/template"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/scroll"
)

// Content checks for on-demand scrolling (spec §4.5–4.7, §6): blank-pixel
// checks cannot see a recycled item showing another index's data, so the
// scrolling tests also check, after every frame, what each placed item is.

// itemWant is what item i of a lazily laid out container must be.
type itemWant struct {
	// Dump is the item root's Node.Dump: tag, id, classes, inline style,
	// attributes, dataset, marks, events and the whole subtree with its
	// text ("" = not checked).
	Dump string
	// Main is the item's extent along the scroll axis (0 = not checked).
	Main float64
}

// contentWant says what item i of container c (the box whose children the
// placements are: a builder, a list-view / grid-view, or the scroll-view in
// list mode) must be; ok=false skips the container.
type contentWant func(c *Node, i int) (w itemWant, ok bool)

// checkContent checks sv's placed items after a frame: per container,
//   - every placed item is its own index: its dump (ids, text, classes,
//     style, dataset, conditional and looped content) and extent are those
//     the data of that index gives;
//   - the container's element children are exactly its placed items (no
//     stray or pooled subtree left in the tree), for builders;
//   - lines (list items, aligned-grid rows) are consecutive indices in
//     order, each line starting where the previous one ends plus the gap;
//     masonry columns hold increasing indices end to end; items on screen
//     are consecutive indices (lists, aligned grids) in index order;
//   - each item's box sits on the page where its placement says (what
//     paint and hit testing use), with the placement's size;
//   - with img (the frame just rendered), a pixel inside each visible
//     item shows the item's own background colour (no stale layer).
func checkContent(p *Page, svn *Node, want contentWant, img *image.RGBA) error {
	sv := rtOf(svn).scroll
	t := &p.pipe.lt
	svb := &t.boxes[svn.Index]
	groups := map[layout.NodeID][]int{}
	var order []layout.NodeID
	for k, pl := range sv.vp.Frame.Placements {
		if pl.Index < 0 {
			continue
		}
		par := t.boxes[pl.Node].parent
		if _, ok := groups[par]; !ok {
			order = append(order, par)
		}
		groups[par] = append(groups[par], k)
	}
	vert := sv.vertical()
	// What of the viewport is on screen: clipped by the window and by the
	// viewports of enclosing scroll-views (nested mode).
	vpLo, vpHi := float64(svb.absY+sv.py), float64(svb.absY+sv.py+sv.ph)
	winHi := float64(p.vp.Height)
	if !vert {
		vpLo, vpHi = float64(svb.absX+sv.px), float64(svb.absX+sv.px+sv.pw)
		winHi = float64(p.vp.Width)
	}
	vpLo, vpHi = math.Max(vpLo, 0), math.Min(vpHi, winHi)
	for a := svn.Parent(); a != nil; a = a.Parent() {
		if rtOf(a) == nil || rtOf(a).scroll == nil || !rtOf(a).scroll.laid || rtOf(a).scroll.vertical() != vert {
			continue
		}
		as, ab := rtOf(a).scroll, &t.boxes[a.Index]
		if vert {
			vpLo, vpHi = math.Max(vpLo, float64(ab.absY+as.py)), math.Min(vpHi, float64(ab.absY+as.py+as.ph))
		} else {
			vpLo, vpHi = math.Max(vpLo, float64(ab.absX+as.px)), math.Min(vpHi, float64(ab.absX+as.px+as.pw))
		}
	}
	// Pinned headers paint over the items under them.
	var covers [][4]float64
	for _, pl := range sv.vp.Frame.Placements {
		if pl.Pinned {
			b := &t.boxes[pl.Node]
			covers = append(covers, [4]float64{float64(b.absX), float64(b.absY), float64(b.absX + b.lay.Size.Width), float64(b.absY + b.lay.Size.Height)})
		}
	}
	for _, par := range order {
		cn := t.boxes[par].node
		ks := groups[par]
		placed := map[*Node]bool{}
		for _, k := range ks {
			pl := sv.vp.Frame.Placements[k]
			b := &t.boxes[pl.Node]
			n := b.node
			placed[n] = true
			w, ok := want(cn, pl.Index)
			if !ok {
				break
			}
			if w.Dump != "" {
				if got := n.Dump(); got != w.Dump {
					return fmt.Errorf("item %d of %s shows\n  %s\nwant\n  %s", pl.Index, cn.Tag, got, w.Dump)
				}
			}
			if w.Main > 0 && pl.MainExtent != w.Main {
				return fmt.Errorf("item %d of %s: extent %v, want %v (its own data's)", pl.Index, cn.Tag, pl.MainExtent, w.Main)
			}
			// The box where the placement says.
			x := float64(svb.absX+sv.px) + pl.Cross
			y := float64(svb.absY+sv.py) + pl.Main
			mw, mh := pl.CrossExtent, pl.MainExtent
			if !vert {
				x, y = float64(svb.absX+sv.px)+pl.Main, float64(svb.absY+sv.py)+pl.Cross
				mw, mh = pl.MainExtent, pl.CrossExtent
			}
			x += float64(b.lay.Margin.Left)
			y += float64(b.lay.Margin.Top)
			mw -= float64(b.lay.Margin.Left + b.lay.Margin.Right)
			mh -= float64(b.lay.Margin.Top + b.lay.Margin.Bottom)
			if !nearPx(float64(b.absX), x) || !nearPx(float64(b.absY), y) || !nearPx(float64(b.lay.Size.Width), mw) || !nearPx(float64(b.lay.Size.Height), mh) {
				return fmt.Errorf("item %d of %s: box at (%v, %v) %v×%v, placement says (%v, %v) %v×%v",
					pl.Index, cn.Tag, b.absX, b.absY, b.lay.Size.Width, b.lay.Size.Height, x, y, mw, mh)
			}
			if vis := pl.Main < sv.vp.MainExtent && pl.Main+pl.MainExtent > 0; vis != pl.Visible {
				return fmt.Errorf("item %d of %s at %v–%v in a %v px viewport: visible %v", pl.Index, cn.Tag, pl.Main, pl.Main+pl.MainExtent, sv.vp.MainExtent, pl.Visible)
			}
			if img != nil && pl.Visible {
				if err := checkItemPixel(img, float64(p.vp.DPR), p, pl.Node, vert, vpLo, vpHi, covers); err != nil {
					return fmt.Errorf("item %d of %s: %v", pl.Index, cn.Tag, err)
				}
			}
		}
		if rtOf(cn) != nil && rtOf(cn).builder != nil {
			var stray []string
			for c := cn.FirstChild(); c != nil; c = c.NextSibling() {
				if c.Kind == ElementNode && !placed[c] {
					stray = append(stray, c.Dump())
				}
			}
			if len(stray) > 0 || len(template.BuilderOf(cn).LiveIndices()) != len(ks) {
				return fmt.Errorf("%s: %d live items, %d placed; children not placed: %v", cn.Tag, len(template.BuilderOf(cn).LiveIndices()), len(ks), stray)
			}
		}
		if err := checkOrder(sv.vp.Frame.Placements, ks, strAttr(cn, "type") == "masonry" && strings.HasPrefix(cn.Tag, "grid-"), numAttr(cn, "main-axis-gap", 0)); err != nil {
			return fmt.Errorf("%s: %v", cn.Tag, err)
		}
	}
	return nil
}

func nearPx(a, b float64) bool { return math.Abs(a-b) < 0.01 }

// checkOrder checks the placements ks of one container against the
// container's geometry: lines (same main position) of consecutive indices
// laid end to end (list, aligned grid), or masonry columns; visible items
// consecutive (not masonry) and in index order.
func checkOrder(pls []scroll.Placement, ks []int, masonry bool, gap float64) error {
	items := make([]scroll.Placement, len(ks))
	for i, k := range ks {
		items[i] = pls[k]
	}
	slices.SortFunc(items, func(a, b scroll.Placement) int {
		if c := cmpF(a.Main, b.Main); c != 0 {
			return c
		}
		return cmpF(a.Cross, b.Cross)
	})
	if masonry {
		cols := map[float64][]scroll.Placement{}
		for _, it := range items {
			cols[it.Cross] = append(cols[it.Cross], it)
		}
		for _, col := range cols {
			for j := 1; j < len(col); j++ {
				a, b := col[j-1], col[j]
				if b.Index <= a.Index {
					return fmt.Errorf("masonry column at %v: item %d below item %d", a.Cross, b.Index, a.Index)
				}
				if !nearPx(b.Main, a.Main+a.MainExtent+gap) {
					return fmt.Errorf("masonry column at %v: item %d starts at %v, item %d above ends at %v (+ gap %v)", a.Cross, b.Index, b.Main, a.Index, a.Main+a.MainExtent, gap)
				}
			}
		}
		// Starts never decrease with the index (each item goes to the
		// shortest column).
		byIndex := slices.Clone(items)
		slices.SortFunc(byIndex, func(a, b scroll.Placement) int { return a.Index - b.Index })
		for j := 1; j < len(byIndex); j++ {
			if byIndex[j].Main < byIndex[j-1].Main-0.01 {
				return fmt.Errorf("masonry: item %d starts at %v, above item %d at %v", byIndex[j].Index, byIndex[j].Main, byIndex[j-1].Index, byIndex[j-1].Main)
			}
		}
		return nil
	}
	// Lines: equal main positions. Indices run on across lines. A line is
	// on screen when one of its items is (an aligned grid row's short
	// items may already have left); lines on screen are consecutive.
	lineStart, lineExt := 0, 0.0
	line, lineVisible, lastVisible := 0, false, -1
	endLine := func() error {
		if lineVisible {
			if lastVisible >= 0 && line != lastVisible+1 {
				return fmt.Errorf("on screen: the line of item %d after a line not on screen", items[lineStart].Index)
			}
			lastVisible = line
		}
		return nil
	}
	for j, it := range items {
		if j > 0 {
			prev := items[j-1]
			if it.Index != prev.Index+1 {
				return fmt.Errorf("item %d follows item %d", it.Index, prev.Index)
			}
			if it.Main != items[lineStart].Main {
				if !nearPx(it.Main, items[lineStart].Main+lineExt+gap) {
					return fmt.Errorf("item %d starts at %v; the line above (items %d–%d) ends at %v (+ gap %v)",
						it.Index, it.Main, items[lineStart].Index, prev.Index, items[lineStart].Main+lineExt, gap)
				}
				if err := endLine(); err != nil {
					return err
				}
				lineStart, lineExt, line, lineVisible = j, 0, line+1, false
			}
		}
		lineExt = math.Max(lineExt, it.MainExtent)
		lineVisible = lineVisible || it.Visible
	}
	if len(items) > 0 {
		return endLine()
	}
	return nil
}

func cmpF(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// checkItemPixel samples the box of item n, or of the first of its
// descendants with an opaque background at a point no box inside it
// covers (2 px inside its padding box, halfway along its visible part),
// and compares the pixel with that element's own background colour. Points
// under a pinned header (covers) are not sampled.
func checkItemPixel(img *image.RGBA, dpr float64, p *Page, item layout.NodeID, vert bool, lo, hi float64, covers [][4]float64) error {
	t := &p.pipe.lt
	var found error
	done := false
	var try func(id layout.NodeID, r float64)
	try = func(id layout.NodeID, r float64) {
		if done {
			return
		}
		b := &t.boxes[id]
		n := b.node
		if b.kind == boxElement && n != nil && n.Style != nil {
			// Rounded corners of the element and of the ones above it
			// (which may clip it) are kept clear of.
			for _, c := range n.Style.Radius {
				r = max(r, float64(c.X.ResolveOr(b.lay.Size.Width, true, 0)), float64(c.Y.ResolveOr(b.lay.Size.Height, true, 0)))
			}
		}
		if b.kind == boxElement && n != nil && n.Kind == ElementNode && n.Style != nil && n.Style.Background.Color.A == 255 && len(n.Style.Background.Layers) == 0 {
			if x, y, ok := samplePoint(t, id, r, vert, lo, hi, covers); ok {
				done = true
				bg := n.Style.Background.Color
				c := img.RGBAAt(int(x*dpr), int(y*dpr))
				d := func(a, b uint8) int { return max(int(a)-int(b), int(b)-int(a)) }
				if d(c.R, bg.R) > 3 || d(c.G, bg.G) > 3 || d(c.B, bg.B) > 3 {
					found = fmt.Errorf("pixel (%v, %v) is %v, the background of %s is %v", x, y, c, n.Tag+"#"+n.ID(), bg)
				}
				return
			}
		}
		for _, c := range b.children {
			try(c, r)
		}
	}
	try(item, 0)
	return found
}

// samplePoint is a point 2 + r px inside box id's padding box, halfway
// along its part inside [lo, hi) on the scroll axis, that no descendant
// box and no cover contains.
func samplePoint(t *layoutTree, id layout.NodeID, r float64, vert bool, lo, hi float64, covers [][4]float64) (x, y float64, ok bool) {
	b := &t.boxes[id]
	st := b.node.Style
	x0, y0 := float64(b.absX+st.Border[3].Width), float64(b.absY+st.Border[0].Width)
	x1, y1 := float64(b.absX+b.lay.Size.Width-st.Border[1].Width), float64(b.absY+b.lay.Size.Height-st.Border[2].Width)
	// Stay clear of rounded corners (r) across the axis.
	if vert {
		a, z := math.Max(lo, y0), math.Min(hi, y1)
		if z-a < 2 || x1-x0 < 4+2*r {
			return 0, 0, false
		}
		x, y = x0+2+r, math.Floor((a+z)/2)
	} else {
		a, z := math.Max(lo, x0), math.Min(hi, x1)
		if z-a < 2 || y1-y0 < 4+2*r {
			return 0, 0, false
		}
		x, y = math.Floor((a+z)/2), y0+2+r
	}
	in := func(r [4]float64) bool { return x >= r[0]-1 && x < r[2]+1 && y >= r[1]-1 && y < r[3]+1 }
	for _, r := range covers {
		if in(r) {
			return 0, 0, false
		}
	}
	covered := false
	var walk func(id layout.NodeID)
	walk = func(id layout.NodeID) {
		for _, c := range t.boxes[id].children {
			cb := &t.boxes[c]
			if in([4]float64{float64(cb.absX), float64(cb.absY), float64(cb.absX + cb.lay.Size.Width), float64(cb.absY + cb.lay.Size.Height)}) {
				covered = true
				return
			}
			walk(c)
		}
	}
	walk(id)
	return x, y, !covered
}

// dragStep is a drag of the finger from (x, y) by dy px (negative: up, the
// content scrolls toward its end) in steps px per 60 Hz frame, released
// with its speed (a fling), then frames until the scroll-view rests.
type dragStep struct {
	x, y, dy, step float32
}

// runGestures plays the gestures on p one after another, calling check
// after every move and every frame (with a frame number), and returns the
// number of frames played. t0 is the clock at the first touch (seconds).
func runGestures(tb testing.TB, p *Page, t0 float64, gs []dragStep, check func(frame int)) int {
	tb.Helper()
	tm, frame := t0, 0
	for _, g := range gs {
		y := g.y
		if !p.PointerDown(g.x, y, tm) {
			tb.Fatalf("no scroll-view under (%v, %v)", g.x, y)
		}
		n := int(math.Abs(float64(g.dy/g.step)) + 0.5)
		s := g.step
		if g.dy < 0 {
			s = -s
		}
		for range n {
			y += s
			tm += 1.0 / 60
			p.PointerMove(g.x, y, tm)
			frame++
			check(frame)
		}
		p.PointerUp(g.x, y, tm)
		for i := 0; p.Advance(1.0/60) && i < 2000; i++ {
			tm += 1.0 / 60
			frame++
			check(frame)
		}
		tm += 1
		frame++
		check(frame)
	}
	return frame
}

// flingThenReverse: a 400 px drag up released into a fling (the issue's
// steps), then a fast drag back down released into a fling.
func flingThenReverse(x, y float32) []dragStep {
	return []dragStep{{x, y, -400, 20}, {x, y - 300, 400, 30}}
}

var (
	reBuilder   = regexp.MustCompile(`(?s)<((?:list|grid)-builder)\b([^>]*)>(.*?)</(?:list|grid)-builder>`)
	reListAttr  = regexp.MustCompile(`\blist="([^"]*)"`)
	reSlotItem  = regexp.MustCompile(`\bslot:item(?:="(\w+)")?`)
	reSlotIndex = regexp.MustCompile(`\bslot:index(?:="(\w+)")?`)
)

// builderRefDumps instantiates the item template of the first builder in
// wxml for every element of its list through wx:for instead (slot:item /
// slot:index become wx:for-item / wx:for-index), with the same data and
// package files, and returns each item's dump: what a built item of that
// index must be, whatever subtree the builder recycled for it.
func builderRefDumps(tb testing.TB, wxml, data string, files map[string]string) []string {
	tb.Helper()
	m := reBuilder.FindStringSubmatch(wxml)
	if m == nil {
		tb.Fatal("no builder in the page")
	}
	list := reListAttr.FindStringSubmatch(m[2])
	if list == nil {
		tb.Fatal("builder without list")
	}
	tmpl := strings.TrimSpace(m[3])
	tmpl = reSlotItem.ReplaceAllStringFunc(tmpl, func(s string) string {
		name := "item"
		if sm := reSlotItem.FindStringSubmatch(s); sm[1] != "" {
			name = sm[1]
		}
		return `wx:for="` + list[1] + `" wx:for-item="` + name + `"`
	})
	tmpl = reSlotIndex.ReplaceAllStringFunc(tmpl, func(s string) string {
		if sm := reSlotIndex.FindStringSubmatch(s); sm[1] != "" {
			return `wx:for-index="` + sm[1] + `"`
		}
		return ""
	})
	if !strings.Contains(tmpl, "wx:for=") {
		tmpl = strings.Replace(tmpl, ">", ` wx:for="`+list[1]+`">`, 1) // no slot names: item / index
	}
	extra := map[string]string{}
	for k, v := range files {
		if k != "index.wxml" && !strings.HasSuffix(k, ".js") {
			extra[k] = v
		}
	}
	p, err := loadWXML(tb, `<view id="ref-root">`+tmpl+`</view>`, data, extra)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for c := findID(p.Root(), "ref-root").FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind == ElementNode {
			out = append(out, c.Dump())
		}
	}
	return out
}

// refWant answers from reference dumps for builders (and any container
// whose items the dumps describe).
func refWant(dumps []string) contentWant {
	return func(c *Node, i int) (itemWant, bool) {
		if rtOf(c) == nil || rtOf(c).builder == nil || i >= len(dumps) {
			return itemWant{}, false
		}
		return itemWant{Dump: dumps[i]}, true
	}
}

// pageFiles reads a test page's files (name → content).
func pageFiles(tb testing.TB, name string) map[string]string {
	tb.Helper()
	dir := filepath.Join("..", "testdata", "pages", name)
	ents, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		files[e.Name()] = string(b)
	}
	return files
}

// TestBuilderPageContent (issue 9): on testdata/pages/scroll-builder, a
// 400 px drag up released into a fling, then a drag back: after every
// frame each built item is its own index (a recycled subtree once kept
// the bindings of the index it was built for: #18, #19, #10, #11, #12 on
// screen), sits where its extent says, and paints its own colour.
func TestBuilderPageContent(t *testing.T) {
	files := pageFiles(t, "scroll-builder")
	dumps := builderRefDumps(t, files["index.wxml"], files["index.data.json"], files)
	p, sv := loadScrollPage(t, "scroll-builder")
	b := findID(p.Root(), "builder")
	img := image.NewRGBA(image.Rect(0, 0, 750, 1334))
	check := func(frame int) {
		t.Helper()
		p.Render(img)
		if err := checkContent(p, sv, refWant(dumps), img); err != nil {
			off, _, _ := p.ScrollOffset(sv)
			t.Fatalf("frame %d (offset %.1f): %v", frame, off, err)
		}
	}
	check(0)
	frames := runGestures(t, p, 1, flingThenReverse(200, 500), check)
	live, created, reused, _ := p.BuilderStats(b)
	if reused == 0 {
		t.Fatalf("no item was recycled over %d frames (live %d, created %d): the test exercises nothing", frames, live, created)
	}
	t.Logf("%d frames, live %d, created %d, reused %d", frames, live, created, reused)
}

// richItemTemplate is an item template binding everything a recycled
// subtree must rebind: id, class and class:x, style, dataset, hidden, a
// bound handler name, text reading the item, the index and an outer name,
// wx:if / wx:elif, and a keyed wx:for whose length varies by index.
const richItemTemplate = `<view slot:item="it" slot:index="i" id="c-{{i}}" class="cell {{it.hot ? 'hot' : ''}}" class:odd="{{i % 2}}" data-id="{{it.id}}" data-index="{{i}}" hidden="{{it.gone}}" bindtap="{{it.hot ? 'onHot' : 'onCell'}}" style="height: {{HEIGHT}}; background-color: hsl({{it.hue}}, 60%, 70%)">` +
	`<text class="t">{{it.title}}{{suffix}}</text>` +
	`<text wx:if="{{it.hot}}" class="badge">HOT</text><text wx:elif="{{i % 5 == 0}}" class="five">five {{i}}</text>` +
	`<view wx:for="{{it.tags}}" wx:key="*this" class="tag" data-tag="{{item}}">{{item}}·{{i}}</view>` +
	`</view>`

// richItems is n items for richItemTemplate, varying with the index (and
// with gen, so a replaced list differs everywhere).
func richItems(n, gen int) []any {
	items := make([]any, n)
	for i := range items {
		x := int(varHeight(i + gen*7919))
		tags := []any{}
		for k := range (i + gen) % 4 {
			tags = append(tags, fmt.Sprintf("t%d", (i+k+gen)%9))
		}
		items[i] = map[string]any{"id": fmt.Sprintf("id%d-%d", gen, i), "title": fmt.Sprintf("Item %d/%d", i, gen),
			"h": float64(60 + x%100), "hue": float64((i*37 + gen*101) % 360), "hot": (i+gen)%7 == 0, "gone": false, "tags": tags}
	}
	return items
}

// richBuilderPage is a custom scroll-view over a builder (open is its tag
// and attributes) with richItemTemplate, the item height given by height.
func richBuilderPage(open, height string) string {
	tag := open[1:strings.IndexAny(open, " >")]
	return `<view class="nav">nav</view><view wx:if="{{flag}}" style="height: 0"></view><scroll-view id="list" class="list" scroll-y type="custom" cache-extent="120">` +
		open + strings.Replace(richItemTemplate, "{{HEIGHT}}", height, 1) + `</` + tag + `></scroll-view>`
}

const richBuilderWXSS = `page { background-color: #ff00ff; }
.nav { height: 50px; flex-shrink: 0; background-color: #ffffff; }
.list { flex-grow: 1; flex-basis: 0; }
.cell { padding: 4px; border-bottom: 1px solid #ffffff; }
.tag { height: 10px; font-size: 8px; }`

// TestBuildersContent: list-builder (dynamic and static) and grid-builder
// (aligned and masonry) over richItemTemplate. A drag released into a
// fling and a drag back, then patches — an item's field with an outer
// name, a built and an unbuilt item replaced, the whole list replaced, a
// shorter list — and the gestures again: after every frame each built
// item equals a wx:for instantiation of the template for its index, with
// the data of that moment, at the place the extents say.
func TestBuildersContent(t *testing.T) {
	for _, tc := range []struct{ name, open, height string }{
		{"list-dynamic", `<list-builder id="b" list="{{items}}" type="dynamic" padding="{{[6, 0, 6, 0]}}">`, "{{it.h}}px"},
		{"list-static", `<list-builder id="b" list="{{items}}" child-height="90">`, "90px"},
		{"grid-aligned", `<grid-builder id="b" list="{{items}}" cross-axis-count="3" main-axis-gap="6" cross-axis-gap="4" padding="{{[8, 10, 8, 10]}}">`, "{{it.h}}px"},
		{"grid-masonry", `<grid-builder id="b" type="masonry" list="{{items}}" cross-axis-count="3" main-axis-gap="6" cross-axis-gap="4" padding="{{[8, 10, 8, 10]}}">`, "{{it.h}}px"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := richBuilderPage(tc.open, tc.height)
			p, err := loadWXML(t, src, "", map[string]string{"index.wxss": richBuilderWXSS})
			if err != nil {
				t.Fatal(err)
			}
			data := map[string]any{"items": richItems(400, 0), "suffix": "."}
			if err := p.SetData(data); err != nil {
				t.Fatal(err)
			}
			p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
			p.Update()
			sv, b := findID(p.Root(), "list"), findID(p.Root(), "b")
			var dumps []string
			ref := func() {
				js, _ := json.Marshal(p.Data())
				dumps = builderRefDumps(t, src, string(js), nil)
			}
			ref()
			img := image.NewRGBA(image.Rect(0, 0, 375, 667))
			step := ""
			check := func(frame int) {
				t.Helper()
				p.Render(img)
				if err := checkContent(p, sv, refWant(dumps), img); err != nil {
					off, _, _ := p.ScrollOffset(sv)
					t.Fatalf("%s, frame %d (offset %.1f): %v", step, frame, off, err)
				}
			}
			step = "first gestures"
			check(0)
			runGestures(t, p, 1, flingThenReverse(180, 500), check)
			for _, s := range []struct {
				name  string
				patch func() map[string]any
			}{
				{"a structural change elsewhere (the box tree is rebuilt)", func() map[string]any {
					return map[string]any{"flag": true}
				}},
				{"an item's field", func() map[string]any {
					return map[string]any{itemsPath(firstBuilt(b)+1) + ".title": "solo"}
				}},
				{"an item's field and an outer name", func() map[string]any {
					return map[string]any{"suffix": "!", itemsPath(firstBuilt(b)) + ".title": "changed"}
				}},
				{"a built and an unbuilt item replaced", func() map[string]any {
					r := richItems(400, 3)
					f := firstBuilt(b)
					return map[string]any{itemsPath(f + 1): r[f+1], itemsPath(f + 300%400): r[(f+300)%400]}
				}},
				{"the list replaced", func() map[string]any { return map[string]any{"items": richItems(400, 5)} }},
				{"a shorter list", func() map[string]any { return map[string]any{"items": richItems(120, 6)} }},
			} {
				step = s.name
				p.ScrollTo(sv, 1234, false)
				p.Update()
				anchor, y0 := firstVisibleNode(p, sv)
				patch := s.patch()
				if err := p.SetData(patch); err != nil {
					t.Fatal(err)
				}
				p.Update()
				if _, ok := patch["flag"]; ok {
					if _, y, _, _ := absOf(p, anchor); anchor.Dead || anchor.Parent() == nil || y != y0 {
						t.Fatalf("%s: %s, first on screen at y=%v, is now at y=%v (in the tree: %v)", step, anchor.Dump(), y0, y, anchor.Parent() != nil)
					}
				}
				ref()
				check(0)
				runGestures(t, p, 100, []dragStep{{180, 500, -300, 20}}, check)
			}
			_, created, reused, _ := p.BuilderStats(b)
			if reused == 0 {
				t.Fatalf("nothing recycled (created %d)", created)
			}
		})
	}
}

// firstBuilt is the smallest built index of builder node b.
func firstBuilt(b *Node) int {
	f := -1
	for _, i := range template.BuilderOf(b).LiveIndices() {
		if f < 0 || i < f {
			f = i
		}
	}
	return f
}

// TestContentCheckDetects: checkContent sees an item showing another
// index's text, a box away from its placement, and a stale pixel.
func TestContentCheckDetects(t *testing.T) {
	p, sv, b := loadBuilder(t, 1000)
	img := image.NewRGBA(image.Rect(0, 0, 375, 667))
	p.Render(img)
	if err := checkContent(p, sv, builderPageWant, img); err != nil {
		t.Fatalf("a correct frame fails: %v", err)
	}
	item := findID(b, "item-2")
	txt := item.FirstChild().FirstChild()
	old := txt.Text
	txt.Text = "#7"
	if err := checkContent(p, sv, builderPageWant, nil); err == nil || !strings.Contains(err.Error(), "item 2 of list-builder shows") {
		t.Errorf("wrong text: %v", err)
	}
	txt.Text = old
	bx := &p.pipe.lt.boxes[item.Index]
	bx.absY += 3
	if err := checkContent(p, sv, builderPageWant, nil); err == nil || !strings.Contains(err.Error(), "placement says") {
		t.Errorf("moved box: %v", err)
	}
	bx.absY -= 3
	y := int(bx.absY + bx.lay.Size.Height/2)
	for x := 0; x < 10; x++ {
		img.Set(x, y, color.RGBA{1, 2, 3, 255})
	}
	if err := checkContent(p, sv, builderPageWant, img); err == nil || !strings.Contains(err.Error(), "the background of") {
		t.Errorf("stale pixel: %v", err)
	}
}

// lazyContainers lists p's containers whose children are laid out on
// demand, in document order: list-mode scroll-views, list-view, grid-view
// (builders build theirs: builderRefDumps).
func lazyContainers(p *Page) []*Node {
	var out []*Node
	p.Root().Walk(func(n *Node) bool {
		if n.Kind != ElementNode || n.Dead {
			return true
		}
		switch n.Tag {
		case "list-view", "grid-view":
			out = append(out, n)
		case "scroll-view":
			if m := strAttr(n, "type"); m != "custom" && m != "nested" {
				out = append(out, n)
			}
		}
		return true
	})
	return out
}

// unitDumps is the dump of each unit of container c (its layout box's
// children, the refresher slot left out), by index.
func unitDumps(p *Page, c *Node) []string {
	t := &p.pipe.lt
	var out []string
	for _, id := range t.boxes[c.Index].children {
		n := t.boxes[id].node
		if n == nil || strAttr(n, "slot") == "refresher" {
			continue
		}
		out = append(out, n.Dump())
	}
	return out
}

// pageWant answers for the containers of page p from a fresh load of the
// same page (fresh, laid out unscrolled): item i of the k-th lazy
// container is the k-th container's i-th unit there; builder items come
// from builder (nil: not checked).
func pageWant(p, fresh *Page, builder contentWant) contentWant {
	var want [][]string
	for _, c := range lazyContainers(fresh) {
		want = append(want, unitDumps(fresh, c))
	}
	ord := map[*Node]int{}
	return func(c *Node, i int) (itemWant, bool) {
		if rtOf(c) != nil && rtOf(c).builder != nil {
			if builder == nil {
				return itemWant{}, false
			}
			return builder(c, i)
		}
		k, ok := ord[c]
		if !ok {
			clear(ord)
			for j, lc := range lazyContainers(p) {
				ord[lc] = j
			}
			if k, ok = ord[c]; !ok {
				return itemWant{}, false
			}
		}
		if k >= len(want) || i >= len(want[k]) {
			return itemWant{Dump: "(no such item)"}, true
		}
		return itemWant{Dump: want[k][i]}, true
	}
}

// TestScrollPagesContent: the scrolling test pages (list mode, custom
// mode with sticky sections over masonry grid-views, nested mode's inner
// list, a list-builder) through a drag released into a fling and a drag
// back: after every frame each placed unit of every lazy container is the
// node of its index (as a fresh load lays them out), at the place its
// extent says, painting its own background.
func TestScrollPagesContent(t *testing.T) {
	load := func(name string) *Page {
		p, err := Load(filepath.Join("..", "testdata", "pages", name), LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2})
		p.Update()
		return p
	}
	for _, tc := range []struct{ page, sv string }{
		{"scroll-feed", "list"}, {"scroll-custom", "list"}, {"scroll-nested", "posts"}, {"scroll-builder", "list"},
	} {
		t.Run(tc.page, func(t *testing.T) {
			p, fresh := load(tc.page), load(tc.page)
			var bw contentWant
			if files := pageFiles(t, tc.page); strings.Contains(files["index.wxml"], "-builder") {
				bw = refWant(builderRefDumps(t, files["index.wxml"], files["index.data.json"], files))
			}
			want := pageWant(p, fresh, bw)
			sv := findID(p.Root(), tc.sv)
			img := image.NewRGBA(image.Rect(0, 0, 750, 1334))
			check := func(frame int) {
				t.Helper()
				p.Render(img)
				if err := checkContent(p, sv, want, img); err != nil {
					off, _, _ := p.ScrollOffset(sv)
					t.Fatalf("frame %d (offset %.1f): %v", frame, off, err)
				}
			}
			check(0)
			before, _, _ := p.ScrollOffset(sv)
			runGestures(t, p, 1, []dragStep{{187, 560, -400, 20}}, check)
			after, _, _ := p.ScrollOffset(sv)
			runGestures(t, p, 10, []dragStep{{187, 200, 400, 30}}, check)
			if after <= before {
				t.Fatalf("the drag did not scroll #%s (%v → %v)", tc.sv, before, after)
			}
		})
	}
}

// TestLazyContainersReorderContent: keyed wx:for items inside lazily laid
// out containers (list mode, a list-view, a masonry grid-view) moved,
// inserted, removed and changed by patches while scrolled into the middle:
// after each patch and through a drag + fling, every placed unit is the
// node a fresh load of the same data puts at that index, where its extent
// says.
func TestLazyContainersReorderContent(t *testing.T) {
	row := `<view wx:for="{{rows}}" wx:key="id" id="r-{{item.id}}" class="row" style="height: {{item.h}}px; background-color: hsl({{item.id * 29 % 360}}, 60%, 75%)"><text>{{index}}: {{item.id}}</text></view>`
	for _, tc := range []struct{ name, src string }{
		{"list-mode", `<scroll-view id="sv" scroll-y type="list" cache-extent="80" style="height: 500px">` + row + `</scroll-view>`},
		{"list-view", `<scroll-view id="sv" scroll-y type="custom" cache-extent="80" style="height: 500px"><view style="height: 60px">head</view><list-view>` + row + `</list-view></scroll-view>`},
		{"masonry", `<scroll-view id="sv" scroll-y type="custom" cache-extent="80" style="height: 500px"><grid-view type="masonry" cross-axis-count="3" main-axis-gap="5" cross-axis-gap="5">` + row + `</grid-view></scroll-view>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := make([]any, 150)
			for i := range rows {
				rows[i] = map[string]any{"id": float64(i), "h": float64(40 + int(varHeight(i))%80)}
			}
			load := func(data map[string]any) *Page {
				js, _ := json.Marshal(data)
				p := mustLoad(t, tc.src, string(js))
				p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
				p.Update()
				return p
			}
			p := load(map[string]any{"rows": rows})
			sv := findID(p.Root(), "sv")
			img := image.NewRGBA(image.Rect(0, 0, 375, 667))
			var want contentWant
			step := "start"
			check := func(frame int) {
				t.Helper()
				p.Render(img)
				if err := checkContent(p, sv, want, img); err != nil {
					off, _, _ := p.ScrollOffset(sv)
					t.Fatalf("%s, frame %d (offset %.1f): %v", step, frame, off, err)
				}
			}
			p.ScrollTo(sv, 2500, false)
			p.Update()
			for _, s := range []struct {
				name string
				edit func([]any) []any
			}{
				{"reversed", func(r []any) []any { slices.Reverse(r); return r }},
				{"a visible block moved to the front", func(r []any) []any {
					f := firstPlaced(sv)
					return append(append(slices.Clone(r[f:f+6]), r[:f]...), r[f+6:]...)
				}},
				{"items inserted and removed around the viewport", func(r []any) []any {
					f := firstPlaced(sv)
					var out []any
					for i, x := range r {
						if i == f-1 || i == f+3 {
							continue
						}
						if i == f+1 || i == f-5 {
							out = append(out, map[string]any{"id": float64(1000 + i), "h": 77.0})
						}
						out = append(out, x)
					}
					return out
				}},
				{"heights changed", func(r []any) []any {
					for i, x := range r {
						m := maps.Clone(x.(map[string]any))
						m["h"] = float64(30 + (i*13)%90)
						r[i] = m
					}
					return r
				}},
				{"rows appended (load more)", func(r []any) []any {
					for i := range 40 {
						r = append(r, map[string]any{"id": float64(2000 + i), "h": float64(50 + i)})
					}
					return r
				}},
			} {
				step = s.name
				anchor, y0 := firstVisibleNode(p, sv)
				rows = s.edit(slices.Clone(rows))
				if err := p.SetData(map[string]any{"rows": rows}); err != nil {
					t.Fatal(err)
				}
				p.Update()
				// Scroll anchoring: what was first on screen stays where
				// it was (unless the patch removed it).
				if !anchor.Dead {
					if _, y, _, _ := absOf(p, anchor); y != y0 {
						t.Fatalf("%s: #%s, first on screen at y=%v, is now at y=%v", step, anchor.ID(), y0, y)
					}
				}
				want = pageWant(p, load(map[string]any{"rows": rows}), nil)
				check(0)
				runGestures(t, p, 1, []dragStep{{187, 400, -300, 20}}, check)
			}
			// Load more while a fling runs: the fling goes on and what is
			// on screen moves by one frame's travel only.
			step = "appended during a fling"
			p.ScrollTo(sv, 1000, false)
			p.Update()
			p.Fling(sv, 2500)
			for range 10 {
				p.Advance(1.0 / 60)
			}
			anchor, y0 := firstVisibleNode(p, sv)
			for i := range 10 {
				rows = append(rows, map[string]any{"id": float64(3000 + i), "h": 60.0})
			}
			if err := p.SetData(map[string]any{"rows": rows}); err != nil {
				t.Fatal(err)
			}
			if !p.Advance(1.0 / 60) {
				t.Fatal("the fling stopped when rows were appended")
			}
			if _, y, _, _ := absOf(p, anchor); y >= y0 || y0-y > 2500.0/60+1 {
				t.Fatalf("appended during a fling: #%s moved from y=%v to y=%v in one frame", anchor.ID(), y0, y)
			}
			want = pageWant(p, load(map[string]any{"rows": rows}), nil)
			check(0)
		})
	}
}

// firstPlaced is the smallest index placed in scroll-view node sv.
func firstPlaced(sv *Node) int {
	f := -1
	for _, pl := range rtOf(sv).scroll.vp.Frame.Placements {
		if pl.Index >= 0 && (f < 0 || pl.Index < f) {
			f = pl.Index
		}
	}
	return max(f, 6)
}

// firstVisibleNode is the node of the first visible placement of
// scroll-view node sv and its page y.
func firstVisibleNode(p *Page, sv *Node) (*Node, float32) {
	for _, pl := range rtOf(sv).scroll.vp.Frame.Placements {
		if pl.Visible && pl.Index >= 0 {
			n := p.pipe.lt.boxes[pl.Node].node
			_, y, _, _ := absOf(p, n)
			return n, y
		}
	}
	return nil, 0
}
