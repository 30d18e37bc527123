package engine

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/template"
	"github.com/skyline-go/skyline/internal/script"
)

// wxsErrors loads the page and returns its error diagnostics (not warnings).
func wxsErrors(t *testing.T, src string, files map[string]string) []string {
	t.Helper()
	p, err := loadWXML(t, src, "", files)
	if err == nil {
		t.Fatalf("want an error, loaded %s", body(p))
	}
	var list diag.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v is not a diag.ErrorList", err)
	}
	var out []string
	for _, d := range list {
		if d.Severity == diag.Error {
			out = append(out, d.String())
		}
	}
	return out
}

// TestWXSRejectsNonES5 checks that each construct WXS lacks is an error at
// the construct itself: inline bodies are offset by the <wxs> content
// position (the code below starts on line 3, column 1 of index.wxml).
func TestWXSRejectsNonES5(t *testing.T) {
	cases := []struct {
		name, code, at, msg string
	}{
		{"let", "var a = 1; let b = 2;", "3:12", "let is not WXS"},
		{"const", "const b = 2;", "3:1", "const is not WXS"},
		{"let in for", "for (let i = 0; i < 1; i++) {}", "3:6", "let is not WXS"},
		{"arrow function", "var f = (x) => x;", "3:9", "arrow functions"},
		{"arrow on a later line", "var x = 1;\n  var f = function () { return () => 1 };", "4:32", "arrow functions"},
		{"class declaration", "class A {}", "3:1", "classes"},
		{"class expression", "var C = class {};", "3:9", "classes"},
		{"template literal", "var s = `a${1}`;", "3:9", "template literals"},
		{"spread in array", "var b = [];\nvar a = [0, ...b];", "4:13", "spread"},
		{"spread in call", "Math.max(...[1]);", "3:10", "spread"},
		{"spread in object", "var o = {...{}};", "3:10", "spread"},
		{"object destructuring", "var {a} = {a: 1};", "3:5", "destructuring"},
		{"array destructuring", "var o = [1]; var [x] = o;", "3:18", "destructuring"},
		{"destructuring assignment", "var a; [a] = [1];", "3:8", "destructuring"},
		{"for-of", "for (var x of [1]) {}", "3:1", "for-of"},
		{"regexp literal", "var r = /a+/g;", "3:9", "getRegExp(pattern, flags)"},
		{"new Date", "var d = new Date(0);", "3:9", "getDate(...)"},
		{"new RegExp", "var r = new RegExp('a');", "3:9", "getRegExp(pattern, flags)"},
		{"default parameter", "function f(a, b = 1) {}", "3:19", "default parameters"},
		{"rest parameter", "function f(...a) {}", "3:12", "rest parameters"},
		{"shorthand property", "var a = 1; var o = {a};", "3:21", "shorthand properties"},
		{"method shorthand", "var o = {f() {}};", "3:10", "method shorthand"},
		{"computed key", "var o = {['k']: 1};", "3:11", "computed property names"},
		{"generator", "function* g() {}", "3:1", "generators"},
		{"async function", "var f = async function () {};", "3:9", "async functions"},
		{"optional chaining", "var o = {}; var v = o?.a;", "3:21", "optional chaining"},
		{"nullish coalescing", "var a = null; var v = a??1;", "3:24", "?? is not WXS"},
		{"exponent", "var v = 2**3;", "3:10", "** is not WXS"},
		{"dynamic require", "var n = './a.wxs'; var r = require(n);", "3:35", "one string literal"},
		{"require aliased", "var r = require;", "3:9", "one string literal"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := "<view/>\n<wxs module=\"m\">\n" + tc.code + "\nmodule.exports = {};\n</wxs>"
			errs := wxsErrors(t, src, nil)
			want := `index.wxml:` + tc.at + `: wxs module "m": `
			if len(errs) == 0 || !strings.HasPrefix(errs[0], want) || !strings.Contains(errs[0], tc.msg) {
				t.Fatalf("errors %q\nwant the first to start %q and mention %q", errs, want, tc.msg)
			}
		})
	}
}

func TestWXSFileDiagnosticsArePositionedInTheFile(t *testing.T) {
	errs := wxsErrors(t, `<wxs module="u" src="u.wxs"/><text>{{u.x}}</text>`,
		map[string]string{"u.wxs": "var a = 1;\n  let b = a;\nmodule.exports = { x: b };"})
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "u.wxs:2:3: wxs: let is not WXS") {
		t.Fatalf("errors %q, want one at u.wxs:2:3", errs)
	}
}

func TestWXSRuntimeErrorPosition(t *testing.T) {
	errs := wxsErrors(t, "<wxs module=\"m\">var o = null;\nvar v = o.field;\nmodule.exports = {};</wxs>", nil)
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "index.wxml:2:") || !strings.Contains(errs[0], "TypeError") {
		t.Fatalf("errors %q, want a TypeError on index.wxml line 2", errs)
	}
}

