package logic

import "github.com/skyline-go/skyline/internal/workletjs"

// Messages of the worklet runtime (README "Worklets"). The logic layer
// owns wx.worklet on the JS side; the UI runtime (package worklet, which
// app owns) runs the worklets. Values cross in workletjs's wire format.

// WorkletOpKind says what a WorkletOp asks of the UI runtime.
type WorkletOpKind uint8

const (
	// WorkletCreate makes shared value ID with Value.
	WorkletCreate WorkletOpKind = iota
	// WorkletSet writes Value (a number, data, or an animation) to ID.
	WorkletSet
	// WorkletDerive makes ID a derived value: Value is its updater.
	WorkletDerive
	// WorkletCancel cancels the animation running on ID.
	WorkletCancel
	// WorkletRun calls the worklet Value with Args on the UI runtime.
	WorkletRun
	// WorkletApplyStyle binds updater Value (a worklet returning a style
	// object) as animated style ID to the nodes Selector matches in
	// Instance's scope; Immediate runs it at once.
	WorkletApplyStyle
	// WorkletClearStyle unbinds the animated styles StyleIDs (all when
	// empty) from the nodes Selector matches in Instance's scope; the
	// style they set stays.
	WorkletClearStyle
)

// WorkletOp is a request to the UI runtime.
type WorkletOp struct {
	Kind      WorkletOpKind
	ID        int
	Value     any
	Args      []any
	Instance  InstanceID
	Selector  string
	Immediate bool
	StyleIDs  []int
}

func (WorkletOp) outbound() {}

// WorkletCall is runOnJS(fn)(args) from the UI runtime: Fn is the id the
// function was given when it was passed to the UI runtime.
type WorkletCall struct {
	Fn   int
	Args []any
}

// WorkletSync tells the logic layer what shared values hold now (those a
// worklet wrote, or whose animation ended): sv.value reads answer it.
type WorkletSync struct {
	Values map[int]any
}

func (WorkletCall) inbound() {}
func (WorkletSync) inbound() {}

// WorkletRef is the wire format's Ref (for hosts that bridge values).
type WorkletRef = workletjs.Ref
