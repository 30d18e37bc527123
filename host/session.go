package host

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"math"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/skyline-go/skyline/app"
	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/logic"
)

// Bounds on what a host may ask for (hostile or mistaken arguments).
const (
	MaxWindow  = 16384 // width and height, CSS px
	MaxDPR     = 8
	MaxPixels  = 64 << 20 // a frame's device pixels
	maxAdvance = 10 * 60 * 1000.0
)

// Logic modes of Options.Logic.
const (
	// LogicAuto runs the page's scripts when the package has any (app.js or
	// the page's .js), else the host runs the logic.
	LogicAuto = "auto"
	// LogicJS runs the page's scripts (as LogicAuto when there are none).
	LogicJS = "js"
	// LogicHost never runs scripts: handler calls and component lifecycles
	// are drained by the host, which answers with setData.
	LogicHost = "host"
)

// Options open a session. JSON names are the protocol's and the C ABI's.
type Options struct {
	// Page is render-cli.md's page name: a path without extension, a .wxml
	// path or a directory meaning <dir>/index.
	Page string `json:"page"`
	// Width and Height are the window in CSS px (default 375 × 667); DPR
	// the device pixel ratio (default 2); Dark the colour scheme.
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	DPR    float64 `json:"dpr"`
	Dark   bool    `json:"dark"`
	// Data, when set, replaces the page's .data.json (its top-level fields
	// override Page({data}) when scripts run).
	Data map[string]any `json:"data"`
	// Logic is LogicAuto (""), LogicJS or LogicHost.
	Logic string `json:"logic"`
	// Device is what wx.getSystemInfoSync reports (scripts only); JSON
	// names are the Go field names in camelCase (platform, model,
	// statusBarHeight, …).
	Device logic.Device `json:"device"`
	// Query is the launch query (onLoad's options).
	Query map[string]string `json:"query"`
}

// Rect is a rectangle in device pixels.
type Rect struct{ X, Y, W, H int }

// Empty reports whether r covers no pixel.
func (r Rect) Empty() bool { return r.W <= 0 || r.H <= 0 }

// Array is r as [x, y, w, h] (the JSON form).
func (r Rect) Array() [4]int { return [4]int{r.X, r.Y, r.W, r.H} }

// Session is one open page. See the package doc for the thread rules.
type Session struct {
	mu     sync.Mutex
	closed bool
	a      *app.App // nil when the host runs the logic
	p      *engine.Page
	clock  *logic.ManualClock
	events []Event
	// What Drain has reported already (scripts mode).
	logsSeen  int
	lastLog   app.LogEntry
	diagsSeen int
	toast     *app.Toast
	modal     *app.Modal
	// frame is the last rendered frame (dirty rectangles diff against it).
	frame, scratch *image.RGBA
}

// hook, when set (tests), runs at the start of every operation.
var hook func(op string)

// Open loads the page and returns a session on it.
func Open(o Options) (s *Session, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, panicError("open", r)
		}
	}()
	if hook != nil {
		hook("open")
	}
	vp, err := viewport(o)
	if err != nil {
		return nil, err
	}
	if o.Page == "" {
		return nil, Errorf(CodeBadRequest, "open: no page given")
	}
	s = &Session{clock: &logic.ManualClock{}}
	switch o.Logic {
	case "", LogicAuto, LogicJS:
		a, err := app.Open(o.Page, app.Options{Viewport: vp, Clock: s.clock, Data: o.Data, Device: o.Device, Query: o.Query})
		if err != nil {
			return nil, loadError(err)
		}
		if a.HasLogic() {
			s.a = a
			s.p = a.Page()
			break
		}
		// No scripts: the host runs the logic, so reload the page without
		// app, whose queue would drop the handler calls.
		a.Close()
		fallthrough
	case LogicHost:
		p, err := engine.Load(o.Page, engine.LoadOptions{Data: o.Data})
		if err != nil {
			return nil, loadError(err)
		}
		p.SetViewport(vp)
		s.p = p
	default:
		return nil, Errorf(CodeBadRequest, "open: logic %q: want auto, js or host", o.Logic)
	}
	s.p.Update()
	s.collect()
	return s, nil
}

