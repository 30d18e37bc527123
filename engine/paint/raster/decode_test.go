package raster

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

func tinyNRGBA() *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, 4, 3))
	for y := 0; y < 3; y++ {
		for x := 0; x < 4; x++ {
			m.SetNRGBA(x, y, color.NRGBA{uint8(60 * x), uint8(100 * y), 200, 255})
		}
	}
	m.SetNRGBA(3, 2, color.NRGBA{255, 0, 0, 128})
	return m
}

func encode(t *testing.T, f func(*bytes.Buffer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestDecodeFormats decodes a tiny image in each format. testdata/tiny.webp
// was made from the same 4×3 picture with Debian's cwebp
// (`cwebp -lossless -exact tiny.png -o tiny.webp`), so it is exact too.
func TestDecodeFormats(t *testing.T) {
	src := tinyNRGBA()
	webp, err := os.ReadFile("testdata/tiny.webp")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		data  []byte
		exact bool // lossless: every pixel must match
	}{
		{"png", encode(t, func(b *bytes.Buffer) error { return png.Encode(b, src) }), true},
		{"webp", webp, true},
		{"gif", encode(t, func(b *bytes.Buffer) error { return gif.Encode(b, src, nil) }), false},
		{"jpeg", encode(t, func(b *bytes.Buffer) error { return jpeg.Encode(b, src, &jpeg.Options{Quality: 100}) }), false},
	}
	for _, tc := range cases {
		img, err := DecodeImage(tc.name, tc.data, 0)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if img.Rect != image.Rect(0, 0, 4, 3) {
			t.Fatalf("%s: bounds %v", tc.name, img.Rect)
		}
		// Premultiplied: the half-transparent red pixel stores R = 128.
		if tc.exact {
			if got := img.RGBAAt(3, 2); got != (color.RGBA{128, 0, 0, 128}) {
				t.Errorf("%s: pixel (3,2) = %v, want premultiplied {128 0 0 128}", tc.name, got)
			}
			if got := img.RGBAAt(2, 1); got != (color.RGBA{120, 100, 200, 255}) {
				t.Errorf("%s: pixel (2,1) = %v", tc.name, got)
			}
		} else if got := img.RGBAAt(0, 0); got.A != 255 || got.B < 150 {
			t.Errorf("%s: pixel (0,0) = %v, want mostly blue", tc.name, got)
		}
	}
}

// pngBomb rewrites a PNG's IHDR to claim 100000×100000 pixels, with a
// valid chunk checksum so that only the size can refuse it.
func pngBomb(data []byte) []byte {
	b := append([]byte(nil), data...)
	copy(b[16:24], []byte{0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0})
	binary.BigEndian.PutUint32(b[29:33], crc32.ChecksumIEEE(b[12:29]))
	return b
}

func TestDecodeRejects(t *testing.T) {
	pngData := encode(t, func(b *bytes.Buffer) error { return png.Encode(b, tinyNRGBA()) })
	// A PNG header claiming 100000×100000 with no pixel data: a bomb must be
	// refused from its header alone.
	bomb := encode(t, func(b *bytes.Buffer) error {
		return png.Encode(b, image.NewGray(image.Rect(0, 0, 1, 1)))
	})
	bomb = pngBomb(bomb)
	cases := []struct {
		name, want string
		data       []byte
		max        int
	}{
		{"empty.png", "cannot decode", nil, 0},
		{"garbage.png", "cannot decode", []byte("not an image at all"), 0},
		{"truncated.png", "cannot decode", pngData[:len(pngData)/2], 0},
		{"budget.png", "above the 11-pixel budget", pngData, 11},
		{"bomb.png", "100000×100000", bomb, 0},
	}
	for _, tc := range cases {
		img, err := DecodeImage(tc.name, tc.data, tc.max)
		if err == nil || img != nil {
			t.Fatalf("%s: want an error, got image %v", tc.name, img)
		}
		var d diag.Diagnostic
		if !errors.As(err, &d) || d.Pos.File != tc.name {
			t.Fatalf("%s: error %v is not a diagnostic positioned at the file", tc.name, err)
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %q lacks %q", tc.name, err, tc.want)
		}
	}
}

// TestDecodeBombAllocatesNothing proves the header check happens before
// any pixel buffer is allocated.
func TestDecodeBombAllocatesNothing(t *testing.T) {
	bomb := encode(t, func(b *bytes.Buffer) error { return png.Encode(b, image.NewGray(image.Rect(0, 0, 1, 1))) })
	bomb = pngBomb(bomb)
	var ms0, ms1 runtimeMem
	ms0.read()
	for i := 0; i < 10; i++ {
		DecodeImage("bomb.png", bomb, 0)
	}
	ms1.read()
	if d := ms1.total - ms0.total; d > 1<<20 {
		t.Fatalf("refusing a bomb allocated %d bytes", d)
	}
}
