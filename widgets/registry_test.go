package widgets

import "testing"

func TestLookup(t *testing.T) {
	cases := []struct {
		tag     string
		ok      bool
		support Support
		kind    Kind
	}{
		{"view", true, Full, Container},
		{"text", true, Full, TextRoot},
		{"span", true, Full, TextRoot},
		{"image", true, Basic, Replaced},
		{"scroll-view", true, Full, Scroller},
		{"list-builder", true, Full, Sliver},
		{"pan-gesture-handler", true, Full, Virtual},
		{"video", true, Native, Replaced},
		{"progress", true, Unsupported, Container},
		{"my-card", false, 0, 0},
		{"block", false, 0, 0},
		{"View", false, 0, 0},
	}
	for _, c := range cases {
		s, ok := Lookup(c.tag)
		if ok != c.ok || (ok && (s.Support != c.support || s.Kind != c.kind || s.Tag != c.tag)) {
			t.Errorf("Lookup(%q) = %+v, %v; want support %v kind %v ok %v", c.tag, s, ok, c.support, c.kind, c.ok)
		}
	}
}
