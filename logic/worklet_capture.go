package logic

import (
	"encoding/json"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/unistring"
)

// Worklet capture (README "Worklets"): a function whose body starts with
// the 'worklet' directive is rewritten when its script loads so that the
// function object carries its source text and a closure thunk returning
// the free variables it reads:
//
//	const f = () => { 'worklet'; return a + b }
//	→ const f = globalThis.__wk(() => { 'worklet'; return a + b }, () => …{a, b}, "src", line, col)
//
//	function g() { 'worklet'; … }
//	→ function g() { 'worklet'; … };globalThis.__wkd(g, () => …, "src", line, col);
//
// and object methods `m() { 'worklet'; … }` become `m: __wk(function m() …)`.
// The thunk runs when the worklet is handed to the UI runtime (runOnUI,
// applyAnimatedStyle, derived …), so the closure is captured then, as in
// Reanimated. Free variables are the identifiers the function reads that
// it does not declare, less the globals both runtimes have. The rewrite
// only inserts text; positions are kept the author's through a source map
// (workletMap).

// workletDirective finds a file that may hold a worklet (a quick test
// before parsing).
var workletDirective = regexp.MustCompile(`['"]worklet['"]`)

// workletGlobals are names a worklet reads from the UI runtime's own
// global object, never from its closure.
var workletGlobals = map[string]bool{
	"undefined": true, "NaN": true, "Infinity": true, "globalThis": true, "arguments": true,
	"Math": true, "JSON": true, "Object": true, "Array": true, "Number": true, "String": true,
	"Boolean": true, "Symbol": true, "Date": true, "RegExp": true, "Error": true, "TypeError": true,
	"RangeError": true, "SyntaxError": true, "ReferenceError": true, "Map": true, "Set": true,
	"WeakMap": true, "WeakSet": true, "Promise": true, "parseInt": true, "parseFloat": true,
	"isNaN": true, "isFinite": true, "console": true, "wx": true, "BigInt": true,
	"encodeURIComponent": true, "decodeURIComponent": true, "Reflect": true, "Proxy": true,
	"Int8Array": true, "Uint8Array": true, "Float32Array": true, "Float64Array": true,
	"Int32Array": true, "Uint32Array": true, "ArrayBuffer": true,
}

// insertion is text inserted at a byte offset of the compiled code.
type insertion struct {
	at   int
	text string
}

// captureWorklets finds the worklets of code (the program text that runs
// inside the module wrapper) and returns code with their captures
// inserted, and the insertions made (offsets in code, sorted). pos maps an
// offset of code to the author's 1-based line and column (for the UI
// runtime's positions). A file that does not parse is returned as is (the
// compile that follows reports the error).
func captureWorklets(file, code string, pos func(off int) (int, int)) (string, []insertion) {
	if !workletDirective.MatchString(code) {
		return code, nil
	}
	head := modulePrefix + "\n"
	prog, err := parser.ParseFile(nil, "", head+code+"\n})", 0, parser.WithDisableSourceMaps)
	if err != nil {
		return code, nil
	}
	f := &wkFinder{file: file, code: code, base: len(head) + 1, pos: pos}
	f.walk(reflect.ValueOf(prog))
	if len(f.ins) == 0 {
		return code, nil
	}
	sort.SliceStable(f.ins, func(i, j int) bool { return f.ins[i].at < f.ins[j].at })
	var b strings.Builder
	last := 0
	for _, in := range f.ins {
		b.WriteString(code[last:in.at])
		b.WriteString(in.text)
		last = in.at
	}
	b.WriteString(code[last:])
	return b.String(), f.ins
}

type wkFinder struct {
	file string
	code string
	base int // Idx of code's first byte
	pos  func(off int) (int, int)
	ins  []insertion
}

var (
	typFuncLit   = reflect.TypeOf(&ast.FunctionLiteral{})
	typArrow     = reflect.TypeOf(&ast.ArrowFunctionLiteral{})
	typFuncDecl  = reflect.TypeOf(&ast.FunctionDeclaration{})
	typPropKeyed = reflect.TypeOf(&ast.PropertyKeyed{})
	typMethodDef = reflect.TypeOf(&ast.MethodDefinition{})
)

