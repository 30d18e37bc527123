package raster

import (
	"image"
	"math"
)

// DefaultShadowCacheBudget bounds the bytes of shadow coverage a Canvas
// keeps between frames (see SetShadowCacheBudget).
const DefaultShadowCacheBudget = 8 << 20

// maxShadowEntries bounds the entry list, which is searched linearly (a
// page shows tens of shadows; hashes make the scan a few ns per entry).
const maxShadowEntries = 256

// SetShadowCacheBudget sets how many bytes of blurred box-shadow coverage
// the canvas keeps across frames (0: DefaultShadowCacheBudget; negative:
// no cache). A shadow whose coverage alone exceeds a quarter of the budget
// is recomputed every frame, clipped to what is visible.
func (c *Canvas) SetShadowCacheBudget(bytes int) {
	c.shadows.budget = bytes
	c.shadows.evict(c.shadows.limit(), 0)
}

// shadowKey is everything a shadow's coverage depends on except its
// integer position: the box relative to its own integer origin (so the
// sub-pixel phase is part of the key), the offsets, blur, spread and
// inset. The device scale is already in these device-pixel values; the
// colour is applied when compositing.
type shadowKey struct {
	box                      RRect
	offX, offY, blur, spread float32
	inset                    bool
}

func (k *shadowKey) hash() uint64 {
	h := uint64(14695981039346656037)
	mix := func(v float32) { h = (h ^ uint64(math.Float32bits(v))) * 1099511628211 }
	r, rd := &k.box.Rect, &k.box.Radii
	for _, v := range [...]float32{r.X0, r.Y0, r.X1, r.Y1, rd.TopLeft.X, rd.TopLeft.Y, rd.TopRight.X, rd.TopRight.Y,
		rd.BottomRight.X, rd.BottomRight.Y, rd.BottomLeft.X, rd.BottomLeft.Y, k.offX, k.offY, k.blur, k.spread} {
		mix(v)
	}
	if k.inset {
		h ^= 1
	}
	return h
}

// shadowEntry is one cached coverage mask over rect r (relative to the
// box's integer origin). rows holds, per mask row, lo, zlo, zhi, hi: the
// non-zero pixels lie in [lo, zlo) ∪ [zhi, hi) (zlo == zhi when the row
// has no inner zero run; an outer shadow's is the box it must not cover).
type shadowEntry struct {
	key  shadowKey
	hash uint64
	r    image.Rectangle
	mask []uint8
	rows []int32
	used uint64 // LRU clock
}

// shadowCache keeps shadow coverage across frames, least recently used
// first out, within a byte budget. Buffers of evicted entries are reused,
// so an unchanged repaint allocates nothing and a changing one rarely.
type shadowCache struct {
	entries []shadowEntry
	bytes   int
	clock   uint64
	budget  int
	hits    int
	misses  int
}

func (sc *shadowCache) limit() int {
	switch {
	case sc.budget < 0:
		return 0
	case sc.budget == 0:
		return DefaultShadowCacheBudget
	}
	return sc.budget
}

// lookup returns the cached coverage of the shadow and the device pixel of
// its top-left corner, computing it over the whole of full on a miss, or
// nil when the shadow is not to be cached. The corner comes from the key's
// relative geometry, not from this draw's full, so that float rounding of
// the absolute edges cannot shift a reused mask by a pixel.
func (sc *shadowCache) lookup(c *Canvas, box RRect, s Shadow, full image.Rectangle, sigma float32, ext int, shape *RRect) (*shadowEntry, image.Point) {
	n := full.Dx() * full.Dy()
	if n > sc.limit()/4 || n <= 0 {
		return nil, image.Point{}
	}
	ox, oy := floorInt(box.Rect.X0), floorInt(box.Rect.Y0)
	k := shadowKey{box: box, offX: s.OffsetX, offY: s.OffsetY, blur: s.Blur, spread: s.Spread, inset: s.Inset}
	k.box.Rect = k.box.Rect.Offset(-float32(ox), -float32(oy))
	h := k.hash()
	sc.clock++
	for i := range sc.entries {
		e := &sc.entries[i]
		if e.hash == h && e.key == k {
			e.used = sc.clock
			sc.hits++
			return e, e.r.Min.Add(image.Pt(ox, oy))
		}
	}
	sc.misses++
	e := sc.evict(sc.limit()-n, n)
	e.key, e.hash, e.used = k, h, sc.clock
	e.r = full.Sub(image.Pt(ox, oy))
	if cap(e.mask) < n {
		e.mask = make([]uint8, n)
	}
	e.mask = e.mask[:n]
	if cap(e.rows) < 4*full.Dy() {
		e.rows = make([]int32, 4*full.Dy())
	}
	e.rows = e.rows[:4*full.Dy()]
	sc.bytes += n
	c.shadowCoverage(e.mask, full, &box, shape, &s, sigma, ext)
	e.scanRows()
	return e, full.Min
}

