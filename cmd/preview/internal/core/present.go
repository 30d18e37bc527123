package core

import (
	"bytes"
	"image"
)

// PixelSink is where a finished frame goes: an ebiten.Image on screen, a
// recorder in tests.
type PixelSink interface {
	WritePixels(pix []byte)
}

// FrameSync double-buffers frames so that a frame identical to the one on
// screen is never uploaded again: the engine paints into back, and only when
// back differs from front do the buffers swap and the pixels go to the GPU.
// Comparing two buffers is one memcmp, far cheaper than a texture upload of
// the same size, and keeping the previous frame needs no copy.
type FrameSync struct {
	front, back *image.RGBA
	// has says front holds an uploaded frame.
	has bool
	// Uploads counts WritePixels calls: the measure of "upload only when
	// the picture changed", which the tests check.
	Uploads int
}

// BackBuffer returns the buffer to paint the next frame into, w×h device
// pixels, cleared to transparent (it holds an older frame otherwise, and a
// painter need not cover every pixel). A size change drops both buffers, so
// the next Present uploads.
func (f *FrameSync) BackBuffer(w, h int) *image.RGBA {
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

// Present uploads the back buffer to sink when it differs from the frame on
// screen, and reports whether it did. It must follow a paint into the buffer
// BackBuffer returned.
func (f *FrameSync) Present(sink PixelSink) bool {
	if f.has && bytes.Equal(f.back.Pix, f.front.Pix) {
		return false
	}
	f.front, f.back = f.back, f.front
	f.has = true
	sink.WritePixels(f.front.Pix)
	f.Uploads++
	return true
}

// Current is the frame on screen, nil before the first Present.
func (f *FrameSync) Current() *image.RGBA {
	if !f.has {
		return nil
	}
	return f.front
}