func viewport(o Options) (engine.Viewport, error) {
	vp := engine.DefaultViewport
	vp.Dark = o.Dark
	for _, f := range []struct {
		name  string
		v     float64
		limit float64
		dst   *float32
	}{{"width", o.Width, MaxWindow, &vp.Width}, {"height", o.Height, MaxWindow, &vp.Height}, {"dpr", o.DPR, MaxDPR, &vp.DPR}} {
		if f.v == 0 {
			continue
		}
		if math.IsNaN(f.v) || f.v < 0 || f.v > f.limit {
			return vp, Errorf(CodeBadRequest, "open: %s %v: want a number in (0, %v]", f.name, f.v, f.limit)
		}
		*f.dst = float32(f.v)
	}
	w, h := float64(vp.Width*vp.DPR), float64(vp.Height*vp.DPR)
	if math.Ceil(w)*math.Ceil(h) > MaxPixels {
		return vp, Errorf(CodeBadRequest, "open: a %gx%g window at dpr %g is beyond the %d Mpx frame bound", vp.Width, vp.Height, vp.DPR, MaxPixels>>20)
	}
	return vp, nil
}

func loadError(err error) error {
	var el diag.ErrorList
	if errors.As(err, &el) {
		msgs := make([]string, len(el))
		for i, d := range el {
			msgs[i] = d.String()
		}
		return &Error{Code: CodeLoad, Msg: strings.Join(msgs, "\n")}
	}
	return &Error{Code: CodeLoad, Msg: err.Error()}
}

func panicError(op string, r any) error {
	stack := string(debug.Stack())
	// Keep the message short: the first frames past the runtime's.
	if lines := strings.Split(stack, "\n"); len(lines) > 24 {
		stack = strings.Join(lines[:24], "\n")
	}
	return &Error{Code: CodePanic, Msg: fmt.Sprintf("%s: %v\n%s", op, r, stack)}
}

// do runs one operation under the session's lock, turning a panic into an
// error.
func (s *Session) do(op string, f func() error) (err error) {
	if s == nil {
		return Errorf(CodeNoSession, "%s: no session", op)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return Errorf(CodeClosed, "%s: the session is closed", op)
	}
	defer func() {
		if r := recover(); r != nil {
			err = panicError(op, r)
		}
	}()
	if hook != nil {
		hook(op)
	}
	return f()
}

// Scripts reports whether the page's scripts run (false: the host runs the
// logic and receives the handler calls).
func (s *Session) Scripts() bool { return s.a != nil }

// Now is the session's clock in ms since open.
func (s *Session) Now() float64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.now()
}

func (s *Session) now() float64 { return float64(s.clock.Now()) / float64(time.Millisecond) }

// FrameSize is the frame's size in device pixels (the window × DPR).
func (s *Session) FrameSize() (w, h int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return 0, 0
	}
	return s.p.RenderSize(false)
}

// SetData applies a setData patch given as a JSON object keyed by data
// paths; the keys apply in the object's order. With scripts running it
// changes the rendered data only (the script's this.data is its own).
func (s *Session) SetData(patch []byte) error {
	return s.do("setData", func() error {
		m, keys, err := DecodePatch(patch)
		if err != nil {
			return err
		}
		if err := s.p.SetData(m, keys...); err != nil {
			return &Error{Code: CodeData, Msg: err.Error()}
		}
		s.collect()
		return nil
	})
}

// SetComponentData is SetData for component instance id (the ids of the
// "instance" events).
func (s *Session) SetComponentData(id uint64, patch []byte) error {
	return s.do("setComponentData", func() error {
		m, keys, err := DecodePatch(patch)
		if err != nil {
			return err
		}
		if s.p.Instance(engine.InstanceID(id)) == nil {
			return Errorf(CodeData, "setComponentData: no instance %d", id)
		}
		if err := s.p.SetComponentData(engine.InstanceID(id), m, keys...); err != nil {
			return &Error{Code: CodeData, Msg: err.Error()}
		}
		s.collect()
		return nil
	})
}

