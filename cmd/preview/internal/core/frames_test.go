package core

import (
	"image"
	"strings"
	"testing"
	"time"
)

func TestFrameLogRing(t *testing.T) {
	var l FrameLog
	if l.Len() != 0 || l.Last().Total() != 0 {
		t.Fatal("empty log not empty")
	}
	for i := 1; i <= FrameLogSize+5; i++ {
		var s FrameSample
		s.Times[StageStyle] = time.Duration(i) * time.Millisecond
		l.Add(s)
	}
	if l.Len() != FrameLogSize || l.Count != FrameLogSize+5 {
		t.Fatalf("Len %d Count %d", l.Len(), l.Count)
	}
	if got := l.At(0).Times[StageStyle]; got != 6*time.Millisecond {
		t.Errorf("oldest = %v, want 6ms (the first five were dropped)", got)
	}
	if got := l.Last().Times[StageStyle]; got != time.Duration(FrameLogSize+5)*time.Millisecond {
		t.Errorf("newest = %v", got)
	}
	l.AddDisplay(2 * time.Millisecond)
	if got := l.Last().Times[StageDisplay]; got != 2*time.Millisecond {
		t.Errorf("AddDisplay: newest display = %v", got)
	}
}

func at(img *image.RGBA, x, y int) [4]uint8 {
	i := img.PixOffset(x, y)
	return [4]uint8(img.Pix[i : i+4])
}

// TestFrameGraphBars: the newest frame is the rightmost bar, its stages
// stacked bottom-up in their colours at their heights; the budget line is
// at 16.7 ms.
func TestFrameGraphBars(t *testing.T) {
	var l FrameLog
	var s FrameSample
	// GraphH px is GraphScale (33.3 ms): 10 px of script, 20 px of paint
	// on top, 100 px of display above that.
	s.Times[StageScript] = GraphScale * 10 / GraphH
	s.Times[StagePaint] = GraphScale * 20 / GraphH
	s.Times[StageDisplay] = GraphScale * 100 / GraphH // clipped at the top
	s.Restyled, s.Relaid, s.Painted, s.Builder = 3, 4, 5, 6
	l.Add(FrameSample{})
	l.Add(s)
	img := DrawFrameGraph(&l)
	w, h := GraphSize()
	if img.Rect.Dx() != w || img.Rect.Dy() != h {
		t.Fatalf("graph image %v, want %dx%d", img.Rect, w, h)
	}
	bottom := GraphPad + GraphH
	x := GraphPad + FrameLogSize*GraphBarW - 1 // the newest bar's last column
	want := func(y int, c [4]uint8, what string) {
		t.Helper()
		if got := at(img, x, y); got != c {
			t.Errorf("%s at (%d,%d) = %v, want %v", what, x, y, got, c)
		}
	}
	rgba := func(st Stage) [4]uint8 { c := StageColors[st]; return [4]uint8{c.R, c.G, c.B, c.A} }
	want(bottom-1, rgba(StageScript), "script bottom")
	want(bottom-10, rgba(StageScript), "script top")
	want(bottom-11, rgba(StagePaint), "paint bottom")
	want(bottom-29, rgba(StagePaint), "paint below the budget line")
	want(bottom-31, rgba(StageDisplay), "display")
	want(GraphPad, rgba(StageDisplay), "display clipped at the top")
	// The previous (empty) frame's bar is background, except the budget line.
	bx := x - GraphBarW
	if got := at(img, bx, bottom-1); got != [4]uint8{graphBack.R, graphBack.G, graphBack.B, graphBack.A} {
		t.Errorf("empty frame's bar = %v", got)
	}
	by := BudgetY()
	if by != bottom-GraphH/2 {
		t.Errorf("BudgetY = %d, want half the graph (%d)", by, bottom-GraphH/2)
	}
	if got := at(img, GraphPad, by); got != [4]uint8{budgetColor.R, budgetColor.G, budgetColor.B, 0xff} {
		t.Errorf("budget line = %v", got)
	}
	text := FrameText(&l)
	if !strings.HasPrefix(text[0], "frame 2: 72.2 ms") || !strings.Contains(text[0], "over 16.7: 1") {
		t.Errorf("text[0] = %q", text[0])
	}
	if !strings.Contains(text[1], "script 5.6") || !strings.Contains(text[1], "paint 11.1 display 55.6") {
		t.Errorf("text[1] = %q", text[1])
	}
	if text[2] != "restyled 3  relaid 4  painted 5  builder items 6" {
		t.Errorf("text[2] = %q", text[2])
	}
	for _, line := range text {
		if len(line)*GlyphW > w-2*GraphPad {
			t.Errorf("line wider than the panel: %q", line)
		}
	}
}

// TestSessionFrameSample: a render records the engine's counts and stage
// times; a setData on one node restyles one node.
func TestSessionFrameSample(t *testing.T) {
	dev, _ := LookupDevice("iphone8")
	dev.Width, dev.Height = 100, 150
	s := NewSession(testPage(t), dev, false)
	s.Reload()
	frame(t, s)
	first := s.Sample
	if first.Restyled < 2 || first.Relaid < 2 || first.Painted < 2 {
		t.Errorf("first frame counts: %+v", first)
	}
	if first.Times[StageScript] <= 0 || first.Times[StageStyle] <= 0 || first.Times[StagePaint] <= 0 {
		t.Errorf("first frame times: %v", first.Times)
	}
	if err := s.Page.SetData(map[string]any{"x": 1}); err != nil {
		t.Fatal(err)
	}
	frame(t, s)
	if s.Sample.Restyled != 0 || s.Sample.Times[StageScript] != 0 {
		t.Errorf("a frame with no change: %+v", s.Sample)
	}
}
