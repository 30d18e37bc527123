package gesture

import "math"

// The gesture arena (spec §5.5; design anchor: Flutter's arena and React
// Native Gesture Handler's state machine). On the first finger down every
// handler on the path from the hit node up to the root enters POSSIBLE.
// Each input then asks the undecided handlers, innermost first, whether it
// recognises them; of those that do on the same input the one with the
// stricter criterion wins (a drag along its axis over a pan, which takes
// any direction — rule 3), then the innermost. The winner is asked
// ShouldAccept once (false cancels it and the next candidate is asked);
// once accepted, every other handler fails — CANCELLED if it had reported
// POSSIBLE — unless the two list each other's tag in
// simultaneous-handlers, in which case both run. An accepted continuous
// handler reports BEGIN, ACTIVE on each move that ShouldRespondOnMove lets
// through, then END when the last finger lifts (CANCELLED when the
// sequence is cancelled); tap and double-tap report one BEGIN when
// recognised. A tap waits for a double-tap handler on the same path to fail
// (its window to pass) before it is recognised.
//
// Decisions on UNVERIFIED points (README "Gesture handlers"): pan, the
// drags, long-press and scale report POSSIBLE at the first finger down
// (force-press does not: it is never recognised without pressure); a
// handler that never wins reports CANCELLED once if it reported POSSIBLE.

// ArenaHooks are the handlers' callbacks the arena consults: worklet:
// should-accept-gesture and worklet:should-response-on-move. i is the
// handler's index on the path given to Down.
type ArenaHooks interface {
	ShouldAccept(i int) bool
	ShouldRespondOnMove(i int, e PointerEvent) bool
}

type hstate struct {
	state    State
	reported bool // reported POSSIBLE
	accepted bool // won (or runs simultaneously with the winner)
	failed   bool
	respond  bool // the last ShouldRespondOnMove answer
	lastX    float64
	lastY    float64
	// double-tap: the first tap's lift
	firstUp          bool
	firstX, firstY   float64
	firstT           float64
	secondDown       bool
	tapPending       bool // tap: recognised on lift, waiting for a double-tap to fail
	justBegan        bool // BEGIN was reported for the input being handled
	scaleRun         int  // scale: the pointer count the current run started with
	lastFx, lastFy   float64
	dist0, ang0      float64
	dx0, dy0         float64
	vel              VelocityTracker
	pendTapX, pendTY float64
}

type pointer struct {
	id          int
	x, y, force float64
	x0, y0      float64
	down        bool
}

// Arena runs the handlers of one touch sequence (first finger down to last
// finger up). The zero value is ready; Hooks may be nil (everything is
// accepted and every move delivered).
type Arena struct {
	Hooks  ArenaHooks
	path   []Handler
	st     []hstate
	ptr    [2]pointer
	events []HandlerEvent
	t0     float64
	moved  bool // a finger strayed past TapSlop
	active bool // a sequence is in progress (fingers down, or a tap or double tap pending)
}

// Events returns the callbacks produced since the last call, in order, and
// forgets them. The slice is reused by the next input.
func (a *Arena) Events() []HandlerEvent {
	ev := a.events
	a.events = a.events[:0]
	return ev
}

// Active reports a sequence in progress.
func (a *Arena) Active() bool { return a.active }

// Accepted reports that handler i was recognised and runs.
func (a *Arena) Accepted(i int) bool { return i < len(a.st) && a.st[i].accepted && !a.st[i].failed }

// AllowsNative reports whether handler i, a native-view handler, lets its
// child's own drag take the latest move: it was accepted and its
// ShouldRespondOnMove did not refuse the move (spec §5.5 rule 4).
func (a *Arena) AllowsNative(i int) bool {
	return a.Accepted(i) && a.st[i].respond
}

func (a *Arena) downCount() int {
	n := 0
	for _, p := range a.ptr {
		if p.down {
			n++
		}
	}
	return n
}

