package layout

// RoundTree is a Tree that also stores rounded layouts.
type RoundTree interface {
	Tree
	SetFinalLayout(id NodeID, l Layout)
}

// RoundLayout snaps every layout under root to whole pixels, a separate
// final pass as in Taffy: positions round relative to the parent, sizes as
// round(absolute far edge) − round(absolute near edge), so abutting boxes
// stay abutting. Unrounded layouts are left untouched (the engine lays out
// and paints with them).
func RoundLayout(t RoundTree, root NodeID) {
	roundInner(t, root, 0, 0, 0)
}

func roundInner(t RoundTree, id NodeID, cx, cy float32, depth int) {
	if depth >= maxDepth {
		return // not laid out either (ComputeCached)
	}
	u := t.UnroundedLayout(id)
	l := *u
	if u.Fixed {
		cx, cy = 0, 0
	}
	ax, ay := cx+u.Location.X, cy+u.Location.Y
	l.Location = Point{round(u.Location.X), round(u.Location.Y)}
	l.Size = Size{round(ax+u.Size.Width) - round(ax), round(ay+u.Size.Height) - round(ay)}
	l.ContentSize = Size{round(ax+u.ContentSize.Width) - round(ax), round(ay+u.ContentSize.Height) - round(ay)}
	l.Border = roundRect(u.Border)
	l.Padding = roundRect(u.Padding)
	t.SetFinalLayout(id, l)
	n := t.ChildCount(id)
	for i := 0; i < n; i++ {
		roundInner(t, t.Child(id, i), ax, ay, depth+1)
	}
}

func roundRect(r Rect) Rect {
	return Rect{round(r.Top), round(r.Right), round(r.Bottom), round(r.Left)}
}

// round rounds half away from zero, like Taffy's f32::round.
func round(v float32) float32 {
	if v < 0 {
		return -float32(int64(-v + 0.5))
	}
	return float32(int64(v + 0.5))
}
