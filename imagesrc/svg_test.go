package imagesrc

import (
	"image"
	"image/color"
	"net/url"
	"strings"
	"testing"
)

// icon is a 24×24 navigation-bar style icon: a red left half, a blue
// circle in the right half, a green stroked line along the bottom.
const icon = `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">
<rect x="0" y="0" width="12" height="20" fill="#ff0000"/>
<circle cx="18" cy="8" r="4" fill="rgb(0,0,255)"/>
<path d="M0 22 H24" stroke="#00ff00" stroke-width="2"/>
</svg>`

func near(c, w color.RGBA, tol int) bool {
	d := func(a, b uint8) bool { return int(a)-int(b) <= tol && int(b)-int(a) <= tol }
	return d(c.R, w.R) && d(c.G, w.G) && d(c.B, w.B) && d(c.A, w.A)
}

func checkPixels(t *testing.T, img *image.RGBA, want map[image.Point]color.RGBA) {
	t.Helper()
	for p, w := range want {
		if got := img.RGBAAt(p.X, p.Y); !near(got, w, 2) {
			t.Errorf("pixel %v = %v, want %v", p, got, w)
		}
	}
}

var (
	red, green, blue = color.RGBA{255, 0, 0, 255}, color.RGBA{0, 255, 0, 255}, color.RGBA{0, 0, 255, 255}
	clear            color.RGBA
)

func TestSVGIconDataURL(t *testing.T) {
	// Percent-encoded (as encodeURIComponent writes it), at the DPR 2
	// scale of its intrinsic 24×24.
	src := "data:image/svg+xml," + strings.ReplaceAll(url.QueryEscape(icon), "+", "%20")
	r := (*Loader)(nil).Load(Request{Src: src, Scale: 2})
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	img := r.Img
	if img.Rect != image.Rect(0, 0, 48, 48) {
		t.Fatalf("size %v, want 48×48 (24×24 at scale 2)", img.Rect)
	}
	checkPixels(t, img, map[image.Point]color.RGBA{
		{2, 2}: red, {22, 38}: red, {26, 2}: clear, // the rect ends at x = 12 (24 device px)
		{36, 16}: blue, {36, 4}: clear, {44, 30}: clear, // circle centre (18,8)·2, r 8
		{10, 44}: green, {40, 44}: green, {10, 41}: clear, // the 2 px line at y 22: device 42..46
	})
}

func TestSVGUTF8AndBase64Forms(t *testing.T) {
	// Hand-written "utf8" form with unescaped '#' and '<'; and base64.
	for name, src := range map[string]string{
		"utf8":                 "data:image/svg+xml;utf8," + icon,
		"base64":               "data:image/svg+xml;base64," + b64(icon),
		"sniffed without type": "data:;base64," + b64(icon),
	} {
		t.Run(name, func(t *testing.T) {
			img := load(t, nil, src)
			if img.Rect != image.Rect(0, 0, 24, 24) {
				t.Fatalf("size %v, want 24×24", img.Rect)
			}
			checkPixels(t, img, map[image.Point]color.RGBA{{1, 1}: red, {18, 8}: blue, {20, 1}: clear, {5, 22}: green})
		})
	}
}

