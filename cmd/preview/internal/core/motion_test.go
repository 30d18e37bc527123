package core

import (
	"bytes"
	"testing"
	"time"
)

// TestSessionMotion: the preview keeps ticking a page whose keyframes
// animation runs (motion-transitions' infinite spinner) and every tick
// draws a different frame: Tick learns that from App.Advance, which
// reports the page's running motion.
func TestSessionMotion(t *testing.T) {
	dev, _ := LookupDevice("iphone8")
	s := NewSession("../../../../testdata/pages/motion-transitions", dev, false)
	s.Reload()
	defer s.Close()
	if s.App == nil {
		t.Fatalf("did not load: %v", s.Messages())
	}
	const frame = time.Second / 60
	prev := renderSession(t, s)
	for i := range 5 {
		if !s.Tick(frame) {
			t.Fatalf("tick %d: the spinner's page asked for no frame", i)
		}
		img := renderSession(t, s)
		if bytes.Equal(img.Pix, prev.Pix) {
			t.Fatalf("tick %d drew the same frame", i)
		}
		prev = img
	}
	if !s.Animating() {
		t.Error("the session does not report the running animation")
	}
}
