package raster

import "math"

// Gaussian blur as three successive box blurs (spec §2.1 blur(); CSS Filter
// Effects 1 §12 says blur(r) is a Gaussian with standard deviation σ = r…
// and box-shadow's blur radius is 2σ, CSS Backgrounds 3 §7.1.1). The box
// sizes follow SVG 1.1 feGaussianBlur: d = ⌊σ·3·√(2π)/4 + 0.5⌋; odd d → three
// centred boxes of d; even d → two boxes of d offset by half a pixel either
// way and one centred box of d+1.

// boxWindows returns the three passes' (left, right) reach in pixels.
func boxWindows(sigma float32) (w [3][2]int, ok bool) {
	d := int(math.Floor(float64(sigma)*3*math.Sqrt(2*math.Pi)/4 + 0.5))
	if d < 1 {
		return w, false
	}
	if d%2 == 1 {
		h := (d - 1) / 2
		return [3][2]int{{h, h}, {h, h}, {h, h}}, true
	}
	return [3][2]int{{d / 2, d/2 - 1}, {d/2 - 1, d / 2}, {d / 2, d / 2}}, true
}

// blurExtent is how far a blur of sigma spreads content, in whole pixels.
func blurExtent(sigma float32) int {
	w, ok := boxWindows(sigma)
	if !ok {
		return 0
	}
	return w[0][1] + w[1][1] + w[2][1] + 1
}

// boxPass writes into dst[i·step] the mean of src over [i−l, i+r] (zero
// outside [0, n)), by a running sum: O(n) whatever the window.
func boxPass(dst, src []float32, n, step, l, r int) {
	inv := 1 / float32(l+r+1)
	var sum float32
	for i := 0; i < min(r, n); i++ {
		sum += src[i*step]
	}
	for i := 0; i < n; i++ {
		if j := i + r; j < n {
			sum += src[j*step]
		}
		if j := i - l - 1; j >= 0 {
			sum -= src[j*step]
		}
		dst[i*step] = sum * inv
	}
}

// blurPad is the margin each line is padded with so that no pass truncates
// what an earlier pass spread beyond the buffer (the passes must compose to
// the single convolution refBlurPlanes computes).
func blurPad(sigma float32) int {
	win, ok := boxWindows(sigma)
	if !ok {
		return 0
	}
	return win[0][0] + win[1][0] + win[2][0] + 1
}

// blurTmpLen is the scratch blurPlanes needs for a w×h buffer.
func blurTmpLen(w, h int, sigma float32) int { return 2 * (max(w, h) + 2*blurPad(sigma)) }

// blurPlanes blurs an interleaved float image of ch channels in place,
// horizontally then vertically, using tmp (blurTmpLen floats). Outside the
// buffer counts as transparent.
func blurPlanes(buf []float32, w, h, ch int, sigma float32, tmp []float32) {
	win, ok := boxWindows(sigma)
	if !ok {
		return
	}
	pad := blurPad(sigma)
	line := func(start, n, step int) {
		m := n + 2*pad
		a, b := tmp[:m], tmp[m:2*m]
		for c := 0; c < ch; c++ {
			clear(a[:pad])
			clear(a[pad+n:])
			for i := 0; i < n; i++ {
				a[pad+i] = buf[start+c+i*step]
			}
			boxPass(b, a, m, 1, win[0][0], win[0][1])
			boxPass(a, b, m, 1, win[1][0], win[1][1])
			boxPass(b, a, m, 1, win[2][0], win[2][1])
			for i := 0; i < n; i++ {
				buf[start+c+i*step] = b[pad+i]
			}
		}
	}
	for y := 0; y < h; y++ {
		line(y*w*ch, w, ch)
	}
	for x := 0; x < w; x++ {
		line(x*ch, h, w*ch)
	}
}

// blurKernel is the reference: the three boxes convolved into one kernel,
// indexed from −reach.
func blurKernel(sigma float32) (k []float64, reach int) {
	win, ok := boxWindows(sigma)
	if !ok {
		return []float64{1}, 0
	}
	k = []float64{1}
	for _, p := range win {
		n := p[0] + p[1] + 1
		out := make([]float64, len(k)+n-1)
		for i, v := range k {
			for j := 0; j < n; j++ {
				out[i+j] += v / float64(n)
			}
		}
		k = out
		reach += p[0]
	}
	return k, reach
}

// refBlurPlanes blurs by direct convolution with blurKernel, in float64.
func refBlurPlanes(buf []float32, w, h, ch int, sigma float32) {
	k, reach := blurKernel(sigma)
	tmp := make([]float64, len(buf))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			for c := 0; c < ch; c++ {
				var s float64
				for i, kv := range k {
					if xx := x - reach + i; xx >= 0 && xx < w {
						s += kv * float64(buf[(y*w+xx)*ch+c])
					}
				}
				tmp[(y*w+x)*ch+c] = s
			}
		}
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			for c := 0; c < ch; c++ {
				var s float64
				for i, kv := range k {
					if yy := y - reach + i; yy >= 0 && yy < h {
						s += kv * tmp[(yy*w+x)*ch+c]
					}
				}
				buf[(y*w+x)*ch+c] = float32(s)
			}
		}
	}
}
