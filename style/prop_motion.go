package style

import "strings"

// Transition and animation properties (spec §2.7). Computed holds the zipped
// lists (Transitions, Animations). A shorthand builds its zipped list once at
// parse time and every one of its longhands carries it, so applying the
// shorthand only assigns a slice. A lone longhand merges into the current
// list, cycling its values over the entries that transition-property /
// animation-name define (CSS Transitions §2); that path allocates, and the
// separate longhand lists are not kept, so a longer longhand list than the
// defining list is cut to it.

// smotion is a specified transition-* or animation-* longhand list.
type smotion struct {
	names   []string // transition-property / animation-name
	times   []float32
	timings []Timing
	counts  []float32
	kws     []uint8
	trans   []Transition // the shorthand's zipped list, if from one
	anims   []Animation
}

var (
	defaultTransition = Transition{Property: "all", Timing: timingEase}
	defaultAnimation  = Animation{Name: "none", Timing: timingEase, Iterations: 1}
)

func sameTransitions(a, b []Transition) bool { return len(a) == len(b) && len(a) > 0 && &a[0] == &b[0] }
func sameAnimations(a, b []Animation) bool   { return len(a) == len(b) && len(a) > 0 && &a[0] == &b[0] }

// mergeTransitions applies one longhand list to cur.
func mergeTransitions(cur []Transition, m *smotion, set func(t *Transition, i int)) []Transition {
	if len(cur) == 0 {
		cur = []Transition{defaultTransition}
	}
	n := len(cur)
	if m.names != nil {
		n = len(m.names)
	}
	out := make([]Transition, n)
	for i := range out {
		out[i] = cur[i%len(cur)]
		set(&out[i], i)
	}
	return out
}

func mergeAnimations(cur []Animation, m *smotion, set func(a *Animation, i int)) []Animation {
	if len(cur) == 0 {
		cur = []Animation{defaultAnimation}
	}
	n := len(cur)
	if m.names != nil {
		n = len(m.names)
	}
	out := make([]Animation, n)
	for i := range out {
		out[i] = cur[i%len(cur)]
		set(&out[i], i)
	}
	return out
}

func transitionProp(set func(t *Transition, m *smotion, i int)) func(c *Computed, v *sval, _ cctx) {
	return func(c *Computed, v *sval, _ cctx) {
		m := v.ref.(*smotion)
		if m.trans != nil {
			if !sameTransitions(c.Transitions, m.trans) {
				c.Transitions = m.trans
			}
			return
		}
		c.Transitions = mergeTransitions(c.Transitions, m, func(t *Transition, i int) { set(t, m, i) })
	}
}

func animationProp(set func(a *Animation, m *smotion, i int)) func(c *Computed, v *sval, _ cctx) {
	return func(c *Computed, v *sval, _ cctx) {
		m := v.ref.(*smotion)
		if m.anims != nil {
			if !sameAnimations(c.Animations, m.anims) {
				c.Animations = m.anims
			}
			return
		}
		c.Animations = mergeAnimations(c.Animations, m, func(a *Animation, i int) { set(a, m, i) })
	}
}

func copyTransitions(d, s *Computed) { d.Transitions = s.Transitions }
func copyAnimations(d, s *Computed)  { d.Animations = s.Animations }

var (
	directionKws = []kwEnt{{"normal", uint8(AnimNormal)}, {"reverse", uint8(AnimReverse)},
		{"alternate", uint8(AnimAlternate)}, {"alternate-reverse", uint8(AnimAlternateReverse)}}
	fillKws = []kwEnt{{"none", 0}, {"forwards", 1}, {"backwards", 2}, {"both", 3}}
	playKws = []kwEnt{{"running", 0}, {"paused", 1}}
)

