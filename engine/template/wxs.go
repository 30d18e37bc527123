package template

import (
	"fmt"
	"time"

	"github.com/dop251/goja"
	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine/expr"
	"github.com/skyline-go/skyline/engine/wxml"
	"github.com/skyline-go/skyline/internal/script"
)

// WXS budgets (wxs_env.go): one module load, or one call of a module
// function from a binding, may use WXSCPULimit of CPU time on the rendering
// thread (time spent waiting for a core on a busy machine does not count;
// script.WallFactor × that in wall time is the backstop) and grow the live
// heap by script.DefaultHeapGrowth. A function interrupted by a budget is
// reported once and yields undefined from then on, so a runaway function
// called in every item of a wx:for costs one budget, not one per item.
const WXSCPULimit = 200 * time.Millisecond

var wxsLimits = script.Limits{CPU: WXSCPULimit, Heap: script.DefaultHeapGrowth}

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
	exp, err := env.export(v, mod.Value, n.Pos)
	if err != nil {
		c.diags.Errorf(n.Pos, "wxs module %q: exports: %v", mod.Value, err)
		return
	}
	if f.wxs == nil {
		f.wxs = map[string]any{}
	}
	f.wxs[mod.Value] = exp
}

// export converts a module's exports into expression values (bounded, in
// key order: script.Converter); functions become expr.Func values that run
// under the WXS budget.
func (e *wxsEnv) export(v goja.Value, module string, at diag.Pos) (any, error) {
	return e.convert(v, module, at)
}

// convert converts a value of module (declared at at) within the bridge's
// budgets.
func (e *wxsEnv) convert(v goja.Value, module string, at diag.Pos) (any, error) {
	c := &script.Converter{
		Func: func(fn goja.Callable) any { return e.wrap(fn, module, at) },
		Stop: func() error {
			if x := e.guard.Tripped(); x != nil {
				return x
			}
			return nil
		},
	}
	return c.Convert(v)
}

// wxsFunc is the state of one exported function.
type wxsFunc struct {
	reported bool // an error of this function was reported
	disabled bool // interrupted by a budget: yields undefined from now on
}

// wrap makes a WXS function callable from bindings ({{m.fmt(x)}}). A call
// that throws, is interrupted or returns a value the bridge refuses yields
// undefined (spec §8.8: a binding never takes the page down); the first
// such failure of each function is a positioned warning.
func (e *wxsEnv) wrap(fn goja.Callable, module string, at diag.Pos) expr.Func {
	st := &wxsFunc{}
	return expr.Func(func(args []expr.Value) (res expr.Value) {
		if st.disabled {
			return expr.Undefined
		}
		jsArgs := make([]goja.Value, len(args))
		for i, a := range args {
			jsArgs[i] = script.ToJS(e.rt, a, nil)
		}
		e.guard.Start(wxsLimits)
		var out goja.Value
		var err error
		func() {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("%v", r)
				}
			}()
			out, err = fn(goja.Undefined(), jsArgs...)
			if err == nil {
				res, err = e.convert(out, module, at)
			}
		}()
		_, exceeded := e.guard.Stop()
		if err == nil {
			return res
		}
		if exceeded != nil {
			st.disabled = true
		}
		if !st.reported {
			st.reported = true
			msg := errorText(err)
			if exceeded != nil {
				msg = exceeded.Error() + "; its calls now yield undefined"
			}
			e.diags.Warnf(e.runtimePos(err, at), "wxs module %q: %s", module, msg)
		}
		return expr.Undefined
	})
}
