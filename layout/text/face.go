package text

import (
	"math"

	"github.com/go-text/typesetting/font"
)

// Face is one loaded font face: a bundled face or an @font-face file. Its
// metrics are in font units; the methods scale them to px for a font size.
//
// A Face belongs to one FontSet and, like it, is not safe for concurrent use.
type Face struct {
	Family string
	Weight uint16 // 100..900
	Italic bool

	face *font.Face
	upem float32
	// Font-wide vertical metrics in font units, descent positive downwards.
	ascent, descent, lineGap float32
	index                    int // position in the FontSet, stable
}

func newFace(f *font.Font, family string, weight uint16, italic bool, index int) *Face {
	fc := &Face{Family: family, Weight: weight, Italic: italic, face: font.NewFace(f), index: index}
	fc.upem = float32(f.Upem())
	if fc.upem <= 0 {
		fc.upem = 1000
	}
	if ext, ok := fc.face.FontHExtents(); ok {
		fc.ascent, fc.descent, fc.lineGap = ext.Ascender, -ext.Descender, ext.LineGap
	} else {
		// Fonts without hhea/OS2 metrics: the CSS fallback of 0.8em / 0.2em.
		fc.ascent, fc.descent = 0.8*fc.upem, 0.2*fc.upem
	}
	if fc.lineGap < 0 {
		fc.lineGap = 0
	}
	return fc
}

// Font returns the underlying go-text face, for callers that need more than
// this package exposes.
func (f *Face) Font() *font.Face { return f.face }

// HasGlyph reports whether the face maps r to a glyph.
func (f *Face) HasGlyph(r rune) bool {
	_, ok := f.face.NominalGlyph(r)
	return ok
}

// Metrics are a face's font-wide metrics at one size, in px. Ascent, Descent
// and LineGap are rounded to whole px as Chromium rounds them
// (FontMetrics::AscentDescentWithHacks), so `line-height: normal` and the
// half-leading split agree with the reference renderer (spec §8.4).
// Offsets are measured from the baseline, positive downwards.
type Metrics struct {
	Ascent, Descent, LineGap float32
	// LineSpacing is Ascent + Descent + LineGap: the used `line-height: normal`.
	LineSpacing float32

	UnderlineOffset    float32 // top of the underline below the baseline
	UnderlineThickness float32
	StrikeoutOffset    float32 // top of the line-through, negative (above the baseline)
	StrikeoutThickness float32
	XHeight            float32
	CapHeight          float32
}

// Metrics returns the face's metrics at size px.
func (f *Face) Metrics(size float32) Metrics {
	s := size / f.upem
	m := Metrics{Ascent: f.ascent * s, Descent: f.descent * s, LineGap: roundMetric(f.lineGap * s)}
	// Chromium rounds ascent and descent together, keeping both fractional
	// only for tiny text (ascent < 3 or ascent + descent < 2); rounding each
	// on its own would keep an 11px descent of 2.69 and make the line 12.69
	// instead of 13.
	if m.Ascent >= 3 && m.Ascent+m.Descent >= 2 {
		m.Ascent = float32(math.Round(float64(m.Ascent)))
		m.Descent = float32(math.Round(float64(m.Descent)))
	}
	m.LineSpacing = m.Ascent + m.Descent + m.LineGap

	ut := f.face.LineMetric(font.UnderlineThickness) * s
	if ut <= 0 {
		ut = size / 14
	}
	m.UnderlineThickness = ut
	// post.underlinePosition is the centre of the stroke, above the baseline.
	up := f.face.LineMetric(font.UnderlinePosition)
	if up == 0 {
		up = -0.1 * f.upem
	}
	m.UnderlineOffset = -up*s - ut/2

	st := f.face.LineMetric(font.StrikethroughThickness) * s
	if st <= 0 {
		st = ut
	}
	m.StrikeoutThickness = st
	sp := f.face.LineMetric(font.StrikethroughPosition) * s
	if sp <= 0 {
		sp = 0.3 * size
	}
	m.StrikeoutOffset = -sp - st/2
	m.XHeight = f.face.LineMetric(font.XHeight) * s
	if m.XHeight <= 0 {
		m.XHeight = 0.5 * size
	}
	m.CapHeight = f.face.LineMetric(font.CapHeight) * s
	if m.CapHeight <= 0 {
		m.CapHeight = 0.7 * size
	}
	return m
}

// roundMetric rounds like Chromium: to whole px, except that very small
// values keep their fraction so tiny text does not collapse to nothing.
func roundMetric(v float32) float32 {
	if v < 3 {
		return v
	}
	return float32(math.Round(float64(v)))
}

// Advance returns glyph gid's horizontal advance in px at size (no shaping).
func (f *Face) Advance(gid GlyphID, size float32) float32 {
	return f.face.HorizontalAdvance(gid) * size / f.upem
}

// GlyphID identifies a glyph within a Face. Glyph 0 is .notdef.
type GlyphID = font.GID

// SyntheticBoldOutset is how far paint should grow glyph outlines (in px, on
// each side) to fake a bold weight the family lacks, as Skia does for Chromium
// (SkScalerContext fake bold: 1/24 of the size at 9px and below, 1/32 at 36px
// and above, linear in between). Advances are not changed, as in Chromium.
func SyntheticBoldOutset(size float32) float32 {
	const (
		k0, v0 = 9, 1.0 / 24
		k1, v1 = 36, 1.0 / 32
	)
	var r float32
	switch {
	case size <= k0:
		r = v0
	case size >= k1:
		r = v1
	default:
		r = v0 + (v1-v0)*(size-k0)/(k1-k0)
	}
	return size * r / 2
}

// SyntheticItalicSkew is the horizontal shear (x += skew * -y, y up) paint
// applies for a synthetic italic, Skia's SK_ScalarSin(-20°)-ish 1/4.
const SyntheticItalicSkew = 0.25
