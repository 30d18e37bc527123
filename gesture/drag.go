package gesture

// Touches scroll (spec §4.5, §5.5): one touch stream drives both the touch
// events (touch.go) and the scroll-views under the finger, as on a device.
//
//   - Touch down: the scroll-views on the path from the hit element up to
//     the root are the drag's candidates, innermost first (Candidates).
//     Each one stops (a finger catches a fling); a touch that caught a
//     moving scroll-view taps nothing (Flutter's scrollables ignore taps on
//     their content while they move; a platform list does the same).
//   - Touch moves: every candidate sees the motion along its own axis, and
//     the first, innermost first, whose motion passes its
//     min-drag-distance claims the gesture (§5.5 rule 3: same-type
//     nesting, the inner one wins; a horizontal list lets a vertical drag
//     through to its vertical parent). From then on the claimant alone
//     follows the finger and the touch no longer taps or long-presses;
//     touchmove events are still dispatched.
//   - Release: the claimant flings with the finger's velocity over the
//     last 100 ms (VelocityTracker); the others settle.
//
// A scroll-view whose scroll-x and scroll-y are both off does not scroll
// by touch (§5.5 rule 6): the host leaves it out of the candidates. A
// scroller linked into a nested pair drives its partner itself, so the
// candidates stop at it.
//
// Only the first finger down scrolls; later fingers are touches only.

// Scrollable is a scroll-view as a drag sees it; the host adapts its
// scroll-views (their scroll.Scroller) to it.
type Scrollable interface {
	// Vertical reports the scroll axis.
	Vertical() bool
	// Moving reports a fling or settle in progress.
	Moving() bool
	// Linked reports a scroller linked into a nested pair.
	Linked() bool
	// DragStart, DragUpdate and DragEnd feed the scroller: DragUpdate
	// moves it by delta along its axis (offset space: the finger going up
	// scrolls toward the end) and reports whether the motion has passed
	// its min-drag-distance; DragEnd releases it with a velocity (px/s).
	DragStart()
	DragUpdate(delta float64) (claimed bool)
	DragEnd(velocity float64)
	// ScrollBy moves the content by delta at once, clamped to it, as
	// desktop browsers apply a wheel's precise deltas; a fling in progress
	// stops. It applies the new offset itself.
	ScrollBy(delta float64)
	// Sync applies the scroller's new state to the page (content placed
	// for the offset, scroll events); the drag calls it after each input it
	// fed, never in the middle of a claim.
	Sync()
}

// MaxDragCandidates bounds the scroll-views one touch may drive (nesting
// deeper than this is not a real page).
const MaxDragCandidates = 4

// Candidates are a drag's scroll-views, innermost first.
type Candidates struct {
	s [MaxDragCandidates]Scrollable
	n int
}

// Add appends s, and reports whether the host should go on to the next
// scroll-view out: false when the candidates are full or s is linked (its
// nested partner moves with it).
func (c *Candidates) Add(s Scrollable) (more bool) {
	c.s[c.n] = s
	c.n++
	return c.n < MaxDragCandidates && !s.Linked()
}

// Drag is the scrolling one touch drives: its candidates, the one that
// claimed it, and the finger's recent motion.
type Drag struct {
	id       int
	down     bool
	cands    Candidates
	claimant Scrollable // nil until one claims
	x, y     float64
	v        VelocityTracker
}

// Drives reports whether finger id drives the drag in progress.
func (d *Drag) Drives(id int) bool { return d.down && d.id == id }

// Down reports whether a finger drives a drag.
func (d *Drag) Down() bool { return d.down }

// Claimed reports whether a scroll-view has claimed the drag in progress.
func (d *Drag) Claimed() bool { return d.claimant != nil }

// Start begins finger id's drag at page point (x, y) at time t (ms) over
// cands, unless another finger drives one (Down). It reports whether the
// touch caught a moving scroll-view.
func (d *Drag) Start(id int, x, y, t float64, cands *Candidates) (caught bool) {
	if d.down {
		return false
	}
	*d = Drag{id: id, x: x, y: y, cands: *cands}
	if cands.n == 0 {
		return false
	}
	for _, s := range d.cands.s[:d.cands.n] {
		if s.Moving() {
			caught = true
		}
	}
	d.down = true
	d.v.Add(x, y, t)
	for _, s := range d.cands.s[:d.cands.n] {
		s.DragStart()
		s.Sync()
	}
	return caught
}

