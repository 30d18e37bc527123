package worklet

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/skyline-go/skyline/diag"
	"github.com/skyline-go/skyline/internal/workletjs"
	"github.com/skyline-go/skyline/motion"
)

// The host's side: what the logic layer's WorkletOps become (app maps
// them one to one), the frame, and what goes back.

// CreateShared makes shared value id holding v (wire format).
func (r *Runtime) CreateShared(id int, v any) {
	r.op("shared", func() {
		s := r.sharedFor(id)
		r.write(s, r.importValue(v))
		s.synced = false // the logic side knows its own initial value
	})
}

// SetShared writes v (a value or an animation) to shared value id.
func (r *Runtime) SetShared(id int, v any) {
	r.op("sv.value", func() { r.write(r.sharedFor(id), r.importValue(v)) })
}

// Cancel cancels the animation running on shared value id
// (cancelAnimation): its callback gets finished = false.
func (r *Runtime) Cancel(id int) {
	r.op("cancelAnimation", func() {
		if s := r.shared[id]; s != nil {
			r.cancel(s)
		}
	})
}

// Derive makes shared value id follow updater fn (derived).
func (r *Runtime) Derive(id int, fn any) {
	f, ok := r.callable("derived", fn)
	if !ok {
		return
	}
	r.sharedFor(id)
	m := &mapper{id: id, fn: f, out: r.derivedOut}
	r.runMapper(m)
	r.settle()
}

// RunOnUI calls worklet fn with args (runOnUI(fn)(...args)).
func (r *Runtime) RunOnUI(fn any, args []any) {
	f, ok := r.callable("runOnUI", fn)
	if !ok {
		return
	}
	var vals []goja.Value
	if err := r.try(func() {
		vals = make([]goja.Value, len(args))
		for i, a := range args {
			vals[i] = r.importValue(a)
		}
	}); err != nil {
		r.diag(r.errPos(err), "runOnUI: "+errText(err))
		return
	}
	r.guarded("runOnUI", f, goja.Undefined(), vals...)
	r.settle()
}

// ApplyStyle binds updater fn as animated style id: its result (a style
// object) goes to Config.Style now (unless !immediate) and whenever a
// shared value it read changes.
func (r *Runtime) ApplyStyle(id int, fn any, immediate bool) {
	f, ok := r.callable("applyAnimatedStyle", fn)
	if !ok {
		return
	}
	if old := r.styles[id]; old != nil {
		r.stop(old)
	}
	m := &mapper{id: id, fn: f, out: r.styleOut, silent: !immediate}
	r.styles[id] = m
	r.runMapper(m)
	r.settle()
}

// ClearStyle unbinds animated style id (the style it set stays).
func (r *Runtime) ClearStyle(id int) {
	if m := r.styles[id]; m != nil {
		r.stop(m)
		delete(r.styles, id)
	}
}

func (r *Runtime) stop(m *mapper) {
	m.dead = true
	for _, s := range m.reads {
		s.removeReader(m)
	}
	m.reads = nil
}

// Frame steps every running animation to frame timestamp now, runs the
// completion callbacks that became due, and re-runs the mappers whose
// shared values changed.
func (r *Runtime) Frame(now time.Duration) {
	if now > r.now {
		r.now = now
	}
	r.clock.Set(r.now)
	r.clock.Frame()
	r.settle()
}

// NeedsFrame reports whether an animation runs.
func (r *Runtime) NeedsFrame() bool { return r.clock.NeedsFrame() || len(r.dirty) > 0 }

// Now is the timestamp of the last frame (animations assigned between
// frames start from it).
func (r *Runtime) Now() time.Duration { return r.now }

// DrainCalls returns and clears the runOnJS calls made so far.
func (r *Runtime) DrainCalls() []Call {
	c := r.calls
	r.calls = nil
	return c
}

// DrainSync returns the shared values written by worklets or whose
// animation ended since the last call (id → wire value), or nil.
func (r *Runtime) DrainSync() map[int]any {
	if len(r.sync) == 0 {
		return nil
	}
	out := make(map[int]any, len(r.sync))
	for _, s := range r.sync {
		s.synced = false
		if s.num {
			out[s.id] = s.av.Value
			continue
		}
		e := workletjs.Exporter{Hooks: uiHooks{}}
		if x, err := e.Export(s.val); err == nil {
			out[s.id] = x
		}
	}
	clear(r.sync)
	r.sync = r.sync[:0]
	return out
}

// Value is shared value id's current value as a number (tests, hosts);
// ok is false when it holds none.
func (r *Runtime) Value(id int) (float64, bool) {
	s := r.shared[id]
	if s == nil || !s.num {
		return 0, false
	}
	return s.av.Value, true
}

// op runs a host request on the VM, reporting what it throws.
func (r *Runtime) op(what string, f func()) {
	if err := r.try(f); err != nil {
		r.diag(r.errPos(err), what+": "+errText(err))
	}
	r.settle()
}

