package raster

import (
	"image"
	"math"
)

// BorderStyle is a border-*-style (spec §2.1 <border-style>; double is
// accepted too, though Skyline lists only none/hidden/solid/dashed/dotted).
type BorderStyle uint8

const (
	BorderNone BorderStyle = iota // also `hidden`
	BorderSolid
	BorderDashed
	BorderDotted
	BorderDouble
)

// BorderSide is one side's width, colour and style.
type BorderSide struct {
	Width float32
	Color Color
	Style BorderStyle
}

func (s BorderSide) visible() bool { return s.Style != BorderNone && s.Width > 0 && s.Color.A > 0 }

// Border is a box's border: Box is the border box with the outer radii;
// the inner (padding) edge is Box inset by the side widths.
type Border struct {
	Box                      RRect
	Top, Right, Bottom, Left BorderSide
}

// DrawBorder paints the region between the outer and inner rounded rects.
// When every visible side is solid in one colour the ring is filled in one
// pass (the fast path; spec §2.7 makes this the only case with radii).
// Otherwise each side is the ring clipped to its trapezoid, split at the
// lines from the outer corners through the inner corners as browsers do,
// and patterned (dashed, dotted, double) along its length.
func (c *Canvas) DrawBorder(b Border) {
	outer := b.Box.normalized()
	inner := outer.Inset(b.Top.Width, b.Right.Width, b.Bottom.Width, b.Left.Width).normalized()
	sides := [4]BorderSide{b.Top, b.Right, b.Bottom, b.Left}
	uniform := true
	var first *BorderSide
	for i := range sides {
		s := &sides[i]
		if !s.visible() {
			if s.Width > 0 {
				uniform = false // an invisible side with width leaves a gap
			}
			continue
		}
		if first == nil {
			first = s
		}
		if s.Style != BorderSolid || s.Color != first.Color {
			uniform = false
		}
	}
	if first == nil {
		return
	}
	if uniform {
		c.fillRing(c.resolve(Solid(first.Color)), &outer, &inner)
		return
	}
	for i := range sides {
		if sides[i].visible() {
			c.drawBorderSide(&outer, &inner, sides, i)
		}
	}
}

// drawBorderSide rasterises side i (0 top, 1 right, 2 bottom, 3 left).
func (c *Canvas) drawBorderSide(outer, inner *RRect, sides [4]BorderSide, i int) {
	s := sides[i]
	o := outer.Rect
	w := [4]float32{sides[0].Width, sides[1].Width, sides[2].Width, sides[3].Width}
	// The side's wedge: the outer edge plus the two corner diagonals; k
	// bounds how far inwards a diagonal may run (past the box centre).
	k := (o.W() + o.H()) / max(1e-3, min(nonZero(w[0], w[2]), nonZero(w[1], w[3])))
	k = min(k, 1e4)
	tl := Point{o.X0, o.Y0}
	tr := Point{o.X1, o.Y0}
	br := Point{o.X1, o.Y1}
	bl := Point{o.X0, o.Y1}
	// Each corner's diagonal runs from the outer corner through the inner
	// one (k = 1 reaches it: square corners give the browsers' trapezoid),
	// and on past it as far as the corner's curve reaches inwards.
	ck := func(r Point, wx, wy float32) float32 {
		kc := float32(1)
		if wx > 0 {
			kc = max(kc, r.X/wx)
		}
		if wy > 0 {
			kc = max(kc, r.Y/wy)
		}
		return min(kc, k)
	}
	rd := outer.Radii
	kTL, kTR := ck(rd.TopLeft, w[3], w[0]), ck(rd.TopRight, w[1], w[0])
	kBR, kBL := ck(rd.BottomRight, w[1], w[2]), ck(rd.BottomLeft, w[3], w[2])
	dTL, dTR := Point{w[3] * kTL, w[0] * kTL}, Point{-w[1] * kTR, w[0] * kTR}
	dBR, dBL := Point{-w[1] * kBR, -w[2] * kBR}, Point{w[3] * kBL, -w[2] * kBL}
	add := func(p, d Point) Point { return Point{p.X + d.X, p.Y + d.Y} }
	var wedge [4]Point
	var along Rect // the side's straight extent, for dash placement
	switch i {
	case 0:
		wedge = [4]Point{tl, tr, add(tr, dTR), add(tl, dTL)}
		along = Rect{o.X0, o.Y0, o.X1, o.Y0 + s.Width}
	case 1:
		wedge = [4]Point{tr, br, add(br, dBR), add(tr, dTR)}
		along = Rect{o.X1 - s.Width, o.Y0, o.X1, o.Y1}
	case 2:
		wedge = [4]Point{br, bl, add(bl, dBL), add(br, dBR)}
		along = Rect{o.X0, o.Y1 - s.Width, o.X1, o.Y1}
	case 3:
		wedge = [4]Point{bl, tl, add(tl, dTL), add(bl, dBL)}
		along = Rect{o.X0, o.Y0, o.X0 + s.Width, o.Y1}
	}
	// The two diagonals usually cross inside the box: the wedge is then
	// the triangle up to the crossing. Kept as a quad, the far ends would
	// cross over and the self-intersecting polygon (non-zero rule) would
	// also cover the opposite side.
	if p, ok := segmentCross(wedge[0], wedge[3], wedge[1], wedge[2]); ok {
		wedge[2], wedge[3] = p, p
	}
	limit := o.pixels().Intersect(c.clip().bounds)
	// Region: the ring (or, for double, its outer and inner thirds).
	c.path.Reset()
	switch s.Style {
	case BorderDouble:
		t := [4]float32{w[0] / 3, w[1] / 3, w[2] / 3, w[3] / 3}
		mid1 := outer.Inset(t[0], t[1], t[2], t[3])
		mid2 := outer.Inset(2*t[0], 2*t[1], 2*t[2], 2*t[3])
		c.path.AddRRect(*outer, true)
		c.path.AddRRect(mid1, false)
		c.path.AddRRect(mid2, true)
		c.path.AddRRect(*inner, false)
	default:
		c.path.AddRRect(*outer, true)
		c.path.AddRRect(*inner, false)
	}
	ring, rb := c.rasterize(&c.path, Identity, limit)
	if ring == nil {
		return
	}
	c.path.Reset()
	c.path.AddPolygon(wedge[:]...)
	c.intersectPath(ring, rb)
	switch s.Style {
	case BorderDashed, BorderDotted:
		c.path.Reset()
		c.addDashes(along, i%2 == 1, s.Width, s.Style == BorderDotted)
		c.intersectPath(ring, rb)
	}
	c.blitMask(c.resolve(Solid(s.Color)), ring, rb)
	c.pool.putBytes(ring)
}

