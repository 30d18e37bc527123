package app

import (
	"image"
	"image/draw"
	"strconv"
	"strings"

	"github.com/skyline-go/skyline/engine"
)

// The shell's chrome: what WeChat draws around a page rather than the page
// itself — the status bar, the navigation bar with its title and back
// button, the capsule (menu button), and the tab bar. It is drawn by the
// engine from markup of our own (engine.LoadSource), so it shares the
// bundled fonts and the page's pixel pipeline.
//
// Geometry (WeChat on a phone): the status bar is the device's
// statusBarHeight; the navigation bar is 44px below it; the capsule is
// 87×32, 4px below the status bar and 7px from the right edge
// (wx.getMenuButtonBoundingClientRect); the tab bar is 50px plus the
// bottom safe-area inset. A page with navigationStyle "custom" starts at
// the window's top edge and the status bar's text and the capsule are
// drawn over it.

const (
	navBarHeight = 44
	tabBarHeight = 50
)

const chromeStyle = `
.bar { position: absolute; left: 0; top: 0; right: 0; display: flex; flex-direction: column; }
.status { display: flex; flex-direction: row; align-items: center; justify-content: center; }
.time { font-size: 12px; font-weight: 600; }
.battery { position: absolute; right: 12px; width: 22px; height: 10px; border: 1px solid; border-radius: 3px; padding: 1px; }
.level { width: 70%; height: 100%; border-radius: 1px; }
.nav { position: relative; height: 44px; display: flex; flex-direction: row; align-items: center; justify-content: center; }
.title { font-size: 17px; font-weight: 600; max-width: 55%; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.back { position: absolute; left: 0; width: 44px; height: 44px; display: flex; align-items: center; justify-content: center; }
.chevron { width: 10px; height: 10px; border-left: 2px solid; border-bottom: 2px solid; transform: rotate(45deg); margin-left: 4px; }
.capsule { position: absolute; right: 7px; width: 87px; height: 32px; box-sizing: border-box; border-radius: 16px;
  border: 0.5px solid; display: flex; flex-direction: row; align-items: center; }
.capsule-half { flex: 1; height: 100%; display: flex; align-items: center; justify-content: center; flex-direction: row; }
.dot { width: 4px; height: 4px; border-radius: 2px; margin: 0 2px; }
.divider { width: 0.5px; height: 18px; }
.ring { width: 14px; height: 14px; border-radius: 7px; border: 2px solid; box-sizing: border-box; display: flex; align-items: center; justify-content: center; }
.ring-dot { width: 4px; height: 4px; border-radius: 2px; }
.tabbar { position: absolute; left: 0; right: 0; top: 0; bottom: 0; display: flex; flex-direction: row; }
.tab { flex: 1; height: 50px; display: flex; flex-direction: column; align-items: center; justify-content: center; }
.icon { width: 24px; height: 24px; }
.label { font-size: 10px; line-height: 14px; margin-top: 2px; }
`

const topMarkup = `<view class="bar" style="height: {{height}}px; background-color: {{bg}}; color: {{fg}}">
  <view class="status" style="height: {{status}}px"><text class="time">9:41</text><view class="battery" style="border-color: {{fg}}"><view class="level" style="background-color: {{fg}}"/></view></view>
  <view class="nav" wx:if="{{nav}}">
    <view id="back" class="back" wx:if="{{back}}"><view class="chevron" style="border-color: {{fg}}"/></view>
    <text class="title">{{title}}</text>
  </view>
  <view id="capsule" class="capsule" style="top: {{status + 4}}px; border-color: {{capsuleBorder}}; background-color: {{capsuleBg}}">
    <view class="capsule-half"><view class="dot" style="background-color: {{fg}}"/><view class="dot" style="background-color: {{fg}}"/><view class="dot" style="background-color: {{fg}}"/></view>
    <view class="divider" style="background-color: {{capsuleBorder}}"/>
    <view class="capsule-half"><view class="ring" style="border-color: {{fg}}"><view class="ring-dot" style="background-color: {{fg}}"/></view></view>
  </view>
</view>`

const tabMarkup = `<view class="tabbar" style="background-color: {{bg}}; border-top: 0.5px solid {{border}}; padding-bottom: {{inset}}px">
  <view wx:for="{{tabs}}" wx:key="path" id="tab-{{index}}" class="tab">
    <image wx:if="{{item.icon}}" class="icon" src="{{index === selected ? item.selIcon : item.icon}}"/>
    <text class="label" style="color: {{index === selected ? selColor : color}}">{{item.text}}</text>
  </view>
</view>`

// chrome is the bars around the current page.
type chrome struct {
	top, tabs *engine.Page
	// topH is the height the page gives up at the top (0 for custom
	// navigation: the top bar is drawn over the page); tabH at the bottom
	// (0 when the page is not a tab page).
	topH, tabH float32
	// The frames of the page and the bars, kept from frame to frame.
	pageBuf, topBuf, tabBuf *image.RGBA
}

// chromeState is what the bars show for one page.
type chromeState struct {
	win      Window
	back     bool
	tab      int // the selected tab, -1 when the page is not a tab page
	statusH  float32
	safeBott float32
}

