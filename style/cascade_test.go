package style

import (
	"strings"
	"testing"
)

const (
	red   = "#ff0000ff"
	blue  = "#0000ffff"
	green = "#008000ff"
	black = "#000000ff"
)

// stdTree is the tree most cases style:
//
//	page
//	  view#main.card.big  (card)
//	    text.title "…"    (title)
//	    view.tag          (tag1)   empty
//	    view.tag.hot      (tag2)   has text
//	    view.tag          (tag3)   empty
//	  view.footer         (footer)
func stdTree() *tnode {
	return h("page$page",
		h("view#main.card.big$card",
			h("text.title$title", "text"),
			h("view.tag$tag1"),
			h("view.tag.hot$tag2", "text"),
			h("view.tag$tag3"),
		),
		h("view.footer$footer"),
	)
}

// listTree has six items for :nth-child cases.
func listTree() *tnode {
	return h("page", h("view.list",
		h("view.item$i1"), h("view.item$i2"), h("view.item$i3"),
		h("view.item$i4"), h("view.item$i5"), h("view.item$i6"),
	))
}

// scopedTree has a component-like subtree in scope 1.
func scopedTree() *tnode {
	return h("page",
		h("view.box$pbox", h("text.title$ptitle", "text")),
		h("comp.host$host",
			h("view.box$cbox", "scope=1", h("text.title$ctitle", "scope=1", "text")),
		),
	)
}

type cascadeCase struct {
	name  string
	app   string            // app.wxss
	page  string            // pages/a/index.wxss
	files map[string]string // more package files for @import
	tree  func() *tnode     // nil: stdTree
	dark  bool
	opts  RendererOptions
	want  []string // "handle.prop=value" or "handle::before.prop=value" or "handle::after=nobox"
	warn  []string // substrings that must appear in the diagnostics; none expected when empty
}

