package engine

import (
	"fmt"
	"testing"
)

// findDump returns the dump box with id.
func findDump(b *DumpBox, id string) *DumpBox {
	if b.ID == id {
		return b
	}
	for _, c := range b.Children {
		if f := findDump(c, id); f != nil {
			return f
		}
	}
	return nil
}

// TestScrollDumpOffsetZero: the layout dump lists a type="list"
// scroll-view's children at their offset-0 places, all of them (render-cli.md:
// every scroll offset taken as 0), whatever the current offset — and
// dumping does not move what the frame paints.
func TestScrollDumpOffsetZero(t *testing.T) {
	p, sv := eventsPage(t, "")
	p.ScrollTo(sv, 1000, false)
	p.Update()
	row10 := findID(p.Root(), "row-10")
	_, before, _, _ := absOf(p, row10)
	d := p.LayoutDump()
	for i := range 20 {
		b := findDump(d.Root, fmt.Sprintf("row-%d", i))
		if b == nil {
			t.Fatalf("row-%d not in the dump", i)
		}
		if want := float32(100 + 100*i); b.Box[1] != want || b.Box[3] != 100 {
			t.Fatalf("row-%d dumped at y=%v h=%v, want y=%v h=100", i, b.Box[1], b.Box[3], want)
		}
	}
	if _, after, _, _ := absOf(p, row10); after != before || before != 100 {
		t.Fatalf("row-10 at %v before the dump and %v after; want 100 (offset 1000)", before, after)
	}
}

// TestScrollDumpBuilder: for a builder only the built items are listed,
// at their offset-0 positions (their place in the content).
func TestScrollDumpBuilder(t *testing.T) {
	p, sv, b := loadBuilder(t, 1000)
	p.ScrollTo(sv, 20000, false)
	p.Update()
	live, _, _, _ := p.BuilderStats(b)
	svTop := p.pipe.lt.boxes[sv.Index].absY
	off, _, _ := p.ScrollOffset(sv)
	shown := map[string]float32{}
	for _, pl := range rtOf(sv).scroll.vp.Frame.Placements {
		n := p.pipe.lt.boxes[pl.Node].node
		shown[n.ID()] = p.pipe.lt.boxes[pl.Node].absY
	}
	d := p.LayoutDump()
	db := findDump(d.Root, "b")
	if db == nil || len(db.Children) != live || live == 0 {
		t.Fatalf("dump lists %d builder items, want the %d built", len(db.Children), live)
	}
	for _, c := range db.Children {
		y, ok := shown[c.ID]
		if !ok {
			t.Fatalf("%s dumped but not built", c.ID)
		}
		if want := y + float32(off); c.Box[1] != want || c.Box[1] < svTop+15000 {
			t.Fatalf("%s dumped at y=%v, want %v (on screen %v + offset %v)", c.ID, c.Box[1], want, y, off)
		}
	}
}
