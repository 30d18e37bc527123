package logic

import (
	"container/heap"
	"fmt"
	"time"

	"github.com/dop251/goja"
	"github.com/skyline-go/skyline/diag"
)

// jsTimer is one setTimeout / setInterval.
type jsTimer struct {
	id       int64
	due      time.Duration
	interval time.Duration // 0 for setTimeout
	fn       goja.Value
	args     []goja.Value
	index    int
}

// timerHeap orders timers by due time, then by creation.
type timerHeap struct {
	items []*jsTimer
	byID  map[int64]*jsTimer
}

func (h *timerHeap) Len() int { return len(h.items) }
func (h *timerHeap) Less(i, j int) bool {
	a, b := h.items[i], h.items[j]
	if a.due != b.due {
		return a.due < b.due
	}
	return a.id < b.id
}
func (h *timerHeap) Swap(i, j int) {
	h.items[i], h.items[j] = h.items[j], h.items[i]
	h.items[i].index, h.items[j].index = i, j
}
func (h *timerHeap) Push(x any) {
	t := x.(*jsTimer)
	t.index = len(h.items)
	h.items = append(h.items, t)
}
func (h *timerHeap) Pop() any {
	n := len(h.items)
	t := h.items[n-1]
	h.items[n-1] = nil
	h.items = h.items[:n-1]
	t.index = -1 // running or gone: not in the heap
	return t
}

// next is the earliest due time.
func (h *timerHeap) next() (time.Duration, bool) {
	if len(h.items) == 0 {
		return 0, false
	}
	return h.items[0].due, true
}

// minInterval keeps setInterval(f, 0) from spinning inside one Tick.
const minInterval = time.Millisecond

func (s *state) setupTimers() {
	vm := s.r.vm
	s.timers.byID = map[int64]*jsTimer{}
	add := func(call goja.FunctionCall, repeat bool) goja.Value {
		fn := call.Argument(0)
		if !isFunc(fn) {
			s.r.diagWarn(s.callerPos(), "timer callback is not a function")
			return vm.ToValue(0)
		}
		if s.timersOff {
			s.warnOnce("timers off", s.callerPos(), fmt.Sprintf("timers are disabled: %d timer callbacks ran out of their budget; setTimeout/setInterval return 0", MaxRunawayTimers))
			return vm.ToValue(0)
		}
		if len(s.timers.byID) >= MaxLiveTimers {
			if !s.warned["timer limit"] {
				s.warned["timer limit"] = true
				s.r.diagErr(s.callerPos(), fmt.Sprintf("more than %d timers pending; this one and later ones are refused (they return 0)", MaxLiveTimers))
			}
			return vm.ToValue(0)
		}
		d := time.Duration(call.Argument(1).ToFloat() * float64(time.Millisecond))
		if d < 0 || d != d {
			d = 0
		}
		s.timerSeq++
		t := &jsTimer{id: s.timerSeq, due: s.r.cfg.Clock.Now() + d, fn: fn}
		if len(call.Arguments) > 2 {
			t.args = append([]goja.Value(nil), call.Arguments[2:]...)
		}
		if repeat {
			t.interval = max(d, minInterval)
		}
		heap.Push(&s.timers, t)
		s.timers.byID[t.id] = t
		return vm.ToValue(t.id)
	}
	clearFn := func(call goja.FunctionCall) goja.Value {
		id := call.Argument(0).ToInteger()
		if t, ok := s.timers.byID[id]; ok {
			if t.index >= 0 {
				heap.Remove(&s.timers, t.index)
			}
			delete(s.timers.byID, id)
		}
		return goja.Undefined()
	}
	_ = vm.Set("setTimeout", func(c goja.FunctionCall) goja.Value { return add(c, false) })
	_ = vm.Set("setInterval", func(c goja.FunctionCall) goja.Value { return add(c, true) })
	_ = vm.Set("clearTimeout", clearFn)
	_ = vm.Set("clearInterval", clearFn)
}

// runDueTimers fires every timer due at or before now in due order,
// including ones the callbacks schedule that also fall due by now, within
// the step's budgets: at most MaxTimerCallbacksPerStep callbacks and the
// turn's CPU budget; the rest stay due for the next step. On a real clock
// an interval does not catch up the ticks a slow callback missed (as in a
// browser): its next run is no earlier than when the callback ended. A
// timer whose callback is interrupted by its budget is cancelled.
func (s *state) runDueTimers(now time.Duration) {
	_, manual := s.r.cfg.Clock.(Advancer)
	for n := 0; s.timers.Len() > 0 && s.timers.items[0].due <= now; n++ {
		if s.r.closing.Load() || s.turn.spent {
			return
		}
		if n == MaxTimerCallbacksPerStep {
			s.warnOnce("timer step", diag.Pos{File: "logic"}, fmt.Sprintf("more than %d timer callbacks due in one step; the rest wait for the next", MaxTimerCallbacksPerStep))
			return
		}
		t := heap.Pop(&s.timers).(*jsTimer)
		if t.interval == 0 {
			delete(s.timers.byID, t.id)
		}
		s.cancelOnRunaway = true
		s.call("timer", t.fn, goja.Undefined(), t.args...)
		s.cancelOnRunaway = false
		if s.lastRunaway {
			s.runawayTimer(t)
		} else if t.interval > 0 && s.timers.byID[t.id] == t {
			t.due += t.interval
			if !manual {
				t.due = max(t.due, s.r.cfg.Clock.Now())
			}
			heap.Push(&s.timers, t)
		}
		s.runTickQueue()
	}
}

// runawayTimer cancels a timer whose callback ran out of its budget; after
// MaxRunawayTimers of them every timer goes and new ones are refused.
func (s *state) runawayTimer(t *jsTimer) {
	delete(s.timers.byID, t.id)
	s.runawayTimers++
	if s.runawayTimers < MaxRunawayTimers || s.timersOff {
		return
	}
	s.timersOff = true
	s.timers.items = nil
	clear(s.timers.byID)
	s.r.diagErr(s.turn.pos, fmt.Sprintf("%d timer callbacks ran out of their budget: every timer is cancelled and new ones are refused", MaxRunawayTimers))
}

// warnOnce reports a warning the first time key comes up.
func (s *state) warnOnce(key string, p diag.Pos, msg string) {
	if s.warned[key] {
		return
	}
	s.warned[key] = true
	s.r.diagWarn(p, msg)
}
