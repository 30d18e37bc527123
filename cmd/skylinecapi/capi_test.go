//go:build cgo

package main

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"
)

const demo = "../../testdata/host-demo"

const (
	layoutDump  = 0
	drainEvents = 1
	lastError   = 2
)

func openDemo(t *testing.T) int64 {
	t.Helper()
	h := cOpen(`{"page": "` + demo + `", "width": 375, "height": 667, "dpr": 1}`)
	if h <= 0 {
		t.Fatalf("sky_open: %d: %s", h, *cString(0, lastError))
	}
	return h
}

func px(frame []byte, w, x, y int) [3]byte {
	i := (y*w + x) * 4
	return [3]byte{frame[i], frame[i+1], frame[i+2]}
}

// TestThroughC runs the sample host's sequence through the C ABI: tap the
// button, receive the handler call, setData, and see the swatch turn red.
func TestThroughC(t *testing.T) {
	h := openDemo(t)
	defer cClose(h)
	w, hh, rc := cFrameSize(h)
	if rc != 0 || w != 375 || hh != 667 {
		t.Fatalf("sky_frame_size: %d×%d rc %d", w, hh, rc)
	}
	frame, dirty, rc := cRender(h, w, hh, 12)
	if rc != 0 || dirty != [4]int{0, 0, 375, 667} {
		t.Fatalf("first render rc %d dirty %v", rc, dirty)
	}
	if got := px(frame, w, 100, 150); got != [3]byte{0x20, 0x50, 0xe0} {
		t.Fatalf("swatch %x, want blue 2050e0", got)
	}
	if took := cTap(h, 100, 70, 30); took != 1 {
		t.Fatalf("sky_tap: %d", took)
	}
	var evs []struct {
		Type, Handler string
		Event         struct {
			Type          string
			TimeStamp     float64
			CurrentTarget struct {
				ID      string
				Dataset map[string]any
			}
		}
	}
	if err := json.Unmarshal([]byte(*cString(h, drainEvents)), &evs); err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Handler != "onGo" || evs[0].Event.Type != "tap" || evs[0].Event.TimeStamp != 30 ||
		evs[0].Event.CurrentTarget.ID != "go" || evs[0].Event.CurrentTarget.Dataset["step"] != 1.0 {
		t.Fatalf("events %+v, want the tap's onGo call", evs)
	}
	if rc := cSetData(h, `{"on": true, "title": "tapped"}`); rc != 0 {
		t.Fatalf("sky_set_data: %d", rc)
	}
	frame, dirty, rc = cRender(h, w, hh, 0)
	if rc != 0 {
		t.Fatal(rc)
	}
	if got := px(frame, w, 100, 150); got != [3]byte{0xe0, 0x20, 0x20} {
		t.Errorf("swatch %x after setData, want red e02020", got)
	}
	if dirty[1] > 30 || dirty[1]+dirty[3] < 205 || dirty[1]+dirty[3] > 210 {
		t.Errorf("dirty %v, want the title to the swatch's bottom (205)", dirty)
	}
	if d := cString(h, layoutDump); d == nil || !strings.Contains(*d, `"class": "swatch on"`) {
		t.Errorf("layout dump lacks the new class")
	}
	if took := cTouch(h, 0, 1, 10, 600, -1); took != 1 {
		t.Errorf("sky_touch start: %d", took)
	}
	if rc := cTouch(h, 2, 1, 10, 600, 50); rc != 1 {
		t.Errorf("sky_touch end: %d", rc)
	}
	if rc := cWheel(h, 10, 10, 0, 10); rc != 0 {
		t.Errorf("sky_wheel on a page without scroll-view: %d, want 0 (not taken)", rc)
	}
	if rc := cAdvance(h, 16); rc < 0 {
		t.Errorf("sky_advance: %d", rc)
	}
	if rc := cResize(h, 200, 0, 0); rc != 0 {
		t.Fatalf("sky_resize: %d", rc)
	}
	if w, hh, _ := cFrameSize(h); w != 200 || hh != 667 {
		t.Errorf("frame %dx%d after sky_resize to 200 wide, want 200x667", w, hh)
	}
	if _, _, rc := cRender(h, 375, 667, 0); rc != -6 {
		t.Errorf("rendering at the old size: %d, want -SKY_ERR_BUFFER_SIZE", rc)
	}
	if frame, dirty, rc := cRender(h, 200, 667, 0); rc != 0 || dirty != [4]int{0, 0, 200, 667} || px(frame, 200, 190, 150) != [3]byte{0xff, 0xff, 0xff} {
		t.Errorf("render after resize: rc %d dirty %v", rc, dirty)
	}
}

