package paint

import (
	"math"

	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/layout/text"
	"github.com/skyline-go/skyline/style"
)

// fadeEms is the length of the overflow="fade" ramp at the end of the last
// kept line, in ems of the text's font size (spec §4.2 says "faded out at
// the end of the last line" without a length; two ems fade a word or two).
const fadeEms = 2

// paintText paints the paragraph of a text root, anonymous text or pseudo
// box in its content box: text shadows under all glyphs, then glyphs, then
// decorations (CSS Text Decoration 3 §5: decorations over the text they
// decorate, line-through included).
func (pt *Painter) paintText(id layout.NodeID, b *Box, g *boxGeometry) {
	l := b.Layout
	cw := l.Size.Width - l.Border.Horizontal() - l.Padding.Horizontal()
	tl := b.Para.Layout(max(cw, 0))
	if len(tl.Runs) == 0 && len(tl.Boxes) == 0 {
		return
	}
	d := pt.dpr
	ox, oy := g.content.X0, g.content.Y0
	overflow := text.OverflowVisible
	if b.Kind == TextRoot {
		overflow = pt.t.TextOverflow(id)
	}
	if overflow == text.OverflowClip {
		pt.op(dlOp{kind: dlPushClipRect, rect: g.content})
		pt.beginInk()
	}
	fadeLine := -1
	if overflow == text.OverflowFade && tl.Truncated && len(tl.Lines) > 0 {
		fadeLine = len(tl.Lines) - 1
	}

	if b.Kind == TextRoot {
		pt.paintInlineDecorations(id, tl, ox, oy)
	}
	for i := range tl.Runs {
		r := &tl.Runs[i]
		st := pt.runStyle(id, b, tl, r)
		if st.Visibility != style.Visible {
			continue
		}
		for j := len(st.TextShadow) - 1; j >= 0; j-- {
			pt.textShadow(r, st.TextShadow[j], ox, oy)
		}
	}
	for i := range tl.Runs {
		r := &tl.Runs[i]
		st := pt.runStyle(id, b, tl, r)
		if st.Visibility != style.Visible {
			continue
		}
		col := Color(st.Color)
		var fadeX0, fadeX1 float32
		if r.Line == fadeLine {
			ln := &tl.Lines[fadeLine]
			fadeX1 = (ln.X + ln.Width) * d
			fadeX0 = fadeX1 - min(fadeEms*r.Size, ln.Width)*d
		}
		pt.glyphRun(r, ox, oy, 0, 0, col, fadeX0, fadeX1)
		if deco := pt.decorationOf(id, b, r); deco != nil {
			pt.decorate(r, deco, ox, oy)
		}
	}
	if overflow == text.OverflowClip {
		pt.op(dlOp{kind: dlPopClip})
		pt.addInk(pt.endInk().Intersect(g.content))
	}
}

// runStyle is the computed style a glyph run is drawn in: a text root's
// runs are in the styles of the elements holding their text (the host
// knows them), anonymous and pseudo text in the box's own.
func (pt *Painter) runStyle(id layout.NodeID, b *Box, tl *text.Layout, r *text.GlyphRun) *style.Computed {
	if b.Kind != TextRoot {
		return b.Style
	}
	return pt.t.RunStyle(id, tl, r)
}

// decorationOf is the text decoration a run is drawn with: a text root's
// come from its elements (the host walks them), anonymous and pseudo text
// has the box's own.
func (pt *Painter) decorationOf(id layout.NodeID, b *Box, r *text.GlyphRun) *style.TextDecoration {
	if b.Kind != TextRoot {
		if b.Style.TextDecoration.Line != style.DecorationNone {
			return &b.Style.TextDecoration
		}
		return nil
	}
	return pt.t.RunDecoration(id, r)
}

