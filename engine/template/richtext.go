package template

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/skyline-go/skyline/engine/dom"
	"github.com/skyline-go/skyline/engine/expr"
	"github.com/skyline-go/skyline/widgets"
)

// rich-text (WeChat's rich-text component): its nodes attribute — a string
// of HTML, or an array of {name, attrs: {class, style, src, …}, children}
// and {type: "text", text} objects — becomes the element's children, made
// again whenever the attribute changes. Block elements (div, p, h1–h6, ul,
// ol, li, blockquote, pre, section, header, footer, table rows) become
// views; the inline content of a block (text, span, b, strong, i, em, a,
// code, u, s, sub, sup, br, small, big, mark) becomes one text element with
// spans inside, so it flows as a paragraph; img becomes an image. Each tag
// has its browser-like default look as an inline style before the node's
// own style attribute, and its class attribute is kept (classes match the
// page's sheet). Scripts, styles and unknown tags' markup are dropped;
// their text content is kept.

// richTextBlocks are the tags that start a block, with their default look.
var richTextBlocks = map[string]string{
	"div": "", "section": "", "article": "", "header": "", "footer": "", "nav": "", "main": "", "aside": "",
	"p":          "margin: 1em 0;",
	"h1":         "font-size: 2em; font-weight: bold; margin: 0.67em 0;",
	"h2":         "font-size: 1.5em; font-weight: bold; margin: 0.83em 0;",
	"h3":         "font-size: 1.17em; font-weight: bold; margin: 1em 0;",
	"h4":         "font-weight: bold; margin: 1.33em 0;",
	"h5":         "font-size: 0.83em; font-weight: bold; margin: 1.67em 0;",
	"h6":         "font-size: 0.67em; font-weight: bold; margin: 2.33em 0;",
	"ul":         "margin: 1em 0; padding-left: 40px;",
	"ol":         "margin: 1em 0; padding-left: 40px;",
	"li":         "",
	"blockquote": "margin: 1em 40px;",
	"pre":        "margin: 1em 0; font-family: monospace;",
	"hr":         "height: 0; border-top: 1px solid #e5e5e5; margin: 0.5em 0;",
	"table":      "", "tbody": "", "thead": "", "tr": "flex-direction: row;", "td": "flex: 1;", "th": "flex: 1; font-weight: bold;",
}

// richTextInline are the inline tags with their default look.
var richTextInline = map[string]string{
	"span": "", "font": "", "label": "",
	"b": "font-weight: bold;", "strong": "font-weight: bold;",
	"i": "font-style: italic;", "em": "font-style: italic;", "cite": "font-style: italic;",
	"u": "text-decoration: underline;", "ins": "text-decoration: underline;",
	"s": "text-decoration: line-through;", "del": "text-decoration: line-through;",
	"a":     "color: #576b95;",
	"code":  "font-family: monospace;",
	"small": "font-size: 0.83em;", "big": "font-size: 1.17em;",
	"sub": "font-size: 0.83em;", "sup": "font-size: 0.83em;",
	"mark": "background-color: #ffff00;",
}

// rtNode is one parsed node of the nodes attribute.
type rtNode struct {
	name     string // "" for text
	text     string
	attrs    map[string]string
	children []*rtNode
}

// richText makes n's children from its nodes attribute (n is a rich-text
// element), replacing the ones made before.
func (tr *Tree) richText(n *dom.Node) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		dom.Unlink(c)
		c.Walk(func(m *dom.Node) bool { m.Dead = true; tr.giveNodes(1); return true })
		c = next
	}
	a, _ := n.Attr("nodes")
	var roots []*rtNode
	switch v := a.Value.(type) {
	case string:
		roots = parseRichHTML(v)
	case []any:
		roots = richNodesOf(v, 0)
	}
	owner := stateOf(n).owner
	tr.richChildren(n, roots, owner)
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		tr.markDirty(c, dom.DirtyInserted) // restyled and boxed with their subtrees
	}
	tr.markDirty(n, dom.DirtyStructure)
}

// richChildren appends the blocks of nodes to parent, grouping runs of
// inline content into text elements.
func (tr *Tree) richChildren(parent *dom.Node, nodes []*rtNode, owner *Instance) {
	var run *dom.Node // the text element collecting the current inline run
	for _, r := range nodes {
		if r.name == "img" {
			run = nil
			img := tr.richElement(parent, "image", "width: 100%;", r, owner)
			if img == nil {
				return
			}
			img.AddAttr(dom.Attribute{Name: "src", Value: r.attrs["src"]})
			img.AddAttr(dom.Attribute{Name: "mode", Value: "widthFix"})
			continue
		}
		if r.name == "br" {
			run = nil // the inline content goes on on a new line
			continue
		}
		if look, ok := richTextBlocks[r.name]; ok {
			run = nil
			v := tr.richElement(parent, "view", look, r, owner)
			if v == nil {
				return
			}
			kids := r.children
			if r.name == "ul" || r.name == "ol" {
				kids = listMarkers(r)
			}
			tr.richChildren(v, kids, owner)
			continue
		}
		if run == nil {
			run = tr.richElement(parent, "text", "", nil, owner)
			if run == nil {
				return
			}
		}
		tr.richInline(run, r, owner)
	}
}