func (a *Arena) emit(i int, p Payload) {
	h := &a.path[i]
	a.st[i].state = p.State
	a.events = append(a.events, HandlerEvent{Index: i, ID: h.ID, Kind: h.Kind, Payload: p})
}

// Down puts finger id down at window point (x, y) at time t (ms). path is
// the handlers from the hit node up to the root, innermost first; it is
// read on the first finger of a sequence only (later fingers join it).
func (a *Arena) Down(path []Handler, id int, x, y, t, force float64) {
	if a.downCount() == 0 {
		a.beginSequence(path, x, y, t)
	}
	slot := -1
	for k := range a.ptr {
		if !a.ptr[k].down {
			slot = k
			break
		}
	}
	if slot < 0 {
		return // a third finger: no handler uses it
	}
	a.ptr[slot] = pointer{id: id, x: x, y: y, x0: x, y0: y, force: force, down: true}
	if a.downCount() == 2 {
		a.secondFinger(t)
	}
	for i := range a.st {
		s := &a.st[i]
		s.vel.Add(x, y, t)
		if a.path[i].Kind == DoubleTapHandler && s.firstUp && !s.failed {
			if t-s.firstT <= DoubleTapTimeout && math.Hypot(x-s.firstX, y-s.firstY) <= DoubleTapSlop {
				s.secondDown = true
			} else {
				a.fail(i)
			}
		}
	}
}

// beginSequence starts a sequence over path, unless a pending double tap
// continues the previous one.
func (a *Arena) beginSequence(path []Handler, x, y, t float64) {
	if a.active && a.pendingDouble() {
		a.moved = false
		a.t0 = t
		return
	}
	a.flushPendingTaps()
	a.path = append(a.path[:0], path...)
	a.st = append(a.st[:0], make([]hstate, len(path))...)
	a.t0, a.moved, a.active = t, false, true
	for i, h := range a.path {
		s := &a.st[i]
		s.lastX, s.lastY = x, y
		s.respond = true
		switch h.Kind {
		case PanHandler, HorizontalDragHandler, VerticalDragHandler, LongPressHandler, ScaleHandler:
			s.reported = true
			a.emit(i, Payload{State: StatePossible, AbsoluteX: x, AbsoluteY: y, Scale: scaleOne(h.Kind), PointerCount: 1})
		}
	}
}

func scaleOne(k HandlerKind) float64 {
	if k == ScaleHandler {
		return 1
	}
	return 0
}

// pendingDouble reports a double-tap handler waiting for its second tap.
func (a *Arena) pendingDouble() bool {
	for i, h := range a.path {
		if h.Kind == DoubleTapHandler && a.st[i].firstUp && !a.st[i].failed && !a.st[i].accepted {
			return true
		}
	}
	return false
}

// Move moves finger id to (x, y) at time t.
func (a *Arena) Move(id int, x, y, t, force float64) {
	k := a.pointerIndex(id)
	if k < 0 {
		return
	}
	p := &a.ptr[k]
	pdx, pdy := x-p.x, y-p.y
	p.x, p.y, p.force = x, y, force
	if math.Hypot(x-p.x0, y-p.y0) > TapSlop {
		a.moved = true
	}
	for i := range a.st {
		if k == 0 {
			a.st[i].vel.Add(x, y, t)
		}
		a.st[i].justBegan = false
	}
	a.decide(t)
	pe := PointerEvent{Identifier: id, Type: "touchmove", DeltaX: pdx, DeltaY: pdy, ClientX: x, ClientY: y, Force: force, TimeStamp: t}
	for i := range a.st {
		s := &a.st[i]
		if !s.accepted || s.failed || !a.path[i].Kind.continuous() {
			continue
		}
		s.respond = a.Hooks == nil || a.Hooks.ShouldRespondOnMove(i, pe)
		if !s.respond {
			continue
		}
		if (s.state == StateBegin || s.state == StateActive) && !s.justBegan {
			a.emit(i, a.payload(i, StateActive, t))
		}
	}
}

