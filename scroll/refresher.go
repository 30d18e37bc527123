package scroll

// RefresherStatus is the refresher status of bind:refresherstatuschange.
// Spec §4.5 gives the enum from skyline-skills with UNVERIFIED numbering;
// we use it as listed.
type RefresherStatus uint8

const (
	RefresherIdle            RefresherStatus = 0
	RefresherCanRefresh      RefresherStatus = 1
	RefresherRefreshing      RefresherStatus = 2
	RefresherCompleted       RefresherStatus = 3
	RefresherFailed          RefresherStatus = 4
	RefresherCanTwoLevel     RefresherStatus = 5
	RefresherTwoLevelOpening RefresherStatus = 6
	RefresherTwoLevelOpen    RefresherStatus = 7
	RefresherTwoLevelClosing RefresherStatus = 8
)

// RefresherEventKind names the refresher events of spec §4.5.
type RefresherEventKind uint8

const (
	RefresherPulling      RefresherEventKind = iota // bindrefresherpulling {dy}
	RefresherWillRefresh                            // bind:refresherwillrefresh
	RefresherRefresh                                // bindrefresherrefresh
	RefresherRestore                                // bindrefresherrestore
	RefresherAbort                                  // bindrefresherabort
	RefresherStatusChange                           // bind:refresherstatuschange {status, dy}
)

// RefresherEvent is one refresher event.
type RefresherEvent struct {
	Kind   RefresherEventKind
	Status RefresherStatus
	DY     float64
}

// Refresher is pull-to-refresh (refresher-* attributes, spec §4.5). The
// host feeds it the pull distance (overscroll at the start, −offset) each
// frame and the release; while refreshing it holds the indicator open: the
// host sets the scroller's Min to −HoldExtent().
type Refresher struct {
	// Threshold is refresher-threshold (0 means 45).
	Threshold float64
	// TwoLevel enables refresher-two-level-*; TwoLevelThreshold (0 means
	// 150) is the pull that arms it.
	TwoLevel          bool
	TwoLevelThreshold float64

	Status RefresherStatus
	buf    []RefresherEvent
	pulled bool
	dy     float64
}

func (r *Refresher) threshold() float64 {
	if r.Threshold > 0 {
		return r.Threshold
	}
	return 45
}

func (r *Refresher) twoLevel() float64 {
	if r.TwoLevelThreshold > 0 {
		return r.TwoLevelThreshold
	}
	return 150
}

func (r *Refresher) set(s RefresherStatus) {
	if r.Status != s {
		r.Status = s
		r.buf = append(r.buf, RefresherEvent{Kind: RefresherStatusChange, Status: s, DY: r.dy})
	}
}

// HoldExtent is how far the indicator is held open (the scroller's −Min).
func (r *Refresher) HoldExtent() float64 {
	switch r.Status {
	case RefresherRefreshing:
		return r.threshold()
	case RefresherTwoLevelOpening, RefresherTwoLevelOpen:
		return r.twoLevel()
	}
	return 0
}

// Pull reports the pull distance dy ≥ 0 of this frame; dragging says the
// finger is down. The returned slice is reused by the next call.
//
// refresherpulling fires when the pull distance changed while dragging (a
// frame or input that did not move the content reports nothing).
func (r *Refresher) Pull(dy float64, dragging bool) []RefresherEvent {
	r.buf = r.buf[:0]
	moved := dy != r.dy
	r.dy = dy
	switch r.Status {
	case RefresherIdle, RefresherCanRefresh, RefresherCanTwoLevel:
		if !dragging {
			break
		}
		if dy > 0 {
			r.pulled = true
			if moved {
				r.buf = append(r.buf, RefresherEvent{Kind: RefresherPulling, DY: dy})
			}
		}
		switch {
		case r.TwoLevel && dy >= r.twoLevel():
			r.set(RefresherCanTwoLevel)
		case dy >= r.threshold():
			if r.Status == RefresherIdle {
				r.buf = append(r.buf, RefresherEvent{Kind: RefresherWillRefresh, DY: dy})
			}
			r.set(RefresherCanRefresh)
		default:
			r.set(RefresherIdle)
		}
	case RefresherCompleted, RefresherFailed:
		if dy <= 0 {
			r.set(RefresherIdle)
			r.buf = append(r.buf, RefresherEvent{Kind: RefresherRestore})
		}
	case RefresherTwoLevelOpening:
		if dy >= r.twoLevel() {
			r.set(RefresherTwoLevelOpen)
		}
	case RefresherTwoLevelClosing:
		if dy <= 0 {
			r.set(RefresherIdle)
		}
	}
	return r.buf
}

// Release is the finger lifting: past the threshold it starts refreshing
// (refresher-triggered becomes true), short of it the pull is aborted.
func (r *Refresher) Release() []RefresherEvent {
	r.buf = r.buf[:0]
	switch r.Status {
	case RefresherCanRefresh:
		r.set(RefresherRefreshing)
		r.buf = append(r.buf, RefresherEvent{Kind: RefresherRefresh, DY: r.dy})
	case RefresherCanTwoLevel:
		r.set(RefresherTwoLevelOpening)
	case RefresherIdle:
		if r.pulled {
			r.buf = append(r.buf, RefresherEvent{Kind: RefresherAbort, DY: r.dy})
		}
	}
	r.pulled = false
	return r.buf
}

// SetTriggered applies refresher-triggered (controlled state): true starts
// refreshing, false ends a refresh as completed (or failed).
func (r *Refresher) SetTriggered(on, failed bool) []RefresherEvent {
	r.buf = r.buf[:0]
	switch {
	case on && r.Status != RefresherRefreshing:
		r.set(RefresherRefreshing)
		r.buf = append(r.buf, RefresherEvent{Kind: RefresherRefresh})
	case !on && r.Status == RefresherRefreshing && failed:
		r.set(RefresherFailed)
	case !on && r.Status == RefresherRefreshing:
		r.set(RefresherCompleted)
	}
	return r.buf
}

// CloseTwoLevel closes an open second floor (refresher-two-level-triggered
// set false).
func (r *Refresher) CloseTwoLevel() []RefresherEvent {
	r.buf = r.buf[:0]
	if r.Status == RefresherTwoLevelOpen || r.Status == RefresherTwoLevelOpening {
		r.set(RefresherTwoLevelClosing)
	}
	return r.buf
}
