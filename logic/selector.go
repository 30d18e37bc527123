package logic

import (
	"github.com/dop251/goja"
)

// selectorQuery is a wx.createSelectorQuery() in construction or in flight.
// Its answer comes back through the engine: exec emits SelectorQuery, the
// engine answers SelectorReply from its layout, and the callbacks run then.
type selectorQuery struct {
	scope  InstanceID
	items  []SelectorItem
	kinds  []string     // per item: "rect", "scroll" or "fields"
	cbs    []goja.Value // per item callback (may be nil)
	fields []*goja.Object
	exec   goja.Value
}

func (s *state) newSelectorQuery(scope InstanceID) goja.Value {
	vm := s.r.vm
	q := &selectorQuery{scope: scope}
	obj := vm.NewObject()
	nodesRef := func(item SelectorItem) goja.Value {
		ref := vm.NewObject()
		add := func(kind string, fields *goja.Object, cb goja.Value) goja.Value {
			q.items = append(q.items, item)
			q.kinds = append(q.kinds, kind)
			q.fields = append(q.fields, fields)
			q.cbs = append(q.cbs, cb)
			return obj
		}
		_ = ref.Set("boundingClientRect", func(c goja.FunctionCall) goja.Value { return add("rect", nil, c.Argument(0)) })
		_ = ref.Set("scrollOffset", func(c goja.FunctionCall) goja.Value { return add("scroll", nil, c.Argument(0)) })
		_ = ref.Set("fields", func(c goja.FunctionCall) goja.Value {
			return add("fields", asObject(c.Argument(0)), c.Argument(1))
		})
		return ref
	}
	_ = obj.Set("in", func(c goja.FunctionCall) goja.Value {
		if o := asObject(c.Argument(0)); o != nil {
			for id, in := range s.instances {
				if in.obj == o {
					q.scope = id
				}
			}
		}
		return obj
	})
	_ = obj.Set("select", func(c goja.FunctionCall) goja.Value {
		return nodesRef(SelectorItem{Selector: c.Argument(0).String()})
	})
	_ = obj.Set("selectAll", func(c goja.FunctionCall) goja.Value {
		return nodesRef(SelectorItem{Selector: c.Argument(0).String(), All: true})
	})
	_ = obj.Set("selectViewport", func(goja.FunctionCall) goja.Value {
		return nodesRef(SelectorItem{Viewport: true})
	})
	_ = obj.Set("exec", func(c goja.FunctionCall) goja.Value {
		q.exec = c.Argument(0)
		s.nextReq++
		s.queries[s.nextReq] = q
		s.r.emit(SelectorQuery{Req: s.nextReq, Scope: q.scope, Items: append([]SelectorItem(nil), q.items...)})
		return goja.Undefined()
	})
	return obj
}

// selectorReply runs a query's callbacks with the engine's answer.
func (s *state) selectorReply(m SelectorReply) {
	q, ok := s.queries[m.Req]
	if !ok {
		return
	}
	delete(s.queries, m.Req)
	results := make([]any, len(q.items))
	for i, item := range q.items {
		var nodes []NodeInfo
		if i < len(m.Results) {
			nodes = m.Results[i]
		}
		conv := func(n NodeInfo) any { return nodeResult(n, q.kinds[i], q.fields[i]) }
		switch {
		case item.All:
			list := make([]any, len(nodes))
			for j, n := range nodes {
				list[j] = conv(n)
			}
			results[i] = list
		case len(nodes) > 0:
			results[i] = conv(nodes[0])
		default:
			results[i] = nil
		}
		if cb := q.cbs[i]; isFunc(cb) {
			s.call("selector query callback", cb, goja.Undefined(), s.toJS(results[i]))
		}
	}
	if isFunc(q.exec) {
		s.call("selector query exec", q.exec, goja.Undefined(), s.toJS(results))
	}
}

// nodeResult shapes one node for boundingClientRect, scrollOffset or fields.
func nodeResult(n NodeInfo, kind string, fields *goja.Object) map[string]any {
	ds := n.Dataset
	if ds == nil {
		ds = map[string]any{}
	}
	rect := map[string]any{"left": n.Left, "top": n.Top, "right": n.Left + n.Width, "bottom": n.Top + n.Height,
		"width": n.Width, "height": n.Height}
	scroll := map[string]any{"scrollLeft": n.ScrollLeft, "scrollTop": n.ScrollTop,
		"scrollWidth": n.ScrollWidth, "scrollHeight": n.ScrollHeight}
	out := map[string]any{}
	switch kind {
	case "rect":
		out["id"], out["dataset"] = n.ID, ds
		for k, v := range rect {
			out[k] = v
		}
	case "scroll":
		out["id"], out["dataset"] = n.ID, ds
		for k, v := range scroll {
			out[k] = v
		}
	default:
		want := func(name string) bool {
			if fields == nil {
				return false
			}
			v := fields.Get(name)
			return v != nil && v.ToBoolean()
		}
		if want("id") {
			out["id"] = n.ID
		}
		if want("dataset") {
			out["dataset"] = ds
		}
		if want("rect") {
			for _, k := range []string{"left", "top", "right", "bottom"} {
				out[k] = rect[k]
			}
		}
		if want("size") {
			out["width"], out["height"] = n.Width, n.Height
		}
		if want("scrollOffset") {
			for k, v := range scroll {
				out[k] = v
			}
		}
	}
	return out
}
