package gesture

// Gesture handlers (spec §5): the eight handler components, the states
// they report and the payload of worklet:ongesture. The arena (arena.go)
// decides which of the handlers along a touch's path recognise it.

// HandlerKind is a gesture handler component.
type HandlerKind uint8

const (
	TapHandler HandlerKind = iota
	DoubleTapHandler
	LongPressHandler
	PanHandler
	HorizontalDragHandler
	VerticalDragHandler
	ScaleHandler
	ForcePressHandler
)

// HandlerKindOf maps a handler tag to its kind; ok is false for other tags.
func HandlerKindOf(tag string) (k HandlerKind, ok bool) {
	switch tag {
	case "tap-gesture-handler":
		return TapHandler, true
	case "double-tap-gesture-handler":
		return DoubleTapHandler, true
	case "long-press-gesture-handler":
		return LongPressHandler, true
	case "pan-gesture-handler":
		return PanHandler, true
	case "horizontal-drag-gesture-handler":
		return HorizontalDragHandler, true
	case "vertical-drag-gesture-handler":
		return VerticalDragHandler, true
	case "scale-gesture-handler":
		return ScaleHandler, true
	case "force-press-gesture-handler":
		return ForcePressHandler, true
	}
	return 0, false
}

// continuous reports handlers that report a run of states (spec §5.1).
func (k HandlerKind) continuous() bool { return k != TapHandler && k != DoubleTapHandler }

// State is a handler's state as worklet:ongesture reports it (spec §5.4).
type State uint8

const (
	StatePossible  State = 0
	StateBegin     State = 1
	StateActive    State = 2
	StateEnd       State = 3
	StateCancelled State = 4
)

// Recognition thresholds (spec §5.4 leaves them UNVERIFIED; platform-like
// values, the same as the touch stream's where they overlap): a drag is
// recognised past DragSlop px from where the finger went down, a long
// press after LongPressDelay ms held within TapSlop, a double tap when the
// second tap goes down within DoubleTapTimeout ms of the first lifting and
// within DoubleTapSlop px of it.
const (
	DragSlop         = 8
	DoubleTapTimeout = 300
	DoubleTapSlop    = 40
)

// Handler is one handler component on a touch's path as the host describes
// it.
type Handler struct {
	Kind HandlerKind
	// Tag names it in other handlers' simultaneous-handlers.
	Tag string
	// Simultaneous are the tags it may be recognised together with (both
	// sides must list each other, spec §5.5 rule 2).
	Simultaneous []string
	// NativeView is "scroll-view" or "swiper" when the handler gates its
	// child's own drag (rule 4); "" otherwise.
	NativeView string
	// ID is the host's name for it (a node), returned in events.
	ID any
}

// Payload is worklet:ongesture's argument (spec §5.3). Which fields mean
// something depends on the handler kind; the host copies those.
type Payload struct {
	State                      State
	AbsoluteX, AbsoluteY       float64
	DeltaX, DeltaY             float64 // pan, drags: since the previous callback
	TranslationX, TranslationY float64 // long-press: from the first touch
	VelocityX, VelocityY       float64 // px/s, the finger's direction
	// scale
	FocalX, FocalY           float64
	FocalDeltaX, FocalDeltaY float64
	Scale                    float64
	HorizontalScale          float64
	VerticalScale            float64
	Rotation                 float64 // radians
	PointerCount             int
	// force-press
	Pressure float64
}

// HandlerEvent is one callback to run: handler Handler (its index on the
// path given to Down, and the host's ID) with Payload.
type HandlerEvent struct {
	Index   int
	ID      any
	Kind    HandlerKind
	Payload Payload
}

// PointerEvent is what worklet:should-response-on-move receives.
type PointerEvent struct {
	Identifier       int
	Type             string // touchmove
	DeltaX, DeltaY   float64
	ClientX, ClientY float64
	Force            float64
	TimeStamp        float64
	RadiusX, RadiusY float64
	RotationAngle    float64
}
