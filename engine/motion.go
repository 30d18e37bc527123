package engine

import (
	"time"

	"github.com/skyline-go/skyline/gesture"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/motion"
	"github.com/skyline-go/skyline/scroll"
	"github.com/skyline-go/skyline/style"
)

// CSS motion in the frame pipeline (README "Motion rules"; package motion).
//
// The page has one frame clock (motionState.clock, a manual motion.Clock:
// time moves only by Advance and by the time stamps of input). Scroll
// physics, transitions and keyframe animations all step to its timestamp.
//
// Per node, nodeRT.motion keeps the node's motion.Node and its base style:
// the computed style without motion values. The node's own computed style
// (nodeRT.computed, which n.Style and its layout box point at) is the
// base with the motion sampled into it, so layout and paint need not know
// about motion at all. At a restyle (styleNode) the base before and after
// the change go to motion (transitions start, reverse or cancel; animations
// start or stop by name) and the frame is sampled at once; each Advance
// samples every node with active motion again. A frame whose moving
// properties affect layout relayouts that node's boundary (as setData
// does); any other frame only repaints (the layers of the scroll units
// holding the node are dropped).

// nodeMotion is one node's motion state.
type nodeMotion struct {
	node motion.Node
	// base is the node's computed style without motion values.
	base style.Computed
	// listed: the node is on motionState.nodes, the nodes whose motion
	// (its own or its pseudo-elements') runs, sampled at every frame.
	listed bool
	// pseudo is the motion of the node's ::before and ::after boxes (nil
	// when they never moved).
	pseudo [2]*pseudoMotion
}

// pseudoMotion is the motion of a ::before or ::after box: its style is
// nodeRT.before / after, the base with the motion sampled into it.
type pseudoMotion struct {
	node motion.Node
	base style.Computed
}

// running reports whether the node or one of its pseudo-elements moves.
func (m *nodeMotion) running() bool {
	if m.node.Running() {
		return true
	}
	for _, pm := range m.pseudo {
		if pm != nil && pm.node.Running() {
			return true
		}
	}
	return false
}

// pseudoStyle is n's ::before (k = 0) or ::after (k = 1) style.
func (rt *nodeRT) pseudoStyle(k int) *style.Computed {
	if k == 0 {
		return rt.before
	}
	return rt.after
}

// motionState is the page's clock and the nodes whose motion runs.
type motionState struct {
	clock  motion.Clock
	nodes  []*Node
	events []motion.Event
	path   []*Node // motionEvents' buffer
	// relaid lists the nodes the last motion frame laid out again (tests
	// and stats).
	relaid []*Node
}

// Clock is the frame clock every time-driven thing of a page steps by
// (package motion).
type Clock = motion.Clock

// Clock is the page's frame clock: manual, moved by Advance and by the time
// stamps of drags. Hosts read Now from it.
func (p *Page) Clock() *Clock { return &p.mo.clock }

// NeedsFrame reports whether the host should produce another frame: a
// transition, keyframe animation, scroll-view or swiper is moving (or a
// swiper autoplays), press feedback
// is pending (PressPending), or something asked for a frame. A page where
// nothing moves needs none.
func (p *Page) NeedsFrame() bool {
	if p.mo.clock.NeedsFrame() || p.PressPending() {
		return true
	}
	for _, n := range p.mo.nodes {
		if rt := rtOf(n); rt != nil && rt.motion != nil && !n.Dead && rt.motion.running() {
			return true
		}
	}
	if p.pipe != nil {
		for _, sv := range p.pipe.lt.sc.views {
			if sv.laid && sv.sc.Phase() != scroll.Idle {
				return true
			}
		}
		for _, sw := range p.pipe.lt.swipers {
			if sw.m.Moving() || sw.m.Cfg.Autoplay {
				return true
			}
		}
	}
	return false
}

// declaresMotion reports whether decls hold a transition-* or animation-*
// longhand.
func declaresMotion(decls []style.Declared) bool {
	for i := range decls {
		if p := decls[i].Prop; p >= style.PropTransitionProperty && p <= style.PropAnimationPlayState {
			return true
		}
	}
	return false
}

// sheetsDeclareMotion reports whether any rule of sheets declares a
// transition or an animation: a page without any pays nothing for motion
// at restyle.
func sheetsDeclareMotion(sheets []*style.Sheet) bool {
	for _, sh := range sheets {
		if sh == nil {
			continue
		}
		for i := range sh.Rules {
			if declaresMotion(sh.Rules[i].Decls) {
				return true
			}
		}
	}
	return false
}

