package widgets

import (
	"fmt"
	"strings"

	"github.com/skyline-go/skyline/layout"
	"github.com/skyline-go/skyline/style"
)

// The image component (spec §4.4): its attributes with WeChat's defaults,
// the mode attribute's fourteen modes, how widthFix / heightFix size the box
// from the picture, and which src values name a package file. Loading and
// decoding the picture stay with the host, behind its package sandbox: this
// file sees only the src text, the mode text and the natural size.

// imageDefaultSize is an image's size when the author sets none: 320 × 240
// px (spec §8.5, WebView's documented default).
const imageDefaultSize = "width: 320px; height: 240px;"

// Image is the image component's unit.
var Image = Component{
	Spec:         Spec{Tag: "image", Support: Basic, Kind: Replaced},
	Attributes:   ImageAttributes,
	DefaultStyle: imageDefaultSize,
}

// CoverImage is cover-image: an image that may sit over native components;
// a software renderer draws it as an image, with the same default size.
var CoverImage = Component{
	Spec:         Spec{Tag: "cover-image", Support: Basic, Kind: Replaced},
	DefaultStyle: imageDefaultSize,
}

// ImageAttributes are the image component's own attributes (spec §4.4) with
// WeChat's defaults, in the order the documentation lists them. Only src
// and mode change what a page renders; the rest are listed so that a page
// using them is not a surprise (Skyline lazy-loads by default, so lazy-load
// is the WebView's only).
var ImageAttributes = []Attribute{
	{Name: "src", Type: AttrString, Default: ""},
	{Name: "mode", Type: AttrString, Default: "scaleToFill"},
	{Name: "lazy-load", Type: AttrBool, Default: "false"},
	{Name: "fade-in", Type: AttrBool, Default: "false"},
	{Name: "preload", Type: AttrBool, Default: "false"},
	{Name: "show-menu-by-longpress", Type: AttrBool, Default: "false"},
}

// ImageMode is the image element's mode attribute (spec §4.4), grouped by
// what it does to the picture.
type ImageMode uint8

const (
	ScaleToFill ImageMode = iota // stretch to the content box
	AspectFit                    // contain, centred
	AspectFill                   // cover, centred, clipped
	WidthFix                     // width stays; the box's height follows the picture
	HeightFix                    // height stays; the box's width follows the picture
	Crop                         // one of the nine crop modes: no scaling, Fit.X / Fit.Y place it
)

// ImageFit is a parsed mode attribute. For Crop, X and Y are where the
// picture sits in the box on each axis (spec §8.5): 0 start, 0.5 centre,
// 1 end; they are 0 for every other mode.
type ImageFit struct {
	Mode ImageMode
	X, Y float32
}

// imageModes are the fourteen values of mode (spec §4.4).
var imageModes = map[string]ImageFit{
	"scaleToFill":  {Mode: ScaleToFill},
	"aspectFit":    {Mode: AspectFit},
	"aspectFill":   {Mode: AspectFill},
	"widthFix":     {Mode: WidthFix},
	"heightFix":    {Mode: HeightFix},
	"top":          {Crop, 0.5, 0},
	"bottom":       {Crop, 0.5, 1},
	"center":       {Crop, 0.5, 0.5},
	"left":         {Crop, 0, 0.5},
	"right":        {Crop, 1, 0.5},
	"top left":     {Crop, 0, 0},
	"top right":    {Crop, 1, 0},
	"bottom left":  {Crop, 0, 1},
	"bottom right": {Crop, 1, 1},
}

// ParseImageMode reads the text of a mode attribute. Surrounding white
// space and runs of spaces are ignored; "" is the default, scaleToFill. An
// unknown mode is drawn as scaleToFill and the error says so (the host
// reports it as a warning at the element).
func ParseImageMode(s string) (ImageFit, error) {
	if strings.Contains(s, "  ") || strings.TrimSpace(s) != s {
		s = strings.Join(strings.Fields(s), " ")
	}
	if s == "" {
		return ImageFit{Mode: ScaleToFill}, nil
	}
	if f, ok := imageModes[s]; ok {
		return f, nil
	}
	return ImageFit{Mode: ScaleToFill}, fmt.Errorf("image mode %q is not supported: drawn as scaleToFill", s)
}

