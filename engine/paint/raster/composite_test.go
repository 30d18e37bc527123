package raster

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// refOverExact is round(s·k/255 + d·(1 − αs·k/255²)) in float64, per channel.
func refOverExact(d, s, k uint32) uint32 {
	var out uint32
	for sh := 0; sh < 32; sh += 8 {
		sc, dc := float64(s>>sh&0xff), float64(d>>sh&0xff)
		v := sc*float64(k)/255 + dc*(1-float64(s>>24)*float64(k)/65025)
		out |= uint32(v+0.5) << sh
	}
	return out
}

// TestScaleExhaustive checks the SWAR exact-rounding division for every
// channel value and every factor.
func TestScaleExhaustive(t *testing.T) {
	for k := uint32(0); k < 256; k++ {
		for d := uint32(0); d < 256; d++ {
			p := d | (255-d)<<8 | d<<16 | (d^0x5a)<<24
			got := scale32(p, k)
			for sh, v := range [4]uint32{d, 255 - d, d, d ^ 0x5a} {
				w := uint32(float64(v*k)/255 + 0.5)
				if g := got >> (8 * sh) & 0xff; g != w {
					t.Fatalf("scale32 ch%d d=%d k=%d: got %d want %d", sh, v, k, g, w)
				}
			}
			if g := scale64(uint64(p)|uint64(p)<<32, uint64(k)); uint32(g) != got || uint32(g>>32) != got {
				t.Fatalf("scale64 disagrees with scale32 at d=%d k=%d", d, k)
			}
		}
	}
}

// TestOverKernelsExhaustive runs src-over with every source alpha, every
// valid premultiplied channel and every destination channel through the
// full-coverage and partial-coverage kernels and compares with float64.
func TestOverKernelsExhaustive(t *testing.T) {
	for sa := uint32(0); sa < 256; sa++ {
		for sc := uint32(0); sc <= sa; sc += 3 {
			s := sc | sc<<8 | (sa-sc)<<16 | sa<<24
			for dc := uint32(0); dc < 256; dc++ {
				d := dc | (255-dc)<<8 | dc<<16 | dc<<24
				if got, want := over1(d, s), refOverExact(d, s, 255); got != want {
					t.Fatalf("over1(d=%08x, s=%08x) = %08x, want %08x", d, s, got, want)
				}
				for _, k := range [...]uint32{1, 77, 128, 254} {
					if got, want := overCov(d, s, k), refOverExact(d, s, k); !within(got, want, 1) {
						t.Fatalf("overCov(d=%08x, s=%08x, %d) = %08x, want %08x", d, s, k, got, want)
					}
				}
			}
		}
	}
}

// forEachSpanKernel runs f once with the portable kernels and once with the
// vector kernels where this machine and build have them (spanSIMD), so every
// check below covers both. exact is true for the vector run: its src-over is
// exactly rounded, not merely within one step.
func forEachSpanKernel(t *testing.T, f func(t *testing.T, exact bool)) {
	saved := spanSIMD
	defer func() { spanSIMD = saved }()
	for _, simd := range []bool{false, true} {
		name := "go"
		if simd {
			name = "simd"
			if !spanSIMDAvailable {
				t.Log("no vector span kernel on this machine or build; portable kernel only")
				continue
			}
		}
		spanSIMD = simd
		t.Run(name, func(t *testing.T) { f(t, simd) })
	}
}

// TestSpanKernels runs each span kernel over random rows of odd lengths
// (1 to 7 pixels exercise the scalar loops and their tails, 8 to 71 the
// vector kernel's one- and two-block steps plus a tail) against the
// per-pixel reference.
func TestSpanKernels(t *testing.T) { forEachSpanKernel(t, testSpanKernels) }

