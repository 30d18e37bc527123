package main

import (
	"fmt"
	"image"
	"image/color"
	"os"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/ebitenutil"

	"github.com/skyline-go/skyline/cmd/preview/internal/core"
)

// Badge geometry in CSS px (the debug font's cell is core.GlyphW ×
// core.GlyphH; the badge is scaled by the DPR).
const badgePad = 4

var (
	badgeColor = color.RGBA{0x20, 0x20, 0x20, 0xd8} // premultiplied
	errorColor = color.RGBA{0xe5, 0x39, 0x35, 0xff}
)

// overlay is the console and messages panel (key C or `) over the bottom
// of the page: drawn on the window image after the page frame, never into
// it. Closed, a one-line badge at the bottom left counts the errors and
// warnings. Images are rebuilt only when their content changes.
type overlay struct {
	view  core.ConsoleView
	state core.ConsolePanel
	src   *image.RGBA // the panel image last uploaded
	img   *ebiten.Image
	// top is the panel's top edge in screen (device) px, -1 when the
	// panel is not shown: presses and the wheel below it are the panel's.
	top      float64
	badge    *ebiten.Image
	badgeKey string
}

// sync opens or closes the panel for the entries' errors; it reports
// whether that changed.
func (o *overlay) sync(entries []core.Entry) bool {
	errs, _, _ := core.Counts(entries)
	return o.state.Sync(errs)
}

func (o *overlay) toggle(entries []core.Entry) {
	errs, _, _ := core.Counts(entries)
	o.state.Toggle(errs)
}

func (o *overlay) draw(screen *ebiten.Image, entries []core.Entry, dev core.Device) {
	o.top = -1
	_, sh := dev.Pixels()
	if !o.state.Open {
		o.drawBadge(screen, entries, dev, sh)
		return
	}
	pix, err := o.view.Render(entries, dev)
	if err != nil {
		fmt.Fprintln(os.Stderr, "preview: console panel:", err)
		return
	}
	if pix != o.src {
		if o.img == nil || o.img.Bounds() != pix.Rect {
			if o.img != nil {
				o.img.Deallocate()
			}
			o.img = ebiten.NewImageWithOptions(pix.Rect, &ebiten.NewImageOptions{Unmanaged: true})
		}
		o.img.WritePixels(pix.Pix)
		o.src = pix
	}
	o.top = float64(sh - pix.Rect.Dy())
	var op ebiten.DrawImageOptions
	op.GeoM.Translate(0, o.top)
	screen.DrawImage(o.img, &op)
}

// drawBadge draws "2 errors, 1 warning  C console" at the bottom left
// when there are errors or warnings and the panel is closed.
func (o *overlay) drawBadge(screen *ebiten.Image, entries []core.Entry, dev core.Device, sh int) {
	errs, warns, _ := core.Counts(entries)
	if errs+warns == 0 {
		return
	}
	var msgs []core.Message
	for _, e := range entries {
		if e.Level == core.LevelError {
			msgs = append(msgs, core.Message{Severity: 1})
		} else if e.Level == core.LevelWarning {
			msgs = append(msgs, core.Message{})
		}
	}
	text := core.Summary(msgs) + "  C console"
	if text != o.badgeKey || o.badge == nil {
		if o.badge != nil {
			o.badge.Deallocate()
		}
		o.badgeKey = text
		o.badge = ebiten.NewImage(len(text)*core.GlyphW+2*badgePad+3, core.GlyphH+2)
		o.badge.Fill(badgeColor)
		if errs > 0 {
			o.badge.SubImage(image.Rect(0, 0, 3, core.GlyphH+2)).(*ebiten.Image).Fill(errorColor)
		}
		ebitenutil.DebugPrintAt(o.badge, text, badgePad+3, 0)
	}
	var op ebiten.DrawImageOptions
	op.GeoM.Scale(float64(dev.DPR), float64(dev.DPR))
	op.GeoM.Translate(0, float64(sh)-float64(o.badge.Bounds().Dy())*float64(dev.DPR))
	screen.DrawImage(o.badge, &op)
}

// onPanel reports whether screen row y (device px) is on the shown panel.
func (o *overlay) onPanel(y int) bool { return o.top >= 0 && float64(y) >= o.top }
