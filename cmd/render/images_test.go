package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// imagePage is a page whose image comes from a 127.0.0.1 server the test
// starts (a red 20×10 PNG), drawn in a 100×50 box at the top left.
func imagePage(t *testing.T) (page string, hits *atomic.Int32) {
	m := image.NewRGBA(image.Rect(0, 0, 20, 10))
	for i := range m.Pix {
		m.Pix[i] = []byte{255, 0, 0, 255}[i%4]
	}
	var b bytes.Buffer
	png.Encode(&b, m)
	hits = new(atomic.Int32)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write(b.Bytes())
	}))
	t.Cleanup(srv.Close)
	return writePage(t, `<image src="`+srv.URL+`/a.png" style="width:100px;height:50px"/>`), hits
}

func pixel(t *testing.T, path string, x, y int) color.RGBA {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
}

func TestRenderRemoteImage(t *testing.T) {
	page, hits := imagePage(t)
	cache := t.TempDir()
	for round := range 2 {
		out := filepath.Join(t.TempDir(), "x.png")
		var stderr bytes.Buffer
		if code := run([]string{"-o", out, "-dpr", "1", "-image-cache", cache, page}, &bytes.Buffer{}, &stderr); code != 0 || stderr.Len() != 0 {
			t.Fatalf("round %d: exit %d, stderr %q", round, code, stderr.String())
		}
		if got := pixel(t, out, 50, 25); got != (color.RGBA{255, 0, 0, 255}) {
			t.Errorf("round %d: image pixel %v, want red", round, got)
		}
	}
	if hits.Load() != 1 {
		t.Errorf("the server saw %d requests for two renders, want 1 (the second from the disk cache)", hits.Load())
	}
}

func TestRenderOffline(t *testing.T) {
	page, hits := imagePage(t)
	out := filepath.Join(t.TempDir(), "x.png")
	dump := filepath.Join(t.TempDir(), "x.json")
	var stderr bytes.Buffer
	code := run([]string{"-offline", "-o", out, "-dpr", "1", "-layout", dump, page}, &bytes.Buffer{}, &stderr)
	if code != 0 || !strings.Contains(stderr.String(), "index.wxml:1:1: warning: image http://127.0.0.1") || !strings.Contains(stderr.String(), "offline") {
		t.Fatalf("exit %d, stderr %q; want a positioned offline warning", code, stderr.String())
	}
	if got := pixel(t, out, 50, 25); got == (color.RGBA{255, 0, 0, 255}) {
		t.Error("offline render drew the remote picture")
	}
	b, _ := os.ReadFile(dump)
	if flat := strings.Join(strings.Fields(string(b)), ""); !strings.Contains(flat, `"tag":"image","id":"","class":"","box":[0,0,100,50]`) {
		t.Errorf("the image box lost its size offline:\n%.600s", b)
	}
	if hits.Load() != 0 {
		t.Errorf("offline render made %d requests", hits.Load())
	}
}
