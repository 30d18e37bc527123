package engine

import (
	"image"
	"os"
	"path/filepath"
	"testing"
)

// FuzzRenderPage runs the whole pipeline — instantiate, style, layout,
// paint — on arbitrary markup and stylesheets in a small window: whatever
// the page says, nothing may panic or hang.
func FuzzRenderPage(f *testing.F) {
	seeds := [][2]string{
		{`<view class="a"><text>hi {{s}}</text></view>`, `.a{padding:10px;border:2px dashed red;border-radius:8px 4px/2px}`},
		{`<scroll-view scroll-y type="list" style="height:40px"><view wx:for="{{list}}" style="height:30px">{{item.t}}</view></scroll-view>`, ``},
		{`<view style="display:block"><view style="margin:10px 0;height:5px"/><view style="margin:-20px 0"/></view>`, `page{font-size:0}`},
		{`<text max-lines="1" overflow="ellipsis" style="width:0">中文 long text</text>`, `text{letter-spacing:-100px;line-height:0}`},
		{`<view style="transform:rotateY(90deg) perspective(0);filter:blur(1000px);opacity:.5"><image src="x.png" mode="widthFix"/></view>`, ``},
		{`<view style="position:absolute;inset:-1e30px;width:1e30px"/><view style="position:fixed;width:100%;height:calc(100% - 1e9px)"/>`, `view{box-shadow:0 0 1000px 1000px red, inset 1px 1px 0 0 blue}`},
		{`<grid-view type="masonry" cross-axis-count="0"><view wx:for="{{list}}">{{index}}</view></grid-view>`, `@media (prefers-color-scheme: dark){view{color:var(--x, var(--x))}}`},
		{`<view style="flex-wrap:wrap;flex-direction:row-reverse;gap:1e9px;aspect-ratio:0/0"><view style="flex:1e30 1e30 -5px"/></view>`, ``},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, wxml, wxss string) {
		if len(wxml) > 4096 || len(wxss) > 4096 {
			return
		}
		dir := t.TempDir()
		for name, content := range map[string]string{"index.wxml": wxml, "index.wxss": wxss, "index.data.json": fuzzData} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		p, err := Load(filepath.Join(dir, "index"), LoadOptions{})
		if err != nil {
			return // a positioned error is a fine answer to bad markup
		}
		p.SetViewport(Viewport{Width: 64, Height: 64, DPR: 1})
		p.Update()
		p.Render(image.NewRGBA(image.Rect(0, 0, 64, 64)))
		p.LayoutDump()
	})
}
