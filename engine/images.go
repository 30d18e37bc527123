package engine

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"io/fs"
	"strings"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/raster"
	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/style"
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
	switch {
	case strings.Contains(rel, "://") || strings.HasPrefix(rel, "data:"):
		e.err = errors.New("remote and data URLs are not loaded by the headless renderer")
	default:
		data, err := p.Pkg.Read(rel)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				err = errors.New("file does not exist")
			}
			e.err = unwrapPathError(err)
			break
		}
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
			budget := int64(p.bud.lim.withDefaults().ImagePixels)
			if px := int64(cfg.Width) * int64(cfg.Height); px <= maxImagePixels && c.pixels+px > budget {
				e.err = fmt.Errorf("page budget: %d×%d would take the page's decoded images past %d pixels; not drawn", cfg.Width, cfg.Height, budget)
				break
			}
		}
		e.img, e.err = raster.DecodeImage(rel, data, maxImagePixels)
		if e.img != nil {
			c.pixels += int64(e.img.Rect.Dx()) * int64(e.img.Rect.Dy())
		}
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

// imageSrc resolves an image element's src attribute to a package path. A
// literal src is relative to the file that wrote it; a bound one to the page
// (the data does not know where it is used); "/x" is package-absolute.
func (p *Page) imageSrc(n *Node) (string, bool) {
	a, ok := n.Attr("src")
	if !ok {
		return "", false
	}
	src := strings.TrimSpace(fmt.Sprint(a.Value))
	if s, isStr := a.Value.(string); isStr {
		src = strings.TrimSpace(s)
	}
	if src == "" || a.Value == nil {
		return "", false
	}
	if strings.Contains(src, "://") || strings.HasPrefix(src, "data:") {
		return src, true
	}
	from := p.Path + ".wxml"
	if !a.Bound && n.Pos.File != "" {
		from = n.Pos.File
	}
	rel, err := p.Pkg.Resolve(from, src)
	if err != nil {
		p.warnOnce(n.Pos, fmt.Sprintf("image %s: %v", src, unwrapPathError(err)))
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

// imageMode is the image element's mode attribute (spec §4.4).
type imageMode uint8

const (
	modeScaleToFill imageMode = iota
	modeAspectFit
	modeAspectFill
	modeWidthFix
	modeHeightFix
	modeCrop // one of the crop modes: cropX / cropY place the image
)

// imageModeOf parses the mode attribute. For the crop modes (spec §8.5)
// ax and ay are where the image sits: 0 start, 0.5 centre, 1 end.
func (p *Page) imageModeOf(n *Node) (mode imageMode, ax, ay float32) {
	a, ok := n.Attr("mode")
	if !ok {
		return modeScaleToFill, 0, 0
	}
	s, _ := a.Value.(string)
	if strings.Contains(s, "  ") || strings.TrimSpace(s) != s {
		s = strings.Join(strings.Fields(s), " ")
	}
	switch s {
	case "", "scaleToFill":
		return modeScaleToFill, 0, 0
	case "aspectFit":
		return modeAspectFit, 0, 0
	case "aspectFill":
		return modeAspectFill, 0, 0
	case "widthFix":
		return modeWidthFix, 0, 0
	case "heightFix":
		return modeHeightFix, 0, 0
	case "top":
		return modeCrop, 0.5, 0
	case "bottom":
		return modeCrop, 0.5, 1
	case "center":
		return modeCrop, 0.5, 0.5
	case "left":
		return modeCrop, 0, 0.5
	case "right":
		return modeCrop, 1, 0.5
	case "top left":
		return modeCrop, 0, 0
	case "top right":
		return modeCrop, 1, 0
	case "bottom left":
		return modeCrop, 0, 1
	case "bottom right":
		return modeCrop, 1, 1
	}
	p.warnOnce(n.Pos, fmt.Sprintf("image mode %q is not supported: drawn as scaleToFill", s))
	return modeScaleToFill, 0, 0
}

// imageFix is how an image box's size follows its picture (spec §4.4
// widthFix / heightFix, §8.5: once the natural size is known).
type imageFix struct {
	mode  imageMode // modeWidthFix or modeHeightFix; anything else: none
	ratio float32   // natural height / width
}

// imageFixOf reports whether an image element sizes itself from its
// picture, and the picture's aspect ratio.
func (t *layoutTree) imageFixOf(n *Node) (imageFix, bool) {
	a, ok := n.Attr("mode")
	if !ok {
		return imageFix{}, false
	}
	s, _ := a.Value.(string)
	s = strings.TrimSpace(s)
	if s != "widthFix" && s != "heightFix" {
		return imageFix{}, false
	}
	img := t.imageOf(n)
	if img == nil || img.Rect.Dx() == 0 {
		return imageFix{}, false // before (or without) a picture: the box's own size (spec §4.4)
	}
	f := imageFix{mode: modeWidthFix, ratio: float32(img.Rect.Dy()) / float32(img.Rect.Dx())}
	if s == "heightFix" {
		f.mode = modeHeightFix
	}
	return f, true
}

// fixedImageStyle returns the style layout should see for a widthFix /
// heightFix image: the fixed axis becomes auto so that measureImage sizes
// it from the other one, or, when the other axis is a plain px length, the
// px size itself (so that a flex container does not stretch it — the
// reference renderer writes the size as an explicit value too).
func fixedImageStyle(dst, src *style.Computed, f imageFix) {
	*dst = *src
	pbx := edgesPx(src.Padding.Left, src.Padding.Right) + src.Border[1].Width + src.Border[3].Width
	pby := edgesPx(src.Padding.Top, src.Padding.Bottom) + src.Border[0].Width + src.Border[2].Width
	cb := src.BoxSizing == style.ContentBox
	if f.mode == modeWidthFix {
		dst.Height, dst.MinHeight, dst.MaxHeight = style.Auto, style.Auto, style.None
		if w, ok := src.Width.Resolve(0, false); ok && !src.Padding.Left.HasPct() && !src.Padding.Right.HasPct() {
			cw := w
			if !cb {
				cw -= pbx
			}
			h := max(cw, 0) * f.ratio
			if !cb {
				h += pby
			}
			dst.Height = style.Px(h)
		}
	} else {
		dst.Width, dst.MinWidth, dst.MaxWidth = style.Auto, style.Auto, style.None
		if h, ok := src.Height.Resolve(0, false); ok && !src.Padding.Top.HasPct() && !src.Padding.Bottom.HasPct() {
			ch := h
			if !cb {
				ch -= pby
			}
			w := max(ch, 0) / f.ratio
			if !cb {
				w += pbx
			}
			dst.Width = style.Px(w)
		}
	}
	dst.AspectRatio = 0
}

func edgesPx(a, b style.Length) float32 { return a.ResolveOr(0, false, 0) + b.ResolveOr(0, false, 0) }

// measureImage sizes a widthFix / heightFix image's content box from the
// known axis and the picture's ratio.
func measureImage(f imageFix) layout.MeasureFunc {
	return func(known layout.MaybeSize, avail layout.AvailableSize) (layout.Size, layout.Maybe) {
		if f.mode == modeWidthFix {
			w := known.Width.Or(avail.Width.Value)
			if !known.Width.Ok && avail.Width.Kind != layout.Definite {
				w = 0
			}
			return layout.Size{Width: w, Height: w * f.ratio}, layout.Maybe{}
		}
		h := known.Height.Or(avail.Height.Value)
		if !known.Height.Ok && avail.Height.Kind != layout.Definite {
			h = 0
		}
		return layout.Size{Width: h / f.ratio, Height: h}, layout.Maybe{}
	}
}
