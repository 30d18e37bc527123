package wxml

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/skyline-go/skyline/diag"
)

// dump renders a tree compactly: tag[attrs]{children}, text as "…", bare
// attributes without =, values quoted.
func dump(nodes []*Node) string {
	var b strings.Builder
	for i, n := range nodes {
		if i > 0 {
			b.WriteByte(' ')
		}
		if n.Type == TextNode {
			fmt.Fprintf(&b, "%q", n.Text)
			continue
		}
		b.WriteString(n.Tag)
		if len(n.Attrs) > 0 {
			b.WriteByte('[')
			for k, a := range n.Attrs {
				if k > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(a.Name)
				if a.HasValue {
					fmt.Fprintf(&b, "=%q", a.Value)
				}
			}
			b.WriteByte(']')
		}
		if len(n.Children) > 0 {
			b.WriteString("{" + dump(n.Children) + "}")
		}
	}
	return b.String()
}

func diagStrings(ds []diag.Diagnostic) string {
	var s []string
	for _, d := range ds {
		s = append(s, d.String())
	}
	return strings.Join(s, "\n")
}

func TestParseTrees(t *testing.T) {
	cases := []struct {
		name, src, tree string
	}{
		{"nested", `<view class="a"><text>hi</text></view>`, `view[class="a"]{text{"hi"}}`},
		{"case and punctuation in names",
			`<View wx:for="{{list}}" bind:tap="h" capture-catch:touchstart="c" mark:x="1" slot:item data-fooBar="v" class:active="{{on}}" style:color="red" a.b_c9="z"/>`,
			`View[wx:for="{{list}}" bind:tap="h" capture-catch:touchstart="c" mark:x="1" slot:item data-fooBar="v" class:active="{{on}}" style:color="red" a.b_c9="z"]`},
		{"bare and single-quoted", `<switch checked disabled='{{x}}'/>`, `switch[checked disabled="{{x}}"]`},
		{"self-closing any tag", `<view/><text /><image src="a.png"/>`, `view text image[src="a.png"]`},
		{"mustache with < and quotes in text", `<view>{{a < b ? 'x' : "}}"}}</view>`, `view{"{{a < b ? 'x' : \"}}\"}}"}`},
		{"quotes inside binding inside attribute", `<view class="{{a ? "on" : 'off'}} x"/>`, `view[class="{{a ? \"on\" : 'off'}} x"]`},
		{"entities outside mustache only", `<text>&lt;b&gt; &amp; &quot;&apos;&nbsp;&#65;&#x42; {{'&amp;'}} &bogus; &#xZZ; & x</text>`,
			"text{\"<b> & \\\"'\\u00a0AB {{'&amp;'}} &bogus; &#xZZ; & x\"}"},
		{"entities in attributes", `<view title="a&amp;b {{ '&lt;' }}" />`, `view[title="a&b {{ '&lt;' }}"]`},
		{"comments dropped, whitespace text dropped", "<view>\n  <!-- <text>gone</text> -->\n  <text>kept</text>\n</view>", `view{text{"kept"}}`},
		{"text kept as written", "<text>  two  spaces\n  </text>", `text{"  two  spaces\n  "}`},
		{"wxs raw", `<wxs module="m">var a = 1 < 2 && "</view>"; /* &amp; */</wxs><view/>`,
			`wxs[module="m"]{"var a = 1 < 2 && \"</view>\"; /* &amp; */"} view`},
		{"object literal binding", `<template is="t" data="{{ {a: {b: 1}} }}"/>`, `template[is="t" data="{{ {a: {b: 1}} }}"]`},
		{"top-level siblings and text", `hello <b>x</b> world`, `"hello " b{"x"} " world"`},
		{"attribute spacing around =", "<view id = \"a\"\n\tclass\n=\n'b'></view>", `view[id="a" class="b"]`},
		{"byte order mark skipped", "\ufeff<view/>", `view`},
		{"cdata", `<text><![CDATA[<raw> &amp;]]></text>`, `text{"<raw> &amp;"}`},
	}
	for _, c := range cases {
		doc, ds := Parse("t.wxml", []byte(c.src))
		if len(ds) != 0 {
			t.Errorf("%s: unexpected diagnostics:\n%s", c.name, diagStrings(ds))
		}
		if got := dump(doc.Nodes); got != c.tree {
			t.Errorf("%s:\n got  %s\n want %s", c.name, got, c.tree)
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, src, tree, diags string
	}{
		{"unclosed at EOF", "<view>\n  <text>hi",
			`view{text{"hi"}}`,
			"e.wxml:2:3: unclosed tag <text> (opened here)\ne.wxml:1:1: unclosed tag <view> (opened here)"},
		{"wrong closing tag skipped", "<view>a</text>b</view>",
			`view{"a" "b"}`,
			"e.wxml:1:8: unexpected closing tag </text>, expected </view>"},
		{"closing an ancestor closes the inner element", "<view><text>a</view><image/>",
			`view{text{"a"}} image`,
			"e.wxml:1:7: unclosed tag <text> (opened here) before </view> at 1:14"},
		{"stray closing tag at top level", "</view><a/>", `a`,
			"e.wxml:1:1: unexpected closing tag </view> (no element is open)"},
		{"duplicate attribute keeps the first", `<view class="a" id="x" class="b"/>`, `view[class="a" id="x"]`,
			`e.wxml:1:24: duplicate attribute "class"`},
		{"unterminated mustache in text", "<view>\n {{ a </view>", "view{\"\\n {{ a \"}",
			"e.wxml:2:2: unterminated {{ (no matching }})"},
		{"unterminated comment", "<view/><!-- never closed <text/>", `view`,
			"e.wxml:1:8: unterminated comment (missing -->)"},
		{"missing closing quote recovers at end of line", "<view class=\"a>\n<text>x</text></view>", `view[class="a"]{text{"x"}}`,
			"e.wxml:1:13: attribute value missing closing quote"},
		{"unquoted value accepted with a warning", "<view id=main hidden={{x > 1}}/>", `view[id="main" hidden="{{x > 1}}"]`,
			"e.wxml:1:10: warning: unquoted value of attribute \"id\"\ne.wxml:1:22: warning: unquoted value of attribute \"hidden\""},
		{"tag cut short at EOF", `<view class="a"`, `view[class="a"]`, "e.wxml:1:1: unterminated tag <view> (missing >)"},
		{"tag cut short by another tag", "<view a=\"1\" <text/></view>", `view[a="1"]{text}`, "e.wxml:1:13: missing > at end of tag <view>"},
		{"stray < in text", "<text>a < b</text>", `text{"a < b"}`, "e.wxml:1:9: warning: stray '<' read as text (write &lt;)"},
		{"garbage in tag", `<view # id="a"/>`, `view[id="a"]`, `e.wxml:1:7: unexpected character '#' in tag <view>`},
		{"unclosed wxs", "<wxs module=\"m\">var x = 1;", `wxs[module="m"]{"var x = 1;"}`, "e.wxml:1:1: unclosed tag <wxs> (opened here)"},
		{"missing value", `<view id=>x</view>`, `view[id=""]{"x"}`, `e.wxml:1:10: missing value for attribute "id"`},
		{"closing tag junk", "<view></view x>", `view`, "e.wxml:1:14: expected > to end closing tag </view>"},
	}
	for _, c := range cases {
		doc, ds := Parse("e.wxml", []byte(c.src))
		if got := dump(doc.Nodes); got != c.tree {
			t.Errorf("%s: tree\n got  %s\n want %s", c.name, got, c.tree)
		}
		if got := diagStrings(ds); got != c.diags {
			t.Errorf("%s: diagnostics\n got  %s\n want %s", c.name, got, c.diags)
		}
	}
}

func TestPositions(t *testing.T) {
	src := "<view>\n  <text\n    class=\"a\" bare>hé {{x}}</text>\n</view>"
	doc, ds := Parse("p.wxml", []byte(src))
	if len(ds) != 0 {
		t.Fatal(diagStrings(ds))
	}
	view := doc.Nodes[0]
	text := view.Children[0]
	cls, _ := text.Attr("class")
	bare, ok := text.Attr("bare")
	if !ok || bare.HasValue {
		t.Errorf("bare attribute = %+v, %v", bare, ok)
	}
	if _, ok := text.Attr("Class"); ok {
		t.Error("Attr must be case-sensitive")
	}
	checks := []struct {
		what string
		got  diag.Pos
		want string
	}{
		{"view", view.Pos, "p.wxml:1:1"},
		{"text", text.Pos, "p.wxml:2:3"},
		{"class name", cls.Pos, "p.wxml:3:5"},
		{"class value", cls.ValuePos, "p.wxml:3:12"},
		{"bare", bare.Pos, "p.wxml:3:15"},
		{"text node", text.Children[0].Pos, "p.wxml:3:20"},
	}
	for _, c := range checks {
		if c.got.String() != c.want {
			t.Errorf("%s at %v, want %s", c.what, c.got, c.want)
		}
	}
}

// TestHostileInputIsLinear: inputs that make naive recovery quadratic finish
// quickly (a regression here shows up as a test timeout).
func TestHostileInputIsLinear(t *testing.T) {
	const n = 200000
	inputs := map[string]string{
		"unterminated mustaches": strings.Repeat("{{'", n),
		"missing quotes":         strings.Repeat(`<a b="x`, n),
		"deep nesting":           strings.Repeat("<a>", n) + strings.Repeat("</b>", n),
		"many attributes":        "<a " + strings.Repeat("x=1 ", n) + "/>",
		"many distinct attrs":    "<a " + strings.Repeat("x", 1) + genAttrs(n/10) + "/>",
		"stray closers":          strings.Repeat("</wxs", n),
		"raw wxs":                "<wxs>" + strings.Repeat("</wxsx", n),
	}
	for name, src := range inputs {
		start := time.Now()
		doc, ds := Parse("h.wxml", []byte(src))
		t.Logf("%s: %d bytes in %v", name, len(src), time.Since(start))
		if doc == nil || len(ds) == 0 && name != "many distinct attrs" {
			t.Errorf("%s: doc=%v, %d diagnostics", name, doc != nil, len(ds))
		}
	}
}

func genAttrs(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, " a%d", i)
	}
	return b.String()
}