func TestErrorsThroughC(t *testing.T) {
	if h := cOpen(`{"page": "/no/such/page"}`); h != -4 {
		t.Errorf("sky_open of a missing page: %d, want -SKY_ERR_LOAD", h)
	}
	if msg := *cString(0, lastError); !strings.Contains(msg, "load") {
		t.Errorf("last error %q", msg)
	}
	if h := cOpen(`{"pgae": "x"}`); h != -1 {
		t.Errorf("a misspelt option: %d, want -SKY_ERR_BAD_REQUEST", h)
	}
	if rc := cTap(9999, 1, 1, 0); rc != -3 {
		t.Errorf("unknown handle: %d, want -SKY_ERR_NO_SESSION", rc)
	}
	h := openDemo(t)
	if rc := cSetData(h, `{"a[": 1}`); rc != -5 {
		t.Errorf("a bad path: %d, want -SKY_ERR_DATA", rc)
	}
	if msg := *cString(h, lastError); !strings.Contains(msg, "a[") {
		t.Errorf("last error %q, want the bad path named", msg)
	}
	if rc := cTouch(h, 7, 0, 1, 1, 0); rc != -1 {
		t.Errorf("phase 7: %d", rc)
	}
	if _, _, rc := cRender(h, 10, 10, 0); rc != -6 {
		t.Errorf("a wrong buffer size: %d, want -SKY_ERR_BUFFER_SIZE", rc)
	}
	if rc := cAnswerModal(h, true); rc != -1 {
		t.Errorf("sky_answer_modal with no modal up: %d, want -SKY_ERR_BAD_REQUEST", rc)
	}
	if rc := cClose(h); rc != 0 {
		t.Fatal(rc)
	}
	if rc := cClose(h); rc != -3 {
		t.Errorf("second close: %d", rc)
	}
	if s := cString(h, drainEvents); s != nil {
		t.Errorf("drain after close: %q, want NULL", *s)
	}
}

// TestConcurrentThroughC uses one handle from several threads and several
// handles in parallel (run with -race: calls on a handle are serialised).
// TestScriptsThroughC: a page whose scripts run shows a modal, which the
// host answers; the script's callback logs and toasts.
func TestScriptsThroughC(t *testing.T) {
	h := cOpen(`{"page": "../../testdata/pages/mp-cart", "dpr": 1}`)
	if h <= 0 {
		t.Fatalf("sky_open: %d: %s", h, *cString(0, lastError))
	}
	defer cClose(h)
	var d struct{ Root box }
	json.Unmarshal([]byte(*cString(h, layoutDump)), &d)
	c := d.Root.find("checkout")
	if c == nil {
		t.Fatal("no #checkout")
	}
	cString(h, drainEvents)
	cTap(h, c.Box[0]+c.Box[2]/2, c.Box[1]+c.Box[3]/2, -1)
	if evs := *cString(h, drainEvents); !strings.Contains(evs, `"type":"modal"`) || !strings.Contains(evs, "确认下单") {
		t.Fatalf("events %s, want the modal", evs)
	}
	if rc := cAnswerModal(h, true); rc != 0 {
		t.Fatal(rc)
	}
	if evs := *cString(h, drainEvents); !strings.Contains(evs, `"message":"order placed`) || !strings.Contains(evs, "下单成功") {
		t.Errorf("events %s, want the log line and the toast", evs)
	}
}

type box struct {
	ID       string
	Box      [4]float64
	Children []box
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

func TestConcurrentThroughC(t *testing.T) {
	shared := openDemo(t)
	defer cClose(shared)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			own := openDemo(t)
			defer cClose(own)
			for i := range 4 {
				for _, h := range []int64{shared, own} {
					switch (g + i) % 3 {
					case 0:
						cTap(h, 100, 70, -1)
					case 1:
						cSetData(h, `{"on": true}`)
					case 2:
						cRender(h, 375, 667, 0)
					}
					cString(h, drainEvents)
				}
			}
		}()
	}
	wg.Wait()
	frame, _, rc := cRender(shared, 375, 667, 0)
	if rc != 0 || px(frame, 375, 100, 150) != [3]byte{0xe0, 0x20, 0x20} {
		t.Errorf("after the concurrent calls: rc %d, swatch not red", rc)
	}
}
