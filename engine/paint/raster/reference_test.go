package raster

import (
	"encoding/binary"
	"fmt"
	"image"
	"math"
	"math/rand/v2"
	"testing"
)

// The harness: every drawing operation runs on a fast canvas and on a
// reference canvas (c.reference routes it through the per-pixel float path)
// starting from the same random background; the images must agree within
// one step per channel.

const refW, refH = 48, 40

func randBackground(rng *rand.Rand) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, refW, refH))
	for i := 0; i < refW*refH; i++ {
		c := Color{uint8(rng.UintN(256)), uint8(rng.UintN(256)), uint8(rng.UintN(256)), uint8(rng.UintN(256))}
		if i%3 == 0 {
			c.A = 255
		}
		binary.LittleEndian.PutUint32(img.Pix[4*i:], uint32(c.premul()))
	}
	return img
}

func cloneRGBA(m *image.RGBA) *image.RGBA {
	n := *m
	n.Pix = append([]uint8(nil), m.Pix...)
	return &n
}

// compareOp draws op on both paths and reports the first pixel that differs
// by more than tol in any channel.
func compareOp(t *testing.T, name string, bg *image.RGBA, tol int, op func(c *Canvas)) (changed bool) {
	t.Helper()
	fast, ref := NewCanvas(cloneRGBA(bg)), NewCanvas(cloneRGBA(bg))
	ref.reference = true
	op(fast)
	op(ref)
	a, b := fast.Image(), ref.Image()
	for i := 0; i+4 <= len(a.Pix); i += 4 {
		pa, pb := binary.LittleEndian.Uint32(a.Pix[i:]), binary.LittleEndian.Uint32(b.Pix[i:])
		if pb != binary.LittleEndian.Uint32(bg.Pix[i:]) {
			changed = true
		}
		if !within(pa, pb, tol) {
			t.Fatalf("%s: pixel (%d,%d): fast %08x reference %08x (background %08x)",
				name, (i%a.Stride)/4, i/a.Stride, pa, pb, binary.LittleEndian.Uint32(bg.Pix[i:]))
		}
	}
	return changed
}

// tally counts operations that changed pixels, so a harness whose
// operations all draw nothing fails instead of passing vacuously.
type tally struct{ ops, changed int }

func (tl *tally) add(changed bool) {
	tl.ops++
	if changed {
		tl.changed++
	}
}

func (tl *tally) check(t *testing.T) {
	t.Helper()
	if tl.changed*3 < tl.ops {
		t.Fatalf("only %d of %d operations changed any pixel", tl.changed, tl.ops)
	}
}

func randColor(rng *rand.Rand) Color {
	c := Color{uint8(rng.UintN(256)), uint8(rng.UintN(256)), uint8(rng.UintN(256)), uint8(rng.UintN(256))}
	switch rng.UintN(4) {
	case 0:
		c.A = 255
	case 1:
		c.A = 0
	}
	return c
}

// randRect returns rectangles that stress the edge cases: width 1, edges on
// and off the grid, partly outside the canvas.
func randRect(rng *rand.Rand) Rect {
	coord := func(limit float32) float32 {
		v := rng.Float32()*limit - 4
		switch rng.UintN(3) {
		case 0:
			v = float32(math.Floor(float64(v)))
		case 1:
			v = float32(math.Floor(float64(v))) + 0.5
		}
		return v
	}
	x0, y0 := coord(refW), coord(refH)
	w, h := rng.Float32()*30+0.2, rng.Float32()*30+0.2
	switch rng.UintN(4) {
	case 0:
		w = 1
	case 1:
		w, h = float32(math.Ceil(float64(w))), float32(math.Ceil(float64(h)))
	}
	return XYWH(x0, y0, w, h)
}

func randRadii(rng *rand.Rand, r Rect) Radii {
	p := func() Point {
		switch rng.UintN(4) {
		case 0:
			return Point{}
		case 1:
			v := rng.Float32() * r.W()
			return Point{v, v}
		}
		return Point{rng.Float32() * r.W(), rng.Float32() * r.H()}
	}
	return Radii{p(), p(), p(), p()}
}