// settle runs due completion callbacks and dirty mappers until quiet.
func (r *Runtime) settle() {
	for round := 0; round < maxMapperRounds; round++ {
		if len(r.pending) == 0 && len(r.dirty) == 0 {
			return
		}
		for len(r.pending) > 0 {
			p := r.pending[0]
			r.pending[0] = pendingCB{}
			r.pending = r.pending[1:]
			if fn, ok := goja.AssertFunction(p.fn); ok {
				r.guarded("animation callback", fn, goja.Undefined(), r.vm.ToValue(p.finished))
			}
		}
		batch := r.dirty
		r.dirty = r.dirtyAlt[:0]
		for _, m := range batch {
			m.dirty = false
			if !m.dead {
				r.runMapper(m)
			}
		}
		clear(batch)
		r.dirtyAlt = batch[:0]
	}
	if len(r.dirty) > 0 {
		r.diag(diag.Pos{File: "worklet"}, fmt.Sprintf("mappers kept re-running each other after %d rounds (a derived value that feeds itself?); continuing next frame", maxMapperRounds))
	}
}

// runMapper runs m's updater, tracking the shared values it reads.
func (r *Runtime) runMapper(m *mapper) {
	for _, s := range m.reads {
		s.removeReader(m)
	}
	m.reads = m.reads[:0]
	prev := r.tracking
	r.tracking = m
	v, ok := r.guarded("updater", m.fn, goja.Undefined())
	r.tracking = prev
	for _, s := range m.reads {
		s.readers = append(s.readers, m)
	}
	if m.silent {
		m.silent = false
		return
	}
	if ok {
		m.out(m, v)
	}
}

func (r *Runtime) derivedOut(m *mapper, v goja.Value) {
	s := r.shared[m.id]
	if s == nil {
		return
	}
	if err := r.try(func() { r.write(s, v) }); err != nil {
		r.diag(r.errPos(err), "derived: "+errText(err))
	}
}

func (r *Runtime) styleOut(m *mapper, v goja.Value) {
	o, ok := v.(*goja.Object)
	if !ok {
		return
	}
	decls := styleText(o)
	if decls == m.last && m.last != "" {
		return
	}
	m.last = decls
	if r.cfg.Style != nil {
		r.cfg.Style(m.id, decls)
	}
}

// unitless properties take a bare number; any other number is px.
var unitless = map[string]bool{
	"opacity": true, "z-index": true, "flex": true, "flex-grow": true, "flex-shrink": true,
	"font-weight": true, "line-height": true, "order": true, "aspect-ratio": true,
}

// styleText turns an updater's style object into declarations:
// camelCase keys become kebab-case, numbers are px unless the property is
// unitless.
func styleText(o *goja.Object) string {
	var b strings.Builder
	for _, k := range o.Keys() {
		v := o.Get(k)
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			continue
		}
		name := kebab(k)
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		b.WriteString(name)
		b.WriteString(": ")
		if f, ok := number(v); ok {
			b.WriteString(strconv.FormatFloat(f, 'f', -1, 64))
			if !unitless[name] && f != 0 {
				b.WriteString("px")
			}
			continue
		}
		b.WriteString(v.String())
	}
	return b.String()
}

func kebab(k string) string {
	if strings.HasPrefix(k, "--") || strings.IndexFunc(k, func(c rune) bool { return c >= 'A' && c <= 'Z' }) < 0 {
		return k
	}
	var b strings.Builder
	for _, c := range k {
		if c >= 'A' && c <= 'Z' {
			b.WriteByte('-')
			c += 'a' - 'A'
		}
		b.WriteRune(c)
	}
	return b.String()
}

