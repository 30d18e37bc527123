package paint

import (
	"image"
	"math"

	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/style"
)

// gradientCache keeps the raster gradients of the last frame. A gradient
// carries a colour table, so it is built once and reused while its image
// and device box stay the same. Requests are matched by their order in the
// frame: an unchanged page asks for the same gradients in the same order,
// which makes the lookup a comparison and the steady state allocation-free.
type gradientCache struct {
	keys  []gradientKey
	grads []*raster.Gradient
	next  int
}

type gradientKey struct {
	img *style.Image
	box raster.Rect
}

func (c *gradientCache) begin() { c.next = 0 }

func (c *gradientCache) get(k gradientKey, build func() *raster.Gradient) *raster.Gradient {
	i := c.next
	c.next++
	if i < len(c.keys) && c.keys[i] == k {
		return c.grads[i]
	}
	g := build()
	if i < len(c.keys) {
		c.keys[i], c.grads[i] = k, g
	} else {
		c.keys = append(c.keys, k)
		c.grads = append(c.grads, g)
	}
	return g
}

// paintBackgroundLayer paints one background-image layer (spec §2.7):
// positioned in the padding box, clipped to the border box (background
// origin / clip are fixed to the web defaults), sized by background-size,
// placed by background-position and tiled by background-repeat.
func (pt *Painter) paintBackgroundLayer(st *style.Computed, g *boxGeometry, img *style.Image, id layout.NodeID, inline int) {
	bg := &st.Background
	area := g.padding
	if area.Empty() {
		return
	}
	var natW, natH float32 // natural size in device px; 0 for gradients
	var pic *image.RGBA
	if img.Kind == style.ImageURL {
		pic = pt.t.BackgroundImage(id, inline, img.URL)
		if pic == nil {
			return
		}
		natW, natH = float32(pic.Rect.Dx())*pt.dpr, float32(pic.Rect.Dy())*pt.dpr
	} else if img.Kind == style.ImageNone {
		return
	}
	tw, th := backgroundTileSize(bg.Size, area.W(), area.H(), natW, natH, pt.dpr)
	if !(tw > 0 && th > 0) {
		return
	}
	tx := area.X0 + resolvePos(bg.PosX, area.W()-tw, pt.dpr)
	ty := area.Y0 + resolvePos(bg.PosY, area.H()-th, pt.dpr)
	tile := raster.XYWH(tx, ty, tw, th)
	fillR := g.border
	rx := bg.Repeat == style.RepeatBoth || bg.Repeat == style.RepeatX
	ry := bg.Repeat == style.RepeatBoth || bg.Repeat == style.RepeatY
	var p raster.Paint
	if pic != nil {
		p = pt.paintImage(raster.ImagePaint{Img: pic, Transform: raster.ImageRectTransform(pic, tile), RepeatX: rx, RepeatY: ry})
	} else {
		// Gradient tiles are drawn once at their place; repeating a sized
		// gradient tile is not supported (the gradient's end colours extend).
		rx, ry = false, false
		p.Gradient = pt.grads.get(gradientKey{img, tile}, func() *raster.Gradient { return buildGradient(img, tile, pt.dpr) })
		if p.Gradient == nil {
			return
		}
		if bg.Size.Kind == style.SizeExplicit && bg.Size.W.IsAuto() && bg.Size.H.IsAuto() {
			rx, ry = true, true // an auto-sized gradient covers the whole painting area
		}
	}
	if !rx {
		fillR.X0, fillR.X1 = max(fillR.X0, tile.X0), min(fillR.X1, tile.X1)
	}
	if !ry {
		fillR.Y0, fillR.Y1 = max(fillR.Y0, tile.Y0), min(fillR.Y1, tile.Y1)
	}
	if fillR.Empty() {
		return
	}
	if g.radii.IsZero() {
		pt.Fill(raster.RRect{Rect: fillR}, p)
		return
	}
	if fillR == g.border {
		pt.Fill(g.borderRRect(), p)
		return
	}
	br := g.borderRRect()
	pt.op(dlOp{kind: dlPushClipRRect, rect: br.Rect, radii: br.Radii})
	pt.Fill(raster.RRect{Rect: fillR}, p)
	pt.op(dlOp{kind: dlPopClip})
}

// backgroundTileSize resolves background-size for an area of aw×ah device
// px and an image of natural size nw×nh (0×0 for a gradient, which has no
// natural size and fills the area when auto).
func backgroundTileSize(s style.BackgroundSize, aw, ah, nw, nh, dpr float32) (float32, float32) {
	if nw <= 0 || nh <= 0 {
		nw, nh = aw, ah
		if s.Kind != style.SizeExplicit {
			return aw, ah
		}
	}
	switch s.Kind {
	case style.SizeCover:
		k := max(aw/nw, ah/nh)
		return nw * k, nh * k
	case style.SizeContain:
		k := min(aw/nw, ah/nh)
		return nw * k, nh * k
	}
	w, wok := s.W.Resolve(aw/dpr, true)
	h, hok := s.H.Resolve(ah/dpr, true)
	w, h = w*dpr, h*dpr
	switch {
	case wok && hok:
		return w, h
	case wok:
		return w, w * nh / nw
	case hok:
		return h * nw / nh, h
	}
	return nw, nh
}

