package logic

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/internal/script"
)

// modulePrefix wraps a script as a CommonJS function. It sits on the
// script's first line so line numbers stay those of the file; columns on
// line 1 are corrected by its length (see jsPos).
const modulePrefix = "(function(exports, require, module, __filename, __dirname){"

// parserMsg matches goja's flattened parser error text.
var parserMsg = regexp.MustCompile(`^(.+?): Line (\d+):(\d+) (.*)$`)

// call runs a JS function under the per-callback budget (script.Guard: CPU
// time of the runtime's thread, a wall backstop, heap growth; a runaway
// loop is interrupted with a positioned error and the page keeps running).
// Nested calls (an observer run by setData inside a handler) share the
// outermost call's budget; an interrupt inside them propagates to the
// outermost call, which reports it once. Other exceptions are reported
// where they happen, as WeChat's safeCallback does, so one failing observer
// does not abort the handler that triggered it.
//
// Outermost calls also spend the turn's budget (TurnBudgetFactor ×
// the limit of CPU time, MaxRunawaysPerTurn interrupted callbacks): once it
// is spent, later callbacks of the turn do not run. After Close nothing
// runs.
func (s *state) call(what string, fn goja.Value, this goja.Value, args ...goja.Value) (goja.Value, bool) {
	f, ok := goja.AssertFunction(fn)
	if !ok {
		return goja.Undefined(), false
	}
	if this == nil {
		this = goja.Undefined()
	}
	if s.depth > 0 {
		v, err := s.nested(f, this, args)
		if err != nil {
			var ie *goja.InterruptedError
			var so *goja.StackOverflowError
			if errors.As(err, &ie) {
				panic(ie) // unwinds to the outermost call
			}
			if errors.As(err, &so) {
				panic(so)
			}
			s.reportErr(what, err)
			return goja.Undefined(), false
		}
		return v, true
	}
	s.lastRunaway = false
	if s.r.closing.Load() {
		return goja.Undefined(), false
	}
	if s.turn.spent {
		s.turn.skipped++
		return goja.Undefined(), false
	}
	limit := s.r.cfg.TimeLimit
	g := s.r.guard
	g.Start(script.Limits{CPU: limit, Heap: script.DefaultHeapGrowth})
	v, err := s.callGuarded(f, this, args)
	used, exceeded := g.Stop()
	s.turn.cpu += used
	if exceeded != nil && exceeded.Kind == "closed" {
		return goja.Undefined(), false
	}
	if err != nil {
		pos := s.reportErr(what, err)
		if exceeded != nil {
			s.lastRunaway = true
			s.turn.runaways++
			s.turn.pos = pos
		}
	}
	if !s.turn.spent && (s.turn.cpu > TurnBudgetFactor*limit || s.turn.runaways >= MaxRunawaysPerTurn) {
		s.turn.spent = true
		why := fmt.Sprintf("%d callbacks were interrupted", s.turn.runaways)
		if s.turn.runaways < MaxRunawaysPerTurn {
			why = fmt.Sprintf("callbacks used more than %v of CPU time", TurnBudgetFactor*limit)
		}
		s.r.diagErr(s.turn.pos, "script budget of this turn spent ("+why+"); its remaining callbacks are skipped")
	}
	if err != nil {
		return goja.Undefined(), false
	}
	return v, true
}

// callGuarded runs an outermost call; a Go panic out of it (a bug, or a
// host value goja cannot take) becomes an error, so the guard is always
// stopped.
func (s *state) callGuarded(f goja.Callable, this goja.Value, args []goja.Value) (v goja.Value, err error) {
	defer func() {
		if p := recover(); p != nil {
			v, err = nil, fmt.Errorf("internal error: %v", p)
		}
	}()
	return s.nested(f, this, args)
}

// turn is the budget of one inbound message or one step of due timers.
type turn struct {
	cpu      time.Duration // CPU time of its outermost callbacks so far
	runaways int           // callbacks interrupted by their budget
	spent    bool          // over budget: later callbacks are skipped
	skipped  int
	pos      diag.Pos // where the last runaway was
}

// beginTurn starts the budget of a new turn.
func (s *state) beginTurn() { s.turn = turn{pos: diag.Pos{File: "logic"}} }

// nested runs f one level deeper; the deferred decrement keeps depth right
// when a Go panic unwinds through it.
func (s *state) nested(f goja.Callable, this goja.Value, args []goja.Value) (goja.Value, error) {
	s.depth++
	defer func() { s.depth-- }()
	return f(this, args...)
}

