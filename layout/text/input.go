package text

import "github.com/skyline-go/skyline/style"

// TextStyle is what shaping and line boxes need of a run's computed style
// (spec §2.7 text table; inherited per §2.4, so nested runs arrive resolved).
type TextStyle struct {
	Families      []string // CSS font-family list; generic names map to the bundled faces
	Size          float32  // font-size, px
	Weight        uint16   // 100..900 (0 reads as 400)
	Italic        bool
	LetterSpacing float32 // px, added after every character
	WordSpacing   float32 // px, added to every word separator
	LineHeight    style.LineHeight
}

// StyleOf extracts the text style from a computed style.
func StyleOf(c *style.Computed) TextStyle {
	return TextStyle{
		Families:      c.FontFamily,
		Size:          c.FontSize,
		Weight:        c.FontWeight,
		Italic:        c.FontStyle == style.FontStyleItalic,
		LetterSpacing: c.LetterSpacing,
		WordSpacing:   c.WordSpacing,
		LineHeight:    c.LineHeight,
	}
}

// InlineBox is a placeholder in the text for an inline image or inline-block
// view inside span (spec §3.4, §4.3): layout sizes it beforehand; the
// paragraph flows it like a character and places it.
type InlineBox struct {
	Width, Height float32 // margin box, px
	// Baseline is the distance from the box's top to its baseline (an inline
	// block's last line; an image's bottom edge, i.e. Height).
	Baseline float32
	Align    style.VerticalAlign
}

// Run is one piece of paragraph content: text in one style, or (IsBox) an
// inline box. Data is the caller's (a colour index, a node id) and comes back
// on the glyph runs and boxes made from it.
type Run struct {
	Text  string
	Style TextStyle
	Box   InlineBox
	IsBox bool
	Data  uint32
}

// Overflow says what happens to text past the line limit: the `text`
// component's overflow attribute (spec §4.2).
type Overflow uint8

const (
	OverflowVisible  Overflow = iota // lines past MaxLines are dropped, nothing drawn
	OverflowClip                     // same for layout; paint clips the box
	OverflowEllipsis                 // the last kept line ends with "…"
	OverflowFade                     // paint fades the end of the last kept line
)

// Options are the paragraph-wide properties: those of the `text` element (or
// anonymous text box) that holds the runs.
type Options struct {
	// Root is the text element's own style. Every line box starts with its
	// strut (CSS 2.1 §10.8.1), and the ellipsis is drawn in it.
	Root     TextStyle
	RootData uint32 // Data for the ellipsis run

	WhiteSpace style.WhiteSpace
	WordBreak  style.WordBreak
	Align      style.TextAlign

	// MaxLines limits the lines (the max-lines attribute or
	// -webkit-line-clamp); 0 is unlimited. With -webkit-line-clamp use
	// OverflowEllipsis: Chromium always draws the ellipsis for it.
	MaxLines int
	Overflow Overflow
	// EllipsizeOverflow also ends a line that overflows the width with "…"
	// (text-overflow: ellipsis on a nowrap text), not just a clamped one.
	EllipsizeOverflow bool

	// BreakLongWords breaks a word wider than the line between graphemes
	// (overflow-wrap: anywhere). Off by default: with word-break: normal,
	// Chromium lets an unbreakable word overflow, and Skyline has no
	// overflow-wrap (spec §2.7).
	BreakLongWords bool
}

// OptionsOf fills Options from the text element's computed style. maxLines
// and overflow come from the component attributes (spec §4.2); a
// -webkit-line-clamp in the style applies when maxLines is 0.
func OptionsOf(c *style.Computed, maxLines int, overflow Overflow) Options {
	o := Options{
		Root:       StyleOf(c),
		WhiteSpace: c.WhiteSpace,
		WordBreak:  c.WordBreak,
		Align:      c.TextAlign,
		MaxLines:   maxLines,
		Overflow:   overflow,
	}
	if o.MaxLines == 0 && c.LineClamp > 0 {
		o.MaxLines = int(c.LineClamp)
		o.Overflow = OverflowEllipsis
	}
	if c.TextOverflow == style.TextOverflowEllipsis {
		o.EllipsizeOverflow = true
		if o.Overflow == OverflowVisible {
			o.Overflow = OverflowEllipsis
		}
	}
	return o
}
