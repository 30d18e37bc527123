package motion

import "github.com/skyline-go/skyline/style"

// EventKind names a motion event, as the DOM event type.
type EventKind uint8

const (
	TransitionStart  EventKind = iota // the delay is over
	TransitionEnd                     // the transition completed
	TransitionCancel                  // a style change or a removed transition-property stopped it
	AnimationStart
	AnimationIteration
	AnimationEnd
	AnimationCancel
)

var eventTypes = [...]string{"transitionstart", "transitionend", "transitioncancel",
	"animationstart", "animationiteration", "animationend", "animationcancel"}

// Type is the event's type name ("transitionend", "animationstart" …), the
// name a `bind:` attribute listens for.
func (k EventKind) Type() string { return eventTypes[k] }

// Event is one transition or animation event (CSS Transitions 1 §6, CSS
// Animations 1 §4). ElapsedTime is in seconds, as the DOM event carries it:
// for transitions the time the transition had run, excluding its delay;
// for animations the animation's time at the event (a whole number of
// iterations at an iteration, the active duration at the end).
type Event struct {
	Kind        EventKind
	Property    style.PropID // transitions: the property
	Name        string       // animations: the animation-name
	ElapsedTime float64
}

// PropertyName is the transitioned property's CSS name (transition events).
func (e Event) PropertyName() string { return e.Property.Name() }
