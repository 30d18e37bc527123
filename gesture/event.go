package gesture

// EventObject is the argument an event handler receives (spec §1.6). The
// renderer fills it during dispatch and the logic layer hands it to the
// handler, so both use this one type.
type EventObject struct {
	Type string
	// TimeStamp is the caller's time of the input, ms since the page opened.
	TimeStamp     float64
	Target        EventTarget
	CurrentTarget EventTarget
	// Mark merges mark:x of the target and its ancestors, nearer nodes
	// winning; marks of nodes outside the handler's component are left out.
	Mark map[string]any
	// Detail is {x, y} (page px) for touch-derived events, the triggerEvent
	// detail for component events.
	Detail         any
	Touches        []Touch
	ChangedTouches []Touch
}

// EventTarget is event.target / event.currentTarget.
type EventTarget struct {
	ID      string
	Dataset map[string]any
}

// Touch is one entry of touches / changedTouches. There is no document
// scrolling (spec §0), so client coordinates equal page coordinates.
type Touch struct {
	Identifier       int
	PageX, PageY     float64
	ClientX, ClientY float64
}
