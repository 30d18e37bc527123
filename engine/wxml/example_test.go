package wxml_test

import (
	"fmt"

	"github.com/skyline-go/skyline/engine/wxml"
)

func ExampleParse() {
	doc, diags := wxml.Parse("index.wxml", []byte(`<view wx:for="{{list}}" bind:tap="open">
  <text>{{item.name}} &amp; co</text>
</view>
<text>unclosed`))
	view := doc.Nodes[0]
	forAttr, _ := view.Attr("wx:for")
	text := view.Children[0]
	fmt.Println(view.Tag, forAttr.Value, forAttr.ValuePos)
	fmt.Printf("%s %q at %v\n", text.Tag, text.Children[0].Text, text.Pos)
	for _, d := range diags {
		fmt.Println(d)
	}
	// Output:
	// view {{list}} index.wxml:1:15
	// text "{{item.name}} & co" at index.wxml:2:3
	// index.wxml:4:1: unclosed tag <text> (opened here)
}
