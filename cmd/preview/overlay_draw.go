package main

import (
	"image"
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/ebitenutil"
	"github.com/skyline-go/skyline/cmd/preview/internal/core"
	"github.com/skyline-go/skyline/diag"
)

// Overlay geometry in CSS px: the panel is drawn at CSS resolution and
// scaled by the DPR, so the debug font reads the same on every device.
const (
	overlayPad   = 4
	markerW      = 4 // severity bar before a message's first line
	overlayShare = 0.45
)

var (
	panelColor   = color.RGBA{0, 0, 0, 0xe0} // premultiplied: translucent black, the page faintly behind
	errorColor   = color.RGBA{0xe5, 0x39, 0x35, 0xff}
	warningColor = color.RGBA{0xf9, 0xa8, 0x25, 0xff}
)

// overlay is the error/warning panel over the bottom of the page. Its image
// is rebuilt only when its text or the device changes.
type overlay struct {
	key string
	img *ebiten.Image
}

// layoutOverlay wraps msgs for a device: the lines to draw below a summary
// heading, at most overlayShare of the window's height.
func layoutOverlay(msgs []core.Message, dev core.Device) []core.Line {
	cols := (int(dev.Width) - 2*overlayPad - markerW - 2) / core.GlyphW
	maxLines := int(float32(dev.Height)*overlayShare)/core.GlyphH - 1
	return core.WrapMessages(msgs, cols, maxLines)
}

func (o *overlay) draw(screen *ebiten.Image, msgs []core.Message, dev core.Device) {
	if len(msgs) == 0 {
		return
	}
	lines := layoutOverlay(msgs, dev)
	head := core.Summary(msgs) + "  (R reload, D dark, S shot)"
	var kb strings.Builder
	kb.WriteString(dev.String())
	kb.WriteString(head)
	for _, l := range lines {
		kb.WriteByte('\n')
		kb.WriteString(l.Text)
	}
	if key := kb.String(); key != o.key || o.img == nil {
		o.key = key
		o.build(head, lines, int(dev.Width))
	}
	ph := o.img.Bounds().Dy()
	var op ebiten.DrawImageOptions
	op.GeoM.Scale(float64(dev.DPR), float64(dev.DPR))
	_, sh := dev.Pixels()
	op.GeoM.Translate(0, float64(sh)-float64(ph)*float64(dev.DPR))
	screen.DrawImage(o.img, &op)
}

func (o *overlay) build(head string, lines []core.Line, width int) {
	if o.img != nil {
		o.img.Deallocate()
	}
	h := (len(lines)+1)*core.GlyphH + 2*overlayPad
	o.img = ebiten.NewImage(max(width, 1), h)
	o.img.Fill(panelColor)
	ebitenutil.DebugPrintAt(o.img, core.Latin1(head), overlayPad, overlayPad)
	for i, l := range lines {
		y := overlayPad + (i+1)*core.GlyphH
		if l.First {
			c := warningColor
			if l.Severity == diag.Error {
				c = errorColor
			}
			o.img.SubImage(rectXYWH(overlayPad, y+2, markerW, core.GlyphH-4)).(*ebiten.Image).Fill(c)
		}
		ebitenutil.DebugPrintAt(o.img, l.Text, overlayPad+markerW+2, y)
	}
}

func rectXYWH(x, y, w, h int) image.Rectangle { return image.Rect(x, y, x+w, y+h) }
