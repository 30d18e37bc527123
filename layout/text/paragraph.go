package text

import (
	"math"

	"github.com/go-text/typesetting/language"

	"github.com/skyline-go/skyline/style"
)

// Paragraph is shaped text ready to be broken into lines at any width. It is
// built once (NewParagraph shapes everything) and then laid out as often as
// layout needs: Layout and Measure only re-break, never re-shape, and reuse
// their buffers, so relayout allocates nothing once warmed up.
type Paragraph struct {
	opt  Options
	runs []Run

	text  []rune
	flags []uint8 // per rune, see flag*
	// adv[i] is rune i's advance in px: its cluster's glyph advances (on the
	// cluster's first rune), letter- and word-spacing, or an inline box width.
	adv    []float32
	x      []float64 // x[i] = sum of adv[:i]
	nextBr []int32   // nextBr[i] = first break opportunity > i, or len(text)

	glyphs  []pglyph
	glyphAt []int32 // glyphAt[i] = first glyph whose cluster >= i
	segs    []seg
	boxes   []boxItem

	strut       vmetrics // the root's strut
	rootXHeight float32
	ell         ellipsis

	minContent, maxContent float32

	// Layout state, reused across calls.
	lay      Layout
	layW     float32
	layValid bool
	lines    []lineSpan
	measured [4]measureEntry
	measNext int
}

const (
	flagBreak    uint8 = 1 << iota // a line may break before this rune
	flagGrapheme                   // this rune starts a grapheme cluster
)

type pglyph struct {
	id      GlyphID
	cluster int32   // absolute rune index
	dx, dy  float32 // from the cluster's pen position, px, y down
}

// seg is a shaped stretch of one run in one face.
type seg struct {
	start, end   int32 // runes
	glyphs       [2]int32
	run          int32
	choice       faceChoice
	size         float32
	lineContribs vmetrics // ascent/descent this text adds to a line box
}

type boxItem struct {
	pos int32
	run int32
}

// vmetrics is an inline box's extent above and below the baseline.
type vmetrics struct{ ascent, descent float32 }

func (a *vmetrics) unite(b vmetrics) {
	a.ascent = max(a.ascent, b.ascent)
	a.descent = max(a.descent, b.descent)
}

type ellipsis struct {
	glyphs []pglyph
	width  float32
	choice faceChoice
	size   float32
}

// NewParagraph shapes runs into a Paragraph. White space collapses as
// white-space: normal does (spec §2.7; nowrap collapses too, it only stops
// wrapping); runs and sizes that make no sense are read as empty or zero.
func (fs *FontSet) NewParagraph(runs []Run, opt Options) *Paragraph {
	p := &Paragraph{opt: opt, runs: runs}
	p.opt.Root = sanitizeStyle(opt.Root)
	if p.opt.MaxLines < 0 {
		p.opt.MaxLines = 0
	}
	spans := p.collapse()
	p.breaks(fs)
	p.shapeRuns(fs, spans)
	p.finish(fs)
	return p
}

func sanitizeStyle(s TextStyle) TextStyle {
	if !(s.Size > 0) || math.IsInf(float64(s.Size), 0) {
		s.Size = 0
	}
	if math.IsNaN(float64(s.LetterSpacing)) || math.IsInf(float64(s.LetterSpacing), 0) {
		s.LetterSpacing = 0
	}
	if math.IsNaN(float64(s.WordSpacing)) || math.IsInf(float64(s.WordSpacing), 0) {
		s.WordSpacing = 0
	}
	return s
}

func sanitizeLen(v float32) float32 {
	if !(v > 0) || math.IsInf(float64(v), 0) {
		return 0
	}
	return v
}

// runSpan is where one input run landed in the collapsed text.
type runSpan struct{ start, end int32 }

// collapse builds the paragraph text: runs concatenated, each inline box as
// U+FFFC, collapsible white space folded to one space across run boundaries,
// and removed at the paragraph's start and end (CSS Text 3 §4.1.1).
func (p *Paragraph) collapse() []runSpan {
	spans := make([]runSpan, len(p.runs))
	inSpace := true // drops leading spaces
	for i := range p.runs {
		r := &p.runs[i]
		spans[i].start = int32(len(p.text))
		if r.IsBox {
			p.text = append(p.text, objectReplacement)
			inSpace = false
		} else {
			for _, c := range r.Text {
				if isCollapsibleSpace(c) {
					if inSpace {
						continue
					}
					c, inSpace = ' ', true
				} else {
					inSpace = false
				}
				p.text = append(p.text, c)
			}
		}
		spans[i].end = int32(len(p.text))
	}
	if n := len(p.text); n > 0 && p.text[n-1] == ' ' {
		p.text = p.text[:n-1]
		for i := range spans {
			spans[i].start = min(spans[i].start, int32(n-1))
			spans[i].end = min(spans[i].end, int32(n-1))
		}
	}
	return spans
}