// resolvePos resolves a background-position length: percentages refer to
// the free space (area − tile), px are CSS px.
func resolvePos(l style.Length, free, dpr float32) float32 {
	if l.Kind != style.LengthFixed {
		return 0
	}
	if l.Calc != nil {
		return dpr * l.At(free/dpr)
	}
	return l.Px*dpr + l.Pct*free/100
}

// buildGradient makes the raster gradient of img painted over box (device
// px): stop positions resolve against the gradient line (linear), the
// radius (radial) or the turn (conic).
func buildGradient(img *style.Image, box raster.Rect, dpr float32) *raster.Gradient {
	if len(img.Stops) == 0 {
		return nil
	}
	center := func() raster.Point {
		cx, cy := img.CenterX, img.CenterY
		x := box.X0 + box.W()/2
		y := box.Y0 + box.H()/2
		if cx.Kind == style.LengthFixed {
			x = box.X0 + cx.Px*dpr + cx.Pct*box.W()/100
			if cx.Calc != nil {
				x = box.X0 + dpr*cx.At(box.W()/dpr)
			}
		}
		if cy.Kind == style.LengthFixed {
			y = box.Y0 + cy.Px*dpr + cy.Pct*box.H()/100
			if cy.Calc != nil {
				y = box.Y0 + dpr*cy.At(box.H()/dpr)
			}
		}
		return raster.Point{X: x, Y: y}
	}
	switch img.Kind {
	case style.ImageLinearGradient:
		deg := float64(img.Angle)
		if img.LinearCorner {
			// CSS Images 3 §3.1.1: `to <corner>` points the line so that the
			// two neighbouring corners share the 50% colour.
			a := math.Atan2(float64(box.H()), float64(box.W())) * 180 / math.Pi
			switch img.Angle {
			case 45:
				deg = a
			case 135:
				deg = 180 - a
			case 225:
				deg = 180 + a
			case 315:
				deg = 360 - a
			}
		}
		rad := float32(deg * math.Pi / 180)
		length := raster.LinearGradientLength(box.W(), box.H(), rad)
		return raster.LinearGradient(box, rad, gradientStops(img.Stops, length, dpr), img.Repeating)
	case style.ImageRadialGradient:
		c := center()
		r := img.Radius * dpr
		if r <= 0 {
			r = radialExtent(img.RadialExtentKw, c, box)
		}
		if r <= 0 {
			return nil
		}
		return raster.RadialGradient(c, r, gradientStops(img.Stops, r, dpr), img.Repeating)
	case style.ImageConicGradient:
		// Conic stops are fractions of the turn; lengths have no meaning.
		return raster.ConicGradient(center(), img.Angle*math.Pi/180, gradientStops(img.Stops, 0, dpr), img.Repeating)
	}
	return nil
}

// radialExtent is the circle radius for an extent keyword (0 farthest-
// corner, 1 closest-side, 2 closest-corner, 3 farthest-side).
func radialExtent(kw uint8, c raster.Point, box raster.Rect) float32 {
	dx0, dx1 := c.X-box.X0, box.X1-c.X
	dy0, dy1 := c.Y-box.Y0, box.Y1-c.Y
	ax, ay := max(abs32(dx0), abs32(dx1)), max(abs32(dy0), abs32(dy1))
	nx, ny := min(abs32(dx0), abs32(dx1)), min(abs32(dy0), abs32(dy1))
	switch kw {
	case 1:
		return min(nx, ny)
	case 2:
		return float32(math.Hypot(float64(nx), float64(ny)))
	case 3:
		return max(ax, ay)
	}
	return float32(math.Hypot(float64(ax), float64(ay)))
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// gradientStops converts CSS colour stops to fractions (CSS Images 3 §3.5:
// missing positions are spread evenly between their neighbours, and a stop
// never goes back before the one before it). length is the gradient line
// in device px, for px positions.
func gradientStops(in []style.ColorStop, length, dpr float32) []raster.Stop {
	out := make([]raster.Stop, len(in))
	set := make([]bool, len(in))
	for i, s := range in {
		out[i].Color = Color(s.Color)
		if s.PosAuto || s.Pos.Kind != style.LengthFixed {
			continue
		}
		pos := s.Pos.Pct / 100
		if s.Pos.Px != 0 && length > 0 {
			pos += s.Pos.Px * dpr / length
		}
		if s.Pos.Calc != nil && length > 0 {
			pos = dpr * s.Pos.At(length/dpr) / length
		}
		out[i].Pos, set[i] = pos, true
	}
	if !set[0] {
		out[0].Pos, set[0] = 0, true
	}
	if n := len(out) - 1; !set[n] {
		out[n].Pos, set[n] = 1, true
	}
	for i := 1; i < len(out); i++ {
		if set[i] {
			out[i].Pos = max(out[i].Pos, out[i-1].Pos)
			continue
		}
		j := i
		for !set[j] {
			j++
		}
		p0, p1 := out[i-1].Pos, max(out[j].Pos, out[i-1].Pos)
		for k := i; k < j; k++ {
			out[k].Pos = p0 + (p1-p0)*float32(k-i+1)/float32(j-i+1)
			set[k] = true
		}
	}
	return out
}
