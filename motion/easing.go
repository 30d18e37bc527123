package motion

import "math"

// Easing is a worklet easing function (wx.worklet.Easing, after
// Reanimated's Easing module): it maps timing progress 0..1 to eased
// progress. The Easing* values and constructors are the set WeChat
// documents; In, Out and InOut modify any of them. A built Easing
// evaluates without allocating.
type Easing func(t float64) float64

// The fixed easings of wx.worklet.Easing.
var (
	// EasingLinear is f(t) = t.
	EasingLinear Easing = func(t float64) float64 { return t }
	// EasingEase is Reanimated's ease: cubic-bezier(0.42, 0, 1, 1) (the CSS
	// ease-in curve, not CSS ease).
	EasingEase = EasingBezier(0.42, 0, 1, 1)
	// EasingQuad is t².
	EasingQuad Easing = func(t float64) float64 { return t * t }
	// EasingCubic is t³.
	EasingCubic Easing = func(t float64) float64 { return t * t * t }
	// EasingSin is 1 − cos(πt/2).
	EasingSin Easing = func(t float64) float64 { return 1 - math.Cos(t*math.Pi/2) }
	// EasingCircle is 1 − √(1 − t²).
	EasingCircle Easing = func(t float64) float64 { return 1 - math.Sqrt(1-t*t) }
	// EasingExp is 2^(10(t − 1)).
	EasingExp Easing = func(t float64) float64 { return math.Pow(2, 10*(t-1)) }
	// EasingBounce is the classic four-bounce curve (Penner's easeOutBounce).
	EasingBounce Easing = bounce
	// EasingStep0 is 1 for any t > 0; EasingStep1 is 1 from t ≥ 1.
	EasingStep0 Easing = func(t float64) float64 { return b2f(t > 0) }
	EasingStep1 Easing = func(t float64) float64 { return b2f(t >= 1) }
)

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func bounce(t float64) float64 {
	const k = 7.5625
	switch {
	case t < 1/2.75:
		return k * t * t
	case t < 2/2.75:
		t -= 1.5 / 2.75
		return k*t*t + 0.75
	case t < 2.5/2.75:
		t -= 2.25 / 2.75
		return k*t*t + 0.9375
	}
	t -= 2.625 / 2.75
	return k*t*t + 0.984375
}

// EasingPoly is t^n.
func EasingPoly(n float64) Easing { return func(t float64) float64 { return math.Pow(t, n) } }

// EasingElastic is a spring that overshoots about bounciness times
// (Reanimated's default bounciness is 1): 1 − cos(πt/2)³·cos(πbt).
func EasingElastic(bounciness float64) Easing {
	p := bounciness * math.Pi
	return func(t float64) float64 {
		c := math.Cos(t * math.Pi / 2)
		return 1 - c*c*c*math.Cos(t*p)
	}
}

// DefaultBack is Easing.back's default overshoot s.
const DefaultBack = 1.70158

// EasingBack pulls back before it moves: t²·((s + 1)t − s).
func EasingBack(s float64) Easing {
	return func(t float64) float64 { return t * t * ((s+1)*t - s) }
}

// EasingBezier is Easing.bezier(x1, y1, x2, y2): the CSS cubic-bezier
// curve, solved as browsers do. (WeChat's `.factory()` is the JavaScript
// side's business: it yields this same function.)
func EasingBezier(x1, y1, x2, y2 float64) Easing {
	f := CubicBezier(x1, y1, x2, y2)
	return func(t float64) float64 { return f.At(t) }
}

// EasingSteps is Easing.steps(n, roundToNextStep): t clamped to [0, 1],
// rounded up (true, Reanimated's default) or down to a multiple of 1/n.
func EasingSteps(n int, roundToNextStep bool) Easing {
	n = max(n, 1)
	return func(t float64) float64 {
		v := min(max(t, 0), 1) * float64(n)
		if roundToNextStep {
			return math.Ceil(v) / float64(n)
		}
		return math.Floor(v) / float64(n)
	}
}

// In runs e forwards (it is e itself).
func In(e Easing) Easing { return e }

// Out runs e backwards: 1 − e(1 − t).
func Out(e Easing) Easing { return func(t float64) float64 { return 1 - e(1-t) } }

// InOut makes e symmetric: e forwards for the first half, backwards for the
// second.
func InOut(e Easing) Easing {
	return func(t float64) float64 {
		if t < 0.5 {
			return e(t*2) / 2
		}
		return 1 - e((1-t)*2)/2
	}
}
