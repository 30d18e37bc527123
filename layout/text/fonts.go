package text

import (
	"bytes"
	_ "embed"
	"sync"

	"github.com/go-text/typesetting/font"
)

// The bundled faces are the ones the reference renderer uses (Chromium with
// Debian's fonts-roboto and fonts-droid-fallback, shared/tools/page-oracle), so
// advances and line heights can be compared with its output. Provenance and
// licences: fonts/README.md.
var (
	//go:embed fonts/Roboto-Regular.ttf
	robotoRegularTTF []byte
	//go:embed fonts/Roboto-Bold.ttf
	robotoBoldTTF []byte
	//go:embed fonts/DroidSansFallback-GB2312.ttf
	droidFallbackTTF []byte
)

// Family names of the bundled faces.
const (
	FamilyRoboto        = "Roboto"
	FamilyDroidFallback = "Droid Sans Fallback"
)

// bundledFont describes one embedded file.
type bundledFont struct {
	data   []byte
	family string
	weight uint16
}

var bundledFonts = [...]bundledFont{
	{robotoRegularTTF, FamilyRoboto, 400},
	{robotoBoldTTF, FamilyRoboto, 700},
	{droidFallbackTTF, FamilyDroidFallback, 400},
}

// parsedBundled holds the parsed bundled fonts. A *font.Font is read-only and
// safe to share between goroutines, so each is parsed once per process; every
// FontSet wraps them in its own *font.Face (which caches and is not).
var parsedBundled = sync.OnceValue(func() [len(bundledFonts)]*font.Font {
	var out [len(bundledFonts)]*font.Font
	for i, b := range bundledFonts {
		f, err := font.ParseTTF(bytes.NewReader(b.data))
		if err != nil {
			// The files are embedded and covered by tests; a failure here is a
			// broken build, not bad user input.
			panic("layout/text: bundled font " + b.family + ": " + err.Error())
		}
		out[i] = f.Font
	}
	return out
})
