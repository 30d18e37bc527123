package engine

import (
	"github.com/skyline-go/skyline/scroll"
)

// Scroll-view events (spec §4.5–§4.7) go through the page's event system
// (events.go) as component events: they do not bubble and have no capture
// phase (spec §1.6), so only the bind: / catch: / mut-bind: handlers of the
// scroll-view, sticky-header or builder itself run, each as a HandlerCall
// (DrainHandlerCalls) with Target = CurrentTarget = that node.

// binds reports whether n binds event typ (so detail maps are only made
// for events someone listens to, and a frame nobody listens to allocates
// nothing).
func binds(n *Node, typ string) bool {
	for _, e := range n.Events() {
		if e.Event == typ {
			return true
		}
	}
	return false
}

// emit dispatches component event typ of node n with detail; callers check
// binds first so that detail is only built when a handler listens.
func (h *scrollHost) emit(p *Page, n *Node, typ string, detail any) {
	path := append(p.ev.path[:0], n)
	p.ev.path = path
	p.dispatch(n, path, EventObject{Type: typ, TimeStamp: h.now, Detail: detail}, false, false)
}

// events turns the frame's scroll state into handler calls.
func (sv *scrollView) events() {
	h, p, n := &sv.t.sc, sv.t.page, sv.node
	cross := sv.vp.CrossExtent
	for _, e := range sv.ev.Update(sv.sc.Offset, sv.vp.ContentExtent(), sv.vp.MainExtent, cross, sv.sc.Phase(), sv.sc.BoundaryVelocity()) {
		switch e.Kind {
		case scroll.EventScroll:
			if binds(n, "scroll") {
				d := e.Detail
				h.emit(p, n, "scroll", map[string]any{"scrollLeft": d.ScrollLeft, "scrollTop": d.ScrollTop,
					"scrollHeight": d.ScrollHeight, "scrollWidth": d.ScrollWidth, "deltaX": d.DeltaX, "deltaY": d.DeltaY,
					"isDrag": d.IsDrag, "boundaryVelocity": d.BoundaryVelocity})
			}
		case scroll.EventScrollToUpper:
			if binds(n, "scrolltoupper") {
				h.emit(p, n, "scrolltoupper", map[string]any{"direction": sv.dirName(true)})
			}
		case scroll.EventScrollToLower:
			if binds(n, "scrolltolower") {
				h.emit(p, n, "scrolltolower", map[string]any{"direction": sv.dirName(false)})
			}
		case scroll.EventScrollStart:
			if binds(n, "scrollstart") {
				h.emit(p, n, "scrollstart", map[string]any{"isDrag": e.IsDrag})
			}
		case scroll.EventScrollEnd:
			if binds(n, "scrollend") {
				h.emit(p, n, "scrollend", map[string]any{"isDrag": e.IsDrag})
			}
		}
	}
	for _, se := range sv.vp.Frame.StickEvents {
		if hn := sv.headers[se.Header]; hn != nil && binds(hn, "stickontopchange") {
			h.emit(p, hn, "stickontopchange", map[string]any{"isStickOnTop": se.IsStickOnTop})
		}
	}
	sv.vp.Frame.StickEvents = sv.vp.Frame.StickEvents[:0]
	sv.refresherFrame()
}

// refresherEvents dispatches the refresher's events of one step (spec
// §4.5: refresherpulling / willrefresh / refresh / restore / abort /
// statuschange).
func (sv *scrollView) refresherEvents(evs []scroll.RefresherEvent) {
	h, p, n := &sv.t.sc, sv.t.page, sv.node
	for _, e := range evs {
		var typ string
		var detail any
		switch e.Kind {
		case scroll.RefresherPulling:
			typ = "refresherpulling"
		case scroll.RefresherWillRefresh:
			typ = "refresherwillrefresh"
		case scroll.RefresherRefresh:
			typ = "refresherrefresh"
		case scroll.RefresherRestore:
			typ = "refresherrestore"
		case scroll.RefresherAbort:
			typ = "refresherabort"
		case scroll.RefresherStatusChange:
			typ = "refresherstatuschange"
		}
		if !binds(n, typ) {
			continue
		}
		if e.Kind == scroll.RefresherStatusChange {
			detail = map[string]any{"status": float64(e.Status), "dy": e.DY}
		} else {
			detail = map[string]any{"dy": e.DY}
		}
		h.emit(p, n, typ, detail)
	}
}

func (sv *scrollView) dirName(upper bool) string {
	switch {
	case sv.vertical() && upper:
		return "top"
	case sv.vertical():
		return "bottom"
	case upper:
		return "left"
	}
	return "right"
}