// glyphRun emits one run's glyphs, offset by (dx, dy) device px. Glyphs
// whose pen lies in [fadeX0, fadeX1) fade linearly to transparent
// (overflow="fade").
func (pt *Painter) glyphRun(r *text.GlyphRun, ox, oy, dx, dy float32, col raster.Color, fadeX0, fadeX1 float32) {
	key, ok := pt.outline.fontKey(r)
	if !ok || col.A == 0 || len(r.Glyphs) == 0 {
		return
	}
	d := pt.dpr
	start := len(pt.list.glyphs)
	size := r.Size * d
	for _, gl := range r.Glyphs {
		x, y := ox+gl.X*d+dx, oy+gl.Y*d+dy
		c := col
		if fadeX1 > fadeX0 && x >= fadeX0 {
			k := max(0, (fadeX1-x)/(fadeX1-fadeX0))
			c.A = uint8(float32(c.A)*k + 0.5)
			if c.A == 0 {
				continue
			}
		}
		pt.list.glyphs = append(pt.list.glyphs, glyphInst{font: key, glyph: uint32(gl.ID), size: size, x: x, y: y, color: c})
	}
	pt.op(dlOp{kind: dlGlyphs, ref: int32(start), end: int32(len(pt.list.glyphs))})
	m := r.Face.Metrics(r.Size)
	pt.addInk(raster.Rect{
		X0: ox + r.X0*d + dx - size, Y0: oy + (r.Baseline-m.Ascent)*d + dy - size/2,
		X1: ox + r.X1*d + dx + size, Y1: oy + (r.Baseline+m.Descent)*d + dy + size/2,
	})
}

// textShadow paints one text-shadow of a run: the glyphs offset and in the
// shadow colour, blurred in a layer when the shadow has a blur radius (σ is
// half of it, as for box-shadow, CSS Backgrounds 3 §7.1.1).
func (pt *Painter) textShadow(r *text.GlyphRun, s style.Shadow, ox, oy float32) {
	if s.Color.A == 0 {
		return
	}
	d := pt.dpr
	if s.Blur <= 0 {
		pt.glyphRun(r, ox, oy, s.X*d, s.Y*d, Color(s.Color), 0, 0)
		return
	}
	f := raster.Filter{Kind: raster.Blur, Amount: s.Blur * d / 2}
	layer := pt.op(dlOp{kind: dlPushLayer, opacity: 1, filter: f})
	pt.beginInk()
	pt.glyphRun(r, ox, oy, s.X*d, s.Y*d, Color(s.Color), 0, 0)
	pt.op(dlOp{kind: dlPopLayer})
	ink := growForFilter(pt.endInk(), f)
	pt.list.ops[layer].rect = ink
	pt.addInk(ink)
}

// decorate draws a run's text-decoration line (spec §2.7: one line, a
// style and a colour that defaults to black). Thickness and positions
// follow Chromium: max(1, font-size / 10) thick, the underline at the
// font's underline offset, the line-through at two fifths of the ascent,
// the overline at the ascent.
func (pt *Painter) decorate(r *text.GlyphRun, deco *style.TextDecoration, ox, oy float32) {
	if deco.Color.A == 0 || r.X1 <= r.X0 {
		return
	}
	d := pt.dpr
	m := r.Face.Metrics(r.Size)
	th := max(1, r.Size/10)
	var top float32
	switch deco.Line {
	case style.DecorationUnderline:
		top = r.Baseline + max(m.UnderlineOffset, th/2)
	case style.DecorationOverline:
		top = r.Baseline - m.Ascent
	case style.DecorationLineThrough:
		top = r.Baseline - m.Ascent*2/5 - th/2
	default:
		return
	}
	x0, x1 := ox+r.X0*d, ox+r.X1*d
	y0, t := oy+top*d, th*d
	col := Color(deco.Color)
	switch deco.Style {
	case style.DecorationDouble:
		pt.decoRect(raster.Rect{X0: x0, Y0: y0, X1: x1, Y1: y0 + t}, col)
		pt.decoRect(raster.Rect{X0: x0, Y0: y0 + 2*t, X1: x1, Y1: y0 + 3*t}, col)
	case style.DecorationDashed:
		dash, gap := 3*t, 3*t
		for x := x0; x < x1; x += dash + gap {
			pt.decoRect(raster.Rect{X0: x, Y0: y0, X1: min(x+dash, x1), Y1: y0 + t}, col)
		}
	case style.DecorationDotted:
		start := len(pt.list.segs)
		for x := x0 + t/2; x+t/2 <= x1+0.01; x += 2 * t {
			pt.circle(x, y0+t/2, t/2)
		}
		pt.pathOp(start, col, raster.Rect{X0: x0, Y0: y0, X1: x1, Y1: y0 + t})
	case style.DecorationWavy:
		pt.wavy(x0, x1, y0+t/2, t, col)
	default:
		pt.decoRect(raster.Rect{X0: x0, Y0: y0, X1: x1, Y1: y0 + t}, col)
	}
}

