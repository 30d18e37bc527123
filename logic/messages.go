package logic

import (
	"time"

	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/gesture"
)

// InstanceID names a page or component instance. The engine chooses the
// ids (they are its node ids); 0 means "none".
type InstanceID uint64

// Inbound is a message to the runtime (the types below). Send queues it.
type Inbound interface{ inbound() }

// Outbound is a message from the runtime (the types below). Drain returns them
// in the order they were produced.
type Outbound interface{ outbound() }

// LoadApp runs app.js (when the package has one): App({...}) registers the
// app, then onLaunch and onShow run.
type LoadApp struct {
	Query map[string]string // passed to onLaunch / onShow as options.query
}

// DeviceChange tells the scripts the device changed (the preview switched
// device preset, rotated, or switched theme): the info APIs answer with the
// new Device, and a changed window or theme runs the resize and theme
// callbacks (wx.onWindowResize, Page onResize, pageLifetimes.resize,
// wx.onThemeChange, App.onThemeChange).
type DeviceChange struct{ Device Device }

// HostChanged updates a component host's id and classes (a bound id or
// class attribute changed) for selectComponent.
type HostChanged struct {
	ID        InstanceID
	ElementID string
	Classes   []string
}

// ComponentInit is one component instance to create.
type ComponentInit struct {
	ID InstanceID
	// Parent is the nearest enclosing page or component instance in the
	// composed tree (the host whose shadow tree holds it, or the component
	// whose slot it sits in). It orders lifetimes and links relations.
	Parent InstanceID
	// Path is the component's package path without extension
	// ("components/card/card"), as usingComponents resolves it.
	Path string
	// Props are the attribute values bound to properties: bound values as
	// their Go values, literal markup text as Literal (see Coerce).
	Props map[string]any
	// Owner is the page or component whose template holds the host element
	// (0: none), and Tag, ElementID and Classes are the host's tag name, id
	// and classes when it was attached: what selectComponent matches.
	Owner     InstanceID
	Tag       string
	ElementID string
	Classes   []string
}

// LoadPage creates the page instance ID from the page's script (Path without
// extension, e.g. "pages/index/index") and the components the first render
// instantiated, then runs lifetimes in WeChat's order (see lifetimes.go):
// components created (children before hosts) → attached (hosts before
// children) → page onLoad(query) → pageLifetimes.show → onShow → components
// ready (children first) → onReady.
type LoadPage struct {
	ID         InstanceID
	Path       string
	Query      map[string]string
	Data       map[string]any // a host's .data.json: overrides Page({data}) fields
	Components []ComponentInit
}

// Mount creates components added after the first render (wx:if, wx:for):
// created for all, then attached, then ready, with the same ordering.
type Mount struct {
	Components []ComponentInit
}

// Unmount detaches instance ID and every instance below it (children first)
// and forgets them.
type Unmount struct{ ID InstanceID }

// Move runs the moved lifetime of ID and the instances below it (a wx:for
// reorder kept the instance).
type Move struct{ ID InstanceID }

// SetProperties passes changed attribute values to a component. The runtime
// coerces them, updates data, runs property observers and observers, and
// answers with one Patch holding the coerced values and what observers set.
type SetProperties struct {
	ID    InstanceID
	Props map[string]any
}

// Event runs the handler method named by a bind*/catch* attribute on
// instance ID (the engine does capture/bubble dispatch, spec §1.6).
type Event struct {
	ID      InstanceID
	Handler string
	Event   EventObject
}

// EventObject, EventTarget and Touch are gesture's: the renderer builds
// them during dispatch and handlers receive them as they are.
type (
	EventObject = gesture.EventObject
	EventTarget = gesture.EventTarget
	Touch       = gesture.Touch
)

// PageShow / PageHide run pageLifetimes.show/hide of the page's components
// and then the page's onShow / onHide.
type PageShow struct{ ID InstanceID }

// PageHide: see PageShow.
type PageHide struct{ ID InstanceID }

// UnloadPage detaches the page's components, runs onUnload and drops the
// page from getCurrentPages().
type UnloadPage struct{ ID InstanceID }

