package app

import (
	"fmt"
	"slices"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/logic"
	"github.com/skyline-go/skyline/worklet"
)

// The worklet UI runtime (README "Worklets"). The App owns one for all its
// pages, as WeChat has one UI thread per app: created with the first
// worklet request, run on the App's goroutine (never the logic runtime's),
// stepped by Advance with the App's clock. The logic layer's WorkletOps go
// to it; its runOnJS calls and shared-value reports go back as logic
// messages; the animated styles it computes are set on the matched nodes
// directly (engine.Page.SetAnimatedStyle), without a setData.

// styleBinding is one applyAnimatedStyle: the page and the nodes its
// selector matched when it was bound.
type styleBinding struct {
	run      *pageRun
	instance logic.InstanceID
	selector string
	nodes    []*engine.Node
	last     string // the declarations last set
}

func (a *App) uiRuntime() *worklet.Runtime {
	if a.ui == nil {
		a.ui = worklet.New(worklet.Config{
			TimeLimit: a.opts.TimeLimit,
			Style:     a.animatedStyle,
			Log: func(level, msg string, p diag.Pos) {
				a.log(logic.Log{Level: level, Msg: "[ui] " + msg, Pos: p})
			},
			Diag: func(d diag.Diagnostic) {
				a.diags.Add(d)
				a.changed = true
			},
		})
		a.ui.Frame(a.clock.Now())
		a.styles = map[int]*styleBinding{}
	}
	return a.ui
}

// workletOp carries out one request of the logic layer.
func (a *App) workletOp(m logic.WorkletOp) {
	ui := a.uiRuntime()
	// What the request changes shows at the next frame, and it may have
	// started an animation: a host that ticks only while something moves
	// (the preview) must draw and Advance again.
	a.changed = true
	switch m.Kind {
	case logic.WorkletCreate:
		ui.CreateShared(m.ID, m.Value)
	case logic.WorkletSet:
		ui.SetShared(m.ID, m.Value)
	case logic.WorkletDerive:
		ui.Derive(m.ID, m.Value)
	case logic.WorkletCancel:
		ui.Cancel(m.ID)
	case logic.WorkletRun:
		ui.RunOnUI(m.Value, m.Args)
	case logic.WorkletApplyStyle:
		r, nodes := a.selectNodes(m)
		if r == nil {
			return
		}
		a.styles[m.ID] = &styleBinding{run: r, instance: m.Instance, selector: m.Selector, nodes: nodes}
		ui.ApplyStyle(m.ID, m.Value, m.Immediate)
	case logic.WorkletClearStyle:
		_, nodes := a.selectNodes(m)
		ids := make([]int, 0, len(a.styles))
		for id := range a.styles {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			b := a.styles[id]
			if len(m.StyleIDs) > 0 && !slices.Contains(m.StyleIDs, id) {
				continue
			}
			if !slices.ContainsFunc(b.nodes, func(n *engine.Node) bool { return slices.Contains(nodes, n) }) {
				continue
			}
			ui.ClearStyle(id)
			delete(a.styles, id)
		}
	}
}

// selectNodes finds the nodes an animated-style selector matches in its
// instance's scope (the selector subset of selector queries).
func (a *App) selectNodes(m logic.WorkletOp) (*pageRun, []*engine.Node) {
	r, scope := a.runOf(m.Instance)
	if r == nil {
		return nil, nil
	}
	sel, err := parseSelector(m.Selector)
	if err != nil {
		a.warnOnce("sel "+m.Selector, diag.Pos{File: r.path + ".js"}, fmt.Sprintf("applyAnimatedStyle %q: %v", m.Selector, err))
		return r, nil
	}
	var nodes []*engine.Node
	r.page.Root().Walk(func(n *engine.Node) bool {
		if n.Kind == engine.ElementNode && n != r.page.Root() && sel.matches(n, scope) {
			nodes = append(nodes, n)
		}
		return true
	})
	return r, nodes
}

// animatedStyle applies an updater's result to its nodes.
func (a *App) animatedStyle(id int, decls string) {
	b := a.styles[id]
	if b == nil || b.run.page == nil {
		return
	}
	b.last = decls
	for _, n := range b.nodes {
		b.run.page.SetAnimatedStyle(n, decls)
	}
	a.changed = true
}

// rebindStyles matches the animated styles of run r again after a patch
// (wx:if, wx:for may have added or removed nodes): new matches get the
// style's last declarations at once.
func (a *App) rebindStyles(r *pageRun) {
	for _, b := range a.styles {
		if b.run != r {
			continue
		}
		_, nodes := a.selectNodes(logic.WorkletOp{Instance: b.instance, Selector: b.selector})
		for _, n := range nodes {
			if b.last != "" && !slices.Contains(b.nodes, n) {
				r.page.SetAnimatedStyle(n, b.last)
			}
		}
		b.nodes = nodes
	}
}

// forwardWorklet sends the UI runtime's runOnJS calls and shared-value
// reports to the logic layer.
func (a *App) forwardWorklet() bool {
	if a.ui == nil || a.rt == nil {
		return false
	}
	sent := false
	// Values first: a runOnJS callback reads what the UI side holds.
	if s := a.ui.DrainSync(); s != nil {
		a.send(logic.WorkletSync{Values: s})
		sent = true
	}
	for _, c := range a.ui.DrainCalls() {
		a.send(logic.WorkletCall{Fn: c.Fn, Args: c.Args})
		sent = true
	}
	return sent
}

// stepWorklets runs one frame of the UI runtime at the App's clock and
// reports whether an animation still runs.
func (a *App) stepWorklets() bool {
	if a.ui == nil {
		return false
	}
	a.ui.Frame(a.clock.Now())
	return a.ui.NeedsFrame()
}

// dropStyles unbinds the animated styles of a page that closes.
func (a *App) dropStyles(r *pageRun) {
	for id, b := range a.styles {
		if b.run == r {
			a.ui.ClearStyle(id)
			delete(a.styles, id)
		}
	}
}
