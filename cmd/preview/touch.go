package main

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// forwardTouch turns the left mouse button into one finger on the page:
// press → touchstart, motion while held → touchmove, release → touchend
// (CSS px). The engine synthesises tap when the pointer stayed within its
// tap slop, so a click is a tap and a drag is not; a drag past a
// scroll-view's min-drag-distance scrolls it and the release flings it
// (Session.Tick runs the fling). Handlers run before this returns and what
// they set is drawn on the next frame.
func (g *game) forwardTouch() {
	x, y := ebiten.CursorPosition()
	dpr := float64(g.s.Dev.DPR)
	cx, cy := float64(x)/dpr, float64(y)/dpr
	changed := false
	switch {
	case inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) && g.over.onPanel(y):
		// The console panel's, not the page's: its close button.
		if g.over.view.OnClose(float32(cx), float32((float64(y)-g.over.top)/dpr)) {
			g.over.toggle(g.s.Console())
			g.redraw = true
		}
	case inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft):
		g.touchDown, g.touchX, g.touchY = true, x, y
		changed = g.s.Touch("start", cx, cy)
	case inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonLeft) && g.touchDown:
		g.touchDown = false
		changed = g.s.Touch("end", cx, cy)
	case g.touchDown && (x != g.touchX || y != g.touchY):
		g.touchX, g.touchY = x, y
		changed = g.s.Touch("move", cx, cy)
	}
	if g.s.Poll() {
		changed = true
	}
	if changed {
		g.dirty = true
	}
}
