package core

import (
	"fmt"
	"image"
	"os"
	"path/filepath"

	"github.com/skyline-go/skyline/engine"
)

// miniPage is one of the preview's own pages (the console and inspector
// panels): markup and styles written to a private directory and loaded by
// the engine, so the panels' text goes through the engine's text stack
// and bundled fonts.
type miniPage struct {
	dir  string
	page *engine.Page
}

// ensure loads the page on first use.
func (m *miniPage) ensure(name, wxml, wxss string, data map[string]any) error {
	if m.page != nil {
		return nil
	}
	dir, err := os.MkdirTemp("", "skyline-preview-"+name+"-")
	if err != nil {
		return err
	}
	for file, src := range map[string]string{"index.wxml": wxml, "index.wxss": wxss} {
		if err := os.WriteFile(filepath.Join(dir, file), []byte(src), 0o644); err != nil {
			os.RemoveAll(dir)
			return err
		}
	}
	p, err := engine.Load(dir, engine.LoadOptions{Data: data})
	if err != nil {
		os.RemoveAll(dir)
		return err
	}
	if ds := p.Diagnostics(); len(ds) > 0 {
		fmt.Fprintf(os.Stderr, "preview: %s panel: %v\n", name, ds)
	}
	m.dir, m.page = dir, p
	return nil
}

func (m *miniPage) close() {
	if m.dir != "" {
		os.RemoveAll(m.dir)
	}
	*m = miniPage{}
}

func (m *miniPage) find(id string) *engine.Node {
	var out *engine.Node
	m.page.Root().Walk(func(n *engine.Node) bool {
		if out == nil && n.Kind == engine.ElementNode && n.ID() == id {
			out = n
		}
		return out == nil
	})
	return out
}

func (m *miniPage) height(id string) float32 {
	_, _, _, h, _ := m.page.BorderBox(m.find(id))
	return h
}

// hits reports whether (x, y) CSS px lands on the element id or inside it.
func (m *miniPage) hits(id string, x, y float32) bool {
	if m.page == nil {
		return false
	}
	for n := m.page.HitTest(x, y); n != nil; n = n.Parent() {
		if n.ID() == id {
			return true
		}
	}
	return false
}

// renderScrolled lays the page out at dev's width and at most maxH CSS px
// tall, with its #body cut to what fits below the rest of #panel and its
// #list scrolled by *scroll (clamped; the body's style and the list's
// offset are bound to the data fields bodyStyle and scroll). It returns
// the panel's pixels (device px, the panel's height) and the furthest the
// list scrolls.
func (m *miniPage) renderScrolled(data map[string]any, dev Device, maxH float32, scroll *float32) (*image.RGBA, float32, error) {
	vp := engine.Viewport{Width: dev.Width, Height: maxH, DPR: dev.DPR}
	m.page.SetViewport(vp)
	data["bodyStyle"], data["scroll"] = "", 0
	if err := m.page.SetData(data); err != nil {
		return nil, 0, err
	}
	m.page.Update()
	panel, list := m.height("panel"), m.height("list")
	rest := panel - m.height("body")
	bodyH := max(min(list, maxH-rest), 0)
	maxScroll := max(list-bodyH, 0)
	*scroll = min(max(*scroll, 0), maxScroll)
	if err := m.page.SetData(map[string]any{"bodyStyle": fmt.Sprintf("height: %gpx", bodyH), "scroll": *scroll}); err != nil {
		return nil, 0, err
	}
	m.page.Update()
	h := min(max(m.height("panel"), rest), maxH)
	full := image.NewRGBA(image.Rect(0, 0, int(dev.Width*dev.DPR), int(maxH*dev.DPR)))
	m.page.Render(full)
	return cloneRGBA(full.SubImage(image.Rect(0, 0, full.Rect.Dx(), int(h*dev.DPR+0.5))).(*image.RGBA)), maxScroll, nil
}

func cloneRGBA(src *image.RGBA) *image.RGBA {
	b := src.Rect
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := 0; y < b.Dy(); y++ {
		copy(dst.Pix[y*dst.Stride:y*dst.Stride+4*b.Dx()], src.Pix[src.PixOffset(b.Min.X, b.Min.Y+y):])
	}
	return dst
}
