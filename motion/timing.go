package motion

import (
	"math"

	"github.com/skyline-go/skyline/style"
)

// TimingKind says how a TimingFunction maps progress.
type TimingKind uint8

const (
	// TimingCubicBezier is cubic-bezier(X1, Y1, X2, Y2) (ease, linear and the
	// ease-* keywords are such curves).
	TimingCubicBezier TimingKind = iota
	// TimingSteps is steps(Steps, Jump).
	TimingSteps
	// TimingLinearStops is linear(<stops>) (CSS Easing 2 §2.1).
	TimingLinearStops
)

// StepPosition is the <step-position> of steps() (CSS Easing 1 §2.3).
type StepPosition uint8

const (
	JumpEnd   StepPosition = iota // also `end`: the default
	JumpStart                     // also `start`
	JumpNone
	JumpBoth
)

// LinearStop is one point of linear(): Input is the progress it sits at
// (after the spec's defaulting: evenly spread where not given, never less
// than an earlier one) and Output the value there.
type LinearStop struct {
	Output, Input float64
}

// TimingFunction is a CSS <easing-function> (CSS Easing 1 and 2), ready to
// evaluate: it maps input progress (0..1, beyond it for steps before or
// after the interval) to output progress. The zero value is linear
// (cubic-bezier(0, 0, 1, 1)). Evaluating never allocates.
type TimingFunction struct {
	Kind           TimingKind
	X1, Y1, X2, Y2 float64
	Steps          int
	Jump           StepPosition
	Stops          []LinearStop // TimingLinearStops; see NewLinearStops
}

// The keyword curves (CSS Easing 1 §2.2).
var (
	Ease      = CubicBezier(0.25, 0.1, 0.25, 1)
	Linear    = CubicBezier(0, 0, 1, 1)
	EaseIn    = CubicBezier(0.42, 0, 1, 1)
	EaseOut   = CubicBezier(0, 0, 0.58, 1)
	EaseInOut = CubicBezier(0.42, 0, 0.58, 1)
)

// CubicBezier is cubic-bezier(x1, y1, x2, y2); x1 and x2 are expected in
// [0, 1] (style rejects others).
func CubicBezier(x1, y1, x2, y2 float64) TimingFunction {
	return TimingFunction{Kind: TimingCubicBezier, X1: x1, Y1: y1, X2: x2, Y2: y2}
}

// Steps is steps(n, pos); n below 1 (2 for jump-none) is raised to it.
func Steps(n int, pos StepPosition) TimingFunction {
	lo := 1
	if pos == JumpNone {
		lo = 2
	}
	return TimingFunction{Kind: TimingSteps, Steps: max(n, lo), Jump: pos}
}

// NewLinearStops is linear(...): outputs with optional input positions
// (NaN where the stop gives none), canonicalised as CSS Easing 2 §2.1.1
// says: a missing first input is 0 and last is 1, an input less than an
// earlier one is raised to it, and runs of missing inputs are spread evenly
// between their neighbours. Fewer than two stops give linear.
func NewLinearStops(outputs, inputs []float64) TimingFunction {
	n := len(outputs)
	if n < 2 {
		return Linear
	}
	st := make([]LinearStop, n)
	for i := range st {
		st[i] = LinearStop{Output: outputs[i], Input: math.NaN()}
		if i < len(inputs) {
			st[i].Input = inputs[i]
		}
	}
	if math.IsNaN(st[0].Input) {
		st[0].Input = 0
	}
	if math.IsNaN(st[n-1].Input) {
		st[n-1].Input = max(1, largestInput(st))
	}
	hi := st[0].Input
	for i := range st {
		if !math.IsNaN(st[i].Input) {
			hi = max(hi, st[i].Input)
			st[i].Input = hi
		}
	}
	for i := 1; i < n; {
		if !math.IsNaN(st[i].Input) {
			i++
			continue
		}
		j := i
		for math.IsNaN(st[j].Input) {
			j++
		}
		a, b := st[i-1].Input, st[j].Input
		for k := i; k < j; k++ {
			st[k].Input = a + (b-a)*float64(k-i+1)/float64(j-i+1)
		}
		i = j
	}
	return TimingFunction{Kind: TimingLinearStops, Stops: st}
}

func largestInput(st []LinearStop) float64 {
	m := math.Inf(-1)
	for _, s := range st {
		if !math.IsNaN(s.Input) {
			m = max(m, s.Input)
		}
	}
	return m
}