// wxsRenders loads a page that must render, and compares its body dump.
func wxsRenders(t *testing.T, src string, files map[string]string, want string) {
	t.Helper()
	p, err := loadWXML(t, src, "", files)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if got := body(p); got != want {
		t.Fatalf("tree\n got %s\nwant %s", got, want)
	}
}

func TestWXSLibrary(t *testing.T) {
	cases := []struct {
		name, module, binding, want string
	}{
		{"getRegExp test", `var re = getRegExp('^[a-z]\\d$', 'i'); module.exports = { test: function (s) { return re.test(s) } };`,
			`{{m.test('a1')}} {{m.test('B2')}} {{m.test('11')}}`, `text("true true false")`},
		{"getRegExp global replace", `module.exports = { dash: function (s) { return s.replace(getRegExp('-', 'g'), '/') } };`,
			`{{m.dash('2024-01-02')}}`, `text("2024/01/02")`},
		{"getRegExp properties", `var re = getRegExp('a+', 'gm'); module.exports = { s: re.source + ' ' + re.global + ' ' + re.ignoreCase + ' ' + re.multiline };`,
			`{{m.s}}`, `text("a+ true false true")`},
		{"getRegExp split", `module.exports = { n: 'a1b22c'.split(getRegExp('\\d+')).length };`, `{{m.n}}`, `text("3")`},
		{"getDate fields", `var d = getDate(2020, 0, 15, 10, 30); module.exports = { s: d.getFullYear() + '-' + d.getMonth() + '-' + d.getDate() + ' ' + d.getHours() };`,
			`{{m.s}}`, `text("2020-0-15 10")`},
		{"getDate from ms and string", `module.exports = { a: getDate(0).getTime(), b: getDate('2020-01-15T00:00:00Z').getTime() };`,
			`{{m.a}} {{m.b}}`, `text("0 1579046400000")`},
		{"getDate now", `var t = getDate().getTime(); module.exports = { ok: t > 1577836800000 && Math.abs(t - Date.now()) < 60000 };`,
			`{{m.ok}}`, `text("true")`},
		{"Date statics", `module.exports = { v: Date.UTC(2020, 0, 1) === Date.parse('2020-01-01T00:00:00Z') };`, `{{m.v}}`, `text("true")`},
		{"absent globals", `module.exports = { t: [typeof wx, typeof getApp, typeof setTimeout, typeof RegExp, typeof eval, typeof Function, typeof Promise, typeof Date].join(',') };`,
			`{{m.t}}`, `text("undefined,undefined,undefined,undefined,undefined,undefined,undefined,object")`},
		{"console.log exists", `console.log('x', 1); module.exports = { t: typeof console.log };`, `{{m.t}}`, `text("function")`},
		{"no Function constructor through a function", `module.exports = { t: typeof (function () {}).constructor('return 1') };`, `{{m.t}}`, `text("object")`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			wxsRenders(t, `<wxs module="m">`+tc.module+`</wxs><text>`+tc.binding+`</text>`, nil, tc.want)
		})
	}
}

func TestWXSBadGetRegExpFlags(t *testing.T) {
	errs := wxsErrors(t, "<wxs module=\"m\">\nvar r = getRegExp('a', 'gy');\nmodule.exports = {};</wxs>", nil)
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "index.wxml:2:") || !strings.Contains(errs[0], `invalid flags "gy"`) {
		t.Fatalf("errors %q, want invalid flags on line 2", errs)
	}
}

func TestWXSValidES5Module(t *testing.T) {
	mod := `
var units = ['B', 'KB', 'MB'];
function size(n) {
  var i = 0;
  while (n >= 1024 && i < units.length - 1) { n = n / 1024; i++; }
  return (i ? n.toFixed(1) : n) + units[i];
}
var labels = { a: 'A', b: 'B' };
function keys(o) {
  var out = [];
  for (var k in o) { if (o.hasOwnProperty(k)) out.push(k + '=' + o[k]); }
  return out.join('&');
}
function kind(x) {
  switch (typeof x) {
  case 'number': return 'n';
  default: return 'other';
  }
}
function safe(s) {
  try { return JSON.parse(s).v; } catch (e) { return 'bad'; }
}
var o = { get twice() { return 2 * 21; } };
module.exports = { size: size, keys: keys, kind: kind, safe: safe, o: o.twice, pi: Math.floor(Math.PI * 100) };
`
	wxsRenders(t, `<wxs module="m">`+mod+`</wxs><text>{{m.size(1536)}} {{m.size(12)}} {{m.keys({x: 1, y: 'z'})}} {{m.kind(1)}} {{m.safe('{"v":3}')}} {{m.safe('{')}} {{m.o}} {{m.pi}}</text>`,
		nil, `text("1.5KB 12B x=1&y=z n 3 bad 42 314")`)
}

