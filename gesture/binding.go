package gesture

import "strings"

// Phase is when a handler runs during dispatch (spec §1.6): capture handlers
// run root→target, then bubble handlers target→root.
type Phase uint8

const (
	Bubble Phase = iota
	Capture
)

// Binding is what an event attribute such as `catch:tap` or
// `capture-bind:touchstart` declares. The handler name itself is a value of
// the attribute and is kept by the engine (it may be a data binding).
type Binding struct {
	Event string // "tap", "touchstart", "scroll", …
	Phase Phase
	// Catch stops propagation after this handler (capture-catch also stops
	// the whole bubble phase).
	Catch bool
	// Mut makes the handler mutually exclusive along one propagation path:
	// only the first mut handler reached fires.
	Mut bool
}

// eventPrefixes lists the attribute prefixes in longest-first order so that
// "capture-mut-bind" is not mistaken for "bind". Each may be followed by a
// colon ("bind:tap") or directly by the event name ("bindtap").
var eventPrefixes = [...]struct {
	prefix string
	b      Binding
}{
	{"capture-mut-bind", Binding{Phase: Capture, Mut: true}},
	{"capture-catch", Binding{Phase: Capture, Catch: true}},
	{"capture-bind", Binding{Phase: Capture}},
	{"mut-bind", Binding{Mut: true}},
	{"catch", Binding{Catch: true}},
	{"bind", Binding{}},
}

// ParseEventAttr recognises an event-binding attribute name. It reports false
// for every other attribute, including a prefix with no event name ("bind:").
func ParseEventAttr(name string) (Binding, bool) {
	for _, p := range eventPrefixes {
		rest, ok := strings.CutPrefix(name, p.prefix)
		if !ok {
			continue
		}
		rest = strings.TrimPrefix(rest, ":")
		if !validEventName(rest) {
			return Binding{}, false
		}
		b := p.b
		b.Event = rest
		return b, true
	}
	return Binding{}, false
}

// validEventName accepts the lower-case-with-hyphens names events use; it
// rejects attributes that merely start with "bind…" such as "binding" would
// if it had upper case or punctuation. Event names in WXML are lower-case
// letters, digits, hyphens and underscores.
func validEventName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// Bubbles reports whether an event type takes part in bubbling (spec §1.6).
// Component events such as scroll-view's `scroll` do not bubble.
func Bubbles(event string) bool {
	switch event {
	case "touchstart", "touchmove", "touchcancel", "touchend", "tap", "longpress",
		"longtap", "transitionend", "animationstart", "animationiteration",
		"animationend", "touchforcechange":
		return true
	}
	return false
}
