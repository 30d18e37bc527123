package main

/*
#include <stdint.h>
#include <stdlib.h>

// Error codes: functions return -code (host.Code's numbers).
enum {
	SKY_OK = 0,
	SKY_ERR_BAD_REQUEST = 1,
	SKY_ERR_UNKNOWN_OP = 2,
	SKY_ERR_NO_SESSION = 3,
	SKY_ERR_LOAD = 4,
	SKY_ERR_DATA = 5,
	SKY_ERR_BUFFER_SIZE = 6,
	SKY_ERR_PANIC = 7,
	SKY_ERR_IO = 8,
	SKY_ERR_CLOSED = 9
};

// Touch phases of sky_touch.
enum {
	SKY_TOUCH_START = 0,
	SKY_TOUCH_MOVE = 1,
	SKY_TOUCH_END = 2,
	SKY_TOUCH_CANCEL = 3
};
*/
import "C"

import (
	"sync"
	"unsafe"

	"github.com/skyline-go/skyline/host"
)

func main() {}

// handle is one open session and its last error.
type handle struct {
	s       *host.Session
	mu      sync.Mutex // guards lastErr
	lastErr string
}

var (
	mu      sync.Mutex
	handles = map[int64]*handle{}
	next    int64
	global  = &handle{} // handle 0: sky_open's and unknown handles' errors
)

func lookup(h C.int64_t) *handle {
	mu.Lock()
	defer mu.Unlock()
	return handles[int64(h)]
}

// fail records err on x and returns -code.
func fail(x *handle, err error) C.int {
	if x == nil {
		x = global
	}
	x.mu.Lock()
	x.lastErr = err.Error()
	x.mu.Unlock()
	return -C.int(host.CodeOf(err))
}