// segmentCross returns where segments a0→a1 and b0→b1 cross, if they do.
func segmentCross(a0, a1, b0, b1 Point) (Point, bool) {
	dax, day := float64(a1.X-a0.X), float64(a1.Y-a0.Y)
	dbx, dby := float64(b1.X-b0.X), float64(b1.Y-b0.Y)
	den := dax*dby - day*dbx
	if math.Abs(den) < 1e-12 {
		return Point{}, false
	}
	ex, ey := float64(b0.X-a0.X), float64(b0.Y-a0.Y)
	t := (ex*dby - ey*dbx) / den
	u := (ex*day - ey*dax) / den
	if t < 0 || t > 1 || u < 0 || u > 1 {
		return Point{}, false
	}
	return Point{float32(float64(a0.X) + t*dax), float32(float64(a0.Y) + t*day)}, true
}

func nonZero(a, b float32) float32 {
	switch {
	case a <= 0:
		return b
	case b <= 0:
		return a
	}
	return min(a, b)
}

// intersectPath multiplies mask (over rectangle b) by c.path's coverage.
func (c *Canvas) intersectPath(mask []uint8, b image.Rectangle) {
	m2, b2 := c.rasterize(&c.path, Identity, b)
	w := b.Dx()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := mask[(y-b.Min.Y)*w : (y-b.Min.Y+1)*w]
		if m2 == nil || y < b2.Min.Y || y >= b2.Max.Y {
			clear(row)
			continue
		}
		r2 := m2[(y-b2.Min.Y)*b2.Dx():]
		for x := b.Min.X; x < b.Max.X; x++ {
			if x < b2.Min.X || x >= b2.Max.X {
				row[x-b.Min.X] = 0
			} else {
				row[x-b.Min.X] = mulCov(row[x-b.Min.X], r2[x-b2.Min.X])
			}
		}
	}
	c.pool.putBytes(m2)
}

// addDashes appends the dash pattern of a side whose band is r (vertical
// sides when vert). Dashes are 3·width long with equal gaps stretched so
// the side starts and ends with a full dash; dots are circles of the
// border width spaced one width apart, first and last centred on the
// corners' squares (the pattern browsers draw; CSS leaves it open).
func (c *Canvas) addDashes(r Rect, vert bool, width float32, dotted bool) {
	length, pos0 := r.W(), r.X0
	if vert {
		length, pos0 = r.H(), r.Y0
	}
	dash := 3 * width
	if dotted {
		dash = width
	}
	n := max(1, int(math.Round(float64((length+dash)/(2*dash)))))
	gap := float32(0)
	if n > 1 {
		gap = (length - float32(n)*dash) / float32(n-1)
	}
	if dotted && n > 1 && gap < 0 {
		gap = 0
	}
	for j := 0; j < n; j++ {
		a := pos0 + float32(j)*(dash+gap)
		switch {
		case dotted && vert:
			c.path.AddEllipse((r.X0+r.X1)/2, a+dash/2, width/2, width/2)
		case dotted:
			c.path.AddEllipse(a+dash/2, (r.Y0+r.Y1)/2, width/2, width/2)
		case vert:
			// Dashes run across the whole box depth so curved corners are
			// cut perpendicular to the side.
			c.path.AddRRect(RRect{Rect: Rect{r.X0 - 1e4, a, r.X1 + 1e4, a + dash}}, true)
		default:
			c.path.AddRRect(RRect{Rect: Rect{a, r.Y0 - 1e4, a + dash, r.Y1 + 1e4}}, true)
		}
	}
}
