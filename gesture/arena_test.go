package gesture

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// states renders the events as "tag:state" in order, e.g. "pan:0 pan:1".
func states(path []Handler, evs []HandlerEvent) string {
	var b []string
	for _, e := range evs {
		b = append(b, fmt.Sprintf("%s:%d", path[e.Index].Tag, e.Payload.State))
	}
	return strings.Join(b, " ")
}

func h(k HandlerKind, tag string, sim ...string) Handler {
	return Handler{Kind: k, Tag: tag, Simultaneous: sim}
}

func TestArenaPanSequence(t *testing.T) {
	path := []Handler{h(PanHandler, "pan")}
	var a Arena
	a.Down(path, 1, 100, 100, 0, 0)
	if got := states(path, a.Events()); got != "pan:0" {
		t.Fatalf("down: %s", got)
	}
	a.Move(1, 104, 100, 16, 0) // within the slop
	if got := states(path, a.Events()); got != "" {
		t.Fatalf("inside slop: %s", got)
	}
	a.Move(1, 112, 103, 32, 0)
	evs := a.Events()
	if got := states(path, evs); got != "pan:1" {
		t.Fatalf("past slop: %s", got)
	}
	if p := evs[0].Payload; p.DeltaX != 12 || p.DeltaY != 3 || p.AbsoluteX != 112 {
		t.Errorf("begin payload %+v", p)
	}
	a.Move(1, 130, 103, 48, 0)
	evs = a.Events()
	if got := states(path, evs); got != "pan:2" || evs[0].Payload.DeltaX != 18 {
		t.Fatalf("move: %s %+v", got, evs)
	}
	a.Up(1, 130, 103, 50)
	evs = a.Events()
	if got := states(path, evs); got != "pan:3" {
		t.Fatalf("up: %s", got)
	}
	// 30 px right in 48 ms: the finger's velocity, positive to the right.
	if v := evs[0].Payload.VelocityX; v < 500 || v > 2000 {
		t.Errorf("release velocity %v px/s, want the finger's (about 625–1100)", v)
	}
}