func (a *Arena) pointerIndex(id int) int {
	for k := range a.ptr {
		if a.ptr[k].down && a.ptr[k].id == id {
			return k
		}
	}
	return -1
}

// decide runs recognition over the undecided handlers after an input.
func (a *Arena) decide(t float64) {
	if !a.active {
		return
	}
	for {
		best := a.candidate()
		if best < 0 {
			return
		}
		a.accept(best, t)
	}
}

// candidate is the handler that recognises the input so far and wins over
// the others that do (the stricter criterion, then the innermost); -1 when
// none. Handlers the input rules out fail on the way.
func (a *Arena) candidate() int {
	p := a.ptr[0]
	dx, dy := p.x-p.x0, p.y-p.y0
	dist := math.Hypot(dx, dy)
	best, bestRank := -1, -1
	for i, h := range a.path {
		s := &a.st[i]
		if s.failed || s.accepted {
			continue
		}
		rank := -1
		switch h.Kind {
		case PanHandler:
			if dist > DragSlop {
				rank = 1
			}
		case ScaleHandler:
			if dist > DragSlop {
				rank = 0 // one finger: a pan, the loosest
			}
		case HorizontalDragHandler:
			if math.Abs(dy) > DragSlop && math.Abs(dy) > math.Abs(dx) {
				a.fail(i)
			} else if math.Abs(dx) > DragSlop {
				rank = 2
			}
		case VerticalDragHandler:
			if math.Abs(dx) > DragSlop && math.Abs(dx) > math.Abs(dy) {
				a.fail(i)
			} else if math.Abs(dy) > DragSlop {
				rank = 2
			}
		case TapHandler, DoubleTapHandler, LongPressHandler:
			if a.moved {
				a.fail(i)
			}
		case ForcePressHandler:
			if a.moved {
				a.fail(i)
			} else if p.force >= 0.5 {
				rank = 2
			}
		}
		if rank > bestRank {
			best, bestRank = i, rank
		}
	}
	return best
}

// accept makes handler i the winner if its ShouldAccept agrees; the
// handlers it may not run with fail.
func (a *Arena) accept(i int, t float64) {
	if a.Hooks != nil && !a.Hooks.ShouldAccept(i) {
		a.fail(i) // decide asks the next candidate, if any
		return
	}
	s := &a.st[i]
	s.accepted = true
	s.respond = true
	s.justBegan = true
	p := a.ptr[0]
	if a.path[i].Kind.continuous() {
		a.emit(i, a.payload(i, StateBegin, t))
	} else {
		a.emit(i, Payload{State: StateBegin, AbsoluteX: p.x, AbsoluteY: p.y})
	}
	for j := range a.path {
		if j == i || a.st[j].failed || a.simultaneous(i, j) {
			continue
		}
		a.fail(j)
	}
	_ = t
}

