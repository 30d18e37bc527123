package scroll

import "math"

// EventKind names the scroll-view events of spec §4.5.
type EventKind uint8

const (
	EventScroll        EventKind = iota // bindscroll
	EventScrollToUpper                  // bindscrolltoupper
	EventScrollToLower                  // bindscrolltolower
	EventScrollStart                    // bind:scrollstart
	EventScrollEnd                      // bind:scrollend
)

// ScrollDetail is the detail of a scroll event (spec §4.5).
type ScrollDetail struct {
	ScrollLeft, ScrollTop, ScrollHeight, ScrollWidth float64
	DeltaX, DeltaY                                   float64
	IsDrag                                           bool
	// BoundaryVelocity is the velocity when the scroll hit an edge, else NaN.
	BoundaryVelocity float64
}

// Event is one scroll-view event; Detail is meaningful for EventScroll,
// IsDrag for start / end.
type Event struct {
	Kind   EventKind
	Detail ScrollDetail
	IsDrag bool
}

// DefaultThreshold is upper-threshold / lower-threshold's default (px).
const DefaultThreshold = 50

// Events turns frame-by-frame scroll state into scroll-view events. Feed it
// once per frame after layout. The zero value has thresholds 0; the host
// sets them from the attributes (DefaultThreshold when absent).
type Events struct {
	Axis                           Axis
	UpperThreshold, LowerThreshold float64

	buf     []Event
	begun   bool
	moving  bool
	dragged bool
	offset  float64
	inUpper bool
	inLower bool
}

// Update reports the events of one frame: offset and content / viewport
// extents along the axis, cross extent for the other scrollWidth /
// scrollHeight, what moves the scroller. The returned slice is reused by
// the next call.
//
// Thresholds (UNVERIFIED re-arm rule, our decision as the spec suggests):
// scrolltoupper fires when the distance to the start becomes ≤
// upper-threshold from outside the zone, and re-arms once the position has
// left the zone; likewise scrolltolower at the end. The first Update only
// establishes the state (loading a page at the top fires nothing).
func (e *Events) Update(offset, content, viewport, crossContent float64, phase Phase, boundaryVelocity float64) []Event {
	e.buf = e.buf[:0]
	isDrag := phase == Dragging
	upper := offset <= e.UpperThreshold
	lower := content-viewport-offset <= e.LowerThreshold
	if !e.begun {
		e.begun, e.offset, e.inUpper, e.inLower = true, offset, upper, lower
		return e.buf
	}
	delta := offset - e.offset
	if delta != 0 && !e.moving {
		e.moving, e.dragged = true, isDrag
		e.buf = append(e.buf, Event{Kind: EventScrollStart, IsDrag: isDrag})
	}
	if delta != 0 {
		d := ScrollDetail{IsDrag: isDrag, BoundaryVelocity: boundaryVelocity}
		if e.Axis == Horizontal {
			d.ScrollLeft, d.ScrollWidth, d.ScrollHeight, d.DeltaX = offset, content, crossContent, delta
		} else {
			d.ScrollTop, d.ScrollHeight, d.ScrollWidth, d.DeltaY = offset, content, crossContent, delta
		}
		if math.IsNaN(boundaryVelocity) || boundaryVelocity == 0 {
			d.BoundaryVelocity = math.NaN()
		}
		e.buf = append(e.buf, Event{Kind: EventScroll, Detail: d})
	}
	if upper && !e.inUpper {
		e.buf = append(e.buf, Event{Kind: EventScrollToUpper})
	}
	if lower && !e.inLower {
		e.buf = append(e.buf, Event{Kind: EventScrollToLower})
	}
	e.inUpper, e.inLower = upper, lower
	if e.moving && phase == Idle && delta == 0 {
		e.moving = false
		e.buf = append(e.buf, Event{Kind: EventScrollEnd, IsDrag: e.dragged})
	}
	e.offset = offset
	return e.buf
}
