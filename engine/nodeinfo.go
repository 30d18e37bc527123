package engine

import "github.com/skyline-go/skyline/engine/template"

// Node facts a host needs to answer the logic layer's selector queries
// (wx.createSelectorQuery, spec §1.8 scopes): which template made a node and
// where its box is.

// OwnerID returns the instance whose template made n (0: the page). A
// selector query in an instance's scope searches exactly the nodes it owns,
// as WeChat's createSelectorQuery().in(component) does; slot content belongs
// to the tree that wrote it.
func OwnerID(n *Node) InstanceID { return template.OwnerID(n) }

// Hosted returns the component instance hosted at n, nil when n is not a
// custom-component host.
func Hosted(n *Node) *Instance { return template.Hosted(n) }

// BorderBox returns n's border box in page coordinates (CSS px), as the
// layout dump records it: before transforms, scroll offsets taken as 0. ok
// is false for nodes without a box of their own (display:none, virtual
// hosts, inline runs inside a text root, text). It uses the last Update.
func (p *Page) BorderBox(n *Node) (x, y, w, h float32, ok bool) {
	l, ok := p.layoutOf(n)
	if !ok {
		return 0, 0, 0, 0, false
	}
	b := &p.pipe.lt.boxes[n.Index]
	if b.none || n.Style == nil || n.Virtual {
		return 0, 0, 0, 0, false
	}
	return b.absX, b.absY, l.Size.Width, l.Size.Height, true
}
