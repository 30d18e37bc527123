package motion

import (
	"math"
	"testing"
)

// Values from the formulas of Reanimated's Easing module (the ones WeChat's
// wx.worklet.Easing documents), at hand-checked points.
func TestEasings(t *testing.T) {
	cases := []struct {
		name string
		e    Easing
		x    float64
		want float64
	}{
		{"linear", EasingLinear, 0.3, 0.3},
		{"ease (0.42,0,1,1) 0.5", EasingEase, 0.5, 0.3153568},
		{"quad", EasingQuad, 0.5, 0.25},
		{"cubic", EasingCubic, 0.5, 0.125},
		{"poly(4)", EasingPoly(4), 0.5, 0.0625},
		{"sin", EasingSin, 0.5, 1 - math.Cos(math.Pi/4)},
		{"circle", EasingCircle, 0.6, 0.2},
		{"exp 1", EasingExp, 1, 1},
		{"exp 0.5", EasingExp, 0.5, 1.0 / 32},
		{"elastic(1) 1", EasingElastic(1), 1, 1},
		{"elastic(1) 0", EasingElastic(1), 0, 0},
		{"back 0.5", EasingBack(DefaultBack), 0.5, 0.25 * (2.70158*0.5 - 1.70158)},
		{"bounce 0.2", EasingBounce, 0.2, 7.5625 * 0.04},
		{"bounce 1", EasingBounce, 1, 1},
		{"bezier(0.25,0.1,0.25,1) 0.5", EasingBezier(0.25, 0.1, 0.25, 1), 0.5, 0.8024033877399112},
		{"steps(4) 0.3", EasingSteps(4, true), 0.3, 0.5},
		{"steps(4,floor) 0.3", EasingSteps(4, false), 0.3, 0.25},
		{"out(quad) 0.5", Out(EasingQuad), 0.5, 0.75},
		{"inOut(quad) 0.25", InOut(EasingQuad), 0.25, 0.125},
		{"inOut(quad) 0.75", InOut(EasingQuad), 0.75, 0.875},
		{"in(cubic)", In(EasingCubic), 0.5, 0.125},
		{"step0", EasingStep0, 0.01, 1},
		{"step1", EasingStep1, 0.99, 0},
	}
	for _, c := range cases {
		if got := c.e(c.x); math.Abs(got-c.want) > 1e-6 {
			t.Errorf("%s: got %.9f, want %.9f", c.name, got, c.want)
		}
	}
}
