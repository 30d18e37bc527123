package main

// The test shim: C functions that call the exported functions as a C host
// does, so capi_test.go (Go test files cannot use cgo themselves) tests
// them through cgo both ways. Nothing here is exported from the library.

/*
#include <stdint.h>
#include <stdlib.h>

// The exported functions, as libskyline.h declares them.
extern int64_t sky_open(char *options);
extern int sky_set_data(int64_t h, char *patch);
extern int sky_touch(int64_t h, int phase, int id, double x, double y, double t);
extern int sky_tap(int64_t h, double x, double y, double t);
extern int sky_wheel(int64_t h, double x, double y, double dx, double dy);
extern int sky_advance(int64_t h, double ms);
extern int sky_frame_size(int64_t h, int *w, int *hgt);
extern int sky_render(int64_t h, uint8_t *rgba, int w, int hgt, int stride, int *dirty);
extern char *sky_layout_dump(int64_t h);
extern char *sky_drain_events(int64_t h);
extern char *sky_last_error(int64_t h);
extern int sky_close(int64_t h);
extern int sky_answer_modal(int64_t h, int confirm);
extern int sky_resize(int64_t h, double w, double hh, double dpr);

static int64_t shim_open(const char *o) { return sky_open((char *)o); }
static int shim_set_data(int64_t h, const char *p) { return sky_set_data(h, (char *)p); }
static int shim_tap(int64_t h, double x, double y, double t) { return sky_tap(h, x, y, t); }
static int shim_touch(int64_t h, int ph, int id, double x, double y, double t) { return sky_touch(h, ph, id, x, y, t); }
static int shim_wheel(int64_t h, double x, double y, double dx, double dy) { return sky_wheel(h, x, y, dx, dy); }
static int shim_advance(int64_t h, double ms) { return sky_advance(h, ms); }
static int shim_frame_size(int64_t h, int *w, int *hh) { return sky_frame_size(h, w, hh); }
static int shim_close(int64_t h) { return sky_close(h); }
static int shim_answer_modal(int64_t h, int c) { return sky_answer_modal(h, c); }
static int shim_resize(int64_t h, double w, double hh, double dpr) { return sky_resize(h, w, hh, dpr); }

// shim_render renders into a C buffer with a padded stride and copies the
// packed pixels out, as a host uploading a texture would.
static int shim_render(int64_t h, int w, int hh, int pad, unsigned char *out, int *dirty) {
	int stride = 4 * w + pad;
	unsigned char *buf = malloc((size_t)stride * hh);
	if (!buf) return -100;
	int rc = sky_render(h, buf, w, hh, stride, dirty);
	if (rc == 0) {
		for (int y = 0; y < hh; y++) {
			for (int i = 0; i < 4 * w; i++) out[y * 4 * w + i] = buf[y * stride + i];
		}
	}
	free(buf);
	return rc;
}

// shim_string calls one of the string functions and copies the result
// into a Go-owned buffer through a second call shape: which 0 = layout
// dump, 1 = drain events, 2 = last error.
static char *shim_string(int64_t h, int which) {
	switch (which) {
	case 0: return sky_layout_dump(h);
	case 1: return sky_drain_events(h);
	default: return sky_last_error(h);
	}
}
*/
import "C"

import "unsafe"

func cOpen(o string) int64 {
	cs := C.CString(o)
	defer C.free(unsafe.Pointer(cs))
	return int64(C.shim_open(cs))
}

func cSetData(h int64, p string) int {
	cs := C.CString(p)
	defer C.free(unsafe.Pointer(cs))
	return int(C.shim_set_data(C.int64_t(h), cs))
}

func cTap(h int64, x, y, t float64) int {
	return int(C.shim_tap(C.int64_t(h), C.double(x), C.double(y), C.double(t)))
}

func cTouch(h int64, phase, id int, x, y, t float64) int {
	return int(C.shim_touch(C.int64_t(h), C.int(phase), C.int(id), C.double(x), C.double(y), C.double(t)))
}

func cWheel(h int64, x, y, dx, dy float64) int {
	return int(C.shim_wheel(C.int64_t(h), C.double(x), C.double(y), C.double(dx), C.double(dy)))
}

func cAdvance(h int64, ms float64) int { return int(C.shim_advance(C.int64_t(h), C.double(ms))) }

func cFrameSize(h int64) (w, hh, rc int) {
	var cw, ch C.int
	rc = int(C.shim_frame_size(C.int64_t(h), &cw, &ch))
	return int(cw), int(ch), rc
}

func cClose(h int64) int { return int(C.shim_close(C.int64_t(h))) }

func cResize(h int64, w, hh, dpr float64) int {
	return int(C.shim_resize(C.int64_t(h), C.double(w), C.double(hh), C.double(dpr)))
}

func cAnswerModal(h int64, confirm bool) int {
	c := 0
	if confirm {
		c = 1
	}
	return int(C.shim_answer_modal(C.int64_t(h), C.int(c)))
}

// cRender returns the packed RGBA frame and the dirty rect.
func cRender(h int64, w, hh, pad int) ([]byte, [4]int, int) {
	out := C.malloc(C.size_t(4 * w * hh))
	defer C.free(out)
	var d [4]C.int
	rc := int(C.shim_render(C.int64_t(h), C.int(w), C.int(hh), C.int(pad), (*C.uchar)(out), &d[0]))
	if rc != 0 {
		return nil, [4]int{}, rc
	}
	return C.GoBytes(out, C.int(4*w*hh)), [4]int{int(d[0]), int(d[1]), int(d[2]), int(d[3])}, 0
}

// cString returns one of the string results (nil for NULL) and frees it
// through sky_free_string.
func cString(h int64, which int) *string {
	p := C.shim_string(C.int64_t(h), C.int(which))
	if p == nil {
		return nil
	}
	s := C.GoString(p)
	sky_free_string(p)
	return &s
}
