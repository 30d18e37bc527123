package engine

import "testing"

// TestScrollPropsSetData: scroll-top and scroll-into-view act when setData
// changes them (spec §4.5): into-view has priority, honours
// -offset / -alignment (nearest does nothing when the target is fully
// visible), and scroll-with-animation turns the jump into an animation
// that Advance runs to the same place.
func TestScrollPropsSetData(t *testing.T) {
	p, sv := eventsPage(t, `scroll-top="{{top}}" scroll-into-view="{{into}}" scroll-into-view-alignment="{{align}}" scroll-into-view-offset="{{ioff}}" scroll-with-animation="{{anim}}"`)
	for _, s := range []struct {
		data map[string]any
		want float64
	}{
		{map[string]any{"top": 300.0}, 300},
		{map[string]any{"top": 5000.0}, 1600}, // clamped at the end
		{map[string]any{"into": "row-5"}, 500},
		{map[string]any{"into": "row-7", "align": "center"}, 700 + 50 - 200},
		{map[string]any{"into": "row-12", "align": "end"}, 1300 - 400},
		{map[string]any{"into": "row-14", "align": "nearest"}, 1400 + 100 - 400}, // below: its end at the bottom
		{map[string]any{"into": "row-12", "align": "nearest"}, 1100},             // fully visible: nothing moves
		{map[string]any{"into": "row-3", "align": "start", "ioff": -44.0}, 300 - 44},
		{map[string]any{"top": 120.0, "into": "row-2"}, 200 - 44}, // into-view wins over scroll-top
	} {
		if err := p.SetData(s.data); err != nil {
			t.Fatal(err)
		}
		p.Update()
		if off, _, _ := p.ScrollOffset(sv); off != s.want {
			t.Fatalf("after setData %v: offset %v, want %v", s.data, off, s.want)
		}
	}
	if err := p.SetData(map[string]any{"anim": true, "top": 900.0, "into": ""}); err != nil {
		t.Fatal(err)
	}
	p.Update()
	if off, _, _ := p.ScrollOffset(sv); off == 900 {
		t.Fatal("scroll-with-animation jumped")
	}
	frames := 0
	for ; p.Advance(1.0/60) && frames < 100; frames++ {
	}
	if off, _, _ := p.ScrollOffset(sv); off != 900 || frames < 10 || frames > 25 {
		t.Fatalf("animation ended at %v after %d frames; want 900 after about 0.3 s", off, frames)
	}
}
