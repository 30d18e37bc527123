package engine

import (
	"strconv"
	"strings"

	"github.com/skyline-go/skyline/engine/template"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/layout/text"
	"github.com/skyline-go/skyline/style"
	"github.com/skyline-go/skyline/widgets"
)

// boxKind says what made a layout box.
type boxKind uint8

const (
	boxElement  boxKind = iota // an element laid out by flex or block
	boxTextRoot                // a text / span element: a leaf holding a paragraph (spec §8.3)
	boxAnonText                // raw text directly inside a non-text element (spec §8.3)
	boxPseudo                  // a ::before / ::after box
	boxImage                   // an image element (replaced content)
)

// lbox is one node of the layout tree. The layout tree differs from the
// node tree: raw text becomes anonymous boxes, a text root's inline content
// folds into its paragraph, gesture handlers (virtual, spec §5.1) leave no
// box, and display:none subtrees are not descended into.
type lbox struct {
	kind     boxKind
	node     *Node // the element; for anonymous text the first text node; for a pseudo box its element
	style    *style.Computed
	children []layout.NodeID
	parent   layout.NodeID
	// para is the shaped text of text roots, anonymous text and pseudo
	// boxes; inline maps the paragraph's runs back to their nodes. Both
	// are made at the box's first measure (paraOf): lazyPara says they are
	// due, so the rows of a long list that are never laid out are never
	// shaped (spec §6.2).
	para     *text.Paragraph
	inline   []*Node
	lazyPara bool
	// none records display:none at build time (its subtree has no boxes).
	none bool
	// cache is the box's layout memo, handed out at its first layout
	// (layoutTree.Cache): most boxes of a long list are never laid out,
	// and a Cache is six times the rest of the box.
	cache *layout.Cache
	lay   layout.Layout
	// abs is the border box's page position, filled after layout.
	absX, absY float32
	// fixStyle is what layout sees of a widthFix / heightFix image whose
	// picture is known (spec §4.4; images.go): its style with the fixed
	// axis derived from the picture's ratio. Made on first use.
	fixStyle *style.Computed
}

// layoutTree is the engine's layout host (layout.Tree). Box 0 is unused so
// that a zero Node.Index means "no box".
type layoutTree struct {
	page     *Page
	boxes    []lbox
	scratch  layout.Scratch
	viewport layout.Size
	dirty    []layout.NodeID
	built    bool
	// The paint stage, with this tree as its paint.Tree (render.go), and
	// the page's decoded images (images.go; image boxes are measured from
	// them, spec §4.4).
	paint  paintHost
	images imageCache
	// swipers are the swipers of the current box tree (swiper.go).
	swipers []*swiperView
	// sc is the scroll host's state (scroll_view.go): scroll-views and
	// their on-demand units.
	sc scrollHost
	// caches hands out the boxes' layout caches.
	caches cacheSlab
}

// cacheSlab allocates layout caches in fixed chunks, so that a pointer
// handed out stays valid while more are allocated (layout.ComputeCached
// holds one across the child layouts it runs). A box-tree rebuild reuses
// the chunks.
type cacheSlab struct {
	chunks [][]layout.Cache
	used   int // caches handed out in this box-tree generation
}

const cacheChunk = 256

func (s *cacheSlab) take() *layout.Cache {
	ci, i := s.used/cacheChunk, s.used%cacheChunk
	if ci == len(s.chunks) {
		s.chunks = append(s.chunks, make([]layout.Cache, cacheChunk))
	}
	s.used++
	c := &s.chunks[ci][i]
	*c = layout.Cache{}
	return c
}

// reset takes every cache back (layoutTree.build).
func (s *cacheSlab) reset() { s.used = 0 }

const rootBox layout.NodeID = 1

