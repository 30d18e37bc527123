package text

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/segmenter"
	"github.com/go-text/typesetting/shaping"

	"github.com/skyline-go/skyline/diag"
)

// FontSet is the set of faces a page can use: the bundled Roboto (regular,
// bold) and Droid Sans Fallback subset, plus faces registered from @font-face
// files. It resolves CSS family lists, picks a face per character (Latin from
// Roboto, CJK from Droid), shapes, and caches shaping results.
//
// A FontSet is not safe for concurrent use (go-text faces cache internally);
// give each goroutine its own. The zero value is not usable: call NewFontSet.
type FontSet struct {
	faces    []*Face
	byFamily map[string][]*Face // lower-cased family name
	// lastResort ends every family list, as a browser's default and system
	// fallback fonts do: Roboto for Latin, Droid Sans Fallback for CJK.
	lastResort []string

	chains map[string]*faceChain
	keyBuf []byte

	shaper    shaping.HarfbuzzShaper
	shapes    map[shapeKey][]shapedGlyph
	seg       segmenter.Segmenter
	ellipsis  []rune
	shapeRuns []rune
}

// maxShapeCache bounds the shaping cache; it is dropped wholesale when full
// (pages repeat their strings, so it refills with what is in use).
const maxShapeCache = 8192

// NewFontSet returns a FontSet holding the bundled faces.
func NewFontSet() *FontSet {
	fs := &FontSet{
		byFamily:   map[string][]*Face{},
		chains:     map[string]*faceChain{},
		shapes:     map[shapeKey][]shapedGlyph{},
		lastResort: []string{strings.ToLower(FamilyRoboto), strings.ToLower(FamilyDroidFallback)},
		ellipsis:   []rune{'…'},
	}
	for i, f := range parsedBundled() {
		b := bundledFonts[i]
		fs.addFace(newFace(f, b.family, b.weight, false, len(fs.faces)))
	}
	return fs
}

func (fs *FontSet) addFace(f *Face) {
	fs.faces = append(fs.faces, f)
	k := strings.ToLower(f.Family)
	fs.byFamily[k] = append(fs.byFamily[k], f)
	clear(fs.chains) // resolution may change
}

// AddFace registers an @font-face: the TrueType/OpenType bytes data under
// family, weight (100..900) and style. A file that does not parse is reported
// at pos and nothing is registered. For a collection the first face is used.
func (fs *FontSet) AddFace(family string, weight uint16, italic bool, data []byte, pos diag.Pos) (*Face, error) {
	family = strings.TrimSpace(family)
	if family == "" {
		return nil, diag.Diagnostic{Pos: pos, Severity: diag.Error, Msg: "@font-face without a font-family name"}
	}
	faces, err := parseFontSafe(data)
	if err != nil {
		return nil, diag.Diagnostic{Pos: pos, Severity: diag.Error, Msg: "@font-face " + strconv.Quote(family) + ": cannot read font: " + err.Error()}
	}
	f := newFace(faces, family, clampWeight(weight), italic, len(fs.faces))
	fs.addFace(f)
	return f, nil
}

// parseFontSafe parses data, turning a panic inside the parser on hostile
// input into an error: bad input must never take the page down.
func parseFontSafe(data []byte) (f *font.Font, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, errString("malformed font data")
		}
	}()
	faces, err := font.ParseTTC(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if len(faces) == 0 {
		return nil, errString("no face in file")
	}
	return faces[0].Font, nil
}

type errString string

func (e errString) Error() string { return string(e) }

// Faces returns every registered face, bundled ones first.
func (fs *FontSet) Faces() []*Face { return fs.faces }

func clampWeight(w uint16) uint16 {
	switch {
	case w == 0:
		return 400
	case w < 100:
		return 100
	case w > 900:
		return 900
	}
	return w
}

// faceChoice is a face picked for a requested style, with the synthesis it
// needs to look like it.
type faceChoice struct {
	face                         *Face
	syntheticBold, syntheticSkew bool
}

// faceChain is a resolved family list: the faces to try, in order, for each
// character. choices[0] is the primary face (its metrics drive
// `line-height: normal`, and it draws characters no face has as .notdef).
type faceChain struct {
	choices []faceChoice
}

