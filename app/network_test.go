package app

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/skyline-go/skyline/logic"
)

// wx.request through Options.HTTP against a 127.0.0.1 server the test
// starts: the Promise and callback forms, the query of a GET's data, a JSON
// body, a 404 (success with its statusCode, as WeChat calls it), a refused
// connection (fail with WeChat's errMsg) and a timeout.
func TestRequestThroughHost(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/items":
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, `{"page":%q,"items":["咖啡","茶"],"ua":%q}`, r.URL.Query().Get("page"), r.Header.Get("X-App"))
		case "/echo":
			b := make([]byte, 256)
			n, _ := r.Body.Read(b)
			fmt.Fprintf(w, `{"method":%q,"got":%s}`, r.Method, b[:n])
		case "/slow":
			time.Sleep(300 * time.Millisecond)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String()
	l.Close()
	dir := writePkg(t, map[string]string{
		"index.wxml": `<text>{{items}} {{page}} {{ua}} {{echo}} {{missing}} {{refused}} {{slow}}</text>`,
		"index.js": `
Page({
  data: { base: '' },
  async onLoad(q) {
    const base = q.base
    const res = await wx.request({ url: base + '/items', data: { page: 2 }, header: { 'X-App': 'shop' } })
    this.setData({ items: res.data.items.join('+'), page: res.data.page, ua: res.data.ua })
    wx.request({
      url: base + '/echo', method: 'POST', data: { n: 1 },
      success: (r) => this.setData({ echo: r.data.method + ':' + r.data.got.n }),
    })
    wx.request({ url: base + '/nope', success: (r) => this.setData({ missing: r.statusCode }) })
    wx.request({ url: q.closed + '/x', fail: (e) => this.setData({ refused: e.errMsg }) })
    wx.request({ url: base + '/slow', timeout: 50 }).catch((e) => this.setData({ slow: e.errMsg }))
  },
})`,
	})
	a, err := Open(filepath.Join(dir, "index"), Options{Clock: &logic.ManualClock{}, HTTP: &http.Client{},
		Query: map[string]string{"base": srv.URL, "closed": closed}})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for range 3 { // the first answer's handler sends the next requests
		if err := a.WaitRequests(ctx); err != nil {
			t.Fatal(err)
		}
	}
	got := a.Page().Root().Dump()
	want := `"咖啡+茶 2 shop POST:1 404 request:fail net::ERR_CONNECTION_REFUSED request:fail timeout"`
	if !strings.Contains(got, want) {
		t.Fatalf("page %s\nwant text %s", got, want)
	}
}
