package engine

import (
	"math"

	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/layout/text"
	"github.com/skyline-go/skyline/style"
	"github.com/skyline-go/skyline/widgets"
)

// DumpBox is one element of the layout dump (render-cli.md): the border
// box in page coordinates, before transforms, unrounded.
type DumpBox struct {
	Tag      string     `json:"tag"`
	ID       string     `json:"id"`
	Class    string     `json:"class"`
	Box      [4]float32 `json:"box"`
	Children []*DumpBox `json:"children"`
}

// DumpViewport is the dump's viewport record.
type DumpViewport struct {
	Width  float32 `json:"width"`
	Height float32 `json:"height"`
	DPR    float32 `json:"dpr"`
}

// LayoutDump is the whole dump.
type LayoutDump struct {
	Viewport DumpViewport `json:"viewport"`
	Root     *DumpBox     `json:"root"`
}

// LayoutDump returns the page's layout in render-cli.md's format. It runs
// Update first so the dump is current.
func (p *Page) LayoutDump() *LayoutDump {
	p.Update()
	vp := p.Viewport()
	d := &LayoutDump{Viewport: DumpViewport{vp.Width, vp.Height, vp.DPR}}
	d.Root = p.dumpElement(p.Root())
	return d
}

func (p *Page) dumpElement(n *Node) *DumpBox {
	t := &p.pipe.lt
	b := &t.boxes[n.Index]
	db := &DumpBox{Tag: n.Tag, ID: n.ID(), Class: n.Class(),
		Box: [4]float32{b.absX, b.absY, b.lay.Size.Width, b.lay.Size.Height}, Children: []*DumpBox{}}
	if b.kind == boxTextRoot {
		p.dumpInline(n, b, db)
		return db
	}
	if isScrollView(b) {
		p.dumpScrollView(n, b, db) // offsets taken as 0 (scroll_dump.go)
		return db
	}
	p.dumpChildren(n, db)
	return db
}

func (p *Page) dumpChildren(n *Node, db *DumpBox) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind != ElementNode || c.Style == nil || c.Style.Display == style.DisplayNone {
			continue
		}
		if c.Virtual {
			p.dumpChildren(c, db) // gesture handlers, slots and virtual hosts leave no box (spec §5.1, §1.8)
			continue
		}
		if _, ok := p.layoutOf(c); !ok || p.pipe.lt.sc.dumpHide[layout.NodeID(c.Index)] {
			continue
		}
		db.Children = append(db.Children, p.dumpElement(c))
	}
}

// dumpInline lists the elements inside a text root. They have no boxes of
// their own in layout; like a browser's getBoundingClientRect, their box is
// the union of their line fragments: each glyph run's extent with the
// face's ascent and descent, and each inline box.
func (p *Page) dumpInline(root *Node, b *lbox, db *DumpBox) {
	if b.para == nil {
		return
	}
	ox := b.absX + b.lay.Border.Left + b.lay.Padding.Left
	oy := b.absY + b.lay.Border.Top + b.lay.Padding.Top
	cw := b.lay.Size.Width - b.lay.Border.Horizontal() - b.lay.Padding.Horizontal()
	tl := b.para.Layout(cw)
	var walk func(n *Node, into *DumpBox)
	walk = func(n *Node, into *DumpBox) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Kind != ElementNode || c.Style == nil || c.Style.Display == style.DisplayNone {
				continue
			}
			if c.Virtual {
				walk(c, into)
				continue
			}
			if c.Spec.Kind != widgets.TextRoot {
				if _, ok := p.layoutOf(c); ok {
					// An inline box laid out on its own (addInlineBoxes).
					into.Children = append(into.Children, p.dumpElement(c))
					continue
				}
			}
			cb := &DumpBox{Tag: c.Tag, ID: c.ID(), Class: c.Class(), Children: []*DumpBox{}}
			x0, y0, x1, y1 := fragmentBounds(tl, b.inline, c, p.primaryFace)
			if x0 <= x1 {
				cb.Box = [4]float32{ox + x0, oy + y0, x1 - x0, y1 - y0}
			}
			into.Children = append(into.Children, cb)
			walk(c, cb)
		}
	}
	walk(root, db)
}

// fragmentBounds is the union of the fragments of el's content in tl.
// x0 > x1 when el has no fragment.
// primary maps a run's node to the primary face of its style: the content
// area of an inline box comes from the primary face even where a fallback
// face draws the glyphs (CJK in a Latin-first family list).
func fragmentBounds(tl *text.Layout, inline []*Node, el *Node, primary func(*Node) *text.Face) (x0, y0, x1, y1 float32) {
	x0, y0 = math.MaxFloat32, math.MaxFloat32
	x1, y1 = -math.MaxFloat32, -math.MaxFloat32
	inside := func(data uint32) bool {
		if int(data) >= len(inline) {
			return false
		}
		for m := inline[data]; m != nil; m = m.Parent() {
			if m == el {
				return true
			}
		}
		return false
	}
	for i := range tl.Runs {
		r := &tl.Runs[i]
		if r.Item < 0 || !inside(r.Data) {
			continue
		}
		// The fragment is el's own content area on that line: el's primary
		// face at el's font size, whatever the run's own size or face
		// (a nested larger run overflows its parent's fragment, as in a
		// browser).
		face, size := r.Face, r.Size
		if pf := primary(el); pf != nil {
			face, size = pf, el.Style.FontSize
		}
		m := face.Metrics(size)
		x0, x1 = min(x0, r.X0), max(x1, r.X1)
		y0, y1 = min(y0, r.Baseline-m.Ascent), max(y1, r.Baseline+m.Descent)
	}
	for i := range tl.Boxes {
		pb := &tl.Boxes[i]
		if !inside(pb.Data) {
			continue
		}
		x0, x1 = min(x0, pb.X), max(x1, pb.X+pb.Width)
		y0, y1 = min(y0, pb.Y), max(y1, pb.Y+pb.Height)
	}
	return
}

// primaryFace is the primary face of the style a run of node n is drawn in:
// a text node's parent element's, or the element's own.
func (p *Page) primaryFace(n *Node) *text.Face {
	el := n
	if n.Kind == TextNode {
		el = n.Parent()
	}
	if el == nil || el.Style == nil {
		return nil
	}
	return p.pipe.fonts.PrimaryFace(text.StyleOf(el.Style))
}