// animation builds the motion animation an animation descriptor (the
// prelude's timing(…) etc.) describes.
func (r *Runtime) animation(o *goja.Object) (motion.Animation, error) {
	kind := o.Get("__anim").String()
	cb := r.callback(o.Get("cb"))
	switch kind {
	case "timing":
		to, ok := number(o.Get("to"))
		if !ok {
			return nil, fmt.Errorf("timing: the target must be a number (got %s)", o.Get("to"))
		}
		cfg := motion.TimingConfig{Duration: numOr(o.Get("duration"), 300), Easing: r.easing(o.Get("easing"))}
		return motion.Timing(to, cfg, cb), nil
	case "spring":
		to, ok := number(o.Get("to"))
		if !ok {
			return nil, fmt.Errorf("spring: the target must be a number (got %s)", o.Get("to"))
		}
		cfg := motion.DefaultSpring
		if c, ok := o.Get("cfg").(*goja.Object); ok {
			cfg.Damping = numOr(c.Get("damping"), cfg.Damping)
			cfg.Mass = numOr(c.Get("mass"), cfg.Mass)
			cfg.Stiffness = numOr(c.Get("stiffness"), cfg.Stiffness)
			cfg.RestDisplacementThreshold = numOr(c.Get("restDisplacementThreshold"), cfg.RestDisplacementThreshold)
			cfg.RestSpeedThreshold = numOr(c.Get("restSpeedThreshold"), cfg.RestSpeedThreshold)
			cfg.Velocity = numOr(c.Get("velocity"), 0)
			if v := c.Get("overshootClamping"); v != nil {
				cfg.OvershootClamping = v.ToBoolean()
			}
		}
		return motion.Spring(to, cfg, cb), nil
	case "decay":
		cfg := motion.DefaultDecay
		if c, ok := o.Get("cfg").(*goja.Object); ok {
			cfg.Velocity = numOr(c.Get("velocity"), 0)
			cfg.Deceleration = numOr(c.Get("deceleration"), cfg.Deceleration)
			if cl, ok := c.Get("clamp").(*goja.Object); ok && cl.ClassName() == "Array" {
				lo, ok1 := number(cl.Get("0"))
				hi, ok2 := number(cl.Get("1"))
				if ok1 && ok2 {
					cfg.Clamp, cfg.HasClamp = [2]float64{min(lo, hi), max(lo, hi)}, true
				}
			}
		}
		return motion.Decay(cfg, cb), nil
	case "sequence":
		parts, _ := o.Get("parts").(*goja.Object)
		var list []motion.Animation
		if parts != nil {
			n := int(parts.Get("length").ToInteger())
			for i := range min(n, 1024) {
				p, ok := parts.Get(strconv.Itoa(i)).(*goja.Object)
				if !ok {
					continue
				}
				a, err := r.animation(p)
				if err != nil {
					return nil, err
				}
				list = append(list, a)
			}
		}
		return motion.Sequence(list...), nil
	case "repeat":
		inner, ok := o.Get("inner").(*goja.Object)
		if !ok {
			return nil, fmt.Errorf("repeat needs an animation")
		}
		a, err := r.animation(inner)
		if err != nil {
			return nil, err
		}
		count := int(numOr(o.Get("count"), 2))
		return motion.Repeat(a, count, o.Get("reverse").ToBoolean(), cb), nil
	case "delay":
		inner, ok := o.Get("inner").(*goja.Object)
		if !ok {
			return nil, fmt.Errorf("delay needs an animation")
		}
		a, err := r.animation(inner)
		if err != nil {
			return nil, err
		}
		return motion.Delay(numOr(o.Get("ms"), 0), a), nil
	}
	return nil, fmt.Errorf("unknown animation %q", kind)
}

func numOr(v goja.Value, def float64) float64 {
	if f, ok := number(v); ok && !math.IsNaN(f) {
		return f
	}
	return def
}

// callback queues a completion callback to run after the frame's steps
// (a callback may start another animation on the same value).
func (r *Runtime) callback(v goja.Value) motion.Callback {
	if _, ok := goja.AssertFunction(v); !ok {
		return nil
	}
	return func(finished bool) { r.pending = append(r.pending, pendingCB{fn: v, finished: finished}) }
}

// easing is the motion easing of an Easing function: built in Go from its
// descriptor (no JavaScript per frame), or a call of a custom function.
func (r *Runtime) easing(v goja.Value) motion.Easing {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	if d := workletjs.EasingDesc(o); d != nil {
		return easingOf(d)
	}
	fn, ok := goja.AssertFunction(o)
	if !ok {
		return nil
	}
	return func(t float64) float64 {
		res, ok := r.guarded("easing", fn, goja.Undefined(), r.vm.ToValue(t))
		if !ok {
			return t
		}
		f, _ := number(res)
		return f
	}
}

func easingOf(d []any) motion.Easing {
	if len(d) == 0 {
		return motion.EasingLinear
	}
	name, _ := d[0].(string)
	arg := func(i int, def float64) float64 {
		if i < len(d) {
			if f, ok := d[i].(float64); ok {
				return f
			}
		}
		return def
	}
	sub := func() motion.Easing {
		if len(d) > 1 {
			if s, ok := d[1].([]any); ok {
				return easingOf(s)
			}
		}
		return motion.EasingLinear
	}
	switch name {
	case "linear":
		return motion.EasingLinear
	case "ease":
		return motion.EasingEase
	case "quad":
		return motion.EasingQuad
	case "cubic":
		return motion.EasingCubic
	case "sin":
		return motion.EasingSin
	case "circle":
		return motion.EasingCircle
	case "exp":
		return motion.EasingExp
	case "bounce":
		return motion.EasingBounce
	case "poly":
		return motion.EasingPoly(arg(1, 2))
	case "elastic":
		return motion.EasingElastic(arg(1, 1))
	case "back":
		return motion.EasingBack(arg(1, motion.DefaultBack))
	case "bezier":
		return motion.EasingBezier(arg(1, 0), arg(2, 0), arg(3, 1), arg(4, 1))
	case "steps":
		round := true
		if len(d) > 2 {
			if b, ok := d[2].(bool); ok {
				round = b
			}
		}
		return motion.EasingSteps(int(arg(1, 10)), round)
	case "in":
		return motion.In(sub())
	case "out":
		return motion.Out(sub())
	case "inOut":
		return motion.InOut(sub())
	}
	return motion.EasingLinear
}