var cascadeCases = []cascadeCase{
	// Simple selectors (spec §2.3).
	{name: "tag", page: `view { width: 10px }`, want: []string{"card.width=10px", "tag1.width=10px", "title.width=auto"}},
	{name: "class", page: `.title { color: red }`, want: []string{"title.color=" + red, "card.color=" + black}},
	{name: "id", page: `#main { width: 20px }`, want: []string{"card.width=20px", "footer.width=auto"}},
	{name: "compound", page: `view.card.big#main { width: 30px }`, want: []string{"card.width=30px"}},
	{name: "compound mismatch", page: `view.card.small { width: 30px }`, want: []string{"card.width=auto"}},
	{name: "tag mismatch", page: `text.card { width: 30px }`, want: []string{"card.width=auto"}},
	{name: "group", page: `.title, .footer { color: blue }`, want: []string{"title.color=" + blue, "footer.color=" + blue, "tag1.color=" + black}},
	{name: "page selector", page: `page { width: 5px }`, want: []string{"page.width=5px", "card.width=auto"}},

	// Combinators.
	{name: "descendant", page: `.card .title { color: red }`, want: []string{"title.color=" + red}},
	{name: "descendant from page", page: `page .title { color: red }`, want: []string{"title.color=" + red}},
	{name: "descendant mismatch", page: `.footer .title { color: red }`, want: []string{"title.color=" + black}},
	{name: "descendant skips levels", page: `page .tag { width: 3px }`, want: []string{"tag2.width=3px"}},
	{name: "child", page: `.card > .title { color: red }`, want: []string{"title.color=" + red}},
	{name: "child is not grandchild", page: `page > .title { color: red }`, want: []string{"title.color=" + black}},
	{name: "child chain", page: `page > .card > .tag { width: 4px }`, want: []string{"tag1.width=4px", "tag3.width=4px"}},
	{name: "descendant backtracks", tree: func() *tnode { return h("page", h("view.b", h("view.x", h("view.b", h("view.c$c"))))) },
		page: `page > .b .c { width: 4px } .x > .b .c { height: 4px } .c .b .c { margin-top: 4px }`, want: []string{"c.width=4px", "c.height=4px", "c.margin-top=0px"}},
	{name: "adjacent", page: `.title + .tag { width: 7px }`, want: []string{"tag1.width=7px", "tag2.width=auto", "tag3.width=auto"}},
	{name: "general sibling", page: `.title ~ .tag { width: 7px }`, want: []string{"tag1.width=7px", "tag2.width=7px", "tag3.width=7px"}},
	{name: "sibling only forward", page: `.tag ~ .title { color: red }`, want: []string{"title.color=" + black}},
	{name: "sibling then adjacent", page: `.hot + view { width: 8px }`, want: []string{"tag3.width=8px", "tag1.width=auto"}},
	{name: "sibling with descendant", page: `.card + .footer { width: 9px } .title ~ .hot { width: 1px }`, want: []string{"footer.width=9px", "tag2.width=1px"}},

	// Structural pseudo-classes.
	{name: "first-child", page: `.card > :first-child { color: red }`, want: []string{"title.color=" + red, "tag1.color=" + black}},
	{name: "last-child", page: `.tag:last-child { width: 2px }`, want: []string{"tag3.width=2px", "tag1.width=auto"}},
	{name: "only-child", tree: func() *tnode {
		return h("page", h("view.a", h("view.b$only")), h("view.a", h("view.b$one"), h("view.b")))
	},
		page: `.b:only-child { width: 2px }`, want: []string{"only.width=2px", "one.width=auto"}},
	{name: "empty", page: `.tag:empty { width: 2px }`, want: []string{"tag1.width=2px", "tag2.width=auto", "tag3.width=2px"}},
	{name: "not class", page: `.tag:not(.hot) { width: 2px }`, want: []string{"tag1.width=2px", "tag2.width=auto"}},
	{name: "not compound", page: `.tag:not(view.hot) { width: 2px }`, want: []string{"tag3.width=2px", "tag2.width=auto"}},
	{name: "not first-child", page: `.card > :not(:first-child) { width: 2px }`, want: []string{"title.width=auto", "tag1.width=2px"}},
	{name: "not list", page: `.card > :not(.title, .hot) { width: 2px }`, want: []string{"title.width=auto", "tag1.width=2px", "tag2.width=auto"}},
	{name: "nth-child number", tree: listTree, page: `.item:nth-child(2) { width: 1px }`, want: []string{"i2.width=1px", "i1.width=auto", "i4.width=auto"}},
	{name: "nth-child odd", tree: listTree, page: `.item:nth-child(odd) { width: 1px }`, want: []string{"i1.width=1px", "i3.width=1px", "i2.width=auto", "i6.width=auto"}},
	{name: "nth-child even", tree: listTree, page: `.item:nth-child(even) { width: 1px }`, want: []string{"i2.width=1px", "i6.width=1px", "i5.width=auto"}},
	{name: "nth-child 2n+1", tree: listTree, page: `.item:nth-child(2n + 1) { width: 1px }`, want: []string{"i5.width=1px", "i4.width=auto"}},
	{name: "nth-child -n+2", tree: listTree, page: `.item:nth-child(-n+2) { width: 1px }`, want: []string{"i1.width=1px", "i2.width=1px", "i3.width=auto"}},
	{name: "nth-child 3n", tree: listTree, page: `.item:nth-child(3n) { width: 1px }`, want: []string{"i3.width=1px", "i6.width=1px", "i1.width=auto"}},
	{name: "nth-child n+4", tree: listTree, page: `.item:nth-child(n+4) { width: 1px }`, want: []string{"i4.width=1px", "i6.width=1px", "i3.width=auto"}},
	{name: "nth-child 3n-1", tree: listTree, page: `.item:nth-child(3n-1) { width: 1px }`, want: []string{"i2.width=1px", "i5.width=1px", "i3.width=auto"}},

	// Specificity, order, importance, origins (spec §2.2, §2.3).
	{name: "id beats class regardless of order", page: `#main { width: 1px } .card { width: 2px }`, want: []string{"card.width=1px"}},
	{name: "class beats tag", page: `.card { width: 2px } view { width: 3px }`, want: []string{"card.width=2px"}},
	{name: "tie later wins", page: `.card { width: 1px } .big { width: 2px }`, want: []string{"card.width=2px"}},
	{name: "tie later wins reversed", page: `.big { width: 2px } .card { width: 1px }`, want: []string{"card.width=1px"}},
	{name: "two classes beat one", page: `.card.big { width: 5px } .card { width: 6px }`, want: []string{"card.width=5px"}},
	{name: "pseudo-class counts as class", page: `.tag:last-child { width: 5px } .tag { width: 6px }`, want: []string{"tag3.width=5px", "tag1.width=6px"}},
	{name: "same rule later declaration wins", page: `.card { width: 1px; width: 2px }`, want: []string{"card.width=2px"}},
	{name: "important beats specificity", page: `.card { width: 1px !important } #main { width: 2px }`, want: []string{"card.width=1px"}},
	{name: "important vs important specificity", page: `#main { width: 2px !important } .card { width: 1px !important }`, want: []string{"card.width=2px"}},
	{name: "inline beats id", page: `#main { width: 2px }`, tree: func() *tnode { return h("page", h("view#main$card", "style=width: 9px")) }, want: []string{"card.width=9px"}},
	{name: "important beats inline", page: `.c { width: 2px !important }`, tree: func() *tnode { return h("page", h("view.c$card", "style=width: 9px")) }, want: []string{"card.width=2px"}},
	{name: "inline important beats sheet important", page: `#m { width: 2px !important }`, tree: func() *tnode { return h("page", h("view#m$card", "style=width: 9px !important")) }, want: []string{"card.width=9px"}},
	{name: "page beats app on ties", app: `.card { width: 1px }`, page: `.card { width: 2px }`, want: []string{"card.width=2px"}},
	{name: "app specificity beats page", app: `#main { width: 1px }`, page: `.card { width: 2px }`, want: []string{"card.width=1px"}},
	{name: "app important beats page", app: `.card { width: 1px !important }`, page: `#main { width: 2px }`, want: []string{"card.width=1px"}},
	{name: "page important beats app important", app: `.card { width: 1px !important }`, page: `.card { width: 2px !important }`, want: []string{"card.width=2px"}},
	{name: "comments ignored", page: `/* .title { color: red } */ .title { color: /* x */ blue }`, want: []string{"title.color=" + blue}},

	// Inheritance (spec §2.4).
	{name: "color inherits", page: `page { color: red }`, want: []string{"title.color=" + red, "tag2.color=" + red}},
	{name: "font-size inherits", page: `.card { font-size: 20px }`, want: []string{"title.font-size=20", "footer.font-size=16"}},
	{name: "width does not inherit", page: `.card { width: 10px }`, want: []string{"title.width=auto"}},
	{name: "explicit inherit", page: `.card { width: 10px } .title { width: inherit }`, want: []string{"title.width=10px"}},
	{name: "em uses inherited font-size", page: `.card { font-size: 20px } .title { margin-top: 2em }`, want: []string{"title.margin-top=40px"}},
	{name: "child overrides inherited", page: `.card { color: red } .title { color: blue }`, want: []string{"title.color=" + blue, "tag1.color=" + red}},

	// CSS variables (spec §2.5), resolved by ComputeInto through the cascade.
	{name: "var", page: `page { --c: red } .title { color: var(--c) }`, want: []string{"title.color=" + red}},
	{name: "var fallback", page: `.title { color: var(--missing, blue) }`, want: []string{"title.color=" + blue}},
	{name: "var nearest ancestor", page: `page { --c: red } .card { --c: blue } .title { color: var(--c) }`, want: []string{"title.color=" + blue, "footer.color=" + black}},
	{name: "var cascade order", page: `.title { --w: 3px } .card .title { --w: 4px } .title { width: var(--w) }`, want: []string{"title.width=4px"}},
	{name: "var cycle is unset", page: `.card { color: red } .title { --a: var(--b); --b: var(--a); color: var(--a); width: var(--b) }`,
		want: []string{"title.color=" + red, "title.width=auto"},
		warn: []string{"pages/a/index.wxss:1:61: warning: invalid var() reference", "pages/a/index.wxss:1:78: warning: invalid var() reference"}},
	{name: "var in inline", page: `page { --w: 6px }`, tree: func() *tnode { return h("page", h("view$v", "style=width: var(--w)")) }, want: []string{"v.width=6px"}},

	// Dark mode (spec §2.2).
	{name: "dark applies", dark: true, page: `.title { color: red } @media (prefers-color-scheme: dark) { .title { color: blue } }`, want: []string{"title.color=" + blue}},
	{name: "dark ignored in light", page: `.title { color: red } @media (prefers-color-scheme: dark) { .title { color: blue } }`, want: []string{"title.color=" + red}},
	{name: "light applies in light", page: `@media screen and (prefers-color-scheme: light) { .title { color: green } }`, want: []string{"title.color=" + green}},
	{name: "nested dark in light never applies", dark: true, page: `@media (prefers-color-scheme: light) { @media (prefers-color-scheme: dark) { .title { color: red } } }`, want: []string{"title.color=" + black}},
	{name: "other media ignored", page: `@media (min-width: 100px) { .title { color: red } } .footer { color: blue }`,
		want: []string{"title.color=" + black, "footer.color=" + blue}, warn: []string{"pages/a/index.wxss:1:1: warning: unsupported media query"}},

	// @import (spec §2.2; render-cli.md path rules).
	{name: "import relative", page: `@import "common.wxss"; .footer { color: blue }`, files: map[string]string{"pages/a/common.wxss": `.title { color: red }`},
		want: []string{"title.color=" + red, "footer.color=" + blue}},
	{name: "import absolute", page: `@import "/styles/base.wxss";`, files: map[string]string{"styles/base.wxss": `@import "more.wxss"; .title { color: red }`, "styles/more.wxss": `.footer { color: green }`},
		want: []string{"title.color=" + red, "footer.color=" + green}},
	{name: "import inlined at its position", page: ".title { color: blue }\n@import \"x.wxss\";", files: map[string]string{"pages/a/x.wxss": `.title { color: red }`},
		want: []string{"title.color=" + red}},
	{name: "import before rules", page: "@import \"x.wxss\";\n.title { color: blue }", files: map[string]string{"pages/a/x.wxss": `.title { color: red }`},
		want: []string{"title.color=" + blue}},
	{name: "import cycle", page: `@import "b.wxss"; .footer { color: blue }`,
		files: map[string]string{"pages/a/b.wxss": ".title { color: red }\n  @import \"index.wxss\";"},
		want:  []string{"title.color=" + red, "footer.color=" + blue},
		warn:  []string{"pages/a/b.wxss:2:3: @import cycle: pages/a/index.wxss -> pages/a/b.wxss -> pages/a/index.wxss"}},
	{name: "import missing", page: "\n @import 'nope.wxss';\n.title { color: red }", want: []string{"title.color=" + red},
		warn: []string{"pages/a/index.wxss:2:2: cannot @import \"nope.wxss\""}},
	{name: "import outside package", page: `@import "../../../x.wxss";`, want: []string{"title.color=" + black},
		warn: []string{"pages/a/index.wxss:1:1: cannot @import \"../../../x.wxss\": ../x.wxss is outside the package"}},

	// ::before / ::after (spec §2.3).
	{name: "before content", page: `.title::before { content: "hi"; color: red }`, want: []string{"title::before.content=\"hi\"", "title::before.color=" + red, "title.color=" + black}},
	{name: "after inherits from element", page: `.title { color: blue } .title::after { content: "x" }`, want: []string{"title::after.color=" + blue, "title::before=nobox"}},
	{name: "after content none", page: `.title::after { content: none; color: red }`, want: []string{"title::after=nobox"}},
	{name: "before one-colon spelling", page: `.title:before { content: "a" }`, want: []string{"title::before.content=\"a\""}},
	{name: "before no rules", page: `.title { color: red }`, want: []string{"title::before=nobox", "title::after=nobox"}},

	// Unsupported selectors drop the whole rule with a warning (spec §2.3).
	{name: "universal dropped", page: `* { color: red } .footer { color: blue }`, want: []string{"title.color=" + black, "footer.color=" + blue},
		warn: []string{"pages/a/index.wxss:1:1: warning: invalid selector \"*\": universal selector"}},
	{name: "attribute dropped", page: `.a {}` + "\n" + `.title[x] { color: red }`, want: []string{"title.color=" + black},
		warn: []string{"pages/a/index.wxss:2:7: warning: invalid selector \".title[x]\": attribute selectors"}},
	{name: "group with a bad member dropped whole", page: `.title, .footer > * { color: red }`, want: []string{"title.color=" + black, "footer.color=" + black},
		warn: []string{"pages/a/index.wxss:1:19: warning: invalid selector"}},
	{name: "unknown pseudo-class dropped", page: `.title:visited { color: red }`, want: []string{"title.color=" + black},
		warn: []string{"pages/a/index.wxss:1:8: warning: invalid selector \".title:visited\": unsupported pseudo-class :visited"}},
	{name: "active never matches statically (no element reports a state)", page: `.title:active { color: red } .card:hover .title { color: red }`, want: []string{"title.color=" + black}},

	// Style isolation (spec §2.3, §2.9).
	{name: "class isolated", tree: scopedTree, page: `.title { color: red }`, want: []string{"ptitle.color=" + red, "ctitle.color=" + black}},
	{name: "tag isolated", tree: scopedTree, page: `text { color: red }`, want: []string{"ptitle.color=" + red, "ctitle.color=" + black}},
	{name: "app rules apply to page scope only", tree: scopedTree, app: `.box { width: 3px }`, want: []string{"pbox.width=3px", "cbox.width=auto"}},
	{name: "tag legacy crosses scopes", tree: scopedTree, opts: RendererOptions{TagNameStyleIsolationLegacy: true}, page: `text { color: red } .box { width: 3px }`,
		want: []string{"ptitle.color=" + red, "ctitle.color=" + red, "cbox.width=auto"}},
	{name: "legacy tag descendant of scoped class", tree: scopedTree, opts: RendererOptions{TagNameStyleIsolationLegacy: true}, page: `.host text { color: red }`,
		want: []string{"ctitle.color=" + red, "ptitle.color=" + black}},

	// Declaration-level error recovery inside a rule.
	{name: "bad declarations skipped", page: ".title { color: ; width: 10px; foo bar; color: red }",
		want: []string{"title.width=10px", "title.color=" + red},
		warn: []string{"pages/a/index.wxss:1:10: warning: empty value for \"color\"", "pages/a/index.wxss:1:32: warning: expected ':' after property \"foo\""}},
}

