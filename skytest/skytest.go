package skytest

import (
	"encoding/json"
	"flag"
	"fmt"
	"image"
	"math"
	"strings"

	"github.com/skyline-go/skyline/host"
	"github.com/skyline-go/skyline/skytest/golden"
)

// Update, set by the -skytest.update flag, makes MatchGolden write the
// golden PNGs instead of comparing.
var Update = flag.Bool("skytest.update", false, "skytest: rewrite the golden PNGs instead of comparing")

// Options open a page: host.Options (page, window, DPR, dark, data, logic,
// device, query).
type Options = host.Options

// Event is one drained event (host.Event: handler calls, logs, toasts,
// modals, diagnostics, component lifecycles).
type Event = host.Event

// TB is the part of testing.TB skytest uses; *testing.T and *testing.B
// satisfy it, and Must serves programs and examples.
type TB interface {
	Helper()
	Name() string
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
	Cleanup(func())
}

// Must is a TB for use outside tests (examples, tools): a failure panics.
var Must TB = must{}

type must struct{}

func (must) Helper()                           {}
func (must) Name() string                      { return "skytest" }
func (must) Errorf(format string, args ...any) { panic(fmt.Sprintf(format, args...)) }
func (must) Fatalf(format string, args ...any) { panic(fmt.Sprintf(format, args...)) }
func (must) Cleanup(func())                    {}

// Frame is the step of Drag and Wait, in ms.
const Frame = 16.0

// Page is an open page under test. Its methods fail the test on errors.
type Page struct {
	t TB
	s *host.Session
}

// Open opens the page; it closes when the test ends.
func Open(t TB, o Options) *Page {
	t.Helper()
	s, err := host.Open(o)
	if err != nil {
		t.Fatalf("skytest: open %s: %v", o.Page, err)
	}
	t.Cleanup(func() { s.Close() })
	return &Page{t: t, s: s}
}

// Session is the underlying host session (for what Page does not wrap).
func (p *Page) Session() *host.Session { return p.s }

// Close closes the page now (onUnload runs).
func (p *Page) Close() {
	p.t.Helper()
	p.check(p.s.Close())
}

func (p *Page) check(err error) {
	if err != nil {
		p.t.Helper()
		p.t.Fatalf("skytest: %v", err)
	}
}

// Now is the page clock, ms since open.
func (p *Page) Now() float64 { return p.s.Now() }

// Tap taps page point (x, y) CSS px now and reports whether the page took it.
func (p *Page) Tap(x, y float64) bool {
	p.t.Helper()
	took, err := p.s.Tap(x, y, -1)
	p.check(err)
	return took
}

// TapID taps the middle of the element with id (from the layout dump).
func (p *Page) TapID(id string) {
	p.t.Helper()
	b := p.Box(id)
	p.Tap(b[0]+b[2]/2, b[1]+b[3]/2)
}

// Touch sends one touch of finger id (host.TouchStart, …) now.
func (p *Page) Touch(phase host.Phase, id int, x, y float64) bool {
	p.t.Helper()
	took, err := p.s.Touch(phase, id, x, y, -1)
	p.check(err)
	return took
}

// Drag moves a finger from (x1, y1) to (x2, y2) over ms, a move every
// Frame, then lifts it (a fast drag flings: Wait lets it run).
func (p *Page) Drag(x1, y1, x2, y2, ms float64) {
	p.t.Helper()
	p.Touch(host.TouchStart, 0, x1, y1)
	n := max(1, int(math.Round(ms/Frame)))
	for i := 1; i <= n; i++ {
		_, err := p.s.Advance(ms / float64(n))
		p.check(err)
		f := float64(i) / float64(n)
		p.Touch(host.TouchMove, 0, x1+(x2-x1)*f, y1+(y2-y1)*f)
	}
	p.Touch(host.TouchEnd, 0, x2, y2)
}

// Wheel scrolls the scroll-view under (x, y) by (dx, dy) and reports
// whether one took it.
func (p *Page) Wheel(x, y, dx, dy float64) bool {
	p.t.Helper()
	took, err := p.s.Wheel(x, y, dx, dy)
	p.check(err)
	return took
}

