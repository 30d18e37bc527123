package imagesrc

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"net/url"
	"strings"
	"testing"
)

// testPNG is a 2×2 picture: red, green / blue, half-transparent white.
func testPNG(t testing.TB) []byte {
	m := image.NewNRGBA(image.Rect(0, 0, 2, 2))
	m.Set(0, 0, color.NRGBA{255, 0, 0, 255})
	m.Set(1, 0, color.NRGBA{0, 255, 0, 255})
	m.Set(0, 1, color.NRGBA{0, 0, 255, 255})
	m.Set(1, 1, color.NRGBA{255, 255, 255, 128})
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// wantTestPNG checks the decoded testPNG pixel by pixel (premultiplied).
func wantTestPNG(t *testing.T, img *image.RGBA) {
	t.Helper()
	if img == nil {
		t.Fatal("no picture")
	}
	if img.Rect != image.Rect(0, 0, 2, 2) {
		t.Fatalf("size %v, want 2×2", img.Rect)
	}
	want := map[image.Point]color.RGBA{
		{0, 0}: {255, 0, 0, 255},
		{1, 0}: {0, 255, 0, 255},
		{0, 1}: {0, 0, 255, 255},
		{1, 1}: {128, 128, 128, 128},
	}
	for p, w := range want {
		if got := img.RGBAAt(p.X, p.Y); got != w {
			t.Errorf("pixel %v = %v, want %v", p, got, w)
		}
	}
}

func load(t *testing.T, l *Loader, src string) *image.RGBA {
	t.Helper()
	r := l.Load(Request{Src: src})
	if r.Err != nil || r.Pending {
		t.Fatalf("Load(%.60q): err %v, pending %v", src, r.Err, r.Pending)
	}
	return r.Img
}

func TestDataURLBase64PNG(t *testing.T) {
	b64 := base64.StdEncoding.EncodeToString(testPNG(t))
	for name, src := range map[string]string{
		"plain":        "data:image/png;base64," + b64,
		"upper scheme": "DATA:image/PNG;BASE64," + b64,
		"unpadded":     "data:image/png;base64," + strings.TrimRight(b64, "="),
		"white space":  "data:image/png;base64," + b64[:10] + "\n  " + b64[10:30] + "\t" + b64[30:],
		"url-safe":     "data:image/png;base64," + base64.URLEncoding.EncodeToString(testPNG(t)),
		"percent b64":  "data:image/png;base64," + url.QueryEscape(b64),
		"no type":      "data:;base64," + b64,
		"with charset": "data:image/png;charset=utf-8;base64," + b64,
		"wrong type":   "data:image/jpeg;base64," + b64, // the bytes are sniffed
	} {
		t.Run(name, func(t *testing.T) { wantTestPNG(t, load(t, nil, src)) })
	}
}

func TestDataURLPercentEncodedPNG(t *testing.T) {
	var sb strings.Builder
	for _, c := range testPNG(t) {
		sb.WriteString("%")
		sb.WriteString(strings.ToUpper(string("0123456789abcdef"[c>>4]) + string("0123456789abcdef"[c&15])))
	}
	wantTestPNG(t, load(t, nil, "data:image/png,"+sb.String()))
}

func TestDataURLGIFAndWebP(t *testing.T) {
	pal := image.NewPaletted(image.Rect(0, 0, 3, 1), color.Palette{color.RGBA{10, 20, 30, 255}, color.RGBA{200, 100, 50, 255}})
	pal.SetColorIndex(1, 0, 1)
	var b bytes.Buffer
	if err := gif.Encode(&b, pal, nil); err != nil {
		t.Fatal(err)
	}
	img := load(t, nil, "data:image/gif;base64,"+base64.StdEncoding.EncodeToString(b.Bytes()))
	for x, w := range []color.RGBA{{10, 20, 30, 255}, {200, 100, 50, 255}, {10, 20, 30, 255}} {
		if got := img.RGBAAt(x, 0); got != w {
			t.Errorf("gif pixel %d = %v, want %v", x, got, w)
		}
	}
	// The smallest lossless WebP: one transparent pixel.
	img = load(t, nil, "data:image/webp;base64,UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==")
	if img.Rect != image.Rect(0, 0, 1, 1) || img.RGBAAt(0, 0) != (color.RGBA{}) {
		t.Errorf("webp: %v %v, want one transparent pixel", img.Rect, img.RGBAAt(0, 0))
	}
}

func TestDataURLErrors(t *testing.T) {
	b64 := base64.StdEncoding.EncodeToString(testPNG(t))
	for _, c := range []struct {
		src, msg string
		off      int
	}{
		{"data:image/png;base64", "without a ','", 21},
		{"data:image/png;base64,iVBO*RwKGgo=", "invalid base64", 26},
		{"data:image/png;base64,iVBO%20%2ARw", "invalid base64", 29},
		{"data:png;base64," + b64, "not type/subtype", 5},
		{"data:image/png;base64,AAAA", "cannot decode image", -1},
		{"data:image/png,%89PNG%0D%0A%1A%0A", "cannot decode", -1},
	} {
		r := Load(c.src)
		if r.Err == nil || !strings.Contains(r.Err.Error(), c.msg) {
			t.Errorf("%q: err %v, want %q", c.src, r.Err, c.msg)
			continue
		}
		var e *Error
		if c.off >= 0 && (!errors.As(r.Err, &e) || e.Offset != c.off) {
			t.Errorf("%q: %v, want offset %d", c.src, r.Err, c.off)
		}
	}
}

// Load is a nil Loader's Load, for srcs that need no network.
func Load(src string) Result { return (*Loader)(nil).Load(Request{Src: src}) }

func TestDataURLLimits(t *testing.T) {
	big := "data:text/plain," + strings.Repeat("a", 101)
	if _, err := ParseDataURL(big, 100); err == nil || !strings.Contains(err.Error(), "above the 100-byte limit") {
		t.Errorf("raw payload over the limit: %v", err)
	}
	big64 := "data:;base64," + base64.StdEncoding.EncodeToString(make([]byte, 200))
	if _, err := ParseDataURL(big64, 100); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("base64 payload over the limit: %v", err)
	}
	// A PNG whose header claims 50000×50000: refused before allocating.
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1)))
	bomb := b.Bytes()
	bomb[16], bomb[17], bomb[18], bomb[19] = 0, 0, 0xc3, 0x50 // width 50000
	bomb[20], bomb[21], bomb[22], bomb[23] = 0, 0, 0xc3, 0x50 // height 50000
	binary.BigEndian.PutUint32(bomb[29:], crc32.ChecksumIEEE(bomb[12:29]))
	r := Load("data:image/png;base64," + base64.StdEncoding.EncodeToString(bomb))
	if r.Err == nil || !strings.Contains(r.Err.Error(), "pixel budget") {
		t.Errorf("pixel bomb: %v", r.Err)
	}
}

