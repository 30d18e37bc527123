package app

import (
	"image"
	"image/draw"
	"math"
	"time"
)

// The default page transition (whole apps): navigateTo slides the new page
// in from the right edge over the old one, which drifts a third of the
// width left; navigateBack runs it backwards. redirectTo, switchTab and
// reLaunch switch at once, as WeChat's do. The transition runs on the
// App's clock (Advance), so tests step it like any animation, and input
// waits for it to end.

const transitionTime = 300 * time.Millisecond

// transition is a push or pop in progress.
type transition struct {
	from, to *pageRun // the page leaving the screen and the one arriving
	pop      bool
	start    time.Duration
	// The two pages' frames, kept for the transition's frames.
	underBuf, overBuf *image.RGBA
}

// startTransition begins sliding from from to to.
func (a *App) startTransition(from, to *pageRun, pop bool) {
	if a.manifest == nil || from == nil || from == to {
		return
	}
	a.trans = &transition{from: from, to: to, pop: pop, start: a.clock.Now()}
}

// transitionProgress is the eased progress of the transition in [0, 1]
// (ease-out cubic, close to the platform's), or false when none runs.
func (a *App) transitionProgress() (float64, bool) {
	tr := a.trans
	if tr == nil {
		return 0, false
	}
	t := float64(a.clock.Now()-tr.start) / float64(transitionTime)
	if t >= 1 {
		a.trans = nil
		return 1, false
	}
	t = max(t, 0)
	return 1 - math.Pow(1-t, 3), true
}

// Transitioning reports whether a page transition is on screen (the host
// keeps drawing frames while it is).
func (a *App) Transitioning() bool {
	_, ok := a.transitionProgress()
	return ok
}

// renderTransition draws both pages of the transition at progress p.
func (a *App) renderTransition(dst *image.RGBA, p float64) {
	tr := a.trans
	under, over := tr.from, tr.to
	if tr.pop {
		under, over = tr.to, tr.from
		p = 1 - p
	}
	w := dst.Bounds().Dx()
	frame := func(r *pageRun, buf **image.RGBA) *image.RGBA {
		img := reuse(buf, dst.Bounds())
		if r.chrome != nil {
			r.chrome.render(img, r.page, a.opts.Viewport)
		} else {
			r.page.Render(img)
		}
		return img
	}
	draw.Draw(dst, dst.Bounds(), &image.Uniform{C: image.Black}, image.Point{}, draw.Src)
	ux := -int(math.Round(float64(w) * p / 3))
	draw.Draw(dst, dst.Bounds().Add(image.Pt(ux, 0)), frame(under, &tr.underBuf), image.Point{}, draw.Src)
	ox := int(math.Round(float64(w) * (1 - p)))
	draw.Draw(dst, dst.Bounds().Add(image.Pt(ox, 0)), frame(over, &tr.overBuf), image.Point{}, draw.Src)
}
