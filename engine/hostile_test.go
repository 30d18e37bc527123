package engine

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/skyline-go/skyline/engine/pkgfs"
)

// Hostile pages (issue 10): each page holds something built to exhaust the
// renderer — an exponential template, include or component expansion,
// nested loops, a huge binding, a FIFO or device where a file should be, a
// file too large to read, odd line endings — followed by an ordinary
// sibling, <view id="sib">sibling</view>. Every case must:
//
//   - load and render (no panic, no hang, no error stopping the page);
//   - finish within a bound on counted work (BudgetWork: nodes, expansions
//     and loop items), and in TestHostileWallTime within a generous wall
//     bound (skipped with -short);
//   - allocate less than a stated ceiling (runtime.MemStats.TotalAlloc
//     over load, layout, dump and paint);
//   - still render the sibling: its box in the layout dump and its text;
//   - report what it met as a positioned file:line:col diagnostic.
//
// The table runs under hostileLimits, a fiftieth of the default budgets, so
// that each case costs a fraction of a second; TestHostileDefaultLimits runs
// the expansion classes under the defaults.

var hostileLimits = Limits{Nodes: 20_000, Expansions: 20_000, LoopItems: 20_000, ImagePixels: 3_000_000}

type hostileCase struct {
	name string
	// files are the package files; index.wxml gets the sibling appended
	// (pageOf). nil values are skipped (setup makes them).
	files map[string]string
	// setup makes what files cannot say (FIFOs, symlinks, big files).
	setup func(t *testing.T, dir string)
	// maxFile is Package.MaxFileSize (0: the default).
	maxFile int64
	// msg must match one diagnostic (a regular expression on its whole
	// text, which must start with file:line:col). Empty: every diagnostic
	// must still be positioned.
	msg string
	// work bounds BudgetWork (0: 3 × the node budget).
	work int64
	// memMB bounds the bytes allocated (0: 300 MiB).
	memMB uint64
	// sibText is the sibling's expected text (default "sibling").
	sibText string
	// after runs more passes (setData) on the loaded page.
	after func(t *testing.T, p *Page)
	// check inspects the page further.
	check func(t *testing.T, p *Page, d *LayoutDump)
}

const sibling = `<view id="sib">sibling</view>`

// pageOf is a package whose index.wxml is markup then the sibling.
func pageOf(markup string, extra ...string) map[string]string {
	files := map[string]string{"index.wxml": markup + "\n" + sibling}
	for i := 0; i+1 < len(extra); i += 2 {
		files[extra[i]] = extra[i+1]
	}
	return files
}

var positioned = regexp.MustCompile(`^[^\s:]+:\d+:\d+: `)