// newChrome builds the bars for st over the window vp.
func newChrome(pkg *engine.Package, m *Manifest, st chromeState, vp engine.Viewport) (*chrome, error) {
	c := &chrome{}
	custom := st.win.NavigationStyle == "custom"
	fg, capsuleBg, capsuleBorder := "#ffffff", "rgba(0,0,0,0.15)", "rgba(255,255,255,0.25)"
	if st.win.BarTextStyle == "black" {
		fg, capsuleBg, capsuleBorder = "#000000", "rgba(255,255,255,0.6)", "rgba(0,0,0,0.1)"
	}
	height := st.statusH + navBarHeight
	bg := st.win.BarBackground
	if custom {
		height, bg = st.statusH, "transparent"
	} else {
		c.topH = height
	}
	top, err := engine.LoadSource(pkg, "__chrome__/top", []byte(topMarkup), []byte(chromeStyle), engine.LoadOptions{Data: map[string]any{
		"height": float64(height), "status": float64(st.statusH), "bg": bg, "fg": fg, "nav": !custom,
		"back": st.back, "title": st.win.Title, "capsuleBg": capsuleBg, "capsuleBorder": capsuleBorder,
	}})
	if err != nil {
		return nil, err
	}
	c.top = top
	top.SetTransparent(custom)
	top.SetViewport(engine.Viewport{Width: vp.Width, Height: max(st.statusH+navBarHeight, height), DPR: vp.DPR})
	if st.tab >= 0 && m.TabBar != nil && !m.TabBar.Custom {
		tb := m.TabBar
		tabs := make([]any, 0, len(tb.List))
		for _, it := range tb.List {
			icon, sel := "", ""
			if it.IconPath != "" {
				icon = "/" + it.IconPath
				sel = icon
			}
			if it.SelectedIconPath != "" {
				sel = "/" + it.SelectedIconPath
			}
			tabs = append(tabs, map[string]any{"path": it.PagePath, "text": it.Text, "icon": icon, "selIcon": sel})
		}
		border := "rgba(0,0,0,0.33)"
		if tb.BorderStyle == "white" {
			border = "rgba(255,255,255,0.33)"
		}
		c.tabH = tabBarHeight + st.safeBott
		p, err := engine.LoadSource(pkg, "__chrome__/tabbar", []byte(tabMarkup), []byte(chromeStyle), engine.LoadOptions{Data: map[string]any{
			"tabs": tabs, "selected": float64(st.tab), "color": tb.Color, "selColor": tb.SelectedColor,
			"bg": tb.BackgroundColor, "border": border, "inset": float64(st.safeBott),
		}})
		if err != nil {
			return nil, err
		}
		p.SetViewport(engine.Viewport{Width: vp.Width, Height: c.tabH, DPR: vp.DPR})
		c.tabs = p
	}
	return c, nil
}

// pageViewport is the window the page gets inside the bars.
func (c *chrome) pageViewport(vp engine.Viewport) engine.Viewport {
	vp.Height = max(1, vp.Height-c.topH-c.tabH)
	return vp
}

// render draws page and bars into dst (the whole window at vp's DPR).
func (c *chrome) render(dst *image.RGBA, page *engine.Page, vp engine.Viewport) {
	d := vp.DPR
	pvp := page.Viewport()
	py := int(c.topH * d)
	pimg := reuse(&c.pageBuf, image.Rect(0, 0, int(pvp.Width*d+0.5), int(pvp.Height*d+0.5)))
	page.Render(pimg)
	draw.Draw(dst, pimg.Bounds().Add(image.Pt(0, py)), pimg, image.Point{}, draw.Src)
	if c.top != nil {
		tvp := c.top.Viewport()
		timg := reuse(&c.topBuf, image.Rect(0, 0, int(tvp.Width*d+0.5), int(tvp.Height*d+0.5)))
		c.top.Render(timg)
		op := draw.Src
		if c.topH == 0 {
			op = draw.Over // custom navigation: over the page
		}
		draw.Draw(dst, timg.Bounds(), timg, image.Point{}, op)
	}
	if c.tabs != nil {
		bimg := reuse(&c.tabBuf, image.Rect(0, 0, int(vp.Width*d+0.5), int(c.tabH*d+0.5)))
		c.tabs.Render(bimg)
		y := dst.Bounds().Dy() - bimg.Bounds().Dy()
		draw.Draw(dst, bimg.Bounds().Add(image.Pt(0, y)), bimg, image.Point{}, draw.Src)
	}
}

// hit reports what of the chrome is at window point (x, y): "back", a tab
// index, or "" with page true when the point belongs to the page (its
// coordinates then are (x, y-topH)).
func (c *chrome) hit(x, y float32, vp engine.Viewport) (what string, tab int, page bool) {
	if c.tabs != nil && y >= vp.Height-c.tabH {
		c.tabs.Update() // hit testing reads the last layout
		n := c.tabs.HitTest(x, y-(vp.Height-c.tabH))
		for ; n != nil; n = n.Parent() {
			if s, ok := strings.CutPrefix(n.ID(), "tab-"); ok {
				if i, err := strconv.Atoi(s); err == nil {
					return "tab", i, false
				}
			}
		}
		return "", -1, false
	}
	if c.top != nil && y < c.top.Viewport().Height {
		c.top.Update()
		for n := c.top.HitTest(x, y); n != nil; n = n.Parent() {
			switch n.ID() {
			case "back":
				return "back", -1, false
			case "capsule":
				return "capsule", -1, false
			}
		}
		if c.topH > 0 && y < c.topH {
			return "", -1, false
		}
	}
	return "", -1, true
}

// reuse returns *buf when it has bounds r, else a new image it keeps there:
// frame buffers that last from frame to frame (every frame paints them
// whole), so a steady frame allocates none.
func reuse(buf **image.RGBA, r image.Rectangle) *image.RGBA {
	if *buf == nil || (*buf).Rect != r {
		*buf = image.NewRGBA(r)
	}
	return *buf
}
