package text

import (
	"math"

	"github.com/skyline-go/skyline/style"
)

// Layout is a paragraph broken into lines and positioned: what layout reads
// for the box size and paint draws. Coordinates are px from the paragraph's
// top-left (its content box), y down. A Layout belongs to its Paragraph and
// is overwritten by the next Layout or Measure call that needs a new width.
type Layout struct {
	// Width is the longest line (content plus any ellipsis, without hanging
	// spaces); Height the sum of the line heights (spec §3.6).
	Width, Height float32
	// FirstBaseline and LastBaseline are the first and last lines' baselines
	// (0 when there are no lines).
	FirstBaseline, LastBaseline float32
	Lines                       []Line
	Runs                        []GlyphRun
	Boxes                       []PlacedBox
	// Truncated reports lines dropped by MaxLines; paint fades the last line
	// when the overflow mode is OverflowFade.
	Truncated bool
	// Ellipsis is the index in Runs of the "…" run, or -1.
	Ellipsis int

	glyphs []Glyph
}

// Line is one line box.
type Line struct {
	Top, Height float32
	Baseline    float32 // absolute y
	// X and Width are the content's extent after alignment.
	X, Width float32
	// Start and End delimit the line's runes in Paragraph.Text (End
	// includes hanging spaces; text dropped for an ellipsis is excluded).
	Start, End int
	// Runs and Boxes are the [first, last) indices of this line's glyph runs
	// and inline boxes.
	Runs, Boxes [2]int
}

// GlyphRun is a stretch of glyphs on one line in one face, size and input run.
type GlyphRun struct {
	Face *Face
	Size float32
	// SyntheticBold asks paint to embolden the outlines (SyntheticBoldOutset):
	// bold CJK has no face of its own. SyntheticItalic asks it to shear them.
	SyntheticBold, SyntheticItalic bool
	Item                           int    // index of the input Run; -1 for the ellipsis
	Data                           uint32 // the input Run's Data (RootData for the ellipsis)
	Line                           int
	X0, X1                         float32 // horizontal extent, for decorations
	Baseline                       float32 // absolute y
	Glyphs                         []Glyph

	g0, g1 int // Glyphs' range in Layout.glyphs while it may still grow
}

// Glyph is one glyph to draw: its origin (pen position on the baseline plus
// the shaper's offset) in paragraph coordinates.
type Glyph struct {
	ID   GlyphID
	X, Y float32
}

// PlacedBox is an inline box's position (its margin box's top-left).
type PlacedBox struct {
	Item          int
	Data          uint32
	X, Y          float32
	Width, Height float32
	Line          int
}

// lineSpan is one line from the breaker: runes [start, end), visible up to trim.
type lineSpan struct{ start, end, trim int32 }

// wrapEpsilon absorbs float error when a line exactly fills the width
// (Chromium compares in 1/64 px LayoutUnits).
const wrapEpsilon = 1.0 / 64

// Layout breaks the paragraph at maxWidth (px; +Inf or NaN for no limit) and
// positions everything. Laying out again at the same width returns the same
// result without work; any width reuses the shaping and the buffers.
func (p *Paragraph) Layout(maxWidth float32) *Layout {
	if math.IsNaN(float64(maxWidth)) {
		maxWidth = float32(math.Inf(1))
	}
	maxWidth = max(maxWidth, 0)
	if p.layValid && p.layW == maxWidth {
		return &p.lay
	}
	p.wrap(maxWidth)
	p.place(maxWidth)
	p.layW, p.layValid = maxWidth, true
	return &p.lay
}