// hasDirective reports whether a function body starts with 'worklet'.
func hasDirective(body *ast.BlockStatement) bool {
	if body == nil {
		return false
	}
	for _, st := range body.List {
		es, ok := st.(*ast.ExpressionStatement)
		if !ok {
			return false
		}
		s, ok := es.Expression.(*ast.StringLiteral)
		if !ok {
			return false
		}
		if s.Value == "worklet" {
			return true
		}
	}
	return false
}

func (f *wkFinder) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return
		}
		if v.Kind() == reflect.Interface {
			f.walk(v.Elem())
			return
		}
		switch v.Type() {
		case typFuncDecl:
			fd := v.Interface().(*ast.FunctionDeclaration)
			if fl := fd.Function; fl != nil && fl.Name != nil && hasDirective(fl.Body) && !fl.Async && !fl.Generator {
				start, end := int(fl.Idx0())-f.base, int(fl.Idx1())-f.base
				if start >= 0 && end <= len(f.code) {
					f.ins = append(f.ins, insertion{end, ";globalThis.__wkd(" + string(fl.Name.Name) + ", " + f.capture(fl, start, end) + ");"})
					return
				}
			}
		case typFuncLit:
			fl := v.Interface().(*ast.FunctionLiteral)
			if hasDirective(fl.Body) {
				if f.wrap(fl, int(fl.Idx0())-f.base, int(fl.Idx1())-f.base) {
					return
				}
			}
		case typArrow:
			af := v.Interface().(*ast.ArrowFunctionLiteral)
			if b, ok := af.Body.(*ast.BlockStatement); ok && hasDirective(b) {
				if f.wrap(af, int(af.Idx0())-f.base, int(af.Idx1())-f.base) {
					return
				}
			}
		case typPropKeyed:
			pk := v.Interface().(*ast.PropertyKeyed)
			if fl, ok := pk.Value.(*ast.FunctionLiteral); ok && pk.Kind == ast.PropertyKindMethod && !pk.Computed && hasDirective(fl.Body) && !fl.Async && !fl.Generator {
				if key, ok := pk.Key.(*ast.StringLiteral); ok {
					kstart, kend := int(key.Idx0())-f.base, int(key.Idx1())-f.base
					end := int(fl.Idx1()) - f.base
					if kstart >= 0 && end <= len(f.code) && kend <= end && validIdent(f.code[kstart:kend]) {
						name := f.code[kstart:kend]
						src := "function " + name + f.code[kend:end]
						f.ins = append(f.ins,
							insertion{kend, ": globalThis.__wk(function " + name},
							insertion{end, ", " + f.captureSrc(fl, src, kstart) + ")"})
						return
					}
				}
			}
			if fl, ok := pk.Value.(*ast.FunctionLiteral); ok && pk.Kind != ast.PropertyKindValue {
				// A getter, setter or method not captured: its function
				// cannot be wrapped where it stands; look inside it.
				f.walk(reflect.ValueOf(pk.Key))
				f.walkInside(fl)
				return
			}
		case typMethodDef:
			md := v.Interface().(*ast.MethodDefinition)
			f.walk(reflect.ValueOf(md.Key))
			f.walkInside(md.Body)
			return
		}
		f.walk(v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				f.walk(v.Field(i))
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			f.walk(v.Index(i))
		}
	}
}

// walkInside visits a function's parameters and body, not the function.
func (f *wkFinder) walkInside(fl *ast.FunctionLiteral) {
	if fl == nil {
		return
	}
	f.walk(reflect.ValueOf(fl.ParameterList))
	f.walk(reflect.ValueOf(fl.Body))
}

var identRe = regexp.MustCompile(`^[A-Za-z_$][\w$]*$`)

func validIdent(s string) bool { return identRe.MatchString(s) }

// wrap wraps a worklet expression.
func (f *wkFinder) wrap(fn ast.Node, start, end int) bool {
	if start < 0 || end > len(f.code) || start >= end {
		return false
	}
	f.ins = append(f.ins,
		insertion{start, "globalThis.__wk("},
		insertion{end, ", " + f.capture(fn, start, end) + ")"})
	return true
}

