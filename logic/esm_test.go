package logic

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// logPos lists console lines with their positions: "file:line:col msg".
func logPos(out []Outbound) []string {
	var l []string
	for _, o := range out {
		if m, ok := o.(Log); ok {
			l = append(l, fmt.Sprintf("%s %s", m.Pos, m.Msg))
		}
	}
	return l
}

func diagPos(out []Outbound) []string {
	var l []string
	for _, d := range diagsOf(out) {
		l = append(l, fmt.Sprintf("%s %s", d.Pos, d.Msg))
	}
	return l
}

func TestESModulesImportExport(t *testing.T) {
	h := newHarness(t, files{
		"app.js": `import { Store } from './utils/store'
App({ globalData: { store: new Store('app') } })`,
		"utils/store.js": `export class Store {
  #items = []
  constructor(name) { this.name = name }
  add(x) { this.#items.push(x); return this }
  get size() { return this.#items.length }
}
export const VERSION = '1.2'
export default function make(n) { return new Store(n) }`,
		"utils/legacy.js": `module.exports = { twice: x => x * 2 }`,
		"pages/index/index.js": `import make, { VERSION, Store } from '../../utils/store'
import legacy from '../../utils/legacy'
import * as all from '/utils/store'

const app = getApp()

Page({
  data: { v: VERSION },
  async onLoad() {
    const s = make('p').add(1).add(2)
    console.log(s instanceof Store, s.size, legacy.twice(21), typeof all.default, app.globalData.store.name)
    const m = await require.async('../../utils/store')
    console.log(m.VERSION, m.default === make)
    const d = await import('../../utils/legacy')
    console.log(d.default.twice(2))
  },
})`,
	})
	out := h.run(LoadApp{}, LoadPage{ID: 1, Path: "pages/index/index"})
	noDiags(t, out)
	if got, want := joined(logsOf(out)), "true 2 42 function app | 1.2 true | 4"; got != want {
		t.Errorf("logs = %q, want %q", got, want)
	}
}

// TestESModulePositions: every position reported from inside a transformed
// module is the author's line and column.
func TestESModulePositions(t *testing.T) {
	h := newHarness(t, files{
		"pages/p/p.js": `import { helper } from './util'
// a comment line so that esbuild's output moves lines around
const   label =   'p'   // odd spacing the printer normalises

class Boom {
  fire(n) {
      if (n > 1) { throw new Error('fired ' + n) }
    return n
  }
}

Page({
  data: { label },
  onLoad() {
    console.log('loaded', helper())
  console.warn('careful')
  },
  tap() { new Boom().fire(2) },
  async later() {
    await null
        null.x
  },
})`,
		"pages/p/util.js": `export function helper() { return 'h' }
export const top = 1`,
		"pages/q/q.js": `export const a = 1
let   b = 2


throw new TypeError('top level')`,
		"pages/r/r.js": `import x from './y'
const ok = 1
const = 2`,
	})
	out := h.run(LoadPage{ID: 1, Path: "pages/p/p"})
	noDiags(t, out)
	if got, want := joined(logPos(out)), "pages/p/p.js:15:16 loaded h | pages/p/p.js:16:15 careful"; got != want {
		t.Errorf("console positions = %q, want %q", got, want)
	}
	out = h.run(Event{ID: 1, Handler: "tap", Event: EventObject{Type: "tap"}})
	if got, want := joined(diagPos(out)), `pages/p/p.js:7:26 handler "tap": Error: fired 2`; got != want {
		t.Errorf("throw in a method: %q, want %q", got, want)
	}
	out = h.run(Event{ID: 1, Handler: "later", Event: EventObject{Type: "tap"}})
	if got, want := joined(diagPos(out)), "pages/p/p.js:21:14 Uncaught (in promise) TypeError: Cannot read property 'x' of undefined"; got != want {
		t.Errorf("rejection in an async handler: %q, want %q", got, want)
	}

	out = h.run(LoadPage{ID: 2, Path: "pages/q/q"})
	if got, want := joined(diagPos(out)), "pages/q/q.js:5:7 TypeError: top level"; !strings.HasPrefix(got, want) {
		t.Errorf("top-level throw: %q, want prefix %q", got, want)
	}
	out = h.run(LoadPage{ID: 3, Path: "pages/r/r"})
	if got, want := joined(diagPos(out)), "pages/r/r.js:3:7 SyntaxError: Expected identifier but found \"=\""; !strings.HasPrefix(got, want) {
		t.Errorf("syntax error: %q, want prefix %q", got, want)
	}
}

