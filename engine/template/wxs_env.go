package template

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/pkgfs"
	"github.com/skyline-go/skyline/internal/script"
)

// The module body runs as a function of the CommonJS module object, so at
// run time the source starts on line 2, column 1 (wxsSource maps positions
// back).
const (
	wxsPrefix = "(function (module, exports, require) {\n"
	wxsSuffix = "\n})"
)

// errWXSDependency marks a require whose target failed; that failure was
// already reported where it happened, so the requirer adds nothing.
var errWXSDependency = errors.New("required wxs module failed")

// wxsEnv is the WXS realm of one compile (the page with its imports, or one
// component definition). Its modules share one goja runtime, so require can
// hand one module's exports to another, and each .wxs file runs once: WXS
// modules are singletons initialised on first reference (spec §1.5).
type wxsEnv struct {
	pkg   *pkgfs.Package
	diags *diag.List
	rt    *goja.Runtime
	guard *script.Guard
	files map[string]*wxsFileModule
	srcs  map[string]*wxsSource // by goja source name, for runtime positions
}

type wxsFileModule struct {
	module *goja.Object
	failed bool
}

// wxsEnvFor returns the compiler's realm, created on the first <wxs>.
func (c *compiler) wxsEnvFor() *wxsEnv {
	if c.wxs == nil {
		c.wxs = newWXSEnv(c.pkg, c.diags)
	}
	return c.wxs
}

func newWXSEnv(pkg *pkgfs.Package, diags *diag.List) *wxsEnv {
	e := &wxsEnv{pkg: pkg, diags: diags, rt: goja.New(), files: map[string]*wxsFileModule{}, srcs: map[string]*wxsSource{}}
	e.rt.SetMaxCallStackSize(wxsMaxCallStack)
	e.guard = script.NewGuard(e.rt, false)
	e.installGlobals()
	return e
}

// installGlobals turns goja's ES2015+ global object into WXS's library:
// console.log, Math, JSON, Number, Date.{now,parse,UTC}, the ES5 globals,
// and getRegExp / getDate as the only way to build regexps and dates. There
// is no wx, getApp, timer, RegExp or Date constructor, eval or Function
// constructor (which would also run code the syntax check never saw).
func (e *wxsEnv) installGlobals() {
	rt := e.rt
	// Size limits on natives the budget cannot interrupt (a sparse array's
	// join, 'x'.repeat(2 ** 30)); installed while Set and Reflect exist.
	_ = script.Harden(rt)
	g := rt.GlobalObject()
	dateCtor := g.Get("Date").(*goja.Object)
	regexpCtor := g.Get("RegExp")
	funcProto := g.Get("Function").(*goja.Object).Get("prototype").(*goja.Object)
	_ = funcProto.Delete("constructor")

	date := rt.NewObject()
	for _, k := range []string{"now", "parse", "UTC"} {
		_ = date.Set(k, dateCtor.Get(k))
	}
	_ = g.Set("Date", date)
	for _, k := range []string{"RegExp", "eval", "Function", "Promise", "Proxy", "Reflect", "Symbol",
		"Map", "Set", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry", "globalThis"} {
		_ = g.Delete(k)
	}
	console := rt.NewObject()
	// A renderer has no console; logging is accepted and dropped.
	_ = console.Set("log", func(goja.FunctionCall) goja.Value { return goja.Undefined() })
	_ = g.Set("console", console)

	_ = g.Set("getRegExp", func(call goja.FunctionCall) goja.Value {
		args := []goja.Value{call.Argument(0)}
		if f := call.Argument(1); !goja.IsUndefined(f) {
			flags := f.String()
			for i, r := range flags {
				if !strings.ContainsRune("gim", r) || strings.ContainsRune(flags[:i], r) {
					panic(rt.NewTypeError("getRegExp: invalid flags %q (WXS allows g, i, m)", flags))
				}
			}
			args = append(args, f)
		}
		if re, ok := args[0].(*goja.Object); ok && re.ClassName() == "RegExp" {
			args[0] = re.Get("source")
		}
		o, err := rt.New(regexpCtor, args...)
		if err != nil {
			panic(err)
		}
		return o
	})
	_ = g.Set("getDate", func(call goja.FunctionCall) goja.Value {
		o, err := rt.New(dateCtor, call.Arguments...)
		if err != nil {
			panic(err)
		}
		return o
	})
}

