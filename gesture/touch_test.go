package gesture

import "testing"

func TestTouches(t *testing.T) {
	var s Touches[string]
	s.Start(1, "a", 0, 0, 0)
	s.Start(2, "b", 50, 50, 0)
	s.Move(1, 6, 8) // 10 px: still a tap
	if l := s.List(); len(l) != 2 || l[0].PageX != 6 || l[1].Identifier != 2 {
		t.Errorf("List = %+v", l)
	}
	if c := s.LongPressDue(LongPressDelay - 1); c != nil {
		t.Errorf("longpress due early: %+v", c)
	}
	s.Move(2, 50, 61) // 11 px: strayed
	c := s.LongPressDue(LongPressDelay)
	if c == nil || c.Target != "a" || s.LongPressDue(LongPressDelay) != nil {
		t.Fatalf("LongPressDue = %+v, want finger 1 once", c)
	}
	c.LongPressHandled(false)
	if c, ok := s.Lift(1, 6, 8); !ok || !c.Taps() {
		t.Error("an unhandled longpress keeps the tap")
	}
	if c, ok := s.Lift(2, 50, 50); !ok || c.Taps() {
		t.Error("a touch that strayed and came back taps")
	}
	s.Start(3, "c", 0, 0, 0)
	s.Get(3).SetScrolled()
	if s.LongPressDue(1000) != nil {
		t.Error("a scrolled touch long-presses")
	}
	if _, ok := s.Cancel(3); !ok || s.Get(3) != nil || len(s.List()) != 0 {
		t.Error("Cancel left the touch down")
	}
}