// simultaneous reports that handlers i and j list each other.
func (a *Arena) simultaneous(i, j int) bool {
	hi, hj := &a.path[i], &a.path[j]
	return hi.Tag != "" && hj.Tag != "" && contains(hi.Simultaneous, hj.Tag) && contains(hj.Simultaneous, hi.Tag)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fail takes handler i out: CANCELLED when it had reported a state.
func (a *Arena) fail(i int) {
	s := &a.st[i]
	if s.failed {
		return
	}
	s.failed = true
	s.tapPending = false
	if s.reported || s.accepted {
		p := a.ptr[0]
		pl := Payload{State: StateCancelled, AbsoluteX: p.x, AbsoluteY: p.y, Scale: scaleOne(a.path[i].Kind)}
		a.emit(i, pl)
	}
}

// payload is a continuous handler's payload in state st at time t.
func (a *Arena) payload(i int, st State, t float64) Payload {
	s := &a.st[i]
	p := a.ptr[0]
	pl := Payload{State: st, AbsoluteX: p.x, AbsoluteY: p.y}
	switch a.path[i].Kind {
	case PanHandler, HorizontalDragHandler, VerticalDragHandler:
		pl.DeltaX, pl.DeltaY = p.x-s.lastX, p.y-s.lastY
		if a.path[i].Kind == HorizontalDragHandler {
			pl.DeltaY = 0
		}
		if a.path[i].Kind == VerticalDragHandler {
			pl.DeltaX = 0
		}
		s.lastX, s.lastY = p.x, p.y
	case LongPressHandler:
		pl.TranslationX, pl.TranslationY = p.x-p.x0, p.y-p.y0
	case ForcePressHandler:
		pl.Pressure = min(max(p.force, 0), 1)
	case ScaleHandler:
		a.scalePayload(i, &pl)
	}
	if st == StateEnd {
		vx, vy := s.vel.Velocity()
		pl.VelocityX, pl.VelocityY = -vx, -vy // the tracker counts content offset; payloads the finger
	}
	_ = t
	return pl
}

// secondFinger starts a two-finger scale run.
func (a *Arena) secondFinger(t float64) {
	for i, h := range a.path {
		s := &a.st[i]
		if h.Kind != ScaleHandler || s.failed {
			continue
		}
		p0, p1 := a.ptr[0], a.ptr[1]
		s.dist0 = math.Hypot(p1.x-p0.x, p1.y-p0.y)
		s.ang0 = math.Atan2(p1.y-p0.y, p1.x-p0.x)
		s.dx0, s.dy0 = math.Abs(p1.x-p0.x), math.Abs(p1.y-p0.y)
		s.lastFx, s.lastFy = (p0.x+p1.x)/2, (p0.y+p1.y)/2
		if s.accepted {
			// A one-finger run (pan-like) ends; the two-finger run begins.
			a.emit(i, a.payload(i, StateEnd, t))
			s.accepted = false
		}
		s.scaleRun = 2
		a.accept(i, t)
	}
}

// scalePayload fills a scale handler's fields from the fingers down.
func (a *Arena) scalePayload(i int, pl *Payload) {
	s := &a.st[i]
	n := a.downCount()
	pl.PointerCount = n
	pl.Scale, pl.HorizontalScale, pl.VerticalScale = 1, 1, 1
	var fx, fy float64
	if n >= 2 {
		p0, p1 := a.ptr[0], a.ptr[1]
		fx, fy = (p0.x+p1.x)/2, (p0.y+p1.y)/2
		if s.dist0 > 0 {
			pl.Scale = math.Hypot(p1.x-p0.x, p1.y-p0.y) / s.dist0
		}
		if s.dx0 > 0 {
			pl.HorizontalScale = math.Abs(p1.x-p0.x) / s.dx0
		}
		if s.dy0 > 0 {
			pl.VerticalScale = math.Abs(p1.y-p0.y) / s.dy0
		}
		pl.Rotation = math.Atan2(p1.y-p0.y, p1.x-p0.x) - s.ang0
	} else {
		for _, p := range a.ptr {
			if p.down {
				fx, fy = p.x, p.y
			}
		}
		if n == 0 {
			fx, fy = s.lastFx, s.lastFy
		}
	}
	pl.FocalX, pl.FocalY = fx, fy
	pl.FocalDeltaX, pl.FocalDeltaY = fx-s.lastFx, fy-s.lastFy
	pl.AbsoluteX, pl.AbsoluteY = fx, fy
	s.lastFx, s.lastFy = fx, fy
}

// Up lifts finger id at (x, y) at time t.
func (a *Arena) Up(id int, x, y, t float64) {
	k := a.pointerIndex(id)
	if k < 0 {
		return
	}
	a.ptr[k].x, a.ptr[k].y = x, y
	for i := range a.st {
		if k == 0 {
			a.st[i].vel.Add(x, y, t)
		}
	}
	if a.downCount() == 2 {
		// One of two fingers lifts: a scale run ends with one pointer left,
		// and a new run goes on with the other (spec §5.4).
		for i, h := range a.path {
			s := &a.st[i]
			if h.Kind == ScaleHandler && s.accepted && !s.failed {
				a.emit(i, a.payload(i, StateEnd, t))
				a.ptr[k].down = false
				if k == 0 {
					a.ptr[0], a.ptr[1] = a.ptr[1], a.ptr[0]
				}
				a.emit(i, a.payload(i, StateBegin, t))
				return
			}
		}
		a.ptr[k].down = false
		if k == 0 {
			a.ptr[0], a.ptr[1] = a.ptr[1], a.ptr[0]
		}
		return
	}
	a.ptr[k].down = false
	for i, h := range a.path {
		s := &a.st[i]
		if s.failed {
			continue
		}
		switch {
		case s.accepted && h.Kind.continuous():
			a.emit(i, a.payload(i, StateEnd, t))
		case s.accepted:
		case h.Kind == DoubleTapHandler:
			if s.secondDown && !a.moved {
				a.accept(i, t)
			} else if !s.firstUp && !a.moved {
				s.firstUp, s.firstX, s.firstY, s.firstT = true, x, y, t
			} else {
				a.fail(i)
			}
		case h.Kind == TapHandler:
			if a.moved {
				a.fail(i)
			} else if a.waitsForDouble(i) {
				s.tapPending, s.pendTapX, s.pendTY = true, x, y
			} else {
				a.accept(i, t)
			}
		default:
			a.fail(i) // never recognised: 0 → 4
		}
	}
	if !a.pendingDouble() && !a.anyTapPending() {
		a.active = false
	}
}

// waitsForDouble reports a double-tap handler on the path still possible,
// which the tap handler i must let fail first.
func (a *Arena) waitsForDouble(i int) bool {
	for j, h := range a.path {
		if j != i && h.Kind == DoubleTapHandler && !a.st[j].failed && !a.st[j].accepted {
			return true
		}
	}
	return false
}

func (a *Arena) anyTapPending() bool {
	for i := range a.st {
		if a.st[i].tapPending {
			return true
		}
	}
	return false
}

// Advance moves time to t (ms) with the fingers where they are: a long
// press is recognised once held long enough, a double tap's window closes
// (and a tap waiting for it is recognised).
func (a *Arena) Advance(t float64) {
	if !a.active {
		return
	}
	if a.downCount() > 0 && !a.moved && t-a.t0 >= LongPressDelay {
		for i, h := range a.path {
			if h.Kind == LongPressHandler && !a.st[i].failed && !a.st[i].accepted {
				a.accept(i, t)
				break
			}
		}
	}
	for i, h := range a.path {
		s := &a.st[i]
		if h.Kind == DoubleTapHandler && s.firstUp && !s.secondDown && !s.failed && t-s.firstT > DoubleTapTimeout {
			a.fail(i)
		}
	}
	if a.downCount() == 0 && !a.pendingDouble() {
		a.flushPendingTaps()
		a.active = false
	}
}

// flushPendingTaps recognises taps whose double-tap rival has failed.
func (a *Arena) flushPendingTaps() {
	for i := range a.st {
		s := &a.st[i]
		if s.tapPending && !s.failed && !a.waitsForDouble(i) {
			s.tapPending = false
			a.ptr[0].x, a.ptr[0].y = s.pendTapX, s.pendTY
			a.accept(i, 0)
		}
	}
}

// Cancel ends the sequence: running handlers report CANCELLED, and those
// that reported POSSIBLE do too.
func (a *Arena) Cancel() {
	for i := range a.st {
		if !a.st[i].failed && (a.st[i].accepted && a.path[i].Kind.continuous() || !a.st[i].accepted) {
			a.fail(i)
		}
	}
	for k := range a.ptr {
		a.ptr[k].down = false
	}
	a.active = false
}