// wxsMaxCallStack bounds WXS call depth (unbounded recursion is a
// RangeError, not a stack that grows until the budget).
const wxsMaxCallStack = 4096

// run evaluates one top-level module load under the WXS budget, so a
// looping script cannot hang the render; nested requires share it.
func (e *wxsEnv) run(load func() (goja.Value, bool)) (v goja.Value, ok bool) {
	e.guard.Start(wxsLimits)
	defer e.guard.Stop()
	defer func() {
		if r := recover(); r != nil {
			v, ok = nil, false
		}
	}()
	return load()
}

// inline evaluates the body of <wxs module="…"> found in the package file
// from; an inline module is never shared.
func (e *wxsEnv) inline(from string, label string, src *wxsSource) (goja.Value, bool) {
	name := fmt.Sprintf("%s#wxs%d", from, len(e.srcs))
	fn, req, ok := e.compile(name, from, label, src)
	if !ok {
		return nil, false
	}
	module := e.rt.NewObject()
	return e.exec(fn, req, module, label, src)
}

// load returns the exports of the package file rel, evaluating it on first
// use. A module required while it is still loading (a cycle) yields its
// exports so far, as CommonJS does.
func (e *wxsEnv) load(rel string, from diag.Pos) (goja.Value, bool) {
	if m, ok := e.files[rel]; ok {
		if m.failed {
			return nil, false
		}
		return m.module.Get("exports"), true
	}
	m := &wxsFileModule{module: e.rt.NewObject(), failed: true}
	e.files[rel] = m
	b, err := e.pkg.Read(rel)
	if err != nil {
		e.diags.Errorf(from, "cannot read %s: %v", rel, pkgfs.UnwrapPathError(err))
		return nil, false
	}
	src := newWXSSource(diag.Pos{File: rel, Line: 1, Col: 1}, string(b))
	fn, req, ok := e.compile(rel, rel, "wxs", src)
	if !ok {
		return nil, false
	}
	m.failed = false
	v, ok := e.exec(fn, req, m.module, "wxs", src)
	m.failed = !ok
	return v, ok
}

// compile parses, checks and compiles one module body. from is the package
// file its require paths are relative to.
func (e *wxsEnv) compile(name, from, label string, src *wxsSource) (goja.Callable, map[string]string, bool) {
	e.srcs[name] = src
	// The body is parsed (and checked) on its own, so it cannot close the
	// wrapper function and escape the check, and syntax errors read as
	// they would in the file.
	prog, err := parser.ParseFile(nil, name, src.text, 0, parser.WithDisableSourceMaps)
	if err != nil {
		var list parser.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			e.diags.Errorf(src.lineCol(list[0].Position.Line, list[0].Position.Column, 0), "%s: %s", label, list[0].Message)
		} else {
			e.diags.Errorf(src.base, "%s: %v", label, err)
		}
		return nil, nil, false
	}
	findings, specs := wxsCheck(prog)
	for _, f := range findings {
		e.diags.Errorf(src.idx(int(f.at)), "%s: %s", label, f.msg)
	}
	ok := len(findings) == 0
	requires := map[string]string{}
	keys := make([]string, 0, len(specs))
	for spec := range specs {
		keys = append(keys, spec)
	}
	slices.SortFunc(keys, func(a, b string) int { return int(specs[a]) - int(specs[b]) })
	for _, spec := range keys {
		rel, err := e.resolveRequire(from, spec)
		if err != nil {
			e.diags.Errorf(src.idx(int(specs[spec])), "%s: require(%q): %v", label, spec, err)
			ok = false
			continue
		}
		requires[spec] = rel
	}
	if !ok {
		return nil, nil, false
	}
	p, err := goja.Compile(name, wxsPrefix+src.text+wxsSuffix, false)
	if err != nil {
		e.diags.Errorf(src.base, "%s: %v", label, err)
		return nil, nil, false
	}
	v, err := e.rt.RunProgram(p)
	if err != nil {
		e.diags.Errorf(src.base, "%s: %v", label, err)
		return nil, nil, false
	}
	fn, _ := goja.AssertFunction(v)
	return fn, requires, true
}

