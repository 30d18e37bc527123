package engine

import (
	"encoding/json"
	"fmt"
	"math"
	"testing"
)

// loadStyled loads a page with a stylesheet and runs the pipeline.
func loadStyled(t testing.TB, wxml, wxss, data string, extra map[string]string) *Page {
	t.Helper()
	files := map[string]string{"index.wxss": wxss}
	for k, v := range extra {
		files[k] = v
	}
	p, err := loadWXML(t, wxml, data, files)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 2})
	p.Update()
	return p
}

// boxByID finds the dump box with the given id.
func boxByID(d *DumpBox, id string) *DumpBox {
	if d.ID == id {
		return d
	}
	for _, c := range d.Children {
		if b := boxByID(c, id); b != nil {
			return b
		}
	}
	return nil
}

func near(a, b float32) bool { return math.Abs(float64(a-b)) <= 0.5 }

// TestPipelineBoxes checks end-to-end cases the Yoga fixtures do not cover:
// text measurement inside flex, block mode, fixed boxes, hidden, rpx and
// baseline alignment with text. Expected numbers are Chromium's (page-oracle)
// under the same fonts (page-oracle), within 0.5 px.
func TestPipelineBoxes(t *testing.T) {
	cases := []struct {
		name, wxml, wxss, json string
		want                   map[string][4]float32
	}{
		{
			name: "skyline defaults stack and stretch",
			wxml: `<view id="a" style="height:10px"/><view id="b" style="height:20px"/>`,
			want: map[string][4]float32{"a": {0, 0, 375, 10}, "b": {0, 10, 375, 20}},
		},
		{
			name: "rpx is window width / 750",
			wxml: `<view id="a" style="width:375rpx;height:100rpx;margin-left:75rpx"/>`,
			want: map[string][4]float32{"a": {37.5, 0, 187.5, 50}},
		},
		{
			name: "hidden beats display (spec §8.6)",
			wxml: `<view id="a" hidden style="display:flex;height:10px"/><view id="b" style="height:10px"/>`,
			want: map[string][4]float32{"b": {0, 0, 375, 10}},
		},
		{
			name: "fixed is against the window, auto insets at 0 (spec §3.5)",
			wxml: `<view style="margin:50px;height:100px"><view id="f" style="position:fixed;bottom:0;left:0;right:0;height:48px"/><view id="g" style="position:fixed;width:10px;height:10px"/></view>`,
			want: map[string][4]float32{"f": {0, 619, 375, 48}, "g": {0, 0, 10, 10}},
		},
		{
			name: "absolute against the parent's padding box",
			wxml: `<view style="margin-top:20px;padding:10px;height:100px;border:5px solid red"><view id="a" style="position:absolute;right:0;bottom:0;width:20px;height:20px"/></view>`,
			want: map[string][4]float32{"a": {350, 95, 20, 20}},
		},
		{
			name: "block mode collapses margins (spec §3.3)",
			wxml: `<view id="p"><view id="a" style="margin:20px 0;height:10px"/><view id="b" style="margin:30px 0;height:10px"/></view>`,
			json: `{"rendererOptions":{"skyline":{"defaultDisplayBlock":true}}}`,
			want: map[string][4]float32{"p": {0, 20, 375, 50}, "a": {0, 20, 375, 10}, "b": {0, 60, 375, 10}},
		},
		{
			name: "flex containers never collapse (spec §3.3)",
			wxml: `<view id="p"><view id="a" style="margin:20px 0;height:10px"/><view id="b" style="margin:30px 0;height:10px"/></view>`,
			want: map[string][4]float32{"p": {0, 0, 375, 120}, "a": {0, 20, 375, 10}, "b": {0, 80, 375, 10}},
		},
		{
			name: "text measures its one line (line-height normal, Roboto 16px = 19px)",
			wxml: `<view style="flex-direction:row"><text id="t">Hello</text></view>`,
			want: map[string][4]float32{"t": {0, 0, 36.81, 19}},
		},
		{
			name: "Chinese text wraps inside a fixed width",
			wxml: `<text id="t" style="width:100px;font-size:20px">中文排版测试一下换行</text>`,
			want: map[string][4]float32{"t": {0, 0, 100, 52}},
		},
		{
			name: "raw text in a view is an anonymous box after its siblings",
			wxml: `<view><view id="a" style="height:10px"/>hello<view id="b" style="height:10px"/></view>`,
			want: map[string][4]float32{"a": {0, 0, 375, 10}, "b": {0, 29, 375, 10}},
		},
		{
			name: "baseline alignment with text of different sizes",
			wxml: `<view style="flex-direction:row;align-items:baseline"><text id="big" style="font-size:32px">Ag</text><text id="small" style="font-size:12px">Ag</text></view>`,
			want: map[string][4]float32{"big": {0, 0, 38.84, 38}, "small": {38.84, 19, 14.58, 14}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			extra := map[string]string{}
			if c.json != "" {
				extra["index.json"] = c.json
			}
			p := loadStyled(t, c.wxml, c.wxss, "", extra)
			d := p.LayoutDump()
			if d.Root.Box != [4]float32{0, 0, 375, 667} {
				t.Errorf("page box %v, want the window (spec §8.1)", d.Root.Box)
			}
			for id, want := range c.want {
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
			if c.name == "hidden beats display (spec §8.6)" && boxByID(d.Root, "a") != nil {
				t.Errorf("hidden element listed in the dump")
			}
		})
	}
}

// TestIncrementalMatchesFresh applies setData patches and checks that the
// incrementally updated layout equals a fresh load with the final data —
// the property that makes incremental restyle and relayout safe.
func TestIncrementalMatchesFresh(t *testing.T) {
	wxml := `<view class="list"><view wx:for="{{items}}" wx:key="id" class="item {{item.on ? 'on' : ''}}" id="i{{item.id}}"><text class="t">{{item.text}}</text></view></view><view id="tail" class="tail">{{tail}}</view>`
	wxss := `.list { padding: 8px; } .item { flex-direction: row; padding: 4px; }
.on { padding: 12px; } .on .t { font-size: 24px; } .t { font-size: 14px; }
.item + .item { border-top: 1px solid #ccc; } .tail { margin-top: 10px; }`
	items := func(on int, text string) []any {
		var out []any
		for i := 0; i < 6; i++ {
			m := map[string]any{"id": float64(i), "on": i == on, "text": fmt.Sprintf("row %d", i)}
			if i == 3 {
				m["text"] = text
			}
			out = append(out, m)
		}
		return out
	}
	data := func(on int, text, tail string) string {
		b, _ := json.Marshal(map[string]any{"items": items(on, text), "tail": tail})
		return string(b)
	}
	p := loadStyled(t, wxml, wxss, data(-1, "short", ""), nil)
	steps := []struct {
		patch    map[string]any
		on       int
		text     string
		tail     string
		restyled int // nodes the restyle touched (0 = don't check)
	}{
		{map[string]any{"items[2].on": true}, 2, "short", "", 2},
		{map[string]any{"items[3].text": "a much longer text that wraps onto several lines in this narrow row of the list, 中文也一起换行"}, 2, "a much longer text that wraps onto several lines in this narrow row of the list, 中文也一起换行", "", 0},
		{map[string]any{"items[2].on": false, "items[4].on": true}, 4, "a much longer text that wraps onto several lines in this narrow row of the list, 中文也一起换行", "", 0},
		{map[string]any{"tail": "now with text"}, 4, "a much longer text that wraps onto several lines in this narrow row of the list, 中文也一起换行", "now with text", 0},
	}
	for i, s := range steps {
		if err := p.SetData(s.patch); err != nil {
			t.Fatal(err)
		}
		p.Update()
		if s.restyled > 0 && len(p.pipe.restyledLast) != s.restyled {
			t.Errorf("step %d: restyled %d nodes, want %d", i, len(p.pipe.restyledLast), s.restyled)
		}
		got, _ := json.Marshal(p.LayoutDump())
		fresh := loadStyled(t, wxml, wxss, data(s.on, s.text, s.tail), nil)
		want, _ := json.Marshal(fresh.LayoutDump())
		if string(got) != string(want) {
			t.Errorf("step %d: incremental layout differs from a fresh load\n got %s\nwant %s", i, got, want)
		}
	}
}

// TestTextChangeKeepsSiblingCaches: a text change inside one list item does
// not re-lay-out its siblings (issue 6): their layout caches survive.
func TestTextChangeKeepsSiblingCaches(t *testing.T) {
	wxml := `<view wx:for="{{items}}" wx:key="*this" style="height:40px"><text>{{item}}</text></view>`
	p := loadStyled(t, wxml, "", `{"items":["a","b","c","d"]}`, nil)
	if err := p.SetData(map[string]any{"items[1]": "bb"}); err != nil {
		t.Fatal(err)
	}
	p.Update()
	rows := 0
	for n := p.Root().FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind != ElementNode {
			continue
		}
		txt := n.FirstChild()
		if rows != 1 && p.pipe.lt.boxes[txt.Index].cache.IsEmpty() {
			t.Errorf("row %d's text lost its layout cache", rows)
		}
		rows++
	}
	d := p.LayoutDump()
	if len(d.Root.Children) != 4 {
		t.Fatalf("%d rows", len(d.Root.Children))
	}
}
