package engine

import "testing"

// TestScrollChildPercentSizes (issue 9 item 7): a percentage size of a
// scroll-view's child resolves against the scroll-view's viewport (its
// content box: the padding box less CSS and attribute paddings), as
// Chromium resolves a percentage height of a child of an overflow:auto box
// with a definite height against that box's content box; WeChat's
// bottom-sheet demo relies on it (a height:100% panel in a list
// scroll-view). Expected numbers are Chromium's for the same boxes (an
// overflow:auto flex column), less its 15 px scrollbar, which Skyline does
// not lay out.
func TestScrollChildPercentSizes(t *testing.T) {
	src := `<scroll-view id="sv" scroll-y cache-extent="2000" style="height: 400px; padding: 10px; border: 2px solid black">` +
		`<view id="a" style="height: 100%">a</view>` +
		`<view id="b" style="min-height: 100%">b</view>` +
		`<view id="c" style="height: 1000px; max-height: 50%">c</view>` +
		`</scroll-view>` +
		`<scroll-view id="sx" scroll-x style="height: 100px; padding: 0 5px; width: 300px; flex-direction: row; flex-shrink: 0">` +
		`<view id="d" style="width: 100%">d</view><view id="e" style="width: 50%">e</view></scroll-view>` +
		`<scroll-view id="grow" scroll-y cache-extent="1000" style="flex: 1; flex-basis: 0">` +
		`<view id="f" style="height: 100%">f</view>` +
		`<scroll-view id="inner" scroll-y style="height: 50%; padding-top: 20px"><view id="g" style="height: 100%">g</view></scroll-view>` +
		`</scroll-view>`
	p := mustLoad(t, src, "")
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	for _, w := range []struct {
		id         string
		x, y, w, h float32
	}{
		{"sv", 0, 0, 375, 400},
		{"a", 12, 12, 351, 376},
		{"b", 12, 388, 351, 376},
		{"c", 12, 764, 351, 188},
		{"sx", 0, 400, 300, 100},
		{"d", 5, 400, 290, 100},
		{"e", 295, 400, 145, 100},
		{"grow", 0, 500, 375, 167},
		{"f", 0, 500, 375, 167},
		{"inner", 0, 667, 375, 83.5},
		{"g", 0, 687, 375, 63.5},
	} {
		x, y, wd, h := absOf(p, findID(p.Root(), w.id))
		if x != w.x || y != w.y || wd != w.w || h != w.h {
			t.Errorf("#%s at (%v, %v) %v×%v, want (%v, %v) %v×%v", w.id, x, y, wd, h, w.x, w.y, w.w, w.h)
		}
	}
}

// TestScrollChildPercentModes: the percentage basis in custom and nested
// mode and with the padding attribute: a custom-mode plain child and a
// nested-mode header resolve against the viewport less the paddings; an
// item of a list-view (an auto-sized container, as in Chromium) has no
// basis, so its height:100% is its content height. Nested mode's body has
// the viewport's size already (spec §4.8).
func TestScrollChildPercentModes(t *testing.T) {
	src := `<scroll-view id="cu" type="custom" scroll-y cache-extent="1000" style="height: 300px; flex-shrink: 0" padding="{{[10, 0, 10, 0]}}">` +
		`<view id="h" style="height: 100%">h</view>` +
		`<list-view><view id="i" style="height: 100%">i</view></list-view></scroll-view>` +
		`<scroll-view id="ne" type="nested" scroll-y style="height: 200px; flex-shrink: 0">` +
		`<nested-scroll-header id="hd" style="height: 50%"><view id="j" style="height: 100%">j</view></nested-scroll-header>` +
		`<nested-scroll-body><view id="k" style="height: 100%">k</view></nested-scroll-body></scroll-view>`
	p := mustLoad(t, src, "")
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	_, _, _, line := absOf(p, findID(p.Root(), "i"))
	for _, w := range []struct {
		id   string
		y, h float32
	}{
		{"h", 10, 280},
		{"i", 290, line},
		{"hd", 300, 100},
		{"j", 300, 100},
		{"k", 400, 200},
	} {
		_, y, _, h := absOf(p, findID(p.Root(), w.id))
		if y != w.y || h != w.h {
			t.Errorf("#%s at y=%v height %v, want y=%v height %v", w.id, y, h, w.y, w.h)
		}
	}
	if line <= 0 || line >= 100 {
		t.Errorf("list-view item height %v: want its content height", line)
	}
}

// TestScrollChildPercentAutoSize: with enableScrollViewAutoSize a
// scroll-view without a size on its axis is as long as its content, so a
// percentage of that length has no basis (it would be circular) and acts
// as auto, as under an auto-height box in Chromium.
func TestScrollChildPercentAutoSize(t *testing.T) {
	src := `<scroll-view id="sv" scroll-y style="flex-shrink: 0"><view id="a" style="height: 100%">a</view><view style="height: 50px"></view></scroll-view>`
	p, err := loadWXML(t, src, "", map[string]string{"index.json": `{"rendererOptions":{"skyline":{"enableScrollViewAutoSize":true}}}`})
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	_, _, _, a := absOf(p, findID(p.Root(), "a"))
	_, _, _, sv := absOf(p, findID(p.Root(), "sv"))
	if a <= 0 || a >= 50 || sv != a+50 {
		t.Fatalf("auto-sized scroll-view %v px with a height:100%% child of %v px; want the child at its content height and the scroll-view their sum", sv, a)
	}
}