// Rule 3: a drag along its axis beats a pan, inner or outer; across its
// axis it fails and the pan wins. Same-type nesting: the inner wins.
func TestArenaNegotiation(t *testing.T) {
	cases := []struct {
		name   string
		path   []Handler
		dx, dy float64
		want   string
	}{
		{"vertical move, drag inside pan", []Handler{h(VerticalDragHandler, "v"), h(PanHandler, "pan")}, 0, 30, "v:0 pan:0 v:1 pan:4"},
		{"vertical move, pan inside drag", []Handler{h(PanHandler, "pan"), h(VerticalDragHandler, "v")}, 0, 30, "pan:0 v:0 v:1 pan:4"},
		{"horizontal move, drag inside pan", []Handler{h(VerticalDragHandler, "v"), h(PanHandler, "pan")}, 30, 0, "v:0 pan:0 v:4 pan:1"},
		{"pans nested: the inner", []Handler{h(PanHandler, "in"), h(PanHandler, "out")}, 20, 20, "in:0 out:0 in:1 out:4"},
		{"simultaneous both ways", []Handler{h(PanHandler, "in", "out"), h(PanHandler, "out", "in")}, 20, 20, "in:0 out:0 in:1 out:1"},
		{"listed one way only", []Handler{h(PanHandler, "in", "out"), h(PanHandler, "out")}, 20, 20, "in:0 out:0 in:1 out:4"},
		{"horizontal drag, tap outside", []Handler{h(HorizontalDragHandler, "hd"), h(TapHandler, "tap")}, 30, 2, "hd:0 hd:1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var a Arena
			a.Down(c.path, 1, 50, 50, 0, 0)
			a.Move(1, 50+c.dx, 50+c.dy, 16, 0)
			if got := states(c.path, a.Events()); got != sortedPossible(c.want) {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}

// sortedPossible keeps want as written (the POSSIBLE reports come in path
// order: innermost first).
func sortedPossible(s string) string { return s }

func TestArenaTapAndDoubleTap(t *testing.T) {
	path := []Handler{h(TapHandler, "tap"), h(DoubleTapHandler, "dbl")}
	var a Arena
	// One tap: the tap waits for the double-tap window to close.
	a.Down(path, 1, 10, 10, 0, 0)
	a.Up(1, 11, 10, 80)
	if got := states(path, a.Events()); got != "" {
		t.Fatalf("tap before the window closed: %s", got)
	}
	a.Advance(300)
	if got := states(path, a.Events()); got != "" {
		t.Fatalf("tap at 300 ms: %s", got)
	}
	a.Advance(400)
	evs := a.Events()
	if got := states(path, evs); got != "tap:1" || evs[0].Payload.AbsoluteX != 11 {
		t.Fatalf("tap after the window: %s %+v", got, evs)
	}
	// Two taps: a double tap, no tap.
	a.Down(path, 1, 10, 10, 1000, 0)
	a.Up(1, 10, 10, 1060)
	a.Down(path, 1, 14, 12, 1200, 0)
	a.Up(1, 14, 12, 1260)
	if got := states(path, a.Events()); got != "dbl:1" {
		t.Fatalf("double tap: %s", got)
	}
	a.Advance(2000)
	if got := states(path, a.Events()); got != "" {
		t.Fatalf("after the double tap: %s", got)
	}
	// A tap that moved is no tap.
	a.Down(path, 1, 10, 10, 3000, 0)
	a.Move(1, 40, 10, 3016, 0)
	a.Up(1, 40, 10, 3030)
	a.Advance(4000)
	if got := states(path, a.Events()); got != "" {
		t.Fatalf("moved tap: %s", got)
	}
}

func TestArenaLongPress(t *testing.T) {
	path := []Handler{h(LongPressHandler, "lp"), h(TapHandler, "tap")}
	var a Arena
	a.Down(path, 1, 20, 20, 0, 0)
	a.Advance(200)
	if got := states(path, a.Events()); got != "lp:0" {
		t.Fatalf("at 200 ms: %s", got)
	}
	a.Advance(LongPressDelay)
	if got := states(path, a.Events()); got != "lp:1" {
		t.Fatalf("at 350 ms: %s", got)
	}
	a.Move(1, 25, 29, 400, 0)
	evs := a.Events()
	if got := states(path, evs); got != "lp:2" || evs[0].Payload.TranslationX != 5 || evs[0].Payload.TranslationY != 9 {
		t.Fatalf("move: %s %+v", got, evs)
	}
	a.Up(1, 25, 29, 500)
	if got := states(path, a.Events()); got != "lp:3" {
		t.Fatalf("up: %s", got)
	}
}

type hooks struct {
	refuse  map[int]bool
	silence bool
	asked   []int
}

func (h *hooks) ShouldAccept(i int) bool { h.asked = append(h.asked, i); return !h.refuse[i] }
func (h *hooks) ShouldRespondOnMove(i int, e PointerEvent) bool {
	return !h.silence
}

func TestArenaHooks(t *testing.T) {
	path := []Handler{h(PanHandler, "in"), h(PanHandler, "out")}
	hk := &hooks{refuse: map[int]bool{0: true}}
	a := Arena{Hooks: hk}
	a.Down(path, 1, 0, 0, 0, 0)
	a.Move(1, 0, 20, 16, 0)
	// The inner one declines: it is cancelled and the outer one is asked.
	if got := states(path, a.Events()); got != "in:0 out:0 in:4 out:1" {
		t.Fatalf("got %s", got)
	}
	if fmt.Sprint(hk.asked) != "[0 1]" {
		t.Errorf("asked %v", hk.asked)
	}
	hk.silence = true
	a.Move(1, 0, 40, 32, 0)
	if got := states(path, a.Events()); got != "" || a.AllowsNative(1) {
		t.Fatalf("silenced move delivered: %s (native %v)", got, a.AllowsNative(1))
	}
	hk.silence = false
	a.Move(1, 0, 50, 48, 0)
	evs := a.Events()
	// The silenced move is not lost: the next delta runs from the last one
	// delivered.
	if got := states(path, evs); got != "out:2" || evs[0].Payload.DeltaY != 30 || !a.AllowsNative(1) {
		t.Fatalf("resumed: %s %+v", got, evs)
	}
	a.Cancel()
	if got := states(path, a.Events()); got != "out:4" {
		t.Fatalf("cancel: %s", got)
	}
}

func TestArenaScale(t *testing.T) {
	path := []Handler{h(ScaleHandler, "s")}
	var a Arena
	a.Down(path, 1, 100, 100, 0, 0)
	a.Down(path, 2, 200, 100, 10, 0)
	evs := a.Events()
	if got := states(path, evs); got != "s:0 s:1" || evs[1].Payload.PointerCount != 2 || evs[1].Payload.Scale != 1 {
		t.Fatalf("two fingers: %s %+v", got, evs)
	}
	// Spread to twice the distance and turn a quarter: scale 2, rotation π/2.
	a.Move(2, 150, 300, 30, 0)
	a.Move(1, 150, 100, 40, 0)
	evs = a.Events()
	last := evs[len(evs)-1].Payload
	if last.State != StateActive || math.Abs(last.Scale-2) > 1e-9 || math.Abs(last.Rotation-math.Pi/2) > 1e-9 || last.FocalX != 150 || last.FocalY != 200 {
		t.Fatalf("spread: %+v", last)
	}
	a.Up(2, 150, 300, 50)
	if got, evs := states(path, a.Events()), evs; got != "s:3 s:1" {
		t.Fatalf("one finger lifts: %s %+v", got, evs)
	}
	a.Move(1, 160, 100, 60, 0)
	a.Up(1, 160, 100, 70)
	evs = a.Events()
	if got := states(path, evs); got != "s:2 s:3" || evs[1].Payload.PointerCount != 0 {
		t.Fatalf("second run: %s %+v", got, evs)
	}
}

func TestArenaForcePress(t *testing.T) {
	path := []Handler{h(ForcePressHandler, "f")}
	var a Arena
	a.Down(path, 1, 0, 0, 0, 0)
	a.Move(1, 1, 0, 16, 0)
	a.Up(1, 1, 0, 900)
	if got := states(path, a.Events()); got != "" {
		t.Fatalf("without pressure: %s", got)
	}
	a.Down(path, 1, 0, 0, 1000, 0)
	a.Move(1, 1, 0, 1016, 0.7)
	evs := a.Events()
	if got := states(path, evs); got != "f:1" || evs[0].Payload.Pressure != 0.7 {
		t.Fatalf("with pressure: %s %+v", got, evs)
	}
}

// A running pan's move allocates nothing.
func TestArenaMoveAllocs(t *testing.T) {
	path := []Handler{h(PanHandler, "pan"), h(VerticalDragHandler, "v", "pan")}
	var a Arena
	a.Down(path, 1, 0, 0, 0, 0)
	a.Move(1, 30, 0, 16, 0)
	a.Events()
	x, tm := 30.0, 16.0
	allocs := testing.AllocsPerRun(200, func() {
		x++
		tm += 16
		a.Move(1, x, 0, tm, 0)
		a.Events()
	})
	if allocs != 0 {
		t.Errorf("%v allocations per move", allocs)
	}
}