// Tick runs due timers. With a ManualClock it first advances the clock by By
// (tests and a paused preview); with a real clock By is ignored.
type Tick struct{ By time.Duration }

// ModalReply answers a ShowModal request.
type ModalReply struct {
	Req     int
	Confirm bool
}

// SelectorReply answers a SelectorQuery: Results[i] holds the matches of
// Items[i] (at most one for a select, any number for selectAll; none → the
// query yields null).
type SelectorReply struct {
	Req     int
	Results [][]NodeInfo
}

// NodeInfo is what the layout knows about one node matched by a query.
type NodeInfo struct {
	ID                        string
	Dataset                   map[string]any
	Left, Top                 float64
	Width, Height             float64
	ScrollLeft, ScrollTop     float64
	ScrollWidth, ScrollHeight float64
}

func (DeviceChange) inbound()  {}
func (HostChanged) inbound()   {}
func (LoadApp) inbound()       {}
func (LoadPage) inbound()      {}
func (Mount) inbound()         {}
func (Unmount) inbound()       {}
func (Move) inbound()          {}
func (SetProperties) inbound() {}
func (Event) inbound()         {}
func (PageShow) inbound()      {}
func (PageHide) inbound()      {}
func (UnloadPage) inbound()    {}
func (Tick) inbound()          {}
func (ModalReply) inbound()    {}
func (SelectorReply) inbound() {}

// Patch is one setData call's worth of changes to instance ID, keyed by
// setData paths ("a.b[2].c") with JSON-like values (nil, bool, float64,
// string, []any, *expr.Object with the script's key order). A key never has
// another key of the same patch as its prefix, so any application order
// gives the same values (Keys gives the same key order too). Fields
// matching the component's pureDataPattern are left out.
type Patch struct {
	ID   InstanceID
	Data map[string]any
	// Keys lists Data's keys in the order the script wrote them; pass it to
	// the engine's SetData so objects the patch creates keep that order.
	Keys []string
}

// TriggerEvent is this.triggerEvent(name, detail, options) on component ID;
// the engine dispatches it from the component's host node.
type TriggerEvent struct {
	ID                              InstanceID
	Name                            string
	Detail                          any
	Bubbles, Composed, CapturePhase bool
}

// Log is one console call.
type Log struct {
	Level string // "log", "info", "warn", "error", "debug"
	Msg   string
	Pos   diag.Pos // the console call's position
}

// Diagnostic is a script error or a framework warning, positioned at the
// JavaScript source (file:line:col) where known.
type Diagnostic struct{ diag.Diagnostic }

// ShowToast asks the preview to draw a toast (wx.showToast, wx.showLoading).
type ShowToast struct {
	Title    string
	Icon     string // "success", "error", "loading", "none"
	Image    string
	Duration time.Duration
	Mask     bool
}

// HideToast removes the toast (wx.hideToast, wx.hideLoading).
type HideToast struct{}

// ShowModal asks the preview to draw a modal; answer with ModalReply{Req}.
type ShowModal struct {
	Req                     int
	Title, Content          string
	ShowCancel              bool
	ConfirmText, CancelText string
}

// SelectorQuery asks the engine about nodes in the scope of instance Scope
// (0: the current page); answer with SelectorReply{Req}.
type SelectorQuery struct {
	Req   int
	Scope InstanceID
	Items []SelectorItem
}

// SelectorItem is one select / selectAll / selectViewport of a query.
type SelectorItem struct {
	Selector string // "" with Viewport
	All      bool
	Viewport bool
}

// Done marks that the inbound message numbered Seq (Send's result) and
// everything it caused synchronously have been processed.
type Done struct{ Seq uint64 }

func (Patch) outbound()         {}
func (TriggerEvent) outbound()  {}
func (Log) outbound()           {}
func (Diagnostic) outbound()    {}
func (ShowToast) outbound()     {}
func (HideToast) outbound()     {}
func (ShowModal) outbound()     {}
func (SelectorQuery) outbound() {}
func (Done) outbound()          {}
