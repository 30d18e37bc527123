package paint

import (
	"image"

	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/layout/text"
	"github.com/skyline-go/skyline/style"
)

// Kind says what a box holds besides its own decorations and children.
type Kind uint8

const (
	Element  Kind = iota // an element: decorations, then its children
	TextRoot             // a text / span element: a paragraph over inline content (spec §3.6, §8.3)
	Text                 // anonymous text or a ::before / ::after box: a paragraph in the box's own style
	Image                // an image element: its picture is replaced content (spec §4.4)
	Scroller             // a scroll-view: the host paints its content (Tree.PaintScroller)
	Control              // a form control: the host draws what CSS cannot (ControlTree.PaintControl)
)

// Box is what paint sees of one layout box. A box that paints nothing
// (display:none when the tree was built) has a nil Style.
type Box struct {
	Kind   Kind
	Style  *style.Computed
	Layout *layout.Layout // size, border and padding in CSS px
	// X, Y is the border box's page position in CSS px, before transforms.
	X, Y     float32
	Children []layout.NodeID
	// Para is the shaped text of TextRoot and Text boxes.
	Para *text.Paragraph
	// FlatZ: the children paint in document order, their z-index ignored
	// (the direct children of a scroll-view, spec §2.7).
	FlatZ bool
}

// InlineBox is an element inside a text root that paints a box of its own
// (a tag chip inside a title, spec §3.6): a background, border or shadow.
// Its content is the paragraph items [First, End) — the Data of the glyph
// runs and inline boxes it holds — since an element's inline content is
// one stretch of its text root's paragraph.
type InlineBox struct {
	Style      *style.Computed
	First, End uint32
}

// Tree is the narrow view paint has of the host's box tree: boxes by id,
// and what only the host knows about the elements behind them — their
// pictures, which element a run of text belongs to, and how a scroll-view
// shows its on-demand content. Paint never sees the node tree.
type Tree interface {
	// Box is box id as paint sees it; ids paint names are the root's and
	// those the boxes list as Children (or the host hands to PaintBox).
	Box(id layout.NodeID) Box

	// Picture is an image element's decoded picture: nil until it is
	// loaded, or when it cannot be.
	Picture(id layout.NodeID) *image.RGBA
	// Fit is how image element id's mode fits its picture into the
	// content box (asked only when there is a picture to draw).
	Fit(id layout.NodeID) Fit
	// BackgroundImage is the decoded picture of a url() background image,
	// or nil. inline < 0 asks for box id itself; otherwise for its
	// inline-th InlineBox (the host names the element in a warning).
	BackgroundImage(id layout.NodeID, inline int, url string) *image.RGBA

	// TextOverflow is text root id's overflow attribute (spec §4.2: clip,
	// fade).
	TextOverflow(id layout.NodeID) text.Overflow
	// RunStyle is the computed style a glyph run of text root id is drawn
	// in: that of the element holding its text, or of the ::before /
	// ::after content it shows.
	RunStyle(id layout.NodeID, tl *text.Layout, r *text.GlyphRun) *style.Computed
	// RunDecoration is the text decoration that reaches run r of text root
	// id (CSS Text Decoration 3 §2: it propagates from the element that
	// declares it to the text inside), or nil.
	RunDecoration(id layout.NodeID, r *text.GlyphRun) *style.TextDecoration
	// InlineBoxes appends text root id's InlineBoxes to dst, outer
	// elements before the ones they contain (they paint under them).
	InlineBoxes(id layout.NodeID, dst []InlineBox) []InlineBox

	// PaintScroller paints a scroll-view's content — the units placed in
	// its viewport, its refresher — through p's recording methods
	// (PaintBox, PaintUnit, Fill, ClipRect …). padding is the
	// scroll-view's padding box in device px.
	PaintScroller(p *Painter, id layout.NodeID, padding raster.Rect)
}

// Painter is the paint stage's state: the display list and the buffers
// that build and execute it. Everything is reused from frame to frame, so
// a steady-state frame allocates nothing.
type Painter struct {
	// Transparent starts each frame transparent instead of the page's
	// white canvas (a host's overlay, such as the status bar drawn over a
	// custom navigation page).
	Transparent bool

	list    displayList
	canvas  *raster.Canvas
	glyphs  raster.GlyphCache
	outline glyphOutliner
	grads   gradientCache

	// Builder state (box.go), set for one Build.
	t     Tree
	vp    layout.Size // the window, CSS px
	dpr   float32
	ink   []raster.Rect // ink-bounds stack, one entry per open group
	order []zChild      // z-order scratch, used as a stack
	// inline.go scratch.
	inline []InlineBox
	frags  []inlineFrag
	sliced style.Computed
}

// pageBackground is the canvas colour under the page (spec §8.8: white,
// also in dark mode; the page element's own background paints over it).
var pageBackground = raster.Color{R: 255, G: 255, B: 255, A: 255}

// SetFonts gives the painter the faces glyph runs refer to and the device
// pixel ratio glyphs are rastered at.
func (pt *Painter) SetFonts(faces []*text.Face, dpr float32) {
	pt.outline.faces = faces
	if pt.outline.dpr != dpr {
		// The bold outset depends on the DPR, so masks do too.
		pt.glyphs.Clear()
		pt.outline.dpr = dpr
	}
}

// Execute draws the display list that Build made into dst over the page
// background. dst's bounds are device pixels of the page.
func (pt *Painter) Execute(dst *image.RGBA) {
	if pt.canvas == nil {
		pt.canvas = raster.NewCanvas(dst)
	} else {
		pt.canvas.Reset(dst)
	}
	if pt.Transparent {
		pt.canvas.Clear(raster.Color{})
	} else {
		pt.canvas.Clear(pageBackground)
	}
	pt.list.execute(pt.canvas, &pt.glyphs, &pt.outline)
}

// Len is the size of the last display list: its operations and glyphs
// (benchmarks report them).
func (pt *Painter) Len() (ops, glyphs int) { return len(pt.list.ops), len(pt.list.glyphs) }

// DPR is the device pixel ratio of the frame being built.
func (pt *Painter) DPR() float32 { return pt.dpr }
