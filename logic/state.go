package logic

import (
	"fmt"

	"github.com/dop251/goja"
	"github.com/skyline-go/skyline/diag"
)

// state is everything the runtime goroutine owns besides the VM.
type state struct {
	r        *Runtime
	depth    int // nesting of s.call
	frameBuf []goja.StackFrame

	turn            turn // budget of the message or timer step in progress
	lastRunaway     bool // the last outermost call was interrupted by its budget
	cancelOnRunaway bool // the call in progress is a timer's (reportErr says it is cancelled)
	runawayTimers   int  // timers cancelled for running away
	timersOff       bool // MaxRunawayTimers reached: timers are refused

	modules   map[string]*module
	maps      map[string]*srcMap // source maps goja cannot apply itself, by file
	aliases   map[string]string  // goja's name of a source-mapped file → the file
	running   []string           // files whose bodies are executing (innermost last)
	pages     map[string]*pageClass
	comps     map[string]*compClass
	compErr   map[string]error
	behaviors map[*goja.Object]*behavior

	app         *goja.Object
	appDefault  bool              // app is getApp({allowDefault: true})'s default, App() not yet run
	dev         Device            // what the info APIs answer (Config.Device, then DeviceChange)
	onResize    listeners         // wx.onWindowResize
	onTheme     listeners         // wx.onThemeChange
	onRejection listeners         // wx.onUnhandledRejection
	launchQuery map[string]string // LoadApp's query (getLaunchOptionsSync)
	instances   map[InstanceID]*instance
	pageStack   []*instance // getCurrentPages order

	tickQueue []func()
	rejected  []rejection // rejected without a handler this turn (in order)
	// promisePos positions the Promise an API call is rejecting (its call).
	promisePos map[*goja.Promise]diag.Pos
	timers     timerHeap
	timerSeq   int64
	storage    map[string]any
	warned     map[string]bool
	nextReq    int
	modals     map[int]*goja.Object // request id → showModal options
	navs       map[int]*pendingNav  // request id → router call (route.go)
	stack      []InstanceID         // the host's page stack (SetStack); nil: pageStack
	requests   map[int]*pendingReq  // request id → wx.request at the host (network.go)
	queries    map[int]*selectorQuery
	wk         *wkState // wx.worklet (worklet.go)
}

func newState(r *Runtime) *state {
	s := &state{
		r:          r,
		modules:    map[string]*module{},
		maps:       map[string]*srcMap{},
		promisePos: map[*goja.Promise]diag.Pos{},
		aliases:    map[string]string{},
		pages:      map[string]*pageClass{},
		comps:      map[string]*compClass{},
		compErr:    map[string]error{},
		behaviors:  map[*goja.Object]*behavior{},
		instances:  map[InstanceID]*instance{},
		storage:    map[string]any{},
		warned:     map[string]bool{},
		modals:     map[int]*goja.Object{},
		queries:    map[int]*selectorQuery{},
		requests:   map[int]*pendingReq{},
	}
	s.dev = r.cfg.Device
	s.beginTurn()
	return s
}

// dispatch handles one inbound message.
func (s *state) dispatch(msg any) {
	switch m := msg.(type) {
	case LoadApp:
		s.loadApp(m)
	case LoadPage:
		s.loadPageInstance(m)
	case Mount:
		s.mount(m.Components)
	case Unmount:
		s.unmount(m.ID)
	case Move:
		if in := s.inst(m.ID, "Move"); in != nil {
			s.postOrder(in, func(c *instance) { s.lifetime(c, "moved") })
		}
	case SetProperties:
		if in := s.inst(m.ID, "SetProperties"); in != nil {
			s.setProperties(in, m.Props)
		}
	case Event:
		s.event(m)
	case PageShow:
		s.pageVisibility(m.ID, "show", "onShow")
	case PageHide:
		s.pageVisibility(m.ID, "hide", "onHide")
	case UnloadPage:
		s.unloadPage(m.ID)
	case Tick:
		if a, ok := s.r.cfg.Clock.(Advancer); ok {
			a.Advance(m.By)
		}
		s.runDueTimers(s.r.cfg.Clock.Now())
	case ModalReply:
		s.modalReply(m)
	case NavigateReply:
		s.navigateReply(m)
	case NetworkReply:
		s.networkReply(m)
	case SetStack:
		s.stack = append(s.stack[:0:0], m.IDs...)
	case SelectorReply:
		s.selectorReply(m)
	case WorkletCall:
		s.workletCall(m)
	case WorkletSync:
		s.workletSync(m)
	case DeviceChange:
		s.setDevice(m.Device)
	case HostChanged:
		if in := s.instances[m.ID]; in != nil {
			in.host.id, in.host.classes = m.ElementID, m.Classes
		}
	default:
		s.r.diagErr(diag.Pos{File: "logic"}, fmt.Sprintf("unknown message %T", msg))
	}
}

// inst looks up an instance, reporting unknown ids.
func (s *state) inst(id InstanceID, what string) *instance {
	in := s.instances[id]
	if in == nil {
		s.r.diagWarn(diag.Pos{File: "logic"}, fmt.Sprintf("%s: no instance %d", what, id))
	}
	return in
}

// runTickQueue runs wx.nextTick and setData callbacks queued during the
// message (and those they queue in turn).
func (s *state) runTickQueue() {
	for i := 0; i < len(s.tickQueue); i++ {
		f := s.tickQueue[i]
		s.tickQueue[i] = nil
		f()
		if i > 10000 {
			s.r.diagErr(diag.Pos{File: "logic"}, "nextTick callbacks keep queueing more; dropped the rest")
			break
		}
	}
	s.tickQueue = s.tickQueue[:0]
}

func (s *state) loadApp(m LoadApp) {
	s.launchQuery = m.Query
	if _, err := s.r.cfg.Read("app.js"); err == nil {
		if _, err := s.require("app.js"); err != nil {
			return
		}
	}
	if s.app == nil {
		return
	}
	opts := s.toJS(s.launchOptions())
	s.call("App.onLaunch", s.app.Get("onLaunch"), s.app, opts)
	s.call("App.onShow", s.app.Get("onShow"), s.app, opts)
}

func queryMap(q map[string]string) map[string]any {
	m := make(map[string]any, len(q))
	for k, v := range q {
		m[k] = v
	}
	return m
}
