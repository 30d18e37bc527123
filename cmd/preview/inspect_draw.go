package main

import (
	"fmt"
	"image"
	"os"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"github.com/skyline-go/skyline/cmd/preview/internal/core"
	"github.com/skyline-go/skyline/engine"
)

// inspector is the element inspector (key I, or Alt-click on the page):
// while on, the element under the pointer is outlined (margin, border,
// padding, content) and described in a panel; a click pins the element
// (the pointer no longer changes it) or unpins it. Clicks go to the
// inspector, not the page, while it is on. It draws on the window image
// after the page frame.
type inspector struct {
	on, pinned bool
	page       *engine.Page // the page node belongs to
	node       *engine.Node
	view       core.InspectView
	src        *image.RGBA
	img        *ebiten.Image
	// top and bottom are the panel's rows on screen (device px) at the
	// last draw; top < 0 when it is not shown.
	top, bottom float64
}

// inspect handles the pointer for the inspector and reports whether it
// took the input (the page must not see it).
func (g *game) inspect() bool {
	in := &g.insp
	x, y := ebiten.CursorPosition()
	dpr := float32(g.s.Dev.DPR)
	press := inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft)
	alt := ebiten.IsKeyPressed(ebiten.KeyAlt)
	if !in.on {
		if !(press && alt) {
			return false
		}
		in.on, in.pinned = true, true
		g.pick(float32(x)/dpr, float32(y)/dpr)
		return true
	}
	if shown, _ := g.s.Shown(); in.page != shown || (in.node != nil && in.node.Dead) {
		in.node, in.pinned = nil, false // reloaded, or the element left the tree
		g.redraw = true
	}
	onPanel := in.top >= 0 && float64(y) >= in.top && float64(y) < in.bottom
	if in.node != nil {
		// The arrow keys walk the tree from the element (and pin it).
		for k, m := range map[ebiten.Key]core.TreeMove{ebiten.KeyArrowUp: core.TreeParent,
			ebiten.KeyArrowDown: core.TreeFirstChild, ebiten.KeyArrowLeft: core.TreePrevSibling,
			ebiten.KeyArrowRight: core.TreeNextSibling} {
			if inpututil.IsKeyJustPressed(k) {
				g.selectNode(core.Navigate(in.node, m))
			}
		}
	}
	switch {
	case press && onPanel && in.node != nil:
		// A row of the tree view selects its element; a breadcrumb its
		// ancestor.
		px, py := float32(x)/dpr, float32((float64(y)-in.top)/float64(dpr))
		if i, ok := in.view.Row(px, py); ok {
			if rows := core.TreeRows(in.node); i < len(rows) {
				g.selectNode(rows[i].Node)
			}
			break
		}
		if i, ok := in.view.Crumb(float32(x)/dpr, float32((float64(y)-in.top)/float64(dpr))); ok {
			n := in.node
			for k := len(core.Crumbs(in.node)) - 1; k > i && n.Parent() != nil; k-- {
				n = n.Parent()
			}
			g.selectNode(n)
		}
	case press && !onPanel:
		in.pinned = !in.pinned
		g.pick(float32(x)/dpr, float32(y)/dpr)
	case !in.pinned && !onPanel:
		g.pick(float32(x)/dpr, float32(y)/dpr)
	}
	return true
}

// pick selects the element at (x, y) CSS px.
func (g *game) pick(x, y float32) {
	in := &g.insp
	var n *engine.Node
	p, top := g.s.Shown()
	if p != nil {
		n = p.HitTest(x, y-top)
	}
	if n != in.node || in.page != p {
		in.node, in.page = n, p
		in.view.Scroll = 0
		g.redraw = true
	}
}

// selectNode pins n as the inspected element.
func (g *game) selectNode(n *engine.Node) {
	in := &g.insp
	if n == nil || n == in.node {
		return
	}
	in.node, in.pinned = n, true
	in.view.Scroll = 0
	g.redraw = true
}

func (g *game) toggleInspector() {
	in := &g.insp
	in.on, in.pinned, in.node = !in.on, false, nil
	in.top = -1
	g.redraw = true
}

// drawInspector outlines the element and draws its panel: at the top of
// the window when the element is in the lower half, else at the bottom.
func (g *game) drawInspector(screen *ebiten.Image) {
	in := &g.insp
	in.top = -1
	page, pageTop := g.s.Shown()
	if !in.on || page == nil {
		return
	}
	dev := g.s.Dev
	_, sh := dev.Pixels()
	info := core.NodeInfo{}
	if in.node != nil && !in.node.Dead && in.page == page {
		info = core.Inspect(page, in.node)
		if info.HasBox {
			bm := info.Box
			bm.Y += pageTop // the page's boxes on the window, below an app's navigation bar
			for _, f := range core.OutlineOf(bm, dev.DPR).Fills() {
				r := f.R
				vector.DrawFilledRect(screen, float32(r.Min.X), float32(r.Min.Y), float32(r.Dx()), float32(r.Dy()), f.C, false)
			}
		}
	}
	pix, err := in.view.Render(info, dev)
	if err != nil {
		fmt.Fprintln(os.Stderr, "preview: inspector panel:", err)
		return
	}
	if pix != in.src {
		if in.img == nil || in.img.Bounds() != pix.Rect {
			if in.img != nil {
				in.img.Deallocate()
			}
			in.img = ebiten.NewImageWithOptions(pix.Rect, &ebiten.NewImageOptions{Unmanaged: true})
		}
		in.img.WritePixels(pix.Pix)
		in.src = pix
	}
	top := 0.0
	if !g.over.state.Open && (!info.HasBox || (info.Box.Y+info.Box.H/2)*dev.DPR < float32(sh)/2) {
		top = float64(sh - pix.Rect.Dy()) // at the bottom, unless the console is there
	}
	in.top, in.bottom = top, top+float64(pix.Rect.Dy())
	var op ebiten.DrawImageOptions
	op.GeoM.Translate(0, top)
	screen.DrawImage(in.img, &op)
}
