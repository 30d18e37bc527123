package widgets

import (
	"math"
	"strconv"
	"strings"

	"github.com/skyline-go/skyline/engine/paint/raster"
	"github.com/skyline-go/skyline/style"
)

// Swiper (spec §4.0; WeChat's swiper and swiper-item): a pager over its
// swiper-item children, one (or display-multiple-items) per page, moved by
// a drag, by autoplay every interval, or by its current attribute, each
// move animated over duration with easing-function. This file is the
// component as a unit: its attributes with WeChat's defaults, the paging
// model (a pure state machine stepped by the host's clock in ms), and its
// indicator dots. The host lays the items out along the model's position
// and feeds it drags.

// Swiper is the swiper component.
var Swiper = Component{
	Spec:         Spec{Tag: "swiper", Support: Full, Kind: Scroller},
	DefaultStyle: "display: block; position: relative; overflow: hidden; height: 150px;",
}

// SwiperItem is swiper-item: a page of its swiper, sized by it.
var SwiperItem = Component{
	Spec:         Spec{Tag: "swiper-item", Support: Full, Kind: Container},
	DefaultStyle: "display: block; overflow: hidden;",
}

// SwiperConfig is a swiper's attributes with WeChat's defaults.
type SwiperConfig struct {
	Dots                bool
	DotColor, DotActive style.Color
	Autoplay            bool
	Interval, Duration  float64 // ms
	Circular, Vertical  bool
	Prev, Next          float64 // previous-margin / next-margin, px
	Multiple            int     // display-multiple-items
	Easing              func(float64) float64
	Current             int
	SnapToEdge          bool
}

// SwiperConfigOf reads a's swiper attributes; rpx is one rpx in px (the
// window width / 750).
func SwiperConfigOf(a Attrs, rpx float64) SwiperConfig {
	c := SwiperConfig{
		Dots:      Bool(a, "indicator-dots"),
		DotColor:  ColorAttr(a, "indicator-color", style.Color{A: 77}),
		DotActive: ColorAttr(a, "indicator-active-color", style.Color{A: 255}),
		Autoplay:  Bool(a, "autoplay"),
		Interval:  max(Number(a, "interval", 5000), 1),
		Duration:  max(Number(a, "duration", 500), 0),
		Circular:  Bool(a, "circular"),
		Vertical:  Bool(a, "vertical"),
		Prev:      lengthPx(String(a, "previous-margin", "0px"), rpx),
		Next:      lengthPx(String(a, "next-margin", "0px"), rpx),
		Multiple:  max(int(Number(a, "display-multiple-items", 1)), 1),
		Current:   max(int(Number(a, "current", 0)), 0),
		// snap-to-edge: with previous-margin, the first and last pages
		// sit against the edges rather than leaving the margin empty.
		SnapToEdge: Bool(a, "snap-to-edge"),
	}
	c.Easing = swiperEasing(String(a, "easing-function", "default"))
	return c
}

