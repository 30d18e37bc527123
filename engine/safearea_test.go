package engine

import (
	"testing"

	"github.com/skyline-go/skyline/style"
)

// The preview's device presets (cmd/preview/internal/core/device.go): an
// iPhone 8 has no safe-area insets; an iPhone X in portrait has 44 px on top
// (status bar, notch) and 34 px below (home indicator).
var (
	iPhone8 = Viewport{Width: 375, Height: 667, DPR: 2}
	iPhoneX = Viewport{Width: 375, Height: 812, DPR: 3, SafeArea: style.SafeArea{Top: 44, Bottom: 34}}
)

// TestSafeAreaInsetsPerDevice renders one page on both presets: env() and
// constant() read the insets of the device the page is rendered with, also
// inside max() and calc(); switching the viewport restyles with the new ones.
func TestSafeAreaInsetsPerDevice(t *testing.T) {
	const wxml = `<view id="bar" class="bar"><view id="title" style="height:40px"/></view>
<view id="mid" style="flex-grow:1"/>
<view id="foot" class="foot"><view style="height:20px"/></view>
<view id="fixed" class="fixed"/>`
	const wxss = `.bar { padding-top: env(safe-area-inset-top); }
.foot { padding-bottom: max(12px, env(safe-area-inset-bottom)); }
.fixed { position: fixed; left: 0; right: 0; height: 10px;
  bottom: calc(10px + constant(safe-area-inset-bottom)); }`
	p := loadStyled(t, wxml, wxss, "", nil)
	for _, tc := range []struct {
		name string
		vp   Viewport
		want map[string][4]float32
	}{
		{"iPhone 8", iPhone8, map[string][4]float32{
			"bar": {0, 0, 375, 40}, "title": {0, 0, 375, 40},
			"foot": {0, 635, 375, 32}, "fixed": {0, 647, 375, 10},
		}},
		{"iPhone X", iPhoneX, map[string][4]float32{
			"bar": {0, 0, 375, 84}, "title": {0, 44, 375, 40},
			"foot": {0, 758, 375, 54}, "fixed": {0, 758, 375, 10},
		}},
		{"iPhone 8 again", iPhone8, map[string][4]float32{"bar": {0, 0, 375, 40}, "foot": {0, 635, 375, 32}}},
	} {
		p.SetViewport(tc.vp)
		p.Update()
		d := p.LayoutDump()
		for id, want := range tc.want {
			b := boxByID(d.Root, id)
			if b == nil {
				t.Errorf("%s: #%s has no box", tc.name, id)
				continue
			}
			if b.Box != want {
				t.Errorf("%s: #%s box %v, want %v", tc.name, id, b.Box, want)
			}
		}
	}
	if ds := p.Diagnostics(); len(ds) != 0 {
		t.Errorf("diagnostics: %s", diagText(ds))
	}
}

// TestMathFunctionsLayout: min(), max() and clamp() over percentages resolve
// against the containing block at layout time, like calc().
func TestMathFunctionsLayout(t *testing.T) {
	const wxml = `<view id="wide" style="height:200px">
  <view id="a" class="a"/>
  <view id="b" class="b"/>
</view>
<view id="narrow" style="width:150px;height:50px">
  <view id="c" class="a"/>
  <view id="d" class="b"/>
</view>`
	const wxss = `.a { width: max(100px, 50%); height: clamp(10px, 10%, 30px); }
.b { width: calc(100% - min(40rpx, 10%)); height: min(20px, 100%); margin-left: max(0px, 5% - 5px); }`
	p := loadStyled(t, wxml, wxss, "", nil)
	d := p.LayoutDump()
	for id, want := range map[string][4]float32{
		"a": {0, 0, 187.5, 20},    // 50% of 375; 10% of 200
		"b": {13.75, 20, 355, 20}, // 375 - min(20, 37.5); margin 18.75 - 5
		"c": {0, 200, 100, 10},    // max(100, 75); clamp(10, 5, 30)
		"d": {2.5, 210, 135, 20},  // 150 - min(20, 15); margin 7.5 - 5
	} {
		b := boxByID(d.Root, id)
		if b == nil {
			t.Errorf("#%s has no box", id)
			continue
		}
		for i := range want {
			if !near(b.Box[i], want[i]) {
				t.Errorf("#%s box %v, want %v", id, b.Box, want)
				break
			}
		}
	}
	if ds := p.Diagnostics(); len(ds) != 0 {
		t.Errorf("diagnostics: %s", diagText(ds))
	}
}