func (t *layoutTree) ChildCount(id layout.NodeID) int             { return len(t.boxes[id].children) }
func (t *layoutTree) Child(id layout.NodeID, i int) layout.NodeID { return t.boxes[id].children[i] }
func (t *layoutTree) Style(id layout.NodeID) *style.Computed {
	b := &t.boxes[id]
	if b.kind == boxImage {
		// widthFix / heightFix images size themselves from their picture
		// (spec §4.4): layout sees the derived style, kept fresh on every
		// read because restyles write the node's style in place.
		if f, ok := t.imageFixOf(b.node); ok && b.style.Display != style.DisplayNone {
			if b.fixStyle == nil {
				b.fixStyle = new(style.Computed)
			}
			f.FixedStyle(b.fixStyle, b.style)
			return b.fixStyle
		}
	}
	return b.style
}
func (t *layoutTree) SetUnroundedLayout(id layout.NodeID, l layout.Layout) {
	t.boxes[id].lay = l
}
func (t *layoutTree) UnroundedLayout(id layout.NodeID) *layout.Layout { return &t.boxes[id].lay }
func (t *layoutTree) Cache(id layout.NodeID) *layout.Cache {
	b := &t.boxes[id]
	if b.cache == nil {
		b.cache = t.caches.take()
	}
	return b.cache
}
func (t *layoutTree) Viewport() layout.Size    { return t.viewport }
func (t *layoutTree) Scratch() *layout.Scratch { return &t.scratch }
func (t *layoutTree) Parent(id layout.NodeID) (layout.NodeID, bool) {
	p := t.boxes[id].parent
	if t.isUnit(id) {
		// A scroll unit is its own relayout boundary: its scroll-view
		// re-measures it (scroll_layout.go), its ancestors keep their size.
		return 0, false
	}
	return p, p != 0
}

func (t *layoutTree) ComputeChildLayout(id layout.NodeID, in layout.Inputs) layout.Output {
	return layout.ComputeCached(t, id, in, computeBox)
}

// computeBox is the host-side dispatch: paragraphs are measured leaves,
// everything else runs the layout package's built-in algorithms.
func computeBox(tr layout.Tree, id layout.NodeID, in layout.Inputs) layout.Output {
	t := tr.(*layoutTree)
	b := &t.boxes[id]
	if b.hasText() {
		return layout.ComputeBuiltin(t, id, in, t.measureText(id))
	}
	if isScrollView(b) {
		return t.computeScrollView(id, in) // on-demand content (scroll_layout.go)
	}
	if isSwiper(b) {
		return t.computeSwiper(id, in) // pages along its position (swiper.go)
	}
	if b.kind == boxImage {
		// An image is a leaf; widthFix / heightFix measure from the
		// picture's ratio (spec §4.4, widgets/image.go).
		if f, ok := t.imageFixOf(b.node); ok {
			return layout.ComputeBuiltin(t, id, in, f.Measure())
		}
	}
	return layout.ComputeBuiltin(t, id, in, nil)
}

// measureText returns the measure function of a paragraph box. The closure
// is made per call only for paragraphs; it captures the tree and index, not
// the box, because boxes move when the slice grows.
func (t *layoutTree) measureText(id layout.NodeID) layout.MeasureFunc {
	return func(known layout.MaybeSize, avail layout.AvailableSize) (layout.Size, layout.Maybe) {
		p := t.paraOf(id)
		var a text.Available
		switch {
		case known.Width.Ok:
			a = text.Available{Mode: text.Definite, Width: known.Width.V}
		case avail.Width.Kind == layout.MinContent:
			a = text.Available{Mode: text.MinContent}
		case avail.Width.Kind == layout.MaxContent:
			a = text.Available{Mode: text.MaxContent}
		default:
			a = text.Available{Mode: text.Definite, Width: avail.Width.Value}
		}
		sz := p.Measure(a)
		w := sz.Width
		switch {
		case known.Width.Ok:
			w = known.Width.V
		case a.Mode == text.Definite && p.MaxContentWidth() > a.Width:
			// A text box is a block container: offered less than its
			// max-content width, it takes the whole space, fit-content
			// (CSS 2.1 §10.3.5), not the width of its longest line.
			w = max(a.Width, p.MinContentWidth())
		}
		h := sz.Height
		if known.Height.Ok {
			h = known.Height.V
		}
		return layout.Size{Width: w, Height: h}, layout.Some(sz.FirstBaseline)
	}
}

