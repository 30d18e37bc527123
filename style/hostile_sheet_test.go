package style

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/skyline-go/skyline/diag"
)

// sheetCase is a hostile stylesheet or style attribute: it must parse and
// compute in bounded memory, without a panic, with a positioned warning
// when a budget cuts it.
type sheetCase struct {
	name   string
	wxss   string // parsed as a sheet and applied to one element
	inline string // or: a style attribute
	mem    uint64 // ceiling for parse + compute
	warn   string // expected warning (file:line:col: message substring)
	check  func(c *Computed) string
}

func nest(n int, open, mid, close string) string {
	return strings.Repeat(open, n) + mid + strings.Repeat(close, n)
}

func varChain(n int, reverse bool) string {
	var b strings.Builder
	for k := 0; k < n; k++ {
		i := k
		if reverse {
			i = n - 1 - k
		}
		fmt.Fprintf(&b, "--v%d: var(--v%d); ", i+1, i)
	}
	return b.String()
}

var sheetCases = []sheetCase{
	{
		name: "@media nested 10,000 deep",
		wxss: nest(10000, "@media (prefers-color-scheme: light) { ", ".a { color: red }", " }") + "\n.a { width: 3px }",
		mem:  64 << 20, warn: "hostile.wxss:1:313: warning: @media nested deeper than 8 levels; block ignored",
		check: func(c *Computed) string { return describe(c, "color") + " " + describe(c, "width") },
	},
	{
		name: "@supports nested 10,000 deep",
		wxss: nest(10000, "@supports (display: flex) { ", ".a { color: red }", " }") + "\n.a { width: 3px }",
		mem:  64 << 20, warn: "hostile.wxss:1:1: warning: @supports is not supported in Skyline; ignored",
		check: func(c *Computed) string { return describe(c, "color") + " " + describe(c, "width") },
	},
	{
		name: "rule blocks nested 10,000 deep",
		wxss: ".a { color: red; " + nest(10000, "b { ", "", "} ") + " width: 3px }",
		mem:  32 << 20, warn: "hostile.wxss:1:18: warning: expected ':' after property \"b\"; declaration skipped",
		check: func(c *Computed) string { return describe(c, "color") + " " + describe(c, "width") },
	},
	{
		name: "a megabyte selector",
		wxss: strings.Repeat(".a ", 350000) + "{ color: red }\n.a { width: 3px }",
		mem:  256 << 20, warn: "hostile.wxss:1:1: warning: invalid selector \".a .a .a",
		check: func(c *Computed) string { return describe(c, "color") + " " + describe(c, "width") },
	},
	{
		name: "a megabyte compound",
		wxss: strings.Repeat(".a", 500000) + " { color: red }\n.a { width: 3px }",
		mem:  256 << 20, warn: "more than 128; rule dropped",
		check: func(c *Computed) string { return describe(c, "color") + " " + describe(c, "width") },
	},
	{
		name: ":not(:not(...)) 10,000 deep",
		wxss: nest(10000, ":not(", ".b", ")") + " { color: red }\n.a { width: 3px }",
		mem:  32 << 20, warn: "hostile.wxss:1:7: warning: invalid selector \":not(:not(",
		check: func(c *Computed) string { return describe(c, "color") + " " + describe(c, "width") },
	},
	{
		name: ":not() with 100,000 arguments",
		wxss: ":not(" + strings.Repeat(".b, ", 100000) + ".b) { color: red }\n.a { width: 3px }",
		mem:  128 << 20, warn: "hostile.wxss:1:1: warning: invalid selector",
		check: func(c *Computed) string { return describe(c, "color") + " " + describe(c, "width") },
	},
	{
		name: "calc() nested 10,000 deep",
		wxss: ".a { width: " + nest(10000, "calc(1px + ", "1px", ")") + "; height: 3px }",
		mem:  64 << 20, warn: "hostile.wxss:1:6: warning: unsupported value \"calc(1px + calc(1px",
		check: func(c *Computed) string { return describe(c, "width") + " " + describe(c, "height") },
	},
	{
		name: "var() chain 10,000 long",
		wxss: ".a { --v0: 1px; " + varChain(10000, false) + "width: var(--v100); height: var(--v10000); margin-top: var(--v200, 5px) }",
		mem:  64 << 20, warn: "hostile.wxss:1:2466: warning: var() references nested more than 128 deep in \"--v128\"",
		check: func(c *Computed) string {
			return describe(c, "width") + " " + describe(c, "height") + " " + describe(c, "margin-top")
		},
	},
	{
		name: "var() chain 10,000 long, declared backwards",
		wxss: ".a { --v0: 1px; " + varChain(10000, true) + "width: var(--v100); height: var(--v10000) }",
		mem:  64 << 20, warn: "warning: var() references nested more than 128 deep",
		check: func(c *Computed) string { return describe(c, "width") + " " + describe(c, "height") },
	},
	{
		name:  "var() cycle 10,000 long",
		wxss:  ".a { --v0: var(--v10000); " + varChain(10000, false) + "width: var(--v5, 7px); height: 3px }",
		mem:   64 << 20, // every property on the cycle is invalid; width falls back
		check: func(c *Computed) string { return describe(c, "width") + " " + describe(c, "height") },
	},
	{
		name: "var() doubling 64 times",
		wxss: ".a { --v0: 1px; " + func() string {
			var b strings.Builder
			for i := 0; i < 64; i++ {
				fmt.Fprintf(&b, "--v%d: var(--v%d) var(--v%d); ", i+1, i, i)
			}
			return b.String()
		}() + "margin: var(--v64); height: 3px }",
		mem: 64 << 20, warn: "invalid var() reference",
		check: func(c *Computed) string { return describe(c, "margin-top") + " " + describe(c, "height") },
	},
	{
		name:   "style attribute of 100,000 declarations",
		inline: strings.Repeat("color: red; width: 1px;\n", 50000) + "width: 3px; bogus",
		mem:    256 << 20, warn: "inline:50001:13: warning: invalid declaration \"bogus\"",
		check: func(c *Computed) string { return describe(c, "color") + " " + describe(c, "width") },
	},
	{
		name:   "style attribute with a megabyte value",
		inline: "color: red; width: " + strings.Repeat("1", 1<<20) + "x; height: 3px",
		mem:    64 << 20, warn: "inline:1:13: warning: unsupported value \"1111",
		check: func(c *Computed) string { return describe(c, "color") + " " + describe(c, "height") },
	},
	{
		name: "100,000 rules",
		wxss: func() string {
			var b strings.Builder
			for i := 0; i < 100000; i++ {
				fmt.Fprintf(&b, ".r%d .a, .a.r%d { width: %dpx }\n", i, i, i%300)
			}
			return b.String() + ".a { color: red }"
		}(),
		mem:   512 << 20,
		check: func(c *Computed) string { return describe(c, "color") + " " + describe(c, "width") },
	},
}