func TestSVGSizesAndViewBox(t *testing.T) {
	// A viewBox not at the origin: (10,10)-(30,30) with a rect on its left
	// half; rasterised to an exact device size wider than tall, so the
	// picture is centred (xMidYMid meet).
	doc := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="10 10 20 20"><rect x="10" y="10" width="10" height="20" fill="red"/></svg>`
	img, err := Decode("t.svg", []byte(doc), DecodeOptions{Size: image.Pt(80, 40)})
	if err != nil {
		t.Fatal(err)
	}
	if img.Rect != image.Rect(0, 0, 80, 40) {
		t.Fatalf("size %v", img.Rect)
	}
	// The 40×40 viewport sits at x 20..60; the rect fills x 20..40.
	checkPixels(t, img, map[image.Point]color.RGBA{{10, 20}: clear, {22, 20}: red, {38, 2}: red, {42, 20}: clear, {70, 20}: clear})

	for _, c := range []struct {
		doc  string
		w, h float64
	}{
		{`<svg width="32px" height="16"/>`, 32, 16},
		{`<svg viewBox="0 0 10 5"/>`, 10, 5},
		{`<svg width="20" viewBox="0 0 10 5"/>`, 20, 10},
		{`<svg height="20" viewBox="0,0,10,5"/>`, 40, 20},
		{`<svg width="50%" height="1em"/>`, 300, 150},
		{`<?xml version="1.0"?><!-- c --><svg/>`, 300, 150},
	} {
		w, h, err := SVGSize([]byte(c.doc))
		if err != nil || w != c.w || h != c.h {
			t.Errorf("%s: %g×%g %v, want %g×%g", c.doc, w, h, err, c.w, c.h)
		}
	}
}

func TestSVGGradientAndTransform(t *testing.T) {
	doc := `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="10">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#ff0000"/><stop offset="1" stop-color="#0000ff"/></linearGradient></defs>
<rect width="100" height="5" fill="url(#g)"/>
<g transform="translate(50 5)"><rect width="10" height="5" fill="#00ff00"/></g>
</svg>`
	img, err := Decode("g.svg", []byte(doc), DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	l, r := img.RGBAAt(1, 2), img.RGBAAt(98, 2)
	if !(l.R > 240 && l.B < 15 && r.B > 240 && r.R < 15) {
		t.Errorf("gradient ends %v … %v, want red … blue", l, r)
	}
	if m := img.RGBAAt(50, 2); !(m.R > 100 && m.R < 155 && m.B > 100 && m.B < 155) {
		t.Errorf("gradient middle %v, want half red, half blue", m)
	}
	checkPixels(t, img, map[image.Point]color.RGBA{{55, 7}: green, {45, 7}: clear, {62, 7}: clear})
}

func TestSVGCurrentColor(t *testing.T) {
	doc := `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="currentColor"/></svg>`
	img, err := Decode("c.svg", []byte(doc), DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkPixels(t, img, map[image.Point]color.RGBA{{2, 2}: {0, 0, 0, 255}})
}

func TestSVGHostile(t *testing.T) {
	for _, c := range []struct{ doc, msg string }{
		{`<svg width="100000" height="100000"/>`, "pixel budget"},
		{`<?xml version="1.0"?><html><svg/></html>`, "not <svg>"},
		{`<svg viewBox="0 0 1 1"><path d="M 0 0 L"/></svg>`, ""}, // a broken path: drawn as far as it goes, or an error
		{`<svg><rect width="1e308" height="1e308" fill="red"/></svg>`, ""},
		{`<svg`, "no <svg> root"},
	} {
		img, err := Decode("h.svg", []byte(c.doc), DecodeOptions{MaxPixels: 1 << 20})
		if c.msg != "" && (err == nil || !strings.Contains(err.Error(), c.msg)) {
			t.Errorf("%s: %v, want %q", c.doc, err, c.msg)
		}
		if err == nil && img == nil {
			t.Errorf("%s: neither picture nor error", c.doc)
		}
	}
}

// FuzzDecodeSVG feeds documents to the SVG path under a small pixel
// budget: an error or a picture within the budget, never a panic or a hang.
func FuzzDecodeSVG(f *testing.F) {
	f.Add([]byte(icon))
	f.Add([]byte(`<svg viewBox="10 10 20 20"><g transform="rotate(45) scale(2)"><path d="M0 0 Q 10 10 20 0 T 40 0 A 5 5 0 1 1 50 50 z" stroke="red" stroke-dasharray="1 2"/></g></svg>`))
	f.Add([]byte(`<svg><defs><radialGradient id="r"><stop offset="0" stop-color="red"/></radialGradient></defs><use href="#r"/><circle r="5" fill="url(#r)"/></svg>`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		const budget = 1 << 14
		img, err := Decode("f.svg", doc, DecodeOptions{MaxPixels: budget, MediaType: "image/svg+xml"})
		if err == nil && (img == nil || img.Rect.Dx()*img.Rect.Dy() > budget) {
			t.Fatalf("picture %v for a %d-pixel budget", img, budget)
		}
	})
}