// build makes the layout tree from the node tree.
func (t *layoutTree) build() {
	p := t.page
	for i := range t.boxes {
		t.boxes[i] = lbox{}
	}
	if cap(t.boxes) == 0 {
		// Sized from the node count once: growing a slice of large boxes
		// by doubling was a tenth of a 1,000-row page's first frame.
		nodes := 0
		p.Root().Walk(func(*Node) bool { nodes++; return true })
		t.boxes = make([]lbox, 1, nodes+nodes/4+64)
	}
	t.boxes = t.boxes[:1]
	t.caches.reset()
	t.sc.reset() // scroll-views rebuild their slivers over the new boxes
	clear(t.swipers)
	t.swipers = t.swipers[:0]
	t.addElement(p.Root(), 0)
	t.built = true
}

func (t *layoutTree) newBox(b lbox) layout.NodeID {
	id := layout.NodeID(len(t.boxes))
	if n := len(t.sc.free); n > 0 {
		// A recycled builder item's slot (scroll_builder.go).
		id = t.sc.free[n-1]
		t.sc.free = t.sc.free[:n-1]
		old := &t.boxes[id]
		b.children = old.children[:0]
		if b.cache = old.cache; b.cache != nil {
			*b.cache = layout.Cache{} // the slot's cache serves its new item
		}
		t.boxes[id] = b
	} else {
		t.boxes = append(t.boxes, b)
	}
	if b.parent != 0 {
		pb := &t.boxes[b.parent]
		pb.children = append(pb.children, id)
	}
	return id
}

func (t *layoutTree) addElement(n *Node, parent layout.NodeID) {
	kind := boxElement
	switch n.Spec.Kind {
	case widgets.TextRoot:
		kind = boxTextRoot
	case widgets.Replaced:
		kind = boxImage
	}
	id := t.newBox(lbox{kind: kind, node: n, style: n.Style, parent: parent})
	n.Index = int32(id)
	if n.Style.Display == style.DisplayNone {
		t.boxes[id].none = true
		return
	}
	if template.BuilderOf(n) != nil {
		return // a builder's items are boxed as they are built (scroll_builder.go)
	}
	if kind == boxTextRoot {
		t.addInlineBoxes(n, id)
		t.boxes[id].lazyPara = true
		return
	}
	if rtOf(n).before != nil {
		t.addPseudo(n, rtOf(n).before, id)
	}
	t.addChildren(n, id)
	if rtOf(n).after != nil {
		t.addPseudo(n, rtOf(n).after, id)
	}
}

// addChildren adds n's children as boxes of parent, flattening virtual
// nodes and merging adjacent text nodes into one anonymous text box.
func (t *layoutTree) addChildren(n *Node, parent layout.NodeID) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind == TextNode {
			first := c
			for c.NextSibling() != nil && c.NextSibling().Kind == TextNode {
				c = c.NextSibling()
			}
			if !blankRun(first) {
				t.addAnonText(first, parent)
			}
			c = c.NextSibling()
			if c == nil {
				return
			}
		}
		if c.Virtual {
			t.addChildren(c, parent)
			continue
		}
		t.addElement(c, parent)
	}
}

// blankRun reports whether the run of text nodes starting at first is empty
// or white space only: like a browser, such text makes no box (it would
// otherwise take a flex gap). If it gains text later, relayout finds no box
// for it and rebuilds the tree.
func blankRun(first *Node) bool {
	for c := first; c != nil && c.Kind == TextNode; c = c.NextSibling() {
		if strings.TrimSpace(c.Text) != "" {
			return false
		}
	}
	return true
}

