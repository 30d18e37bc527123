package engine

import (
	"math"
	"time"

	"github.com/skyline-go/skyline/scroll"
)

// scrollViewFor returns the laid-out scroll-view state of n.
func (p *Page) scrollViewFor(n *Node) *scrollView {
	p.Update()
	if n == nil || rtOf(n) == nil || rtOf(n).scroll == nil {
		return nil
	}
	sv := rtOf(n).scroll
	if sv.t != &p.pipe.lt || sv.gen != p.pipe.lt.sc.gen || !sv.laid {
		return nil
	}
	return sv
}

// ScrollOffset returns a scroll-view's offset along its axis (scrollTop or
// scrollLeft) and its maximum; ok is false when n is not a laid-out
// scroll-view.
func (p *Page) ScrollOffset(n *Node) (offset, max float64, ok bool) {
	sv := p.scrollViewFor(n)
	if sv == nil {
		return 0, 0, false
	}
	return sv.sc.Offset, sv.vp.MaxScrollExtent(), true
}

// ScrollTo moves a scroll-view to offset (clamped), at once or with the
// scroll-with-animation curve (then Advance runs it).
func (p *Page) ScrollTo(n *Node, offset float64, animate bool) bool {
	sv := p.scrollViewFor(n)
	if sv == nil {
		return false
	}
	sv.moveTo(offset, animate)
	sv.sync()
	return true
}

// ScrollBy moves a scroll-view by delta along its axis (clamped), at once.
func (p *Page) ScrollBy(n *Node, delta float64) bool {
	sv := p.scrollViewFor(n)
	if sv == nil {
		return false
	}
	return p.ScrollTo(n, sv.sc.Offset+delta, false)
}

// Fling starts a fling of a scroll-view with velocity v (px/s along its
// axis, positive toward the content's end); Advance runs it.
func (p *Page) Fling(n *Node, v float64) bool {
	sv := p.scrollViewFor(n)
	if sv == nil {
		return false
	}
	sv.sc.Fling(v)
	return true
}

// ScrollIntoIndex reveals item index of the scroll-view's sliver s (the
// s-th custom-mode child; 0 in list mode) as o asks, in one frame: the
// target is built and measured in place, so it lands exactly (spec §4.5).
// Unlike the scroll-into-view attribute it also reaches builder items.
func (p *Page) ScrollIntoIndex(n *Node, s, index int, o scroll.IntoView, animate bool) bool {
	sv := p.scrollViewFor(n)
	if sv == nil {
		return false
	}
	off, ok := sv.vp.ScrollIntoView(s, index, o)
	if !ok {
		return false
	}
	sv.moveTo(off, animate)
	sv.sync()
	return true
}

// Advance is one frame dt seconds after the last: it moves the page's
// frame clock (Clock) on by dt, samples the running CSS transitions and
// keyframe animations at its timestamp (motion.go), steps every
// scroll-view's physics (fling, spring, animation) by dt, lays out what
// moved and queues the events. It reports whether anything is still
// moving (NeedsFrame without a pending request). No wall clock is read:
// the host decides the frame times.
func (p *Page) Advance(dt float64) bool {
	p.Update()
	if dt > 0 {
		p.mo.clock.Advance(time.Duration(math.Round(dt * float64(time.Second))))
	}
	now := p.mo.clock.Frame()
	moving := p.stepMotion(now)
	p.pipe.lt.sc.now = msOf(now)
	for _, sv := range p.pipe.lt.sc.views {
		if !sv.laid {
			continue
		}
		if sv.sc.Step(dt) {
			moving = true
		}
		sv.sync()
	}
	for _, sw := range p.pipe.lt.swipers {
		if sw.step() {
			moving = true
		}
	}
	return moving
}

// sync lays the content out again when the scroller moved, places it, and
// derives the frame's events.
func (sv *scrollView) sync() {
	if sv.syncPair() {
		return // a nested pair moves together: both synced (scroll_nested.go)
	}
	if sv.sc.Offset != sv.laidFor {
		sv.layoutContent()
		sv.placeAbs()
		sv.dropOuterLayers()
	}
	sv.events()
}

// dropOuterLayers releases the layers of the units around a scroll-view
// that moved: their pixels hold its content.
func (sv *scrollView) dropOuterLayers() {
	t := sv.t
	for id := t.boxes[sv.box].parent; id != 0; id = t.boxes[id].parent {
		if u, ok := t.sc.units[id]; ok {
			u.sv.layers.Release(id)
		}
	}
}
