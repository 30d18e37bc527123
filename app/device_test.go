package app

import (
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/logic"
)

func logText(a *App) string {
	var got []string
	for _, l := range a.Logs() {
		got = append(got, l.Msg)
	}
	return strings.Join(got, " | ")
}

// TestDeviceFromViewport: what the scripts read of the window is the
// viewport the engine lays out in (375×667 @2x: iPhone 8), the capsule sits
// at WeChat's place on it, and a viewport change (rotation, theme) reaches
// wx.onWindowResize / onThemeChange and later info calls.
func TestDeviceFromViewport(t *testing.T) {
	files := map[string]string{
		"app.js":     `App({ globalData: { started: true } })`,
		"index.wxml": `<view>{{w}}</view>`,
		"index.js": `const app = getApp()
const { windowWidth, pixelRatio, safeArea, statusBarHeight } = wx.getWindowInfo()
const capsule = wx.getMenuButtonBoundingClientRect()
Page({
  data: { w: windowWidth },
  onLoad() {
    console.log(app.globalData.started, windowWidth, pixelRatio, statusBarHeight, JSON.stringify(safeArea))
    console.log(JSON.stringify(capsule), wx.getAppBaseInfo().theme, this.renderer)
    wx.onWindowResize(({ size }) => console.log('resize', size.windowWidth, size.windowHeight, wx.getSystemSetting().deviceOrientation))
    wx.onThemeChange(({ theme }) => console.log('theme', theme))
  },
})`,
	}
	a, _ := openTest(t, writePkg(t, files))
	noErrors(t, a)
	want := `true 375 2 20 {"bottom":667,"height":647,"left":0,"right":375,"top":20,"width":375} | ` +
		`{"bottom":56,"height":32,"left":281,"right":368,"top":24,"width":87} light skyline`
	if got := logText(a); got != want {
		t.Errorf("logs = %q\nwant %q", got, want)
	}
	a.SetViewport(engine.Viewport{Width: 375, Height: 667, DPR: 2}) // unchanged: nothing
	a.SetViewport(engine.Viewport{Width: 667, Height: 375, DPR: 2})
	a.Pump()
	a.SetViewport(engine.Viewport{Width: 667, Height: 375, DPR: 2, Dark: true})
	a.Pump()
	if got, want := logText(a), want+" | resize 667 375 landscape | theme dark"; got != want {
		t.Errorf("logs = %q\nwant %q", got, want)
	}
	// A device switch with the preset's own status bar (iPhone X).
	a.SetWindow(engine.Viewport{Width: 375, Height: 812, DPR: 3}, logic.Device{Model: "iPhone X", StatusBarHeight: 44})
	a.Pump()
	if got := a.Logs()[len(a.Logs())-2].Msg; got != "resize 375 812 portrait" {
		t.Errorf("device switch: %q", got)
	}
	noErrors(t, a)
}

// TestSelectComponentOnPage: selectComponent finds instances by the host
// element's id and class as the markup wrote them (bound ones included),
// only in the caller's template.
func TestSelectComponentOnPage(t *testing.T) {
	files := map[string]string{
		"index.json": `{"usingComponents": {"counter": "./counter/index"}}`,
		"index.wxml": `<counter id="main" class="c" start="1"/><counter wx:for="{{[5, 6]}}" id="c{{item}}" class="c extra" start="{{item}}"/>`,
		"index.js": `Page({
  onReady() {
    const main = this.selectComponent('#main')
    console.log(main.data.count, this.selectAllComponents('.c').map(c => c.data.count).join(','))
    console.log(this.selectComponent('#c6').data.count, this.selectAllComponents('.extra').length, this.selectAllComponents('.inner').length)
    console.log(main.selectAllComponents('.inner').length)
  },
})`,
		"counter/index.json": `{"component": true, "usingComponents": {"leaf": "../leaf/index"}}`,
		"counter/index.wxml": `<text>{{count}}</text><leaf class="inner"/>`,
		"counter/index.js":   `Component({ properties: { start: Number }, data: { count: 0 }, lifetimes: { attached() { this.setData({ count: this.data.start * 10 }) } } })`,
		"leaf/index.json":    `{"component": true}`,
		"leaf/index.wxml":    `<text>leaf</text>`,
		"leaf/index.js":      `Component({})`,
	}
	a, _ := openTest(t, writePkg(t, files))
	noErrors(t, a)
	if got, want := logText(a), "10 10,50,60 | 60 2 0 | 1"; got != want {
		t.Errorf("logs = %q, want %q", got, want)
	}
}

// TestSelectComponentFollowsBoundClass: a host's bound id and class, changed
// by setData, are what selectComponent matches afterwards.
func TestSelectComponentFollowsBoundClass(t *testing.T) {
	files := map[string]string{
		"index.json": `{"usingComponents": {"counter": "./counter/index"}}`,
		"index.wxml": `<view class="t" bindtap="go"/><counter id="{{cid}}" class="{{cls}}"/>`,
		"index.wxss": `.t { height: 40px; }`,
		"index.js": `Page({
  data: { cid: 'a', cls: 'old' },
  onLoad() { this.setData({ cid: 'b', cls: 'new shiny' }) },
  go() { console.log(!!this.selectComponent('.new.shiny'), !!this.selectComponent('#b'), this.selectComponent('.old'), this.selectComponent('#a')) },
})`,
		"counter/index.json": `{"component": true}`,
		"counter/index.wxml": `<text>c</text>`,
		"counter/index.js":   `Component({})`,
	}
	a, _ := openTest(t, writePkg(t, files))
	tapBox(t, a, findBox(t, a, "t", 0))
	noErrors(t, a)
	if got, want := logText(a), "true true null null"; got != want {
		t.Errorf("logs = %q, want %q", got, want)
	}
}

// TestESModulePageThroughApp: a page written as ES modules (a class, async
// onLoad, a util imported by a relative path, getApp at the top level)
// opens through the package reader, and a throw inside the util is an
// error at the util's own line and column.
func TestESModulePageThroughApp(t *testing.T) {
	files := map[string]string{
		"app.js": `import { VERSION } from './utils/version'
App({ globalData: { version: VERSION } })`,
		"utils/version.js": `export const VERSION = '2.0'`,
		"utils/price.js": `export class Price {
  constructor(cents) { this.cents = cents }
  format() {
    if (this.cents < 0) {
      throw new RangeError('negative price ' + this.cents)
    }
    return '¥' + (this.cents / 100).toFixed(2)
  }
}`,
		"index.wxml": `<view class="t" bindtap="bad"/><text>{{label}} v{{version}}</text>`,
		"index.wxss": `.t { height: 40px; }`,
		"index.js": `import { Price } from './utils/price'
const { globalData } = getApp()
Page({
  data: { label: '', version: globalData.version },
  async onLoad() {
    await null
    this.setData({ label: new Price(1999).format() })
  },
  bad() { new Price(-1).format() },
})`,
	}
	a, _ := openTest(t, writePkg(t, files))
	noErrors(t, a)
	if got := a.Page().Data()["label"]; got != "¥19.99" {
		t.Errorf("label = %v", got)
	}
	if got := a.Page().Data()["version"]; got != "2.0" {
		t.Errorf("version = %v", got)
	}
	tapBox(t, a, findBox(t, a, "t", 0))
	errs := diagsWith(a, diag.Error, "negative price")
	if len(errs) != 1 || errs[0].Pos.String() != "utils/price.js:5:13" {
		t.Errorf("errors = %v, want one at utils/price.js:5:13", errs)
	}
}
