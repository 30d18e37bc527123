package gesture

import "testing"

// htree is a test box tree: box i has boxes[i] and kids[i] (paint order).
type htree struct {
	boxes []HitBox
	kids  [][]BoxID
	shift float32 // Untransform moves points left by shift
}

func (t *htree) HitBox(id BoxID) HitBox { return t.boxes[id] }
func (t *htree) Untransform(id BoxID, x, y float32) (float32, float32, bool) {
	return x - t.shift, y, true
}
func (t *htree) AppendHitChildren(id BoxID, buf []BoxID) []BoxID {
	return append(buf, t.kids[id]...)
}

func TestHitTester(t *testing.T) {
	r := func(x0, y0, x1, y1 float32) Rect { return Rect{x0, y0, x1, y1} }
	tr := &htree{
		boxes: []HitBox{
			{Border: r(0, 0, 100, 100), Target: true},                                       // 0 root
			{Border: r(0, 0, 50, 50), Target: true},                                         // 1
			{Border: r(0, 0, 50, 50), Target: false},                                        // 2 over 1, not a target
			{Border: r(60, 0, 100, 40), Target: true, Clips: true, Clip: r(60, 0, 100, 40)}, // 3
			{Border: r(60, 30, 100, 80), Target: true},                                      // 4 child of 3, clipped
			{None: true, Border: r(0, 60, 50, 100), Target: true},                           // 5 gone
			{Border: r(0, 80, 10, 90), Target: true, Transformed: true},                     // 6
		},
		kids:  [][]BoxID{{1, 2, 3, 5, 6}, nil, nil, {4}, nil, nil, nil},
		shift: 20,
	}
	var h HitTester
	for _, c := range []struct {
		x, y float32
		want BoxID
	}{
		{10, 10, 1}, {70, 35, 4}, {70, 50, 0}, {10, 70, 0}, {25, 85, 6}, {5, 85, 0},
	} {
		got, ok := h.Hit(tr, 0, c.x, c.y)
		if !ok || got != c.want {
			t.Errorf("Hit(%v, %v) = %v, %v; want %v", c.x, c.y, got, ok, c.want)
		}
	}
	if _, ok := h.Hit(tr, 0, 200, 10); ok {
		t.Error("a point outside every box hit something")
	}
}