// DecodePatch decodes a setData patch: a JSON object and its top-level
// keys in order (the order the patch applies in); numbers become float64.
func DecodePatch(b []byte) (map[string]any, []string, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		return nil, nil, Errorf(CodeBadRequest, "setData: want a JSON object")
	}
	m := map[string]any{}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, Errorf(CodeBadRequest, "setData: %v", err)
		}
		k, _ := tok.(string)
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, nil, Errorf(CodeBadRequest, "setData: %s: %v", k, err)
		}
		if _, dup := m[k]; !dup {
			keys = append(keys, k)
		}
		m[k] = numbers(v)
	}
	if _, err := dec.Token(); err != nil {
		return nil, nil, Errorf(CodeBadRequest, "setData: %v", err)
	}
	if dec.More() {
		return nil, nil, Errorf(CodeBadRequest, "setData: text after the object")
	}
	return m, keys, nil
}

// numbers turns json.Numbers into float64 (JavaScript's one number type).
func numbers(v any) any {
	switch v := v.(type) {
	case json.Number:
		f, _ := v.Float64()
		return f
	case map[string]any:
		for k, x := range v {
			v[k] = numbers(x)
		}
	case []any:
		for i, x := range v {
			v[i] = numbers(x)
		}
	}
	return v
}

// Phase is a touch phase.
type Phase string

const (
	TouchStart  Phase = "start"
	TouchMove   Phase = "move"
	TouchEnd    Phase = "end"
	TouchCancel Phase = "cancel"
)

// Touch sends one touch of finger id at page point (x, y) CSS px at time t
// (ms since open). A t ahead of the session clock advances the clock to it
// first (timers fire, scroll physics step); a negative t, or one behind the
// clock, means now. It reports whether the page took the touch (false for a
// start while a modal dialog is up).
func (s *Session) Touch(phase Phase, id int, x, y, t float64) (took bool, err error) {
	err = s.do("touch", func() error {
		if !finite(x, y, t) {
			return Errorf(CodeBadRequest, "touch: coordinates and time must be finite")
		}
		if err := s.catchUp(t); err != nil {
			return err
		}
		took = true
		switch phase {
		case TouchStart:
			if s.a != nil {
				took = s.a.TouchStart(id, x, y)
			} else {
				s.p.Update()
				s.p.TouchStart(id, x, y, s.now())
			}
		case TouchMove:
			if s.a != nil {
				s.a.TouchMove(id, x, y)
			} else {
				s.p.TouchMove(id, x, y, s.now())
			}
		case TouchEnd:
			if s.a != nil {
				s.a.TouchEnd(id, x, y)
			} else {
				s.p.TouchEnd(id, x, y, s.now())
			}
		case TouchCancel:
			if s.a != nil {
				s.a.TouchCancel(id)
			} else {
				s.p.TouchCancel(id, s.now())
			}
		default:
			return Errorf(CodeBadRequest, "touch: phase %q: want start, move, end or cancel", phase)
		}
		s.collect()
		return nil
	})
	return took, err
}

// Tap is a touch start and end of finger 0 at (x, y) at time t.
func (s *Session) Tap(x, y, t float64) (bool, error) {
	took, err := s.Touch(TouchStart, 0, x, y, t)
	if err != nil || !took {
		return took, err
	}
	_, err = s.Touch(TouchEnd, 0, x, y, -1)
	return true, err
}

// Wheel scrolls the innermost scroll-view under (x, y) by (dx, dy) CSS px
// and reports whether one took it.
func (s *Session) Wheel(x, y, dx, dy float64) (took bool, err error) {
	err = s.do("wheel", func() error {
		if !finite(x, y, dx, dy) {
			return Errorf(CodeBadRequest, "wheel: arguments must be finite")
		}
		if s.a != nil {
			took = s.a.Wheel(x, y, dx, dy)
		} else {
			s.p.Update()
			took = s.p.Wheel(float32(x), float32(y), float32(dx), float32(dy))
		}
		s.collect()
		return nil
	})
	return took, err
}

// Advance moves the clock on by ms: timers, longpress, flings and
// animations run. It reports whether anything changed or still moves.
func (s *Session) Advance(ms float64) (changed bool, err error) {
	err = s.do("advance", func() error {
		if !finite(ms) || ms < 0 || ms > maxAdvance {
			return Errorf(CodeBadRequest, "advance: ms %v: want a number in [0, %v]", ms, maxAdvance)
		}
		changed = s.advance(ms)
		s.collect()
		return nil
	})
	return changed, err
}

