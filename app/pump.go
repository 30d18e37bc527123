package app

import (
	"fmt"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/logic"
)

// Pump exchanges messages until both sides are quiet: what the engine
// queued (instance lifecycles, handler calls, scroll-view events) goes to the
// runtime, Sync waits for it, and what the runtime answered (patches,
// component events, queries, logs, toasts) is applied — which may queue more
// engine work, hence rounds. It reports whether anything the host draws
// changed (page data, toast, modal, logs) since the last Pump or Poll
// (input methods pump too and leave that report to the next Pump or Poll).
func (a *App) Pump() bool {
	a.exchange()
	return a.settle()
}

// exchange is Pump's loop.
func (a *App) exchange() {
	for round := 0; ; round++ {
		if round == maxPumpRounds {
			a.warnOnce("pump", diag.Pos{File: a.path + ".js"},
				fmt.Sprintf("the page and its scripts were still exchanging messages after %d rounds (handlers that keep triggering each other?); continuing on the next input", maxPumpRounds))
			break
		}
		a.forward()
		if a.rt != nil && (a.unsynced || round == 0) {
			a.unsynced = false
			a.rt.Sync()
		}
		if !a.apply() {
			break
		}
	}
	a.expireToast()
}

// send passes one message to the runtime; the next Pump round waits for it.
func (a *App) send(m logic.Inbound) {
	a.rt.Send(m)
	a.unsynced = true
}

// Poll is Pump without waiting: it forwards and applies what is ready now
// (timers of a real clock fire on the runtime's goroutine; their patches
// are picked up here). The preview calls it every frame.
func (a *App) Poll() bool {
	for round := 0; round < maxPumpRounds; round++ {
		sent := a.forward()
		if !a.apply() && !sent {
			break
		}
	}
	a.unsynced = false // what was sent is picked up by a later Poll
	return a.settle()
}

func (a *App) settle() bool {
	a.expireToast()
	c := a.changed
	a.changed = false
	return c
}

// forward sends the queued work of every loaded page's engine (a hidden
// page's patches may mount components too) to the runtime and reports
// whether it sent anything.
func (a *App) forward() bool {
	sent := a.netReplies()
	for _, pr := range a.page.DrainPickers() {
		a.openPicker(pr)
	}
	for _, nv := range a.page.DrainNavigations() {
		if err := a.route(nv.Kind, nv.URL, a.path, nv.Delta); err != nil {
			a.diags.Add(diag.Diagnostic{Pos: nv.Node.Pos, Severity: diag.Warning, Msg: "navigator: " + nv.Kind + ":fail " + err.Error()})
		}
		sent = true
	}
	if a.forwardWorklet() {
		sent = true
	}
	for _, r := range a.liveRuns() {
		a.with(r, func() {
			if a.forwardPage() {
				sent = true
			}
		})
	}
	return sent
}

// forwardPage is forward for the current page.
func (a *App) forwardPage() bool {
	p := a.page
	evs := p.DrainInstanceEvents()
	calls := p.DrainHandlerCalls()
	if a.rt == nil {
		for _, c := range calls {
			pos := c.Pos
			if pos.File == "" {
				pos = diag.Pos{File: a.path + ".wxml"}
			}
			a.warnOnce("nojs "+c.Handler, pos,
				fmt.Sprintf("handler %q of event %q does not run: the page has no script", c.Handler, c.Event.Type))
		}
		return false
	}
	sent := false
	send := func(m logic.Inbound) {
		a.send(m)
		sent = true
	}
	// Consecutive attachments are one Mount, so the runtime orders their
	// lifetimes as a batch (children's created before hosts' attached).
	var mount []logic.ComponentInit
	flush := func() {
		if len(mount) > 0 {
			send(logic.Mount{Components: mount})
			mount = nil
		}
	}
	for _, ev := range evs {
		if ev.Kind == engine.InstanceAttached {
			mount = append(mount, a.componentInit(ev))
			continue
		}
		flush()
		id := a.lid(ev.ID)
		switch ev.Kind {
		case engine.InstanceDetached:
			delete(a.hosts, ev.ID)
			send(logic.Unmount{ID: id})
		case engine.InstanceMoved:
			send(logic.Move{ID: id})
		case engine.InstancePropsChanged:
			send(logic.SetProperties{ID: id, Props: props(ev.Props)})
		}
	}
	flush()
	a.hostChanges(send)
	for _, c := range calls {
		if c.Handler == "" {
			continue
		}
		send(logic.Event{ID: a.lid(c.Instance), Handler: c.Handler, Event: c.Event})
	}
	return sent
}

// apply handles the runtime's outbound messages and reports whether there
// were any besides Done markers.
func (a *App) apply() bool {
	if a.rt == nil {
		return false
	}
	any := false
	for _, m := range a.rt.Drain() {
		if _, done := m.(logic.Done); done {
			continue
		}
		any = true
		switch m := m.(type) {
		case logic.Patch:
			a.patch(m)
		case logic.TriggerEvent:
			if r, id := a.runOf(m.ID); r != nil {
				r.page.TriggerEvent(id, m.Name, m.Detail, m.Bubbles, m.Composed, m.CapturePhase, a.now())
			}
		case logic.Log:
			a.log(m)
		case logic.Diagnostic:
			a.diags.Add(m.Diagnostic)
			a.changed = true
		case logic.ShowToast:
			a.showToast(m)
		case logic.HideToast:
			a.hideToast()
		case logic.ShowModal:
			a.modal = &Modal{Req: m.Req, Title: m.Title, Content: m.Content, ShowCancel: m.ShowCancel,
				ConfirmText: m.ConfirmText, CancelText: m.CancelText}
			a.changed = true
		case logic.SelectorQuery:
			r, _ := a.runOf(m.Scope)
			if r == nil {
				r = a.pageRun
			}
			a.with(r, func() { a.send(a.answer(m)) })
		case logic.Navigate:
			a.navigate(m)
		case logic.NetworkRequest:
			a.request(m)
		case logic.WorkletOp:
			a.workletOp(m)
		}
	}
	return any
}

// patch applies one setData to its page or component (on whichever page
// it lives, shown or not).
func (a *App) patch(m logic.Patch) {
	r, id := a.runOf(m.ID)
	if r == nil {
		return // the page closed since the script ran
	}
	a.with(r, func() { a.patchPage(m, id) })
}

func (a *App) patchPage(m logic.Patch, id engine.InstanceID) {
	var err error
	if id == 0 {
		err = a.page.SetData(m.Data, m.Keys...)
	} else if a.page.Instance(id) != nil {
		err = a.page.SetComponentData(id, m.Data, m.Keys...)
	} else {
		return // removed since the script ran: its data no longer shows
	}
	a.changed = true
	a.patched = true
	if len(a.styles) > 0 {
		a.rebindStyles(a.pageRun)
	}
	if err != nil {
		var d diag.Diagnostic
		if e, ok := err.(diag.Diagnostic); ok {
			d = e
		} else {
			d = diag.Diagnostic{Pos: diag.Pos{File: a.path + ".js"}, Severity: diag.Error, Msg: err.Error()}
		}
		a.diags.Add(d)
	}
}

func (a *App) log(m logic.Log) {
	if len(a.logs) == maxLogs {
		copy(a.logs, a.logs[1:])
		a.logs = a.logs[:maxLogs-1]
	}
	a.logs = append(a.logs, LogEntry{Level: m.Level, Msg: m.Msg, Pos: m.Pos})
	a.changed = true
	if w := a.opts.LogOutput; w != nil {
		fmt.Fprintf(w, "console.%s: %s (%s)\n", m.Level, m.Msg, m.Pos)
	}
}
