package engine

// eventState is the page's input state (events*.go).
type eventState struct{}
