package paint

import (
	"math"

	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/style"
)

// PaintDecorations paints box id's own layers — outer shadows, background,
// inset shadows, border — and nothing of its content: a scroll-view's
// sliver container shows them along its scroll extent (the host moves the
// box there first).
func (pt *Painter) PaintDecorations(id layout.NodeID) {
	b := pt.t.Box(id)
	g := pt.geometry(&b)
	pt.paintDecorations(b.Style, &g, id, -1)
}

// paintDecorations paints a box's own layers: outer shadows, background
// colour and images, inset shadows, border (CSS 2.1 Appendix E order).
// id and inline name the element for its background pictures
// (Tree.BackgroundImage).
func (pt *Painter) paintDecorations(st *style.Computed, g *boxGeometry, id layout.NodeID, inline int) {
	d := pt.dpr
	br := g.borderRRect()
	// The first shadow in the list is on top (CSS Backgrounds 3 §7.1).
	for i := len(st.BoxShadow) - 1; i >= 0; i-- {
		s := st.BoxShadow[i]
		if s.Inset || s.Color.A == 0 {
			continue
		}
		pt.list.shadows = append(pt.list.shadows, pt.shadowOf(s))
		pt.op(dlOp{kind: dlBoxShadow, rect: br.Rect, radii: br.Radii, ref: int32(len(pt.list.shadows) - 1)})
		ext := blurReach(s.Blur*d/2) + max(s.Spread*d, 0)
		pt.addInk(br.Rect.Offset(s.X*d, s.Y*d).Inset(-ext, -ext, -ext, -ext))
	}
	if c := st.Background.Color; c.A > 0 {
		pt.Fill(br, raster.Solid(Color(c)))
	}
	for i := len(st.Background.Layers) - 1; i >= 0; i-- {
		pt.paintBackgroundLayer(st, g, &st.Background.Layers[i], id, inline)
	}
	for i := len(st.BoxShadow) - 1; i >= 0; i-- {
		s := st.BoxShadow[i]
		if !s.Inset || s.Color.A == 0 {
			continue
		}
		pr := g.paddingRRect()
		pt.list.shadows = append(pt.list.shadows, pt.shadowOf(s))
		pt.op(dlOp{kind: dlBoxShadow, rect: pr.Rect, radii: pr.Radii, ref: int32(len(pt.list.shadows) - 1)})
		pt.addInk(pr.Rect)
	}
	pt.paintBorder(st, g)
}

// paintBorder emits the border. Spec §2.7: with a radius, all sides must
// share one colour and style; when the sides that have a border differ, the
// first of them (top, right, bottom, left) gives its colour and style to
// all (§7 engine choice: "the top side's", read as the top-most side that
// is drawn, so a lone bottom hairline under a rounded card still shows).
func (pt *Painter) paintBorder(st *style.Computed, g *boxGeometry) {
	var sides [4]raster.BorderSide
	any := false
	for i, s := range st.Border {
		sides[i] = raster.BorderSide{Width: g.bw[i], Color: Color(s.Color), Style: rasterBorderStyle(s.Style)}
		if sides[i].Width > 0 && sides[i].Style != raster.BorderNone && s.Color.A > 0 {
			any = true
		}
	}
	if !any {
		return
	}
	if !g.radii.IsZero() {
		first := -1
		for i := range sides {
			if sides[i].Width > 0 && sides[i].Style != raster.BorderNone {
				if first < 0 {
					first = i
				} else if sides[i].Color != sides[first].Color || sides[i].Style != sides[first].Style {
					for j := range sides {
						if sides[j].Width > 0 && sides[j].Style != raster.BorderNone {
							sides[j].Color, sides[j].Style = sides[first].Color, sides[first].Style
						}
					}
					break
				}
			}
		}
	}
	pt.list.borders = append(pt.list.borders, raster.Border{Box: g.borderRRect(), Top: sides[0], Right: sides[1], Bottom: sides[2], Left: sides[3]})
	pt.op(dlOp{kind: dlBorder, ref: int32(len(pt.list.borders) - 1)})
	pt.addInk(g.border)
}

func rasterBorderStyle(s style.BorderStyle) raster.BorderStyle {
	switch s {
	case style.BorderSolid:
		return raster.BorderSolid
	case style.BorderDashed:
		return raster.BorderDashed
	case style.BorderDotted:
		return raster.BorderDotted
	case style.BorderDouble:
		return raster.BorderDouble
	}
	return raster.BorderNone
}

// Color is a computed colour in raster's terms.
func Color(c style.Color) raster.Color { return raster.Color{R: c.R, G: c.G, B: c.B, A: c.A} }

func (pt *Painter) shadowOf(s style.Shadow) raster.Shadow {
	d := pt.dpr
	return raster.Shadow{OffsetX: s.X * d, OffsetY: s.Y * d, Blur: s.Blur * d, Spread: s.Spread * d, Color: Color(s.Color), Inset: s.Inset}
}

// blurReach is how far a Gaussian of deviation sigma visibly spreads.
func blurReach(sigma float32) float32 { return float32(math.Ceil(float64(3 * sigma))) }