func init() {
	at := func(s []float32, i int) float32 { return s[i%len(s)] }
	props[PropTransitionProperty] = propDef{parse: listParser(parseTransitionName),
		apply: transitionProp(func(t *Transition, m *smotion, i int) { t.Property = m.names[i] }), copy: copyTransitions}
	props[PropTransitionDuration] = propDef{parse: listParser(parseDuration),
		apply: transitionProp(func(t *Transition, m *smotion, i int) { t.Duration = at(m.times, i) }), copy: copyTransitions}
	props[PropTransitionDelay] = propDef{parse: listParser(parseDelay),
		apply: transitionProp(func(t *Transition, m *smotion, i int) { t.Delay = at(m.times, i) }), copy: copyTransitions}
	props[PropTransitionTimingFunction] = propDef{parse: listParser(parseTimingItem),
		apply: transitionProp(func(t *Transition, m *smotion, i int) { t.Timing = m.timings[i%len(m.timings)] }), copy: copyTransitions}

	props[PropAnimationName] = propDef{parse: listParser(parseAnimationName),
		apply: animationProp(func(a *Animation, m *smotion, i int) { a.Name = m.names[i] }), copy: copyAnimations}
	props[PropAnimationDuration] = propDef{parse: listParser(parseDuration),
		apply: animationProp(func(a *Animation, m *smotion, i int) { a.Duration = at(m.times, i) }), copy: copyAnimations}
	props[PropAnimationDelay] = propDef{parse: listParser(parseDelay),
		apply: animationProp(func(a *Animation, m *smotion, i int) { a.Delay = at(m.times, i) }), copy: copyAnimations}
	props[PropAnimationTimingFunction] = propDef{parse: listParser(parseTimingItem),
		apply: animationProp(func(a *Animation, m *smotion, i int) { a.Timing = m.timings[i%len(m.timings)] }), copy: copyAnimations}
	props[PropAnimationIterationCount] = propDef{parse: listParser(parseIterations),
		apply: animationProp(func(a *Animation, m *smotion, i int) { a.Iterations = at(m.counts, i) }), copy: copyAnimations}
	props[PropAnimationDirection] = propDef{parse: listParser(kwItem(directionKws)),
		apply: animationProp(func(a *Animation, m *smotion, i int) { a.Direction = AnimationDirection(m.kws[i%len(m.kws)]) }), copy: copyAnimations}
	props[PropAnimationFillMode] = propDef{parse: listParser(kwItem(fillKws)),
		apply: animationProp(func(a *Animation, m *smotion, i int) { a.FillMode = m.kws[i%len(m.kws)] }), copy: copyAnimations}
	props[PropAnimationPlayState] = propDef{parse: listParser(kwItem(playKws)),
		apply: animationProp(func(a *Animation, m *smotion, i int) { a.Paused = m.kws[i%len(m.kws)] == 1 }), copy: copyAnimations}
}

// listParser parses a comma list, each item by item into m.
func listParser(item func(ts []vtok, m *smotion) error) func([]vtok, string) (sval, error) {
	return func(ts []vtok, _ string) (sval, error) {
		m := &smotion{}
		for _, g := range vSplitCommas(ts) {
			if err := item(g, m); err != nil {
				return sval{}, err
			}
		}
		return sval{ref: m}, nil
	}
}

func parseTransitionName(ts []vtok, m *smotion) error {
	if len(ts) != 1 || ts[0].kind != vtIdent {
		return errValue
	}
	m.names = append(m.names, strings.ToLower(ts[0].text))
	return nil
}

func parseAnimationName(ts []vtok, m *smotion) error {
	if len(ts) != 1 || (ts[0].kind != vtIdent && ts[0].kind != vtString) {
		return errValue
	}
	name := ts[0].text
	if ts[0].is("none") {
		name = "none"
	}
	m.names = append(m.names, name)
	return nil
}

func parseDuration(ts []vtok, m *smotion) error {
	if len(ts) != 1 {
		return errValue
	}
	v, ok := timeMs(ts[0])
	if !ok || v < 0 {
		return errValue
	}
	m.times = append(m.times, v)
	return nil
}

func parseDelay(ts []vtok, m *smotion) error {
	if len(ts) != 1 {
		return errValue
	}
	v, ok := timeMs(ts[0])
	if !ok {
		return errValue
	}
	m.times = append(m.times, v)
	return nil
}

func parseTimingItem(ts []vtok, m *smotion) error {
	if len(ts) != 1 {
		return errValue
	}
	t, err := parseTiming(ts[0])
	if err != nil {
		return err
	}
	m.timings = append(m.timings, t)
	return nil
}

func parseIterations(ts []vtok, m *smotion) error {
	if len(ts) != 1 {
		return errValue
	}
	if ts[0].is("infinite") {
		m.counts = append(m.counts, -1)
		return nil
	}
	n, ok := vNumber(ts[0])
	if !ok || n < 0 {
		return errValue
	}
	m.counts = append(m.counts, n)
	return nil
}

func kwItem(table []kwEnt) func([]vtok, *smotion) error {
	p := parseKw(table...)
	return func(ts []vtok, m *smotion) error {
		v, err := p(ts, "")
		if err != nil {
			return err
		}
		m.kws = append(m.kws, v.kw)
		return nil
	}
}

