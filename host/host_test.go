package host

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"sync"
	"testing"
)

const demo = "../testdata/host-demo"

func open(t *testing.T, o Options) *Session {
	t.Helper()
	s, err := Open(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// pixel returns the RGB at device point (x, y) of an RGBA buffer.
func pixel(buf []byte, stride, x, y int) [3]byte {
	i := y*stride + 4*x
	return [3]byte{buf[i], buf[i+1], buf[i+2]}
}

var (
	blue = [3]byte{0x20, 0x50, 0xe0}
	red  = [3]byte{0xe0, 0x20, 0x20}
)

func render(t *testing.T, s *Session) ([]byte, int, Rect) {
	t.Helper()
	w, h := s.FrameSize()
	stride := 4*w + 16 // a padded stride, as a host's texture may have
	buf := make([]byte, stride*h)
	dirty, err := s.Render(buf, w, h, stride)
	if err != nil {
		t.Fatal(err)
	}
	return buf, stride, dirty
}

func TestDemoTapHandlerSetData(t *testing.T) {
	s := open(t, Options{Page: demo})
	if s.Scripts() {
		t.Fatal("the demo page has no scripts, yet the session runs them")
	}
	if w, h := s.FrameSize(); w != 750 || h != 1334 {
		t.Fatalf("frame %dx%d, want 750x1334", w, h)
	}
	buf, stride, dirty := render(t, s)
	if dirty != (Rect{0, 0, 750, 1334}) {
		t.Errorf("first frame's dirty rect %v, want the whole frame", dirty)
	}
	if got := pixel(buf, stride, 200, 300); got != blue {
		t.Fatalf("swatch pixel %x, want %x", got, blue)
	}
	if _, _, dirty := render(t, s); !dirty.Empty() {
		t.Errorf("an unchanged frame's dirty rect %v, want empty", dirty)
	}

	took, err := s.Tap(100, 70, 250)
	if err != nil || !took {
		t.Fatalf("tap: %v %v", took, err)
	}
	evs, err := s.DrainEvents()
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Type != "handler" || evs[0].Handler != "onGo" || evs[0].Instance != 0 {
		t.Fatalf("events %+v, want one handler call onGo of the page", evs)
	}
	e := evs[0].Event
	if e["type"] != "tap" || e["timeStamp"] != 250.0 {
		t.Errorf("event type %v at %v, want tap at 250", e["type"], e["timeStamp"])
	}
	tgt := e["currentTarget"].(map[string]any)
	if tgt["id"] != "go" || tgt["dataset"].(map[string]any)["step"] != 1.0 {
		t.Errorf("currentTarget %v, want id go with dataset step 1", tgt)
	}
	if s.Now() != 250 {
		t.Errorf("clock %v after a tap at 250, want 250", s.Now())
	}
	// The JSON form a protocol host receives.
	js, _ := s.Drain()
	if string(js) != "[]" {
		t.Errorf("second drain %s, want []", js)
	}

	if err := s.SetData([]byte(`{"on": true, "title": "tapped"}`)); err != nil {
		t.Fatal(err)
	}
	buf, stride, dirty = render(t, s)
	if got := pixel(buf, stride, 200, 300); got != red {
		t.Fatalf("swatch pixel %x after setData, want %x", got, red)
	}
	// The title's text and the swatch changed: the dirty rect spans them,
	// and not the empty bottom of the window.
	if dirty.Y < 32 || dirty.Y > 60 || dirty.Y+dirty.H < 410 || dirty.Y+dirty.H > 420 || dirty.X < 32 || dirty.X+dirty.W > 718 {
		t.Errorf("dirty rect %v, want the title to the swatch (y 32..60 to 410, x 32..718)", dirty)
	}
	dump, err := s.LayoutDump()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(dump, []byte(`"class": "swatch on"`)) || !bytes.Contains(dump, []byte(`"viewport"`)) {
		t.Errorf("layout dump lacks the changed class:\n%s", dump)
	}
}

func TestErrors(t *testing.T) {
	if _, err := Open(Options{Page: "../testdata/no-such-page"}); CodeOf(err) != CodeLoad {
		t.Errorf("missing page: %v, want code load", err)
	}
	if _, err := Open(Options{Page: demo, Width: -3}); CodeOf(err) != CodeBadRequest {
		t.Errorf("negative width: %v, want bad_request", err)
	}
	if _, err := Open(Options{Page: demo, Logic: "lua"}); CodeOf(err) != CodeBadRequest {
		t.Errorf("logic lua: %v, want bad_request", err)
	}
	s := open(t, Options{Page: demo, Width: 200, Height: 100, DPR: 1})
	for _, c := range []struct {
		patch string
		code  Code
	}{
		{`[1]`, CodeBadRequest},
		{`{"a": `, CodeBadRequest},
		{`{"a": 1} {}`, CodeBadRequest},
		{`{"a[": 1}`, CodeData},
	} {
		if err := s.SetData([]byte(c.patch)); CodeOf(err) != c.code {
			t.Errorf("setData %s: %v, want %v", c.patch, err, c.code)
		}
	}
	if _, err := s.Render(make([]byte, 10), 200, 100, 800); CodeOf(err) != CodeBufferSize {
		t.Errorf("short buffer: %v, want buffer_size", err)
	}
	if _, err := s.Render(make([]byte, 4*100*50), 100, 50, 400); CodeOf(err) != CodeBufferSize {
		t.Errorf("wrong size: %v, want buffer_size", err)
	}
	if _, err := s.Touch("hover", 0, 1, 1, -1); CodeOf(err) != CodeBadRequest {
		t.Errorf("phase hover: %v, want bad_request", err)
	}
	if _, err := s.Advance(-1); CodeOf(err) != CodeBadRequest {
		t.Errorf("advance -1: %v, want bad_request", err)
	}
	if _, err := s.Tap(1, 1, 1e12); CodeOf(err) != CodeBadRequest {
		t.Errorf("a time stamp far ahead: %v, want bad_request", err)
	}
	if err := s.SetComponentData(42, []byte(`{}`)); CodeOf(err) != CodeData {
		t.Errorf("unknown instance: %v, want data", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.SetData([]byte(`{}`)); CodeOf(err) != CodeClosed {
		t.Errorf("after close: %v, want closed", err)
	}
	var e *Error
	if err := s.Close(); !errors.As(err, &e) || e.Code != CodeClosed || e.Code.String() != "closed" {
		t.Errorf("second close: %v", err)
	}
}

func TestPanicIsRecovered(t *testing.T) {
	s := open(t, Options{Page: demo})
	other := open(t, Options{Page: demo})
	hook = func(op string) {
		if op == "render" {
			panic("boom")
		}
	}
	_, _, err := s.Frame()
	hook = nil
	if CodeOf(err) != CodePanic || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("render under a panicking hook: %v, want a panic error naming boom", err)
	}
	// Both sessions keep serving.
	for _, x := range []*Session{s, other} {
		if _, err := x.Tap(100, 70, -1); err != nil {
			t.Fatal(err)
		}
		evs, _ := x.DrainEvents()
		if len(evs) != 1 || evs[0].Handler != "onGo" {
			t.Errorf("after the panic: events %+v, want onGo", evs)
		}
		if _, _, err := x.Frame(); err != nil {
			t.Errorf("render after the panic: %v", err)
		}
	}
}

// TestScripts drives a page whose scripts run: the tap's handler is
// JavaScript, and what it does reaches the host as events.
func TestScripts(t *testing.T) {
	s := open(t, Options{Page: "../testdata/pages/mp-cart"})
	if !s.Scripts() {
		t.Fatal("mp-cart's scripts do not run")
	}
	var dump struct {
		Root box `json:"root"`
	}
	b, _ := s.LayoutDump()
	if err := json.Unmarshal(b, &dump); err != nil {
		t.Fatal(err)
	}
	c := dump.Root.find("checkout")
	if c == nil {
		t.Fatal("no #checkout in the dump")
	}
	s.DrainEvents()
	if _, err := s.Tap(float64(c.Box[0]+c.Box[2]/2), float64(c.Box[1]+c.Box[3]/2), -1); err != nil {
		t.Fatal(err)
	}
	evs, _ := s.DrainEvents()
	if len(evs) != 1 || evs[0].Type != "modal" || evs[0].Message != "确认下单" {
		t.Fatalf("events after tapping checkout: %+v, want the modal 确认下单", evs)
	}
	if err := s.AnswerModal(true); err != nil {
		t.Fatal(err)
	}
	evs, _ = s.DrainEvents()
	var log, toast bool
	for _, e := range evs {
		log = log || e.Type == "log" && strings.HasPrefix(e.Message, "order placed")
		toast = toast || e.Type == "toast" && e.Message == "下单成功"
	}
	if !log || !toast {
		t.Errorf("events after confirming: %+v, want the log line and the toast", evs)
	}
	if err := s.AnswerModal(true); CodeOf(err) != CodeBadRequest {
		t.Errorf("answering no modal: %v", err)
	}
}

type box struct {
	ID       string    `json:"id"`
	Box      []float32 `json:"box"`
	Children []box     `json:"children"`
}

func (b *box) find(id string) *box {
	if b.ID == id {
		return b
	}
	for i := range b.Children {
		if f := b.Children[i].find(id); f != nil {
			return f
		}
	}
	return nil
}

func TestWheelScrolls(t *testing.T) {
	s := open(t, Options{Page: "../testdata/pages/scroll-feed"})
	render(t, s)
	took, err := s.Wheel(187, 400, 0, 300)
	if err != nil || !took {
		t.Fatalf("wheel: %v %v, want a scroll-view to take it", took, err)
	}
	if _, _, dirty := render(t, s); dirty.Empty() {
		t.Error("the frame did not change after a wheel scroll")
	}
}

// TestConcurrent calls one session from several goroutines (run with
// -race): operations are serialised.
func TestConcurrent(t *testing.T) {
	s := open(t, Options{Page: demo, Width: 200, Height: 300, DPR: 1})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 5 {
				switch (g + i) % 4 {
				case 0:
					s.Tap(100, 70, -1)
				case 1:
					s.SetData([]byte(`{"on": true}`))
				case 2:
					s.Frame()
				case 3:
					s.Drain()
				}
			}
		}()
	}
	wg.Wait()
	if _, err := s.Advance(16); err != nil {
		t.Fatal(err)
	}
}

func TestResize(t *testing.T) {
	s := open(t, Options{Page: demo, DPR: 1})
	render(t, s)
	if err := s.Resize(200, 0, 2); err != nil {
		t.Fatal(err)
	}
	if w, h := s.FrameSize(); w != 400 || h != 1334 {
		t.Fatalf("frame %dx%d after resizing to 200 CSS px at dpr 2, want 400x1334", w, h)
	}
	buf, stride, dirty := render(t, s)
	if dirty != (Rect{0, 0, 400, 1334}) {
		t.Errorf("dirty %v after a resize, want the whole frame", dirty)
	}
	// The swatch is now 168 CSS px wide (200 - 2 * 16): at x 180 CSS px is the
	// page's white padding, at 100 the swatch.
	if got := pixel(buf, stride, 200, 300); got != blue {
		t.Errorf("swatch %x", got)
	}
	if got := pixel(buf, stride, 380, 300); got != [3]byte{0xff, 0xff, 0xff} {
		t.Errorf("padding %x, want white", got)
	}
	if dump, _ := s.LayoutDump(); !bytes.Contains(dump, []byte(`"width": 200`)) {
		t.Errorf("dump viewport after the resize:\n%.200s", dump)
	}
	if err := s.Resize(-1, 0, 0); CodeOf(err) != CodeBadRequest {
		t.Errorf("resize -1: %v", err)
	}
}

func TestEncodeEventsNaN(t *testing.T) {
	b := encodeEvents([]Event{{Type: "handler", Handler: "a", Detail: math.NaN()}, {Type: "log", Message: "ok"}})
	var evs []Event
	if err := json.Unmarshal(b, &evs); err != nil {
		t.Fatal(err)
	}
	if len(evs) != 2 || evs[0].Type != "diagnostic" || !strings.Contains(evs[0].Message, "handler event (a)") || evs[1].Message != "ok" {
		t.Errorf("events %+v", evs)
	}
}
