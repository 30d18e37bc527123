package template

import (
	"fmt"
	"reflect"

	"github.com/dop251/goja/ast"
	jsfile "github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
)

// wxsMaxFindings caps the diagnostics one module yields: the first few
// locate the problem, hundreds from a pasted ES2015 library would not help.
const wxsMaxFindings = 10

// wxsFinding is one construct WXS does not have, at a goja source index.
type wxsFinding struct {
	at  jsfile.Idx
	msg string
}

// wxsCheck walks a parsed module and reports what WXS, an ES5 dialect
// (spec §1.5), rejects: ES2015+ syntax, regular-expression literals and
// new Date / new RegExp (WXS builds those with getRegExp / getDate), and
// any use of require other than a call with one string literal, so that
// every dependency is known, and checked, before the module runs. The
// literal specs are returned with the index of each.
func wxsCheck(prog *ast.Program) (findings []wxsFinding, requires map[string]jsfile.Idx) {
	w := &wxsWalker{requires: map[string]jsfile.Idx{}}
	w.walk(reflect.ValueOf(prog.Body))
	return w.findings, w.requires
}

type wxsWalker struct {
	findings []wxsFinding
	requires map[string]jsfile.Idx
}

var (
	astFileType   = reflect.TypeFor[*jsfile.File]()
	astIdentifier = reflect.TypeFor[ast.Identifier]()
)

func (w *wxsWalker) report(at jsfile.Idx, format string, args ...any) {
	if len(w.findings) < wxsMaxFindings {
		w.findings = append(w.findings, wxsFinding{at, fmt.Sprintf(format, args...)})
	}
}

// walk visits every node under v by reflection: goja's ast has no visitor,
// and a reflective walk cannot silently miss a node kind added upstream.
func (w *wxsWalker) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			w.walk(v.Elem())
		}
	case reflect.Pointer:
		if v.IsNil() || v.Type() == astFileType {
			return
		}
		if n, ok := v.Interface().(ast.Node); ok && !w.node(n) {
			return
		}
		w.fields(v.Elem())
	case reflect.Slice:
		for i := range v.Len() {
			w.walk(v.Index(i))
		}
	case reflect.Struct:
		if v.Type() == astIdentifier {
			// Identifier values (not pointers) are property names in
			// a.b / {a: 1}: never a reference to a variable.
			return
		}
		// A node embedded by value (for (let …;;)'s declaration).
		if v.CanAddr() {
			if n, ok := v.Addr().Interface().(ast.Node); ok && !w.node(n) {
				return
			}
		}
		w.fields(v)
	}
}

func (w *wxsWalker) fields(v reflect.Value) {
	if v.Kind() != reflect.Struct {
		return
	}
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || f.Name == "DeclarationList" {
			// DeclarationList repeats the hoisted var bindings.
			continue
		}
		w.walk(v.Field(i))
	}
}

// node checks one node; false means its children were handled here.
func (w *wxsWalker) node(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.LexicalDeclaration:
		w.report(n.Idx, "%s is not WXS (use var)", n.Token)
	case *ast.ForDeclaration:
		kw := "let"
		if n.IsConst {
			kw = "const"
		}
		w.report(n.Idx, "%s is not WXS (use var)", kw)
	case *ast.ArrowFunctionLiteral:
		w.report(n.Start, "arrow functions are not WXS (use function)")
	case *ast.ClassLiteral:
		w.report(n.Class, "classes are not WXS")
	case *ast.TemplateLiteral:
		w.report(n.OpenQuote, "template literals are not WXS (use string concatenation)")
	case *ast.SpreadElement:
		w.report(n.Idx0()-3, "spread (...) is not WXS")
	case *ast.ArrayPattern:
		w.report(n.LeftBracket, "destructuring is not WXS")
		return false
	case *ast.ObjectPattern:
		w.report(n.LeftBrace, "destructuring is not WXS")
		return false
	case *ast.ForOfStatement:
		w.report(n.For, "for-of is not WXS (use for or for-in)")
	case *ast.RegExpLiteral:
		w.report(n.Idx, "regular expression literals are not WXS (use getRegExp(pattern, flags))")
	case *ast.NewExpression:
		if id, ok := n.Callee.(*ast.Identifier); ok {
			switch id.Name {
			case "Date":
				w.report(n.New, "new Date is not WXS (use getDate(...))")
			case "RegExp":
				w.report(n.New, "new RegExp is not WXS (use getRegExp(pattern, flags))")
			}
		}
	case *ast.FunctionLiteral:
		switch {
		case n.Async:
			w.report(n.Function, "async functions are not WXS")
		case n.Generator:
			w.report(n.Function, "generators are not WXS")
		}
	case *ast.ParameterList:
		for _, b := range n.List {
			if b.Initializer != nil {
				w.report(b.Initializer.Idx0(), "default parameters are not WXS")
			}
		}
		if n.Rest != nil {
			w.report(n.Rest.Idx0()-3, "rest parameters are not WXS")
		}
	case *ast.PropertyShort:
		w.report(n.Idx0(), "shorthand properties are not WXS (write name: value)")
	case *ast.PropertyKeyed:
		switch {
		case n.Computed:
			w.report(n.Idx0(), "computed property names are not WXS")
		case n.Kind == ast.PropertyKindMethod:
			w.report(n.Idx0(), "method shorthand is not WXS (write name: function () {…})")
		}
	case *ast.OptionalChain:
		w.report(n.Idx0(), "optional chaining (?.) is not WXS")
	case *ast.BinaryExpression:
		if n.Operator == token.COALESCE || n.Operator == token.EXPONENT {
			w.report(n.Left.Idx1(), "%s is not WXS", n.Operator)
		}
	case *ast.AssignExpression:
		switch n.Operator {
		case token.COALESCE_ASSIGN, token.EXPONENT_ASSIGN, token.LOGICAL_AND_ASSIGN, token.LOGICAL_OR_ASSIGN:
			w.report(n.Left.Idx1(), "%s is not WXS", n.Operator)
		}
	case *ast.CallExpression:
		if id, ok := n.Callee.(*ast.Identifier); ok && id.Name == "require" {
			w.requireCall(n)
			return false
		}
	case *ast.Identifier:
		if n.Name == "require" {
			w.report(n.Idx, "require must be called with one string literal (require('./x.wxs'))")
		}
	}
	return true
}

// requireCall records require('<literal>') and walks nothing else: its only
// argument is a literal.
func (w *wxsWalker) requireCall(n *ast.CallExpression) {
	if len(n.ArgumentList) == 1 {
		if s, ok := n.ArgumentList[0].(*ast.StringLiteral); ok {
			if _, seen := w.requires[s.Value.String()]; !seen {
				w.requires[s.Value.String()] = s.Idx
			}
			return
		}
	}
	w.report(n.LeftParenthesis, "require must be called with one string literal (require('./x.wxs'))")
}