// addAnonText adds the anonymous box for the run of text nodes starting at
// first.
func (t *layoutTree) addAnonText(first *Node, parent layout.NodeID) {
	p := t.page
	st := new(style.Computed)
	style.ComputeInto(st, t.boxes[parent].style, nil, &p.pipe.env, nil)
	t.newBox(lbox{kind: boxAnonText, node: first, style: st, parent: parent, lazyPara: true})
}

// anonParagraph shapes the run of text nodes starting at first.
func (p *Page) anonParagraph(first *Node, st *style.Computed) *text.Paragraph {
	var sb strings.Builder
	for c := first; c != nil && c.Kind == TextNode; c = c.NextSibling() {
		sb.WriteString(c.Text)
	}
	return p.pipe.fonts.NewParagraph([]text.Run{{Text: sb.String(), Style: text.StyleOf(st)}}, text.OptionsOf(st, 0, text.OverflowVisible))
}

func (t *layoutTree) addPseudo(n *Node, st *style.Computed, parent layout.NodeID) {
	t.newBox(lbox{kind: boxPseudo, node: n, style: st, parent: parent, lazyPara: st.Content != ""})
}

// hasText reports whether the box is a measured text leaf: a text root,
// anonymous text or a pseudo box with content, shaped or not yet.
func (b *lbox) hasText() bool { return b.para != nil || b.lazyPara }

// paraOf returns box id's paragraph, shaping it now when it is due: at the
// box's first measure, or after a text change or restyle (refreshBox).
// Shaping is most of a text box's cost, and a list's units outside the
// viewport and cache extent are never measured (spec §6.2).
func (t *layoutTree) paraOf(id layout.NodeID) *text.Paragraph {
	b := &t.boxes[id]
	if !b.lazyPara {
		return b.para
	}
	b.lazyPara = false
	p := t.page
	switch b.kind {
	case boxTextRoot:
		// paragraphOf lays out the inline boxes, which never adds boxes
		// (builders do not live inside text), so b stays valid.
		b.para, b.inline = p.paragraphOf(b.node)
	case boxAnonText:
		b.para = p.anonParagraph(b.node, b.style)
	case boxPseudo:
		st := b.style
		b.para = p.pipe.fonts.NewParagraph([]text.Run{{Text: st.Content, Style: text.StyleOf(st)}}, text.OptionsOf(st, 0, text.OverflowVisible))
	}
	return b.para
}

// addInlineBoxes makes a box, child of the text root box, for every
// element inside the text root that is not text: images and inline-block
// views inside span (spec §3.4, §4.3). Each is laid out on its own like a
// block; the paragraph flows it as an inline box, and place() moves it to
// where the paragraph put it.
func (t *layoutTree) addInlineBoxes(n *Node, root layout.NodeID) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch {
		case c.Kind == TextNode:
		case c.Style == nil || c.Style.Display == style.DisplayNone:
		case c.Spec.Kind == widgets.TextRoot || c.Virtual:
			t.addInlineBoxes(c, root)
		default:
			t.addElement(c, root)
		}
	}
}

