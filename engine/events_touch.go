package engine

import "github.com/skyline-go/skyline/gesture"

// Touch input (spec §1.6). The caller supplies every time stamp (ms since
// the page opened); the engine has no clock. Decisions where WeChat's
// thresholds are undocumented:
//   - TapSlop: a touch that strays more than 10 px (CSS px, from where it
//     started) is not a tap or long press;
//   - LongPressDelay: a touch held 350 ms fires longpress (and the legacy
//     longtap) at the first input or AdvanceTime at or after that time; when a
//     longpress handler ran, the release fires no tap.
// touchmove / touchend / touchcancel target the node the touch started on,
// as in WeChat; tap and longpress target it too. The same touches scroll
// the scroll-views under them (events_scroll.go): a touch a scroll-view
// claimed, or one that caught a moving scroll-view, neither taps nor
// long-presses.

// TapSlop is how far (CSS px) a touch may move and still tap or long-press.
const TapSlop = 10

// LongPressDelay is how long (ms) a touch is held before longpress fires.
const LongPressDelay = 350

// eventState is the page's input state.
type eventState struct {
	hit   gesture.HitTester
	calls []HandlerCall
	path  []*Node
	steps []gesture.Step
	// touches are the fingers down, in the order they touched.
	touches []activeTouch
}

type activeTouch struct {
	id          int
	target      *Node
	x0, y0, t0  float64
	x, y        float64
	strayed     bool // moved beyond TapSlop: no tap, no long press
	scrolled    bool // a scroll-view took it: no tap, no long press
	longDone    bool // longpress was dispatched
	longHandled bool // … and a handler ran
}

func (p *Page) touchIndex(id int) int {
	for i := range p.ev.touches {
		if p.ev.touches[i].id == id {
			return i
		}
	}
	return -1
}

func (p *Page) touchList() []Touch {
	out := make([]Touch, len(p.ev.touches))
	for i, t := range p.ev.touches {
		out[i] = Touch{Identifier: t.id, PageX: t.x, PageY: t.y, ClientX: t.x, ClientY: t.y}
	}
	return out
}

func (p *Page) touchEvent(typ string, at *activeTouch, t float64, changed Touch) {
	if at.target == nil || at.target.dead {
		return
	}
	p.dispatchTouchEvent(at.target, EventObject{Type: typ, TimeStamp: t,
		Detail:  map[string]any{"x": at.x, "y": at.y},
		Touches: p.touchList(), ChangedTouches: []Touch{changed}})
}

// TouchStart puts finger id down at page point (x, y) at time t (ms). The
// target is the hit-tested element (HitTest; call Update first); a touch on
// no element dispatches nothing.
func (p *Page) TouchStart(id int, x, y, t float64) {
	p.AdvanceTime(t)
	if p.touchIndex(id) >= 0 {
		p.TouchCancel(id, t)
	}
	at := activeTouch{id: id, target: p.HitTest(float32(x), float32(y)), x0: x, y0: y, t0: t, x: x, y: y}
	p.ev.touches = append(p.ev.touches, at)
	c := Touch{Identifier: id, PageX: x, PageY: y, ClientX: x, ClientY: y}
	p.touchEvent("touchstart", &p.ev.touches[len(p.ev.touches)-1], t, c)
	if p.dragStart(id, x, y, t) {
		if i := p.touchIndex(id); i >= 0 {
			p.ev.touches[i].scrolled = true
		}
	}
}

// TouchMove moves finger id to (x, y) at time t.
func (p *Page) TouchMove(id int, x, y, t float64) {
	p.AdvanceTime(t)
	i := p.touchIndex(id)
	if i < 0 {
		return
	}
	at := &p.ev.touches[i]
	at.moveTo(x, y)
	p.touchEvent("touchmove", at, t, Touch{Identifier: id, PageX: x, PageY: y, ClientX: x, ClientY: y})
	if p.dragMove(id, x, y, t) {
		if i := p.touchIndex(id); i >= 0 {
			p.ev.touches[i].scrolled = true
		}
	}
}

func (at *activeTouch) moveTo(x, y float64) {
	at.x, at.y = x, y
	if dx, dy := x-at.x0, y-at.y0; dx*dx+dy*dy > TapSlop*TapSlop {
		at.strayed = true
	}
}

// TouchEnd lifts finger id at (x, y) at time t: touchend, then tap when the
// touch stayed within TapSlop and no longpress handler ran.
func (p *Page) TouchEnd(id int, x, y, t float64) {
	p.AdvanceTime(t)
	i := p.touchIndex(id)
	if i < 0 {
		return
	}
	at := p.ev.touches[i]
	at.moveTo(x, y)
	p.ev.touches = append(p.ev.touches[:i], p.ev.touches[i+1:]...)
	// The lift position moves the content first: it may claim the drag.
	if p.dragMove(id, x, y, t) {
		at.scrolled = true
	}
	c := Touch{Identifier: id, PageX: x, PageY: y, ClientX: x, ClientY: y}
	p.touchEvent("touchend", &at, t, c)
	if !at.strayed && !at.scrolled && !at.longHandled {
		p.touchEvent("tap", &at, t, c)
	}
	p.dragEnd(id, false) // a claimed drag flings
}

// TouchCancel ends finger id without a tap (the system took the touch).
func (p *Page) TouchCancel(id int, t float64) {
	i := p.touchIndex(id)
	if i < 0 {
		return
	}
	at := p.ev.touches[i]
	p.ev.touches = append(p.ev.touches[:i], p.ev.touches[i+1:]...)
	p.touchEvent("touchcancel", &at, t, Touch{Identifier: id, PageX: at.x, PageY: at.y, ClientX: at.x, ClientY: at.y})
	p.dragEnd(id, true) // no fling: the content settles
}

// AdvanceTime tells the page that time t (ms) has come: a touch held
// LongPressDelay without straying fires longpress and longtap.
func (p *Page) AdvanceTime(t float64) {
	for i := range p.ev.touches {
		at := &p.ev.touches[i]
		if at.longDone || at.strayed || at.scrolled || t-at.t0 < LongPressDelay {
			continue
		}
		at.longDone = true
		before := len(p.ev.calls)
		c := Touch{Identifier: at.id, PageX: at.x, PageY: at.y, ClientX: at.x, ClientY: at.y}
		p.touchEvent("longpress", at, t, c)
		at.longHandled = len(p.ev.calls) > before
		p.touchEvent("longtap", at, t, c)
	}
}

// Tap is a whole tap at (x, y): touch down and up at time t.
func (p *Page) Tap(x, y, t float64) {
	p.TouchStart(0, x, y, t)
	p.TouchEnd(0, x, y, t)
}