// capture is the thunk and source arguments for the worklet at
// code[start:end].
func (f *wkFinder) capture(fn ast.Node, start, end int) string {
	return f.captureSrc(fn, f.code[start:end], start)
}

func (f *wkFinder) captureSrc(fn ast.Node, src string, start int) string {
	free := freeVars(fn)
	var b strings.Builder
	b.WriteString("() => { var __wko = {}; ")
	for _, name := range free {
		b.WriteString("try { __wko.")
		b.WriteString(name)
		b.WriteString(" = ")
		b.WriteString(name)
		b.WriteString(" } catch (__wke) {} ")
	}
	b.WriteString("return __wko }, ")
	q, _ := json.Marshal(src)
	b.Write(q)
	line, col := 0, 0
	if f.pos != nil {
		line, col = f.pos(start)
	}
	fq, _ := json.Marshal(f.file)
	b.WriteString(", ")
	b.Write(fq)
	b.WriteString(", " + strconv.Itoa(line) + ", " + strconv.Itoa(col))
	return b.String()
}

// freeVars lists the identifiers fn reads and does not declare (anywhere
// inside it: a name declared in a nested function counts as declared),
// less the globals, sorted.
func freeVars(fn ast.Node) []string {
	c := &refCollector{refs: map[unistring.String]bool{}, decls: map[unistring.String]bool{}}
	c.walk(reflect.ValueOf(fn), false)
	var out []string
	for name := range c.refs {
		if !c.decls[name] && !workletGlobals[string(name)] && validIdent(string(name)) {
			out = append(out, string(name))
		}
	}
	slices.Sort(out)
	return out
}

type refCollector struct {
	refs, decls map[unistring.String]bool
}

// walk visits v; decl is set inside a binding target (names declared).
func (c *refCollector) walk(v reflect.Value, decl bool) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return
		}
		if v.Kind() == reflect.Interface {
			c.walk(v.Elem(), decl)
			return
		}
		switch x := v.Interface().(type) {
		case *ast.Identifier:
			if decl {
				c.decls[x.Name] = true
			} else {
				c.refs[x.Name] = true
			}
			return
		case *ast.PropertyShort:
			if decl {
				c.decls[x.Name.Name] = true
			} else {
				c.refs[x.Name.Name] = true
			}
			c.walk(reflect.ValueOf(x.Initializer), false)
			return
		case *ast.PropertyKeyed:
			if x.Computed {
				c.walk(reflect.ValueOf(x.Key), false)
			}
			c.walk(reflect.ValueOf(x.Value), decl)
			return
		case *ast.DotExpression:
			c.walk(reflect.ValueOf(x.Left), false)
			return
		case *ast.PrivateDotExpression:
			c.walk(reflect.ValueOf(x.Left), false)
			return
		case *ast.Binding:
			c.walk(reflect.ValueOf(x.Target), true)
			c.walk(reflect.ValueOf(x.Initializer), false)
			return
		case *ast.AssignExpression:
			if decl { // a default inside a pattern: a = init
				c.walk(reflect.ValueOf(x.Left), true)
				c.walk(reflect.ValueOf(x.Right), false)
				return
			}
		case *ast.FunctionLiteral:
			if x.Name != nil {
				c.decls[x.Name.Name] = true
			}
			c.walk(reflect.ValueOf(x.ParameterList), false)
			c.walk(reflect.ValueOf(x.Body), false)
			return
		case *ast.ParameterList:
			for _, b := range x.List {
				c.walk(reflect.ValueOf(b), false)
			}
			c.walk(reflect.ValueOf(x.Rest), true)
			return
		case *ast.ClassLiteral:
			if x.Name != nil {
				c.decls[x.Name.Name] = true
			}
			c.walk(reflect.ValueOf(x.SuperClass), false)
			for _, el := range x.Body {
				switch el := el.(type) {
				case *ast.MethodDefinition:
					if el.Computed {
						c.walk(reflect.ValueOf(el.Key), false)
					}
					c.walk(reflect.ValueOf(el.Body), false)
				case *ast.FieldDefinition:
					if el.Computed {
						c.walk(reflect.ValueOf(el.Key), false)
					}
					c.walk(reflect.ValueOf(el.Initializer), false)
				default:
					c.walk(reflect.ValueOf(el), false)
				}
			}
			return
		case *ast.CatchStatement:
			c.walk(reflect.ValueOf(x.Parameter), true)
			c.walk(reflect.ValueOf(x.Body), false)
			return
		case *ast.LabelledStatement:
			c.walk(reflect.ValueOf(x.Statement), false)
			return
		case *ast.BranchStatement, *ast.MetaProperty:
			return
		case *ast.ForInStatement:
			c.walkForInto(x.Into)
			c.walk(reflect.ValueOf(x.Source), false)
			c.walk(reflect.ValueOf(x.Body), false)
			return
		case *ast.ForOfStatement:
			c.walkForInto(x.Into)
			c.walk(reflect.ValueOf(x.Source), false)
			c.walk(reflect.ValueOf(x.Body), false)
			return
		}
		c.walk(v.Elem(), decl)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				c.walk(v.Field(i), decl)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			c.walk(v.Index(i), decl)
		}
	}
}