func hostileCases() []hostileCase {
	var cases []hostileCase
	add := func(c ...hostileCase) { cases = append(cases, c...) }

	// --- Expansion in total, not only in depth.
	bomb := `<template name="a"><template is="b"/><template is="b"/></template>
<template name="b"><template is="a"/><template is="a"/></template>
`
	add(hostileCase{
		name:  "two templates each using the other twice (2^64 within depth 64)",
		files: pageOf(bomb + `<template is="a"/>`),
		msg:   `^index\.wxml:3:1: warning: page budget reached: more than 20000 template/include/component expansions; <template is="a"> is cut short \(reached at index\.wxml:\d+:\d+\)`,
	}, hostileCase{
		name: "template bomb making nodes",
		files: pageOf(`<template name="a"><view><template is="b"/><template is="b"/></view></template>
<template name="b"><text>x</text><template is="a"/><template is="a"/></template>
<template is="a"/>`),
		msg: `^index\.wxml:3:1: warning: page budget reached: more than 20000 (nodes|template/include/component expansions); <template is="a"> is cut short`,
	}, hostileCase{
		name:  "a template calling itself three times",
		files: pageOf(`<template name="t"><view/><template is="t"/><template is="t"/><template is="t"/></template><template is="t"/>`),
		msg:   `^index\.wxml:1:\d+: warning: page budget reached`,
	}, hostileCase{
		name:  "dynamic template names",
		files: pageOf(`<template name="a"><template is="{{n}}" data="{{n}}"/><template is="{{n}}" data="{{n}}"/></template><template is="{{n}}" data="{{n}}"/>`, "index.data.json", `{"n":"a"}`),
		msg:   `^index\.wxml:1:\d+: warning: page budget reached`,
	}, hostileCase{
		name:  "a bomb behind wx:if, a sibling after",
		files: pageOf(bomb + `<block wx:if="{{true}}"><view><template is="a"/></view></block>`),
		msg:   `^index\.wxml:3:\d+: warning: page budget reached`,
	}, hostileCase{
		name:  "three bombs in a row (each cut, reserves shrink)",
		files: pageOf(bomb + `<template is="a"/><template is="b"/><template is="a"/>`),
		msg:   `^index\.wxml:3:\d+: warning: page budget reached`,
		work:  30_000,
	}, hostileCase{
		name:  "four includes per file, twenty files deep (4^20)",
		files: includeChain(20, 4, ""),
		msg:   `^(index|f\d+)\.wxml:\d+:\d+: warning: page budget reached: more than 20000 template/include/component expansions; <include src> of f0\.wxml is cut short`,
	}, hostileCase{
		name:  "include fan-out making nodes",
		files: includeChain(20, 4, `<view>x</view>`),
		msg:   `^(index|f\d+)\.wxml:\d+:\d+: warning: page budget reached`,
	}, hostileCase{
		name: "two components each using the other twice",
		files: pageOf(`<comp-a/>`,
			"app.json", `{"usingComponents":{"comp-a":"/c/a","comp-b":"/c/b"}}`,
			"c/a.wxml", `<comp-b/><comp-b/>`, "c/b.wxml", `<view>b</view><comp-a/><comp-a/>`),
		msg: `^index\.wxml:1:1: warning: page budget reached: more than 20000 (nodes|template/include/component expansions); component <comp-a> is cut short`,
	}, hostileCase{
		name: "a component using itself three times",
		files: pageOf(`<view><self-c/></view>`,
			"app.json", `{"usingComponents":{"self-c":"/c/s"}}`, "c/s.wxml", `<self-c/><self-c/><self-c/>`),
		msg: `^index\.wxml:1:7: warning: page budget reached`,
	}, hostileCase{
		name: "dynamic slots copying nested content (50^6)",
		files: pageOf(strings.Repeat(`<rep>`, 6)+`<text>leaf</text>`+strings.Repeat(`</rep>`, 6),
			"app.json", `{"usingComponents":{"rep":"/c/rep"}}`,
			"c/rep.wxml", `<view wx:for="{{50}}"><slot idx="{{item}}"/></view>`),
		msg: `^index\.wxml:1:\d+: warning: page budget reached`,
	})

	// --- Loop items in total.
	add(hostileCase{
		name:  "nested wx:for 1000 × 1000",
		files: pageOf(`<view wx:for="{{1000}}"><view wx:for="{{1000}}" wx:for-item="j">x</view></view>`),
		msg:   `^index\.wxml:1:1: warning: page budget reached: more than 20000 (nodes|wx:for items); wx:for at index\.wxml:1:1 is cut short`,
	}, hostileCase{
		name:  "nested wx:for 100^3 around a template",
		files: pageOf(`<template name="t"><text>{{i}}</text></template><block wx:for="{{100}}"><block wx:for="{{100}}"><block wx:for="{{100}}" wx:for-item="i"><template is="t" data="{{i}}"/></block></block></block>`),
		msg:   `warning: page budget reached: more than 20000 [a-z/:. ]+; wx:for at index\.wxml:1:\d+ is cut short`,
	}, hostileCase{
		name:  "wx:for over 1e9",
		files: pageOf(`<view wx:for="{{1e9}}">{{item}}</view>`),
		msg:   `^index\.wxml:1:1: warning: wx:for over 1e\+09: limited to 100000 items`,
	}, hostileCase{
		name:  "wx:for over a 300,000-item array",
		files: pageOf(`<view wx:for="{{list}}">{{item}}</view>`),
		setup: func(t *testing.T, dir string) {
			write(t, dir, "index.data.json", `{"list":[`+strings.TrimSuffix(strings.Repeat("1,", 300_000), ",")+`]}`)
		},
		msg: `^index\.wxml:1:1: warning: page budget reached: more than 20000 (nodes|wx:for items)`,
	}, hostileCase{
		name:  "wx:for over a 300,000-character string",
		files: pageOf(`<view wx:for="{{s}}"/>`),
		setup: func(t *testing.T, dir string) {
			write(t, dir, "index.data.json", `{"s":"`+strings.Repeat("ab", 150_000)+`"}`)
		},
		msg: `^index\.wxml:1:1: warning: page budget reached: more than 20000 wx:for items`,
	}, hostileCase{
		name:  "wx:for over an object of 100,000 keys",
		files: pageOf(`<view wx:for="{{o}}" wx:for-index="k">{{k}}</view>`),
		setup: func(t *testing.T, dir string) {
			var b strings.Builder
			b.WriteString(`{"o":{`)
			for i := 0; i < 100_000; i++ {
				fmt.Fprintf(&b, `%s"k%d":%d`, map[bool]string{true: ",", false: ""}[i > 0], i, i)
			}
			b.WriteString(`}}`)
			write(t, dir, "index.data.json", b.String())
		},
		msg: `^index\.wxml:1:1: warning: page budget reached`,
	}, hostileCase{
		// Outside any construct there is nothing to cut: what follows in
		// the same markup is not made (the sibling here comes first).
		name:  "30,000 static elements in the page",
		files: map[string]string{"index.wxml": sibling + strings.Repeat("<view/>", 30_000)},
		msg:   `^index\.wxml:1:\d+: warning: page budget reached: more than 20000 nodes; this element and its content are not made`,
	}, hostileCase{
		name:  "30,000 static elements in an include",
		files: pageOf(`<include src="big"/>`, "big.wxml", strings.Repeat("<view/>", 30_000)),
		msg:   `^index\.wxml:1:1: warning: page budget reached: more than 20000 nodes; <include src> of big\.wxml is cut short \(reached at big\.wxml:1:\d+\)`,
	}, hostileCase{
		name:  "duplicate wx:key in 20,000 items",
		files: pageOf(`<view wx:for="{{19000}}" wx:key="*this" wx:for-item="i">{{i % 2}}</view>`),
		work:  60_000,
	})

	// --- setData passes.
	add(hostileCase{
		name:  "setData of a 300,000-item list, then a short one",
		files: pageOf(`<view wx:for="{{list}}" wx:key="*this">{{item}}</view>`, "index.data.json", `{"list":[1,2,3]}`),
		msg:   `^index\.wxml:1:1: warning: page budget reached: more than 20000 (nodes|wx:for items)`,
		after: func(t *testing.T, p *Page) {
			big := make([]any, 300_000)
			for i := range big {
				big[i] = float64(i)
			}
			if err := p.SetData(map[string]any{"list": big}); err != nil {
				t.Fatal(err)
			}
			p.Update()
			if err := p.SetData(map[string]any{"list": []any{7.0, 8.0}}); err != nil {
				t.Fatal(err)
			}
			p.Update()
		},
		check: func(t *testing.T, p *Page, d *LayoutDump) {
			if got := body(p); !strings.HasPrefix(got, `view("7") view("8")`) {
				t.Errorf("after the short list: %.80s", got)
			}
		},
		work: 200_000,
	}, hostileCase{
		// Each re-made call used to walk back over every empty call before
		// it to find where its (absent) nodes go: quadratic.
		name:  "setData re-expanding a node-less bomb",
		files: pageOf(`<template name="t"><template is="t" data="{{f}}"/><template is="t" data="{{f}}"/></template><template is="t" data="{{f}}"/>`, "index.data.json", `{"f":1}`),
		msg:   `^index\.wxml:1:\d+: warning: page budget reached`,
		after: func(t *testing.T, p *Page) {
			for i := 2; i < 5; i++ {
				if err := p.SetData(map[string]any{"f": float64(i)}); err != nil {
					t.Fatal(err)
				}
			}
		},
		work: 4 * 25_000,
	}, hostileCase{
		name:  "setData toggling a bomb five times",
		files: pageOf(bomb+`<block wx:if="{{on}}"><template is="a"/></block>`, "index.data.json", `{"on":false}`),
		msg:   `^index\.wxml:3:\d+: warning: page budget reached`,
		after: func(t *testing.T, p *Page) {
			for i := 0; i < 5; i++ {
				for _, on := range []bool{true, false} {
					if err := p.SetData(map[string]any{"on": on}); err != nil {
						t.Fatal(err)
					}
				}
			}
			p.Update()
			n := 0
			for _, d := range p.Diagnostics() {
				if strings.Contains(d.Msg, "page budget") {
					n++
				}
			}
			if n != 1 {
				t.Errorf("%d budget warnings for one construct, want 1 (repeats dropped)", n)
			}
		},
		work: 5 * 2 * 25_000,
	})

	// --- Imports.
	add(hostileCase{
		name:  "@import ten times per file, thirty files deep",
		files: importChain(30, 10),
		check: func(t *testing.T, p *Page, d *LayoutDump) {
			if b := findBox(d.Root, "sib"); b == nil || b.Box[3] != 77 {
				t.Errorf("the deepest import's rule is not applied: %+v", b)
			}
		},
	}, hostileCase{
		name: "@import cycle",
		files: pageOf(``, "index.wxss", `@import "a.wxss";`, "a.wxss", `@import "b.wxss";`,
			"b.wxss", "\n@import \"a.wxss\";"),
		msg: `^b\.wxss:2:1: @import cycle: a\.wxss -> b\.wxss -> a\.wxss`,
	}, hostileCase{
		name:  "WXML import ten times per file, thirty files deep",
		files: wxmlImportChain(30, 10),
	}, hostileCase{
		name:  "WXML import cycle",
		files: pageOf(`<import src="a.wxml"/><template is="ta"/>`, "a.wxml", `<import src="b.wxml"/><template name="ta"><text>a</text></template>`, "b.wxml", `<import src="a.wxml"/><template name="tb"/>`),
	})

	// --- Files.
	add(hostileCase{
		name:  "a FIFO named index.wxss",
		files: pageOf(``),
		setup: mkfifo("index.wxss"),
		msg:   `^index\.wxss:1:1: warning: not read: not a regular file \(a named pipe\); the page renders without it`,
	}, hostileCase{
		name:  "a FIFO as an include",
		files: pageOf(`<include src="pipe.wxml"/>`),
		setup: mkfifo("pipe.wxml"),
		msg:   `^index\.wxml:1:15: warning: not read pipe\.wxml: not a regular file \(a named pipe\); it renders nothing`,
	}, hostileCase{
		name:  "a FIFO as a component",
		files: pageOf(`<pipe-c/>`, "index.json", `{"usingComponents":{"pipe-c":"./pc"}}`),
		setup: mkfifo("pc.wxml"),
		msg:   `^index\.wxml:1:1: warning: component pc: not read pc\.wxml: not a regular file \(a named pipe\)`,
	}, hostileCase{
		name:  "a directory named index.wxss",
		files: pageOf(``, "index.wxss/x", ``),
		msg:   `^index\.wxss:1:1: warning: not read: not a regular file \(a directory\)`,
	}, hostileCase{
		name:  "an image symlinked to /dev/zero",
		files: pageOf(`<image src="zero.png"/>`),
		setup: symlink("/dev/zero", "zero.png"),
		msg:   `^index\.wxml:1:1: warning: image zero\.png: path escapes the package root \(a symlink to a file outside it\)$`,
	}, hostileCase{
		name:    "a too large index.wxss",
		files:   pageOf(``),
		setup:   bigFile("index.wxss", 2<<20),
		maxFile: 1 << 20,
		msg:     `^index\.wxss:1:1: warning: not read: file too large \(2097152 bytes; the limit is 1048576\)`,
	}, hostileCase{
		name:    "a too large include",
		files:   pageOf(`<include src="big"/>`),
		setup:   bigFile("big.wxml", 2<<20),
		maxFile: 1 << 20,
		msg:     `^index\.wxml:1:15: warning: not read big\.wxml: file too large`,
	}, hostileCase{
		name:    "a too large data file",
		files:   pageOf(`<view>{{x}}</view>`),
		setup:   bigFile("index.data.json", 2<<20),
		maxFile: 1 << 20,
		msg:     `^index\.data\.json:1:1: warning: not read: file too large`,
	}, hostileCase{
		name:  "four distinct megapixel images against a 3-megapixel page budget",
		files: pageOf(`<image src="a.png"/><image src="b.png"/><image src="c.png"/><image src="d.png"/>`),
		setup: func(t *testing.T, dir string) {
			for _, name := range []string{"a.png", "b.png", "c.png", "d.png"} {
				writePNG(t, filepath.Join(dir, name), 1000, 1000)
			}
		},
		msg: `^index\.wxml:1:\d+: warning: image d\.png: page budget: 1000×1000 would take the page's decoded images past 3000000 pixels; not drawn$`,
	}, hostileCase{
		name:    "a too large image",
		files:   pageOf(`<image src="big.png"/>`),
		setup:   bigFile("big.png", 2<<20),
		maxFile: 1 << 20,
		msg:     `^index\.wxml:1:1: warning: image big\.png: file too large`,
	})

	// --- Encodings and line endings.
	add(hostileCase{
		name: "a BOM before .json and .data.json",
		files: pageOf(`<bom-c/><view id="lbl">{{label}}</view>`,
			"index.json", "\ufeff"+`{"usingComponents":{"bom-c":"./b"}}`, "b.wxml", `<text>in b</text>`,
			"index.data.json", "\ufeff"+`{"label":"from data"}`),
		check: func(t *testing.T, p *Page, d *LayoutDump) {
			if n := byID(p, "lbl"); n == nil || textOf(n) != "from data" {
				t.Errorf("data behind a BOM not read")
			}
			if !strings.Contains(body(p), `bom-c(text("in b"))`) {
				t.Errorf("usingComponents behind a BOM not read: %s", body(p))
			}
		},
	}, hostileCase{
		name:  "CR-only line endings in markup",
		files: pageOf("<view>\r<view>\r  <odd-tag/>\r</view>\r</view>"),
		msg:   `^index\.wxml:3:3: warning: unknown component <odd-tag>`,
	}, hostileCase{
		name:  "CR-only line endings in a binding",
		files: pageOf("<view\r  wx:for=\"{{2}}\"\r  wx:key=\"{{x}}\"/>"),
		msg:   `^index\.wxml:3:11: warning: wx:key must be a property name`,
	}, hostileCase{
		name:  "CR-only line endings in styles",
		files: pageOf(``, "index.wxss", "\r\r.x {\r  colr: red;\r}"),
		msg:   `^index\.wxss:4:3: warning: unknown property "colr"`,
	}, hostileCase{
		name:  "CRLF line endings in markup",
		files: pageOf("<view>\r\n<view>\r\n  <odd-tag/>\r\n</view>\r\n</view>"),
		msg:   `^index\.wxml:3:3: warning: unknown component <odd-tag>`,
	}, hostileCase{
		name:  "NUL bytes and invalid UTF-8 in text",
		files: pageOf("<view>a\x00b\xff\xfe{{'\x00'}}</view>"),
	})

	// --- Linear in the size of what is written.
	const n = 100_000
	var distinct strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			distinct.WriteString("+")
		}
		fmt.Fprintf(&distinct, "a%d", i)
	}
	add(hostileCase{
		name:  "{{s+s+…}} with 100,000 terms",
		files: pageOf(`<view data-x="{{`+strings.Repeat("s+", n-1)+`s}}"/>`, "index.data.json", `{"s":"xy"}`),
		check: func(t *testing.T, p *Page, d *LayoutDump) {
			if v, _ := p.Root().FirstChild().Dataset()["x"].(string); len(v) != 2*n {
				t.Errorf("value of %d bytes, want %d", len(v), 2*n)
			}
		},
		memMB: 400,
	}, hostileCase{
		name:  "a binding naming 100,000 different paths",
		files: pageOf(`<view data-x="{{` + distinct.String() + `}}"/>`),
		memMB: 400,
	}, hostileCase{
		name:  "a text of 100,000 bindings",
		files: pageOf(`<view data-x="`+strings.Repeat("{{s}}\n", n)+`"><text>`+strings.Repeat("{{s}}", 2000)+`</text></view>`, "index.data.json", `{"s":"x"}`),
		memMB: 400,
	}, hostileCase{
		name:  "an inline style of 100,000 declarations",
		files: pageOf(`<view style="` + strings.Repeat("color:red;", n) + `"/>`),
		memMB: 400,
	}, hostileCase{
		name:  "a class list of 100,000 names",
		files: pageOf(`<view class="` + strings.Repeat("c ", n) + `"/>`),
	}, hostileCase{
		name:  "an element with 50,000 attributes",
		files: pageOf(`<view ` + manyAttrs(50_000) + `/>`),
		memMB: 400,
	}, hostileCase{
		name:  "200,000 entities in an attribute",
		files: pageOf(`<view data-x="` + strings.Repeat("&amp;&#x4e2d;", n) + `"/>`),
	}, hostileCase{
		name:  "template data with 100,000 properties",
		files: pageOf(`<template name="t"><text>{{a}}</text></template><template is="t" data="{{` + strings.Repeat("a:1,", n) + `b:2}}"/>`),
		memMB: 400,
	}, hostileCase{
		name:  "a 4 MB attribute on one line",
		files: pageOf(`<view data-x="` + strings.Repeat("x", 4<<20) + `"/><odd-tag/>`),
		msg:   `^index\.wxml:1:4194322: warning: unknown component <odd-tag>`,
	})

	// --- Warnings per kind; depth.
	var tags strings.Builder
	for i := 0; i < 450; i++ {
		fmt.Fprintf(&tags, "<odd-%d/>\n", i)
	}
	add(hostileCase{
		name:  "450 warnings of one kind",
		files: pageOf(tags.String() + `<view wx:for="{{450}}" style="colr:red"/>`),
		msg:   `^index\.wxml:21:1: warning: and 430 more of this kind: unknown component <odd-0>; rendered as a view$`,
		check: func(t *testing.T, p *Page, d *LayoutDump) {
			if n := len(p.Diagnostics()); n > 25 {
				t.Errorf("%d diagnostics kept, want the first 20 of a kind, a summary and one inline-style warning", n)
			}
		},
	}, hostileCase{
		name:  "a template chain 64 deep, called from a loop",
		files: pageOf(`<template name="t"><view><template is="t"/></view></template><block wx:for="{{20}}"><template is="t"/></block>`),
		msg:   `^index\.wxml:1:\d+: warning: template "t" nested more than 64 deep; not instantiated$`,
	}, hostileCase{
		name:  "elements nested 3,000 deep",
		files: pageOf(strings.Repeat("<view>", 3000) + "deep" + strings.Repeat("</view>", 3000)),
		memMB: 500,
	})
	return cases
}