func TestCascade(t *testing.T) {
	if len(cascadeCases) < 60 {
		t.Fatalf("only %d cascade cases", len(cascadeCases))
	}
	for _, tc := range cascadeCases {
		t.Run(tc.name, func(t *testing.T) {
			runCascadeCase(t, tc, false)
			runCascadeCase(t, tc, true)
		})
	}
}

// runCascadeCase styles the case's tree, outside or inside a pass (the two
// must agree), and checks its expectations.
func runCascadeCase(t *testing.T, tc cascadeCase, pass bool) {
	env := &Env{WindowWidth: 375, WindowHeight: 667, Dark: tc.dark, Options: tc.opts}
	files := map[string]string{}
	for k, v := range tc.files {
		files[k] = v
	}
	files["pages/a/index.wxss"] = tc.page
	load := mapLoader(files)
	app, d1 := ParseSheet("app.wxss", []byte(tc.app), env, load)
	page, d2 := ParseSheet("pages/a/index.wxss", []byte(tc.page), env, load)
	page.Origin = OriginPage
	r := NewResolver(env, app, page)
	build := tc.tree
	if build == nil {
		build = stdTree
	}
	root := build()
	st := computeTree(r, env, root, pass)
	var all []string
	for _, d := range append(append(d1, d2...), st.diags.Items...) {
		all = append(all, d.String())
	}
	checkWarnings(t, all, tc.warn)
	for _, w := range tc.want {
		assertWant(t, r, st, root, w)
	}
}

