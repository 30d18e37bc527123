package text

import "math"

// SizingMode says how much room a measurement has (Taffy's AvailableSpace).
type SizingMode uint8

const (
	Definite   SizingMode = iota // Available.Width px
	MinContent                   // as narrow as the text allows
	MaxContent                   // unwrapped
)

// Available is the width a text box may take.
type Available struct {
	Mode  SizingMode
	Width float32
}

// Size is a measured text box: width of the longest line, height of all
// lines, and the first line's baseline (for baseline alignment).
type Size struct {
	Width, Height, FirstBaseline float32
}

type measureEntry struct {
	valid bool
	w     float32
	size  Size
}

// Measure returns the text box's size for the available width (spec §3.6:
// width = longest line up to the available width, height = sum of line
// heights). Recent results are cached, so flex layout's repeated measuring
// at a handful of widths costs a lookup.
func (p *Paragraph) Measure(a Available) Size {
	w := a.Width
	switch a.Mode {
	case MinContent:
		w = p.minContent
	case MaxContent:
		w = float32(math.Inf(1))
	}
	if math.IsNaN(float64(w)) {
		w = float32(math.Inf(1))
	}
	w = max(w, 0)
	for i := range p.measured {
		if m := &p.measured[i]; m.valid && m.w == w {
			return m.size
		}
	}
	l := p.Layout(w)
	sz := Size{Width: l.Width, Height: l.Height, FirstBaseline: l.FirstBaseline}
	p.measured[p.measNext] = measureEntry{valid: true, w: w, size: sz}
	p.measNext = (p.measNext + 1) % len(p.measured)
	return sz
}