// with runs f on handle h's session, or fails with SKY_ERR_NO_SESSION.
func with(h C.int64_t, op string, f func(s *host.Session) (int, error)) C.int {
	x := lookup(h)
	if x == nil {
		return fail(nil, host.Errorf(host.CodeNoSession, "%s: no handle %d", op, int64(h)))
	}
	n, err := f(x.s)
	if err != nil {
		return fail(x, err)
	}
	return C.int(n)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// sky_open opens a page. options is JSON: {"page": "path/to/page",
// "width": 375, "height": 667, "dpr": 2, "dark": false, "data": {...},
// "logic": "auto"|"js"|"host", "device": {...}, "query": {...}}. It returns a
// handle (> 0) or -code.
//
//export sky_open
func sky_open(options *C.char) C.int64_t {
	if options == nil {
		return C.int64_t(fail(nil, host.Errorf(host.CodeBadRequest, "sky_open: options is NULL")))
	}
	o, err := decodeOptions(C.GoString(options))
	if err != nil {
		return C.int64_t(fail(nil, err))
	}
	s, err := host.Open(o)
	if err != nil {
		return C.int64_t(fail(nil, err))
	}
	mu.Lock()
	next++
	h := next
	handles[h] = &handle{s: s}
	mu.Unlock()
	return C.int64_t(h)
}

// sky_set_data applies a setData patch (a JSON object keyed by data paths).
//
//export sky_set_data
func sky_set_data(h C.int64_t, patch *C.char) C.int {
	return with(h, "sky_set_data", func(s *host.Session) (int, error) {
		return 0, s.SetData([]byte(goString(patch)))
	})
}

// sky_set_component_data applies a patch to component instance id (the
// ids of the "instance" events).
//
//export sky_set_component_data
func sky_set_component_data(h C.int64_t, instance C.uint64_t, patch *C.char) C.int {
	return with(h, "sky_set_component_data", func(s *host.Session) (int, error) {
		return 0, s.SetComponentData(uint64(instance), []byte(goString(patch)))
	})
}

var phases = [...]host.Phase{host.TouchStart, host.TouchMove, host.TouchEnd, host.TouchCancel}

// sky_touch sends one touch (SKY_TOUCH_*) of finger id at page point (x, y)
// CSS px at time t ms since open (negative: now; ahead of the clock: the
// clock advances to it first). It returns 1 when the page took the touch.
//
//export sky_touch
func sky_touch(h C.int64_t, phase C.int, id C.int, x, y, t C.double) C.int {
	return with(h, "sky_touch", func(s *host.Session) (int, error) {
		if phase < 0 || int(phase) >= len(phases) {
			return 0, host.Errorf(host.CodeBadRequest, "sky_touch: phase %d: want SKY_TOUCH_START..SKY_TOUCH_CANCEL", int(phase))
		}
		took, err := s.Touch(phases[phase], int(id), float64(x), float64(y), float64(t))
		return b2i(took), err
	})
}

// sky_tap is a whole tap at (x, y) at time t; 1 when the page took it.
//
//export sky_tap
func sky_tap(h C.int64_t, x, y, t C.double) C.int {
	return with(h, "sky_tap", func(s *host.Session) (int, error) {
		took, err := s.Tap(float64(x), float64(y), float64(t))
		return b2i(took), err
	})
}

// sky_wheel scrolls the scroll-view under (x, y) by (dx, dy) CSS px; 1 when
// one took it.
//
//export sky_wheel
func sky_wheel(h C.int64_t, x, y, dx, dy C.double) C.int {
	return with(h, "sky_wheel", func(s *host.Session) (int, error) {
		took, err := s.Wheel(float64(x), float64(y), float64(dx), float64(dy))
		return b2i(took), err
	})
}

// sky_text types UTF-8 text into the focused input or textarea; 1 when its
// value changed.
//
//export sky_text
func sky_text(h C.int64_t, text *C.char) C.int {
	t := C.GoString(text)
	return with(h, "sky_text", func(s *host.Session) (int, error) {
		changed, err := s.Text(t)
		return b2i(changed), err
	})
}

// sky_key presses "Backspace", "Enter" or "Escape" on the focused input or
// textarea; 1 when it did something.
//
//export sky_key
func sky_key(h C.int64_t, key *C.char) C.int {
	k := C.GoString(key)
	return with(h, "sky_key", func(s *host.Session) (int, error) {
		did, err := s.Key(k)
		return b2i(did), err
	})
}

// sky_advance moves the session clock on by ms; 1 when something changed
// or still moves (render again).
//
//export sky_advance
func sky_advance(h C.int64_t, ms C.double) C.int {
	return with(h, "sky_advance", func(s *host.Session) (int, error) {
		changed, err := s.Advance(float64(ms))
		return b2i(changed), err
	})
}

// sky_answer_modal closes a wx.showModal dialog (a "modal" event) with its
// confirm (1) or cancel (0) button; its callback runs before this returns.
//
//export sky_answer_modal
func sky_answer_modal(h C.int64_t, confirm C.int) C.int {
	return with(h, "sky_answer_modal", func(s *host.Session) (int, error) {
		return 0, s.AnswerModal(confirm != 0)
	})
}

// sky_resize changes the window: width and height CSS px and dpr (0 keeps
// a value); sky_frame_size then gives the new frame size.
//
//export sky_resize
func sky_resize(h C.int64_t, width, height, dpr C.double) C.int {
	return with(h, "sky_resize", func(s *host.Session) (int, error) {
		return 0, s.Resize(float64(width), float64(height), float64(dpr))
	})
}

// sky_frame_size stores the frame's size in device pixels (window × DPR).
//
//export sky_frame_size
func sky_frame_size(h C.int64_t, w, hgt *C.int) C.int {
	return with(h, "sky_frame_size", func(s *host.Session) (int, error) {
		fw, fh := s.FrameSize()
		if w != nil {
			*w = C.int(fw)
		}
		if hgt != nil {
			*hgt = C.int(fh)
		}
		return 0, nil
	})
}

// sky_render paints the frame into rgba (w × h pixels, rows stride bytes
// apart, R G B A bytes). The whole frame is written; dirty_rect, when not
// NULL, receives {x, y, w, h} of what changed since the last render (all
// zero: nothing).
//
//export sky_render
func sky_render(h C.int64_t, rgba *C.uint8_t, w, hgt, stride C.int, dirtyRect *C.int) C.int {
	return with(h, "sky_render", func(s *host.Session) (int, error) {
		if rgba == nil || w <= 0 || hgt <= 0 || stride < 4*w {
			return 0, host.Errorf(host.CodeBufferSize, "sky_render: a NULL buffer or a bad size %dx%d stride %d", int(w), int(hgt), int(stride))
		}
		n := int(stride)*(int(hgt)-1) + 4*int(w)
		buf := unsafe.Slice((*byte)(unsafe.Pointer(rgba)), n)
		d, err := s.Render(buf, int(w), int(hgt), int(stride))
		if err == nil && dirtyRect != nil {
			r := unsafe.Slice((*C.int)(unsafe.Pointer(dirtyRect)), 4)
			r[0], r[1], r[2], r[3] = C.int(d.X), C.int(d.Y), C.int(d.W), C.int(d.H)
		}
		return 0, err
	})
}

// sky_layout_dump returns the layout dump (render-cli.md's JSON), malloc'd,
// or NULL on failure.
//
//export sky_layout_dump
func sky_layout_dump(h C.int64_t) *C.char {
	return str(h, "sky_layout_dump", (*host.Session).LayoutDump)
}

// sky_drain_events returns the events since the last drain as a JSON array
// (host.Event: handler calls, component lifecycles, logs, diagnostics,
// toasts, modals), malloc'd, or NULL on failure.
//
//export sky_drain_events
func sky_drain_events(h C.int64_t) *C.char {
	return str(h, "sky_drain_events", (*host.Session).Drain)
}

func str(h C.int64_t, op string, f func(*host.Session) ([]byte, error)) *C.char {
	var out []byte
	if with(h, op, func(s *host.Session) (int, error) {
		b, err := f(s)
		out = b
		return 0, err
	}) < 0 {
		return nil
	}
	return C.CString(string(out))
}

// sky_free_string frees a string the library returned (NULL is fine).
//
//export sky_free_string
func sky_free_string(s *C.char) {
	C.free(unsafe.Pointer(s))
}

// sky_close closes the session (onUnload runs); the handle is invalid after.
//
//export sky_close
func sky_close(h C.int64_t) C.int {
	mu.Lock()
	x := handles[int64(h)]
	delete(handles, int64(h))
	mu.Unlock()
	if x == nil {
		return fail(nil, host.Errorf(host.CodeNoSession, "sky_close: no handle %d", int64(h)))
	}
	if err := x.s.Close(); err != nil {
		return fail(global, err)
	}
	return 0
}

// sky_last_error returns the message of the latest failed call on handle h
// (0: sky_open's and unknown handles'), malloc'd; "" when none.
//
//export sky_last_error
func sky_last_error(h C.int64_t) *C.char {
	x := global
	if h != 0 {
		if x = lookup(h); x == nil {
			x = global
		}
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	return C.CString(x.lastErr)
}

func goString(s *C.char) string {
	if s == nil {
		return ""
	}
	return C.GoString(s)
}