// breaks finds the line break opportunities as Chromium does: between two
// printable ASCII characters Blink's own pair table (asciibreak.go: no break
// inside URLs, paths, e-mail addresses; after "-" and "?"); elsewhere UAX #14
// from go-text's segmenter (which already keeps ，。、）」！？ off line starts
// and （「 off line ends, the common kinsoku cases), tailored as Chromium's
// ICU does for quotes next to CJK, plus word-break: break-all between any two
// letter units.
func (p *Paragraph) breaks(fs *FontSet) {
	n := len(p.text)
	p.flags = make([]uint8, n)
	if n == 0 {
		return
	}
	fs.seg.Init(p.text)
	for it := fs.seg.LineIterator(); it.Next(); {
		if o := it.Line().Offset; o > 0 && o < n {
			p.flags[o] |= flagBreak
		}
	}
	for it := fs.seg.GraphemeIterator(); it.Next(); {
		if o := it.Grapheme().Offset; o < n {
			p.flags[o] |= flagGrapheme
		}
	}
	t := p.text
	breakAll := p.opt.WordBreak == style.WordBreakBreakAll
	for i := 1; i < n; i++ {
		if asciiPair(t[i-1], t[i]) {
			// Blink's own table decides between two ASCII characters.
			if asciiBreak(t, i, breakAll) {
				p.flags[i] |= flagBreak
			} else {
				p.flags[i] &^= flagBreak
			}
			continue
		}
		// UAX #14 LB19a: “ may start a line after an East Asian character,
		// and ” may end one before another.
		if isOpeningQuote(t[i]) && isEastAsian(t[i-1]) && (i+1 >= n || isEastAsian(t[i+1])) {
			p.flags[i] |= flagBreak
		}
		if isClosingQuote(t[i-1]) && isEastAsian(t[i]) && i >= 2 && isEastAsian(t[i-2]) {
			p.flags[i] |= flagBreak
		}
		if breakAll && p.flags[i]&flagGrapheme != 0 &&
			isLetterUnit(t[i-1]) && isLetterUnit(t[i]) {
			p.flags[i] |= flagBreak
		}
	}
	if p.opt.WhiteSpace == style.WhiteSpaceNoWrap {
		for i := range p.flags {
			p.flags[i] &^= flagBreak
		}
	}
}

// shapeRuns splits each text run by face (per character, spec §8.4's
// fallback) and script, shapes the pieces, and records advances.
func (p *Paragraph) shapeRuns(fs *FontSet, spans []runSpan) {
	n := len(p.text)
	p.adv = make([]float32, n)
	for ri := range p.runs {
		r := &p.runs[ri]
		sp := spans[ri]
		if sp.start == sp.end {
			continue
		}
		if r.IsBox {
			p.adv[sp.start] = sanitizeLen(r.Box.Width)
			p.boxes = append(p.boxes, boxItem{pos: sp.start, run: int32(ri)})
			continue
		}
		st := sanitizeStyle(r.Style)
		chain := fs.resolve(st.Families, st.Weight, st.Italic)
		runBox := runVMetrics(chain.choices[0].face, st)
		noLiga := st.LetterSpacing != 0
		segStart := int(sp.start)
		cur, curScript := -1, language.Common
		flush := func(end int) {
			if end <= segStart {
				return
			}
			ch := chain.choices[max(cur, 0)]
			s := seg{start: int32(segStart), end: int32(end), run: int32(ri), choice: ch, size: st.Size, lineContribs: runBox}
			if ch.face != chain.choices[0].face && st.LineHeight.Kind == style.LineHeightNormal {
				// Chromium unites the used fallback fonts' metrics into the
				// box when line-height is normal (spec §8.4).
				m := ch.face.Metrics(st.Size)
				s.lineContribs.unite(halfLeading(m, m.LineSpacing))
			}
			p.appendShaped(fs, &s, curScript, noLiga, st)
			p.segs = append(p.segs, s)
			segStart = end
		}
		for i := int(sp.start); i < int(sp.end); i++ {
			c := p.text[i]
			fi := chain.faceFor(c, cur)
			sc := language.LookupScript(c)
			if sc == language.Common || sc == language.Inherited || sc == language.Unknown {
				sc = curScript
			}
			if i > segStart && (fi != cur || (sc != curScript && curScript != language.Common)) {
				flush(i)
			}
			cur, curScript = fi, sc
		}
		flush(int(sp.end))
	}
}

// appendShaped shapes s and appends its glyphs and advances.
func (p *Paragraph) appendShaped(fs *FontSet, s *seg, script language.Script, noLiga bool, st TextStyle) {
	face := s.choice.face
	gs := fs.shape(p.text[s.start:s.end], face, script, noLiga)
	scale := st.Size / face.upem
	s.glyphs[0] = int32(len(p.glyphs))
	cluster, pen := int32(-1), float32(0)
	for _, g := range gs {
		c := s.start + g.cluster
		if c != cluster {
			cluster, pen = c, 0
			// Letter-spacing goes after every character (here: cluster),
			// the last on a line included, as in Chromium.
			p.adv[c] += st.LetterSpacing
		}
		p.glyphs = append(p.glyphs, pglyph{id: g.id, cluster: c, dx: pen + g.xoff*scale, dy: -g.yoff * scale})
		a := g.adv * scale
		pen += a
		p.adv[c] += a
	}
	s.glyphs[1] = int32(len(p.glyphs))
	for i := s.start; i < s.end; i++ {
		if isWordSeparator(p.text[i]) {
			p.adv[i] += st.WordSpacing
		}
	}
}