// FromStyle converts a parsed style timing function.
func FromStyle(t style.Timing) TimingFunction {
	if t.Steps > 0 {
		pos := JumpEnd
		if t.StepStart {
			pos = JumpStart
		}
		return Steps(int(t.Steps), pos)
	}
	return CubicBezier(float64(t.X1), float64(t.Y1), float64(t.X2), float64(t.Y2))
}

// At is the output progress for input progress x.
func (f *TimingFunction) At(x float64) float64 { return f.at(x, false) }

// at is At with the before flag of CSS Easing 1 §2.3 (the effect is in its
// before phase): it keeps a jump at x = 0 from happening early.
func (f *TimingFunction) at(x float64, before bool) float64 {
	switch f.Kind {
	case TimingSteps:
		return stepsAt(f.Steps, f.Jump, x, before)
	case TimingLinearStops:
		return linearStopsAt(f.Stops, x)
	}
	return bezierAt(f.X1, f.Y1, f.X2, f.Y2, x)
}

// stepsAt is CSS Easing 1 §2.3.1.
func stepsAt(n int, pos StepPosition, x float64, before bool) float64 {
	step := math.Floor(x * float64(n))
	if pos == JumpStart || pos == JumpBoth {
		step++
	}
	if before && x >= 0 && x*float64(n) == math.Floor(x*float64(n)) {
		step--
	}
	if x >= 0 && step < 0 {
		step = 0
	}
	jumps := float64(n)
	switch pos {
	case JumpNone:
		jumps = float64(n - 1)
	case JumpBoth:
		jumps = float64(n + 1)
	}
	if x <= 1 && step > jumps {
		step = jumps
	}
	return step / jumps
}

// linearStopsAt is CSS Easing 2 §2.1.2: the segment around x, extended
// past the ends by the first and last segments.
func linearStopsAt(st []LinearStop, x float64) float64 {
	n := len(st)
	i := 0
	switch {
	case x <= st[0].Input:
		i = 0
	case x >= st[n-1].Input:
		i = n - 2
	default:
		for i = 0; i < n-2 && st[i+1].Input <= x; i++ {
		}
	}
	a, b := st[i], st[i+1]
	if b.Input == a.Input {
		return b.Output
	}
	return a.Output + (b.Output-a.Output)*(x-a.Input)/(b.Input-a.Input)
}

// bezierEpsilon is the precision to which x is solved, Chromium's
// (gfx::CubicBezier kBezierEpsilon).
const bezierEpsilon = 1e-7

// bezierAt evaluates the curve from (0,0) to (1,1) at x as browsers do:
// solve x(t) = x by Newton's method, falling back to bisection, then read
// y(t). Outside [0, 1] the curve continues along its end tangents (CSS
// Easing 1 §2.2), with Chromium's choice of tangent where a control point
// sits on the end.
func bezierAt(x1, y1, x2, y2, x float64) float64 {
	if x1 == y1 && x2 == y2 {
		return x // linear
	}
	if x <= 0 {
		switch {
		case x1 > 0:
			return y1 / x1 * x
		case y1 == 0 && x2 > 0:
			return y2 / x2 * x
		case y1 == 0 && y2 == 0:
			return x
		}
		return 0
	}
	if x >= 1 {
		switch {
		case x2 < 1:
			return 1 + (y2-1)/(x2-1)*(x-1)
		case y2 == 1 && x1 < 1:
			return 1 + (y1-1)/(x1-1)*(x-1)
		case y2 == 1 && y1 == 1:
			return x
		}
		return 1
	}
	// Polynomial coefficients: x(t) = ((ax·t + bx)·t + cx)·t.
	cx := 3 * x1
	bx := 3*(x2-x1) - cx
	ax := 1 - cx - bx
	cy := 3 * y1
	by := 3*(y2-y1) - cy
	ay := 1 - cy - by
	sx := func(t float64) float64 { return ((ax*t+bx)*t + cx) * t }
	t := x
	solved := false
	for range 8 {
		d := sx(t) - x
		if math.Abs(d) < bezierEpsilon {
			solved = true
			break
		}
		dx := (3*ax*t+2*bx)*t + cx
		if math.Abs(dx) < 1e-6 {
			break
		}
		t -= d / dx
	}
	if !solved {
		lo, hi := 0.0, 1.0
		t = x
		for lo < hi {
			v := sx(t)
			if math.Abs(v-x) < bezierEpsilon {
				break
			}
			if x > v {
				lo = t
			} else {
				hi = t
			}
			t = (hi-lo)*0.5 + lo
			if hi-lo < 1e-15 {
				break
			}
		}
	}
	return ((ay*t+by)*t + cy) * t
}
