package gesture

import (
	"fmt"
	"strings"
	"testing"
)

// fscroll is a test scrollable: it claims once |motion| passes slop and
// logs what the drag asks of it.
type fscroll struct {
	name     string
	vertical bool
	slop     float64
	moved    float64
	log      *[]string
}

func (f *fscroll) Vertical() bool { return f.vertical }
func (f *fscroll) Moving() bool   { return false }
func (f *fscroll) Linked() bool   { return false }
func (f *fscroll) DragStart()     { *f.log = append(*f.log, f.name+".start") }
func (f *fscroll) DragUpdate(d float64) bool {
	f.moved += d
	return f.moved > f.slop || f.moved < -f.slop
}
func (f *fscroll) DragEnd(v float64)  { *f.log = append(*f.log, fmt.Sprintf("%s.end(%g)", f.name, v)) }
func (f *fscroll) Sync()              {}
func (f *fscroll) ScrollBy(d float64) { f.moved += d }

// TestDragClaim: a horizontal inner list lets a vertical drag through to
// its vertical parent, which flings with the finger's velocity.
func TestDragClaim(t *testing.T) {
	var log []string
	inner := &fscroll{name: "inner", slop: 18, log: &log}
	outer := &fscroll{name: "outer", vertical: true, slop: 18, log: &log}
	var c Candidates
	c.Add(inner)
	c.Add(outer)
	var d Drag
	if d.Start(7, 100, 300, 0, &c) {
		t.Error("caught a scroll-view that was not moving")
	}
	for i, y := range []float64{290, 280, 270, 260} {
		d.Move(100, y, float64(10*(i+1)))
	}
	if !d.Claimed() || !d.Drives(7) {
		t.Fatal("the vertical drag was not claimed")
	}
	if !d.End(false) || d.Down() {
		t.Error("End: not claimed, or still down")
	}
	want := "inner.start outer.start inner.end(0) outer.end(1000)"
	if got := strings.Join(log, " "); got != want {
		t.Errorf("log %q, want %q", got, want)
	}
}
