package layout

import "testing"

func TestFixedAgainstViewport(t *testing.T) {
	cases := []struct {
		name, style string
		want        box
	}{
		{"insets from right and bottom", "position:fixed; right:10px; bottom:20px; width:50px; height:50px", box{315, 597, 50, 50}},
		{"auto insets are zero (spec §3.5)", "position:fixed; width:50px; height:50px; margin-left:5px", box{5, 0, 50, 50}},
		{"percentages of the viewport", "position:fixed; left:0; top:10%; width:50%; height:25%", box{0, 66.7, 187.5, 166.75}},
		{"both insets size the box", "position:fixed; left:10px; right:10px; top:0; bottom:0", box{10, 0, 355, 667}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var tr MemTree
			tr.SetViewport(Size{375, 667})
			fixed := tr.NewNode(css(t, tc.style))
			inner := tr.NewNode(css(t, "margin:40px; width:100px; height:100px"), fixed)
			root := tr.NewNode(css(t, "width:375px; height:667px; padding:7px"), inner)
			tr.Compute(root, MaybeSize{Some(375), Some(667)})
			l := tr.Layout(fixed)
			if !l.Fixed {
				t.Errorf("layout not marked Fixed")
			}
			if got := layoutBox(&tr, fixed); !near(got, tc.want) {
				t.Errorf("fixed = %+v, want %+v (relative to the viewport, not the parent)", got, tc.want)
			}
			tr.Round(root)
			if r := tr.RoundedLayout(fixed); r.Location.X != round(tc.want.X) || r.Location.Y != round(tc.want.Y) {
				t.Errorf("rounded fixed location = %+v", r.Location)
			}
		})
	}
}

func TestAbsoluteStaticPosition(t *testing.T) {
	cases := []struct {
		name, parent string
		want         box
	}{
		{"flex column start", "width:100px; height:100px", box{0, 0, 20, 20}},
		{"flex centred both ways", "width:100px; height:100px; justify-content:center; align-items:center", box{40, 40, 20, 20}},
		{"flex row end", "width:100px; height:100px; flex-direction:row; justify-content:flex-end; align-items:flex-end", box{80, 80, 20, 20}},
		{"row-reverse starts at the right", "width:100px; height:100px; flex-direction:row-reverse", box{80, 0, 20, 20}},
		{"padding offsets the content box", "width:100px; height:100px; padding:10px 0 0 5px", box{5, 10, 20, 20}},
		{"block after the previous sibling", "display:block; width:100px; height:100px", box{0, 30, 20, 20}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var tr MemTree
			sib := tr.NewNode(css(t, "height:30px; position:absolute; width:10px"))
			if tc.name == "block after the previous sibling" {
				sib = tr.NewNode(css(t, "display:block; height:30px"))
			}
			abs := tr.NewNode(css(t, "position:absolute; width:20px; height:20px"))
			root := tr.NewNode(css(t, tc.parent), sib, abs)
			tr.Compute(root, MaybeSize{})
			if got := layoutBox(&tr, abs); !near(got, tc.want) {
				t.Errorf("absolute = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestAbsoluteThroughStaticParent(t *testing.T) {
	var tr MemTree
	abs := tr.NewNode(css(t, "position:absolute; right:0; bottom:0; width:50%; height:10px"))
	static := tr.NewNode(css(t, "position:static; margin-left:30px; width:50px; height:50px; left:99px"), abs)
	root := tr.NewNode(css(t, "width:200px; height:100px"), static)
	tr.Compute(root, MaybeSize{})
	if got, want := layoutBox(&tr, static), (box{30, 0, 50, 50}); !near(got, want) {
		t.Errorf("static box = %+v, want %+v (insets ignored)", got, want)
	}
	// Containing block is the root (200×100): x = 200-100-30 relative to the static parent.
	if got, want := layoutBox(&tr, abs), (box{70, 90, 100, 10}); !near(got, want) {
		t.Errorf("absolute = %+v, want %+v", got, want)
	}
}

func TestPercentages(t *testing.T) {
	cases := []struct {
		name, parent, child string
		want                box
	}{
		{"width and padding against parent width", "width:200px; height:100px", "width:50%; padding-top:10%; height:auto", box{0, 0, 100, 20}},
		{"height against definite height", "width:200px; height:100px", "height:25%", box{0, 0, 200, 25}},
		{"height against indefinite height is auto", "width:200px", "height:50%; width:10px", box{0, 0, 10, 0}},
		{"margin percent uses width for vertical too", "width:200px; height:100px", "margin-top:10%; height:10px", box{0, 20, 200, 10}},
		{"relative inset percent", "width:200px; height:100px", "top:10%; left:10%; height:10px; width:10px", box{20, 10, 10, 10}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var tr MemTree
			ch := tr.NewNode(css(t, tc.child))
			root := tr.NewNode(css(t, tc.parent), ch)
			tr.Compute(root, MaybeSize{})
			if got := layoutBox(&tr, ch); !near(got, tc.want) {
				t.Errorf("child = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestDisplayNoneIsSkipped(t *testing.T) {
	var tr MemTree
	gone := tr.NewNode(css(t, "display:none; width:50px; height:50px"), tr.NewNode(css(t, "width:5px; height:5px")))
	a := tr.NewNode(css(t, "height:10px"))
	root := tr.NewNode(css(t, "width:100px"), gone, a)
	tr.Compute(root, MaybeSize{})
	if got := layoutBox(&tr, gone); got != (box{}) {
		t.Errorf("display:none box = %+v, want zero", got)
	}
	if got, want := layoutBox(&tr, a), (box{0, 0, 100, 10}); !near(got, want) {
		t.Errorf("sibling = %+v, want %+v", got, want)
	}
}

func TestLeafMeasureAndBaseline(t *testing.T) {
	var tr MemTree
	// A text-like leaf: 120×20 on one line, 60×40 when wrapped to its
	// narrowest (min-content), first baseline 15 below the content top.
	text := func(known MaybeSize, avail AvailableSize) (Size, Maybe) {
		switch {
		case avail.Width.Kind == MinContent:
			return Size{60, 40}, Some(15)
		case avail.Width.Kind == Definite && avail.Width.Value < 120:
			return Size{max32(avail.Width.Value, 60), 40}, Some(15)
		}
		return Size{120, 20}, Some(15)
	}
	big := tr.NewLeaf(css(t, "padding-top:5px"), text)
	box2 := tr.NewNode(css(t, "width:30px; height:30px; flex-shrink:0"))
	root := tr.NewNode(css(t, "width:100px; flex-direction:row; align-items:baseline"), big, box2)
	tr.Compute(root, MaybeSize{})
	// The leaf shrinks to 100 - 30 = 70 and wraps (height 40 + 5 padding).
	if got, want := layoutBox(&tr, big), (box{0, 10, 70, 45}); !near(got, want) {
		t.Errorf("leaf = %+v, want %+v", got, want)
	}
	// Baseline alignment: the leaf's baseline is 20 below its top, the
	// box's is its bottom edge (30), so the leaf moves down by 10.
	if got, want := layoutBox(&tr, box2), (box{70, 0, 30, 30}); !near(got, want) {
		t.Errorf("box = %+v, want %+v", got, want)
	}
}