// Move moves the driving finger to (x, y) at time t (ms) and reports
// whether a scroll-view has claimed the drag. The host checks Drives first.
func (d *Drag) Move(x, y, t float64) bool {
	dx, dy := d.x-x, d.y-y // the finger going up scrolls toward the end
	d.x, d.y = x, y
	d.v.Add(x, y, t)
	if dx == 0 && dy == 0 {
		return d.claimant != nil
	}
	if s := d.claimant; s != nil {
		s.DragUpdate(along(s, dx, dy))
		s.Sync()
		return true
	}
	cands := d.cands.s[:d.cands.n]
	for _, s := range cands {
		if s.DragUpdate(along(s, dx, dy)) {
			d.claimant = s
			break
		}
	}
	if d.claimant == nil {
		return false
	}
	for _, s := range cands {
		if s != d.claimant {
			s.DragEnd(0) // unclaimed: it settles where it is
		}
		s.Sync()
	}
	return true
}

// End lifts the driving finger: the claimant flings with the finger's
// velocity (none when cancel: the content settles), unclaimed candidates
// settle. It reports whether the drag had been claimed.
func (d *Drag) End(cancel bool) bool {
	claimed := d.claimant != nil
	if s := d.claimant; claimed {
		v := 0.0
		if !cancel {
			vx, vy := d.v.Velocity()
			v = along(s, vx, vy)
		}
		s.DragEnd(v)
		s.Sync()
	} else {
		for _, s := range d.cands.s[:d.cands.n] {
			s.DragEnd(0)
			s.Sync()
		}
	}
	*d = Drag{}
	return claimed
}

// along is the part of a motion (dx, dy) along s's scroll axis.
func along(s Scrollable, dx, dy float64) float64 {
	if s.Vertical() {
		return dy
	}
	return dx
}

// WheelDelta is the part of a wheel or trackpad delta (positive dy scrolls
// toward the end) that scrolls s: a plain wheel (dy only) scrolls a
// horizontal list too.
func WheelDelta(s Scrollable, dx, dy float32) float64 {
	if !s.Vertical() && dx != 0 {
		return float64(dx)
	}
	return float64(dy)
}

// velocityWindow is how far back (ms) the release velocity looks: the
// finger's last 100 ms, as Flutter's and Android's velocity trackers.
const velocityWindow = 100

// VelocityTracker keeps a finger's recent positions (CSS px) and times (ms)
// where it moved, and the time of the latest input at the last position (a
// hold, or the lift).
type VelocityTracker struct {
	samples [8]struct{ x, y, t float64 }
	n       int
	still   float64
}

// Add records the finger at (x, y) at time t.
func (v *VelocityTracker) Add(x, y, t float64) {
	if v.n > 0 && v.samples[v.n-1].x == x && v.samples[v.n-1].y == y {
		v.still = t // no motion: not a sample of the velocity
		return
	}
	v.still = t
	if v.n == len(v.samples) {
		copy(v.samples[:], v.samples[1:])
		v.n--
	}
	v.samples[v.n] = struct{ x, y, t float64 }{x, y, t}
	v.n++
}

// Velocity is the content's velocity (px/s, offset space: the finger
// moving up is positive) over the finger's motion in the 100 ms before it
// last moved; a finger that then rested for longer than that before
// lifting has none. Inputs that report the finger where it was (the lift,
// a host's per-frame samples) are not motion: counting them would make a
// lift that a slow host reports one late frame after the last move (ebiten
// samples the mouse once per tick) a stop.
func (v *VelocityTracker) Velocity() (vx, vy float64) {
	if v.n < 2 {
		return 0, 0
	}
	last := v.samples[v.n-1]
	if v.still-last.t > velocityWindow {
		return 0, 0
	}
	i := v.n - 2
	for i > 0 && last.t-v.samples[i-1].t <= velocityWindow {
		i--
	}
	first := v.samples[i]
	dt := (last.t - first.t) / 1000
	if dt <= 0 {
		return 0, 0
	}
	return (first.x - last.x) / dt, (first.y - last.y) / dt
}