// genericFamilies map to the bundled faces: they are all the machine has, as
// on the reference renderer.
var genericFamilies = map[string]bool{
	"sans-serif": true, "serif": true, "monospace": true, "cursive": true,
	"fantasy": true, "system-ui": true, "ui-sans-serif": true, "ui-serif": true,
	"ui-monospace": true, "math": true, "emoji": true,
}

// resolve returns the chain for a family list, weight and style (cached).
func (fs *FontSet) resolve(families []string, weight uint16, italic bool) *faceChain {
	weight = clampWeight(weight)
	k := fs.keyBuf[:0]
	for _, f := range families {
		k = append(k, f...)
		k = append(k, 0)
	}
	k = strconv.AppendUint(k, uint64(weight), 10)
	if italic {
		k = append(k, 'i')
	}
	fs.keyBuf = k
	if c, ok := fs.chains[string(k)]; ok {
		return c
	}
	c := &faceChain{}
	add := func(name string) {
		faces := fs.byFamily[name]
		if len(faces) == 0 {
			return
		}
		ch := matchFace(faces, weight, italic)
		for _, have := range c.choices {
			if have.face == ch.face {
				return
			}
		}
		c.choices = append(c.choices, ch)
	}
	for _, f := range families {
		name := strings.ToLower(strings.Trim(strings.TrimSpace(f), `"'`))
		if genericFamilies[name] {
			for _, d := range fs.lastResort {
				add(d)
			}
			continue
		}
		add(name)
	}
	for _, d := range fs.lastResort {
		add(d)
	}
	fs.chains[string(k)] = c
	return c
}

// matchFace picks from one family's faces by the CSS Fonts 4 §5.2 matching
// order: style first (italic wanted → italic faces if any), then weight.
func matchFace(faces []*Face, weight uint16, italic bool) faceChoice {
	var pool []*Face
	for _, f := range faces {
		if f.Italic == italic {
			pool = append(pool, f)
		}
	}
	if len(pool) == 0 {
		pool = faces
	}
	best := pool[0]
	for _, f := range pool[1:] {
		if betterWeight(f.Weight, best.Weight, weight) {
			best = f
		}
	}
	return faceChoice{
		face: best,
		// Chromium synthesises bold when 600+ is asked of a face below 600,
		// and oblique when italic is asked of an upright face.
		syntheticBold: weight >= 600 && best.Weight < 600,
		syntheticSkew: italic && !best.Italic,
	}
}

// betterWeight reports whether face weight a is a better match than b for
// the desired weight w (CSS Fonts 4 §5.2 step 4).
func betterWeight(a, b, w uint16) bool {
	rank := func(x uint16) int {
		d := int(x) - int(w)
		switch {
		case w >= 400 && w <= 500:
			// w..500 ascending, then below w descending, then above 500 ascending.
			switch {
			case x >= w && x <= 500:
				return d
			case x < w:
				return 1000 - d
			default:
				return 2000 + d
			}
		case w < 400:
			if x <= w {
				return -d
			}
			return 1000 + d
		default:
			if x >= w {
				return d
			}
			return 1000 - d
		}
	}
	return rank(a) < rank(b)
}

// faceFor picks the face for rune r: the first in the chain that has it, as
// Chromium's per-character font fallback does (so a space between Hanzi is a
// Roboto space), except that marks and joiners stay with their base's face cur.
// Characters no face has go to the primary face, whose .notdef shows them.
func (c *faceChain) faceFor(r rune, cur int) int {
	if cur >= 0 && cur < len(c.choices) && isNeutral(r) && c.choices[cur].face.HasGlyph(r) {
		return cur
	}
	for i, ch := range c.choices {
		if ch.face.HasGlyph(r) {
			return i
		}
	}
	if cur >= 0 && isNeutral(r) {
		return cur
	}
	return 0
}

// PrimaryFace returns the first available face for a text style: the face
// whose metrics make an inline box's content area (what a browser reports
// as an inline element's height) and `line-height: normal`, whichever face
// actually draws each character.
func (fs *FontSet) PrimaryFace(st TextStyle) *Face {
	c := fs.resolve(st.Families, st.Weight, st.Italic)
	if len(c.choices) == 0 {
		return nil
	}
	return c.choices[0].face
}