// Wait lets ms pass in Frame steps (timers, flings, animations).
func (p *Page) Wait(ms float64) {
	p.t.Helper()
	for ms > 0 {
		d := min(ms, Frame)
		_, err := p.s.Advance(d)
		p.check(err)
		ms -= d
	}
}

// SetData applies a setData patch given as JSON.
func (p *Page) SetData(patch string) {
	p.t.Helper()
	p.check(p.s.SetData([]byte(patch)))
}

// Events drains the events since the last call.
func (p *Page) Events() []Event {
	p.t.Helper()
	evs, err := p.s.DrainEvents()
	p.check(err)
	return evs
}

// Handlers drains the events and returns the names of the handler calls
// among them (pages whose logic the host runs).
func (p *Page) Handlers() []string {
	p.t.Helper()
	var out []string
	for _, e := range p.Events() {
		if e.Type == "handler" {
			out = append(out, e.Handler)
		}
	}
	return out
}

// Frame renders the window and returns a copy of the frame.
func (p *Page) Frame() *image.RGBA {
	p.t.Helper()
	img, _, err := p.s.Frame()
	p.check(err)
	out := image.NewRGBA(img.Rect)
	copy(out.Pix, img.Pix)
	return out
}

// MatchGolden compares the frame with the PNG at path under
// golden.Default (or writes it with -skytest.update).
func (p *Page) MatchGolden(path string) {
	p.t.Helper()
	p.MatchGoldenTol(path, golden.Default)
}

// MatchGoldenTol is MatchGolden with a tolerance.
func (p *Page) MatchGoldenTol(path string, tol golden.Tolerance) {
	p.t.Helper()
	golden.CheckTol(p.t, p.Frame(), path, *Update, "go test -skytest.update", tol)
}

// Dump is the layout dump (render-cli.md).
type Dump struct {
	Viewport struct {
		Width, Height, DPR float64
	} `json:"viewport"`
	Root Box `json:"root"`
}

// Box is one element of the dump.
type Box struct {
	Tag      string     `json:"tag"`
	ID       string     `json:"id"`
	Class    string     `json:"class"`
	Box      [4]float64 `json:"box"`
	Children []Box      `json:"children"`
}

// Find returns the first box with id in document order, nil when none.
func (b *Box) Find(id string) *Box {
	if b.ID == id {
		return b
	}
	for i := range b.Children {
		if f := b.Children[i].Find(id); f != nil {
			return f
		}
	}
	return nil
}

// Layout returns the parsed layout dump.
func (p *Page) Layout() *Dump {
	p.t.Helper()
	b := p.LayoutJSON()
	var d Dump
	if err := json.Unmarshal([]byte(b), &d); err != nil {
		p.t.Fatalf("skytest: layout dump: %v", err)
	}
	return &d
}

// LayoutJSON returns the layout dump as render-cli.md's JSON text.
func (p *Page) LayoutJSON() string {
	p.t.Helper()
	b, err := p.s.LayoutDump()
	p.check(err)
	return string(b)
}

// Box returns the border box [x, y, w, h] (CSS px) of the element with id;
// the test fails when there is none.
func (p *Page) Box(id string) [4]float64 {
	p.t.Helper()
	d := p.Layout()
	b := d.Root.Find(id)
	if b == nil {
		p.t.Fatalf("skytest: no element #%s in the layout dump", id)
		return [4]float64{}
	}
	return b.Box
}

// HasClass reports whether the element with id has class name.
func (p *Page) HasClass(id, name string) bool {
	p.t.Helper()
	b := p.Layout().Root.Find(id)
	return b != nil && strings.Contains(" "+b.Class+" ", " "+name+" ")
}

// Pixel returns the RGBA of the frame at page point (x, y) CSS px.
func (p *Page) Pixel(x, y float64) [4]uint8 {
	p.t.Helper()
	img := p.Frame()
	vp := p.Layout().Viewport
	i := img.PixOffset(int(x*vp.DPR), int(y*vp.DPR))
	return [4]uint8{img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3]}
}
