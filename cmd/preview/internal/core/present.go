package main

import (
	"bytes"
	"image"
)

// pixelSink is where a finished frame goes: an ebiten.Image on screen, a
// recorder in tests.
type pixelSink interface {
	WritePixels(pix []byte)
}

// frameSync double-buffers frames so that a frame identical to the one on
// screen is never uploaded again: the engine paints into back, and only when
// back differs from front do the buffers swap and the pixels go to the GPU.
// Comparing two buffers is one memcmp, far cheaper than a texture upload of
// the same size, and keeping the previous frame needs no copy.
type frameSync struct {
	front, back *image.RGBA
	// has says front holds an uploaded frame.
	has bool
	// uploads counts WritePixels calls, for tests and the -stats line.
	uploads int
}

// backBuffer returns the buffer to paint the next frame into, w×h device
// pixels, cleared to transparent (it holds an older frame otherwise, and a
// painter need not cover every pixel). A size change drops both buffers, so
// the next present uploads.
func (f *frameSync) backBuffer(w, h int) *image.RGBA {
	r := image.Rect(0, 0, w, h)
	if f.back == nil || f.back.Rect != r {
		f.back = image.NewRGBA(r)
		f.front = image.NewRGBA(r)
		f.has = false
		return f.back
	}
	clear(f.back.Pix)
	return f.back
}

// present uploads the back buffer to sink when it differs from the frame on
// screen, and reports whether it did. It must follow a paint into the buffer
// backBuffer returned.
func (f *frameSync) present(sink pixelSink) bool {
	if f.has && bytes.Equal(f.back.Pix, f.front.Pix) {
		return false
	}
	f.front, f.back = f.back, f.front
	f.has = true
	sink.WritePixels(f.front.Pix)
	f.uploads++
	return true
}

// current is the frame on screen, nil before the first present.
func (f *frameSync) current() *image.RGBA {
	if !f.has {
		return nil
	}
	return f.front
}