// richInline appends inline content r to the text element or span into.
func (tr *Tree) richInline(into *dom.Node, r *rtNode, owner *Instance) {
	switch {
	case r.name == "":
		if r.text == "" || !tr.take(bNodes, into.Pos) {
			return
		}
		t, _ := newNode(dom.TextNode, into.Pos, owner)
		t.Text = r.text
		dom.InsertAfter(into, into.LastChild(), t)
	case r.name == "br":
		// Inside an inline element the line cannot break here (Skyline's
		// white-space is normal or nowrap): a space stands for it.
		tr.richInline(into, &rtNode{text: " "}, owner)
	default:
		look := richTextInline[r.name] // unknown tags: their text, plainly
		sp := tr.richElement(into, "span", look, r, owner)
		if sp == nil {
			return
		}
		for _, c := range r.children {
			tr.richInline(sp, c, owner)
		}
	}
}

// richElement makes one element of tag under parent with the default look
// and r's class and style.
func (tr *Tree) richElement(parent *dom.Node, tag, look string, r *rtNode, owner *Instance) *dom.Node {
	if !tr.take(bNodes, parent.Pos) {
		return nil
	}
	n, _ := newNode(dom.ElementNode, parent.Pos, owner)
	spec, _ := widgets.Lookup(tag)
	n.Tag, n.Spec = tag, spec
	style := look
	if r != nil {
		if s := r.attrs["style"]; s != "" {
			style = strings.TrimSpace(style + " " + s)
		}
		n.SetClass(r.attrs["class"])
		if id := r.attrs["id"]; id != "" {
			n.SetID(id)
		}
	}
	n.SetStyleText(style)
	dom.InsertAfter(parent, parent.LastChild(), n)
	return n
}

// listMarkers puts each li's marker before its content: "• " in a ul,
// "1. ", "2. " … in an ol (from its start attribute).
func listMarkers(list *rtNode) []*rtNode {
	n := 1
	if s, err := strconv.Atoi(list.attrs["start"]); err == nil {
		n = s
	}
	out := make([]*rtNode, len(list.children))
	for i, c := range list.children {
		out[i] = c
		if c.name != "li" {
			continue
		}
		marker := "• "
		if list.name == "ol" {
			marker = strconv.Itoa(n) + ". "
			n++
		}
		li := *c
		li.children = append([]*rtNode{{text: marker}}, c.children...)
		out[i] = &li
	}
	return out
}

// parseRichHTML parses a string of HTML into nodes (the body's content).
func parseRichHTML(s string) []*rtNode {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		return nil
	}
	var out []*rtNode
	for _, h := range nodes {
		if r := richOfHTML(h, 0); r != nil {
			out = append(out, r)
		}
	}
	return out
}

// maxRichDepth bounds nesting (hostile markup).
const maxRichDepth = 64

func richOfHTML(h *html.Node, depth int) *rtNode {
	if depth > maxRichDepth {
		return nil
	}
	switch h.Type {
	case html.TextNode:
		t := collapseSpace(h.Data)
		if strings.TrimSpace(t) == "" && !strings.Contains(h.Data, " ") {
			return nil
		}
		return &rtNode{text: t}
	case html.ElementNode:
		if h.DataAtom == atom.Script || h.DataAtom == atom.Style {
			return nil
		}
		r := &rtNode{name: strings.ToLower(h.Data), attrs: map[string]string{}}
		for _, a := range h.Attr {
			r.attrs[strings.ToLower(a.Key)] = a.Val
		}
		for c := h.FirstChild; c != nil; c = c.NextSibling {
			if cr := richOfHTML(c, depth+1); cr != nil {
				r.children = append(r.children, cr)
			}
		}
		return r
	}
	return nil
}

// richNodesOf reads the array form of nodes.
func richNodesOf(list []any, depth int) []*rtNode {
	if depth > maxRichDepth {
		return nil
	}
	var out []*rtNode
	for _, v := range list {
		m, ok := asMap(v)
		if !ok {
			continue
		}
		if t, _ := m["type"].(string); t == "text" {
			s, _ := m["text"].(string)
			out = append(out, &rtNode{text: s})
			continue
		}
		name, _ := m["name"].(string)
		r := &rtNode{name: strings.ToLower(name), attrs: map[string]string{}}
		if attrs, ok := asMap(m["attrs"]); ok {
			for k, v := range attrs {
				if s, ok := v.(string); ok {
					r.attrs[strings.ToLower(k)] = s
				}
			}
		}
		if kids, ok := m["children"].([]any); ok {
			r.children = richNodesOf(kids, depth+1)
		}
		out = append(out, r)
	}
	return out
}

// asMap reads a data object (a plain map, or the ordered objects setData
// makes).
func asMap(v any) (map[string]any, bool) {
	switch o := v.(type) {
	case map[string]any:
		return o, true
	case *expr.Object:
		return o.Map(), true
	}
	return nil, false
}
