package paint

import (
	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/layout/text"
	"github.com/skyline-go/skyline/style"
)

// inlineFrag is one line's piece of an inline element inside text.
type inlineFrag struct {
	x0, x1, top, bottom float32
	set                 bool
}

// paintInlineDecorations paints the backgrounds, borders and shadows of
// the nested text / span elements inside a text root (a tag chip inside a
// title, spec §3.6): one box per line the element spans, over the glyphs'
// extent plus the element's padding and border (the paragraph reserved
// them as spacers), as tall as its font's content area plus vertical
// padding and border (CSS 2.1 §10.6.1: they do not move the line). Pieces of an element broken across lines are sliced:
// only the first has the left edge, only the last the right.
func (pt *Painter) paintInlineDecorations(id layout.NodeID, tl *text.Layout, ox, oy float32) {
	els := pt.t.InlineBoxes(id, pt.inline[:0])
	pt.inline = els
	if len(els) == 0 {
		return
	}
	if cap(pt.frags) < len(tl.Lines) {
		pt.frags = make([]inlineFrag, len(tl.Lines))
	}
	frags := pt.frags[:len(tl.Lines)]
	d := pt.dpr
	for ei := range els {
		e := &els[ei]
		clear(frags)
		st := e.Style
		inside := func(data uint32) bool { return data >= e.First && data < e.End }
		grow := func(line int, x0, x1, baseline float32, f *text.Face) {
			if line < 0 || line >= len(frags) {
				return
			}
			fr := &frags[line]
			top, bottom := baseline, baseline
			if f != nil {
				m := f.Metrics(st.FontSize)
				top, bottom = baseline-m.Ascent, baseline+m.Descent
			}
			if !fr.set {
				*fr = inlineFrag{x0: x0, x1: x1, top: top, bottom: bottom, set: true}
				return
			}
			fr.x0, fr.x1 = min(fr.x0, x0), max(fr.x1, x1)
			fr.top, fr.bottom = min(fr.top, top), max(fr.bottom, bottom)
		}
		var face *text.Face
		for i := range tl.Runs {
			r := &tl.Runs[i]
			if r.Item >= 0 && inside(r.Data) {
				if face == nil {
					face = r.Face
				}
				grow(r.Line, r.X0, r.X1, r.Baseline, r.Face)
			}
		}
		for i := range tl.Boxes {
			pb := &tl.Boxes[i]
			if inside(pb.Data) && pb.Line >= 0 && pb.Line < len(tl.Lines) {
				grow(pb.Line, pb.X, pb.X+pb.Width, tl.Lines[pb.Line].Baseline, face)
			}
		}
		first, last := -1, -1
		for i := range frags {
			if frags[i].set {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		for i := first; i >= 0 && i <= last; i++ {
			fr := &frags[i]
			if !fr.set {
				continue
			}
			pt.paintInlineFrag(id, ei, st, fr, ox, oy, d, i == first, i == last)
		}
	}
}

// paintInlineFrag paints one line's box of the inline-th InlineBox of
// text root id.
func (pt *Painter) paintInlineFrag(id layout.NodeID, inline int, st *style.Computed, fr *inlineFrag, ox, oy, d float32, first, last bool) {
	pad := func(l style.Length) float32 { return l.ResolveOr(0, false, 0) }
	top := fr.top - pad(st.Padding.Top) - st.Border[0].Width
	bottom := fr.bottom + pad(st.Padding.Bottom) + st.Border[2].Width
	w, h := fr.x1-fr.x0, bottom-top
	if w <= 0 || h <= 0 {
		return
	}
	var g boxGeometry
	g.border = raster.XYWH(ox+fr.x0*d, oy+top*d, w*d, h*d)
	g.bw = [4]float32{st.Border[0].Width * d, st.Border[1].Width * d, st.Border[2].Width * d, st.Border[3].Width * d}
	g.radii = pt.radii(st, w, h)
	if !first {
		g.bw[3], g.radii.TopLeft, g.radii.BottomLeft = 0, raster.Point{}, raster.Point{}
	}
	if !last {
		g.bw[1], g.radii.TopRight, g.radii.BottomRight = 0, raster.Point{}, raster.Point{}
	}
	g.padding = g.border.Inset(g.bw[0], g.bw[1], g.bw[2], g.bw[3])
	g.content = g.padding
	if first && last {
		pt.paintDecorations(st, &g, id, inline)
		return
	}
	// A sliced piece: the border sides it lacks are zero-width.
	// (The copy is the painter's, so nothing escapes per frame; its list
	// fields still share the element's backing arrays.)
	pt.sliced = *st
	if !first {
		pt.sliced.Border[3].Width = 0
	}
	if !last {
		pt.sliced.Border[1].Width = 0
	}
	pt.paintDecorations(&pt.sliced, &g, id, inline)
}

// HasBoxDecorations reports whether an element in style s paints a box of
// its own: a visible background, shadow or border.
func HasBoxDecorations(s *style.Computed) bool {
	if s.Visibility != style.Visible {
		return false
	}
	if s.Background.Color.A > 0 || len(s.Background.Layers) > 0 || len(s.BoxShadow) > 0 {
		return true
	}
	for _, b := range s.Border {
		if b.Width > 0 && b.Style != style.BorderNone && b.Color.A > 0 {
			return true
		}
	}
	return false
}