// motionBefore is styleNode's hook before it computes n: whether n may
// move at all and, when it had a style, its base style before the change
// (a copy, since the computation overwrites the node's style).
func (p *Page) motionBefore(n *Node, rt *nodeRT, hadStyle bool) (before *style.Computed, capable bool) {
	pl := p.pipe
	if rt.motion == nil && !pl.motionRules && !declaresMotion(rt.inline) {
		return nil, false
	}
	if !hadStyle {
		return nil, true
	}
	if rt.motion != nil {
		pl.motionPrev = rt.motion.base // rt.computed may hold motion values
	} else {
		pl.motionPrev = rt.computed
	}
	return &pl.motionPrev, true
}

// forgetMotion makes root's subtree style as inserted (a builder item
// rebound to another index from the pool): its motion is dropped without
// events and its next style is its first, so nothing transitions from
// the values of its previous binding and its animations start again.
func (p *Page) forgetMotion(root *Node) {
	pl := p.pipe
	root.Walk(func(n *Node) bool {
		rt := rtOf(n)
		if n.Kind != ElementNode || rt == nil {
			return true
		}
		if rt.motion != nil && rt.motion.listed {
			for i, m := range p.mo.nodes {
				if m == n {
					p.mo.nodes = append(p.mo.nodes[:i], p.mo.nodes[i+1:]...)
					break
				}
			}
		}
		if rt.motion != nil || pl.motionRules || declaresMotion(rt.inline) {
			rt.motion = nil
			n.Style = nil
		}
		return true
	})
}

// canMove reports whether a computed style can start a transition or runs
// an animation.
func canMove(c *style.Computed) bool {
	for i := range c.Transitions {
		if t := &c.Transitions[i]; t.Property != "none" && max(t.Duration, 0)+t.Delay > 0 {
			return true
		}
	}
	for i := range c.Animations {
		if a := &c.Animations[i]; a.Name != "" && a.Name != "none" {
			return true
		}
	}
	return false
}

// restyleMotion is styleNode's hook after it computed n (rt.computed, the
// new base): it reports the style change to n's motion and samples it at
// the clock's time into rt.computed.
func (p *Page) restyleMotion(n *Node, rt *nodeRT, before *style.Computed) {
	c := &rt.computed
	m := rt.motion
	if m == nil {
		if !canMove(c) {
			return
		}
		m = new(nodeMotion)
		rt.motion = m
	}
	if before == nil {
		before = c // the first style: nothing transitions, animations start
	}
	now := p.mo.clock.Now()
	if !displayed(n) {
		// A node that is not displayed, itself or through an ancestor,
		// does not move (CSS Animations 1 §3).
		m.node.Transitions.Clear()
		m.node.Animations.Update(nil, nil, now)
	} else {
		m.node.Transitions.Update(before, c, now)
		pl := p.pipe
		m.node.Animations.Update(c.Animations, func(name string) *motion.KeyframeSet {
			kf := pl.resolver.Keyframes(name, n.StyleScope())
			if kf == nil {
				return nil
			}
			return motion.ResolveKeyframes(kf, c, &pl.env)
		}, now)
	}
	m.base = *c
	if m.node.Active() {
		if l, ok := p.layoutOf(n); ok {
			m.node.SetBox(motion.Box{Width: l.Size.Width, Height: l.Size.Height})
		}
		m.node.Sample(now, c)
	}
	p.listMotion(n, m)
	p.motionEvents(n, &m.node, "")
}

// listMotion puts n on the running list when its motion runs.
func (p *Page) listMotion(n *Node, m *nodeMotion) {
	if !m.listed && m.running() {
		m.listed = true
		p.mo.nodes = append(p.mo.nodes, n)
	}
}

// pseudoBefore is styleNode's hook before it computes n's ::before and
// ::after boxes, which it does in place: their base styles before the
// change (copies), nil where there is no box or nothing can move.
func (p *Page) pseudoBefore(rt *nodeRT) (prev [2]*style.Computed) {
	pl := p.pipe
	for k := range 2 {
		st := rt.pseudoStyle(k)
		switch {
		case st == nil:
		case rt.motion != nil && rt.motion.pseudo[k] != nil:
			pl.motionPrevPseudo[k] = rt.motion.pseudo[k].base
			prev[k] = &pl.motionPrevPseudo[k]
		case pl.motionRules:
			pl.motionPrevPseudo[k] = *st
			prev[k] = &pl.motionPrevPseudo[k]
		}
	}
	return prev
}

