package gesture

import "iter"

// Stream is one page's touch input: the touch events, taps and long
// presses of the fingers down (Touches) and the scrolling they drive
// (Drag), in the order a device produces them. The host feeds it input
// through the methods below and applies what it asks through StreamHost.
type Stream[N any] struct {
	Touches Touches[N]
}

// StreamHost is what a Stream needs of the page; N is the host's node.
type StreamHost[N any] interface {
	// HitTest is the target of a touch starting at page point (x, y); the
	// zero N where there is none.
	HitTest(x, y float64) N
	// Dispatch dispatches touch event typ (touchstart, tap, longpress, …)
	// of contact c at time t, and reports whether a handler ran.
	Dispatch(typ string, c *Contact[N], t float64) (ran bool)
	// Drag is the page's drag, nil when nothing is laid out to scroll.
	Drag() *Drag
	// Scrollables are the scroll-views the user may scroll (spec §5.5
	// rule 6) on the path from target up to the root, innermost first.
	Scrollables(target N) iter.Seq[Scrollable]
	// ScrollClock sets the scroll clock (the time stamp of scroll events)
	// to t: the drag's input has come at t.
	ScrollClock(t float64)
}

// Start puts finger id down at page point (x, y) at time t (ms): touchstart
// on the hit-tested target (a touch on no element dispatches nothing), and
// the scroll-views under it become the drag's candidates.
func (s *Stream[N]) Start(h StreamHost[N], id int, x, y, t float64) {
	s.Advance(h, t)
	if s.Touches.Get(id) != nil {
		s.Cancel(h, id, t)
	}
	target := h.HitTest(x, y)
	h.Dispatch("touchstart", s.Touches.Start(id, target, x, y, t), t)
	if s.dragStart(h, id, target, x, y, t) {
		if c := s.Touches.Get(id); c != nil {
			c.SetScrolled()
		}
	}
}

// Move moves finger id to (x, y) at time t: touchmove, and the drag
// follows.
func (s *Stream[N]) Move(h StreamHost[N], id int, x, y, t float64) {
	s.Advance(h, t)
	c := s.Touches.Move(id, x, y)
	if c == nil {
		return
	}
	h.Dispatch("touchmove", c, t)
	if s.dragMove(h, id, x, y, t) {
		if c := s.Touches.Get(id); c != nil {
			c.SetScrolled()
		}
	}
}

// End lifts finger id at (x, y) at time t: touchend, then tap when the
// touch stayed within TapSlop, no scroll-view took it and no longpress
// handler ran; a claimed drag flings.
func (s *Stream[N]) End(h StreamHost[N], id int, x, y, t float64) {
	s.Advance(h, t)
	c, ok := s.Touches.Lift(id, x, y)
	if !ok {
		return
	}
	// The lift position moves the content first: it may claim the drag.
	if s.dragMove(h, id, x, y, t) {
		c.SetScrolled()
	}
	h.Dispatch("touchend", &c, t)
	if c.Taps() {
		h.Dispatch("tap", &c, t)
	}
	s.dragEnd(h, id, false)
}

// Cancel ends finger id without a tap (the system took the touch): no
// fling, the content settles.
func (s *Stream[N]) Cancel(h StreamHost[N], id int, t float64) {
	c, ok := s.Touches.Cancel(id)
	if !ok {
		return
	}
	h.Dispatch("touchcancel", &c, t)
	s.dragEnd(h, id, true)
}

// Advance tells the stream that time t (ms) has come: a touch held
// LongPressDelay without straying fires longpress and longtap.
func (s *Stream[N]) Advance(h StreamHost[N], t float64) {
	for c := s.Touches.LongPressDue(t); c != nil; c = s.Touches.LongPressDue(t) {
		c.LongPressHandled(h.Dispatch("longpress", c, t))
		h.Dispatch("longtap", c, t)
	}
}

func (s *Stream[N]) dragStart(h StreamHost[N], id int, target N, x, y, t float64) (caught bool) {
	d := h.Drag()
	if d == nil || d.Down() {
		return false // another finger drives the scrolling
	}
	h.ScrollClock(t)
	var c Candidates
	for sc := range h.Scrollables(target) {
		if !c.Add(sc) {
			break
		}
	}
	return d.Start(id, x, y, t, &c)
}

func (s *Stream[N]) dragMove(h StreamHost[N], id int, x, y, t float64) bool {
	d := h.Drag()
	if d == nil || !d.Drives(id) {
		return false
	}
	h.ScrollClock(t)
	return d.Move(x, y, t)
}

func (s *Stream[N]) dragEnd(h StreamHost[N], id int, cancel bool) bool {
	d := h.Drag()
	if d == nil || !d.Drives(id) {
		return false
	}
	return d.End(cancel)
}

// Wheel routes a wheel or trackpad delta (CSS px; positive dy scrolls
// toward the end) at page point (x, y) to the innermost scroll-view under
// it that takes a non-zero part of it (WheelDelta), and reports whether
// one did.
func Wheel[N any](h StreamHost[N], x, y float64, dx, dy float32) bool {
	for s := range h.Scrollables(h.HitTest(x, y)) {
		if d := WheelDelta(s, dx, dy); d != 0 {
			s.ScrollBy(d)
			return true
		}
	}
	return false
}