func TestKindOf(t *testing.T) {
	for src, k := range map[string]Kind{
		"/a.png": Local, "a/b.png": Local, "../x.svg": Local,
		"data:image/png;base64,": Data, "DATA:,x": Data,
		"http://x/a.png": Remote, "HTTPS://x/a.png": Remote,
		"wxfile://tmp/a.png": Unsupported, "cloud://env/a.png": Unsupported,
	} {
		if got := KindOf(src); got != k {
			t.Errorf("KindOf(%q) = %d, want %d", src, got, k)
		}
	}
	if r := Load("cloud://env/a.png"); r.Err == nil || !strings.Contains(r.Err.Error(), "cloud: URLs are not supported") {
		t.Errorf("cloud: %v", r.Err)
	}
}

func FuzzParseDataURL(f *testing.F) {
	for _, s := range []string{
		"data:image/png;base64,iVBORw0KGgo=",
		"data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A//www.w3.org/2000/svg%22/%3E",
		"data:image/svg+xml;utf8,<svg fill='#fff'/>",
		"data:,", "data:;base64,%", "data:a/b;c;base64,AB%3D=", "data:image/png;base64,iVBO%20%2ARw",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		const max = 1 << 12
		d, err := ParseDataURL(src, max)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Offset < 0 || e.Offset > len(src) {
				t.Fatalf("%q: error %v without an offset inside the src", src, err)
			}
			return
		}
		if int64(len(d.Data)) > max {
			t.Fatalf("%q: %d bytes past the limit", src, len(d.Data))
		}
		if !d.Base64 && len(d.Data) > len(src) {
			t.Fatalf("%q: percent-decoding grew the payload", src)
		}
	})
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
