package raster

import (
	"encoding/binary"

	"image"
	"math/rand/v2"
	"testing"
)

// maxDiff is the largest per-channel difference between two images.
func maxDiff(a, b *image.RGBA) int {
	m := 0
	for i := range a.Pix {
		d := int(a.Pix[i]) - int(b.Pix[i])
		m = max(m, d, -d)
	}
	return m
}

// TestShadowCacheRepaint draws frames of shadows on a caching canvas and on
// one without the cache: repaints must hit, match the uncached pixels (to
// the bit when nothing is clipped, within one step when a clip made the
// uncached path blur a smaller buffer), and a moved or recoloured shadow
// must reuse the entry while a new sub-pixel phase must not.
func TestShadowCacheRepaint(t *testing.T) {
	box := RRect{Rect: Rect{20.5, 18.25, 70.5, 50.25}, Radii: Uniform(7)}
	cases := []struct {
		name      string
		s         Shadow
		dx, dy    float32
		col       Color
		clip      Rect
		hit       bool
		tolerance int
	}{
		{"repaint", Shadow{3, 4, 12, 2, Color{0, 0, 0, 90}, false}, 0, 0, Color{0, 0, 0, 90}, Rect{}, true, 0},
		{"inset repaint", Shadow{-2, 3, 9, 1, Color{0, 0, 80, 200}, true}, 0, 0, Color{0, 0, 80, 200}, Rect{}, true, 0},
		{"moved by whole pixels", Shadow{3, 4, 12, 2, Color{0, 0, 0, 90}, false}, 11, -5, Color{0, 0, 0, 90}, Rect{}, true, 1},
		{"recoloured", Shadow{3, 4, 12, 2, Color{0, 0, 0, 90}, false}, 0, 0, Color{200, 0, 0, 255}, Rect{}, true, 0},
		{"clipped", Shadow{3, 4, 12, 2, Color{0, 0, 0, 90}, false}, 0, 0, Color{0, 0, 0, 90}, Rect{30, 10, 64.5, 60}, true, 1},
		{"new phase", Shadow{3, 4, 12, 2, Color{0, 0, 0, 90}, false}, 0.5, 0, Color{0, 0, 0, 90}, Rect{}, false, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cached := NewCanvas(image.NewRGBA(image.Rect(0, 0, 120, 100)))
			plain := NewCanvas(image.NewRGBA(image.Rect(0, 0, 120, 100)))
			plain.SetShadowCacheBudget(-1)
			cached.DrawBoxShadow(box, tc.s) // fills the cache
			moved := box
			moved.Rect = box.Rect.Offset(tc.dx, tc.dy)
			s := tc.s
			s.Color = tc.col
			for frame := 0; frame < 2; frame++ {
				for _, c := range []*Canvas{cached, plain} {
					c.Reset(c.Image())
					c.Clear(Color{250, 250, 240, 255})
					if !tc.clip.Empty() {
						c.PushClipRect(tc.clip)
					}
					c.DrawBoxShadow(moved, s)
				}
				if d := maxDiff(cached.Image(), plain.Image()); d > tc.tolerance {
					t.Fatalf("frame %d: cached and uncached shadows differ by %d (tolerance %d)", frame, d, tc.tolerance)
				}
			}
			wantMisses := 1
			if !tc.hit {
				wantMisses = 2
			}
			if cached.shadows.misses != wantMisses || cached.shadows.hits != 3-wantMisses {
				t.Fatalf("misses %d hits %d, want %d misses", cached.shadows.misses, cached.shadows.hits, wantMisses)
			}
			if plain.shadows.hits+plain.shadows.misses != 0 || len(plain.shadows.entries) != 0 {
				t.Fatalf("a disabled cache was used")
			}
			if px := binary.LittleEndian.Uint32(cached.Image().Pix[cached.Image().PixOffset(45, 34):]); px != 0xfff0fafa && !s.Inset {
				t.Fatalf("outer shadow painted under its box: %08x", px)
			}
		})
	}
}

// TestShadowCacheBudget fills the cache with more distinct shadows than fit:
// it must stay within its byte budget, keep the most recently used ones and
// still draw what the uncached path draws.
func TestShadowCacheBudget(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 1))
	c := NewCanvas(image.NewRGBA(image.Rect(0, 0, 160, 120)))
	plain := NewCanvas(image.NewRGBA(image.Rect(0, 0, 160, 120)))
	plain.SetShadowCacheBudget(-1)
	const budget = 60000
	c.SetShadowCacheBudget(budget)
	for i := 0; i < 60; i++ {
		box := RRect{Rect: XYWH(rng.Float32()*80, rng.Float32()*60, 10+rng.Float32()*60, 10+rng.Float32()*40), Radii: Uniform(rng.Float32() * 8)}
		s := Shadow{rng.Float32()*6 - 3, rng.Float32() * 6, rng.Float32() * 16, rng.Float32() * 3, Color{0, 0, 0, 120}, i%3 == 0}
		for _, cv := range []*Canvas{c, plain} {
			cv.Clear(Color{255, 255, 255, 255})
			cv.DrawBoxShadow(box, s)
		}
		if d := maxDiff(c.Image(), plain.Image()); d > 0 {
			t.Fatalf("shadow %d: cached draw differs from uncached by %d", i, d)
		}
		if c.shadows.bytes > budget {
			t.Fatalf("shadow %d: cache holds %d bytes, budget %d", i, c.shadows.bytes, budget)
		}
		n := 0
		for _, e := range c.shadows.entries {
			n += len(e.mask)
		}
		if n != c.shadows.bytes {
			t.Fatalf("cache accounts %d bytes, entries hold %d", c.shadows.bytes, n)
		}
		c.DrawBoxShadow(box, s) // the entry just made is the most recent: it must be there
		if c.shadows.misses != i+1 {
			t.Fatalf("shadow %d: redraw missed (%d misses)", i, c.shadows.misses)
		}
	}
	if c.shadows.hits != 60 || len(c.shadows.entries) >= 60 {
		t.Fatalf("hits %d, entries %d: expected evictions under a %d-byte budget", c.shadows.hits, len(c.shadows.entries), budget)
	}
	c.SetShadowCacheBudget(-1)
	if len(c.shadows.entries) != 0 || c.shadows.bytes != 0 {
		t.Fatalf("disabling the cache kept %d entries (%d bytes)", len(c.shadows.entries), c.shadows.bytes)
	}
}

// BenchmarkBoxShadowCached is a repaint of one blurred card shadow (the
// showcase's 0 2px 8px at @2 over a 330×120 card).
func BenchmarkBoxShadowCached(b *testing.B) {
	c := benchCanvas()
	box := RRect{Rect: Rect{20, 40, 350, 160}, Radii: Uniform(16)}
	s := Shadow{0, 4, 16, 0, Color{0, 0, 0, 15}, false}
	b.Run("cached", func(b *testing.B) {
		for b.Loop() {
			c.DrawBoxShadow(box, s)
		}
	})
	b.Run("uncached", func(b *testing.B) {
		c.SetShadowCacheBudget(-1)
		defer c.SetShadowCacheBudget(0)
		for b.Loop() {
			c.DrawBoxShadow(box, s)
		}
	})
}
