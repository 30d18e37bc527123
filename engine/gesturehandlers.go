package engine

import (
	"strings"

	"github.com/skyline-go/skyline/engine/template"
	"github.com/skyline-go/skyline/gesture"
)

// Gesture handler components (spec §5). The handlers on a touch's path —
// from the hit node up to the root; they are virtual, so the hit node is
// always their one child or below it — enter gesture's arena at the first
// finger down, and every input is fed to it. Its callbacks are queued as
// handler calls of the handler node's template: the method named by
// worklet:ongesture (or the older on-gesture-event) receives an event of
// type "gesture" whose detail is spec §5.3's payload. (They run on the
// logic layer until the worklet runtime takes them.) A handler that wins
// and does not proxy its child (native-view) stops the scroll-views around
// from taking the drag (rule 4).

// gestureState is the page's handler arena.
type gestureState struct {
	arena gesture.Arena
	path  []gesture.Handler
	nodes []*Node
}

// gestureDown starts or joins the arena's sequence for finger id.
func (p *Page) gestureDown(id int, x, y, t float64) {
	g := &p.ev.gest
	if !g.arena.Active() {
		g.path, g.nodes = g.path[:0], g.nodes[:0]
		for n := p.HitTest(float32(x), float32(y)); n != nil; n = n.Parent() {
			k, ok := gesture.HandlerKindOf(n.Tag)
			if !ok {
				continue
			}
			g.path = append(g.path, gesture.Handler{Kind: k, Tag: strAttr(n, "tag"),
				Simultaneous: listAttr(n, "simultaneous-handlers"), NativeView: strAttr(n, "native-view"), ID: n})
			g.nodes = append(g.nodes, n)
		}
		if len(g.path) == 0 {
			return
		}
	}
	g.arena.Down(g.path, id, x, y, t, 0)
	p.gestureEvents(t)
}

func (p *Page) gestureMove(id int, x, y, t float64) {
	g := &p.ev.gest
	if !g.arena.Active() {
		return
	}
	g.arena.Move(id, x, y, t, 0)
	p.gestureEvents(t)
	// A handler that won without proxying its child's drag keeps the
	// scroll-views around from scrolling with this touch.
	for i, h := range g.path {
		if h.NativeView == "" && g.arena.Accepted(i) && h.Kind != gesture.TapHandler && h.Kind != gesture.DoubleTapHandler {
			if d := &p.pipe.lt.sc.drag; d.Down() && !d.Claimed() {
				d.End(true)
			}
			break
		}
	}
}

func (p *Page) gestureUp(id int, x, y, t float64) {
	if g := &p.ev.gest; g.arena.Active() {
		g.arena.Up(id, x, y, t)
		p.gestureEvents(t)
	}
}

func (p *Page) gestureCancel(t float64) {
	if g := &p.ev.gest; g.arena.Active() {
		g.arena.Cancel()
		p.gestureEvents(t)
	}
}

func (p *Page) gestureAdvance(t float64) {
	if g := &p.ev.gest; g.arena.Active() {
		g.arena.Advance(t)
		p.gestureEvents(t)
	}
}

// gestureEvents queues the arena's callbacks as handler calls.
func (p *Page) gestureEvents(t float64) {
	g := &p.ev.gest
	for _, e := range g.arena.Events() {
		n := g.nodes[e.Index]
		h := strAttr(n, "worklet:ongesture")
		if h == "" {
			h = strAttr(n, "on-gesture-event")
		}
		if h == "" || n.Dead {
			continue
		}
		p.ev.calls = append(p.ev.calls, HandlerCall{Instance: template.OwnerID(n), Handler: h,
			Event: EventObject{Type: "gesture", TimeStamp: t, Detail: gesturePayload(e.Kind, e.Payload),
				Target: EventTarget{ID: n.ID(), Dataset: n.Dataset()}, CurrentTarget: EventTarget{ID: n.ID(), Dataset: n.Dataset()}}})
	}
}

// gesturePayload is worklet:ongesture's argument for a handler kind (spec
// §5.3): the fields that kind reports.
func gesturePayload(k gesture.HandlerKind, p gesture.Payload) map[string]any {
	m := map[string]any{"state": float64(p.State), "absoluteX": p.AbsoluteX, "absoluteY": p.AbsoluteY}
	switch k {
	case gesture.PanHandler, gesture.HorizontalDragHandler, gesture.VerticalDragHandler:
		m["deltaX"], m["deltaY"] = p.DeltaX, p.DeltaY
		m["velocityX"], m["velocityY"] = p.VelocityX, p.VelocityY
	case gesture.LongPressHandler:
		m["translationX"], m["translationY"] = p.TranslationX, p.TranslationY
		m["velocityX"], m["velocityY"] = p.VelocityX, p.VelocityY
	case gesture.ScaleHandler:
		delete(m, "absoluteX")
		delete(m, "absoluteY")
		m["focalX"], m["focalY"] = p.FocalX, p.FocalY
		m["focalDeltaX"], m["focalDeltaY"] = p.FocalDeltaX, p.FocalDeltaY
		m["scale"], m["horizontalScale"], m["verticalScale"] = p.Scale, p.HorizontalScale, p.VerticalScale
		m["rotation"] = p.Rotation
		m["velocityX"], m["velocityY"] = p.VelocityX, p.VelocityY
		m["pointerCount"] = float64(p.PointerCount)
	case gesture.ForcePressHandler:
		m["pressure"] = p.Pressure
	}
	return m
}

// listAttr reads a string-list attribute: a bound array, or a literal of
// comma- or space-separated names.
func listAttr(n *Node, name string) []string {
	a, ok := n.Attr(name)
	if !ok {
		return nil
	}
	switch v := a.Value.(type) {
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	case string:
		return strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '[' || r == ']' || r == '"' || r == '\'' })
	}
	return nil
}