// TestESModulePositionsMatchPlainScript runs one page twice: as written
// (plain CommonJS, compiled untransformed) and with a trailing export
// (an ES module, transformed by esbuild). Every position reported — the
// console, a throw inside a method, a throw from a timer, a rejected
// await, a throw at module top level — is the same in both.
func TestESModulePositionsMatchPlainScript(t *testing.T) {
	body := `const   util = { twice(x) { return x * 2 } }
class  Counter {
  constructor() { this.n = 0 }
  bump(by = 1) {
    if (by > 10) {   throw new RangeError('too much: ' + by) }
    this.n += by;   return this.n
  }
}
const c = new Counter()
Page({
  onLoad(q) {
      console.log('load', util.twice(c.bump()), q?.x ?? 'none')
    console.info(BTtmpl ${c.n}BT);  console.warn("two", "on one line")
    setTimeout(() => {  c.bump(11) }, 10)
  },
  async tap() { await Promise.resolve();   const o = undefined;  o.boom() },
  err() { console.error(new Error('shown')) },
})
if (globalThis.failTop) {   throw new Error('top ' + c.n)   }
`
	body = strings.ReplaceAll(body, "BT", "\x60")
	run := func(src string) []string {
		h := newHarness(t, files{"pages/p/p.js": src})
		var all []string
		collect := func(out []Outbound) {
			all = append(all, logPos(out)...)
			all = append(all, diagPos(out)...)
		}
		collect(h.run(LoadPage{ID: 1, Path: "pages/p/p"}))
		collect(h.run(Tick{By: 20 * time.Millisecond}))
		collect(h.run(Event{ID: 1, Handler: "tap", Event: EventObject{Type: "tap"}}))
		collect(h.run(Event{ID: 1, Handler: "err", Event: EventObject{Type: "tap"}}))
		h2 := newHarness(t, files{"pages/p/p.js": "globalThis.failTop = true;" + src})
		collect(h2.run(LoadPage{ID: 1, Path: "pages/p/p"}))
		return all
	}
	plainOut := run(body)
	esmOut := run(body + "export {}\n")
	if len(plainOut) != 8 {
		t.Fatalf("plain script reported %d lines, want 8: %q", len(plainOut), plainOut)
	}
	if strings.Join(plainOut, "\n") != strings.Join(esmOut, "\n") {
		t.Errorf("positions differ:\nplain:\n%s\nmodule:\n%s", strings.Join(plainOut, "\n"), strings.Join(esmOut, "\n"))
	}
	// The columns themselves, as an author reads them.
	want := []string{
		"pages/p/p.js:12:18 load 2 none",
		"pages/p/p.js:13:17 tmpl 1",
		"pages/p/p.js:13:47 two on one line",
		"pages/p/p.js:5:28 timer: RangeError: too much: 11",
		"pages/p/p.js:16:66 Uncaught (in promise) TypeError: Cannot read property 'boom' of undefined or null",
		"pages/p/p.js:17:24 Error: shown",
		"pages/p/p.js:19:35 Error: top 0",
	}
	for i, w := range want {
		if i >= len(esmOut) || esmOut[i] != w {
			t.Errorf("line %d = %q, want %q", i, esmOut[min(i, len(esmOut)-1)], w)
		}
	}
}

