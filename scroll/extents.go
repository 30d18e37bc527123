package scroll

import "math"

// Extents of a long run of units (list items, grid rows) along the main
// axis, measured or estimated (spec §6.4: positions of not-yet-created items
// are estimated and corrected after measurement).
//
// Layout: one float32 per unit (negative = not measured yet) plus two Fenwick
// trees over chunks of 64 units holding the measured sum (float64, so a
// 10⁸ px list keeps sub-pixel precision) and the measured count. An
// unmeasured unit counts as the running average of the measured ones, so a
// change of the estimate never rewrites the trees. 1,000,000 units cost
// 4 MB + 15,625 chunks × 12 B ≈ 4.2 MB; offset(i) and indexAt(y) are
// O(log n + 64).
//
// With fixed > 0 (list-builder type static, spec §6.4) nothing is stored:
// positions are arithmetic.
type extents struct {
	fixed float64
	n     int
	ext   []float32
	sum   []float64 // Fenwick, 1-based over chunks
	cnt   []int32   // Fenwick, 1-based over chunks
	total float64   // measured sum
	nmeas int       // measured count
	// fallback is the estimate while nothing is measured yet.
	fallback float64
}

const (
	chunkShift = 6
	chunkSize  = 1 << chunkShift
)

// reset sizes the store for n units, all unmeasured.
func (s *extents) reset(n int, fixed float64) {
	s.fixed, s.n = fixed, n
	s.total, s.nmeas = 0, 0
	if fixed > 0 {
		s.ext, s.sum, s.cnt = nil, nil, nil
		return
	}
	if cap(s.ext) >= n {
		s.ext = s.ext[:n]
	} else {
		s.ext = make([]float32, n)
	}
	for i := range s.ext {
		s.ext[i] = -1
	}
	nc := (n + chunkSize - 1) >> chunkShift
	if cap(s.sum) >= nc+1 {
		s.sum, s.cnt = s.sum[:nc+1], s.cnt[:nc+1]
		clear(s.sum)
		clear(s.cnt)
	} else {
		s.sum, s.cnt = make([]float64, nc+1), make([]int32, nc+1)
	}
}

// resize changes the unit count keeping the measurements of the units that
// remain (a data array grew or shrank).
func (s *extents) resize(n int) {
	if s.fixed > 0 {
		s.n = n
		return
	}
	old := s.ext
	if n < len(old) {
		old = old[:n]
	}
	keep := make([]float32, len(old))
	copy(keep, old)
	s.reset(n, 0)
	for i, e := range keep {
		if e >= 0 {
			s.set(i, float64(e))
		}
	}
}

func (s *extents) estimate() float64 {
	if s.fixed > 0 {
		return s.fixed
	}
	if s.nmeas == 0 {
		if s.fallback > 0 {
			return s.fallback
		}
		return 1
	}
	return s.total / float64(s.nmeas)
}

func (s *extents) add(i int, de float64, dc int32) {
	s.total += de
	s.nmeas += int(dc)
	for j := i>>chunkShift + 1; j < len(s.sum); j += j & -j {
		s.sum[j] += de
		s.cnt[j] += dc
	}
}

// set records unit i's measured extent.
func (s *extents) set(i int, e float64) {
	if s.fixed > 0 || i < 0 || i >= s.n {
		return
	}
	if old := s.ext[i]; old >= 0 {
		s.add(i, e-float64(old), 0)
	} else {
		s.add(i, e, 1)
	}
	s.ext[i] = float32(e)
}

// forget marks unit i unmeasured again (its content changed while it was
// not built, so the old measurement is stale).
func (s *extents) forget(i int) {
	if s.fixed > 0 || i < 0 || i >= s.n || s.ext[i] < 0 {
		return
	}
	s.add(i, -float64(s.ext[i]), -1)
	s.ext[i] = -1
}

// measured reports whether unit i has a measurement.
func (s *extents) measured(i int) bool {
	return s.fixed > 0 || (i >= 0 && i < s.n && s.ext[i] >= 0)
}

// extent returns unit i's measured or estimated extent.
func (s *extents) extent(i int) float64 {
	if s.fixed > 0 {
		return s.fixed
	}
	if e := s.ext[i]; e >= 0 {
		return float64(e)
	}
	return s.estimate()
}

// offset returns the start of unit i (the sum of the extents before it);
// offset(n) is the total.
func (s *extents) offset(i int) float64 {
	if i <= 0 {
		return 0
	}
	if i > s.n {
		i = s.n
	}
	if s.fixed > 0 {
		return float64(i) * s.fixed
	}
	est := s.estimate()
	c := i >> chunkShift
	var sum float64
	var cnt int32
	for j := c; j > 0; j -= j & -j {
		sum += s.sum[j]
		cnt += s.cnt[j]
	}
	y := sum + float64(c<<chunkShift-int(cnt))*est
	for k := c << chunkShift; k < i; k++ {
		if e := s.ext[k]; e >= 0 {
			y += float64(e)
		} else {
			y += est
		}
	}
	return y
}

// total returns the extent of all units.
func (s *extents) totalExtent() float64 {
	if s.fixed > 0 {
		return float64(s.n) * s.fixed
	}
	return s.total + float64(s.n-s.nmeas)*s.estimate()
}

// indexAt returns the unit containing main-axis position y: the largest i
// with offset(i) ≤ y, clamped to [0, n-1]. A Fenwick descent over chunks
// (the combined measured+estimated prefix is monotone) then a scan inside
// one chunk.
func (s *extents) indexAt(y float64) int {
	if s.n == 0 || y <= 0 {
		return 0
	}
	if s.fixed > 0 {
		return min(int(y/s.fixed), s.n-1)
	}
	est := s.estimate()
	nc := len(s.sum) - 1
	pos := 0 // chunks taken
	var acc float64
	for step := 1 << (bitsLen(nc) - 1); step > 0; step >>= 1 {
		j := pos + step
		if j > nc {
			continue
		}
		units := min(j<<chunkShift, s.n) - pos<<chunkShift
		a := acc + s.sum[j] + float64(units-int(s.cnt[j]))*est
		// Only whole chunks are skipped: the last chunk may be partial
		// and is scanned below.
		if a <= y && j<<chunkShift <= s.n {
			pos, acc = j, a
		}
	}
	i := pos << chunkShift
	for ; i < s.n; i++ {
		e := est
		if m := s.ext[i]; m >= 0 {
			e = float64(m)
		}
		if acc+e > y {
			return i
		}
		acc += e
	}
	return s.n - 1
}

func bitsLen(x int) int {
	n := 0
	for x > 0 {
		n++
		x >>= 1
	}
	return max(n, 1)
}

// approxEq compares positions with a tolerance far below a device pixel.
func approxEq(a, b float64) bool { return math.Abs(a-b) < 1e-6 }
