package core

import (
	"bytes"
	"image"
	"strings"
	"testing"

	"github.com/skyline-go/skyline/engine"
)

// boxOf finds the n-th dump box with class in the session's page.
func boxOf(t *testing.T, s *Session, class string, n int) [4]float32 {
	t.Helper()
	var found [][4]float32
	var walk func(b *engine.DumpBox)
	walk = func(b *engine.DumpBox) {
		for _, c := range strings.Fields(b.Class) {
			if c == class {
				found = append(found, b.Box)
			}
		}
		for _, k := range b.Children {
			walk(k)
		}
	}
	walk(s.Page.LayoutDump().Root)
	if n >= len(found) {
		t.Fatalf("no box %d of class %q", n, class)
	}
	return found[n]
}

func click(t *testing.T, s *Session, x, y float64) {
	t.Helper()
	s.Touch("start", x, y)
	if !s.Touch("end", x, y) {
		t.Errorf("click at %v,%v changed nothing", x, y)
	}
}

func renderSession(t *testing.T, s *Session) *image.RGBA {
	t.Helper()
	w, h := s.Dev.Pixels()
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	if !s.Render(dst) {
		t.Fatalf("render failed: %v", s.Messages())
	}
	return dst
}

// TestSessionInteractive: in the preview's session a click on mp-cart's
// "+" runs the handlers and changes the frame; checkout draws a modal
// (dimming the page); clicking its confirm button answers it and a toast
// shows.
func TestSessionInteractive(t *testing.T) {
	dev, _ := LookupDevice("iphone8")
	s := NewSession("../../../../testdata/pages/mp-cart", dev, false)
	s.Reload()
	defer s.Close()
	if s.App == nil {
		t.Fatalf("did not load: %v", s.Messages())
	}
	first := renderSession(t, s)
	b := boxOf(t, s, "plus", 2)
	click(t, s, float64(b[0]+b[2]/2), float64(b[1]+b[3]/2))
	afterTap := renderSession(t, s)
	if bytes.Equal(first.Pix, afterTap.Pix) {
		t.Fatal("the frame did not change after clicking +")
	}
	if c := s.App.Page().Data()["count"]; c != 5.0 {
		t.Errorf("count = %v, want 5", c)
	}

	b = boxOf(t, s, "checkout", 0)
	click(t, s, float64(b[0]+b[2]/2), float64(b[1]+b[3]/2))
	if s.App.Modal() == nil {
		t.Fatal("no modal after checkout")
	}
	withModal := renderSession(t, s)
	// The page behind the modal is dimmed: the top-left pixel (the nav
	// bar's white) is darker.
	if withModal.Pix[0] >= afterTap.Pix[0] {
		t.Errorf("page not dimmed behind the modal: %d vs %d", withModal.Pix[0], afterTap.Pix[0])
	}
	confirm := s.ui.find("confirm")
	x, y, w, h, ok := s.ui.page.BorderBox(confirm)
	if !ok {
		t.Fatal("confirm button has no box")
	}
	s.Touch("start", float64(x+w/2), float64(y+h/2))
	s.Touch("end", float64(x+w/2), float64(y+h/2))
	if s.App.Modal() != nil {
		t.Fatal("modal still up after confirm")
	}
	if ts := s.App.Toast(); ts == nil || ts.Title != "下单成功" {
		t.Fatalf("toast = %+v", ts)
	}
	withToast := renderSession(t, s)
	cx, cy := withToast.Rect.Dx()/2, withToast.Rect.Dy()/2
	if p := withToast.RGBAAt(cx, cy); p.R > 0x60 || p.G > 0x60 {
		t.Errorf("no dark toast panel at the centre: %v", p)
	}
}
