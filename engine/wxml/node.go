package wxml

import "github.com/skyline-go/skyline/diag"

// NodeType tells elements from text in the syntax tree.
type NodeType uint8

const (
	// ElementNode is a tag with attributes and children.
	ElementNode NodeType = iota
	// TextNode is character data between tags.
	TextNode
)

// Attr is one attribute of an element.
type Attr struct {
	Name     string   // exactly as written (case kept): "wx:for", "bind:tap", "data-fooBar", "class"
	Value    string   // entity-decoded outside {{ }}; text inside {{ }} kept verbatim
	HasValue bool     // false for a bare attribute (<switch checked/>)
	Pos      diag.Pos // position of the attribute name
	ValuePos diag.Pos // position of the first character of the value (after the quote)
}

// Node is an element or a text run.
type Node struct {
	Type     NodeType
	Tag      string // element tag name as written
	Attrs    []Attr
	Children []*Node
	Text     string   // TextNode: entity-decoded outside {{ }}, {{ }} verbatim
	Pos      diag.Pos // start of the tag / first character of the text
	// InlineSpace marks a white-space-only text node kept inside text or
	// span, where it separates inline children (Text is " ").
	InlineSpace bool
}

// Attr returns the attribute named name and whether it exists.
func (n *Node) Attr(name string) (Attr, bool) {
	for _, a := range n.Attrs {
		if a.Name == name {
			return a, true
		}
	}
	return Attr{}, false
}

// Document is a parsed WXML file.
type Document struct {
	File  string
	Nodes []*Node // top-level nodes in order
}
