package gesture

import (
	"fmt"
	"iter"
	"strings"
	"testing"
)

// fhost is a test StreamHost: every point hits "n", nothing scrolls, and a
// handler runs for the events in ran.
type fhost struct {
	log []string
	ran map[string]bool
}

func (h *fhost) HitTest(x, y float64) string { return "n" }
func (h *fhost) Dispatch(typ string, c *Contact[string], t float64) bool {
	h.log = append(h.log, fmt.Sprintf("%s@%g", typ, t))
	return h.ran[typ]
}
func (h *fhost) Drag() *Drag { return nil }
func (h *fhost) Scrollables(target string) iter.Seq[Scrollable] {
	return func(yield func(Scrollable) bool) {}
}
func (h *fhost) ScrollClock(t float64) {}

func TestStream(t *testing.T) {
	cases := []struct {
		name string
		ran  map[string]bool
		run  func(s *Stream[string], h *fhost)
		want string
	}{
		{"tap", nil, func(s *Stream[string], h *fhost) {
			s.Start(h, 0, 10, 10, 0)
			s.End(h, 0, 12, 10, 50)
		}, "touchstart@0 touchend@50 tap@50"},
		{"unhandled longpress then tap", nil, func(s *Stream[string], h *fhost) {
			s.Start(h, 0, 10, 10, 0)
			s.End(h, 0, 10, 10, 400)
		}, "touchstart@0 longpress@400 longtap@400 touchend@400 tap@400"},
		{"handled longpress: no tap", map[string]bool{"longpress": true}, func(s *Stream[string], h *fhost) {
			s.Start(h, 0, 10, 10, 0)
			s.Advance(h, 350)
			s.End(h, 0, 10, 10, 500)
		}, "touchstart@0 longpress@350 longtap@350 touchend@500"},
		{"strayed: no tap", nil, func(s *Stream[string], h *fhost) {
			s.Start(h, 0, 10, 10, 0)
			s.Move(h, 0, 30, 10, 20)
			s.End(h, 0, 10, 10, 40)
		}, "touchstart@0 touchmove@20 touchend@40"},
		{"same finger again cancels", nil, func(s *Stream[string], h *fhost) {
			s.Start(h, 0, 10, 10, 0)
			s.Start(h, 0, 10, 10, 5)
		}, "touchstart@0 touchcancel@5 touchstart@5"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var s Stream[string]
			h := &fhost{ran: c.ran}
			c.run(&s, h)
			if got := strings.Join(h.log, " "); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
