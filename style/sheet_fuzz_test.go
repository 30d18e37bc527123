package style

import (
	"testing"
)

// FuzzParseSheet checks that no input makes parsing or matching panic or
// hang, and that every diagnostic is positioned.
func FuzzParseSheet(f *testing.F) {
	seeds := []string{
		"",
		".a{color:red}",
		"page { --c: #07c160; color: var(--c, red) } .card > .title:first-child::before { content: \"x\" }",
		"@import \"b.wxss\"; @import '/c.wxss'; .x{width:1px!important}",
		"@media (prefers-color-scheme: dark) { .a{color:red} @media (prefers-color-scheme: light) {.b{}} }",
		"@font-face { font-family: F; src: url(f.ttf) } @keyframes k { from { opacity: 0 } 50% { opacity: .5 } to { opacity: 1 } }",
		".a:nth-child(2n+1):not(.b, #c) ~ .d + view { margin: 1px 2px }",
		"* {} [x] {} .a:hover {} .a::first-line {}",
		".a{content:\"abc}\n.b{color:red}",
		"/* unterminated",
		".a{width: calc(1px; color: red}",
		"}}}{{{;;;@@@",
		"@media",
		".a:not(",
		"\x00\xff{}{",
		"@charset \"utf-8\"; @supports (x:y) { } @page { } @layer a;",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	files := map[string]string{
		"b.wxss": `@import "c.wxss"; .b{color:blue}`,
		"c.wxss": `@import "/b.wxss"; .c{width:1px}`,
	}
	load := mapLoader(files)
	f.Fuzz(func(t *testing.T, src []byte) {
		env := &Env{WindowWidth: 375, WindowHeight: 667}
		sh, ds := ParseSheet("f.wxss", src, env, load)
		for _, d := range ds {
			if d.Pos.File == "" || d.Pos.Line < 1 || d.Pos.Col < 1 {
				t.Fatalf("unpositioned diagnostic %q", d.String())
			}
		}
		r := NewResolver(env, sh)
		root := stdTree()
		st := computeTree(r, env, root, len(src)%2 == 0)
		var pc Computed
		for n, c := range st.computed {
			r.ComputePseudo(n, PseudoBefore, c, &pc)
		}
	})
}