var sheetWant = map[string]string{
	"@media nested 10,000 deep":                   "#000000ff 3px",
	"@supports nested 10,000 deep":                "#000000ff 3px",
	"rule blocks nested 10,000 deep":              "#ff0000ff 3px",
	"a megabyte selector":                         "#000000ff 3px",
	"a megabyte compound":                         "#000000ff 3px",
	":not(:not(...)) 10,000 deep":                 "#000000ff 3px",
	":not() with 100,000 arguments":               "#000000ff 3px",
	"calc() nested 10,000 deep":                   "auto 3px",
	"var() chain 10,000 long":                     "1px auto 5px",
	"var() chain 10,000 long, declared backwards": "1px auto",
	"var() cycle 10,000 long":                     "7px 3px",
	"var() doubling 64 times":                     "0px 3px",
	"style attribute of 100,000 declarations":     "#ff0000ff 3px",
	"style attribute with a megabyte value":       "#ff0000ff 3px",
	"100,000 rules":                               "#ff0000ff auto",
}

// runSheetCase parses and computes c on one `view.a`.
func runSheetCase(t testing.TB, c *sheetCase) (Computed, []diag.Diagnostic) {
	env := &Env{WindowWidth: 375, WindowHeight: 667}
	var sheets []*Sheet
	var ds []diag.Diagnostic
	if c.wxss != "" {
		sh, d := ParseSheet("hostile.wxss", []byte(c.wxss), env, nil)
		sheets = append(sheets, sh)
		ds = append(ds, d...)
	}
	var inline []Declared
	if c.inline != "" {
		var d []diag.Diagnostic
		inline, d = ParseInlineStyle(c.inline, diag.Pos{File: "inline", Line: 1, Col: 1}, env, "")
		ds = append(ds, d...)
	}
	r := NewResolver(env, sheets...)
	var out Computed
	var l diag.List
	r.Compute(h("view.a"), nil, inline, &out, &l)
	return out, append(ds, l.Items...)
}

func TestHostileSheets(t *testing.T) {
	for i := range sheetCases {
		c := &sheetCases[i]
		t.Run(c.name, func(t *testing.T) {
			var out Computed
			var ds []diag.Diagnostic
			mem := allocated(func() { out, ds = runSheetCase(t, c) })
			if mem > c.mem {
				t.Errorf("allocated %d bytes, over the ceiling %d", mem, c.mem)
			}
			found := c.warn == ""
			for _, d := range ds {
				s := d.String()
				if len(d.Msg) > 2*maxQuoted+200 {
					t.Errorf("%d-byte message: %.200s", len(d.Msg), s)
				}
				if c.warn != "" && strings.Contains(s, c.warn) {
					found = true
				}
			}
			if !found {
				var all []string
				for _, d := range ds {
					all = append(all, fmt.Sprintf("%.200s", d.String()))
				}
				t.Errorf("no warning %q among %d:\n%s", c.warn, len(ds), strings.Join(all, "\n"))
			}
			if got, want := c.check(&out), sheetWant[c.name]; got != want {
				t.Errorf("computed %q, want %q", got, want)
			}
		})
	}
}

// TestHostileVarDepthSmall pins the chain bound: 128 links resolve, 129 do
// not, whatever the declaration order.
func TestHostileVarDepthSmall(t *testing.T) {
	env := &Env{WindowWidth: 375, WindowHeight: 667}
	for _, reverse := range []bool{false, true} {
		c, _ := ComputeInline("--v0: 2px; "+varChain(200, reverse)+"width: var(--v127); height: var(--v128)", nil, env)
		if describe(&c, "width") != "2px" || describe(&c, "height") != "auto" {
			t.Errorf("reverse=%v: width %s height %s", reverse, describe(&c, "width"), describe(&c, "height"))
		}
	}
}

// TestHostileSheetsStress parses and computes four copies of each sheet
// case with a generous wall-clock bound (skipped with -short).
func TestHostileSheetsStress(t *testing.T) {
	if testing.Short() {
		t.Skip("stress test")
	}
	const bound = 60 * time.Second
	for i := range sheetCases {
		c := sheetCases[i]
		c.wxss = strings.Repeat(c.wxss+"\n", 4)
		c.inline = strings.Repeat(c.inline+";", 4)
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			runSheetCase(t, &c)
			if d := time.Since(start); d > bound {
				t.Errorf("4x input took %v", d)
			}
		})
	}
}
