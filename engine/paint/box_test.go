package paint

import (
	"image"
	"testing"

	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/layout/text"
	"github.com/skyline-go/skyline/style"
)

// fakeTree is a box tree without an engine: boxes by id (0 unused), all
// plain elements.
type fakeTree struct {
	boxes []Box
	lays  []layout.Layout
	// scroller paints a Scroller box's content.
	scroller func(pt *Painter, id layout.NodeID)
}

func (f *fakeTree) Box(id layout.NodeID) Box {
	if int(id) >= len(f.boxes) {
		return Box{}
	}
	return f.boxes[id]
}
func (f *fakeTree) Picture(layout.NodeID) *image.RGBA { return nil }
func (f *fakeTree) Fit(layout.NodeID) Fit             { return Fit{} }
func (f *fakeTree) BackgroundImage(layout.NodeID, int, string) *image.RGBA {
	return nil
}
func (f *fakeTree) TextOverflow(layout.NodeID) text.Overflow { return text.OverflowVisible }
func (f *fakeTree) RunStyle(id layout.NodeID, _ *text.Layout, _ *text.GlyphRun) *style.Computed {
	return f.boxes[id].Style
}
func (f *fakeTree) RunDecoration(layout.NodeID, *text.GlyphRun) *style.TextDecoration { return nil }
func (f *fakeTree) InlineBoxes(_ layout.NodeID, dst []InlineBox) []InlineBox {
	return dst
}
func (f *fakeTree) PaintScroller(pt *Painter, id layout.NodeID, _ raster.Rect) {
	if f.scroller != nil {
		f.scroller(pt, id)
	}
}

// add appends a w×h box at (x, y) filled with c and returns its id.
func (f *fakeTree) add(x, y, w, h float32, c style.Color, z int32) layout.NodeID {
	if len(f.boxes) == 0 {
		f.boxes = make([]Box, 1, 8)
		f.lays = make([]layout.Layout, 1, 8)
	}
	st := style.Initial(nil)
	st.Background.Color = c
	st.ZIndex, st.ZIndexAuto = z, z == 0
	f.lays = append(f.lays, layout.Layout{Size: layout.Size{Width: w, Height: h}})
	f.boxes = append(f.boxes, Box{Style: &st, X: x, Y: y})
	for i := range f.boxes[1:] {
		f.boxes[i+1].Layout = &f.lays[i+1]
	}
	return layout.NodeID(len(f.boxes) - 1)
}

var (
	red   = style.Color{R: 255, A: 255}
	green = style.Color{G: 255, A: 255}
	blue  = style.Color{B: 255, A: 255}
)

// fills lists the colours of the list's rectangle fills in paint order.
func fills(pt *Painter) []raster.Color {
	var out []raster.Color
	for _, op := range pt.list.ops {
		if op.kind == dlFillRect {
			out = append(out, op.color)
		}
	}
	return out
}

// TestChildrenPaintByZIndex: siblings paint by z-index, then document
// order (spec §3.5); a scroll-view's direct children (FlatZ) ignore it.
func TestChildrenPaintByZIndex(t *testing.T) {
	for _, flat := range []bool{false, true} {
		f := &fakeTree{}
		root := f.add(0, 0, 30, 10, style.Color{}, 0)
		a := f.add(0, 0, 10, 10, red, 2)
		b := f.add(10, 0, 10, 10, green, 0)
		c := f.add(20, 0, 10, 10, blue, 2)
		f.boxes[root].Children = []layout.NodeID{a, b, c}
		f.boxes[root].FlatZ = flat
		var pt Painter
		pt.Build(f, root, layout.Size{Width: 30, Height: 10}, 1)
		got := fills(&pt)
		want := []raster.Color{Color(green), Color(red), Color(blue)}
		if flat {
			want = []raster.Color{Color(red), Color(green), Color(blue)}
		}
		if len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
			t.Errorf("flat=%v: fills %v, want %v", flat, got, want)
		}
	}
}

