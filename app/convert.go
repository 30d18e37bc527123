package app

import (
	"errors"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/engine/expr"
	"github.com/skyline-go/skyline/logic"
)

// componentDef is the engine's LoadOptions.Components: the definition of
// the component at ref (a usingComponents path) from its Component({...}),
// or nil when the component has no script (the engine's untyped default).
// This is the documented synchronous door into the runtime: instantiation
// needs property types and options before the first render.
func (a *App) componentDef(ref string) (*engine.ComponentDef, error) {
	rel := ref
	if !a.pkg.Exists(rel+".wxml") && a.pkg.Exists(rel+"/index.wxml") {
		rel += "/index" // as the engine resolves a directory (component_load.go)
	}
	if !a.pkg.Exists(rel + ".js") {
		return nil, nil
	}
	d, err := a.runtime().ComponentDef(rel)
	if err != nil {
		// The runtime reports a failing script itself (positioned, and
		// again when the instance is created); the component renders
		// untyped, its markup still shown.
		return nil, nil
	}
	return engineDef(d), nil
}

// engineDef converts a parsed Component({...}) to what the engine needs.
func engineDef(d *logic.ComponentDef) *engine.ComponentDef {
	out := &engine.ComponentDef{
		Options: engine.ComponentOptions{
			MultipleSlots:   d.Options.MultipleSlots,
			VirtualHost:     d.Options.VirtualHost,
			AddGlobalClass:  d.Options.AddGlobalClass,
			StyleIsolation:  isolation(d.Options.StyleIsolation),
			PureDataPattern: d.Options.PureDataPattern,
		},
		ExternalClasses: d.ExternalClasses,
		Data:            d.Data,
	}
	// Both sides use props.Spec, so the runtime's parsed properties are the
	// engine's as they are.
	out.Properties = append([]engine.PropertySpec(nil), d.Props...)
	return out
}

// isolation maps options.styleIsolation. The runtime reports "isolated"
// both when the script says so and when it says nothing; both become
// IsolationDefault so that the component's .json styleIsolation, when
// given, decides (WeChat accepts it in either place).
func isolation(s string) engine.StyleIsolation {
	switch s {
	case "apply-shared", "page-apply-shared":
		return engine.ApplyShared
	case "shared", "page-shared":
		return engine.Shared
	}
	return engine.IsolationDefault
}

// inits turns the engine's Attached events into the runtime's component
// list (other kinds are not expected at load and are forwarded later).
func (a *App) inits(evs []engine.InstanceEvent) []logic.ComponentInit {
	var out []logic.ComponentInit
	for _, ev := range evs {
		if ev.Kind == engine.InstanceAttached {
			out = append(out, a.componentInit(ev))
		}
	}
	return out
}

func (a *App) componentInit(ev engine.InstanceEvent) logic.ComponentInit {
	ci := logic.ComponentInit{ID: a.lid(ev.ID), Parent: a.lid(ev.Parent), Path: ev.Path, Props: props(ev.Props)}
	// The host element as selectComponent matches it (its scope is the
	// template that holds it).
	if in := a.page.Instance(ev.ID); in != nil {
		h := in.Host()
		ci.Owner = a.lid(in.Owner())
		ci.Tag, ci.ElementID = h.TagName(), h.ID()
		ci.Classes = append([]string(nil), h.ClassList()...)
		a.hosts[ev.ID] = hostKey{h.ID(), h.Class()}
	}
	return ci
}

// hostKey is a component host's id and class text as the runtime last
// heard them.
type hostKey struct{ id, class string }

// hostChanges tells the runtime about component hosts whose id or class a
// patch changed since (selectComponent matches them). It runs only after
// patches, and looks at the instances, not the whole tree.
func (a *App) hostChanges(send func(logic.Inbound)) {
	if !a.patched {
		return
	}
	a.patched = false
	for id, k := range a.hosts {
		in := a.page.Instance(id)
		if in == nil {
			delete(a.hosts, id)
			continue
		}
		h := in.Host()
		if now := (hostKey{h.ID(), h.Class()}); now != k {
			a.hosts[id] = now
			send(logic.HostChanged{ID: a.lid(id), ElementID: now.id, Classes: append([]string(nil), h.ClassList()...)})
		}
	}
}

// props passes host attributes to the script: bound values as they are,
// markup text as logic.Literal (a bare attribute is Literal("")), because
// Boolean properties coerce the two differently (spec §8.9).
func props(attrs map[string]engine.Attribute) map[string]any {
	if len(attrs) == 0 {
		return nil
	}
	out := make(map[string]any, len(attrs))
	for k, at := range attrs {
		switch {
		case at.Bound:
			out[k] = at.Value
		case at.Value == true:
			out[k] = logic.Literal("")
		default:
			s, _ := at.Value.(string)
			out[k] = logic.Literal(s)
		}
	}
	return out
}

// decodeData reads a .data.json object; a syntax error is positioned at
// its line and column. Objects inside keep the file's key order
// (expr.DecodeJSON), which is what the page's scripts see.
func decodeData(name string, b []byte) (map[string]any, error) {
	v, err := expr.DecodeJSON(b)
	if err == nil {
		switch o := v.(type) {
		case *expr.Object:
			return o.Map(), nil
		case nil:
			return map[string]any{}, nil // "null", as encoding/json took it
		}
		return nil, diag.ErrorList{{Pos: diag.Pos{File: name, Line: 1, Col: 1}, Severity: diag.Error, Msg: "the data must be a JSON object"}}
	}
	pos := diag.Pos{File: name}
	var je *expr.JSONError
	if errors.As(err, &je) {
		pos.Line, pos.Col = lineCol(b, je.Offset)
	}
	return nil, diag.ErrorList{{Pos: pos, Severity: diag.Error, Msg: err.Error()}}
}

func lineCol(b []byte, off int64) (line, col int) {
	return diag.LineCol(b, nil, int(min(max(off, 0), int64(len(b)))))
}
