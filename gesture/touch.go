package gesture

// The touch stream (spec §1.6): the fingers down, each with the target it
// started on and what it may still become. The host feeds it input with
// the caller's time stamps (ms since the page opened; nothing here has a
// clock) and dispatches the touch events it reports. Decisions where
// WeChat's thresholds are undocumented:
//   - TapSlop: a touch that strays more than 10 px (CSS px, from where it
//     started) is not a tap or long press;
//   - LongPressDelay: a touch held 350 ms fires longpress (and the legacy
//     longtap) at the first input at or after that time (LongPressDue);
//     when a longpress handler ran, the release fires no tap.
//
// touchmove / touchend / touchcancel target the node the touch started on,
// as in WeChat; tap and longpress target it too. A touch a scroll-view
// claimed, or one that caught a moving scroll-view (drag.go), neither taps
// nor long-presses (SetScrolled).

// TapSlop is how far (CSS px) a touch may move and still tap or long-press.
const TapSlop = 10

// LongPressDelay is how long (ms) a touch is held before longpress fires.
const LongPressDelay = 350

// Contact is one finger down: its identifier, the target it started on
// (the host's node type T), where it started and where it is.
type Contact[T any] struct {
	ID          int
	Target      T
	X0, Y0, T0  float64
	X, Y        float64
	strayed     bool // moved beyond TapSlop: no tap, no long press
	scrolled    bool // a scroll-view took it: no tap, no long press
	longDone    bool // longpress was dispatched
	longHandled bool // … and a handler ran
}

// Touch is the contact as an entry of touches / changedTouches. There is
// no document scrolling (spec §0), so client coordinates equal page ones.
func (c *Contact[T]) Touch() Touch {
	return Touch{Identifier: c.ID, PageX: c.X, PageY: c.Y, ClientX: c.X, ClientY: c.Y}
}

// SetScrolled records that a scroll-view took the touch.
func (c *Contact[T]) SetScrolled() { c.scrolled = true }

// Taps reports whether lifting the contact fires tap: it stayed within
// TapSlop, no scroll-view took it and no longpress handler ran.
func (c *Contact[T]) Taps() bool { return !c.strayed && !c.scrolled && !c.longHandled }

// LongPressHandled records whether a handler ran for the contact's
// longpress (LongPressDue).
func (c *Contact[T]) LongPressHandled(ran bool) { c.longHandled = ran }

func (c *Contact[T]) moveTo(x, y float64) {
	c.X, c.Y = x, y
	if dx, dy := x-c.X0, y-c.Y0; dx*dx+dy*dy > TapSlop*TapSlop {
		c.strayed = true
	}
}

// Touches are the fingers down, in the order they touched.
type Touches[T any] struct {
	list []Contact[T]
}

func (s *Touches[T]) index(id int) int {
	for i := range s.list {
		if s.list[i].ID == id {
			return i
		}
	}
	return -1
}

// Get returns finger id's contact, nil when it is not down.
func (s *Touches[T]) Get(id int) *Contact[T] {
	if i := s.index(id); i >= 0 {
		return &s.list[i]
	}
	return nil
}

// Start puts finger id down on target at (x, y) at time t. The host
// cancels a contact of the same id first.
func (s *Touches[T]) Start(id int, target T, x, y, t float64) *Contact[T] {
	s.list = append(s.list, Contact[T]{ID: id, Target: target, X0: x, Y0: y, T0: t, X: x, Y: y})
	return &s.list[len(s.list)-1]
}

// Move moves finger id to (x, y); nil when it is not down.
func (s *Touches[T]) Move(id int, x, y float64) *Contact[T] {
	c := s.Get(id)
	if c != nil {
		c.moveTo(x, y)
	}
	return c
}

// Lift takes finger id up at (x, y) and returns its last state.
func (s *Touches[T]) Lift(id int, x, y float64) (Contact[T], bool) {
	c, ok := s.remove(id)
	if ok {
		c.moveTo(x, y)
	}
	return c, ok
}

// Cancel takes finger id away without a tap (the system took the touch).
func (s *Touches[T]) Cancel(id int) (Contact[T], bool) { return s.remove(id) }

func (s *Touches[T]) remove(id int) (Contact[T], bool) {
	i := s.index(id)
	if i < 0 {
		return Contact[T]{}, false
	}
	c := s.list[i]
	s.list = append(s.list[:i], s.list[i+1:]...)
	return c, true
}

// LongPressDue returns the next contact held LongPressDelay by time t
// without straying or scrolling, and marks its longpress done; nil when
// there is none. The host dispatches longpress and longtap for it and
// reports the outcome with LongPressHandled.
func (s *Touches[T]) LongPressDue(t float64) *Contact[T] {
	for i := range s.list {
		c := &s.list[i]
		if c.longDone || c.strayed || c.scrolled || t-c.T0 < LongPressDelay {
			continue
		}
		c.longDone = true
		return c
	}
	return nil
}

// List returns the fingers down as touches entries, in the order they
// touched.
func (s *Touches[T]) List() []Touch {
	out := make([]Touch, len(s.list))
	for i := range s.list {
		out[i] = s.list[i].Touch()
	}
	return out
}