func initMotionShorthands() {
	shorthands["transition"] = shorthand{
		[]PropID{PropTransitionProperty, PropTransitionDuration, PropTransitionTimingFunction, PropTransitionDelay},
		expandTransition,
	}
	shorthands["animation"] = shorthand{
		[]PropID{PropAnimationName, PropAnimationDuration, PropAnimationTimingFunction, PropAnimationDelay,
			PropAnimationIterationCount, PropAnimationDirection, PropAnimationFillMode, PropAnimationPlayState},
		expandAnimation,
	}
}

// timesTiming reads the parts the transition and animation shorthands share:
// the first time is the duration (not negative), the second the delay, and
// one timing function.
type timesTiming struct {
	dur, delay *float32
	timing     *Timing
	n          int
	seenTiming bool
}

// take consumes c when it is one of those parts; err is set for a malformed
// timing function or a negative duration.
func (tt *timesTiming) take(c vtok) (bool, error) {
	if v, ok := timeMs(c); ok && tt.n < 2 {
		if tt.n == 0 {
			if v < 0 {
				return false, errValue
			}
			*tt.dur = v
		} else {
			*tt.delay = v
		}
		tt.n++
		return true, nil
	}
	if tm, err := parseTiming(c); err == nil && !tt.seenTiming {
		*tt.timing, tt.seenTiming = tm, true
		return true, nil
	} else if err != errValue {
		return false, err
	}
	return false, nil
}

// expandTransition reads `[property || duration || timing || delay]#`.
func expandTransition(ts []vtok, _ string) ([]propVal, error) {
	m := &smotion{}
	for _, g := range vSplitCommas(ts) {
		t := defaultTransition
		var seenP bool
		tt := timesTiming{dur: &t.Duration, delay: &t.Delay, timing: &t.Timing}
		for _, c := range g {
			if ok, err := tt.take(c); ok || err != nil {
				if err != nil {
					return nil, err
				}
				continue
			}
			if c.kind == vtIdent && !seenP {
				t.Property, seenP = strings.ToLower(c.text), true
				continue
			}
			return nil, errValue
		}
		if len(g) == 0 {
			return nil, errValue
		}
		m.trans = append(m.trans, t)
	}
	v := sval{ref: m}
	return []propVal{{PropTransitionProperty, v}, {PropTransitionDuration, v},
		{PropTransitionTimingFunction, v}, {PropTransitionDelay, v}}, nil
}

// expandAnimation reads the animation shorthand; keywords of the other
// longhands win over the name (CSS Animations §3.10).
func expandAnimation(ts []vtok, _ string) ([]propVal, error) {
	m := &smotion{}
	matchKw := func(c vtok, table []kwEnt) (uint8, bool) {
		for _, e := range table {
			if c.is(e.name) {
				return e.v, true
			}
		}
		return 0, false
	}
	for _, g := range vSplitCommas(ts) {
		if len(g) == 0 {
			return nil, errValue
		}
		a := defaultAnimation
		var seenN, seenC, seenD, seenF, seenP bool
		tt := timesTiming{dur: &a.Duration, delay: &a.Delay, timing: &a.Timing}
		for _, c := range g {
			if ok, err := tt.take(c); ok || err != nil {
				if err != nil {
					return nil, err
				}
				continue
			}
			if n, ok := vNumber(c); ok && !seenC && n >= 0 {
				a.Iterations, seenC = n, true
				continue
			}
			if c.is("infinite") && !seenC {
				a.Iterations, seenC = -1, true
				continue
			}
			if k, ok := matchKw(c, directionKws); ok && !seenD {
				a.Direction, seenD = AnimationDirection(k), true
				continue
			}
			if k, ok := matchKw(c, fillKws); ok && !seenF && !c.is("none") {
				a.FillMode, seenF = k, true
				continue
			}
			if k, ok := matchKw(c, playKws); ok && !seenP {
				a.Paused, seenP = k == 1, true
				continue
			}
			if (c.kind == vtIdent || c.kind == vtString) && !seenN {
				a.Name, seenN = c.text, true
				if c.is("none") {
					a.Name = "none"
				}
				continue
			}
			return nil, errValue
		}
		m.anims = append(m.anims, a)
	}
	v := sval{ref: m}
	return []propVal{{PropAnimationName, v}, {PropAnimationDuration, v}, {PropAnimationTimingFunction, v},
		{PropAnimationDelay, v}, {PropAnimationIterationCount, v}, {PropAnimationDirection, v},
		{PropAnimationFillMode, v}, {PropAnimationPlayState, v}}, nil
}