func (pt *Painter) decoRect(r raster.Rect, col raster.Color) {
	pt.op(dlOp{kind: dlFillRect, rect: r, color: col})
	pt.addInk(r)
}

// pathOp closes a path op over segs[start:].
func (pt *Painter) pathOp(start int, col raster.Color, ink raster.Rect) {
	if len(pt.list.segs) == start {
		return
	}
	pt.op(dlOp{kind: dlFillPath, ref: int32(start), end: int32(len(pt.list.segs)), color: col})
	pt.addInk(ink)
}

// circle appends a closed circle of four cubic arcs.
func (pt *Painter) circle(cx, cy, r float32) {
	const k = 0.5522847498 // cubic Bézier circle constant
	s := &pt.list.segs
	pt2 := func(x, y float32) raster.Point { return raster.Point{X: x, Y: y} }
	*s = append(*s,
		raster.Segment{Op: raster.MoveTo, Args: [3]raster.Point{pt2(cx+r, cy)}},
		raster.Segment{Op: raster.CubeTo, Args: [3]raster.Point{pt2(cx+r, cy+k*r), pt2(cx+k*r, cy+r), pt2(cx, cy+r)}},
		raster.Segment{Op: raster.CubeTo, Args: [3]raster.Point{pt2(cx-k*r, cy+r), pt2(cx-r, cy+k*r), pt2(cx-r, cy)}},
		raster.Segment{Op: raster.CubeTo, Args: [3]raster.Point{pt2(cx-r, cy-k*r), pt2(cx-k*r, cy-r), pt2(cx, cy-r)}},
		raster.Segment{Op: raster.CubeTo, Args: [3]raster.Point{pt2(cx+k*r, cy-r), pt2(cx+r, cy-k*r), pt2(cx+r, cy)}},
		raster.Segment{Op: raster.ClosePath},
	)
}

// wavy appends a sine wave band of thickness t centred on y: amplitude t,
// wavelength 4t (Chromium draws its wavy line with about these proportions).
func (pt *Painter) wavy(x0, x1, y, t float32, col raster.Color) {
	start := len(pt.list.segs)
	amp, wl := t, 4*t
	steps := int(math.Ceil(float64((x1 - x0) / (wl / 8))))
	if steps < 1 {
		return
	}
	at := func(i int) (float32, float32) {
		x := x0 + (x1-x0)*float32(i)/float32(steps)
		return x, y + amp*float32(math.Sin(float64((x-x0)/wl*2*math.Pi)))
	}
	s := &pt.list.segs
	x, wy := at(0)
	*s = append(*s, raster.Segment{Op: raster.MoveTo, Args: [3]raster.Point{{X: x, Y: wy - t/2}}})
	for i := 1; i <= steps; i++ {
		x, wy = at(i)
		*s = append(*s, raster.Segment{Op: raster.LineTo, Args: [3]raster.Point{{X: x, Y: wy - t/2}}})
	}
	for i := steps; i >= 0; i-- {
		x, wy = at(i)
		*s = append(*s, raster.Segment{Op: raster.LineTo, Args: [3]raster.Point{{X: x, Y: wy + t/2}}})
	}
	*s = append(*s, raster.Segment{Op: raster.ClosePath})
	pt.pathOp(start, col, raster.Rect{X0: x0, Y0: y - amp - t, X1: x1, Y1: y + amp + t})
}