// runVMetrics is the inline box a run's text makes (CSS 2.1 §10.8.1): the
// primary face's ascent and descent with half the leading on each side.
func runVMetrics(primary *Face, st TextStyle) vmetrics {
	m := primary.Metrics(st.Size)
	var l float32
	switch st.LineHeight.Kind {
	case style.LineHeightNumber:
		l = st.LineHeight.Value * st.Size
	case style.LineHeightPx:
		l = st.LineHeight.Value
	default:
		l = m.LineSpacing
	}
	if math.IsNaN(float64(l)) || l < 0 {
		l = m.LineSpacing
	}
	return halfLeading(m, l)
}

// halfLeading splits line height l around the ascent and descent the way
// Chromium does (CalculateLeadingSpace): the top half truncated to 1/64 px
// (LayoutUnit), the rest below.
func halfLeading(m Metrics, l float32) vmetrics {
	lead := l - (m.Ascent + m.Descent)
	top := float32(math.Trunc(float64(lead/2)*64)) / 64
	return vmetrics{ascent: m.Ascent + top, descent: m.Descent + (lead - top)}
}

// finish computes the prefix sums, break index, intrinsic widths, the strut
// and the ellipsis.
func (p *Paragraph) finish(fs *FontSet) {
	n := len(p.text)
	p.x = make([]float64, n+1)
	for i, a := range p.adv {
		p.x[i+1] = p.x[i] + float64(a)
	}
	p.nextBr = make([]int32, n+1)
	next := int32(n)
	p.nextBr[n] = next
	for i := n - 1; i >= 0; i-- {
		p.nextBr[i] = next
		if p.flags[i]&flagBreak != 0 {
			next = int32(i)
		}
	}
	p.glyphAt = make([]int32, n+1)
	g := 0
	for i := 0; i <= n; i++ {
		for g < len(p.glyphs) && int(p.glyphs[g].cluster) < i {
			g++
		}
		p.glyphAt[i] = int32(g)
	}

	root := p.opt.Root
	chain := fs.resolve(root.Families, root.Weight, root.Italic)
	primary := chain.choices[0].face
	p.strut = runVMetrics(primary, root)
	p.rootXHeight = primary.Metrics(root.Size).XHeight

	if p.opt.Overflow == OverflowEllipsis {
		ci := chain.faceFor('…', -1)
		ch := chain.choices[ci]
		gs := fs.shape(fs.ellipsis, ch.face, language.Common, false)
		scale := root.Size / ch.face.upem
		p.ell = ellipsis{choice: ch, size: root.Size}
		for _, g := range gs {
			p.ell.glyphs = append(p.ell.glyphs, pglyph{id: g.id, dx: p.ell.width + g.xoff*scale, dy: -g.yoff * scale})
			p.ell.width += g.adv * scale
		}
	}

	// min-content: the widest piece between break opportunities (or between
	// graphemes when long words may break); max-content: the unwrapped line.
	p.maxContent = p.width(0, n)
	for s := 0; s < n; {
		e := int(p.nextBr[s])
		w := p.width(s, p.trimEnd(s, e))
		if p.opt.BreakLongWords {
			w = p.widestGrapheme(s, e)
		}
		p.minContent = max(p.minContent, w)
		s = e
	}
	p.minContent = min(p.minContent, p.maxContent)
}

func (p *Paragraph) widestGrapheme(s, e int) float32 {
	var w float32
	for i := s; i < e; {
		j := i + 1
		for j < e && p.flags[j]&flagGrapheme == 0 {
			j++
		}
		if p.text[i] != ' ' {
			w = max(w, p.width(i, j))
		}
		i = j
	}
	return w
}

// width is the advance of runes [s, e).
func (p *Paragraph) width(s, e int) float32 { return float32(p.x[e] - p.x[s]) }

// trimEnd drops the spaces before e that hang at a line end (CSS Text 3 §4.1.3).
func (p *Paragraph) trimEnd(s, e int) int {
	for e > s && p.text[e-1] == ' ' {
		e--
	}
	return e
}

// Text returns the collapsed paragraph text, inline boxes as U+FFFC; line
// ranges index into it.
func (p *Paragraph) Text() []rune { return p.text }

// MinContentWidth is the widest unbreakable piece (CSS min-content).
func (p *Paragraph) MinContentWidth() float32 { return p.minContent }

// MaxContentWidth is the width of the unwrapped text (CSS max-content).
func (p *Paragraph) MaxContentWidth() float32 { return p.maxContent }
