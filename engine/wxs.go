package engine

import (
	"errors"
	"io/fs"
	"time"

	"github.com/dop251/goja"
	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/expr"
	"github.com/skyline-go/skyline/engine/wxml"
)

// wxsTimeout bounds one module evaluation or one call, so a looping script
// cannot hang a render (WXS is untrusted page code).
const wxsTimeout = 200 * time.Millisecond

// wxsModule evaluates <wxs module="m"> (inline or src) and records its
// exports on f (spec §1.5). Exported functions become expr.Func values
// callable from bindings ({{m.fmt(x)}}); other exports become plain values.
// The script runs in its own goja runtime with a CommonJS-style module
// object; require() of other modules is not provided.
func (c *compiler) wxsModule(f *file, n *wxml.Node) {
	mod, ok := n.Attr("module")
	if !ok || mod.Value == "" {
		c.diags.Errorf(n.Pos, "<wxs> needs a module attribute")
		return
	}
	var src string
	pos := n.Pos
	if _, hasSrc := n.Attr("src"); hasSrc {
		rel, p, ok := c.srcPath(f, n, ".wxs")
		if !ok {
			return
		}
		b, err := c.pkg.Read(rel)
		if err != nil {
			c.diags.Errorf(p, "cannot read %s: %v", rel, unwrapPathError(err))
			return
		}
		src, pos = string(b), diag.Pos{File: rel, Line: 1, Col: 1}
	} else {
		for _, ch := range n.Children {
			if ch.Type == wxml.TextNode {
				src += ch.Text
				pos = ch.Pos
			}
		}
	}
	exports, err := runWXS(pos.File, src)
	if err != nil {
		c.diags.Errorf(pos, "wxs module %q: %v", mod.Value, err)
		return
	}
	if f.wxs == nil {
		f.wxs = map[string]any{}
	}
	f.wxs[mod.Value] = exports
}

func runWXS(name, src string) (v any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("script failed")
		}
	}()
	rt := goja.New()
	prog, err := goja.Compile(name, "(function(module, exports){\n"+src+"\n})", false)
	if err != nil {
		return nil, err
	}
	t := time.AfterFunc(wxsTimeout, func() { rt.Interrupt("wxs timeout") })
	defer t.Stop()
	fnv, err := rt.RunProgram(prog)
	if err != nil {
		return nil, err
	}
	fn, _ := goja.AssertFunction(fnv)
	module := rt.NewObject()
	exportsObj := rt.NewObject()
	_ = module.Set("exports", exportsObj)
	if _, err := fn(goja.Undefined(), module, exportsObj); err != nil {
		return nil, err
	}
	return fromJS(rt, module.Get("exports")), nil
}

// fromJS converts a goja value into an expr value; functions become
// expr.Func closures over the runtime.
func fromJS(rt *goja.Runtime, v goja.Value) any {
	if v == nil || goja.IsUndefined(v) {
		return expr.Undefined
	}
	if goja.IsNull(v) {
		return nil
	}
	if fn, ok := goja.AssertFunction(v); ok {
		return expr.Func(func(args []expr.Value) (res expr.Value) {
			defer func() {
				if recover() != nil {
					res = expr.Undefined
				}
			}()
			jsArgs := make([]goja.Value, len(args))
			for i, a := range args {
				jsArgs[i] = toJS(rt, a)
			}
			rt.ClearInterrupt() // a timer that fired after the last call finished
			t := time.AfterFunc(wxsTimeout, func() { rt.Interrupt("wxs timeout") })
			defer t.Stop()
			out, err := fn(goja.Undefined(), jsArgs...)
			rt.ClearInterrupt()
			if err != nil {
				return expr.Undefined
			}
			return fromJS(rt, out)
		})
	}
	if obj, ok := v.(*goja.Object); ok {
		switch obj.ClassName() {
		case "Array":
			n := int(obj.Get("length").ToInteger())
			out := make([]any, n)
			for i := range out {
				out[i] = fromJS(rt, obj.Get(itoa(i)))
			}
			return out
		case "Object":
			out := map[string]any{}
			for _, k := range obj.Keys() {
				out[k] = fromJS(rt, obj.Get(k))
			}
			return out
		}
	}
	v2, err := normalizeValue(v.Export(), 0)
	if err != nil {
		return expr.Undefined
	}
	return v2
}

func toJS(rt *goja.Runtime, v any) goja.Value {
	switch x := v.(type) {
	case nil:
		return goja.Null()
	case []any:
		arr := make([]any, len(x))
		for i, e := range x {
			arr[i] = toJS(rt, e)
		}
		return rt.NewArray(arr...)
	case map[string]any:
		o := rt.NewObject()
		for k, e := range x {
			_ = o.Set(k, toJS(rt, e))
		}
		return o
	case expr.Func:
		return goja.Undefined()
	}
	if v == expr.Undefined {
		return goja.Undefined()
	}
	return rt.ToValue(v)
}

// unwrapPathError drops the OS path from file errors: diagnostics name
// package paths only.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
