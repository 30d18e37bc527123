package scroll

import "testing"

// Two sections of a 50 px header and ten 100 px items: section 2 starts at
// 1,050. Spec §4.6: top = max(natural, offset-top), pushed by the section
// end when push-pinned-header.
func TestStickyPinPushRelease(t *testing.T) {
	type want struct {
		off            float64
		top1, top2     float64
		stuck1, stuck2 bool
	}
	for _, tc := range []struct {
		name       string
		keep       bool
		offsetTop1 float64
		steps      []want
	}{
		{"push", false, 0, []want{
			{0, 0, 1050, false, false},
			{300, 0, 750, true, false},
			{1000, 0, 50, true, false},
			{1020, -20, 30, true, false}, // pushed by section 2
			{1050, -50, 0, false, false}, // released: out of sight
			{1100, -100, 0, false, true},
			{300, 0, 750, true, false}, // back
		}},
		{"offset-top", false, 20, []want{
			{0, 20, 1050, true, false}, // max(natural 0, offset-top 20)
			{10, 20, 1040, true, false},
			{300, 20, 750, true, false},
			{990, 10, 60, true, false}, // section end 60 − 50
			{1010, -10, 40, true, false},
		}},
		{"keep pinned", true, 0, []want{
			{300, 0, 750, true, false},
			{1100, 0, 0, true, true}, // header 2 overlaps header 1
			{5000, 0, 0, true, true},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bx := boxes{1: 50, 2: 50}
			h1 := &StickyHeader{Layouter: bx, Node: 1, OffsetTop: tc.offsetTop1}
			h2 := &StickyHeader{Layouter: bx, Node: 2}
			l1 := &List{Children: newHost(t, 10, func(int) float64 { return 100 })}
			l2 := &List{Children: newHost(t, 60, func(int) float64 { return 100 })}
			vp := &Viewport{MainExtent: 500, CrossExtent: 300, Slivers: []Sliver{
				&StickySection{Children: []Sliver{h1, l1}, KeepPinned: tc.keep},
				&StickySection{Children: []Sliver{h2, l2}, KeepPinned: tc.keep},
			}}
			s1, s2 := false, false
			for _, st := range tc.steps {
				vp.Layout(st.off)
				for _, ev := range vp.Frame.StickEvents {
					if ev.Header == h1 {
						s1 = ev.IsStickOnTop
					} else {
						s2 = ev.IsStickOnTop
					}
				}
				if h1.Top() != st.top1 || h2.Top() != st.top2 || s1 != st.stuck1 || s2 != st.stuck2 ||
					h1.Stuck() != s1 || h2.Stuck() != s2 {
					t.Errorf("offset %v: tops %v %v stuck %v %v, want %v %v %v %v", st.off,
						h1.Top(), h2.Top(), s1, s2, st.top1, st.top2, st.stuck1, st.stuck2)
				}
			}
		})
	}
}

// stickontopchange fires on transitions only.
func TestStickEventsOnTransitions(t *testing.T) {
	bx := boxes{1: 50}
	h := &StickyHeader{Layouter: bx, Node: 1}
	l := &List{Children: newHost(t, 10, func(int) float64 { return 100 })}
	vp := &Viewport{MainExtent: 500, CrossExtent: 300, Slivers: []Sliver{&StickySection{Children: []Sliver{h, l}}}}
	var got []bool
	for _, off := range []float64{0, 10, 20, 30, 0, 0, 40} {
		vp.Layout(off)
		for _, ev := range vp.Frame.StickEvents {
			got = append(got, ev.IsStickOnTop)
		}
	}
	if len(got) != 3 || !got[0] || got[1] || !got[2] {
		t.Errorf("events %v, want [true false true]", got)
	}
}

// Several headers in one section stack below each other; allow-overlapping
// pins at its own offset-top instead (our reading of spec §4.6).
func TestStickyHeadersStack(t *testing.T) {
	for _, overlap := range []bool{false, true} {
		bx := boxes{1: 40, 2: 30}
		h1 := &StickyHeader{Layouter: bx, Node: 1}
		h2 := &StickyHeader{Layouter: bx, Node: 2, AllowOverlapping: overlap}
		l1 := &List{Children: newHost(t, 3, func(int) float64 { return 100 })}
		l2 := &List{Children: newHost(t, 30, func(int) float64 { return 100 })}
		vp := &Viewport{MainExtent: 500, CrossExtent: 300, Slivers: []Sliver{
			&StickySection{Children: []Sliver{h1, l1, h2, l2}},
		}}
		vp.Layout(600) // h2's natural place is 340 − 600
		want := 40.0
		if overlap {
			want = 0
		}
		if h1.Top() != 0 || h2.Top() != want {
			t.Errorf("overlap %v: tops %v %v, want 0 %v", overlap, h1.Top(), h2.Top(), want)
		}
	}
}

// Custom mode mixes plain boxes and lazy slivers; item positions follow.
func TestCustomSequence(t *testing.T) {
	bx := boxes{7: 120}
	h := newHost(t, 100, func(int) float64 { return 50 })
	vp := &Viewport{MainExtent: 400, CrossExtent: 300, Padding: Insets{Top: 10, Left: 3},
		Slivers: []Sliver{&Box{Layouter: bx, Node: 7}, &List{Children: h}}}
	vp.Layout(100)
	if vp.SliverStart(1) != 130 || vp.ContentExtent() != 130+5000 {
		t.Fatalf("starts %v content %v", vp.SliverStart(1), vp.ContentExtent())
	}
	for _, p := range vp.Frame.Placements {
		want := 130 + float64(p.Index)*50 - 100
		if p.Index < 0 {
			want = -90
		}
		if p.Main != want || p.Cross != 3 {
			t.Errorf("placement %+v, want main %v", p, want)
		}
	}
	if g := vp.Geometry(0); g.PaintExtent != 30 || g.ScrollExtent != 120 {
		t.Errorf("box geometry %+v", g)
	}
}
