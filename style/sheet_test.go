package style

import (
	"fmt"
	"strings"
	"testing"
)

// ruleSummary lists the surviving rules as "selector{n}" (n declarations),
// with a "dark:" / "light:" prefix for media-conditioned ones.
func ruleSummary(sh *Sheet) string {
	var parts []string
	for _, r := range sh.Rules {
		s := r.Selector.String() + "{" + string(rune('0'+len(r.Decls))) + "}"
		switch r.Media {
		case MediaDark:
			s = "dark:" + s
		case MediaLight:
			s = "light:" + s
		case MediaNever:
			s = "never:" + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// TestSheetRecovery feeds malformed sheets: each yields file:line:col
// diagnostics, never panics, and the rest of the sheet still applies.
func TestSheetRecovery(t *testing.T) {
	cases := []struct {
		name  string
		src   string
		rules string
		warn  []string
	}{
		{"empty", "", "", nil},
		{"only comments and whitespace", "/* a */\n  /* b */ ", "", nil},
		{"unterminated comment", ".a{color:red} /* oops", ".a{1}", []string{"t.wxss:1:15: warning: unterminated comment"}},
		{"unterminated comment swallows rules", ".a{color:red}\n/* .b{color:red}", ".a{1}", []string{"t.wxss:2:1: warning: unterminated comment"}},
		{"unterminated string at newline", ".a{content:\"abc}\n.b{color:red}", "",
			[]string{"t.wxss:1:12: warning: unterminated string", "t.wxss:1:3: warning: unclosed '{'"}},
		{"unterminated string at eof", ".a{color:red} .b{content:\"x", ".a{1}",
			[]string{"t.wxss:1:26: warning: unterminated string", "t.wxss:1:17: warning: unclosed '{'"}},
		{"extra closing brace", ".a{color:red}}\n.b{color:blue}", ".a{1} .b{1}", []string{"t.wxss:1:14: warning: unmatched '}'"}},
		{"missing closing brace", ".a{color:red;\n.b{color:blue}", ".a{1}",
			[]string{"t.wxss:1:3: warning: unclosed '{'", "t.wxss:2:1: warning: expected a property name"}},
		{"broken selector", ".a..b{color:red} .c{color:blue}", ".c{1}", []string{"t.wxss:1:3: warning: invalid selector \".a..b\""}},
		{"selector without block", ".a{color:red}\n.b", ".a{1}", []string{"t.wxss:2:1: warning: unexpected end of file: selector \".b\" has no {} block"}},
		{"brace before block", ".a color: red } .b{color:blue}", ".b{1}", []string{"t.wxss:1:1: warning: expected '{' after selector \".a color: red\""}},
		{"missing colon", ".a{color red; width: 1px}", ".a{1}", []string{"t.wxss:1:4: warning: expected ':' after property \"color\""}},
		{"empty value", ".a{width:;height:1px}", ".a{1}", []string{"t.wxss:1:4: warning: empty value for \"width\""}},
		{"unclosed paren in value", ".a{width: calc(1px; color: red}\n.b{color:blue}", ".b{1}",
			[]string{"t.wxss:1:4: warning: unclosed '(' or '[' in the value of \"width\""}},
		{"nested rule skipped", ".a{ .b{color:red} color: blue }", ".a{1}", []string{"t.wxss:1:5: warning: expected a property name, found \".\""}},
		{"at-rule inside block", ".a{ @media x { y: z } width: 1px }", ".a{1}", []string{"t.wxss:1:5: warning: at-rule @media is not allowed inside a declaration block"}},
		{"stray semicolon", ".a{color:red};\n.b{color:red}", ".a{1} .b{1}", []string{"t.wxss:1:14: warning: stray ';'"}},
		{"ignored at-rules", "@charset \"utf-8\";\n@supports (display: flex) { .a{color:red} }\n@layer base;\n@page { margin: 0 }\n@foo bar;\n.b{color:blue}", ".b{1}",
			[]string{"t.wxss:1:1: warning: @charset is not supported; skipped", "t.wxss:2:1: warning: @supports is not supported in Skyline; ignored",
				"t.wxss:3:1: warning: @layer is not supported", "t.wxss:4:1: warning: @page is not supported", "t.wxss:5:1: warning: unknown at-rule @foo"}},
		{"media dark and light", "@media (prefers-color-scheme: dark) { .a{color:red} }\n@media only screen and (PREFERS-COLOR-SCHEME: LIGHT) { .b{color:red} } @media all { .c{color:red} }", "dark:.a{1} light:.b{1} .c{1}", nil},
		{"media nested", "@media (prefers-color-scheme: dark) { @media (prefers-color-scheme: light) { .a{color:red} } @media (prefers-color-scheme: dark) { .b{color:red} } }", "never:.a{1} dark:.b{1}", nil},
		{"media unsupported", "@media screen and (max-width: 100px) { .a{color:red} }\n@media print { .b{color:red} } .c{color:red}", ".c{1}",
			[]string{"t.wxss:1:1: warning: unsupported media query \"screen and (max-width: 100px)\"", "t.wxss:2:1: warning: unsupported media query \"print\""}},
		{"media list unsupported", "@media (prefers-color-scheme: dark), print { .a{color:red} }", "", []string{"t.wxss:1:1: warning: unsupported media query"}},
		{"media without block", "@media (prefers-color-scheme: dark);\n.a{color:red}", ".a{1}", []string{"t.wxss:1:1: warning: @media without a {} block"}},
		{"import in media", "@media (prefers-color-scheme: dark) { @import \"x.wxss\"; .a{color:red} }", "dark:.a{1}", []string{"t.wxss:1:39: warning: @import is only allowed at the top level"}},
		{"import without semicolon", "@import \"x.wxss\"", "", []string{"t.wxss:1:1: warning: @import must end with ';'"}},
		{"import with media list", "@import \"x.wxss\" screen;", "", []string{"t.wxss:1:18: warning: media lists on @import are not supported"}},
		{"import without loader", "@import url(\"x.wxss\");", "", []string{"t.wxss:1:1: cannot @import \"x.wxss\": no file loader"}},
		{"import bad target", "@import 12;", "", []string{"t.wxss:1:9: warning: @import expects a quoted file name"}},
		{"important spacing", ".a{color:red ! IMPORTANT; width: 1px!important}", ".a{2}", nil},
		{"group shares declarations", ".a, .b > .c {color:red; width:1px}", ".a{2} .b > .c{2}", nil},
		{"cdo cdc", "<!-- .a{color:red} -->", ".a{1}", nil},
		{"garbage bytes", "\x00\x01\xff{}{ ;", "", []string{"t.wxss:1:1: warning: invalid selector"}},
		{"media nested too deep", strings.Repeat("@media (prefers-color-scheme: dark) {\n", 9) + ".a{color:red}" + strings.Repeat("}", 9), "",
			[]string{"t.wxss:9:1: warning: @media nested deeper than 8 levels; block ignored"}},
		{"bad url", ".a{background-image: url(a b.png); color: red}", ".a{1}", []string{"t.wxss:1:22: warning: malformed url()"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sh, ds := ParseSheet("t.wxss", []byte(tc.src), &Env{WindowWidth: 375}, nil)
			if got := ruleSummary(sh); got != tc.rules {
				t.Errorf("rules %q, want %q", got, tc.rules)
			}
			var got []string
			for _, d := range ds {
				got = append(got, d.String())
			}
			checkWarnings(t, got, tc.warn)
		})
	}
}

func TestFontFace(t *testing.T) {
	src := `@font-face { font-family: "My Font"; src: url("../fonts/a.woff2") format("woff2"), url(../fonts/a.ttf); font-weight: bold }
@font-face { font-family: Other Name; src: url(/f/b.otf) format("truetype") }
@font-face { font-family: W; src: url(w.woff) }
@font-face { src: url(x.ttf) }
@font-face { font-family: X; src: url(x.ttf); size-adjust: 10% }`
	sh, ds := ParseSheet("pages/p/index.wxss", []byte(src), &Env{}, nil)
	if len(sh.FontFaces) != 3 {
		t.Fatalf("%d font faces: %+v", len(sh.FontFaces), sh.FontFaces)
	}
	ff := sh.FontFaces[0]
	if ff.Family != "My Font" || ff.URL != "pages/fonts/a.ttf" || ff.Weight != "bold" || ff.Pos.String() != "pages/p/index.wxss:1:1" {
		t.Errorf("first: %+v", ff)
	}
	if ff := sh.FontFaces[1]; ff.Family != "Other Name" || ff.URL != "/f/b.otf" {
		t.Errorf("second: %+v", ff)
	}
	if ff := sh.FontFaces[2]; ff.Family != "X" || ff.URL != "pages/p/x.ttf" {
		t.Errorf("third: %+v", ff)
	}
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	checkWarnings(t, got, []string{
		"pages/p/index.wxss:3:30: warning: @font-face src has no TrueType (.ttf) source",
		"pages/p/index.wxss:3:1: warning: @font-face without a usable src; ignored",
		"pages/p/index.wxss:4:1: warning: @font-face without font-family; ignored",
		"pages/p/index.wxss:5:47: warning: unknown @font-face descriptor \"size-adjust\"",
	})
}

func TestKeyframes(t *testing.T) {
	src := `@keyframes fade {
  from { opacity: 0 }
  30%, 60% { opacity: 0.5; width: 1px !important }
  to { opacity: 1 }
  50 { opacity: 2 }
}
@-webkit-keyframes "spin" { 0% { opacity: 1 } }
@keyframes { to { opacity: 1 } }`
	sh, ds := ParseSheet("a.wxss", []byte(src), &Env{}, nil)
	if len(sh.Keyframes) != 2 {
		t.Fatalf("%d keyframes", len(sh.Keyframes))
	}
	kf := sh.Keyframes[0]
	if kf.Name != "fade" || len(kf.Frames) != 3 {
		t.Fatalf("fade: %+v", kf)
	}
	offs := [][]float32{{0}, {0.3, 0.6}, {1}}
	for i, f := range kf.Frames {
		if len(f.Offsets) != len(offs[i]) {
			t.Fatalf("frame %d offsets %v", i, f.Offsets)
		}
		for k := range offs[i] {
			if d := f.Offsets[k] - offs[i][k]; d > 1e-6 || d < -1e-6 {
				t.Errorf("frame %d offsets %v, want %v", i, f.Offsets, offs[i])
			}
		}
		if len(f.Decls) != 1 || f.Decls[0].Prop != PropOpacity {
			t.Errorf("frame %d decls %+v", i, f.Decls)
		}
	}
	if sh.Keyframes[1].Name != "spin" {
		t.Errorf("second name %q", sh.Keyframes[1].Name)
	}
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	checkWarnings(t, got, []string{
		"a.wxss:3:28: warning: !important is ignored inside @keyframes",
		"a.wxss:5:3: warning: invalid keyframe selector \"50\"",
		"a.wxss:8:1: warning: @keyframes needs a single name",
	})
	r := NewResolver(&Env{}, sh)
	if r.Keyframes("fade", 0) != &sh.Keyframes[0] || r.Keyframes("fade", 1) != nil {
		t.Error("keyframes lookup by scope")
	}
	r = NewResolver(&Env{Options: RendererOptions{KeyframeStyleIsolationLegacy: true}}, sh)
	if r.Keyframes("fade", 1) != &sh.Keyframes[0] {
		t.Error("legacy keyframes are global")
	}
}

func TestImportChainAndPositions(t *testing.T) {
	files := map[string]string{
		"app.wxss":            "@import \"common/base.wxss\";\n.app{color:red}",
		"common/base.wxss":    "@import \"./theme.wxss\";\n.base{color:red}\n.bad{ color red }",
		"common/theme.wxss":   "@import \"/common/base.wxss\";\n.theme{color:red}",
		"common/unused.wxss":  ".x{}",
		"pages/a/index.wxss":  "",
		"common/deep/x.wxss":  "",
		"common/deep/y.wxss":  "",
		"common/deep/z.wxss":  "",
		"common/deep/zz.wxss": "",
	}
	sh, ds := ParseSheet("app.wxss", []byte(files["app.wxss"]), nil, mapLoader(files))
	if got := ruleSummary(sh); got != ".theme{1} .base{1} .app{1}" {
		t.Errorf("rules %q", got)
	}
	if strings.Join(sh.Imports, ",") != "common/base.wxss,common/theme.wxss" {
		t.Errorf("imports %v", sh.Imports)
	}
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	checkWarnings(t, got, []string{
		"common/theme.wxss:1:1: @import cycle: common/base.wxss -> common/theme.wxss -> common/base.wxss",
		"common/base.wxss:3:7: warning: expected ':' after property \"color\"",
	})
	if len(got) != 2 {
		t.Errorf("diagnostics: %v", got)
	}
}

func TestImportSelf(t *testing.T) {
	files := map[string]string{"a.wxss": "@import \"a.wxss\"; .a{color:red}"}
	sh, ds := ParseSheet("a.wxss", []byte(files["a.wxss"]), nil, mapLoader(files))
	if len(ds) != 1 || ds[0].String() != "a.wxss:1:1: @import cycle: a.wxss -> a.wxss" || len(sh.Rules) != 1 {
		t.Errorf("diags %v rules %d", ds, len(sh.Rules))
	}
}

func TestImportDepthLimit(t *testing.T) {
	// A loader that names every file differently never closes a cycle;
	// the depth limit stops it.
	n := 0
	load := func(p string) ([]byte, string, error) {
		n++
		return []byte(`@import "next.wxss";`), fmt.Sprintf("f%d.wxss", n), nil
	}
	_, ds := ParseSheet("a.wxss", []byte(`@import "next.wxss";`), nil, load)
	if n != maxImportDepth-1 || len(ds) != 1 || !strings.Contains(ds[0].Msg, "nested deeper") {
		t.Errorf("loads %d diags %v", n, ds)
	}
}

func TestParseSheetDoesNotWriteInput(t *testing.T) {
	buf := make([]byte, 0, 64)
	buf = append(buf, ".a{color:red}"...)
	full := buf[:cap(buf)]
	full[len(buf)] = 'Z'
	ParseSheet("a.wxss", buf, nil, nil)
	if full[len(buf)] != 'Z' {
		t.Error("ParseSheet wrote past the input slice")
	}
}
