package gesture

import "testing"

func TestParseEventAttr(t *testing.T) {
	cases := []struct {
		name string
		want Binding
		ok   bool
	}{
		{"bindtap", Binding{Event: "tap"}, true},
		{"bind:tap", Binding{Event: "tap"}, true},
		{"catchtap", Binding{Event: "tap", Catch: true}, true},
		{"catch:longpress", Binding{Event: "longpress", Catch: true}, true},
		{"mut-bind:tap", Binding{Event: "tap", Mut: true}, true},
		{"capture-bind:touchstart", Binding{Event: "touchstart", Phase: Capture}, true},
		{"capture-catch:touchstart", Binding{Event: "touchstart", Phase: Capture, Catch: true}, true},
		{"capture-mut-bind:tap", Binding{Event: "tap", Phase: Capture, Mut: true}, true},
		{"bind:scrolltolower", Binding{Event: "scrolltolower"}, true},
		{"bind:", Binding{}, false},
		{"bind", Binding{}, false},
		{"class", Binding{}, false},
		{"data-bind", Binding{}, false},
		{"bind:a.b", Binding{}, false},
	}
	for _, c := range cases {
		got, ok := ParseEventAttr(c.name)
		if ok != c.ok || got != c.want {
			t.Errorf("ParseEventAttr(%q) = %+v, %v; want %+v, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

func TestBubbles(t *testing.T) {
	for ev, want := range map[string]bool{"tap": true, "touchmove": true, "scroll": false, "change": false} {
		if got := Bubbles(ev); got != want {
			t.Errorf("Bubbles(%q) = %v, want %v", ev, got, want)
		}
	}
}
