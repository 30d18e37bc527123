package core

import (
	"image"
	"image/color"
	"image/draw"

	"github.com/skyline-go/skyline/engine"
)

// painter is the engine's paint stage: Page.Render paints the current frame
// at the viewport's DPR into dst, sized Width*DPR × Height*DPR.
type painter interface {
	Render(dst *image.RGBA)
}

// renderPage paints p into dst. It is the one place that names the engine's
// paint entry point. While the engine has no paint stage it draws the layout
// boxes instead and says so, so the preview stays useful for layout work.
func renderPage(p *engine.Page, dst *image.RGBA) (painted bool) {
	if r, ok := any(p).(painter); ok {
		r.Render(dst)
		return true
	}
	drawBoxes(p, dst)
	return false
}

// noPaintMsg is shown over a frame drawn by drawBoxes.
const noPaintMsg = "engine has no paint stage (Page.Render): showing layout boxes"

// drawBoxes outlines every box of the layout dump, one device pixel wide, on
// the colour scheme's plain background.
func drawBoxes(p *engine.Page, dst *image.RGBA) {
	vp := p.Viewport()
	bg, fg := color.RGBA{255, 255, 255, 255}, color.RGBA{64, 128, 255, 255}
	if vp.Dark {
		bg, fg = color.RGBA{0, 0, 0, 255}, color.RGBA{120, 180, 255, 255}
	}
	draw.Draw(dst, dst.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
	var walk func(b *engine.DumpBox)
	walk = func(b *engine.DumpBox) {
		x0, y0 := int(b.Box[0]*vp.DPR), int(b.Box[1]*vp.DPR)
		x1, y1 := int((b.Box[0]+b.Box[2])*vp.DPR)-1, int((b.Box[1]+b.Box[3])*vp.DPR)-1
		for _, r := range []image.Rectangle{
			image.Rect(x0, y0, x1+1, y0+1), image.Rect(x0, y1, x1+1, y1+1),
			image.Rect(x0, y0, x0+1, y1+1), image.Rect(x1, y0, x1+1, y1+1),
		} {
			draw.Draw(dst, r.Intersect(dst.Bounds()), image.NewUniform(fg), image.Point{}, draw.Src)
		}
		for _, c := range b.Children {
			walk(c)
		}
	}
	if d := p.LayoutDump(); d.Root != nil {
		walk(d.Root)
	}
}