// reportErr turns a goja error into a positioned Diagnostic and returns its
// position.
func (s *state) reportErr(what string, err error) diag.Pos {
	var pos diag.Pos
	msg := err.Error()
	var ie *goja.InterruptedError
	var ex *goja.Exception
	var se *goja.CompilerSyntaxError
	var pl parser.ErrorList
	var pe *parser.Error
	var so *goja.StackOverflowError
	var te *transformError
	switch {
	case errors.As(err, &te):
		pos, msg = te.pos, "SyntaxError: "+te.msg
	case errors.As(err, &so):
		pos = s.framesPos(so.Stack())
		msg = "RangeError: maximum call stack size exceeded"
	case errors.As(err, &pl) && len(pl) > 0:
		pos = s.jsPos(pl[0].Position.Filename, pl[0].Position.Line, pl[0].Position.Column)
		msg = "SyntaxError: " + pl[0].Message
	case errors.As(err, &pe):
		pos = s.jsPos(pe.Position.Filename, pe.Position.Line, pe.Position.Column)
		msg = "SyntaxError: " + pe.Message
	case errors.As(err, &ie):
		pos = s.framesPos(ie.Stack())
		msg = fmt.Sprint(ie.Value())
		if s.cancelOnRunaway {
			msg += "; the timer is cancelled"
		}
	case errors.As(err, &ex):
		pos = s.framesPos(ex.Stack())
		msg = ex.Value().String()
		if o, ok := ex.Value().(*goja.Object); ok {
			if st := o.Get("stack"); st != nil && !goja.IsUndefined(st) {
				// "Error: msg\n\tat ..." → first line only; the position is separate.
				msg, _, _ = strings.Cut(st.String(), "\n")
			}
		}
	case errors.As(err, &se):
		msg = "SyntaxError: " + se.Message
		if se.File != nil {
			p := se.File.Position(se.Offset)
			pos = s.jsPos(p.Filename, p.Line, p.Column)
		} else if m := parserMsg.FindStringSubmatch(se.Message); m != nil {
			// goja flattens parser errors to "file: Line l:c message".
			line, _ := strconv.Atoi(m[2])
			col, _ := strconv.Atoi(m[3])
			pos = s.jsPos(m[1], line, col)
			msg = "SyntaxError: " + m[4]
		}
	}
	if what != "" {
		msg = what + ": " + msg
	}
	s.r.diagErr(pos, msg)
	return pos
}

// framesPos is the position of the innermost frame that has a source.
// Frames in esbuild's helpers (lowered async generators, decorators,
// using) are passed over for the author's frame that called them.
func (s *state) framesPos(frames []goja.StackFrame) diag.Pos {
	for i := range frames {
		p := frames[i].Position()
		if p.Filename != "" && p.Line > 0 {
			if pos := s.jsPos(p.Filename, p.Line, p.Column); pos.Line > 0 {
				return pos
			}
		}
	}
	return diag.Pos{}
}

// jsPos converts a goja position of a module-wrapped file to the author's:
// through the file's source map when esbuild transformed it (the wrapper
// then has a line of its own), else by the wrapper's length on line 1.
func (s *state) jsPos(file string, line, col int) diag.Pos {
	if f, ok := s.aliases[file]; ok {
		return diag.Pos{File: f, Line: line, Col: col}
	}
	if file == helperSource {
		return diag.Pos{}
	}
	if m := s.maps[file]; m != nil {
		if l, c, ok := m.original(line, col); ok {
			return diag.Pos{File: file, Line: l, Col: c}
		}
		return diag.Pos{File: file}
	}
	if line == 1 && col > len(modulePrefix) {
		col -= len(modulePrefix)
	}
	return diag.Pos{File: file, Line: line, Col: col}
}

// callerPos is the position of the innermost JS frame calling into Go (for
// console.log, setData diagnostics, unsupported-API warnings).
func (s *state) callerPos() diag.Pos {
	frames := s.r.vm.CaptureCallStack(8, s.frameBuf[:0])
	s.frameBuf = frames[:0]
	return s.framesPos(frames)
}

// rejection is a promise rejected without a handler, and where an API
// call made it (zero for a script's own).
type rejection struct {
	p   *goja.Promise
	pos diag.Pos
}

// trackRejection keeps the promises rejected without a handler; one that
// gets a handler before the turn ends is dropped again.
func (s *state) trackRejection(p *goja.Promise, op goja.PromiseRejectionOperation) {
	switch op {
	case goja.PromiseRejectionReject:
		if len(s.rejected) < maxRejectionsPerTurn {
			s.rejected = append(s.rejected, rejection{p, s.promisePos[p]})
		}
	case goja.PromiseRejectionHandle:
		for i, r := range s.rejected {
			if r.p == p {
				s.rejected = append(s.rejected[:i], s.rejected[i+1:]...)
				break
			}
		}
	}
}

// maxRejectionsPerTurn bounds the unhandled rejections one turn reports.
const maxRejectionsPerTurn = 100

// stackAt finds the first "file:line:col" of a goja stack trace.
var stackAt = regexp.MustCompile(`\n\s*at (?:[^\n]*? \()?([^\n()]+?):(\d+):(\d+)`)

// reportRejections reports what stayed rejected without a handler at the
// end of the turn ("Uncaught (in promise)", as the devtools console says),
// positioned where the reason was thrown when it is an Error, else at the
// API call whose Promise it is.
func (s *state) reportRejections() {
	list := s.rejected
	s.rejected = nil
	for _, r := range list {
		s.unhandledRejection(r.p)
		reason := r.p.Result()
		msg := "undefined"
		pos := r.pos
		if reason != nil {
			msg = s.logString(reason)
			if o, ok := reason.(*goja.Object); ok && o.ClassName() == "Error" {
				if st := o.Get("stack"); st != nil && !goja.IsUndefined(st) {
					text := st.String()
					msg, _, _ = strings.Cut(text, "\n")
					for _, m := range stackAt.FindAllStringSubmatch(text, 16) {
						line, _ := strconv.Atoi(m[2])
						col, _ := strconv.Atoi(m[3])
						if p := s.jsPos(m[1], line, col); p.Line > 0 {
							pos = p
							break
						}
					}
				}
			}
		}
		if pos.File == "" {
			pos = diag.Pos{File: "logic"}
		}
		s.r.diagErr(pos, "Uncaught (in promise) "+msg)
	}
}
