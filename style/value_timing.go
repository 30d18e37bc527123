package style

// Timing functions (spec §2.1 <timing-function>).
var (
	timingEase      = Timing{X1: 0.25, Y1: 0.1, X2: 0.25, Y2: 1}
	timingLinear    = Timing{X1: 0, Y1: 0, X2: 1, Y2: 1}
	timingEaseIn    = Timing{X1: 0.42, Y1: 0, X2: 1, Y2: 1}
	timingEaseOut   = Timing{X1: 0, Y1: 0, X2: 0.58, Y2: 1}
	timingEaseInOut = Timing{X1: 0.42, Y1: 0, X2: 0.58, Y2: 1}
)

// parseTiming reads one timing function; false when t is not one.
func parseTiming(t vtok) (Timing, error) {
	switch t.kind {
	case vtIdent:
		switch t.lower() {
		case "ease":
			return timingEase, nil
		case "linear":
			return timingLinear, nil
		case "ease-in":
			return timingEaseIn, nil
		case "ease-out":
			return timingEaseOut, nil
		case "ease-in-out":
			return timingEaseInOut, nil
		case "step-start":
			return Timing{Steps: 1, StepStart: true}, nil
		case "step-end":
			return Timing{Steps: 1}, nil
		}
	case vtFunc:
		args, ok := lexValue(t.args)
		if !ok {
			return Timing{}, errValue
		}
		var vals []vtok
		for i, a := range args {
			if i%2 == 1 {
				if a.kind != vtComma {
					return Timing{}, errValue
				}
				continue
			}
			vals = append(vals, a)
		}
		switch t.text {
		case "cubic-bezier":
			if len(vals) != 4 {
				return Timing{}, errValue
			}
			var f [4]float32
			for i, a := range vals {
				if f[i], ok = vNumber(a); !ok {
					return Timing{}, errValue
				}
			}
			if f[0] < 0 || f[0] > 1 || f[2] < 0 || f[2] > 1 {
				return Timing{}, errValue
			}
			return Timing{X1: f[0], Y1: f[1], X2: f[2], Y2: f[3]}, nil
		case "steps":
			if len(vals) < 1 || len(vals) > 2 {
				return Timing{}, errValue
			}
			n, ok := vInteger(vals[0])
			if !ok || n < 1 {
				return Timing{}, errValue
			}
			tm := Timing{Steps: n}
			if len(vals) == 2 {
				switch vals[1].lower() {
				case "start", "jump-start":
					tm.StepStart = true
				case "end", "jump-end":
				case "jump-none", "jump-both":
					return Timing{}, unsupported("steps() positions are start and end")
				default:
					return Timing{}, errValue
				}
			}
			return tm, nil
		}
	}
	return Timing{}, errValue
}
