package raster

import (
	"image"
	"image/draw"
	"math"
)

// SegmentOp is the kind of a path segment.
type SegmentOp uint8

const (
	MoveTo SegmentOp = iota
	LineTo
	QuadTo // Args[0] control, Args[1] end
	CubeTo // Args[0], Args[1] controls, Args[2] end
	ClosePath
)

// Segment is one path command with its points in px, y down.
type Segment struct {
	Op   SegmentOp
	Args [3]Point
}

// Path is a list of segments; the zero value is an empty path, and Reset
// keeps its storage for reuse.
type Path struct{ Segs []Segment }

func (p *Path) Reset() { p.Segs = p.Segs[:0] }
func (p *Path) MoveTo(x, y float32) {
	p.Segs = append(p.Segs, Segment{Op: MoveTo, Args: [3]Point{{x, y}}})
}
func (p *Path) LineTo(x, y float32) {
	p.Segs = append(p.Segs, Segment{Op: LineTo, Args: [3]Point{{x, y}}})
}
func (p *Path) Close() { p.Segs = append(p.Segs, Segment{Op: ClosePath}) }
func (p *Path) QuadTo(cx, cy, x, y float32) {
	p.Segs = append(p.Segs, Segment{Op: QuadTo, Args: [3]Point{{cx, cy}, {x, y}}})
}
func (p *Path) CubeTo(c1x, c1y, c2x, c2y, x, y float32) {
	p.Segs = append(p.Segs, Segment{Op: CubeTo, Args: [3]Point{{c1x, c1y}, {c2x, c2y}, {x, y}}})
}

// kappa places cubic control points so a quarter ellipse is drawn within
// 0.03% of its radius.
const kappa = 0.5522847498

// AddRRect appends a closed rounded rectangle; clockwise when cw, else
// counter-clockwise (the opposite winding cuts a hole: borders are the
// outer rounded rect with the inner one reversed).
func (p *Path) AddRRect(rr RRect, cw bool) {
	rr = rr.normalized()
	r, rd := rr.Rect, rr.Radii
	if r.Empty() {
		return
	}
	type corner struct{ x, y, rx, ry, sx, sy float32 } // sx, sy: outward direction
	cs := [4]corner{
		{r.X1, r.Y0, rd.TopRight.X, rd.TopRight.Y, 1, -1},
		{r.X1, r.Y1, rd.BottomRight.X, rd.BottomRight.Y, 1, 1},
		{r.X0, r.Y1, rd.BottomLeft.X, rd.BottomLeft.Y, -1, 1},
		{r.X0, r.Y0, rd.TopLeft.X, rd.TopLeft.Y, -1, -1},
	}
	if !cw {
		cs[0], cs[1], cs[2], cs[3] = cs[3], cs[2], cs[1], cs[0]
	}
	// Walk the corners; each starts where its arc leaves the previous side.
	first := true
	for i, c := range cs {
		// Either direction alternates: the first corner visited (top-right
		// clockwise, top-left counter-clockwise) is entered along the
		// horizontal side, the next along the vertical one, and so on.
		horizFirst := i%2 == 0
		ex, ey := c.x, c.y-c.sy*c.ry // on the vertical side
		hx, hy := c.x-c.sx*c.rx, c.y // on the horizontal side
		ax, ay, bx, by := hx, hy, ex, ey
		if !horizFirst {
			ax, ay, bx, by = ex, ey, hx, hy
		}
		if first {
			p.MoveTo(ax, ay)
			first = false
		} else {
			p.LineTo(ax, ay)
		}
		if c.rx > 0 {
			p.CubeTo(ax+(c.x-ax)*kappa, ay+(c.y-ay)*kappa, bx+(c.x-bx)*kappa, by+(c.y-by)*kappa, bx, by)
		}
	}
	p.Close()
}

// AddEllipse appends a closed ellipse.
func (p *Path) AddEllipse(cx, cy, rx, ry float32) {
	p.AddRRect(RRect{Rect: Rect{cx - rx, cy - ry, cx + rx, cy + ry}, Radii: Radii{Point{rx, ry}, Point{rx, ry}, Point{rx, ry}, Point{rx, ry}}}, true)
}

