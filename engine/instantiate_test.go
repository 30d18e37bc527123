package engine

import (
	"strings"
	"testing"
)

// wxmlCase is one WXML instantiation case: the markup of page "index" (plus
// other package files) against data, and the expected tree dump (see
// Node.Dump), warnings or error.
type wxmlCase struct {
	name  string
	src   string
	data  string
	files map[string]string
	want  string // dump of the page's children
	warn  string // substring of the diagnostics ("" = no warnings at all)
	err   string // substring of the load error ("" = must load)
}

var wxmlCases = []wxmlCase{
	// --- text and bindings (spec §1.1, §1.2) ---
	{name: "static text", src: `<view>Hello</view>`, want: `view("Hello")`},
	{name: "text binding", src: `<view>Hi {{name}}!</view>`, data: `{"name":"Bob"}`, want: `view("Hi Bob!")`},
	{name: "undefined path binds empty", src: `<text>[{{missing.x}}]</text>`, want: `text("[]")`},
	{name: "null binds empty", src: `<text>{{n}}</text>`, data: `{"n":null}`, want: `text("")`},
	{name: "arithmetic", src: `<text>{{a + b}} {{a + s}}</text>`, data: `{"a":1,"b":2,"s":"x"}`, want: `text("3 1x")`},
	{name: "whitespace runs collapse", src: "<text>  a \n\t b  </text>", want: `text(" a b ")`},
	{name: "whitespace between tags dropped", src: "<view><text>a</text>   \n  <text>b</text></view>", want: `view(text("a") text("b"))`},
	{name: "bound whitespace kept", src: `<text>{{s}}</text>`, data: `{"s":"a  b"}`, want: `text("a  b")`},
	{name: "entities decoded", src: `<text>a &lt; b &amp;&amp; c &#65;&#x42;</text>`, want: `text("a < b && c AB")`},
	{name: "no entities inside mustache", src: `<text>{{ '&lt;' }}</text>`, want: `text("&lt;")`},
	{name: "comments dropped", src: `<view><!-- note --><text>a</text></view>`, want: `view(text("a"))`},
	{name: "ternary and logic", src: `<text>{{ok ? 'y' : 'n'}}{{!ok}}{{n && 'x'}}</text>`, data: `{"ok":true,"n":0}`, want: `text("yfalse0")`},

	// --- attributes (spec §1.2, §1.7, §8.9) ---
	{name: "literal attributes", src: `<image src="a.png" mode="aspectFit"/>`, want: `image[src="a.png"][mode="aspectFit"]`},
	{name: "single binding keeps type", src: `<swiper current="{{1}}" autoplay="{{true}}" list="{{[1,'a']}}"/>`, want: `swiper[current=1][autoplay=true][list=[1,"a"]]`},
	{name: "object attribute", src: `<view foo="{{ {a: 1, b: [x]} }}"/>`, data: `{"x":2}`, want: `view[foo={a:1,b:[2]}]`},
	{name: "mixed attribute concatenates", src: `<view id="item-{{id}}" title="{{a}}{{b}}"/>`, data: `{"id":7,"a":1,"b":2}`, want: `view#item-7[title="12"]`},
	{name: "space outside mustache makes a string", src: `<swiper current=" {{1}}"/>`, want: `swiper[current=" 1"]`},
	{name: "bare attribute is true", src: `<switch checked/>`, want: `switch[checked=true]`},
	{name: "hidden literal false still hides", src: `<view hidden="false"/>`, want: `view[hidden]`},
	{name: "hidden bare", src: `<view hidden/>`, want: `view[hidden]`},
	{name: "hidden bound false", src: `<view hidden="{{false}}"/>`, want: `view`},
	{name: "hidden bound truthy", src: `<view hidden="{{'x'}}"/>`, want: `view[hidden]`},
	{name: "class list parsed", src: `<view class=" a  b a "/>`, want: `view.a.b`},
	{name: "class binding", src: `<view class="card {{on ? 'on' : ''}}"/>`, data: `{"on":true}`, want: `view.card.on`},
	{name: "class toggles", src: `<view class="a" class:b="{{x}}" class:c="{{y}}"/>`, data: `{"x":true,"y":false}`, want: `view.a.b`},
	{name: "style binding", src: `<view style="color: {{c}}"/>`, data: `{"c":"red"}`, want: `view[style="color: red"]`},
	{name: "style props", src: `<view style="color:red" style:width="{{w}}" style:height="{{h}}"/>`, data: `{"w":"10px"}`, want: `view[style="color:red;width:10px"]`},
	{name: "id binding", src: `<view id="{{k}}"/>`, data: `{"k":"main"}`, want: `view#main`},
	{name: "dataset names", src: `<view data-foo-bar="1" data-fooBar="{{2}}" data:camelName="{{3}}" data-x="{{o}}"/>`, data: `{"o":{"k":true}}`,
		want: `view[data.camelName=3][data.fooBar="1"][data.foobar=2][data.x={k:true}]`},
	{name: "marks", src: `<view mark:a="x" mark:bB="{{1}}"/>`, want: `view[mark.a="x"][mark.bB=1]`},
	{name: "events", src: `<view bindtap="onTap" catch:longpress="h2" capture-bind:touchstart="c" capture-catch:touchend="d" mut-bind:tap="m" capture-mut-bind:tap="cm"/>`,
		want: `view[bind:tap=onTap][catch:longpress=h2][capture-bind:touchstart=c][capture-catch:touchend=d][mut-bind:tap=m][capture-mut-bind:tap=cm]`},
	{name: "event handler binding", src: `<view bindtap="{{h}}"/>`, data: `{"h":"go"}`, want: `view[bind:tap=go]`},
	{name: "model binds one way", src: `<input model:value="{{v}}"/>`, data: `{"v":"abc"}`, want: `input[value="abc"]`},

	// --- lists (spec §1.3) ---
	{name: "loop over array", src: `<view wx:for="{{list}}">{{index}}:{{item}}</view>`, data: `{"list":["a","b"]}`, want: `view("0:a") view("1:b")`},
	{name: "loop over object", src: `<view wx:for="{{obj}}">{{index}}={{item}}</view>`, data: `{"obj":{"b":2,"a":1,"10":3,"2":4}}`,
		want: `view("2=4") view("10=3") view("a=1") view("b=2")`},
	{name: "loop over plain string", src: `<text wx:for="abc">{{item}}</text>`, want: `text("a") text("b") text("c")`},
	{name: "loop over string binding", src: `<text wx:for="{{s}}">{{index}}{{item}}</text>`, data: `{"s":"中a"}`, want: `text("0中") text("1a")`},
	{name: "loop over number", src: `<text wx:for="{{3}}">{{item}}{{index}}</text>`, want: `text("00") text("11") text("22")`},
	{name: "loop over trailing-space value iterates characters", src: `<text wx:for="{{[1,2]}} ">{{item}}</text>`, want: `text("1") text(",") text("2") text(" ")`},
	{name: "loop over nothing", src: `<view wx:for="{{none}}"/><view wx:for="{{true}}"/>`, want: ``},
	{name: "for-item and for-index", src: `<view wx:for="{{list}}" wx:for-item="x" wx:for-index="i">{{i}}{{x.n}}</view>`, data: `{"list":[{"n":"a"},{"n":"b"}]}`,
		want: `view("0a") view("1b")`},
	{name: "nested loops shadow", src: `<view wx:for="{{rows}}"><text wx:for="{{item.cells}}">{{index}}{{item}}</text></view>`, data: `{"rows":[{"cells":[1,2]},{"cells":[3]}]}`,
		want: `view(text("01") text("12")) view(text("03"))`},
	{name: "nested loops renamed", src: `<view wx:for="{{rows}}" wx:for-item="row" wx:for-index="r"><text wx:for="{{row.cells}}">{{r}}.{{index}}={{item}}</text></view>`,
		data: `{"rows":[{"cells":[1,2]},{"cells":[3]}]}`, want: `view(text("0.0=1") text("0.1=2")) view(text("1.0=3"))`},
	{name: "block loop", src: `<block wx:for="{{list}}"><text>{{item}}</text><text>!</text></block>`, data: `{"list":["a","b"]}`,
		want: `text("a") text("!") text("b") text("!")`},
	{name: "loop with per-item condition", src: `<text wx:for="{{[1,2,3,4]}}" wx:if="{{item % 2 == 0}}">{{item}}</text>`, want: `text("2") text("4")`},
	{name: "loop keyed by property", src: `<view wx:for="{{list}}" wx:key="id">{{item.id}}</view>`, data: `{"list":[{"id":1},{"id":"b"}]}`, want: `view("1") view("b")`},
	{name: "loop keyed by this", src: `<view wx:for="{{list}}" wx:key="*this">{{item}}</view>`, data: `{"list":["x","y"]}`, want: `view("x") view("y")`},
	{name: "missing key warns", src: `<view wx:for="{{list}}" wx:key="id">{{index}}</view>`, data: `{"list":[{"id":1},{}]}`, want: `view("0") view("1")`,
		warn: `index.wxml:1:33: warning: wx:key "id": item 1 has no string or number key`},
	{name: "duplicate key warns", src: `<view wx:for="{{list}}" wx:key="*this">{{item}}</view>`, data: `{"list":["a","a"]}`, want: `view("a") view("a")`,
		warn: `duplicate key a`},
	{name: "loop siblings keep order", src: `<text>a</text><text wx:for="{{[1,2]}}">{{item}}</text><text>z</text>`, want: `text("a") text("1") text("2") text("z")`},

	// --- conditions (spec §1.4) ---
	{name: "if true", src: `<view wx:if="{{a}}">A</view>`, data: `{"a":true}`, want: `view("A")`},
	{name: "if false", src: `<view wx:if="{{a}}">A</view><text>b</text>`, want: `text("b")`},
	{name: "elif chosen", src: `<text wx:if="{{x==1}}">one</text><text wx:elif="{{x==2}}">two</text><text wx:else>many</text>`, data: `{"x":2}`, want: `text("two")`},
	{name: "else chosen", src: `<text wx:if="{{x==1}}">one</text><text wx:elif="{{x==2}}">two</text><text wx:else>many</text>`, data: `{"x":5}`, want: `text("many")`},
	{name: "two chains side by side", src: `<text wx:if="{{a}}">1</text><text wx:else>2</text><text wx:if="{{!a}}">3</text><text wx:else>4</text>`, want: `text("2") text("3")`},
	{name: "block if splices", src: `<view><block wx:if="{{ok}}"><text>a</text><text>b</text></block></view>`, data: `{"ok":1}`, want: `view(text("a") text("b"))`},
	{name: "plain block splices", src: `<view><block><text>a</text></block></view>`, want: `view(text("a"))`},
	{name: "condition inside loop", src: `<block wx:for="{{list}}"><text wx:if="{{item.on}}">{{item.n}}</text><text wx:else>-</text></block>`,
		data: `{"list":[{"on":true,"n":"a"},{"on":false}]}`, want: `text("a") text("-")`},
	{name: "stray else", src: "<text wx:if=\"{{a}}\">x</text>hello<text wx:else>y</text>", err: `index.wxml:1:40: wx:else without a preceding wx:if`},
	{name: "stray elif", src: "<view/>\n<text wx:elif=\"{{a}}\">y</text>", err: `index.wxml:2:7: wx:elif without a preceding wx:if`},

	// --- templates, import, include (spec §1.5) ---
	{name: "template with data", src: `<template name="t"><text>{{a}}</text></template><template is="t" data="{{a: x}}"/>`, data: `{"x":5}`, want: `text("5")`},
	{name: "template sees only its data", src: `<template name="t"><text>[{{x}}{{y}}]</text></template><template is="t" data="{{y: 1}}"/>`, data: `{"x":5}`, want: `text("[1]")`},
	{name: "template without data", src: `<template name="t"><text>[{{x}}]</text></template><template is="t"/>`, data: `{"x":5}`, want: `text("[]")`},
	{name: "template spread data", src: `<template name="t"><text>{{a}}{{k}}</text></template><template is="t" data="{{...obj, k: 2}}"/>`, data: `{"obj":{"a":"A","k":1}}`, want: `text("A2")`},
	{name: "dynamic template name in loop", src: `<template name="odd"><text>o{{n}}</text></template><template name="even"><text>e{{n}}</text></template>` +
		`<template wx:for="{{[1,2]}}" is="{{item % 2 ? 'odd' : 'even'}}" data="{{n: item}}"/>`, want: `text("o1") text("e2")`},
	{name: "template in loop with item spread", src: `<template name="row"><view class="row">{{title}}</view></template><template wx:for="{{list}}" is="row" data="{{...item}}"/>`,
		data: `{"list":[{"title":"a"},{"title":"b"}]}`, want: `view.row("a") view.row("b")`},
	{name: "undefined template warns", src: `<template is="nope"/><text>x</text>`, want: `text("x")`, warn: `index.wxml:1:1: warning: template "nope" is not defined or imported`},
	{name: "template calls template", src: `<template name="a"><text>a</text><template is="b"/></template><template name="b"><text>b</text></template><template is="a"/>`, want: `text("a") text("b")`},
	{name: "recursive template stops", src: `<template name="r"><view><template is="r"/></view></template><template is="r"/>`,
		want: strings.Repeat("view(", 63) + "view" + strings.Repeat(")", 63), warn: "nested more than 64 deep"},
	{name: "import", src: `<import src="lib.wxml"/><template is="t" data="{{v: 1}}"/>`,
		files: map[string]string{"lib.wxml": `<template name="t"><text>lib{{v}}</text></template><text>not rendered</text>`}, want: `text("lib1")`},
	{name: "import absolute and without extension", src: `<import src="/common/lib"/><template is="t"/>`,
		files: map[string]string{"common/lib.wxml": `<template name="t"><text>ok</text></template>`}, want: `text("ok")`},
	{name: "import is not transitive", src: `<import src="a.wxml"/><template is="ta"/><template is="tb"/>`,
		files: map[string]string{
			"a.wxml": `<import src="b.wxml"/><template name="ta"><template is="tb"/></template>`,
			"b.wxml": `<template name="tb"><text>b</text></template>`,
		}, want: `text("b")`, warn: `index.wxml:1:42: warning: template "tb" is not defined or imported in index.wxml`},
	{name: "include", src: `<view><include src="inc.wxml"/></view><template is="x"/>`, data: `{"v":"V"}`,
		files: map[string]string{"inc.wxml": `<template name="x"><text>tmpl</text></template><text>inc {{v}}</text><wxs module="m">module.exports = {}</wxs>`},
		want:  `view(text("inc V"))`, warn: `template "x" is not defined or imported`},
	{name: "include relative to includer", src: `<include src="sub/a.wxml"/>`,
		files: map[string]string{"sub/a.wxml": `<include src="b.wxml"/>`, "sub/b.wxml": `<text>b</text>`}, want: `text("b")`},
	{name: "include cycle", src: `<include src="a.wxml"/>`, files: map[string]string{"a.wxml": `<include src="index.wxml"/>`}, err: `a.wxml:1:15: include cycle`},
	{name: "include missing file", src: "<view/>\n  <include src=\"nope.wxml\"/>", err: `index.wxml:2:17: cannot read nope.wxml`},
	{name: "import missing file", src: `<import src="gone.wxml"/>`, err: `index.wxml:1:14: cannot read gone.wxml`},
	{name: "include escaping the package", src: `<include src="../../etc/passwd"/>`, err: `index.wxml:1:15: <include src="../../etc/passwd">: "../../etc/passwd.wxml": path escapes the package root`},
	{name: "wxs inline module", src: `<wxs module="m">module.exports = { up: function (s) { return s.toUpperCase() + '!' } }</wxs><text>{{m.up(name)}}</text>`,
		data: `{"name":"bob"}`, want: `text("BOB!")`},
	{name: "wxs module from file in template scope", src: `<import src="lib.wxml"/><template is="t" data="{{n: 2}}"/>`,
		files: map[string]string{
			"lib.wxml": `<wxs module="u" src="u.wxs"/><template name="t"><text>{{u.twice(n)}}</text></template>`,
			"u.wxs":    `module.exports.twice = function (n) { return n * 2 }`,
		}, want: `text("4")`},

	// --- glass-easel extras, unknown things ---
	{name: "let variable", src: `<view let:x="{{a + 1}}">{{x}}<text>{{x * 2}}</text></view>`, data: `{"a":1}`, want: `view("2" text("4"))`},
	{name: "unknown tag renders as view", src: `<foo-bar class="x"/>`, want: `foo-bar.x`, warn: `index.wxml:1:1: warning: unknown component <foo-bar>; rendered as a view`},
	{name: "unsupported component warns", src: `<web-view/>`, want: `web-view`, warn: `not supported by Skyline`},
	{name: "unknown wx attribute on block", src: `<block wx:iff="{{a}}"><text>x</text></block>`, want: `text("x")`, warn: `index.wxml:1:8: warning: unknown attribute wx:iff`},
	{name: "unknown wx attribute", src: `<view wx:foo="1"/>`, want: `view`, warn: `index.wxml:1:7: warning: unknown attribute wx:foo`},
	{name: "custom component host", src: `<my-card title="t"><text>slot</text></my-card>`,
		files: map[string]string{"index.json": `{"usingComponents":{"my-card":"./comp/card"}}`, "comp/card.wxml": `<view>{{title}}<slot/></view>`},
		want:  `my-card[title="t"](view("t" slot(text("slot"))))`},
	{name: "custom component without markup", src: `<my-card/>`,
		files: map[string]string{"index.json": `{"usingComponents":{"my-card":"./comp/card"}}`}, err: `index.wxml:1:1: component comp/card: cannot read comp/card.wxml`},

	// --- malformed input ---
	{name: "bad expression", src: "<view>\n  <text>{{a + }}</text></view>", err: `index.wxml:2:15: unexpected end of expression`},
	{name: "bad attribute expression", src: `<view class="{{ ( }}"/>`, err: `index.wxml:1:19: unexpected end of expression`},
	{name: "unclosed tag", src: "<view>\n<text>a", err: `index.wxml:2:1: unclosed tag <text>`},
	{name: "stray closing tag", src: `<view></text>`, err: `index.wxml:1:7: unexpected closing tag </text>`},
	{name: "unterminated attribute", src: `<view a="{{x}}`, err: `index.wxml:1:9: attribute value missing closing quote`},
	{name: "unterminated mustache", src: `<text>{{ a }</text>`, err: `index.wxml:1:7: unterminated {{`},
	{name: "template without is or name", src: `<template/>`, err: `index.wxml:1:1: <template> needs a name`},
	{name: "wxs syntax error", src: `<wxs module="m">module.exports = {</wxs>`, err: `index.wxml:1:35: wxs module "m": Unexpected end of input`},
	{name: "wx:for over huge number is bounded", src: `<block wx:for="{{1e9}}" wx:if="{{index < 1}}"><text>x</text></block>`, want: `text("x")`, warn: `limited to 100000 items`},
	{name: "bad template data", src: `<template name="t"/><template is="t" data="a: 1"/>`, err: `index.wxml:1:44: template data must be {{ object body }}`},
	{name: "bad page json", src: `<view/>`, files: map[string]string{"index.json": "{\n  \"usingComponents\": {,}\n}"}, err: `index.json:2:`},
}

func TestInstantiate(t *testing.T) {
	if len(wxmlCases) < 60 {
		t.Fatalf("only %d cases", len(wxmlCases))
	}
	for _, tc := range wxmlCases {
		t.Run(tc.name, func(t *testing.T) {
			p, err := loadWXML(t, tc.src, tc.data, tc.files)
			if tc.err != "" {
				if err == nil {
					t.Fatalf("want error %q, loaded %s", tc.err, body(p))
				}
				if !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error\n%v\nwant it to contain %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if got := body(p); got != tc.want {
				t.Errorf("tree\n got %s\nwant %s", got, tc.want)
			}
			diags := diagText(p.Diagnostics())
			if tc.warn == "" && diags != "" {
				t.Errorf("unexpected diagnostics:\n%s", diags)
			}
			if tc.warn != "" && !strings.Contains(diags, tc.warn) {
				t.Errorf("diagnostics\n%s\nwant %q", diags, tc.warn)
			}
		})
	}
}