// checkWarnings asserts that each wanted substring occurs in some
// diagnostic, and that there are no diagnostics when none are wanted.
func checkWarnings(t *testing.T, got, want []string) {
	t.Helper()
	if len(want) == 0 && len(got) > 0 {
		t.Errorf("unexpected diagnostics:\n%s", strings.Join(got, "\n"))
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			if strings.Contains(g, w) {
				found = true
			}
		}
		if !found {
			t.Errorf("no diagnostic contains %q; got:\n%s", w, strings.Join(got, "\n"))
		}
	}
}

func assertWant(t *testing.T, r *Resolver, st *styleTree, root *tnode, w string) {
	t.Helper()
	lhs, value, ok := strings.Cut(w, "=")
	if !ok {
		t.Fatalf("bad want %q", w)
	}
	handle, prop, _ := strings.Cut(lhs, ".")
	pseudo := PseudoNone
	if hd, ps, ok := strings.Cut(handle, "::"); ok {
		handle = hd
		pseudo = map[string]Pseudo{"before": PseudoBefore, "after": PseudoAfter}[ps]
	}
	n := root.find(handle)
	if n == nil {
		t.Fatalf("no node %q", handle)
	}
	c := st.computed[n]
	if pseudo != PseudoNone {
		var pc Computed
		box := r.ComputePseudo(n, pseudo, c, &pc)
		if value == "nobox" && prop == "" {
			if box {
				t.Errorf("%s: got a pseudo box, want none", lhs)
			}
			return
		}
		if !box {
			t.Errorf("%s: no pseudo box", lhs)
			return
		}
		c = &pc
	}
	if got := describe(c, prop); got != value {
		t.Errorf("%s = %s, want %s", lhs, got, value)
	}
}
