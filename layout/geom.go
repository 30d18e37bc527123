package layout

import "math"

// Maybe is an optional length in px: Taffy's Option<f32>. The zero value is
// "none" (indefinite), so zeroed structs mean "nothing known".
type Maybe struct {
	V  float32
	Ok bool
}

// Some returns a definite length.
func Some(v float32) Maybe { return Maybe{V: v, Ok: true} }

// None is the indefinite length.
var None = Maybe{}

// Or returns m's value, or v when m is none.
func (m Maybe) Or(v float32) float32 {
	if m.Ok {
		return m.V
	}
	return v
}

// OrMaybe returns m when set, else o.
func (m Maybe) OrMaybe(o Maybe) Maybe {
	if m.Ok {
		return m
	}
	return o
}

// Add adds v when m is set.
func (m Maybe) Add(v float32) Maybe {
	if m.Ok {
		m.V += v
	}
	return m
}

// Sub subtracts v when m is set.
func (m Maybe) Sub(v float32) Maybe {
	if m.Ok {
		m.V -= v
	}
	return m
}

// Max floors m at v when m is set.
func (m Maybe) Max(v float32) Maybe {
	if m.Ok && m.V < v {
		m.V = v
	}
	return m
}

// MaxM floors m by o when both are set.
func (m Maybe) MaxM(o Maybe) Maybe {
	if m.Ok && o.Ok && m.V < o.V {
		m.V = o.V
	}
	return m
}

// MinM caps m by o when both are set.
func (m Maybe) MinM(o Maybe) Maybe {
	if m.Ok && o.Ok && m.V > o.V {
		m.V = o.V
	}
	return m
}

// Clamp clamps m into [lo, hi] where those are set; max wins over min only
// when lo > hi is impossible, so min is applied last as CSS requires.
func (m Maybe) Clamp(lo, hi Maybe) Maybe {
	if !m.Ok {
		return m
	}
	m.V = clampF(m.V, lo, hi)
	return m
}

// clampF applies max then min, so a min larger than the max wins (CSS 2.1
// §10.4).
func clampF(v float32, lo, hi Maybe) float32 {
	if hi.Ok && v > hi.V {
		v = hi.V
	}
	if lo.Ok && v < lo.V {
		v = lo.V
	}
	return v
}

// eq compares two optional lengths exactly (cache keys).
func (m Maybe) eq(o Maybe) bool { return m.Ok == o.Ok && (!m.Ok || m.V == o.V) }

// Size is a width and height in px.
type Size struct{ Width, Height float32 }

// MaybeSize is a width and height each of which may be indefinite.
type MaybeSize struct{ Width, Height Maybe }

// Point is a position in px.
type Point struct{ X, Y float32 }

// MaybePoint is a point whose coordinates may be unknown (baselines).
type MaybePoint struct{ X, Y Maybe }

// Rect holds one value per side.
type Rect struct{ Top, Right, Bottom, Left float32 }

// Horizontal returns left + right.
func (r Rect) Horizontal() float32 { return r.Left + r.Right }

// Vertical returns top + bottom.
func (r Rect) Vertical() float32 { return r.Top + r.Bottom }

func (r Rect) add(o Rect) Rect {
	return Rect{r.Top + o.Top, r.Right + o.Right, r.Bottom + o.Bottom, r.Left + o.Left}
}

func (r Rect) sum() Size { return Size{r.Horizontal(), r.Vertical()} }

// SpaceKind says what kind of constraint an AvailableSpace is.
type SpaceKind uint8

const (
	// Definite: the space has a size in px.
	Definite SpaceKind = iota
	// MinContent: size under a min-content constraint (wrap at every
	// opportunity).
	MinContent
	// MaxContent: size under a max-content constraint (never wrap).
	MaxContent
)

// AvailableSpace is the space a parent offers a child in one axis.
type AvailableSpace struct {
	Kind  SpaceKind
	Value float32 // px, when Kind is Definite
}

// DefiniteSpace returns a definite available space.
func DefiniteSpace(v float32) AvailableSpace { return AvailableSpace{Definite, v} }

// Common constraint values.
var (
	MinContentSpace = AvailableSpace{Kind: MinContent}
	MaxContentSpace = AvailableSpace{Kind: MaxContent}
)

// Maybe returns the definite value, if any.
func (a AvailableSpace) Maybe() Maybe {
	if a.Kind == Definite {
		return Some(a.Value)
	}
	return None
}

// Sub shrinks a definite space by v.
func (a AvailableSpace) Sub(v float32) AvailableSpace {
	if a.Kind == Definite {
		a.Value -= v
	}
	return a
}

// Clamp clamps a definite space; a min-content space becomes the min and a
// max-content space becomes the max when those are known (Taffy's rule).
func (a AvailableSpace) Clamp(lo, hi Maybe) AvailableSpace {
	if a.Kind == Definite {
		a.Value = clampF(a.Value, lo, hi)
	}
	return a
}

// orMaybe replaces the space with a definite value when m is set.
func (a AvailableSpace) orMaybe(m Maybe) AvailableSpace {
	if m.Ok {
		return DefiniteSpace(m.V)
	}
	return a
}

func (a AvailableSpace) roughlyEq(o AvailableSpace) bool {
	if a.Kind != o.Kind {
		return false
	}
	return a.Kind != Definite || abs32(a.Value-o.Value) < 1e-4
}

// AvailableSize is the available space in both axes.
type AvailableSize struct{ Width, Height AvailableSpace }

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

func max32(a, b float32) float32 {
	if a > b {
		return a
	}
	return b
}

func min32(a, b float32) float32 {
	if a < b {
		return a
	}
	return b
}

var inf32 = float32(math.Inf(1))

func (s MaybeSize) eq(o MaybeSize) bool { return s.Width.eq(o.Width) && s.Height.eq(o.Height) }