// randClip pushes zero to two random clips.
func randClip(rng *rand.Rand) func(c *Canvas) {
	n := rng.UintN(3)
	var shapes []RRect
	for i := uint(0); i < n; i++ {
		// Large clips, so that clipped operations still draw.
		r := XYWH(rng.Float32()*20-5, rng.Float32()*20-5, rng.Float32()*30+20, rng.Float32()*30+20)
		rr := RRect{Rect: r}
		if rng.UintN(2) == 0 {
			rr.Radii = randRadii(rng, r)
		}
		shapes = append(shapes, rr)
	}
	return func(c *Canvas) {
		for _, s := range shapes {
			c.PushClipRRect(s)
		}
	}
}

func TestFillsAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	var tl tally
	defer tl.check(t)
	for iter := 0; iter < 400; iter++ {
		bg := randBackground(rng)
		clip := randClip(rng)
		r := randRect(rng)
		col := randColor(rng)
		rr := RRect{Rect: r, Radii: randRadii(rng, r)}
		tl.add(compareOp(t, fmt.Sprintf("FillRect #%d %v %v", iter, r, col), bg, 1, func(c *Canvas) {
			clip(c)
			c.FillRect(r, Solid(col))
		}))
		tl.add(compareOp(t, fmt.Sprintf("FillRRect #%d %v %v", iter, rr, col), bg, 1, func(c *Canvas) {
			clip(c)
			c.FillRRect(rr, Solid(col))
		}))
		var p Path
		p.MoveTo(r.X0, r.Y0)
		p.QuadTo(r.X1+5, r.Y0, r.X1, r.Y1)
		p.CubeTo(r.X0, r.Y1+3, r.X0-4, r.Y0+2, r.X0+1, r.Y0+1)
		p.Close()
		m := Rotate(rng.Float64()).Mul(Scale(1+rng.Float32(), 1))
		m[4], m[5] = rng.Float32()*20, rng.Float32()*20
		tl.add(compareOp(t, fmt.Sprintf("FillPath #%d", iter), bg, 1, func(c *Canvas) {
			clip(c)
			c.FillPath(&p, m, Solid(col))
		}))
	}
}

// TestFullWidthFillsAgainstReference pins blitRows' single-span path: rects
// covering whole rows of the target (with fractional top and bottom edges,
// under no clip, a grid-aligned clip that keeps the path, and an
// anti-aliased clip that must leave it) and the same inside a layer.
func TestFullWidthFillsAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	clips := []struct {
		name string
		push func(c *Canvas)
	}{
		{"none", func(*Canvas) {}},
		{"grid", func(c *Canvas) { c.PushClipRect(Rect{-3, 5, refW + 3, 31}) }},
		{"aa", func(c *Canvas) { c.PushClipRRect(RRect{Rect: Rect{-3, 4.5, refW + 3, 30.25}, Radii: Uniform(6)}) }},
		{"narrow", func(c *Canvas) { c.PushClipRect(Rect{2, 0, refW - 1, refH}) }},
	}
	var tl tally
	defer tl.check(t)
	for iter := 0; iter < 40; iter++ {
		bg := randBackground(rng)
		col := randColor(rng)
		y0 := rng.Float32()*refH - 4
		r := Rect{-rng.Float32() * 3, y0, refW + rng.Float32()*3, y0 + rng.Float32()*refH}
		if iter%2 == 0 {
			r.X0, r.X1 = 0, refW
		}
		for _, cl := range clips {
			tl.add(compareOp(t, fmt.Sprintf("#%d %s %v %v", iter, cl.name, r, col), bg, 1, func(c *Canvas) {
				cl.push(c)
				c.FillRect(r, Solid(col))
			}))
			tl.add(compareOp(t, fmt.Sprintf("#%d %s layer %v %v", iter, cl.name, r, col), bg, 1, func(c *Canvas) {
				cl.push(c)
				c.PushLayer(Rect{0, 0, refW, refH}, 0.8, Filter{})
				c.FillRect(r, Solid(col))
				c.PopLayer()
			}))
		}
	}
}
