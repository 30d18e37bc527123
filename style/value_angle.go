package style

import "math"

// angleDeg reads an <angle> (deg, grad, rad, turn; spec §2.1) in degrees. A
// unitless zero is accepted as CSS allows it for angles in transforms.
func angleDeg(t vtok) (float32, bool) {
	switch t.kind {
	case vtNumber:
		return 0, t.num == 0
	case vtDim:
		switch t.text {
		case "deg":
			return t.num, true
		case "grad":
			return t.num * 0.9, true
		case "rad":
			return float32(float64(t.num) * 180 / math.Pi), true
		case "turn":
			return t.num * 360, true
		}
	}
	return 0, false
}

// timeMs reads a <time> (s, ms; spec §2.1) in milliseconds.
func timeMs(t vtok) (float32, bool) {
	if t.kind != vtDim {
		return 0, false
	}
	switch t.text {
	case "s":
		return t.num * 1000, true
	case "ms":
		return t.num, true
	}
	return 0, false
}
