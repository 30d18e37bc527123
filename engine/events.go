package engine

import (
	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/template"
	"github.com/skyline-go/skyline/gesture"
)

// HandlerCall is one event handler to run: the method Handler of instance
// Instance (0: the page; otherwise the component whose template holds the
// node with the binding) with its event argument. This is what a logic
// layer (or a shell host running its own logic) receives from dispatch.
type HandlerCall struct {
	Instance InstanceID
	Handler  string
	Event    EventObject
	// Pos is where the element carrying the binding starts in its WXML
	// file (its dom.Node.Pos), for messages about the call.
	Pos diag.Pos
}

// EventObject, EventTarget and Touch are gesture's: the logic layer hands
// the same values to handlers.
type (
	EventObject = gesture.EventObject
	EventTarget = gesture.EventTarget
	Touch       = gesture.Touch
)

// DrainHandlerCalls returns the handler calls dispatched since the last
// call, in firing order.
func (p *Page) DrainHandlerCalls() []HandlerCall {
	c := p.ev.calls
	p.ev.calls = nil
	return c
}

// TriggerEvent dispatches the component event name from instance id's host
// node, as this.triggerEvent(name, detail, {bubbles, composed,
// capturePhase}) does: the host's bind:name (and, when bubbles, its
// ancestors' bind:name) handlers run. Without composed the event stays in
// the tree that holds the host: nodes of other components (when the host
// sits in another component's slot) and of outer trees are skipped; with it,
// the event crosses component boundaries up to the page. It reports false
// for an unknown instance.
func (p *Page) TriggerEvent(id InstanceID, name string, detail any, bubbles, composed, capturePhase bool, t float64) bool {
	in := p.Instance(id)
	if in == nil {
		return false
	}
	host := in.Host()
	path := p.ev.path[:0]
	for n := host; n != nil; n = n.Parent() {
		if composed || template.Owner(n) == template.Owner(host) {
			path = append(path, n)
		}
	}
	p.ev.path = path
	p.dispatch(host, path, EventObject{Type: name, TimeStamp: t, Detail: detail}, bubbles, capturePhase)
	return true
}

// dispatchTouchEvent dispatches a touch-derived event (touchstart, tap, …)
// at target along the composed tree (spec §1.6: these bubble, with a
// capture phase). It returns the number of handler calls queued.
func (p *Page) dispatchTouchEvent(target *Node, ev EventObject) int {
	path := p.ev.path[:0]
	for n := target; n != nil; n = n.Parent() {
		path = append(path, n)
	}
	p.ev.path = path
	return p.dispatch(target, path, ev, gesture.Bubbles(ev.Type), true)
}

// nodePath adapts an event path to gesture.Path.
type nodePath []*Node

func (np nodePath) Len() int                    { return len(np) }
func (np nodePath) Count(i int) int             { return len(np[i].Events()) }
func (np nodePath) At(i, k int) gesture.Binding { return np[i].Events()[k].Binding }

// dispatch runs the propagation rules over path and queues a HandlerCall per
// binding that fires with a handler name. Each call's target is retargeted
// into the handler's tree and its marks are those the handler may see.
func (p *Page) dispatch(target *Node, path []*Node, ev EventObject, bubbles, capture bool) int {
	steps := gesture.Propagate(nodePath(path), ev.Type, bubbles, capture, p.ev.steps[:0])
	p.ev.steps = steps
	n := 0
	for _, s := range steps {
		node := path[s.Node]
		h := node.Events()[s.Binding].Handler
		if h == "" {
			continue
		}
		e := ev
		scope := scopeOf(template.Owner(node))
		tgt := gesture.Retarget(nodeScopes{}, target, scope)
		e.Target = EventTarget{ID: tgt.ID(), Dataset: tgt.Dataset()}
		e.CurrentTarget = EventTarget{ID: node.ID(), Dataset: node.Dataset()}
		e.Mark = gesture.Mark(nodeScopes{}, target, scope)
		p.ev.calls = append(p.ev.calls, HandlerCall{Instance: template.OwnerID(node), Handler: h, Event: e, Pos: node.Pos})
		n++
	}
	return n
}

// nodeScopes is the node tree as gesture.Scopes: a scope is named by its
// component instance's host node, nil for the page.
type nodeScopes struct{}

func (nodeScopes) Parent(n *Node) *Node         { return n.Parent() }
func (nodeScopes) Scope(n *Node) *Node          { return scopeOf(template.Owner(n)) }
func (nodeScopes) Marks(n *Node) map[string]any { return n.Marks() }

// scopeOf names instance in's scope: its host node (nil: the page).
func scopeOf(in *Instance) *Node {
	if in == nil {
		return nil
	}
	return in.Host()
}