// includeChain is index.wxml including f0 `fan` times, f(i) including f(i+1)
// `fan` times, depth files deep, each with body.
func includeChain(depth, fan int, body string) map[string]string {
	files := pageOf(`<include src="f0.wxml"/>`)
	for i := 0; i < depth; i++ {
		var b strings.Builder
		b.WriteString(body)
		if i+1 < depth {
			for j := 0; j < fan; j++ {
				fmt.Fprintf(&b, `<include src="f%d.wxml"/>`, i+1)
			}
		}
		files[fmt.Sprintf("f%d.wxml", i)] = b.String()
	}
	return files
}

// importChain is index.wxss importing l0 `fan` times, l(i) importing l(i+1)
// `fan` times; the last sets the sibling's height.
func importChain(depth, fan int) map[string]string {
	files := pageOf(``, "index.wxss", strings.Repeat(`@import "l0.wxss";`+"\n", fan))
	for i := 0; i < depth; i++ {
		s := "#sib { height: 77px; }"
		if i+1 < depth {
			s = strings.Repeat(fmt.Sprintf("@import \"l%d.wxss\";\n", i+1), fan)
		}
		files[fmt.Sprintf("l%d.wxss", i)] = s
	}
	return files
}

// wxmlImportChain is the same with <import>; each file defines a template.
func wxmlImportChain(depth, fan int) map[string]string {
	files := pageOf(`<import src="t0.wxml"/><template is="t0"/>`)
	for i := 0; i < depth; i++ {
		var b strings.Builder
		if i+1 < depth {
			for j := 0; j < fan; j++ {
				fmt.Fprintf(&b, `<import src="t%d.wxml"/>`, i+1)
			}
			fmt.Fprintf(&b, `<template name="t%d"><template is="t%d"/></template>`, i, i+1)
		} else {
			fmt.Fprintf(&b, `<template name="t%d"><text>leaf</text></template>`, i)
		}
		files[fmt.Sprintf("t%d.wxml", i)] = b.String()
	}
	return files
}