func (s *Session) advance(ms float64) bool {
	if s.a != nil {
		return s.a.Advance(time.Duration(ms * float64(time.Millisecond)))
	}
	s.clock.Advance(time.Duration(ms * float64(time.Millisecond)))
	s.p.AdvanceTime(s.now())
	return s.p.Advance(ms / 1000)
}

// catchUp advances the clock to t when t is ahead of it, in one step (as
// Advance does).
func (s *Session) catchUp(t float64) error {
	gap := t - s.now()
	if gap <= 0 {
		return nil
	}
	if gap > maxAdvance {
		return Errorf(CodeBadRequest, "time stamp %v is more than %v ms ahead of the session clock (%v): time stamps are ms since open", t, maxAdvance, s.now())
	}
	s.advance(gap)
	return nil
}

func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// Render paints the window into dst: w × h device pixels (FrameSize),
// rows stride bytes apart, 4 bytes a pixel in R, G, B, A order as
// image.RGBA holds them (alpha premultiplied; a page's frame is opaque where
// the page paints its background). The whole frame is written; dirty is the part that differs from
// the previous Render (the whole frame the first time, empty when nothing
// changed), for hosts that upload only that part.
func (s *Session) Render(dst []byte, w, h, stride int) (dirty Rect, err error) {
	err = s.do("render", func() error {
		fw, fh := s.p.RenderSize(false)
		if w != fw || h != fh {
			return Errorf(CodeBufferSize, "render: the frame is %dx%d device px, the buffer %dx%d", fw, fh, w, h)
		}
		if stride < 4*w || len(dst) < stride*(h-1)+4*w {
			return Errorf(CodeBufferSize, "render: a %dx%d buffer needs stride >= %d and %d bytes", w, h, 4*w, 4*w*h)
		}
		dirty = s.render()
		for y := 0; y < h; y++ {
			copy(dst[y*stride:y*stride+4*w], s.frame.Pix[y*s.frame.Stride:])
		}
		return nil
	})
	return dirty, err
}

// Frame renders and returns the frame (owned by the session: valid until
// the next operation) and its dirty rectangle.
func (s *Session) Frame() (img *image.RGBA, dirty Rect, err error) {
	err = s.do("render", func() error {
		dirty = s.render()
		img = s.frame
		return nil
	})
	return img, dirty, err
}

// render paints into scratch, diffs it with frame and swaps them.
func (s *Session) render() Rect {
	fw, fh := s.p.RenderSize(false)
	r := image.Rect(0, 0, fw, fh)
	if s.scratch == nil || s.scratch.Rect != r {
		s.scratch = image.NewRGBA(r)
	} else {
		clear(s.scratch.Pix)
	}
	s.p.Render(s.scratch)
	prev := s.frame
	s.frame, s.scratch = s.scratch, prev
	s.collect()
	if prev == nil || prev.Rect != r {
		return Rect{0, 0, fw, fh}
	}
	return diff(prev, s.frame)
}

// diff is the bounding box of the pixels that differ.
func diff(a, b *image.RGBA) Rect {
	w, h := b.Rect.Dx(), b.Rect.Dy()
	x0, y0, x1, y1 := w, h, -1, -1
	for y := 0; y < h; y++ {
		ra := a.Pix[y*a.Stride : y*a.Stride+4*w]
		rb := b.Pix[y*b.Stride : y*b.Stride+4*w]
		if bytes.Equal(ra, rb) {
			continue
		}
		y0 = min(y0, y)
		y1 = y
		i := 0
		for i < len(ra) && ra[i] == rb[i] {
			i++
		}
		j := len(ra) - 1
		for j >= 0 && ra[j] == rb[j] {
			j--
		}
		x0 = min(x0, i/4)
		x1 = max(x1, j/4)
	}
	if y1 < 0 {
		return Rect{}
	}
	return Rect{x0, y0, x1 - x0 + 1, y1 - y0 + 1}
}

// LayoutDump returns the layout dump as render-cli.md's JSON.
func (s *Session) LayoutDump() (out []byte, err error) {
	err = s.do("layout", func() error {
		b, err := s.p.LayoutDump().MarshalIndent()
		out = b
		s.collect()
		return err
	})
	return out, err
}