// resolveRequire maps a require spec to a package path: only .wxs files,
// relative to the requiring file or package-absolute ("/x.wxs"), never
// outside the package (WeChat: "只能引用 .wxs 文件模块").
func (e *wxsEnv) resolveRequire(from, spec string) (string, error) {
	if path.Ext(spec) != ".wxs" {
		return "", errors.New("only .wxs files can be required")
	}
	rel, err := e.pkg.Resolve(from, spec)
	if err != nil {
		return "", err
	}
	if !e.pkg.Exists(rel) {
		return "", fmt.Errorf("no file %s in the package", rel)
	}
	return rel, nil
}

// exec runs a compiled module body with its module object and require.
func (e *wxsEnv) exec(fn goja.Callable, requires map[string]string, module *goja.Object, label string, src *wxsSource) (goja.Value, bool) {
	exports := e.rt.NewObject()
	_ = module.Set("exports", exports)
	require := func(call goja.FunctionCall) goja.Value {
		rel, ok := requires[call.Argument(0).String()]
		if !ok {
			panic(e.rt.NewTypeError("require: unknown module %s", call.Argument(0)))
		}
		v, ok := e.load(rel, src.base)
		if !ok {
			panic(e.rt.NewGoError(errWXSDependency))
		}
		return v
	}
	if _, err := fn(goja.Undefined(), module, exports, e.rt.ToValue(require)); err != nil {
		if !errors.Is(err, errWXSDependency) {
			e.diags.Errorf(e.errorPos(err, src), "%s: %s", label, errorText(err))
		}
		return nil, false
	}
	return module.Get("exports"), true
}

// errorPos places a runtime error at the innermost frame in the module's
// own source (an error inside a required module was reported there).
func (e *wxsEnv) errorPos(err error, src *wxsSource) diag.Pos {
	for _, fr := range errorFrames(err) {
		if s := e.srcs[fr.SrcName()]; s == src {
			p := fr.Position()
			return src.lineCol(p.Line, p.Column, 1)
		}
	}
	return src.base
}

// runtimePos places an error of a call from a binding at its innermost
// frame in any WXS source of the realm; else at the module's declaration.
func (e *wxsEnv) runtimePos(err error, at diag.Pos) diag.Pos {
	for _, fr := range errorFrames(err) {
		if s := e.srcs[fr.SrcName()]; s != nil {
			p := fr.Position()
			return s.lineCol(p.Line, p.Column, 1)
		}
	}
	return at
}

func errorFrames(err error) []goja.StackFrame {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return ex.Stack()
	}
	var intr *goja.InterruptedError
	if errors.As(err, &intr) {
		return intr.Stack()
	}
	var so *goja.StackOverflowError
	if errors.As(err, &so) {
		return so.Stack()
	}
	return nil
}

func errorText(err error) string {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return ex.Value().String()
	}
	var intr *goja.InterruptedError
	if errors.As(err, &intr) {
		return fmt.Sprint(intr.Value())
	}
	var so *goja.StackOverflowError
	if errors.As(err, &so) {
		return "RangeError: maximum call stack size exceeded"
	}
	return err.Error()
}

// wxsSource is a module body and where it starts in its file (an inline
// module starts at the <wxs> element's content).
type wxsSource struct {
	base  diag.Pos
	text  string
	lines []int // byte offset of each line start in text
}

func newWXSSource(base diag.Pos, text string) *wxsSource {
	s := &wxsSource{base: base, text: text, lines: []int{0}}
	for i := range len(text) {
		if text[i] == '\n' {
			s.lines = append(s.lines, i+1)
		}
	}
	return s
}

// idx maps a goja source index (1-based, in the body parsed alone) to a
// position in the package file.
func (s *wxsSource) idx(i int) diag.Pos { return s.offset(i - 1) }

// lineCol maps a goja line:column to the package file; skip is the number
// of wrapper lines before the body (wxsPrefix at run time).
func (s *wxsSource) lineCol(line, col, skip int) diag.Pos {
	l := line - 1 - skip // 0-based line in text
	switch {
	case l < 0:
		return s.offset(0)
	case l >= len(s.lines):
		return s.offset(len(s.text))
	}
	return s.offset(s.lines[l] + col - 1)
}

func (s *wxsSource) offset(off int) diag.Pos {
	off = max(0, min(off, len(s.text)))
	l, _ := slices.BinarySearch(s.lines, off+1)
	l-- // the last line start <= off
	col := off - s.lines[l] + 1
	if l == 0 {
		return diag.Pos{File: s.base.File, Line: s.base.Line, Col: s.base.Col + col - 1}
	}
	return diag.Pos{File: s.base.File, Line: s.base.Line + l, Col: col}
}