func TestWXSRequire(t *testing.T) {
	cases := []struct {
		name  string
		src   string
		files map[string]string
		want  string
	}{
		{"relative and package-absolute", `<wxs module="m" src="lib/a.wxs"/><text>{{m.greet('bob')}}</text>`, map[string]string{
			"lib/a.wxs":     `var b = require('./sub/b.wxs'); module.exports = { greet: function (n) { return b.hello(n) } };`,
			"lib/sub/b.wxs": `var c = require('/common/c.wxs'); module.exports = { hello: function (n) { return c.prefix + n } };`,
			"common/c.wxs":  `module.exports = { prefix: 'hi ' };`,
			"unrelated.wxs": `let broken;`,
		}, `text("hi bob")`},
		{"from an inline module, relative to the page", `<wxs module="m">var u = require('./util.wxs'); module.exports = { v: u.v + 1 };</wxs><text>{{m.v}}</text>`,
			map[string]string{"util.wxs": `module.exports = { v: 41 };`}, `text("42")`},
		{"one instance per page", `<wxs module="a" src="one.wxs"/><wxs module="b" src="two.wxs"/><text>{{a.n()}}{{b.n()}}</text>`, map[string]string{
			"counter.wxs": `module.exports = { count: 0 };`,
			"one.wxs":     `var c = require('./counter.wxs'); c.count++; module.exports = { n: function () { return c.count } };`,
			"two.wxs":     `var c = require('./counter.wxs'); c.count++; module.exports = { n: function () { return c.count } };`,
		}, `text("22")`},
		{"cycle sees partial exports", `<wxs module="m" src="x.wxs"/><text>{{m.pair()}}</text>`, map[string]string{
			"x.wxs": `exports.name = 'x'; var y = require('./y.wxs'); exports.pair = function () { return exports.name + y.name + y.peer() };`,
			"y.wxs": `var x = require('./x.wxs'); exports.name = 'y'; exports.peer = function () { return x.name };`,
		}, `text("xyx")`},
		{"self require", `<wxs module="m" src="s.wxs"/><text>{{m.same}}</text>`, map[string]string{
			"s.wxs": `var me = require('./s.wxs'); module.exports.same = me === exports;`,
		}, `text("true")`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { wxsRenders(t, tc.src, tc.files, tc.want) })
	}
}

func TestWXSRequireRefused(t *testing.T) {
	cases := []struct {
		name, code string
		files      map[string]string
		want       string
	}{
		{"escaping the package", `var x = require('../../etc/x.wxs');`, nil, `index.wxml:1:33: wxs module "m": require("../../etc/x.wxs"): "../../etc/x.wxs": path escapes the package root`},
		{"escaping from absolute", `var x = require('/../x.wxs');`, nil, `path escapes the package root`},
		{"a .js file", `var x = require('./util.js');`, map[string]string{"util.js": `module.exports = {};`}, `index.wxml:1:33: wxs module "m": require("./util.js"): only .wxs files can be required`},
		{"a module name", `var x = require('lodash');`, nil, `require("lodash"): only .wxs files can be required`},
		{"a missing file", `var x = require('./nope.wxs');`, nil, `require("./nope.wxs"): no file nope.wxs in the package`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			errs := wxsErrors(t, `<wxs module="m">`+tc.code+`module.exports = {};</wxs>`, tc.files)
			if len(errs) != 1 || !strings.Contains(errs[0], tc.want) {
				t.Fatalf("errors %q, want one containing %q", errs, tc.want)
			}
		})
	}
}

// A broken dependency is reported once, where it is broken.
func TestWXSRequireBrokenDependency(t *testing.T) {
	errs := wxsErrors(t, `<wxs module="m" src="a.wxs"/><wxs module="n" src="a.wxs"/>`, map[string]string{
		"a.wxs": `var b = require('./b.wxs'); module.exports = {};`,
		"b.wxs": "\nvar f = () => 1;",
	})
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "b.wxs:2:9: wxs: arrow functions") {
		t.Fatalf("errors %q, want one at b.wxs:2:9", errs)
	}
}

func TestWXSInfiniteLoopInterrupted(t *testing.T) {
	start := time.Now()
	errs := wxsErrors(t, "<wxs module=\"m\">\nwhile (true) {}\nmodule.exports = {};</wxs>", nil)
	if len(errs) != 1 || !strings.Contains(errs[0], "interrupted") {
		t.Fatalf("errors %q, want an interrupted module", errs)
	}
	// A call from a binding is bounded too and yields undefined.
	wxsRenders(t, `<wxs module="m">module.exports = { spin: function () { for (;;) {} }, ok: function () { return 'ok' } };</wxs><text>[{{m.spin()}}]{{m.ok()}}</text>`,
		nil, `text("[]ok")`)
	// Two runaways, each stopped after template.WXSCPULimit of its thread's CPU time;
	// on a loaded machine that takes longer in wall time, but never more
	// than the wall backstop (script.WallFactor × the limit) each.
	if d := time.Since(start); d > 2*script.WallFactor*template.WXSCPULimit {
		t.Fatalf("took %v, more than two wall backstops", d)
	}
}
