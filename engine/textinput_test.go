package engine

import (
	"fmt"
	"image"
	"path/filepath"
	"strings"
	"testing"
)

// Typing into inputs: a tap gives the keyboard (focus), typed text —
// Chinese included — fires input with WeChat's detail and honours
// maxlength; type="number" keeps digits; Backspace deletes; Enter confirms
// and blurs; a tap elsewhere blurs; setData of a new value replaces what
// was typed. The frame shows the text where the placeholder was.
func TestTextInput(t *testing.T) {
	p, err := Load(filepath.Join("..", "testdata", "pages", "input-demo"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
	before := image.NewRGBA(image.Rect(0, 0, 375, 667))
	p.Render(before)
	events := func() string {
		var out []string
		for _, c := range p.DrainHandlerCalls() {
			d := detailOf(t, c)
			out = append(out, fmt.Sprintf("%s:%s(%v,%v,%v)", c.Event.Type, c.Event.Target.ID, d["value"], d["cursor"], d["keyCode"]))
		}
		return strings.Join(out, " ")
	}
	name := findID(p.Root(), "name")
	x, y, w, h, _ := p.BorderBox(name)
	p.Tap(float64(x+w/2), float64(y+h/2), 10)
	if got := events(); got != "focus:name(,<nil>,<nil>)" || p.Focused() != name {
		t.Fatalf("tap: %q (focused %v)", got, p.Focused())
	}
	p.InputText("你好", 20)
	p.InputText("世界！", 30) // maxlength 5 keeps 3 of the 4 more
	if got := events(); got != "input:name(你好,2,22909) input:name(你好世界！,5,65281)" {
		t.Fatalf("typing: %q", got)
	}
	p.InputKey("Backspace", 40)
	if got := events(); got != "input:name(你好世界,4,8)" {
		t.Fatalf("backspace: %q", got)
	}
	after := image.NewRGBA(image.Rect(0, 0, 375, 667))
	p.Render(after)
	if diffRows(before, after, int(y), int(y+h)) == 0 {
		t.Error("the frame did not change where the text was typed")
	}
	p.InputKey("Enter", 50)
	if got := events(); got != "confirm:name(你好世界,<nil>,<nil>) blur:name(你好世界,4,<nil>)" || p.Focused() != nil {
		t.Fatalf("enter: %q", got)
	}
	// type="number" keeps digits.
	num := findID(p.Root(), "num")
	x, y, w, h, _ = p.BorderBox(num)
	p.Tap(float64(x+w/2), float64(y+h/2), 60)
	p.InputText("a3-4", 70)
	if got := events(); got != "input:num(1234,4,52)" || p.Focused() != num { // num binds input only
		t.Fatalf("number: %q", got)
	}
	// A tap elsewhere blurs.
	p.Tap(300, 600, 80)
	if p.Focused() != nil {
		t.Fatalf("tap elsewhere left %v focused", p.Focused())
	}
	// setData of a new value wins over what was typed.
	if err := p.SetData(map[string]any{"count": "7"}); err != nil {
		t.Fatal(err)
	}
	p.Update()
	if s := p.ctlState(num); s.Text != "7" {
		t.Fatalf("after setData the value is %q", s.Text)
	}
}

func diffRows(a, b *image.RGBA, y0, y1 int) int {
	n := 0
	for y := y0; y < y1; y++ {
		for x := 0; x < a.Rect.Dx(); x++ {
			if a.RGBAAt(x, y) != b.RGBAAt(x, y) {
				n++
			}
		}
	}
	return n
}
