package raster

import (
	"encoding/binary"
	"math"
)

// GradientKind selects the gradient geometry (spec §2.1 <image>).
type GradientKind uint8

const (
	Linear GradientKind = iota
	Radial
	Conic
)

// Stop is a colour stop; Pos is a fraction of the gradient line (linear),
// of the radius (radial) or of the full turn (conic). CSS lengths are
// converted by the caller (LinearGradientLength gives the line length).
type Stop struct {
	Pos   float32
	Color Color
}

// Gradient is a linear, radial (circle) or conic gradient in device space,
// optionally repeating. Build it with LinearGradient, RadialGradient or
// ConicGradient; do not change its stops after the first draw.
type Gradient struct {
	Kind      GradientKind
	Repeating bool
	// Linear: t = 0 at Start, 1 at End. Radial: Center and Radius.
	// Conic: Center and From (radians, clockwise from up, CSS `from`).
	Start, End Point
	Center     Point
	Radius     float32
	From       float32
	Stops      []Stop

	ready      bool
	t0, t1     float32 // the LUT's domain of t
	dx, dy, k  float32 // linear: t = (p−Start)·(dx, dy)
	lut        [lutSize]uint32
	hard       [lutSize]bool // LUT cells too coarse for a step's accuracy
	lutScale   float32
	stopColors []colorF
}

// lutSize is the colour lookup resolution; 1024 entries keep the LUT within
// a quarter of a channel step of the exact interpolation for stops spanning
// the whole line (measured by TestGradientAgainstReference).
const lutSize = 1024

// LinearGradientLength is the CSS gradient-line length for a box of w×h at
// angle (radians, 0 = "to top", clockwise): |w·sin θ| + |h·cos θ|
// (CSS Images 3 §3.1.1). Stops given in px divide by it.
func LinearGradientLength(w, h, angle float32) float32 {
	s, co := math.Sincos(float64(angle))
	return float32(math.Abs(float64(w)*s) + math.Abs(float64(h)*co))
}

// LinearGradient builds the CSS linear-gradient(angle, stops) for box: the
// gradient line passes through the box centre at the given angle and is
// long enough that the corners get the first and last colours.
func LinearGradient(box Rect, angle float32, stops []Stop, repeating bool) *Gradient {
	l := LinearGradientLength(box.W(), box.H(), angle)
	s, co := math.Sincos(float64(angle))
	dir := Point{float32(s) * l / 2, float32(-co) * l / 2}
	c := Point{(box.X0 + box.X1) / 2, (box.Y0 + box.Y1) / 2}
	return &Gradient{Kind: Linear, Repeating: repeating, Stops: stops,
		Start: Point{c.X - dir.X, c.Y - dir.Y}, End: Point{c.X + dir.X, c.Y + dir.Y}}
}

// RadialGradient builds radial-gradient(circle radius at center, stops)
// (Skyline: circles only, radius in px — spec §2.1).
func RadialGradient(center Point, radius float32, stops []Stop, repeating bool) *Gradient {
	return &Gradient{Kind: Radial, Repeating: repeating, Stops: stops, Center: center, Radius: radius}
}

// ConicGradient builds conic-gradient(from angle at center, stops).
func ConicGradient(center Point, from float32, stops []Stop, repeating bool) *Gradient {
	return &Gradient{Kind: Conic, Repeating: repeating, Stops: stops, Center: center, From: from}
}

// prepare fixes the stops up (positions never decrease, CSS Images 3 §3.4.3)
// and fills the colour LUT once.
func (g *Gradient) prepare() {
	if g.ready {
		return
	}
	g.ready = true
	g.stopColors = g.stopColors[:0]
	prev := float32(math.Inf(-1))
	for i := range g.Stops {
		if g.Stops[i].Pos < prev || isNaN(g.Stops[i].Pos) {
			g.Stops[i].Pos = prev
		}
		prev = g.Stops[i].Pos
		g.stopColors = append(g.stopColors, g.Stops[i].Color.premulF())
	}
	if len(g.Stops) > 0 && math.IsInf(float64(g.Stops[0].Pos), -1) {
		g.Stops[0].Pos = 0
	}
	g.t0, g.t1 = 0, 1
	if n := len(g.Stops); n > 0 {
		if g.Repeating && g.Stops[n-1].Pos > g.Stops[0].Pos {
			g.t0, g.t1 = g.Stops[0].Pos, g.Stops[n-1].Pos
		} else {
			g.t0, g.t1 = min(0, g.Stops[0].Pos), max(1, g.Stops[n-1].Pos)
		}
	}
	if g.Kind == Linear {
		vx, vy := g.End.X-g.Start.X, g.End.Y-g.Start.Y
		if l2 := vx*vx + vy*vy; l2 > 0 {
			g.dx, g.dy = vx/l2, vy/l2
		}
	}
	g.lutScale = float32(lutSize-1) / (g.t1 - g.t0)
	for i := range g.lut {
		t := g.t0 + (g.t1-g.t0)*float32(i)/float32(lutSize-1)
		g.lut[i] = uint32(g.interp(t).quantize()) // one period: no wrap, so t1 keeps the last colour
	}
	// Where the colour changes by more than one step between neighbouring
	// cells (a hard stop, or stops a hair apart) no cell value is within a
	// step of every t it covers; pixels landing there interpolate exactly.
	for i := range g.lut {
		g.hard[i] = i > 0 && !within(g.lut[i], g.lut[i-1], 1) || i+1 < lutSize && !within(g.lut[i], g.lut[i+1], 1)
	}
}

