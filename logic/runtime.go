package logic

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/internal/script"
)

// DefaultTimeLimit bounds one callback (a lifetime, handler, observer, timer
// or module body) when Config.TimeLimit is zero. It is CPU time of the OS
// thread the callback runs on (its goroutine is locked to it for the
// callback): time the thread waits for a core on a busy or shared machine
// does not count, so a correct page does not fail because the machine is
// slow. A callback is also stopped after script.WallFactor ×
// the limit of wall time (a backstop), and when the live heap grows by more
// than script.DefaultHeapGrowth during it (a runaway s += s).
const DefaultTimeLimit = 200 * time.Millisecond

// Budgets of one turn — the handling of one inbound message, or one step
// of due timers — beyond the per-callback limit:
const (
	// TurnBudgetFactor × the time limit is the CPU time all callbacks of
	// one turn may use; the turn's later callbacks are then skipped (due
	// timers wait for the next step).
	TurnBudgetFactor = 5
	// MaxRunawaysPerTurn callbacks interrupted by their budget end the turn
	// the same way.
	MaxRunawaysPerTurn = 3
	// MaxLiveTimers bounds pending setTimeout / setInterval timers; more
	// are refused (they return 0) with an error.
	MaxLiveTimers = 10000
	// MaxTimerCallbacksPerStep bounds the timer callbacks one clock step
	// runs; the rest stay due for the next step.
	MaxTimerCallbacksPerStep = 1000
	// MaxRunawayTimers: a timer whose callback is interrupted by its budget
	// is cancelled; after this many, every timer is cancelled and new ones
	// are refused for the runtime's life.
	MaxRunawayTimers = 5
)

// maxCallStack bounds JS call depth.
const maxCallStack = 4096

// Config configures a Runtime.
type Config struct {
	// Read returns a package file by its package path ("utils/fmt.js"). The
	// caller restricts it to the package (the engine's package sandbox); the
	// runtime never touches the file system itself.
	Read func(path string) ([]byte, error)
	// Device answers wx.getSystemInfoSync / getWindowInfo.
	Device Device
	// Clock runs timers; nil means a RealClock.
	Clock Clock
	// TimeLimit bounds each callback's CPU time; 0 means DefaultTimeLimit.
	TimeLimit time.Duration
	// Fixtures maps URLs to canned responses for wx.request, downloadFile
	// and uploadFile; any other URL fails as offline, unless Network.
	Fixtures map[string]Fixture
	// Network: a wx.request no fixture answers goes to the host as a
	// NetworkRequest (network.go), which performs it (the preview).
	Network bool
}

// Fixture is a canned network response.
type Fixture struct {
	StatusCode int // 0 means 200
	Data       any // JSON-like value; for downloadFile a string is the tempFilePath
	Header     map[string]string
}

// Device is what wx.getSystemInfoSync and getWindowInfo report (the preview's
// device preset).
type Device struct {
	Brand, Model, System, Platform string
	Language, Version, SDKVersion  string
	Theme                          string
	PixelRatio                     float64
	ScreenWidth, ScreenHeight      float64
	WindowWidth, WindowHeight      float64
	StatusBarHeight                float64
	SafeArea                       Rect
}

// Rect is a rectangle in CSS px.
type Rect struct{ Left, Top, Width, Height float64 }

// Runtime runs one mini-program package's JavaScript on a goroutine it owns.
// All methods are safe for concurrent use.
type Runtime struct {
	cfg Config

	mu      sync.Mutex
	queue   []envelope
	out     []Outbound
	seq     uint64
	closed  bool
	closing atomic.Bool   // Close was called: run nothing more
	wake    chan struct{} // inbound work or Close
	outWake chan struct{} // outbound messages ready
	exited  chan struct{}

	vm    *goja.Runtime // used on the runtime goroutine only
	guard *script.Guard // budgets of the callback in progress; Close interrupts it

	// Owned by the runtime goroutine.
	st    *state
	timer *time.Timer // wall timer for the next due JS timer (real clocks)
}

type envelope struct {
	seq uint64
	msg any // Inbound or an internal request
}

// New starts a runtime.
func New(cfg Config) *Runtime {
	if cfg.Clock == nil {
		cfg.Clock = NewRealClock()
	}
	if cfg.TimeLimit <= 0 {
		cfg.TimeLimit = DefaultTimeLimit
	}
	if cfg.Read == nil {
		cfg.Read = func(string) ([]byte, error) { return nil, errors.New("no package reader") }
	}
	r := &Runtime{
		cfg:     cfg,
		wake:    make(chan struct{}, 1),
		outWake: make(chan struct{}, 1),
		exited:  make(chan struct{}),
		vm:      goja.New(),
	}
	r.guard = script.NewGuard(r.vm, true)
	go r.loop()
	return r
}

// Send queues an inbound message and returns its sequence number; a Done
// with that number follows everything the message caused. It never blocks.
func (r *Runtime) Send(m Inbound) uint64 { return r.post(m) }

func (r *Runtime) post(m any) uint64 {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return 0
	}
	r.seq++
	s := r.seq
	r.queue = append(r.queue, envelope{seq: s, msg: m})
	r.mu.Unlock()
	signal(r.wake)
	return s
}