func manyAttrs(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `a%d="{{%d}}" `, i, i)
	}
	return b.String()
}

func write(t *testing.T, dir, rel, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, rel), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mkfifo(rel string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		if err := mkfifoAt(filepath.Join(dir, rel)); err != nil {
			t.Skip("no FIFOs here:", err)
		}
	}
}

func symlink(target, rel string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		if err := os.Symlink(target, filepath.Join(dir, rel)); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
}

func bigFile(rel string, size int) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		write(t, dir, rel, strings.Repeat(" ", size))
	}
}

// writePNG writes a w×h PNG of one colour (a few kilobytes that decode to
// w×h×4 bytes).
func writePNG(t *testing.T, path string, w, h int) {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func findBox(b *DumpBox, id string) *DumpBox {
	stack := []*DumpBox{b}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if b.ID == id {
			return b
		}
		stack = append(stack, b.Children...)
	}
	return nil
}

// runHostile loads, lays out, dumps and paints a case and checks what every
// case must show. It returns the page and the wall time.
func runHostile(t *testing.T, c hostileCase, lim Limits) (*Page, time.Duration) {
	t.Helper()
	files := map[string]string{}
	for k, v := range c.files {
		files[k] = v
	}
	dir := writePackage(t, files)
	if c.setup != nil {
		c.setup(t, dir)
	}
	pkg, err := pkgfs.NewPackage(dir)
	if err != nil {
		t.Fatal(err)
	}
	pkg.MaxFileSize = c.maxFile

	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	start := time.Now()

	type result struct {
		p   *Page
		d   *LayoutDump
		err error
	}
	done := make(chan result, 1)
	go func() {
		p, err := LoadFrom(pkg, "index", LoadOptions{Limits: lim})
		if err != nil {
			done <- result{err: err}
			return
		}
		p.SetViewport(Viewport{Width: 375, Height: 667, DPR: 1})
		if c.after != nil {
			c.after(t, p)
		}
		d := p.LayoutDump()
		if _, err := d.MarshalIndent(); err != nil {
			done <- result{err: err}
			return
		}
		p.Render(image.NewRGBA(image.Rect(0, 0, 375, 667)))
		done <- result{p: p, d: d}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("did not finish in 2 minutes (blocked?)")
	}
	elapsed := time.Since(start)
	if r.err != nil {
		t.Fatalf("the page did not render: %v", r.err)
	}
	runtime.ReadMemStats(&m1)
	p, d := r.p, r.d

	// Memory.
	ceiling := c.memMB
	if ceiling == 0 {
		ceiling = 300
	}
	allocMB := (m1.TotalAlloc - m0.TotalAlloc) >> 20
	if allocMB > ceiling {
		t.Errorf("allocated %d MiB, ceiling %d MiB", allocMB, ceiling)
	}
	t.Logf("work %d units, %d MiB allocated, %v", p.BudgetWork(), allocMB, elapsed.Round(time.Millisecond))
	// Work.
	bound := c.work
	if bound == 0 {
		bound = 3 * int64(lim.WithDefaults().Nodes)
	}
	if w := p.BudgetWork(); w > bound {
		t.Errorf("work %d units, bound %d", w, bound)
	}
	// The sibling renders.
	want := c.sibText
	if want == "" {
		want = "sibling"
	}
	if n := byID(p, "sib"); n == nil || textOf(n) != want {
		t.Errorf("the sibling is missing or changed (%v)", n)
	}
	if b := findBox(d.Root, "sib"); b == nil || b.Box[2] <= 0 || b.Box[3] <= 0 {
		t.Errorf("the sibling has no box in the layout dump: %+v", b)
	}
	// Messages: positioned, and the expected one present.
	var all []string
	for _, dg := range p.Diagnostics() {
		s := dg.String()
		all = append(all, s)
		if !positioned.MatchString(s) {
			t.Errorf("unpositioned diagnostic: %s", s)
		}
		if strings.Contains(s, os.TempDir()) {
			t.Errorf("a host path in a diagnostic: %s", s)
		}
	}
	if c.msg != "" {
		re := regexp.MustCompile(c.msg)
		found := false
		for _, s := range all {
			found = found || re.MatchString(s)
		}
		if !found {
			t.Errorf("no diagnostic matches %s; got:\n%s", c.msg, strings.Join(all, "\n"))
		}
	}
	if c.check != nil {
		c.check(t, p, d)
	}
	return p, elapsed
}

