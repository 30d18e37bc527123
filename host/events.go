package host

import (
	"github.com/skyline-go/skyline/app"
	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/gesture"
)

// Event is one thing the page tells the host, in the JSON form Drain
// returns. Type says which fields are set:
//
//   - "handler": an event handler to run (host logic only): Handler, the
//     Instance whose method it is (0: the page) and the Event argument
//     as WeChat hands it to the handler (type, timeStamp, target,
//     currentTarget, mark, detail, touches, changedTouches).
//   - "instance": a component instance's lifecycle (host logic only): Kind
//     (attached, detached, moved, propsChanged), Instance, Parent, Path.
//   - "log": a console line of the page's scripts: Level, Message.
//   - "diagnostic": a warning or error: Level, Message (file:line:col: …).
//   - "toast", "modal": wx.showToast / showModal for the host to draw:
//     Message (title), Detail (the whole request).
type Event struct {
	Type     string         `json:"type"`
	Handler  string         `json:"handler,omitempty"`
	Instance uint64         `json:"instance"`
	Event    map[string]any `json:"event,omitempty"`
	Kind     string         `json:"kind,omitempty"`
	Parent   uint64         `json:"parent,omitempty"`
	Path     string         `json:"path,omitempty"`
	Level    string         `json:"level,omitempty"`
	Message  string         `json:"message,omitempty"`
	Detail   any            `json:"detail,omitempty"`
}

// collect moves what the page and app queued since the last call into
// s.events.
func (s *Session) collect() {
	if s.a == nil {
		for _, ev := range s.p.DrainInstanceEvents() {
			s.events = append(s.events, instanceEvent(ev))
		}
		for _, c := range s.p.DrainHandlerCalls() {
			if c.Handler == "" {
				continue
			}
			s.events = append(s.events, Event{Type: "handler", Handler: c.Handler, Instance: uint64(c.Instance), Event: eventObject(c.Event)})
		}
	} else {
		s.collectApp()
	}
	ds := s.diagnostics()
	if s.diagsSeen > len(ds) {
		s.diagsSeen = 0
	}
	for _, d := range ds[s.diagsSeen:] {
		s.events = append(s.events, Event{Type: "diagnostic", Level: d.Severity.String(), Message: d.String()})
	}
	s.diagsSeen = len(ds)
}

func (s *Session) diagnostics() []diag.Diagnostic {
	if s.a != nil {
		return s.a.Diagnostics()
	}
	return s.p.Diagnostics()
}

func (s *Session) collectApp() {
	logs := s.a.Logs()
	start := s.logsSeen
	if start > len(logs) || (start > 0 && logs[start-1] != s.lastLog) {
		// The App keeps only its newest lines: find the last one seen.
		start = 0
		for i := len(logs) - 1; i >= 0; i-- {
			if logs[i] == s.lastLog {
				start = i + 1
				break
			}
		}
	}
	for _, l := range logs[start:] {
		s.events = append(s.events, Event{Type: "log", Level: l.Level, Message: l.Msg})
	}
	s.logsSeen = len(logs)
	if len(logs) > 0 {
		s.lastLog = logs[len(logs)-1]
	}
	if t := s.a.Toast(); t != nil && t != s.toast {
		s.events = append(s.events, Event{Type: "toast", Message: t.Title, Detail: toastJSON(t)})
	}
	s.toast = s.a.Toast()
	if m := s.a.Modal(); m != nil && m != s.modal {
		s.events = append(s.events, Event{Type: "modal", Message: m.Title, Detail: map[string]any{
			"title": m.Title, "content": m.Content, "showCancel": m.ShowCancel,
			"confirmText": m.ConfirmText, "cancelText": m.CancelText}})
	}
	s.modal = s.a.Modal()
}

func toastJSON(t *app.Toast) map[string]any {
	return map[string]any{"title": t.Title, "icon": t.Icon, "image": t.Image, "mask": t.Mask}
}

var kinds = map[engine.InstanceEventKind]string{
	engine.InstanceAttached:     "attached",
	engine.InstanceDetached:     "detached",
	engine.InstanceMoved:        "moved",
	engine.InstancePropsChanged: "propsChanged",
}

func instanceEvent(ev engine.InstanceEvent) Event {
	e := Event{Type: "instance", Kind: kinds[ev.Kind], Instance: uint64(ev.ID), Parent: uint64(ev.Parent), Path: ev.Path}
	if len(ev.Props) > 0 {
		props := map[string]any{}
		for k, a := range ev.Props {
			props[k] = a.Value
		}
		e.Detail = props
	}
	return e
}

// eventObject is the handler argument in WeChat's JSON shape.
func eventObject(e gesture.EventObject) map[string]any {
	m := map[string]any{
		"type":           e.Type,
		"timeStamp":      e.TimeStamp,
		"target":         target(e.Target),
		"currentTarget":  target(e.CurrentTarget),
		"mark":           orEmpty(e.Mark),
		"detail":         e.Detail,
		"touches":        touches(e.Touches),
		"changedTouches": touches(e.ChangedTouches),
	}
	return m
}

func target(t gesture.EventTarget) map[string]any {
	return map[string]any{"id": t.ID, "dataset": orEmpty(t.Dataset)}
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

func touches(ts []gesture.Touch) []map[string]any {
	out := make([]map[string]any, len(ts))
	for i, t := range ts {
		out[i] = map[string]any{"identifier": t.Identifier, "pageX": t.PageX, "pageY": t.PageY, "clientX": t.ClientX, "clientY": t.ClientY}
	}
	return out
}