func (c *refCollector) walkForInto(into ast.ForInto) {
	switch x := into.(type) {
	case *ast.ForIntoVar:
		c.walk(reflect.ValueOf(x.Binding), false)
	case *ast.ForDeclaration:
		c.walk(reflect.ValueOf(x.Target), true)
	default:
		c.walk(reflect.ValueOf(into), false)
	}
}

// captureScript captures the worklets of a plain script: gen is the
// rewritten text and sm maps it back (nil when nothing was captured).
func captureScript(file, text string) (string, *srcMap) {
	if !workletDirective.MatchString(text) {
		return text, nil
	}
	sm := identityMap(text)
	gen := captureMapped(file, text, sm)
	if gen == text {
		return text, nil
	}
	return gen, sm
}

// captureMapped captures the worklets of gen, whose positions sm maps to
// the author's, and shifts sm's generated columns past the inserted text.
func captureMapped(file, gen string, sm *srcMap) string {
	lineStart := []int{0}
	for i := 0; i < len(gen); i++ {
		if gen[i] == '\n' {
			lineStart = append(lineStart, i+1)
		}
	}
	lc := func(off int) (int, int) { // 0-based generated line and column
		l := sort.Search(len(lineStart), func(i int) bool { return lineStart[i] > off }) - 1
		return l, off - lineStart[l]
	}
	out, ins := captureWorklets(file, gen, func(off int) (int, int) {
		l, c := lc(off)
		if ol, oc, ok := sm.original(l+2, c+1); ok {
			return ol, oc
		}
		return l + 1, c + 1
	})
	if len(ins) == 0 {
		return gen
	}
	// Shift: a segment at or after an insertion on its line moves by the
	// inserted length (insertions hold no newline).
	type shift struct{ l, c, n int }
	sh := make([]shift, len(ins))
	for i, in := range ins {
		l, c := lc(in.at)
		sh[i] = shift{l, c, len(in.text)}
	}
	j := 0
	for i := range sm.segs {
		s := &sm.segs[i]
		for j < len(sh) && sh[j].l < s.gl {
			j++
		}
		add := 0
		for k := j; k < len(sh) && sh[k].l == s.gl && sh[k].c <= s.gc; k++ {
			add += sh[k].n
		}
		s.gc += add
	}
	return out
}

// identityMap maps a text to itself, with a mapping at each token
// boundary (as decodeSourceMap densifies esbuild's).
func identityMap(text string) *srcMap {
	m := &srcMap{lines: strings.Split(text, "\n")}
	for l, line := range m.lines {
		m.segs = append(m.segs, segment{gl: l, gc: 0, ol: l, ob: 0})
		for k := 1; k < len(line); k++ {
			a := line[k]
			if wordByte(a) && wordByte(line[k-1]) || a == ' ' || a == '\t' {
				continue
			}
			m.segs = append(m.segs, segment{gl: l, gc: k, ol: l, ob: k})
		}
	}
	return m
}
