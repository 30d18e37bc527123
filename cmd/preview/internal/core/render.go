package core

import (
	"image"

	"github.com/skyline-go/skyline/app"
	"github.com/skyline-go/skyline/engine"
)

// renderPage paints p's current frame at its viewport's DPR into dst, sized
// Width*DPR × Height*DPR (Page.RenderSize). It is the one place that names
// the engine's paint entry point.
func renderPage(p *engine.Page, dst *image.RGBA) {
	p.Render(dst)
}

// renderApp paints the app's frame: the page, and for a whole app the bars
// around it (app.App.Render), into the window-sized dst.
func renderApp(a *app.App, dst *image.RGBA) {
	a.Render(dst)
}