// TestESModuleColumnsAreBytes: columns count bytes of the author's line
// (diag.Pos), also after non-ASCII text that esbuild escapes and source
// maps count in UTF-16 units.
func TestESModuleColumnsAreBytes(t *testing.T) {
	src := "const 标题 = '你好😀'; console.log(标题)\nexport {}\n"
	h := newHarness(t, files{"pages/p/p.js": src})
	out := h.run(LoadPage{ID: 1, Path: "pages/p/p"})
	want := fmt.Sprintf("pages/p/p.js:1:%d 你好😀", strings.Index(src, "(")+1)
	if got := joined(logPos(out)); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestNamedSourceMapsAreNotRead: a script naming a source map on its last
// line does not make the runtime read it (goja would read it from the
// host's file system); the script runs.
func TestNamedSourceMapsAreNotRead(t *testing.T) {
	for _, tail := range []string{"", "\nexport {}"} {
		h := newHarness(t, files{"pages/p/p.js": "console.log('ran')" + tail + "\n//# sourceMappingURL=/etc/passwd"})
		out := h.run(LoadPage{ID: 1, Path: "pages/p/p"})
		if got := joined(logPos(out)); got != "pages/p/p.js:1:12 ran" || len(diagsOf(out)) != 1 {
			// the one diagnostic: the file did not call Page
			t.Errorf("tail %q: logs %q, diags %q", tail, got, diagPos(out))
		}
	}
}

// TestESModuleStrictAndWarnings: a module's code is strict (assigning an
// undeclared name throws), esbuild's warnings are positioned in the
// author's file, and a plain script stays sloppy, also when a comment or
// import() sends it through esbuild.
func TestESModuleStrictAndWarnings(t *testing.T) {
	h := newHarness(t, files{
		"pages/m/m.js": `export const o = { a: 1,
  a: 2 }
Page({ onLoad() { undeclared = 1 } })`,
		"pages/s/s.js": `// import nothing: this comment makes esbuild look at the file
Page({ onLoad() { undeclared2 = 1; console.log(undeclared2, typeof import('./dyn')) } })`,
		"pages/s/dyn.js": `exports.x = 1`,
	})
	out := h.run(LoadPage{ID: 1, Path: "pages/m/m"})
	want := `pages/m/m.js:2:3 esbuild: Duplicate key "a" in object literal | pages/m/m.js:3:19 onLoad: ReferenceError: undeclared is not defined`
	if got := joined(diagPos(out)); got != want {
		t.Errorf("diags = %q\nwant %q", got, want)
	}
	out = h.run(LoadPage{ID: 2, Path: "pages/s/s"})
	noDiags(t, out)
}

// TestModuleResolution: require and import find name.js, name/index.js,
// and bare names in miniprogram_npm of the importing directory or any
// above it.
func TestModuleResolution(t *testing.T) {
	h := newHarness(t, files{
		"utils/index.js":                 `export const where = 'utils/index'`,
		"miniprogram_npm/dayjs/index.js": `module.exports = function dayjs() { return 'dayjs' }`,
		"pages/miniprogram_npm/local.js": `exports.v = 'local'`,
		"pages/n/n.js": `import { where } from '../../utils'
import dayjs from 'dayjs'
const { v } = require('local')
Page({ onLoad() { console.log(where, dayjs(), v) } })`,
		"pages/x/x.js": `require('nothing-here')`,
	})
	out := h.run(LoadPage{ID: 1, Path: "pages/n/n"})
	noDiags(t, out)
	if got := joined(logsOf(out)); got != "utils/index dayjs local" {
		t.Errorf("logs = %q", got)
	}
	out = h.run(LoadPage{ID: 2, Path: "pages/x/x"})
	if got := joined(diagPos(out)); !strings.HasPrefix(got, `pages/x/x.js:1:8 GoError: require("nothing-here"): module not found (tried pages/x/nothing-here.js, pages/x/nothing-here/index.js, pages/x/miniprogram_npm/nothing-here.js`) {
		t.Errorf("diags = %q", got)
	}
}

// TestESModuleStackAndOddNames: err.stack inside a module names the
// author's positions, and a file name goja's source-map URLs cannot carry
// (an invalid % escape) is still mapped (by the runtime itself).
func TestESModuleStackAndOddNames(t *testing.T) {
	src := `export const x = 1

function inner() {     return new Error('here') }
Page({ onLoad() { console.log(inner().stack.split('\n')[1].trim()) ; null.f() } })`
	for _, name := range []string{"pages/p/p", "pages/p/100%zz", "c:d", "pages/p/q?x#y", "pages/页面/首页 1"} {
		h := newHarness(t, files{name + ".js": src})
		out := h.run(LoadPage{ID: 1, Path: name})
		logs := logsOf(out)
		wantStack := "at inner (" + name + ".js:3:31("
		if strings.ContainsRune(name, ' ') {
			// goja writes the mapped name as a URL in err.stack text
			// (diagnostics carry the name itself, checked below).
			wantStack = "at inner (pages/%E9%A1%B5%E9%9D%A2/%E9%A6%96%E9%A1%B5%201.js:3:31("
		}
		if strings.ContainsAny(name, "%:?#") {
			wantStack = "at inner (" + name + ".js:" // goja's own name here: generated positions
		}
		if len(logs) != 1 || !strings.HasPrefix(logs[0], wantStack) {
			t.Errorf("%s: stack line %q, want prefix %q", name, logs, wantStack)
		}
		if got, want := joined(diagPos(out)), name+".js:4:30 onLoad: TypeError: Cannot read property 'f' of undefined or null"; got != want { // where goja puts it in a plain script too
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}

// TestUnhandledRejections: a rejection nothing handles by the end of the
// turn is an error at the reason's throw site, or at the API call whose
// Promise it is; a handled one (even a turn later in the same message) is
// not.
func TestUnhandledRejections(t *testing.T) {
	h := newHarness(t, files{"pages/r/r.js": `Page({
  onLoad() {
    wx.request({ url: 'https://example.com/a' })
    wx.request({ url: 'https://example.com/b' }).catch(() => console.log('caught'))
    Promise.reject(new Error('mine'))
    const p = Promise.reject(7)
    p.then(null, v => console.log('late', v))
  },
})`})
	out := h.run(LoadPage{ID: 1, Path: "pages/r/r"})
	want := `pages/r/r.js:5:20 Uncaught (in promise) Error: mine | pages/r/r.js:3:15 Uncaught (in promise) {"errMsg":"request:fail network is not available offline"}`
	if got := joined(diagPos(out)); got != want {
		t.Errorf("diags = %q\nwant %q", got, want)
	}
	if got := joined(logsOf(out)); got != "late 7 | caught" {
		t.Errorf("logs = %q", got)
	}
}

// TestESModuleLowering: what goja lacks runs lowered — async generators
// and for await, decorators, using declarations, import() — with
// positions still the author's.
func TestESModuleLowering(t *testing.T) {
	h := newHarness(t, files{"pages/l/l.js": `export {}
async function* ticks(n) { for (let i = 0; i < n; i++) { await null; yield i } }
function logged(fn, ctx) { return function (...a) { console.log('call', ctx.name); return fn.apply(this, a) } }
class Svc {
  @logged
  run(x) { if (x > 1) throw new Error('x too big'); return x }
}
Page({
  async onLoad() {
    const seen = []
    for await (const t of ticks(3)) seen.push(t)
    { using res = { [Symbol.dispose]() { console.log('disposed') } } }
    const mod = await import('./l')
    console.log(seen.join(','), new Svc().run(1), typeof mod)
    new Svc().run(2)
  },
})`})
	out := h.run(LoadPage{ID: 1, Path: "pages/l/l"})
	if got, want := joined(logsOf(out)), "disposed | call run | 0,1,2 1 object | call run"; got != want {
		t.Errorf("logs = %q, want %q", got, want)
	}
	if got, want := joined(diagPos(out)), "pages/l/l.js:6:29 Uncaught (in promise) Error: x too big"; got != want {
		t.Errorf("diags = %q, want %q", got, want)
	}
}

func TestESMStatementDetection(t *testing.T) {
	cases := map[string]bool{
		"import x from './x'":                  true,
		"  import {a} from 'b'":                true,
		"import*as m from'm'":                  true,
		"import './side'":                      true,
		"const a=1;export{a}":                  true,
		"function f(){}export default f":       true,
		"export const x = 1":                   true,
		"// import x from 'y'\nmodule.exports": false,
		"const p = import('./x')":              false,
		"module.exports.importer = 1":          false,
		"const s = 'export'":                   false,
	}
	for src, want := range cases {
		if got := esmStatement.MatchString(src); got != want {
			t.Errorf("%q: %v, want %v", src, got, want)
		}
	}
}

// TestCompileCacheSharesAcrossRuntimes: a second runtime loading the same
// file gets the compiled program from the cache, with the same warnings
// and positions; changed content compiles again.
func TestCompileCacheSharesAcrossRuntimes(t *testing.T) {
	src := "export const o = { k: 1, k: 2 }\nPage({ onLoad() { console.log('v1') } })"
	run := func(src string) string {
		h := newHarness(t, files{"pages/c/c.js": src})
		out := h.run(LoadPage{ID: 1, Path: "pages/c/c"})
		return joined(append(logPos(out), diagPos(out)...))
	}
	first := run(src)
	want := `pages/c/c.js:2:30 v1 | pages/c/c.js:1:26 esbuild: Duplicate key "k" in object literal`
	if first != want {
		t.Errorf("first load: %q, want %q", first, want)
	}
	k := cacheKey("pages/c/c.js", []byte(src))
	c1, ok := compiled.get(k)
	if !ok {
		t.Fatal("not cached")
	}
	if again := run(src); again != first {
		t.Errorf("second load: %q, want %q", again, first)
	}
	if c2, _ := compiled.get(k); c2 != c1 {
		t.Error("the second load compiled again")
	}
	if got := run(strings.Replace(src, "v1", "v2", 1)); !strings.HasPrefix(got, "pages/c/c.js:2:30 v2") {
		t.Errorf("changed file: %q", got)
	}
}