// restylePseudoMotion is styleNode's hook after it computed n's ::before
// and ::after boxes: as restyleMotion, for each of them. A box that
// appears starts its animations (nothing transitions); one that goes away
// takes its motion with it.
func (p *Page) restylePseudoMotion(n *Node, rt *nodeRT, prev [2]*style.Computed) {
	pl := p.pipe
	now := p.mo.clock.Now()
	for k := range 2 {
		st := rt.pseudoStyle(k)
		var pm *pseudoMotion
		if rt.motion != nil {
			pm = rt.motion.pseudo[k]
		}
		if st == nil || st.Display == style.DisplayNone || !displayed(n) {
			if pm != nil {
				rt.motion.pseudo[k] = nil
			}
			continue
		}
		if pm == nil {
			if !canMove(st) {
				continue
			}
			if rt.motion == nil {
				rt.motion = new(nodeMotion)
				rt.motion.base = rt.computed
			}
			pm = new(pseudoMotion)
			rt.motion.pseudo[k] = pm
		}
		before := prev[k]
		if before == nil {
			before = st
		}
		pm.node.Transitions.Update(before, st, now)
		pm.node.Animations.Update(st.Animations, func(name string) *motion.KeyframeSet {
			kf := pl.resolver.Keyframes(name, n.StyleScope())
			if kf == nil {
				return nil
			}
			return motion.ResolveKeyframes(kf, st, &pl.env)
		}, now)
		pm.base = *st
		if pm.node.Active() {
			pm.node.Sample(now, st)
		}
		p.motionEvents(n, &pm.node, pseudoNames[k])
	}
	if rt.motion != nil {
		p.listMotion(n, rt.motion)
	}
}

var pseudoNames = [2]string{"::before", "::after"}

// displayed reports whether n and its ancestors have a display other than
// none (their styles are final when n is styled: parents first).
func displayed(n *Node) bool {
	for a := n; a != nil; a = a.Parent() {
		if a.Kind == ElementNode && a.Style != nil && a.Style.Display == style.DisplayNone {
			return false
		}
	}
	return true
}

// stepMotion samples every node with active motion at now: their styles
// take the frame's values, nodes whose moving properties affect layout are
// laid out again, the others only repainted, and the events go to the
// handler queue. It reports whether anything still runs. Steady-state
// frames allocate nothing.
func (p *Page) stepMotion(now time.Duration) (running bool) {
	pl := p.pipe
	relayout := false
	clear(p.mo.relaid)
	p.mo.relaid = p.mo.relaid[:0]
	kept := p.mo.nodes[:0]
	for _, n := range p.mo.nodes {
		rt := rtOf(n)
		if rt == nil || rt.motion == nil || n.Dead {
			if rt != nil && rt.motion != nil {
				rt.motion.listed = false
			}
			continue
		}
		m := rt.motion
		for k, pm := range m.pseudo {
			if pm != nil && pm.node.Running() {
				if st := rt.pseudoStyle(k); st != nil {
					relayout = p.stepPseudo(n, pm, st, now) || relayout
				}
			}
		}
		if !m.node.Running() {
			if !m.running() {
				m.listed = false
				continue
			}
			running = true
			kept = append(kept, n)
			continue
		}
		lay := m.node.AffectsLayout()
		if l, ok := p.layoutOf(n); ok {
			m.node.SetBox(motion.Box{Width: l.Size.Width, Height: l.Size.Height})
		}
		rt.computed = m.base
		if m.node.Sample(now, &rt.computed) {
			if id, boxed := p.boxOf(n); boxed {
				switch {
				case !lay:
					p.repaintNode(n)
				case p.ownBlockBox(n, id):
					// Only geometry moved (no animatable property is
					// inherited or shapes text): the box is marked dirty,
					// its paragraphs keep their shaping.
					pl.lt.markResized(id)
					relayout = true
				default:
					pl.restyled = append(pl.restyled, n) // refreshBox decides
					relayout = true
				}
				if lay {
					p.mo.relaid = append(p.mo.relaid, n)
				}
			}
		}
		p.motionEvents(n, &m.node, "")
		if !m.running() {
			// Ended or paused: what it shows (a filling animation's end
			// state, a paused one's frame) stays in rt.computed until the
			// next restyle samples it again.
			m.listed = false
			continue
		}
		running = true
		kept = append(kept, n)
	}
	clear(p.mo.nodes[len(kept):])
	p.mo.nodes = kept
	if relayout {
		p.relayout()
	}
	return running
}

