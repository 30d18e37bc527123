package engine

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"io/fs"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/engine/pkgfs"
	"github.com/skyline-go/skyline/imagesrc"
	"github.com/skyline-go/skyline/widgets"
)

// maxImagePixels is the decode budget per image: a decompression bomb is
// refused before its pixels are allocated (raster.DecodeImage).
const maxImagePixels = raster.DefaultMaxPixels

// imageEntry is one decoded image, or the failure to get it (img nil).
type imageEntry struct {
	img *image.RGBA
	err error
}

// imageCache holds a page's decoded images by package path, so each file
// is read and decoded once however often it is drawn or measured.
type imageCache struct {
	m map[string]*imageEntry
	// src memoises each image node's resolved src by the attribute text,
	// so measuring and painting resolve nothing in the steady state.
	src map[*Node]srcMemo
	// pixels is the decoded images' total.
	pixels int64
	// waiting holds the nodes whose remote picture is on its way, and gen
	// the loader's Generation when they were last looked at
	// (imagesArrived).
	waiting map[*Node]bool
	gen     uint64
}

type srcMemo struct {
	raw   string
	bound bool
	rel   string
	ok    bool
}

// load returns the image at the package path rel (already resolved), or
// nil. A missing, unreadable, undecodable or over-budget image is a warning
// positioned at the node that names it (spec §4.4 binderror; render-cli.md:
// the page still renders, the box stays empty).
func (c *imageCache) load(p *Page, rel string, n *Node) *imageEntry {
	if rel == "" {
		return nil
	}
	if e, ok := c.m[rel]; ok {
		return e
	}
	if c.m == nil {
		c.m = map[string]*imageEntry{}
	}
	e := &imageEntry{}
	c.m[rel] = e
	left := int64(p.Budgets().ImagePixels) - c.pixels
	scale := float64(p.Viewport().DPR) // SVG pictures: intrinsic size × DPR
	switch {
	case widgets.IsRemoteImage(rel):
		r := p.imgsrc.Load(imagesrc.Request{Src: rel, Scale: scale, MaxPixels: int(max(min(left, maxImagePixels), 1))})
		if r.Pending { // the box stays empty until it arrives
			delete(c.m, rel)
			if c.waiting == nil {
				c.waiting = map[*Node]bool{}
			}
			if n != nil {
				c.waiting[n] = true
			}
			return nil
		}
		e.img, e.err = r.Img, r.Err
	default:
		data, err := p.Pkg.Read(rel)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				err = errors.New("file does not exist")
			}
			e.err = pkgfs.UnwrapPathError(err)
			break
		}
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
			budget := int64(p.Budgets().ImagePixels)
			if px := int64(cfg.Width) * int64(cfg.Height); px <= maxImagePixels && c.pixels+px > budget {
				e.err = fmt.Errorf("page budget: %d×%d would take the page's decoded images past %d pixels; not drawn", cfg.Width, cfg.Height, budget)
				break
			}
		}
		e.img, e.err = imagesrc.Decode(rel, data, imagesrc.DecodeOptions{MaxPixels: int(max(min(left, maxImagePixels), 1)), Scale: scale})
	}
	if e.img != nil {
		c.pixels += int64(e.img.Rect.Dx()) * int64(e.img.Rect.Dy())
	}
	if e.err != nil {
		var pos diag.Pos
		if n != nil {
			pos = n.Pos
		}
		msg := e.err.Error()
		var dg diag.Diagnostic
		if errors.As(e.err, &dg) {
			msg = dg.Msg
		}
		p.warnOnce(pos, fmt.Sprintf("image %s: %s", rel, msg))
	}
	return e
}

// imagesArrived runs at the start of each Update: when the loader has
// finished fetches since the last look, the image nodes waiting for a
// remote picture are marked changed, so their boxes are laid out (widthFix)
// and painted again with it.
func (p *Page) imagesArrived() {
	c := &p.pipe.lt.images
	if len(c.waiting) == 0 || p.imgsrc.Generation() == c.gen {
		return
	}
	c.gen = p.imgsrc.Generation()
	for n := range c.waiting {
		p.MarkDirty(n, DirtyAttr)
	}
	clear(c.waiting)
}

// imageSrc resolves an image element's src attribute to a package path
// (the rules: widgets.IsRemoteImage). A literal src is relative to the file
// that wrote it; a bound one to the page; "/x" is package-absolute.
func (p *Page) imageSrc(n *Node) (string, bool) {
	a, ok := n.Attr("src")
	if !ok {
		return "", false
	}
	src, ok := widgets.ImageSrcText(a.Value)
	if !ok {
		return "", false
	}
	if widgets.IsRemoteImage(src) {
		return src, true
	}
	from := p.Path + ".wxml"
	if !a.Bound && n.Pos.File != "" {
		from = n.Pos.File
	}
	rel, err := p.Pkg.Resolve(from, src)
	if err != nil {
		p.warnOnce(n.Pos, fmt.Sprintf("image %s: %v", src, pkgfs.UnwrapPathError(err)))
		return "", false
	}
	return rel, true
}

// imageOf returns the decoded picture of an image element, or nil.
func (t *layoutTree) imageOf(n *Node) *image.RGBA {
	a, _ := n.Attr("src")
	raw, isStr := a.Value.(string)
	m, hit := t.images.src[n]
	if !hit || !isStr || m.raw != raw || m.bound != a.Bound {
		m = srcMemo{raw: raw, bound: a.Bound}
		m.rel, m.ok = t.page.imageSrc(n)
		if t.images.src == nil {
			t.images.src = map[*Node]srcMemo{}
		}
		t.images.src[n] = m
	}
	rel, ok := m.rel, m.ok
	if !ok {
		return nil
	}
	if e := t.images.load(t.page, rel, n); e != nil {
		return e.img
	}
	return nil
}

// imageModeOf parses the mode attribute (widgets.ParseImageMode); an
// unknown mode is a warning at the element and draws as scaleToFill.
func (p *Page) imageModeOf(n *Node) widgets.ImageFit {
	a, ok := n.Attr("mode")
	if !ok {
		return widgets.ImageFit{Mode: widgets.ScaleToFill}
	}
	s, _ := a.Value.(string)
	f, err := widgets.ParseImageMode(s)
	if err != nil {
		p.warnOnce(n.Pos, err.Error())
	}
	return f
}

// imageFixOf reports whether an image element sizes itself from its
// picture (widthFix / heightFix), and how. The picture is loaded for
// layout only in those modes.
func (t *layoutTree) imageFixOf(n *Node) (widgets.ImageFix, bool) {
	a, ok := n.Attr("mode")
	if !ok {
		return widgets.ImageFix{}, false
	}
	s, _ := a.Value.(string)
	m, _ := widgets.ParseImageMode(s) // an unknown mode warns when it is painted
	if !m.Mode.FixesSize() {
		return widgets.ImageFix{}, false
	}
	img := t.imageOf(n)
	if img == nil {
		return widgets.ImageFix{}, false // before (or without) a picture: the box's own size (spec §4.4)
	}
	return widgets.ImageFixOf(m.Mode, img.Rect.Dx(), img.Rect.Dy())
}
