package app

import (
	"fmt"
	"math"
	"path/filepath"
	"testing"
	"time"

	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/skytest/golden"
)

func findID(p *engine.Page, id string) *engine.Node {
	var found *engine.Node
	p.Root().Walk(func(n *engine.Node) bool {
		if n.Kind == engine.ElementNode && n.ID() == id {
			found = n
		}
		return found == nil
	})
	return found
}

// bezierAt is cubic-bezier(x1, y1, x2, y2) at x, by bisection.
func bezierAt(x1, y1, x2, y2, x float64) float64 {
	bx := func(s float64) float64 { return 3*(1-s)*(1-s)*s*x1 + 3*(1-s)*s*s*x2 + s*s*s }
	by := func(s float64) float64 { return 3*(1-s)*(1-s)*s*y1 + 3*(1-s)*s*s*y2 + s*s*s }
	lo, hi := 0.0, 1.0
	for range 100 {
		if m := (lo + hi) / 2; bx(m) < x {
			lo = m
		} else {
			hi = m
		}
	}
	return by((lo + hi) / 2)
}

// The worklet demo page on the manual clock: the ball follows its timing
// (Easing.bezier) frame by frame without a setData, the card and the bar
// follow shared and derived values, the completion callback's runOnJS
// reaches the page's method, and frames at fixed times match their
// goldens.
func TestWorkletDemoPage(t *testing.T) {
	a, _ := openTest(t, filepath.Join("..", "testdata", "pages", "worklet-demo"))
	noErrors(t, a)
	ball := findID(a.Page(), "ball")
	if ball == nil {
		t.Fatal("no #ball")
	}
	shots := map[time.Duration]bool{ // frame 0 is worklet-demo.png (TestGoldenLogic)
		150 * time.Millisecond: true, 300 * time.Millisecond: true, 1200 * time.Millisecond: true}
	step := 50 * time.Millisecond
	for now := time.Duration(0); now <= 1200*time.Millisecond; now += step {
		if now > 0 {
			a.Advance(step)
		}
		a.Page().Update()
		if now <= 600*time.Millisecond {
			want := 250 * bezierAt(0.25, 0.1, 0.25, 1, float64(now)/float64(600*time.Millisecond))
			tf := ball.Style.Transform
			if len(tf) == 0 || math.Abs(float64(tf[0].Len[0].Px)-want) > 0.5 {
				t.Fatalf("at %v: ball transform %+v, want translateX(%.2f)", now, tf, want)
			}
		}
		if shots[now] {
			name := fmt.Sprintf("worklet-demo-t%04d", now/time.Millisecond)
			golden.Check(t, render(a), filepath.Join("..", "testdata", "golden", name+".png"), *update, "go test ./app -run WorkletDemoPage -update")
		}
	}
	if got := a.Page().Data()["label"]; got != "arrived" {
		t.Errorf("label = %v: runOnJS did not reach the page's method", got)
	}
	noErrors(t, a)
	if a.ui.NeedsFrame() {
		t.Errorf("animations still running at 1.2 s")
	}
}
