package main

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/ebitenutil"

	"github.com/skyline-go/skyline/cmd/preview/internal/core"
)

// drawFrames draws the frame-time overlay (key F) at the top left of the
// window, over the page: the graph core.DrawFrameGraph made and the text
// lines of core.FrameText, in CSS px scaled by the DPR. It changes only when
// a frame is recorded, and the screen is composed again only then.
func (g *game) drawFrames(screen *ebiten.Image) {
	pix := core.DrawFrameGraph(&g.frameLog)
	if g.graph == nil || g.graph.Bounds() != pix.Rect {
		if g.graph != nil {
			g.graph.Deallocate()
		}
		g.graph = ebiten.NewImageWithOptions(pix.Rect, &ebiten.NewImageOptions{Unmanaged: true})
	}
	g.graph.WritePixels(pix.Pix)
	for i, line := range core.FrameText(&g.frameLog) {
		ebitenutil.DebugPrintAt(g.graph, line, core.GraphPad, core.GraphPad+core.GraphH+core.GraphPad+i*core.GlyphH)
	}
	var op ebiten.DrawImageOptions
	dpr := float64(g.s.Dev.DPR)
	op.GeoM.Scale(dpr, dpr)
	screen.DrawImage(g.graph, &op)
}