// wrap breaks lines greedily at the last opportunity that fits (CSS Text 3
// §5), stopping after MaxLines.
func (p *Paragraph) wrap(maxW float32) {
	p.lines = p.lines[:0]
	p.lay.Truncated = false
	n := len(p.text)
	limit := p.opt.MaxLines
	for s := 0; s < n; {
		for s < n && p.text[s] == ' ' { // only after a forced grapheme split
			s++
		}
		if s >= n {
			break
		}
		if limit > 0 && len(p.lines) == limit {
			p.lay.Truncated = true
			break
		}
		best := -1
		for b := int(p.nextBr[s]); ; b = int(p.nextBr[b]) {
			if p.width(s, p.trimEnd(s, b)) > maxW+wrapEpsilon {
				break
			}
			best = b
			if b >= n {
				break
			}
		}
		if best < 0 {
			first := int(p.nextBr[s])
			best = first
			if p.opt.BreakLongWords {
				best = p.fitGraphemes(s, first, maxW)
			}
		}
		p.lines = append(p.lines, lineSpan{int32(s), int32(best), int32(p.trimEnd(s, best))})
		s = best
	}
}

// fitGraphemes returns the last grapheme boundary in (s, e) at which [s, b)
// fits maxW, or the first boundary when not even one grapheme fits.
func (p *Paragraph) fitGraphemes(s, e int, maxW float32) int {
	best := -1
	for i := s + 1; i < e; i++ {
		if p.flags[i]&flagGrapheme == 0 {
			continue
		}
		if p.width(s, i) > maxW+wrapEpsilon {
			break
		}
		best = i
	}
	if best < 0 {
		for best = s + 1; best < e && p.flags[best]&flagGrapheme == 0; best++ {
		}
	}
	return best
}

// place builds line boxes, glyph positions and box positions from p.lines.
func (p *Paragraph) place(maxW float32) {
	l := &p.lay
	l.Lines, l.Runs, l.Boxes, l.glyphs = l.Lines[:0], l.Runs[:0], l.Boxes[:0], l.glyphs[:0]
	l.Width, l.Height, l.FirstBaseline, l.LastBaseline, l.Ellipsis = 0, 0, 0, 0, -1

	ellipsize := p.opt.Overflow == OverflowEllipsis && len(p.ell.glyphs) > 0
	// Pass 1: each line's visible extent, after any ellipsis cut.
	for i := range p.lines {
		ls := &p.lines[i]
		last := i == len(p.lines)-1
		w := p.width(int(ls.start), int(ls.trim))
		if ellipsize && ((last && l.Truncated) || (p.opt.EllipsizeOverflow && w > maxW+wrapEpsilon)) {
			ls.trim = int32(p.cutForEllipsis(int(ls.start), int(ls.trim), maxW))
			w = p.width(int(ls.start), int(ls.trim)) + p.ell.width
			l.Lines = append(l.Lines, Line{Start: int(ls.start), End: int(ls.trim), Width: w, Runs: [2]int{-1, -1}})
		} else {
			l.Lines = append(l.Lines, Line{Start: int(ls.start), End: int(ls.end), Width: w})
		}
		l.Width = max(l.Width, w)
	}
	alignW := maxW
	if math.IsInf(float64(maxW), 1) {
		alignW = l.Width
	}
	var top float32
	for i := range p.lines {
		top = p.placeLine(i, top, alignW)
	}
	l.Height = top
	if n := len(l.Lines); n > 0 {
		l.FirstBaseline = l.Lines[0].Baseline
		l.LastBaseline = l.Lines[n-1].Baseline
	}
	for i := range l.Runs {
		r := &l.Runs[i]
		r.Glyphs = l.glyphs[r.g0:r.g1:r.g1]
	}
}

// cutForEllipsis returns where the line's text must end so that it plus the
// ellipsis fits maxW: at a grapheme boundary, hanging spaces dropped; the
// whole line when it fits as is.
func (p *Paragraph) cutForEllipsis(s, e int, maxW float32) int {
	for e > s && p.width(s, e)+p.ell.width > maxW+wrapEpsilon {
		e--
		for e > s && p.flags[e]&flagGrapheme == 0 {
			e--
		}
		e = p.trimEnd(s, e)
	}
	return e
}

// align returns the line's left offset for text-align (spec §2.7; direction
// is always ltr, so start is left).
func (p *Paragraph) align(w, alignW float32) float32 {
	free := alignW - w
	if free <= 0 {
		return 0
	}
	switch p.opt.Align {
	case style.TextAlignRight, style.TextAlignEnd:
		return free
	case style.TextAlignCenter:
		return free / 2
	}
	return 0
}
