package style

import (
	"strings"
	"testing"

	"github.com/skyline-go/skyline/diag"
)

// FuzzParseDeclaration checks that no name/value pair panics or hangs, in
// parsing or in computing (with var() resolved against a parent that
// declares custom properties), and that every rejection is positioned.
func FuzzParseDeclaration(f *testing.F) {
	seeds := [][2]string{
		{"width", "calc(100% - (2 * 10rpx))"},
		{"margin", "0 auto var(--x, 1px)"},
		{"background", "url(a.png) right 10px bottom / cover no-repeat, linear-gradient(to top left, red 0 10%, blue)"},
		{"background-image", "radial-gradient(circle 10px at 20% 30%, red 0%, blue 100%)"},
		{"transform", "matrix3d(1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1) rotate3d(1,1,1,1turn)"},
		{"font", "italic 700 12px/1.5 \"A B\", serif"},
		{"color", "hsl(120deg 50% 50% / .5)"},
		{"--x", "var(--x)"},
		{"animation", "a 1s steps(3, end) infinite alternate both"},
		{"border-radius", "1px 2px / 3px"},
		{"content", "\"\\41 x\""},
		{"width", "calc(((((((1px)))))))"},
		{"box-shadow", "inset 0 0 1px currentColor, 1px 1px red"},
		{"filter", "blur(calc(1px + 1em))"},
		{"width", "var(--a"},
		{"width", "\"unterminated"},
		{"aspect-ratio", "16 / 9"},
		{"width", "clamp(10px, calc(50% - max(2rpx, 1vw)), min(300px, 90%))"},
		{"padding-bottom", "max(12px, env(safe-area-inset-bottom, 3px))"},
		{"top", "constant(safe-area-inset-top)"},
		{"flex-grow", "min(1, max(2, 3))"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	parent := Initial(testEnv)
	parent.Vars = &Vars{Names: []string{"--x", "--y"}, Values: []string{"1px 2px", "var(--x)"}}
	pos := diag.Pos{File: "f.wxss", Line: 2, Col: 5}
	f.Fuzz(func(t *testing.T, name, value string) {
		if len(value) > 4096 {
			return
		}
		decls, ds := ParseDeclaration(name, value, false, pos, testEnv, "pages/a.wxss")
		for _, d := range ds {
			if d.Pos != pos || !strings.Contains(d.Msg, "\"") {
				t.Fatalf("badly positioned or unnamed diagnostic: %v", d)
			}
		}
		ptrs := make([]*Declared, len(decls))
		for i := range decls {
			ptrs[i] = &decls[i]
		}
		var out Computed
		var l diag.List
		ComputeInto(&out, &parent, ptrs, testEnv, &l)
		ParseInlineStyle(name+":"+value, pos, testEnv, "")
	})
}