func TestHostilePages(t *testing.T) {
	cases := hostileCases()
	if len(cases) < 40 {
		t.Fatalf("%d hostile pages; the table promises at least 40", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			runHostile(t, c, hostileLimits)
		})
	}
}

// TestHostileWallTime runs the table again against the clock: each page
// within 20 s (they take well under one; the bombs took hours or exhausted
// memory before the budgets). Skipped with -short.
func TestHostileWallTime(t *testing.T) {
	if testing.Short() {
		t.Skip("wall-clock test")
	}
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			if _, d := runHostile(t, c, hostileLimits); d > 20*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// TestHostileDefaultLimits runs the expansion classes under the default
// budgets (DefaultLimits), which the table scales down: a bomb stops at a
// million expansions and the sibling renders, within the stated ceilings.
func TestHostileDefaultLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("a million expansions")
	}
	bomb := `<template name="a"><template is="b"/><template is="b"/></template>
<template name="b"><template is="a"/><template is="a"/></template>
<template is="a"/>`
	for _, c := range []hostileCase{{
		name:  "template bomb",
		files: pageOf(bomb),
		msg:   `^index\.wxml:3:1: warning: page budget reached: more than 1000000 template/include/component expansions`,
		work:  1_300_000,
		memMB: 1000, // ~720 MiB: a control, region and frame per call
	}, {
		name:  "include fan-out",
		files: includeChain(20, 4, ""),
		msg:   `warning: page budget reached: more than 1000000 template/include/component expansions`,
		work:  1_300_000,
		memMB: 200, // ~30 MiB: includes splice, they make no regions
	}} {
		t.Run(c.name, func(t *testing.T) {
			runHostile(t, c, Limits{})
		})
	}
}
