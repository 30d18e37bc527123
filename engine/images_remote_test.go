package engine

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/skyline-go/skyline/imagesrc"
)

// remotePage is a page with a widthFix image from a 127.0.0.1 server the
// test starts (a 40×20 red PNG), a data: SVG icon (a blue square) and a
// sentinel box below the remote image.
//
// gate, when non-nil, holds each response until it is closed, so a test
// can be sure a frame was drawn before the picture came.
func remotePage(t *testing.T, loader *imagesrc.Loader, gate ...chan struct{}) (*Page, *httptest.Server, *atomic.Int32) {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for i := range m.Pix {
		m.Pix[i] = []byte{255, 0, 0, 255}[i%4]
	}
	var b bytes.Buffer
	png.Encode(&b, m)
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		for _, g := range gate {
			<-g
		}
		w.Write(b.Bytes())
	}))
	t.Cleanup(srv.Close)
	icon := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#0000ff"/></svg>`
	wxml := `<image id="r" src="` + srv.URL + `/a.png" mode="widthFix" style="width:100px"/>` +
		`<view id="after" style="height:10px"/>` +
		`<image id="s" src="data:image/svg+xml,` + strings.NewReplacer("<", "%3C", ">", "%3E", `"`, "'", "#", "%23").Replace(icon) + `" style="width:24px;height:24px"/>`
	dir := writePackage(t, map[string]string{"index.wxml": wxml})
	p, err := Load(filepath.Join(dir, "index"), LoadOptions{Images: loader})
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 200, Height: 400, DPR: 1})
	return p, srv, &hits
}

func TestRemoteImageArrives(t *testing.T) {
	var arrived atomic.Int32
	loader := imagesrc.New(imagesrc.Options{NoDiskCache: true, OnArrive: func(string) { arrived.Add(1) }})
	gate := make(chan struct{})
	p, _, hits := remotePage(t, loader, gate)
	frame := image.NewRGBA(image.Rect(0, 0, 200, 400))
	p.Render(frame)
	close(gate) // the picture comes after the first frame
	r, s := byID(p, "r"), byID(p, "s")
	_, _, w0, h0, _ := p.BorderBox(r)
	if got := frame.RGBAAt(50, 5); got == (color.RGBA{255, 0, 0, 255}) {
		t.Errorf("the first frame already shows the remote picture")
	}
	// The data: SVG icon needs no network: drawn in the first frame.
	_, sy, _, _, _ := p.BorderBox(s)
	if got := frame.RGBAAt(12, int(sy)+12); got != (color.RGBA{0, 0, 255, 255}) {
		t.Errorf("svg icon pixel = %v, want blue", got)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := loader.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if arrived.Load() != 1 {
		t.Fatalf("OnArrive called %d times, want 1", arrived.Load())
	}
	p.Render(frame)
	_, _, w1, h1, _ := p.BorderBox(r)
	if w1 != 100 || h1 != 50 {
		t.Errorf("after arrival the widthFix image is %v×%v (was %v×%v), want 100×50", w1, h1, w0, h0)
	}
	if _, y, _, _, _ := p.BorderBox(byID(p, "after")); y != 50 {
		t.Errorf("the box below the image is at y %v, want 50 (relaid out)", y)
	}
	if got := frame.RGBAAt(50, 25); got != (color.RGBA{255, 0, 0, 255}) {
		t.Errorf("remote image pixel = %v, want red", got)
	}
	p.Render(frame)
	if hits.Load() != 1 {
		t.Errorf("server saw %d requests, want 1", hits.Load())
	}
	for _, d := range p.Diagnostics() {
		t.Errorf("unexpected diagnostic %v", d)
	}
}

func TestRemoteImageOffline(t *testing.T) {
	for name, loader := range map[string]*imagesrc.Loader{"nil": nil, "Offline": imagesrc.New(imagesrc.Options{Offline: true})} {
		t.Run(name, func(t *testing.T) {
			p, _, hits := remotePage(t, loader)
			p.Render(image.NewRGBA(image.Rect(0, 0, 200, 400)))
			if _, _, w, h, _ := p.BorderBox(byID(p, "r")); w != 100 || h <= 0 {
				t.Errorf("offline image box %v×%v, want its own size", w, h)
			}
			txt := diagText(p.Diagnostics())
			if !strings.Contains(txt, "index.wxml:1:1: warning: image http://127.0.0.1") || !strings.Contains(txt, "offline: remote images are not fetched") {
				t.Errorf("diagnostics:\n%s\nwant a positioned offline warning", txt)
			}
			if hits.Load() != 0 {
				t.Errorf("offline render made %d requests", hits.Load())
			}
		})
	}
}

// A data: SVG in background-image draws too (the same loader path), and
// an SVG package file rasterises.
func TestDataURLBackgroundAndSVGFile(t *testing.T) {
	icon := `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><rect width='10' height='10' fill='%230000ff'/></svg>`
	wxml := `<view id="bg" style="width:20px;height:20px;background-image:url(&quot;data:image/svg+xml,` + icon + `&quot;)"/>` +
		`<image id="f" src="/icons/g.svg" style="width:20px;height:20px"/>`
	dir := writePackage(t, map[string]string{"index.wxml": wxml,
		"icons/g.svg": `<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><circle cx="4" cy="4" r="4" fill="#00ff00"/></svg>`})
	p, err := Load(filepath.Join(dir, "index"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 100, Height: 100, DPR: 2})
	frame := image.NewRGBA(image.Rect(0, 0, 200, 200))
	p.Render(frame)
	for _, d := range p.Diagnostics() {
		t.Errorf("unexpected diagnostic %v", d)
	}
	if got := frame.RGBAAt(10, 10); got != (color.RGBA{0, 0, 255, 255}) {
		t.Errorf("background pixel = %v, want blue", got)
	}
	_, fy, _, _, _ := p.BorderBox(byID(p, "f"))
	if got := frame.RGBAAt(20, int(fy*2)+20); got != (color.RGBA{0, 255, 0, 255}) {
		t.Errorf("svg file pixel = %v, want green", got)
	}
}

// Hostile data: URLs are refused within the decode budget with a warning
// positioned at the element; the page goes on.
func TestDataURLHostile(t *testing.T) {
	p, err := loadWXML(t, `<image src="data:image/svg+xml,%3Csvg width='100000' height='100000'/%3E"/>
<image src="data:image/png;base64,iVBO*"/>
<image src="data:image/gif;base64,R0lGODlh//8AAA=="/>
<view id="sib" style="height:10px;flex-shrink:0"/>`, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	p.Render(image.NewRGBA(image.Rect(0, 0, 750, 1334)))
	txt := diagText(p.Diagnostics())
	for _, want := range []string{
		"index.wxml:1:1: warning: image data:image/svg+xml,", "above the 40000000-pixel budget",
		"index.wxml:2:1: warning: image data:image/png;base64,iVBO*: byte 26: data: URL has invalid base64",
		"index.wxml:3:1: warning: image data:image/gif",
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("diagnostics:\n%s\nwant %q", txt, want)
		}
	}
	if x, y, w, h, ok := p.BorderBox(byID(p, "sib")); !ok || h != 10 {
		t.Errorf("the sibling after the hostile images: %v %v %v %v %v", x, y, w, h, ok)
	}
}