// paragraphOf collects a text root's inline content into one paragraph:
// text nodes in their parent's style, nested text / span as styled runs
// (with their ::before / ::after content, and zero-height spacers for
// their horizontal margins, borders and paddings), images and other
// elements as inline boxes sized by their own layout (spec §3.6, §4.3).
// inline[i] is the node behind run i.
func (p *Page) paragraphOf(root *Node) (*text.Paragraph, []*Node) {
	var runs []text.Run
	var nodes []*Node
	add := func(r text.Run, n *Node) {
		r.Data = uint32(len(nodes))
		runs = append(runs, r)
		nodes = append(nodes, n)
	}
	spacer := func(w float32, owner *Node) {
		if w > 0 {
			add(text.Run{IsBox: true, Box: text.InlineBox{Width: w}}, owner)
		}
	}
	pseudo := func(n *Node, st *style.Computed) {
		if st != nil && st.Content != "" {
			spacer(inlineLen(st.Margin.Left), n)
			spacer(st.Border[3].Width+inlineLen(st.Padding.Left), n)
			add(text.Run{Text: st.Content, Style: text.StyleOf(st)}, n)
			spacer(st.Border[1].Width+inlineLen(st.Padding.Right), n)
			spacer(inlineLen(st.Margin.Right), n)
		}
	}
	var walk func(n *Node)
	walk = func(n *Node) {
		pseudo(n, rtOf(n).before)
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch {
			case c.Kind == TextNode:
				if c.Text != "" {
					add(text.Run{Text: c.Text, Style: text.StyleOf(n.Style)}, c)
				}
			case c.Style == nil || c.Style.Display == style.DisplayNone:
			case c.Virtual:
				walk(c)
			case c.Spec.Kind == widgets.TextRoot:
				// An inline box's margins sit outside it (they belong to
				// the parent's extent); border and padding inside.
				s := c.Style
				spacer(inlineLen(s.Margin.Left), n)
				spacer(s.Border[3].Width+inlineLen(s.Padding.Left), c)
				walk(c)
				spacer(s.Border[1].Width+inlineLen(s.Padding.Right), c)
				spacer(inlineLen(s.Margin.Right), n)
			default:
				add(text.Run{IsBox: true, Box: p.inlineBoxOf(c)}, c)
			}
		}
		pseudo(n, rtOf(n).after)
	}
	walk(root)
	maxLines, overflow := textAttrs(root)
	para := p.pipe.fonts.NewParagraph(runs, text.OptionsOf(root.Style, maxLines, overflow))
	return para, nodes
}

// inlineLen resolves a horizontal length of an inline box; percentages of
// the paragraph width are not known when the paragraph is shaped and count
// as 0.
func inlineLen(l style.Length) float32 { return l.ResolveOr(0, false, 0) }

// inlineBoxOf lays out an element inside text on its own (max-content, as
// an inline-block is shrink-to-fit) and returns its margin box for the
// paragraph. Its baseline is its first line's when it has one, else its
// bottom margin edge.
func (p *Page) inlineBoxOf(n *Node) text.InlineBox {
	t := &p.pipe.lt
	id := layout.NodeID(n.Index)
	s := n.Style
	ml, mr := inlineLen(s.Margin.Left), inlineLen(s.Margin.Right)
	mt, mb := inlineLen(s.Margin.Top), inlineLen(s.Margin.Bottom)
	out := t.ComputeChildLayout(id, layout.Inputs{RunMode: layout.PerformLayout,
		AvailableSpace: layout.AvailableSize{Width: layout.MaxContentSpace, Height: layout.MaxContentSpace}})
	b := &t.boxes[id]
	b.lay.Size = out.Size
	b.lay.Margin = layout.Rect{Top: mt, Right: mr, Bottom: mb, Left: ml}
	h := out.Size.Height + mt + mb
	base := h
	if out.FirstBaselines.Y.Ok && n.Spec.Kind != widgets.Replaced {
		base = mt + out.FirstBaselines.Y.V
	}
	return text.InlineBox{Width: out.Size.Width + ml + mr, Height: h, Baseline: base, Align: s.VerticalAlign}
}

// textAttrs reads the text component's max-lines and overflow attributes
// (spec §4.2).
func textAttrs(n *Node) (int, text.Overflow) {
	maxLines := 0
	if a, ok := n.Attr("max-lines"); ok {
		switch v := a.Value.(type) {
		case float64:
			maxLines = int(v)
		case string:
			maxLines, _ = strconv.Atoi(strings.TrimSpace(v))
		}
		if maxLines < 0 {
			maxLines = 0
		}
	}
	overflow := text.OverflowVisible
	if a, ok := n.Attr("overflow"); ok {
		switch a.Value {
		case "clip":
			overflow = text.OverflowClip
		case "ellipsis":
			overflow = text.OverflowEllipsis
		case "fade":
			overflow = text.OverflowFade
		}
	}
	return maxLines, overflow
}