// evict drops least recently used entries until at most keep bytes stay
// cached, and, when want > 0, returns a free entry whose buffers are the
// largest evicted ones (or fresh).
func (sc *shadowCache) evict(keep, want int) *shadowEntry {
	var spare shadowEntry
	for len(sc.entries) > 0 && (sc.bytes > keep || want > 0 && len(sc.entries) >= maxShadowEntries) {
		old := 0
		for i := range sc.entries {
			if sc.entries[i].used < sc.entries[old].used {
				old = i
			}
		}
		e := sc.entries[old]
		sc.bytes -= len(e.mask)
		if cap(e.mask) > cap(spare.mask) {
			spare.mask = e.mask
		}
		if cap(e.rows) > cap(spare.rows) {
			spare.rows = e.rows
		}
		last := len(sc.entries) - 1
		sc.entries[old] = sc.entries[last]
		sc.entries[last] = shadowEntry{}
		sc.entries = sc.entries[:last]
	}
	if want <= 0 {
		return nil
	}
	sc.entries = append(sc.entries, spare)
	return &sc.entries[len(sc.entries)-1]
}

// scanRows records each row's non-zero extent and its longest inner zero
// run, so compositing touches only pixels the shadow covers.
func (e *shadowEntry) scanRows() {
	w := e.r.Dx()
	for y := 0; y < e.r.Dy(); y++ {
		row := e.mask[y*w : (y+1)*w]
		lo, hi := 0, w
		for lo < hi && row[lo] == 0 {
			lo++
		}
		for hi > lo && row[hi-1] == 0 {
			hi--
		}
		zlo, zhi := lo, lo
		for x := lo; x < hi; {
			if row[x] != 0 {
				x++
				continue
			}
			z := x
			for x < hi && row[x] == 0 {
				x++
			}
			if x-z > zhi-zlo {
				zlo, zhi = z, x
			}
		}
		if zlo == zhi {
			zlo, zhi = hi, hi
		}
		e.rows[4*y], e.rows[4*y+1], e.rows[4*y+2], e.rows[4*y+3] = int32(lo), int32(zlo), int32(zhi), int32(hi)
	}
}

// blit composites the cached coverage with its rectangle's top-left corner
// at device pixel at; blit clips to the active clip.
func (e *shadowEntry) blit(c *Canvas, ps *paintState, at image.Point) {
	w := e.r.Dx()
	cl := c.clip().bounds
	y0, y1 := max(at.Y, cl.Min.Y), min(at.Y+e.r.Dy(), cl.Max.Y)
	for y := y0; y < y1; y++ {
		r := y - at.Y
		row := e.mask[r*w : (r+1)*w]
		lo, zlo, zhi, hi := int(e.rows[4*r]), int(e.rows[4*r+1]), int(e.rows[4*r+2]), int(e.rows[4*r+3])
		if lo < zlo {
			c.blit(ps, y, at.X+lo, at.X+zlo, row[lo:zlo], 0)
		}
		if zhi < hi {
			c.blit(ps, y, at.X+zhi, at.X+hi, row[zhi:hi], 0)
		}
	}
}
