package raster

import (
	"math"
	"testing"
)

// insideRRect is the exact point-in-shape test used for supersampling.
func insideRRect(rr *RRect, x, y float32) bool {
	r := rr.Rect
	if x < r.X0 || x >= r.X1 || y < r.Y0 || y >= r.Y1 {
		return false
	}
	in := func(cx, cy, rx, ry float32) bool {
		dx, dy := (x-cx)/rx, (y-cy)/ry
		return dx*dx+dy*dy <= 1
	}
	rd := rr.Radii
	switch {
	case x < r.X0+rd.TopLeft.X && y < r.Y0+rd.TopLeft.Y:
		return in(r.X0+rd.TopLeft.X, r.Y0+rd.TopLeft.Y, rd.TopLeft.X, rd.TopLeft.Y)
	case x > r.X1-rd.TopRight.X && y < r.Y0+rd.TopRight.Y:
		return in(r.X1-rd.TopRight.X, r.Y0+rd.TopRight.Y, rd.TopRight.X, rd.TopRight.Y)
	case x > r.X1-rd.BottomRight.X && y > r.Y1-rd.BottomRight.Y:
		return in(r.X1-rd.BottomRight.X, r.Y1-rd.BottomRight.Y, rd.BottomRight.X, rd.BottomRight.Y)
	case x < r.X0+rd.BottomLeft.X && y > r.Y1-rd.BottomLeft.Y:
		return in(r.X0+rd.BottomLeft.X, r.Y1-rd.BottomLeft.Y, rd.BottomLeft.X, rd.BottomLeft.Y)
	}
	return true
}

// TestRRectCoverageMatchesSupersampling pins the analytic coverage to the
// true area: each pixel within 0.2 of 32×32 supersampling, and the total
// within 1% of the shape's area.
func TestRRectCoverageMatchesSupersampling(t *testing.T) {
	cases := []RRect{
		{Rect: Rect{2, 3, 30, 20}},
		{Rect: Rect{2.3, 3.7, 30.5, 20.25}},
		{Rect: Rect{1, 1, 31, 25}, Radii: Uniform(8)},
		{Rect: Rect{1.5, 2.25, 30.75, 25}, Radii: Radii{Point{12, 5}, Point{3, 9}, Point{0, 0}, Point{6, 6}}},
		{Rect: Rect{0, 0, 10, 10}, Radii: Uniform(20)}, // radii overflow: normalised to a circle
		{Rect: Rect{4, 4, 5, 30}, Radii: Uniform(0.5)}, // one pixel wide
	}
	for i, rr := range cases {
		rr = rr.normalized()
		var total, sampled float64
		for py := -1; py < 34; py++ {
			for px := -1; px < 34; px++ {
				var n int
				for sy := 0; sy < 32; sy++ {
					for sx := 0; sx < 32; sx++ {
						if insideRRect(&rr, float32(px)+(float32(sx)+0.5)/32, float32(py)+(float32(sy)+0.5)/32) {
							n++
						}
					}
				}
				want := float64(n) / 1024
				got := float64(rrectCoverage(&rr, px, py))
				if math.Abs(got-want) > 0.2 {
					t.Fatalf("case %d pixel (%d,%d): coverage %.3f, supersampled %.3f", i, px, py, got, want)
				}
				total += got
				sampled += want
			}
		}
		if math.Abs(total-sampled) > 0.01*sampled+0.5 {
			t.Errorf("case %d: total coverage %.2f, area %.2f", i, total, sampled)
		}
	}
}

// TestRowSpanAgreesWithCoverage checks the fast row decomposition: pixels
// it calls interior have exactly the row's vertical coverage, pixels
// outside it have none.
func TestRowSpanAgreesWithCoverage(t *testing.T) {
	rr := RRect{Rect: Rect{1.5, 2.25, 40.75, 30}, Radii: Radii{Point{12, 5}, Point{3, 9}, Point{0, 0}, Point{6.5, 6}}}.normalized()
	for py := 0; py < 32; py++ {
		s := rr.rowSpan(py)
		for px := -2; px < 44; px++ {
			pp, k := s.kind(px)
			if pp {
				continue
			}
			if got := rrectCoverage(&rr, px, py); got != k {
				t.Fatalf("pixel (%d,%d): rowSpan says %v, coverage is %v", px, py, k, got)
			}
		}
	}
}