// stepPseudo samples a running ::before / ::after motion into its style st
// and reports whether its box must be laid out again (marked dirty).
func (p *Page) stepPseudo(n *Node, pm *pseudoMotion, st *style.Computed, now time.Duration) (relayout bool) {
	t := &p.pipe.lt
	lay := pm.node.AffectsLayout()
	id, boxed := p.boxOf(n)
	var pid layout.NodeID
	if boxed {
		for _, c := range t.boxes[id].children {
			if t.boxes[c].kind == boxPseudo && t.boxes[c].style == st {
				pid = c
				sz := t.boxes[c].lay.Size
				pm.node.SetBox(motion.Box{Width: sz.Width, Height: sz.Height})
			}
		}
	}
	*st = pm.base
	if pm.node.Sample(now, st) {
		if boxed {
			switch {
			case !lay:
				p.repaintNode(n)
			case pid != 0:
				t.markResized(pid)
				relayout = true
				p.mo.relaid = append(p.mo.relaid, n)
			default: // inline content of a text root: its paragraph flows again
				p.pipe.restyled = append(p.pipe.restyled, n)
				relayout = true
				p.mo.relaid = append(p.mo.relaid, n)
			}
		}
	}
	k := 0
	if st == rtOf(n).after {
		k = 1
	}
	p.motionEvents(n, &pm.node, pseudoNames[k])
	return relayout
}

// markResized marks box id dirty when its own style changed its geometry:
// its outer size and place may change, so the layout that sized it — its
// parent's, up to the parent's relayout boundary — runs again. (MarkDirty
// alone stops at id when id is a relayout boundary, and RelayoutBoundary
// lays a boundary out at its previous size.)
func (t *layoutTree) markResized(id layout.NodeID) {
	if p, ok := t.Parent(id); ok {
		t.Cache(id).Clear()
		t.markDirty(p)
		return
	}
	t.markDirty(id)
}

// ownBlockBox reports whether box id is n's own element, image or text
// root box, outside any paragraph: one whose geometry a motion frame may
// change by marking it dirty alone.
func (p *Page) ownBlockBox(n *Node, id layout.NodeID) bool {
	t := &p.pipe.lt
	b := &t.boxes[id]
	if b.node != n || b.none || b.kind != boxElement && b.kind != boxImage && b.kind != boxTextRoot {
		return false
	}
	return b.parent == 0 || t.boxes[b.parent].kind != boxTextRoot
}

// repaintNode drops the cached layers that hold n's pixels: the scroll
// units around its box (outside scroll-views the display list is rebuilt
// every frame).
func (p *Page) repaintNode(n *Node) {
	t := &p.pipe.lt
	if len(t.sc.units) == 0 {
		return
	}
	id, ok := p.boxOf(n)
	if !ok {
		return
	}
	for ; id != 0; id = t.boxes[id].parent {
		if u, ok := t.sc.units[id]; ok {
			u.sv.layers.Release(id)
		}
	}
}

// motionEvents dispatches n's motion events since the last call:
// transitionend, animationstart, animationiteration and animationend bubble
// with a capture phase, as spec §1.6 lists them among the bubbling types
// (gesture.Bubbles; WeChat's animation guide says to bind them on the
// animated node itself, which works either way); the web's
// transitionstart, transitioncancel and animationcancel reach only the
// node's own bindings. The detail carries elapsedTime (seconds) and
// propertyName or animationName, as the DOM events do. Nothing is built
// for an event no node on the path listens to.
func (p *Page) motionEvents(n *Node, mn *motion.Node, pseudo string) {
	p.mo.events = mn.AppendEvents(p.mo.events[:0])
	for _, e := range p.mo.events {
		typ := e.Kind.Type()
		bubbles := gesture.Bubbles(typ)
		path := append(p.mo.path[:0], n)
		if bubbles {
			for a := n.Parent(); a != nil; a = a.Parent() {
				path = append(path, a)
			}
		}
		p.mo.path = path
		listened := false
		for _, a := range path {
			listened = listened || binds(a, typ)
		}
		if listened {
			var detail map[string]any
			if e.Kind <= motion.TransitionCancel {
				detail = map[string]any{"elapsedTime": e.ElapsedTime, "propertyName": e.PropertyName()}
			} else {
				detail = map[string]any{"animationName": e.Name, "elapsedTime": e.ElapsedTime}
			}
			if pseudo != "" {
				detail["pseudoElement"] = pseudo
			}
			p.dispatch(n, path, EventObject{Type: typ, TimeStamp: msOf(p.mo.clock.Now()), Detail: detail}, bubbles, bubbles)
		}
		clear(path)
	}
}

// msOf is a clock timestamp in float milliseconds (the scroll clock's and
// the event time stamps' unit).
func msOf(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// durationOfMs is the clock timestamp of t milliseconds.
func durationOfMs(t float64) time.Duration { return time.Duration(t * float64(time.Millisecond)) }