// Drain returns the events since the last Drain, oldest first, as a JSON
// array (see Event).
func (s *Session) Drain() (out []byte, err error) {
	err = s.do("drain", func() error {
		s.collect()
		evs := s.events
		s.events = nil
		if evs == nil {
			evs = []Event{}
		}
		out = encodeEvents(evs)
		return nil
	})
	return out, err
}

// encodeEvents encodes events as a JSON array. An event whose values JSON
// cannot hold (NaN from a script's triggerEvent detail) becomes a
// diagnostic saying so, rather than losing the whole drain.
func encodeEvents(evs []Event) []byte {
	var buf bytes.Buffer
	buf.WriteByte('[')
	for i, e := range evs {
		if i > 0 {
			buf.WriteByte(',')
		}
		b, err := json.Marshal(e)
		if err != nil {
			b, _ = json.Marshal(Event{Type: "diagnostic", Level: "warning",
				Message: fmt.Sprintf("a %s event (%s) cannot be encoded as JSON: %v", e.Type, e.Handler, err)})
		}
		buf.Write(b)
	}
	buf.WriteByte(']')
	return buf.Bytes()
}

// Resize changes the window (width and height CSS px, dpr; a zero keeps
// the current value): the page lays out again and the next Render's frame
// has the new size (FrameSize) and is dirty as a whole.
func (s *Session) Resize(width, height, dpr float64) error {
	return s.do("resize", func() error {
		vp := s.p.Viewport()
		o := Options{Width: float64(vp.Width), Height: float64(vp.Height), DPR: float64(vp.DPR), Dark: vp.Dark}
		if width != 0 {
			o.Width = width
		}
		if height != 0 {
			o.Height = height
		}
		if dpr != 0 {
			o.DPR = dpr
		}
		nvp, err := viewport(o)
		if err != nil {
			return Errorf(CodeBadRequest, "resize: %s", strings.TrimPrefix(err.(*Error).Msg, "open: "))
		}
		nvp.SafeArea = vp.SafeArea
		if s.a != nil {
			s.a.SetViewport(nvp)
		} else {
			s.p.SetViewport(nvp)
		}
		s.p.Update()
		s.collect()
		return nil
	})
}

// DrainEvents is Drain without the JSON encoding.
func (s *Session) DrainEvents() (evs []Event, err error) {
	err = s.do("drain", func() error {
		s.collect()
		evs, s.events = s.events, nil
		return nil
	})
	return evs, err
}

// Close ends the session: onUnload runs when scripts do. Closing twice is
// an error of code CodeClosed.
func (s *Session) Close() error {
	err := s.do("close", func() error {
		if s.a != nil {
			s.a.Close()
		}
		return nil
	})
	if s != nil {
		s.mu.Lock()
		s.closed = true
		s.mu.Unlock()
	}
	return err
}

// AnswerModal closes a wx.showModal dialog (a "modal" event) with its
// confirm or cancel button; its callback runs before this returns.
func (s *Session) AnswerModal(confirm bool) error {
	return s.do("answerModal", func() error {
		if s.a == nil || s.a.Modal() == nil {
			return Errorf(CodeBadRequest, "answerModal: no modal dialog is up")
		}
		s.a.AnswerModal(confirm)
		s.collect()
		return nil
	})
}

// Text types text (what a keyboard or input method committed) into the
// focused input or textarea; changed reports whether its value changed
// (its type and maxlength may refuse characters). With no element focused
// it does nothing.
func (s *Session) Text(text string) (changed bool, err error) {
	err = s.do("text", func() error {
		if s.a != nil {
			changed = s.a.InputText(text)
		} else {
			changed = s.p.InputText(text, s.now())
		}
		s.collect()
		return nil
	})
	return changed, err
}

// Key presses a key on the focused input or textarea: Backspace, Enter or
// Escape (an unknown key is an error; with no element focused a known key
// does nothing).
func (s *Session) Key(key string) (did bool, err error) {
	err = s.do("key", func() error {
		switch key {
		case "Backspace", "Enter", "Escape":
		default:
			return Errorf(CodeBadRequest, "key: %q: want Backspace, Enter or Escape", key)
		}
		if s.a != nil {
			did = s.a.InputKey(key)
		} else {
			did = s.p.InputKey(key, s.now())
		}
		s.collect()
		return nil
	})
	return did, err
}
