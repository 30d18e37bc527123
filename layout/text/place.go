package text

import (
	"math"

	"github.com/skyline-go/skyline/style"
)

// placeLine builds line li's box from its top, returning the next line's top.
func (p *Paragraph) placeLine(li int, top, alignW float32) float32 {
	l := &p.lay
	ls := p.lines[li]
	ln := &l.Lines[li]
	ellipsized := ln.Runs[0] == -1
	s, e := int(ls.start), int(ls.trim)

	// Vertical: the strut, every text piece's inline box and the inline
	// boxes, all on one baseline (CSS 2.1 §10.8); runs are flat, so nested
	// spans of other sizes are children of the root sharing its baseline.
	vm := p.strut
	k0 := p.firstSeg(s)
	for k := k0; k < len(p.segs) && int(p.segs[k].start) < e; k++ {
		vm.unite(p.segs[k].lineContribs)
	}
	b0 := p.firstBox(s)
	var tallTop, tallBottom float32
	for k := b0; k < len(p.boxes) && int(p.boxes[k].pos) < e; k++ {
		bx := &p.runs[p.boxes[k].run].Box
		h := sanitizeLen(bx.Height)
		switch bx.Align {
		case style.VAlignTop:
			tallTop = max(tallTop, h)
		case style.VAlignBottom:
			tallBottom = max(tallBottom, h)
		case style.VAlignMiddle:
			vm.unite(vmetrics{h/2 + p.rootXHeight/2, h/2 - p.rootXHeight/2})
		default:
			bl := finite(bx.Baseline)
			vm.unite(vmetrics{bl, h - bl})
		}
	}
	// Top- and bottom-aligned boxes stretch the line when taller than the
	// baseline-aligned content (CSS 2.1 §10.8.1).
	h := vm.ascent + vm.descent
	if tallTop > h {
		vm.descent += tallTop - h
		h = tallTop
	}
	if tallBottom > h {
		vm.ascent += tallBottom - h
		h = tallBottom
	}
	baseline := top + vm.ascent
	ln.Top, ln.Height, ln.Baseline = top, h, baseline

	// Horizontal: alignment, and for justify the free space shared among
	// word separators and after East Asian characters (text-justify: auto),
	// except on the last line and a line cut for an ellipsis.
	x0 := p.align(ln.Width, alignW)
	var per float32
	last := li == len(p.lines)-1
	if p.opt.Align == style.TextAlignJustify && !last && !ellipsized && !math.IsInf(float64(alignW), 1) && alignW > ln.Width {
		if n := p.justifyOpportunities(s, e); n > 0 {
			per = (alignW - ln.Width) / float32(n)
			ln.Width = alignW
		}
	}
	ln.X = x0
	xs := p.x[s]
	oc, ocount := s, 0
	xAt := func(i int) float32 {
		for ; oc < i; oc++ {
			if p.isJustifyOpportunity(oc, e) {
				ocount++
			}
		}
		return x0 + float32(p.x[i]-xs) + per*float32(ocount)
	}

	ln.Runs[0] = len(l.Runs)
	for k := k0; k < len(p.segs) && int(p.segs[k].start) < e; k++ {
		sg := &p.segs[k]
		a, b := max(s, int(sg.start)), min(e, int(sg.end))
		if a >= b {
			continue
		}
		g0 := max(int(p.glyphAt[a]), int(sg.glyphs[0]))
		g1 := min(int(p.glyphAt[b]), int(sg.glyphs[1]))
		run := &p.runs[sg.run]
		gr := GlyphRun{
			Face: sg.choice.face, Size: sg.size,
			SyntheticBold: sg.choice.syntheticBold, SyntheticItalic: sg.choice.syntheticSkew,
			Item: int(sg.run), Data: run.Data, Line: li, Baseline: baseline,
			X0: xAt(a), g0: len(l.glyphs),
		}
		for _, g := range p.glyphs[g0:g1] {
			l.glyphs = append(l.glyphs, Glyph{ID: g.id, X: xAt(int(g.cluster)) + g.dx, Y: baseline + g.dy})
		}
		gr.X1 = xAt(b)
		gr.g1 = len(l.glyphs)
		l.Runs = append(l.Runs, gr)
	}
	if ellipsized {
		ex := xAt(e)
		gr := GlyphRun{
			Face: p.ell.choice.face, Size: p.ell.size,
			SyntheticBold: p.ell.choice.syntheticBold, SyntheticItalic: p.ell.choice.syntheticSkew,
			Item: -1, Data: p.opt.RootData, Line: li, Baseline: baseline,
			X0: ex, X1: ex + p.ell.width, g0: len(l.glyphs),
		}
		for _, g := range p.ell.glyphs {
			l.glyphs = append(l.glyphs, Glyph{ID: g.id, X: ex + g.dx, Y: baseline + g.dy})
		}
		gr.g1 = len(l.glyphs)
		l.Ellipsis = len(l.Runs)
		l.Runs = append(l.Runs, gr)
	}
	ln.Runs[1] = len(l.Runs)

	ln.Boxes[0] = len(l.Boxes)
	for k := b0; k < len(p.boxes) && int(p.boxes[k].pos) < e; k++ {
		bi := p.boxes[k]
		run := &p.runs[bi.run]
		bx := &run.Box
		bh := sanitizeLen(bx.Height)
		pb := PlacedBox{Item: int(bi.run), Data: run.Data, X: xAt(int(bi.pos)), Width: sanitizeLen(bx.Width), Height: bh, Line: li}
		switch bx.Align {
		case style.VAlignTop:
			pb.Y = top
		case style.VAlignBottom:
			pb.Y = top + h - bh
		case style.VAlignMiddle:
			pb.Y = baseline - p.rootXHeight/2 - bh/2
		default:
			pb.Y = baseline - finite(bx.Baseline)
		}
		l.Boxes = append(l.Boxes, pb)
	}
	ln.Boxes[1] = len(l.Boxes)
	return top + h
}

// isJustifyOpportunity reports whether justify may add space after rune i of
// a line ending at e.
func (p *Paragraph) isJustifyOpportunity(i, e int) bool {
	if i >= e-1 {
		return false
	}
	r := p.text[i]
	return isWordSeparator(r) || isEastAsian(r)
}

func (p *Paragraph) justifyOpportunities(s, e int) int {
	n := 0
	for i := s; i < e; i++ {
		if p.isJustifyOpportunity(i, e) {
			n++
		}
	}
	return n
}

// firstSeg returns the first segment ending after rune s.
func (p *Paragraph) firstSeg(s int) int {
	lo, hi := 0, len(p.segs)
	for lo < hi {
		m := (lo + hi) / 2
		if int(p.segs[m].end) <= s {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// firstBox returns the first inline box at or after rune s.
func (p *Paragraph) firstBox(s int) int {
	lo, hi := 0, len(p.boxes)
	for lo < hi {
		m := (lo + hi) / 2
		if int(p.boxes[m].pos) < s {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func finite(v float32) float32 {
	if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
		return 0
	}
	return v
}
