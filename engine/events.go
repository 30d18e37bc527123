package engine

import (
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
	host := in.host
	path := p.ev.path[:0]
	for n := host; n != nil; n = n.parent {
		if composed || n.owner == host.owner {
			path = append(path, n)
		}
	}
	p.ev.path = path
	p.dispatch(host, path, EventObject{Type: name, TimeStamp: t, Detail: detail}, bubbles, capturePhase)
	return true
}

// dispatchTouchEvent dispatches a touch-derived event (touchstart, tap, …)
// at target along the composed tree (spec §1.6: these bubble, with a
// capture phase).
func (p *Page) dispatchTouchEvent(target *Node, ev EventObject) {
	path := p.ev.path[:0]
	for n := target; n != nil; n = n.parent {
		path = append(path, n)
	}
	p.ev.path = path
	p.dispatch(target, path, ev, gesture.Bubbles(ev.Type), true)
}

// nodePath adapts an event path to gesture.Path.
type nodePath []*Node

func (np nodePath) Len() int                    { return len(np) }
func (np nodePath) Count(i int) int             { return len(np[i].events) }
func (np nodePath) At(i, k int) gesture.Binding { return np[i].events[k].Binding }

// dispatch runs the propagation rules over path and queues a HandlerCall per
// binding that fires with a handler name. Each call's target is retargeted
// into the handler's tree and its marks are those the handler may see.
func (p *Page) dispatch(target *Node, path []*Node, ev EventObject, bubbles, capture bool) int {
	steps := gesture.Propagate(nodePath(path), ev.Type, bubbles, capture, p.ev.steps[:0])
	p.ev.steps = steps
	n := 0
	for _, s := range steps {
		node := path[s.Node]
		h := node.events[s.Binding].Handler
		if h == "" {
			continue
		}
		e := ev
		tgt := retarget(target, node.owner)
		e.Target = EventTarget{ID: tgt.id, Dataset: tgt.dataset}
		e.CurrentTarget = EventTarget{ID: node.id, Dataset: node.dataset}
		e.Mark = marksFor(target, node.owner)
		p.ev.calls = append(p.ev.calls, HandlerCall{Instance: node.owner.ID(), Handler: h, Event: e})
		n++
	}
	return n
}

// treeContains reports whether the tree of instance a (nil: the page) is the
// tree of b or encloses it (b's host lies in a's tree, or deeper).
func treeContains(a, b *Instance) bool {
	for x := b; ; x = x.host.owner {
		if x == a {
			return true
		}
		if x == nil {
			return false
		}
	}
}

// retarget is the event target as a handler in tree owner sees it: a node
// inside a component the handler's tree does not contain appears as that
// component's host (shadow DOM retargeting; slot content keeps its own
// identity, it belongs to the outer tree).
func retarget(t *Node, owner *Instance) *Node {
	for t.owner != nil && !treeContains(t.owner, owner) {
		t = t.owner.host
	}
	return t
}

// marksFor merges the marks of target and its ancestors that a handler in
// tree owner may see (spec §1.6: marks outside a component are not visible
// inside it); nearer nodes win. Without marks it is nil (the logic layer
// hands handlers an empty object), so events on unmarked nodes, such as a
// builder's itembuild on every item built while scrolling, allocate no map.
func marksFor(target *Node, owner *Instance) map[string]any {
	var m map[string]any
	for n := target; n != nil; n = n.parent {
		if len(n.marks) == 0 || !treeContains(owner, n.owner) {
			continue
		}
		if m == nil {
			m = make(map[string]any, len(n.marks))
		}
		for k, v := range n.marks {
			if _, ok := m[k]; !ok {
				m[k] = v
			}
		}
	}
	return m
}