// TestBuildExecute: a list built at DPR 2 lands in device pixels, over the
// white page background, and an unchanged frame allocates nothing.
func TestBuildExecute(t *testing.T) {
	f := &fakeTree{}
	root := f.add(0, 0, 20, 20, style.Color{}, 0)
	box := f.add(5, 5, 5, 5, red, 0)
	f.boxes[root].Children = []layout.NodeID{box}
	dst := image.NewRGBA(image.Rect(0, 0, 40, 40))
	var pt Painter
	frame := func() {
		pt.Build(f, root, layout.Size{Width: 20, Height: 20}, 2)
		pt.Execute(dst)
	}
	frame()
	if got := dst.RGBAAt(15, 15); got.R != 255 || got.G != 0 {
		t.Errorf("inside the box: %v, want red", got)
	}
	if got := dst.RGBAAt(21, 15); got.R != 255 || got.G != 255 || got.B != 255 {
		t.Errorf("beside the box: %v, want the white page", got)
	}
	if n := testing.AllocsPerRun(5, frame); n != 0 {
		t.Errorf("%v allocations per unchanged frame, want 0", n)
	}
}

// TestPlacement: an image mode's fit (spec §4.4, §8.5) places a 200×100
// picture in a 100×100 content box.
func TestPlacement(t *testing.T) {
	for _, c := range []struct {
		fit        Fit
		x, y, w, h float32
	}{
		{Fit{Kind: FitFill}, 0, 0, 100, 100},
		{Fit{Kind: FitContain}, 0, 25, 100, 50},
		{Fit{Kind: FitCover}, -50, 0, 200, 100},
		{Fit{Kind: FitNone, X: 0, Y: 0.5}, 0, 0, 200, 100},
		{Fit{Kind: FitNone, X: 1, Y: 1}, -100, 0, 200, 100},
	} {
		x, y, w, h := placement(c.fit, 100, 100, 200, 100)
		if x != c.x || y != c.y || w != c.w || h != c.h {
			t.Errorf("%+v: (%v, %v) %v×%v, want (%v, %v) %v×%v", c.fit, x, y, w, h, c.x, c.y, c.w, c.h)
		}
	}
}

// TestUnitLayers: a scroll unit is rastered into its layer once; moved by
// whole device pixels it is composited from it, moved by a fraction it is
// rastered again, and either way it looks as painted directly.
func TestUnitLayers(t *testing.T) {
	f := &fakeTree{}
	root := f.add(0, 0, 40, 40, style.Color{}, 0)
	unit := f.add(4, 4, 10, 10, red, 0)
	f.boxes[root].Kind = Scroller
	var cache *LayerCache
	f.scroller = func(pt *Painter, _ layout.NodeID) { pt.PaintUnit(cache, unit) }
	layers := &LayerCache{Pool: &LayerPool{}}
	withLayers := image.NewRGBA(image.Rect(0, 0, 80, 80))
	direct := image.NewRGBA(image.Rect(0, 0, 80, 80))
	var pt Painter
	frame := func(y float32) {
		f.boxes[unit].Y = y
		cache = layers
		pt.Build(f, root, layout.Size{Width: 40, Height: 40}, 2)
		pt.Execute(withLayers)
		cache = nil
		pt.Build(f, root, layout.Size{Width: 40, Height: 40}, 2)
		pt.Execute(direct)
		for i := range direct.Pix {
			if d := int(direct.Pix[i]) - int(withLayers.Pix[i]); d < -2 || d > 2 {
				t.Fatalf("y=%v: layer differs from direct paint at byte %d", y, i)
			}
		}
	}
	for _, c := range []struct {
		y       float32
		rasters int
	}{
		{4, 1},    // first frame: rastered
		{4, 1},    // unchanged: reused
		{9, 1},    // 5 CSS px = 10 device px: moved
		{9.25, 2}, // half a device pixel: rastered again
	} {
		frame(c.y)
		if layers.Pool.Rasters != c.rasters {
			t.Errorf("y=%v: %d rasters, want %d", c.y, layers.Pool.Rasters, c.rasters)
		}
	}
}