func signal(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// Ready is signalled (coalesced) when Drain has messages.
func (r *Runtime) Ready() <-chan struct{} { return r.outWake }

// Drain returns and clears the outbound messages produced so far.
func (r *Runtime) Drain() []Outbound {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.out
	r.out = nil
	return out
}

// Sync waits until every message sent before it has been processed.
func (r *Runtime) Sync() {
	ch := make(chan struct{})
	if r.post(barrier{ch}) == 0 {
		return
	}
	select {
	case <-ch:
	case <-r.exited:
	}
}

type barrier struct{ ch chan struct{} }

// Close stops the runtime goroutine and waits for it. A callback in
// progress is interrupted and nothing queued runs (timers included), so
// Close returns promptly whatever the scripts do.
func (r *Runtime) Close() {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		<-r.exited
		return
	}
	r.closed = true
	r.mu.Unlock()
	r.closing.Store(true)
	r.guard.Close()
	signal(r.wake)
	<-r.exited
}

func (r *Runtime) emit(m Outbound) {
	r.mu.Lock()
	r.out = append(r.out, m)
	r.mu.Unlock()
	signal(r.outWake)
}

func (r *Runtime) loop() {
	defer close(r.exited)
	// Unbounded recursion throws a RangeError instead of growing memory until
	// the time limit.
	r.vm.SetMaxCallStackSize(maxCallStack)
	r.st = newState(r)
	r.vm.SetPromiseRejectionTracker(r.st.trackRejection)
	r.setupGlobals()
	for {
		var timerC <-chan time.Time
		if r.timer != nil {
			timerC = r.timer.C
		}
		// Inbound messages (Close among them) go before due timers, so a
		// storm of timers cannot starve them.
		select {
		case <-r.wake:
		default:
			select {
			case <-r.wake:
			case <-timerC:
				r.timer = nil
				if r.closing.Load() {
					return
				}
				r.st.beginTurn()
				r.runDueTimers()
				r.flushTurn()
				continue
			}
		}
		for {
			r.mu.Lock()
			if r.closed {
				r.mu.Unlock()
				if r.timer != nil {
					r.timer.Stop()
				}
				return
			}
			if len(r.queue) == 0 {
				r.mu.Unlock()
				break
			}
			e := r.queue[0]
			r.queue[0] = envelope{}
			r.queue = r.queue[1:]
			r.mu.Unlock()
			r.handle(e)
		}
	}
}

func (r *Runtime) handle(e envelope) {
	defer func() {
		// A Go panic inside a handler must not kill the page (bad input
		// gives a diagnostic, never a crash).
		if p := recover(); p != nil {
			r.diagErr(diag.Pos{File: "logic"}, fmt.Sprintf("internal error: %v", p))
		}
	}()
	switch m := e.msg.(type) {
	case barrier:
		close(m.ch)
		return
	case defRequest:
		r.st.beginTurn()
		m.reply <- r.st.defReply(m)
		return
	}
	r.st.beginTurn()
	r.st.dispatch(e.msg)
	r.flushTurn()
	r.emit(Done{Seq: e.seq})
}

// flushTurn runs what waits for the end of a message: nextTick callbacks,
// setData callbacks, then re-arms the wall timer.
func (r *Runtime) flushTurn() {
	r.st.runTickQueue()
	r.st.reportRejections()
	r.armTimer()
}

func (r *Runtime) armTimer() {
	if _, manual := r.cfg.Clock.(Advancer); manual {
		return
	}
	due, ok := r.st.timers.next()
	if r.timer != nil {
		r.timer.Stop()
		r.timer = nil
	}
	if !ok {
		return
	}
	d := due - r.cfg.Clock.Now()
	if d < 0 {
		d = 0
	}
	r.timer = time.NewTimer(d)
}

func (r *Runtime) runDueTimers() { r.st.runDueTimers(r.cfg.Clock.Now()) }

func (r *Runtime) diagErr(p diag.Pos, msg string) {
	r.emit(Diagnostic{diag.Diagnostic{Pos: p, Severity: diag.Error, Msg: msg}})
}

func (r *Runtime) diagWarn(p diag.Pos, msg string) {
	r.emit(Diagnostic{diag.Diagnostic{Pos: p, Severity: diag.Warning, Msg: msg}})
}

// defRequest asks for a page or component definition; answered on reply
// from the runtime goroutine.
type defRequest struct {
	path  string
	page  bool
	reply chan defAnswer
}

type defAnswer struct {
	comp *ComponentDef
	page *PageDef
	err  error
}

// ComponentDef runs the component's script (once; later calls reuse it) and
// returns its parsed definition. It blocks until the runtime goroutine has
// processed the messages sent before it.
func (r *Runtime) ComponentDef(path string) (*ComponentDef, error) {
	a := r.ask(defRequest{path: path})
	return a.comp, a.err
}

// PageDef runs the page's script (once) and returns its initial data, which
// the first render uses before onLoad's patches arrive.
func (r *Runtime) PageDef(path string) (*PageDef, error) {
	a := r.ask(defRequest{path: path, page: true})
	return a.page, a.err
}

func (r *Runtime) ask(q defRequest) defAnswer {
	q.reply = make(chan defAnswer, 1)
	if r.post(q) == 0 {
		return defAnswer{err: errors.New("runtime closed")}
	}
	select {
	case a := <-q.reply:
		return a
	case <-r.exited:
		return defAnswer{err: errors.New("runtime closed")}
	}
}
