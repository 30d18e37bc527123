package engine

import (
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/dop251/goja"
	"github.com/skyline-go/skyline/engine/expr"
	"github.com/skyline-go/skyline/engine/wxml"
)

// wxsTimeout bounds one module evaluation or one call, so a looping script
// cannot hang a render (WXS is untrusted page code).
const wxsTimeout = 200 * time.Millisecond

// wxsModule evaluates <wxs module="m"> (inline or src) and records its
// exports on f (spec §1.5). Exported functions become expr.Func values
// callable from bindings ({{m.fmt(x)}}); other exports become plain values.
//
// The script must be WXS, an ES5 dialect: wxsCheck rejects later syntax,
// regexp literals and new Date/RegExp with a diagnostic at the construct
// (wxs_check.go), and the runtime offers WXS's library only (wxs_env.go).
// A module that fails to parse, check or run is an error diagnostic, as a
// WXS compile error is in WeChat's toolchain: the page does not load, and
// the module is not recorded (its names resolve as plain data).
func (c *compiler) wxsModule(f *file, n *wxml.Node) {
	mod, ok := n.Attr("module")
	if !ok || mod.Value == "" {
		c.diags.Errorf(n.Pos, "<wxs> needs a module attribute")
		return
	}
	env := c.wxsEnvFor()
	var v goja.Value
	if _, hasSrc := n.Attr("src"); hasSrc {
		rel, p, ok := c.srcPath(f, n, ".wxs")
		if !ok {
			return
		}
		v, ok = env.run(func() (goja.Value, bool) { return env.load(rel, p) })
		if !ok {
			return
		}
	} else {
		var src string
		pos := n.Pos
		for _, ch := range n.Children {
			if ch.Type == wxml.TextNode {
				src, pos = ch.Text, ch.Pos // <wxs> content is one raw text node
			}
		}
		label := fmt.Sprintf("wxs module %q", mod.Value)
		v, ok = env.run(func() (goja.Value, bool) { return env.inline(f.path, label, newWXSSource(pos, src)) })
		if !ok {
			return
		}
	}
	if f.wxs == nil {
		f.wxs = map[string]any{}
	}
	f.wxs[mod.Value] = fromJS(env.rt, v)
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
