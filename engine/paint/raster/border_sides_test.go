package raster

import (
	"image"
	"testing"
)

// TestBorderSidesStayOnTheirSide is the case that caught the wedge bug: with
// four different widths and colours, each side's wedge used to cross over
// into a self-intersecting polygon that also painted the opposite side.
func TestBorderSidesStayOnTheirSide(t *testing.T) {
	red, green, blue, orange := RGBA(255, 0, 0, 255), RGBA(0, 255, 0, 255), RGBA(0, 0, 255, 255), RGBA(255, 128, 0, 255)
	for _, radius := range []float32{0, 6} {
		img := image.NewRGBA(image.Rect(0, 0, 200, 120))
		c := NewCanvas(img)
		c.DrawBorder(Border{Box: RRect{Rect: XYWH(0, 0, 200, 120), Radii: Uniform(radius)},
			Top:    BorderSide{Width: 8, Color: red, Style: BorderSolid},
			Right:  BorderSide{Width: 4, Color: green, Style: BorderSolid},
			Bottom: BorderSide{Width: 12, Color: blue, Style: BorderSolid},
			Left:   BorderSide{Width: 2, Color: orange, Style: BorderSolid},
		})
		for _, tc := range []struct {
			x, y int
			want Color
		}{
			{100, 4, red}, {40, 4, red}, {160, 4, red},
			{198, 60, green},
			{100, 114, blue}, {40, 114, blue}, {160, 114, blue},
			{1, 60, orange},
		} {
			got := img.RGBAAt(tc.x, tc.y)
			if got.R != tc.want.R || got.G != tc.want.G || got.B != tc.want.B || got.A != 255 {
				t.Errorf("radius %v: pixel (%d,%d) = %v, want %v", radius, tc.x, tc.y, got, tc.want)
			}
		}
		if got := img.RGBAAt(100, 60); got.A != 0 {
			t.Errorf("radius %v: centre painted %v", radius, got)
		}
	}
}

// TestBorderRingNoResidueOnEmptySides is the case that caught the ring
// coverage: on a box with fractional edges and only a left border, the
// outer and inner edges coincide on the other sides, and multiplying the
// coverages (0.5 × (1 − 0.5)) left a faint line there.
func TestBorderRingNoResidueOnEmptySides(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 60, 40))
	c := NewCanvas(img)
	c.DrawBorder(Border{Box: RRect{Rect: Rect{X0: 2.5, Y0: 2.5, X1: 50.5, Y1: 30.5}},
		Left: BorderSide{Width: 6, Color: RGBA(0, 200, 0, 255), Style: BorderSolid}})
	for _, p := range []image.Point{{30, 2}, {30, 30}, {50, 15}} {
		if got := img.RGBAAt(p.X, p.Y); got.A != 0 {
			t.Errorf("pixel %v on a side without border = %v", p, got)
		}
	}
	if got := img.RGBAAt(5, 15); got.G < 190 {
		t.Errorf("left border pixel = %v", got)
	}
}