// lengthPx reads previous-margin / next-margin: px ("12px", "12") or rpx
// (rpx px each: the window width / 750); anything else is 0.
func lengthPx(s string, rpx float64) float64 {
	s = strings.TrimSpace(s)
	scale := 1.0
	if t, ok := strings.CutSuffix(s, "rpx"); ok {
		s, scale = t, rpx
	} else {
		s = strings.TrimSuffix(s, "px")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 {
		return 0
	}
	return v * scale
}

// swiperEasing is easing-function: default (a smooth ease-out, as the
// platform's page animation), linear, easeInCubic, easeOutCubic,
// easeInOutCubic.
func swiperEasing(name string) func(float64) float64 {
	switch name {
	case "linear":
		return easeLinear
	case "easeInCubic":
		return easeInCubic
	case "easeInOutCubic":
		return easeInOutCubic
	}
	return easeOutCubic // "default", "easeOutCubic" and unknown names
}

func easeLinear(t float64) float64  { return t }
func easeInCubic(t float64) float64 { return t * t * t }
func easeOutCubic(t float64) float64 {
	u := 1 - t
	return 1 - u*u*u
}
func easeInOutCubic(t float64) float64 {
	if t < 0.5 {
		return 4 * t * t * t
	}
	u := -2*t + 2
	return 1 - u*u*u/2
}

// SwiperEventKind is what Step or a drag reports.
type SwiperEventKind uint8

const (
	SwiperChange SwiperEventKind = iota + 1
	SwiperAnimationFinish
)

// SwiperEvent is one event of the swiper: change (the current page
// changed) or animationfinish, with WeChat's detail {current, source}.
type SwiperEvent struct {
	Kind    SwiperEventKind
	Current int
	Source  string // "touch", "autoplay", or "" (the current attribute)
}

// SwiperModel is the paging state of one swiper. Pos is the position of
// the leading edge in pages (0: page 0 at the start; 1.5: half-way from
// page 1 to page 2). Times are ms of the host's clock.
type SwiperModel struct {
	N   int // pages
	Cfg SwiperConfig
	Pos float64
	// Current is the page the swiper rests on or is moving to.
	Current int

	dragging  bool
	dragFrom  float64 // Pos when the finger went down
	dragMoved float64 // px the finger moved along the axis
	anim      bool
	from, to  float64
	t0        float64
	src       string
	idleSince float64 // when autoplay's interval started
	started   bool
	events    [4]SwiperEvent
	nEvents   int
}

// DragSlop is how far (px) a finger moves along the axis before the
// swiper takes the drag.
const DragSlop = 10

// Init sets the page count and the starting page at time now.
func (m *SwiperModel) Init(n int, now float64) {
	m.N = n
	if !m.started {
		m.started = true
		m.Current = m.clampIndex(m.Cfg.Current)
		m.Pos = float64(m.Current)
		m.idleSince = now
	}
	if !m.Cfg.Circular {
		m.Current = m.clampIndex(m.Current)
		m.Pos = min(max(m.Pos, 0), m.maxPos())
	}
}

func (m *SwiperModel) maxPos() float64 { return float64(max(m.N-m.Cfg.Multiple, 0)) }

func (m *SwiperModel) clampIndex(i int) int {
	if m.N == 0 {
		return 0
	}
	if m.Cfg.Circular {
		return ((i % m.N) + m.N) % m.N
	}
	return min(max(i, 0), int(m.maxPos()))
}

// Moving reports an animation or drag in progress.
func (m *SwiperModel) Moving() bool { return m.anim || m.dragging }

func (m *SwiperModel) emit(e SwiperEvent) {
	if m.nEvents < len(m.events) {
		m.events[m.nEvents] = e
		m.nEvents++
	}
}

// Events returns the events since the last call and forgets them; the
// slice is valid until the next call into the model.
func (m *SwiperModel) Events() []SwiperEvent {
	ev := m.events[:m.nEvents]
	m.nEvents = 0
	return ev
}

// DragStart: a finger went down on the swiper at time now.
func (m *SwiperModel) DragStart(now float64) {
	m.dragging, m.anim = true, false
	m.dragFrom, m.dragMoved = m.Pos, 0
	m.idleSince = now
}

// DragUpdate moves the pages by delta px (the finger toward the start
// moves to later pages) of page size page px; it reports whether the
// finger has passed DragSlop (the swiper then owns the drag).
func (m *SwiperModel) DragUpdate(delta, page float64) bool {
	if !m.dragging || page <= 0 {
		return false
	}
	m.dragMoved += delta
	if math.Abs(m.dragMoved) < DragSlop {
		return false
	}
	p := m.dragFrom + m.dragMoved/page
	if !m.Cfg.Circular {
		p = min(max(p, 0), m.maxPos())
	}
	// One drag turns at most one page each way.
	p = min(max(p, m.dragFrom-1), m.dragFrom+1)
	m.Pos = p
	return true
}

// DragEnd releases the drag with velocity v px/s (toward later pages
// positive) at time now: the swiper settles on the nearest page, or on the
// next one the way a flick went.
func (m *SwiperModel) DragEnd(v, page, now float64) {
	if !m.dragging {
		return
	}
	m.dragging = false
	target := math.Round(m.Pos)
	if page > 0 && math.Abs(v) > 300 && math.Abs(m.dragMoved) >= DragSlop {
		if v > 0 {
			target = math.Floor(m.dragFrom) + 1
		} else {
			target = math.Ceil(m.dragFrom) - 1
		}
	}
	if !m.Cfg.Circular {
		target = min(max(target, 0), m.maxPos())
	}
	m.animateTo(target, now, "touch")
}

// GoTo moves to page i (the current attribute: source "", autoplay:
// "autoplay"), animated over the duration.
func (m *SwiperModel) GoTo(i int, now float64, src string) {
	if m.N == 0 {
		return
	}
	target := float64(i)
	if m.Cfg.Circular {
		// The short way round to page i.
		cur := math.Round(m.Pos)
		d := float64(((i-m.clampIndex(int(cur)))%m.N + m.N) % m.N)
		if d > float64(m.N)/2 {
			d -= float64(m.N)
		}
		target = cur + d
	} else {
		target = float64(m.clampIndex(i))
	}
	m.animateTo(target, now, src)
}

func (m *SwiperModel) animateTo(target, now float64, src string) {
	idx := m.clampIndex(int(math.Round(target)))
	if idx != m.Current {
		m.Current = idx
		m.emit(SwiperEvent{Kind: SwiperChange, Current: idx, Source: src})
	}
	m.src = src
	m.idleSince = now
	if m.Cfg.Duration <= 0 || target == m.Pos {
		m.Pos = target
		m.finish()
		return
	}
	m.anim, m.from, m.to, m.t0 = true, m.Pos, target, now
}

func (m *SwiperModel) finish() {
	m.anim = false
	if m.Cfg.Circular && m.N > 0 {
		m.Pos = math.Mod(math.Mod(m.Pos, float64(m.N))+float64(m.N), float64(m.N))
	}
	m.emit(SwiperEvent{Kind: SwiperAnimationFinish, Current: m.Current, Source: m.src})
}

// Step advances the model to time now: the animation in progress, and
// autoplay's next page once interval has passed since the swiper came to
// rest. It reports whether the pages moved.
func (m *SwiperModel) Step(now float64) bool {
	moved := false
	if m.anim {
		t := (now - m.t0) / m.Cfg.Duration
		if t >= 1 {
			m.Pos = m.to
			m.finish()
		} else {
			m.Pos = m.from + (m.to-m.from)*m.Cfg.Easing(max(t, 0))
		}
		moved = true
	}
	if m.Cfg.Autoplay && !m.anim && !m.dragging && m.N > m.Cfg.Multiple && now-m.idleSince >= m.Cfg.Interval {
		next := m.Current + 1
		if !m.Cfg.Circular && float64(next) > m.maxPos() {
			next = 0 // back to the first page, as WeChat's autoplay does
		}
		if m.Cfg.Circular {
			m.animateTo(math.Round(m.Pos)+1, now, "autoplay")
		} else {
			m.animateTo(float64(next), now, "autoplay")
		}
		moved = true
	}
	return moved
}

// Slot is where page i sits, in pages from the leading edge, for the
// current position: i itself, or in a circular swiper the copy of i
// nearest the position.
func (m *SwiperModel) Slot(i int) float64 {
	s := float64(i) - m.Pos
	if m.Cfg.Circular && m.N > 0 {
		n := float64(m.N)
		s = math.Mod(s, n)
		// Keep the pages around the viewport: from a page before the first
		// visible to the last visible.
		if s < -1 {
			s += n
		}
		if s >= n-1 && n > float64(m.Cfg.Multiple)+1 {
			s -= n
		}
	}
	return s
}

// PaintDots draws the indicator dots of a swiper of n pages on page
// current in box b (WeChat: 8 px dots 8 px apart, centred 10 px from the
// bottom; a vertical swiper stacks them at the right edge).
func PaintDots(c Canvas, b Box, cfg SwiperConfig, n, current int) {
	if !cfg.Dots || n == 0 {
		return
	}
	const d, gap = 8, 8
	total := float32(n)*d + float32(n-1)*gap
	for i := 0; i < n; i++ {
		var x, y float32
		if cfg.Vertical {
			x = b.X + b.W - 10 - d
			y = b.Y + (b.H-total)/2 + float32(i)*(d+gap)
		} else {
			x = b.X + (b.W-total)/2 + float32(i)*(d+gap)
			y = b.Y + b.H - 10 - d
		}
		col := cfg.DotColor
		if i == current {
			col = cfg.DotActive
		}
		r := raster.RRect{Rect: raster.Rect{X0: x, Y0: y, X1: x + d, Y1: y + d}}
		rr := raster.Point{X: d / 2, Y: d / 2}
		r.Radii = raster.Radii{TopLeft: rr, TopRight: rr, BottomRight: rr, BottomLeft: rr}
		c.Fill(r, col)
	}
}
