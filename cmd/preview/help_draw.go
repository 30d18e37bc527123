package main

import (
	"image/color"
	"slices"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/ebitenutil"

	"github.com/skyline-go/skyline/cmd/preview/internal/core"
)

// helpLines is the key list the ? key shows over the page.
var helpLines = []string{
	"skyline preview - keys",
	"",
	"F        frame-time overlay",
	"C or `   console and messages",
	"I        element inspector (or Alt-click)",
	"         click pins / unpins the element",
	"R        reload everything (app.js, data)",
	"D        dark mode",
	"S        screenshot",
	"1 2 3    device presets",
	"Esc      leave a tool, else quit",
	"Q        quit",
	"?        this list",
	"",
	"Saving a file: .wxss restyles in place,",
	".wxml rebuilds with the current data,",
	".js reloads the scripts.",
}

// helpPressed reports whether '?' was typed this tick.
func helpPressed() bool { return slices.Contains(ebiten.AppendInputChars(nil), '?') }

// drawHelp draws the key list in the middle of the window (CSS px scaled
// by the DPR, as the other debug-font overlays).
func (g *game) drawHelp(screen *ebiten.Image) {
	if g.help == nil {
		w := 0
		for _, l := range helpLines {
			w = max(w, len(l))
		}
		g.help = ebiten.NewImage(w*core.GlyphW+16, len(helpLines)*core.GlyphH+12)
		g.help.Fill(color.RGBA{0x10, 0x10, 0x10, 0xe8})
		ebitenutil.DebugPrintAt(g.help, strings.Join(helpLines, "\n"), 8, 6)
	}
	dev := g.s.Dev
	sw, sh := dev.Pixels()
	b := g.help.Bounds()
	dpr := float64(dev.DPR)
	var op ebiten.DrawImageOptions
	op.GeoM.Scale(dpr, dpr)
	op.GeoM.Translate((float64(sw)-float64(b.Dx())*dpr)/2, (float64(sh)-float64(b.Dy())*dpr)/2)
	screen.DrawImage(g.help, &op)
}
