package wxml

import (
	"fmt"
	"strings"
	"testing"
)

// feed generates a list page of rows; each row has 8 elements (8,000 for
// the benchmark's 1,000 rows), bindings in
// text and attributes, entities and a comment, like a real feed template.
func feed(rows int) []byte {
	var b strings.Builder
	b.WriteString("<scroll-view scroll-y type=\"list\" class=\"feed\">\n")
	for i := range rows {
		fmt.Fprintf(&b, `  <view class="row {{sel == %d ? 'on' : ''}}" data-id="%d" bind:tap="open">
    <!-- row %d -->
    <image class="avatar" src="{{rows[%d].avatar}}" mode="aspectFill"/>
    <view class="body">
      <text class="name">{{rows[%d].name}}</text>
      <text class="meta">{{rows[%d].time}} &middot; {{rows[%d].likes}} likes &amp; more</text>
      <view class="tags"><text class="tag">#%d</text><icon type="success" size="12"/></view>
    </view>
  </view>
`, i, i, i, i, i, i, i, i)
	}
	b.WriteString("</scroll-view>\n")
	return []byte(b.String())
}

func BenchmarkParseFeed(b *testing.B) {
	src := feed(1000)
	doc, ds := Parse("feed.wxml", src)
	if len(ds) != 0 || len(doc.Nodes) != 1 || len(doc.Nodes[0].Children) != 1000 {
		b.Fatalf("bad feed: %d diagnostics, %d nodes", len(ds), len(doc.Nodes))
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Parse("feed.wxml", src)
	}
}
