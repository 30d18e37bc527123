package raster

import (
	"image"
	"math/rand/v2"
	"testing"
)

// TestLerpGlyphMatchesPortable checks the glyph kernel (vector where this
// machine has it) against lerpSpanMask row by row: every width from 1 to
// 40 (blocks of 8 and every tail), random destinations, coverage with runs
// of 0 and 255, and opaque colours.
func TestLerpGlyphMatchesPortable(t *testing.T) {
	if !spanSIMDAvailable {
		t.Skip("no vector glyph kernel on this machine or build")
	}
	r := rand.New(rand.NewPCG(1, 2))
	for w := 1; w <= 40; w++ {
		for trial := 0; trial < 20; trial++ {
			h := 1 + r.IntN(12)
			stride := 4*w + 4*r.IntN(5)
			off := 4 * r.IntN(3)
			pix := make([]uint8, off+stride*h+8)
			for i := range pix {
				pix[i] = uint8(r.Uint32())
			}
			want := append([]uint8(nil), pix...)
			mask := make([]uint8, w*h)
			for i := range mask {
				switch r.IntN(4) {
				case 0:
					mask[i] = 0
				case 1:
					mask[i] = 255
				default:
					mask[i] = uint8(r.Uint32())
				}
			}
			p := premul(r.Uint32() | 0xff000000)
			for y := 0; y < h; y++ {
				lerpSpanMask(want[off+y*stride:off+y*stride+4*w], p, mask[y*w:(y+1)*w])
			}
			if !lerpGlyph(pix, off, stride, mask, w, h, p) {
				t.Fatal("lerpGlyph declined a mask that fits")
			}
			for i := range pix {
				if pix[i] != want[i] {
					t.Fatalf("w=%d h=%d stride=%d: byte %d = %d, want %d", w, h, stride, i, pix[i], want[i])
				}
			}
		}
	}
}

// TestGlyphTable checks the open-addressing table: thousands of keys that
// differ in one field at a time each stay findable across growth, a second
// draw of each rasterises nothing, and Clear empties it keeping storage.
func TestGlyphTable(t *testing.T) {
	c := NewCanvas(image.NewRGBA(image.Rect(0, 0, 64, 64)))
	var o squareOutliner
	var gc GlyphCache
	black := Color{0, 0, 0, 255}
	draw := func() {
		for g := uint32(0); g < 500; g++ {
			c.DrawGlyph(&gc, &o, g%3, g, 16+float32(g%5)/64, 10+float32(g%4)/4, 20, black)
		}
	}
	draw()
	if gc.Misses != 500 || gc.Len() != 500 {
		t.Fatalf("misses %d, len %d; want 500 distinct keys", gc.Misses, gc.Len())
	}
	draw()
	if gc.Misses != 500 {
		t.Fatalf("second pass rasterised %d glyphs again", gc.Misses-500)
	}
	slots := len(gc.table)
	gc.Clear()
	if gc.Len() != 0 || len(gc.table) != slots {
		t.Fatalf("after Clear: len %d, table %d slots (was %d)", gc.Len(), len(gc.table), slots)
	}
	draw()
	if gc.Misses != 1000 || gc.Len() != 500 {
		t.Fatalf("after Clear: misses %d, len %d", gc.Misses, gc.Len())
	}
}

// TestGlyphCachedAllocs: drawing a cached glyph allocates nothing.
func TestGlyphCachedAllocs(t *testing.T) {
	c := benchCanvas()
	var gc GlyphCache
	col := Color{20, 20, 20, 255}
	c.DrawGlyph(&gc, benchOutliner{}, 1, 1, 16, 10, 20, col)
	if n := testing.AllocsPerRun(100, func() {
		c.DrawGlyph(&gc, benchOutliner{}, 1, 1, 16, 10, 20, col)
		c.DrawGlyph(&gc, benchOutliner{}, 1, 1, 16, 10, 20, Color{20, 20, 20, 128})
	}); n != 0 {
		t.Fatalf("a cached glyph draw allocates %v times", n)
	}
}
