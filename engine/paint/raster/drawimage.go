package raster

import "image"

// DrawImage composites img, a premultiplied buffer the caller keeps (a
// cached layer of a scroll unit), src-over at img.Rect (device px) with
// opacity (0..1), pixel for pixel — no resampling, so moving a layer by
// whole pixels (its Rect) reproduces what drawing its content there would
// have produced — under the active clip.
//
// opaque, when not nil, holds OpaqueRuns(img): per row the run of fully
// opaque pixels, which are copied instead of blended (a unit with an
// opaque background is then a memmove per row).
func (c *Canvas) DrawImage(img *image.RGBA, opaque []int32, opacity float32) {
	if img == nil || img.Rect.Empty() {
		return
	}
	k := covByte(opacity)
	if k == 0 {
		return
	}
	cl := c.clip()
	if c.reference || k < 255 || cl.mask != nil || len(opaque) != 2*img.Rect.Dy() {
		c.compositeLayer(img, k)
		return
	}
	b := img.Rect.Intersect(cl.bounds).Intersect(c.dst.Rect)
	if b.Empty() {
		return
	}
	w := b.Dx()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		si, di := img.PixOffset(b.Min.X, y), c.dst.PixOffset(b.Min.X, y)
		src, dst := img.Pix[si:si+4*w], c.dst.Pix[di:di+4*w]
		r := 2 * (y - img.Rect.Min.Y)
		lo := max(0, int(opaque[r])+img.Rect.Min.X-b.Min.X)
		hi := min(w, int(opaque[r+1])+img.Rect.Min.X-b.Min.X)
		if lo >= hi {
			overSpanShaded(dst, src, nil, 255)
			continue
		}
		if lo > 0 {
			overSpanShaded(dst[:4*lo], src[:4*lo], nil, 255)
		}
		copy(dst[4*lo:4*hi], src[4*lo:4*hi])
		if hi < w {
			overSpanShaded(dst[4*hi:], src[4*hi:], nil, 255)
		}
	}
}

// OpaqueRuns fills runs (reused when large enough) with two values per row
// of img: the longest [lo, hi) run of pixels with alpha 255, as columns
// relative to img.Rect.Min.X (lo = hi when none).
func OpaqueRuns(img *image.RGBA, runs []int32) []int32 {
	n := 2 * img.Rect.Dy()
	if cap(runs) < n {
		runs = make([]int32, n)
	}
	runs = runs[:n]
	w := img.Rect.Dx()
	for y := range img.Rect.Dy() {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		bestLo, bestHi, start := 0, 0, -1
		for x := range w {
			if row[4*x+3] == 255 {
				if start < 0 {
					start = x
				}
				if x+1-start > bestHi-bestLo {
					bestLo, bestHi = start, x+1
				}
			} else {
				start = -1
			}
		}
		runs[2*y], runs[2*y+1] = int32(bestLo), int32(bestHi)
	}
	return runs
}