func testSpanKernels(t *testing.T, _ bool) {
	rng := rand.New(rand.NewPCG(1, 2))
	randPremul := func() premul {
		c := Color{uint8(rng.UintN(256)), uint8(rng.UintN(256)), uint8(rng.UintN(256)), uint8(rng.UintN(256))}
		switch rng.UintN(4) {
		case 0:
			c.A = 255
		case 1:
			c.A = 0
		}
		return c.premul()
	}
	for _, n := range []int{1, 2, 3, 4, 7, 8, 9, 17, 24, 64, 71} {
		for iter := 0; iter < 200; iter++ {
			row := make([]uint8, 4*n)
			for i := 0; i < n; i++ {
				binary.LittleEndian.PutUint32(row[4*i:], uint32(randPremul()))
			}
			p := randPremul()
			cov := make([]uint8, n)
			src := make([]uint8, 4*n)
			for i := range cov {
				cov[i] = []uint8{0, 255, uint8(rng.UintN(256))}[rng.UintN(3)]
				binary.LittleEndian.PutUint32(src[4*i:], uint32(randPremul()))
			}
			k := uint32(rng.UintN(256))
			type kernel struct {
				name string
				run  func(r []uint8)
				ref  func(d uint32, i int) uint32
			}
			ks := []kernel{
				{"overSpan", func(r []uint8) { overSpan(r, p) }, func(d uint32, i int) uint32 { return refOverExact(d, uint32(p), 255) }},
				{"overSpanConst", func(r []uint8) { overSpanConst(r, p, k) }, func(d uint32, i int) uint32 { return refOverExact(d, uint32(p), k) }},
				{"overSpanMask", func(r []uint8) { overSpanMask(r, p, cov) }, func(d uint32, i int) uint32 { return refOverExact(d, uint32(p), uint32(cov[i])) }},
				{"overSpanShaded/cov", func(r []uint8) { overSpanShaded(r, src, cov, 0) }, func(d uint32, i int) uint32 {
					return refOverExact(d, binary.LittleEndian.Uint32(src[4*i:]), uint32(cov[i]))
				}},
				{"overSpanShaded/const", func(r []uint8) { overSpanShaded(r, src, nil, k) }, func(d uint32, i int) uint32 {
					return refOverExact(d, binary.LittleEndian.Uint32(src[4*i:]), k)
				}},
				{"overSpanShaded/full", func(r []uint8) { overSpanShaded(r, src, nil, 255) }, func(d uint32, i int) uint32 {
					return refOverExact(d, binary.LittleEndian.Uint32(src[4*i:]), 255)
				}},
			}
			if p.a() == 255 {
				ks = append(ks, kernel{"fillSpan", func(r []uint8) { fillSpan(r, p) }, func(uint32, int) uint32 { return uint32(p) }})
			}
			for _, kr := range ks {
				got := append([]uint8(nil), row...)
				kr.run(got)
				for i := 0; i < n; i++ {
					want := kr.ref(binary.LittleEndian.Uint32(row[4*i:]), i)
					if g := binary.LittleEndian.Uint32(got[4*i:]); !within(g, want, 1) {
						t.Fatalf("%s n=%d px %d: got %08x want %08x", kr.name, n, i, g, want)
					}
				}
			}
		}
	}
}

// TestOverSpanExhaustive checks the approximate-scale src-over span for
// every source alpha, every valid source channel and every destination
// channel: within one step of float64 Porter-Duff for the portable kernel,
// exactly equal for the vector kernel.
func TestOverSpanExhaustive(t *testing.T) { forEachSpanKernel(t, testOverSpanExhaustive) }

func testOverSpanExhaustive(t *testing.T, exact bool) {
	tol := 1
	if exact {
		tol = 0
	}
	row := make([]uint8, 4*256)
	for sa := uint32(0); sa < 256; sa++ {
		for sc := uint32(0); sc <= sa; sc++ {
			s := sc | (sa-sc)<<8 | sc/2<<16 | sa<<24
			for d := 0; d < 256; d++ {
				row[4*d], row[4*d+1], row[4*d+2], row[4*d+3] = uint8(d), uint8(255-d), uint8(d), uint8(d)
			}
			overSpan(row, premul(s))
			for d := uint32(0); d < 256; d++ {
				got := binary.LittleEndian.Uint32(row[4*d:])
				if want := refOverExact(d|(255-d)<<8|d<<16|d<<24, s, 255); !within(got, want, tol) {
					t.Fatalf("overSpan s=%08x d=%d: got %08x want %08x", s, d, got, want)
				}
			}
		}
	}
}

// TestLerpSpanMaskExhaustive checks the opaque-colour mask kernel against
// overCov (the single-rounding definition) bit for bit, for every source
// channel, destination channel and coverage.
func TestLerpSpanMaskExhaustive(t *testing.T) {
	row := make([]uint8, 4*256)
	cov := make([]uint8, 256)
	for c := range cov {
		cov[c] = uint8(c)
	}
	for sc := uint32(0); sc < 256; sc++ {
		s := sc | (255-sc)<<8 | (sc^0x5a)<<16 | 255<<24
		for dc := uint32(0); dc < 256; dc++ {
			d := dc | (dc^0xa5)<<8 | (255-dc)<<16 | (dc*7&0xff)<<24
			for c := range cov {
				binary.LittleEndian.PutUint32(row[4*c:], d)
			}
			lerpSpanMask(row, premul(s), cov)
			for c := uint32(0); c < 256; c++ {
				want := d
				if c > 0 {
					want = overCov(d, s, c)
				}
				if got := binary.LittleEndian.Uint32(row[4*c:]); got != want {
					t.Fatalf("lerpSpanMask(d=%08x, s=%08x, c=%d) = %08x, want %08x", d, s, c, got, want)
				}
			}
		}
	}
}