// AddPolygon appends a closed polygon.
func (p *Path) AddPolygon(pts ...Point) {
	for i, q := range pts {
		if i == 0 {
			p.MoveTo(q.X, q.Y)
		} else {
			p.LineTo(q.X, q.Y)
		}
	}
	p.Close()
}

// bounds is the control-point bounding box of the path under m.
func (p *Path) bounds(m Affine) Rect {
	b := Rect{float32(math.Inf(1)), float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.Inf(-1))}
	for i := range p.Segs {
		s := &p.Segs[i]
		n := [...]int{MoveTo: 1, LineTo: 1, QuadTo: 2, CubeTo: 3, ClosePath: 0}[s.Op]
		for _, q := range s.Args[:n] {
			q = m.Apply(q)
			b.X0, b.Y0 = min(b.X0, q.X), min(b.Y0, q.Y)
			b.X1, b.Y1 = max(b.X1, q.X), max(b.Y1, q.Y)
		}
	}
	return b
}

// FillPath fills path, transformed by m, with paint (non-zero winding). The
// coverage comes from golang.org/x/image/vector over the path's clipped
// bounding box only, then goes through the span kernels row by row.
func (c *Canvas) FillPath(path *Path, m Affine, p Paint) {
	ps := c.resolve(p)
	mask, b := c.rasterize(path, m, c.clip().bounds)
	if mask == nil {
		return
	}
	c.blitMask(ps, mask, b)
	c.pool.putBytes(mask)
}

// rasterize computes the coverage mask of path under m within limit; the
// mask comes from the pool (the caller returns it) and covers rectangle b.
func (c *Canvas) rasterize(path *Path, m Affine, limit image.Rectangle) ([]uint8, image.Rectangle) {
	b := path.bounds(m).pixels().Intersect(limit)
	if b.Empty() {
		return nil, b
	}
	w, h := b.Dx(), b.Dy()
	z := &c.raster
	z.Reset(w, h)
	ox, oy := float32(b.Min.X), float32(b.Min.Y)
	tr := func(q Point) (float32, float32) { q = m.Apply(q); return q.X - ox, q.Y - oy }
	for i := range path.Segs {
		s := &path.Segs[i]
		switch s.Op {
		case MoveTo:
			z.MoveTo(tr(s.Args[0]))
		case LineTo:
			z.LineTo(tr(s.Args[0]))
		case QuadTo:
			x1, y1 := tr(s.Args[0])
			x2, y2 := tr(s.Args[1])
			z.QuadTo(x1, y1, x2, y2)
		case CubeTo:
			x1, y1 := tr(s.Args[0])
			x2, y2 := tr(s.Args[1])
			x3, y3 := tr(s.Args[2])
			z.CubeTo(x1, y1, x2, y2, x3, y3)
		case ClosePath:
			z.ClosePath()
		}
	}
	z.ClosePath()
	mask := c.pool.getBytes(w * h)
	c.alpha = image.Alpha{Pix: mask, Stride: w, Rect: image.Rect(0, 0, w, h)}
	z.DrawOp = draw.Src
	z.Draw(&c.alpha, c.alpha.Rect, image.Opaque, image.Point{})
	return mask, b
}

// blitMask composites paint through an 8-bit mask covering rectangle b.
func (c *Canvas) blitMask(ps *paintState, mask []uint8, b image.Rectangle) {
	w := b.Dx()
	if c.reference {
		c.refFillBytes(ps, b, func(x, y int) uint8 { return mask[(y-b.Min.Y)*w+x-b.Min.X] })
		return
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := mask[(y-b.Min.Y)*w : (y-b.Min.Y+1)*w]
		// Trim transparent ends so clipped rows cost nothing.
		lo, hi := 0, w
		for lo < hi && row[lo] == 0 {
			lo++
		}
		for hi > lo && row[hi-1] == 0 {
			hi--
		}
		if lo < hi {
			c.blit(ps, y, b.Min.X+lo, b.Min.X+hi, row[lo:hi], 0)
		}
	}
}
