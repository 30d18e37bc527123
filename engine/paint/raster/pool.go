package raster

import "image"

// pool keeps layer images and byte/float buffers between uses so that a
// steady-state frame allocates nothing. It belongs to one Canvas (a Canvas
// is not safe for concurrent use), so it needs no locking; a sync.Pool would
// drop buffers at every GC and allocate again.
type pool struct {
	images []*image.RGBA
	bytes  [][]uint8
	floats [][]float32
	int32s [][]int32
}

// getImage returns a cleared premultiplied image with bounds r.
func (p *pool) getImage(r image.Rectangle) *image.RGBA {
	n := 4 * r.Dx() * r.Dy()
	img := takeFit(&p.images, n, func(m *image.RGBA) int { return cap(m.Pix) })
	if img == nil {
		img = &image.RGBA{Pix: make([]uint8, n)}
	}
	img.Pix = img.Pix[:n]
	clear(img.Pix)
	img.Stride = 4 * r.Dx()
	img.Rect = r
	return img
}

func (p *pool) putImage(m *image.RGBA) { p.images = append(p.images, m) }

// getBytes returns a zeroed byte buffer of length n.
func (p *pool) getBytes(n int) []uint8 {
	b := takeFit(&p.bytes, n, func(b []uint8) int { return cap(b) })
	if b == nil {
		return make([]uint8, n)
	}
	b = b[:n]
	clear(b)
	return b
}

func (p *pool) putBytes(b []uint8) {
	if b != nil {
		p.bytes = append(p.bytes, b)
	}
}

// getFloats returns a float buffer of length n with unspecified contents.
func (p *pool) getFloats(n int) []float32 {
	b := takeFit(&p.floats, n, func(b []float32) int { return cap(b) })
	if b == nil {
		return make([]float32, n)
	}
	return b[:n]
}

func (p *pool) putFloats(b []float32) { p.floats = append(p.floats, b) }

func (p *pool) getInt32s(n int) []int32 {
	b := takeFit(&p.int32s, n, func(b []int32) int { return cap(b) })
	if b == nil {
		return make([]int32, n)
	}
	return b[:n]
}

func (p *pool) putInt32s(b []int32) {
	if b != nil {
		p.int32s = append(p.int32s, b)
	}
}

// takeFit removes and returns the smallest pooled item whose capacity is at
// least n (best fit keeps big layer buffers for big layers), or the zero
// value when none fits.
func takeFit[T any](list *[]T, n int, capOf func(T) int) T {
	best := -1
	for i, v := range *list {
		if c := capOf(v); c >= n && (best < 0 || c < capOf((*list)[best])) {
			best = i
		}
	}
	var zero T
	if best < 0 {
		return zero
	}
	l := *list
	v := l[best]
	l[best] = l[len(l)-1]
	l[len(l)-1] = zero
	*list = l[:len(l)-1]
	return v
}
