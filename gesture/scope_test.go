package gesture

import "testing"

// snode is a test node: parent, the scope (host) that holds it, marks.
type snode struct {
	parent, scope *snode
	marks         map[string]any
}

type sscopes struct{}

func (sscopes) Parent(n *snode) *snode        { return n.parent }
func (sscopes) Scope(n *snode) *snode         { return n.scope }
func (sscopes) Marks(n *snode) map[string]any { return n.marks }

func TestRetargetAndMark(t *testing.T) {
	// page: root > host (a component) > [shadow: inner > leaf]
	root := &snode{marks: map[string]any{"a": "root", "r": 1}}
	host := &snode{parent: root, marks: map[string]any{"a": "host"}}
	inner := &snode{parent: host, scope: host, marks: map[string]any{"i": 2}}
	leaf := &snode{parent: inner, scope: host}
	s := sscopes{}
	if got := Retarget[*snode](s, leaf, nil); got != host {
		t.Error("a page handler does not see the host as target")
	}
	if got := Retarget[*snode](s, leaf, host); got != leaf {
		t.Error("a handler inside the component does not see the leaf")
	}
	m := Mark[*snode](s, leaf, nil)
	if len(m) != 3 || m["a"] != "host" || m["r"] != 1 || m["i"] != 2 { // the page sees every tree's marks
		t.Errorf("page marks %v", m)
	}
	if m := Mark[*snode](s, leaf, host); len(m) != 1 || m["i"] != 2 { // not the outer tree's
		t.Errorf("component marks %v", m)
	}
	if Mark[*snode](s, &snode{}, nil) != nil {
		t.Error("no marks: want nil")
	}
}
