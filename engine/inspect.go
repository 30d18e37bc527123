package engine

import (
	"github.com/skyline-go/skyline/engine/template"
	"github.com/skyline-go/skyline/style"
)

// Read-only answers for developer tools (the preview's element
// inspector): an element's box model, the component that owns it, and the
// stylesheet declaration each of its values came from. Nothing here
// changes the page or runs on the frame path.

// BoxModel is an element's box as an inspector outlines it: the border
// box in page coordinates (CSS px, as BorderBox) and the margin, border and
// padding widths around it, each top, right, bottom, left. The margin box
// is the border box grown by Margin, the padding box the border box shrunk
// by Border, the content box that shrunk by Padding.
type BoxModel struct {
	X, Y, W, H              float32
	Margin, Border, Padding [4]float32
}

// BoxModel returns n's box model from the last Update; ok is false where
// BorderBox has no box.
func (p *Page) BoxModel(n *Node) (BoxModel, bool) {
	x, y, w, h, ok := p.BorderBox(n)
	if !ok {
		return BoxModel{}, false
	}
	l, _ := p.layoutOf(n)
	edges := func(top, right, bottom, left float32) [4]float32 { return [4]float32{top, right, bottom, left} }
	return BoxModel{
		X: x, Y: y, W: w, H: h,
		Margin:  edges(l.Margin.Top, l.Margin.Right, l.Margin.Bottom, l.Margin.Left),
		Border:  edges(l.Border.Top, l.Border.Right, l.Border.Bottom, l.Border.Left),
		Padding: edges(l.Padding.Top, l.Padding.Right, l.Padding.Bottom, l.Padding.Left),
	}, true
}

// OwnerPath returns the package path of the component whose template made
// n ("components/card/index"), "" for the page's own markup.
func OwnerPath(n *Node) string {
	if in := template.Owner(n); in != nil {
		return in.Path()
	}
	return ""
}

// AppliedStyle lists, for each property n's rules and style attribute
// set, the declaration that won the cascade, with its stylesheet position
// (style.Resolver.Explain). It is nil before the page's first Update and
// for text nodes. Properties no declaration sets have their inherited or
// initial value (n.Style).
func (p *Page) AppliedStyle(n *Node) []style.Applied {
	if p.pipe == nil || n == nil || n.Kind != ElementNode {
		return nil
	}
	var inline []style.Declared
	if rt := rtOf(n); rt != nil {
		inline = rt.inline
	}
	return p.pipe.resolver.Explain(n, inline)
}
