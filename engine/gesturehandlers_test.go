package engine

import (
	"fmt"
	"strings"
	"testing"
)

// A pan handler's callbacks reach its template's method with spec §5.3's
// payload, state by state; a vertical-drag handler inside a scroll-view
// wins the vertical drag and the list does not scroll (spec §5.5 rule 4);
// a horizontal drag leaves the handler and the list to themselves.
func TestGestureHandlerCalls(t *testing.T) {
	src := `<pan-gesture-handler worklet:ongesture="onPan"><view id="box" style="width: 200px; height: 200px"/></pan-gesture-handler>
<scroll-view id="list" scroll-y type="list" style="height: 300px">
  <vertical-drag-gesture-handler tag="v" worklet:ongesture="onDrag"><view style="height: 2000px"/></vertical-drag-gesture-handler>
</scroll-view>`
	p, err := loadWXML(t, src, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	p.Update()
	calls := func() string {
		var b []string
		for _, c := range p.DrainHandlerCalls() {
			if c.Event.Type != "gesture" {
				continue
			}
			d := c.Event.Detail.(map[string]any)
			b = append(b, fmt.Sprintf("%s:%v(%v,%v)", c.Handler, d["state"], d["deltaX"], d["deltaY"]))
		}
		return strings.Join(b, " ")
	}
	p.TouchStart(1, 100, 100, 0)
	p.TouchMove(1, 120, 110, 16)
	p.TouchMove(1, 150, 110, 32)
	p.TouchEnd(1, 150, 110, 48)
	if got, want := calls(), "onPan:0(0,0) onPan:1(20,10) onPan:2(30,0) onPan:3(0,0)"; got != want {
		t.Fatalf("pan calls %s, want %s", got, want)
	}
	// The drag inside the list: 100 px up.
	p.TouchStart(2, 100, 400, 100)
	for i := 1; i <= 10; i++ {
		p.TouchMove(2, 100, 400-float64(10*i), 100+float64(16*i))
	}
	p.TouchEnd(2, 100, 300, 300)
	got := calls()
	if !strings.HasPrefix(got, "onDrag:0(0,0) onDrag:1(0,-10) onDrag:2(0,-10)") || strings.Count(got, "onDrag:2(0,-10)") != 9 || !strings.HasSuffix(got, "onDrag:3(0,0)") {
		t.Fatalf("drag calls %s", got)
	}
	if off, _, _ := p.ScrollOffset(findID(p.Root(), "list")); off != 0 {
		t.Errorf("the list scrolled to %v under a winning vertical-drag handler", off)
	}
}