// colorAtT interpolates the stops in premultiplied space (CSS Images 4
// §3.5.3 says gradients interpolate premultiplied colours).
func (g *Gradient) colorAtT(t float32) colorF {
	if g.Repeating && g.t1 > g.t0 {
		p := float64(g.t1 - g.t0)
		m := math.Mod(float64(t-g.t0), p)
		if m < 0 {
			m += p
		}
		t = g.t0 + float32(m)
	}
	return g.interp(t)
}

// interp interpolates the stops at t without repeating.
func (g *Gradient) interp(t float32) colorF {
	n := len(g.Stops)
	if n == 0 {
		return colorF{}
	}
	i := 0
	for i < n && g.Stops[i].Pos <= t {
		i++
	}
	switch {
	case i == 0:
		return g.stopColors[0]
	case i == n:
		return g.stopColors[n-1]
	}
	a, b := g.Stops[i-1], g.Stops[i]
	f := (t - a.Pos) / (b.Pos - a.Pos)
	ca, cb := g.stopColors[i-1], g.stopColors[i]
	return colorF{ca.R + (cb.R-ca.R)*f, ca.G + (cb.G-ca.G)*f, ca.B + (cb.B-ca.B)*f, ca.A + (cb.A-ca.A)*f}
}

// tAt is the gradient parameter at device point (x, y).
func (g *Gradient) tAt(x, y float32) float32 {
	switch g.Kind {
	case Radial:
		if g.Radius <= 0 {
			return g.t1
		}
		dx, dy := x-g.Center.X, y-g.Center.Y
		return float32(math.Sqrt(float64(dx*dx+dy*dy))) / g.Radius
	case Conic:
		a := math.Atan2(float64(x-g.Center.X), float64(g.Center.Y-y)) - float64(g.From)
		a = math.Mod(a, 2*math.Pi)
		if a < 0 {
			a += 2 * math.Pi
		}
		return float32(a / (2 * math.Pi))
	}
	return (x-g.Start.X)*g.dx + (y-g.Start.Y)*g.dy
}

func (g *Gradient) colorAt(x, y float32) colorF { return g.colorAtT(g.tAt(x, y)) }

// lookup maps t to the LUT, wrapping for repeating gradients.
func (g *Gradient) lookup(t float32) uint32 {
	u := (t - g.t0) * g.lutScale
	if g.Repeating {
		const n = lutSize - 1
		if u < 0 || u > n {
			u = u - n*float32(math.Floor(float64(u/n)))
		}
	}
	if !(u > 0) {
		return g.lut[0]
	}
	if u >= lutSize-1 {
		return g.lut[lutSize-1]
	}
	i := int(u + 0.5)
	if g.hard[i] {
		return uint32(g.interp(g.t0 + u/g.lutScale).quantize())
	}
	return g.lut[i]
}

func (g *Gradient) shadeRow(dst []uint8, x0, y int) {
	n := len(dst) / 4
	fy := float32(y) + 0.5
	if g.Kind == Linear {
		// t is affine along the row: one add per pixel.
		t := (float32(x0)+0.5-g.Start.X)*g.dx + (fy-g.Start.Y)*g.dy
		for i := 0; i < n; i++ {
			binary.LittleEndian.PutUint32(dst[4*i:], g.lookup(t))
			t += g.dx
		}
		return
	}
	for i := 0; i < n; i++ {
		binary.LittleEndian.PutUint32(dst[4*i:], g.lookup(g.tAt(float32(x0+i)+0.5, fy)))
	}
}