// ImageFix is how an image box's size follows its picture (spec §4.4
// widthFix / heightFix, §8.5: once the natural size is known).
type ImageFix struct {
	Mode  ImageMode // WidthFix or HeightFix
	Ratio float32   // natural height / width
}

// FixesSize reports whether mode sizes the box from the picture, so that
// the host need load the picture for layout only then.
func (m ImageMode) FixesSize() bool { return m == WidthFix || m == HeightFix }

// ImageFixOf returns how an image in mode with a picture of the natural
// size w × h sizes its box; ok is false when the box keeps its own size:
// another mode, or no picture yet (w == 0; spec §4.4: before the image has
// loaded, the default or explicit size).
func ImageFixOf(mode ImageMode, w, h int) (f ImageFix, ok bool) {
	if !mode.FixesSize() || w == 0 {
		return ImageFix{}, false
	}
	return ImageFix{Mode: mode, Ratio: float32(h) / float32(w)}, true
}

// FixedStyle writes to dst the style layout should see for a widthFix /
// heightFix image whose own style is src: the fixed axis becomes auto so
// that Measure sizes it from the other one, or, when the other axis is a
// plain px length, the px size itself (so that a flex container does not
// stretch it — the reference renderer writes the size as an explicit value
// too).
func (f ImageFix) FixedStyle(dst, src *style.Computed) {
	*dst = *src
	pbx := edgesPx(src.Padding.Left, src.Padding.Right) + src.Border[1].Width + src.Border[3].Width
	pby := edgesPx(src.Padding.Top, src.Padding.Bottom) + src.Border[0].Width + src.Border[2].Width
	cb := src.BoxSizing == style.ContentBox
	if f.Mode == WidthFix {
		dst.Height, dst.MinHeight, dst.MaxHeight = style.Auto, style.Auto, style.None
		if w, ok := src.Width.Resolve(0, false); ok && !src.Padding.Left.HasPct() && !src.Padding.Right.HasPct() {
			cw := w
			if !cb {
				cw -= pbx
			}
			h := max(cw, 0) * f.Ratio
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
			w := max(ch, 0) / f.Ratio
			if !cb {
				w += pbx
			}
			dst.Width = style.Px(w)
		}
	}
	dst.AspectRatio = 0
}

func edgesPx(a, b style.Length) float32 { return a.ResolveOr(0, false, 0) + b.ResolveOr(0, false, 0) }

// Measure sizes a widthFix / heightFix image's content box from the known
// axis and the picture's ratio: the image plugs into layout as a measured
// leaf.
func (f ImageFix) Measure() layout.MeasureFunc {
	return func(known layout.MaybeSize, avail layout.AvailableSize) (layout.Size, layout.Maybe) {
		if f.Mode == WidthFix {
			w := known.Width.Or(avail.Width.Value)
			if !known.Width.Ok && avail.Width.Kind != layout.Definite {
				w = 0
			}
			return layout.Size{Width: w, Height: w * f.Ratio}, layout.Maybe{}
		}
		h := known.Height.Or(avail.Height.Value)
		if !known.Height.Ok && avail.Height.Kind != layout.Definite {
			h = 0
		}
		return layout.Size{Width: h / f.Ratio, Height: h}, layout.Maybe{}
	}
}

// ImageSrcText is the text of a src attribute's value, trimmed; ok is false
// when it names nothing (no value, or only white space).
func ImageSrcText(v any) (src string, ok bool) {
	if v == nil {
		return "", false
	}
	if s, isStr := v.(string); isStr {
		src = strings.TrimSpace(s)
	} else {
		src = strings.TrimSpace(fmt.Sprint(v))
	}
	return src, src != ""
}

// IsRemoteImage reports whether src is a URL (http, https, wxfile, …) or a
// data: URL rather than a package path. The engine hands these to
// imagesrc (data: URLs decoded, http(s) fetched unless offline); a host
// resolves only the other srcs against its package. A
// literal src is relative to the file that wrote it, a bound one to the
// page (the data does not know where it is used), and "/x" is
// package-absolute.
func IsRemoteImage(src string) bool {
	return strings.Contains(src, "://") || strings.HasPrefix(src, "data:")
}
