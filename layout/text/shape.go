package text

import (
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// shapedGlyph is one glyph of a shaping result, in font units, independent of
// the font size: shaping is done once at the face's units-per-em (go-text's
// shaper rounds the requested size up to a whole px, which would skew
// fractional sizes such as 13.44px from rpx), and scaled per use.
type shapedGlyph struct {
	id         GlyphID
	cluster    int32 // rune index within the shaped text
	adv        float32
	xoff, yoff float32 // yoff up, as in the font
}

type shapeKey struct {
	text   string
	face   *Face
	script language.Script
	noLiga bool
}

var (
	tagLiga = opentype.MustNewTag("liga")
	tagClig = opentype.MustNewTag("clig")
	// Chromium turns common ligatures off when letter-spacing is non-zero
	// (CSS Text 3 §8.2), so spaced "fi" stays two letters.
	noLigatures = []shaping.FontFeature{{Tag: tagLiga, Value: 0}, {Tag: tagClig, Value: 0}}
)

var langZh, langEn = language.NewLanguage("zh-cn"), language.NewLanguage("en")

// shape returns the glyphs of runes in face (cached per text, face, script).
// The result is shared: callers must not modify it.
func (fs *FontSet) shape(runes []rune, face *Face, script language.Script, noLiga bool) []shapedGlyph {
	k := shapeKey{text: string(runes), face: face, script: script, noLiga: noLiga}
	if g, ok := fs.shapes[k]; ok {
		return g
	}
	in := shaping.Input{
		Text:      runes,
		RunStart:  0,
		RunEnd:    len(runes),
		Direction: di.DirectionLTR,
		Face:      face.face,
		Size:      fixed.I(int(face.upem)),
		Script:    script,
		Language:  langEn,
	}
	if script == language.Han {
		in.Language = langZh
	}
	if noLiga {
		in.FontFeatures = noLigatures
	}
	out := fs.shaper.ShapeNoExtents(in)
	gs := make([]shapedGlyph, len(out.Glyphs))
	for i, g := range out.Glyphs {
		gs[i] = shapedGlyph{
			id:      g.GlyphID,
			cluster: int32(g.ClusterIndex),
			adv:     fixedToF(g.XAdvance),
			xoff:    fixedToF(g.XOffset),
			yoff:    fixedToF(g.YOffset),
		}
	}
	if len(fs.shapes) >= maxShapeCache {
		clear(fs.shapes)
	}
	fs.shapes[k] = gs
	return gs
}

func fixedToF(v fixed.Int26_6) float32 { return float32(v) / 64 }
