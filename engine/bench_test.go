package engine

import (
	"fmt"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/engine/pkgfs"
)

// feedPage is a 1,000-row feed: 7 elements and text per row plus a badge on
// every other row, 8,000 nodes in all.
const feedWXML = `<scroll-view type="list" scroll-y class="feed">
  <view wx:for="{{list}}" wx:key="id" class="row {{item.read ? 'read' : ''}}" data-id="{{item.id}}" bindtap="open">
    <image class="avatar" src="{{item.avatar}}" mode="aspectFill"/>
    <view class="body">
      <text class="title">{{item.title}}</text>
      <text class="sub">{{item.author}} · {{item.time}}</text>
      <text wx:if="{{item.hot}}" class="hot">HOT</text>
    </view>
  </view>
</scroll-view>`

func feedData(rows int) map[string]any {
	list := make([]any, rows)
	for i := range list {
		list[i] = map[string]any{
			"id": float64(i), "title": fmt.Sprintf("Post number %d", i), "author": "author" + itoa(i%37),
			"time": "3m", "avatar": "/img/a.png", "read": i%3 == 0, "hot": i%2 == 0,
		}
	}
	return map[string]any{"list": list}
}

func feedPackage(b testing.TB) *Package {
	pkg, err := pkgfs.NewPackage(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	return pkg
}

func TestFeedPageShape(t *testing.T) {
	p := newPageFromSource(feedPackage(t), []byte(feedWXML), feedData(1000))
	if err := p.diags.Err(); err != nil {
		t.Fatal(err)
	}
	count := 0
	p.Root().Walk(func(*Node) bool { count++; return true })
	if count != 1+1+8000 { // page, scroll-view, rows
		t.Errorf("%d nodes", count)
	}
	mustSetMap(t, p, map[string]any{"list[500].title": "changed"})
	row := p.Root().FirstChild().FirstChild()
	for i := 0; i < 500; i++ {
		row = row.NextSibling()
	}
	if got := row.Dump(); !strings.Contains(got, `text.title("changed")`) {
		t.Errorf("row 500: %s", got)
	}
	if n := len(p.DirtyNodes()); n != 1 {
		t.Errorf("%d dirty nodes", n)
	}
}

func mustSetMap(t testing.TB, p *Page, m map[string]any) {
	t.Helper()
	if err := p.SetData(m); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkLoadFeed1000(b *testing.B) {
	pkg := feedPackage(b)
	src := []byte(feedWXML)
	data := feedData(1000)
	b.ReportAllocs()
	for b.Loop() {
		newPageFromSource(pkg, src, data)
	}
}

func BenchmarkSetDataFeedTitle(b *testing.B) {
	p := newPageFromSource(feedPackage(b), []byte(feedWXML), feedData(1000))
	patches := []map[string]any{{"list[500].title": "A"}, {"list[500].title": "B"}}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := p.SetData(patches[i&1]); err != nil {
			b.Fatal(err)
		}
		p.ClearDirty()
		i++
	}
}
