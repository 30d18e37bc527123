package style

import (
	"github.com/skyline-go/skyline/diag"
)

// Resolver matches the rules of a set of sheets against elements and runs
// the cascade (spec §2.2–§2.5). Rules are indexed by the rightmost
// compound's id, else its first class, else its tag, so Compute looks only at
// rules that can match the element.
//
// A Resolver is not safe for concurrent use: Compute reuses scratch buffers
// held on the Resolver so that it allocates nothing in steady state. Use one
// Resolver per goroutine (they are cheap to build from parsed Sheets, which
// are read-only and shareable).
type Resolver struct {
	env    *Env
	sheets []*Sheet
	rules  []indexedRule
	index  [3]ruleIndex // by Pseudo: the element itself, ::before, ::after

	classInv   map[string]InvalidationScope
	idInv      map[string]InvalidationScope
	structural InvalidationScope

	// Scratch, reused by every Compute.
	matched []int32
	decls   []*Declared
	pass    passCache // child indexes and loop results, live between BeginPass and EndPass
	inPass  bool
	sharing []Sharing // by scope (scope_share.go)
	seen    map[string]struct{}

	// steps counts matcher steps (candidate elements examined), for the
	// hostile-input tests' work bounds.
	steps int
}

// indexedRule is a Rule placed in the cascade of this Resolver.
type indexedRule struct {
	sel   *Selector
	decls []Declared
	rank  uint64 // origin, specificity, order: higher wins (see rankOf)
	scope int
	media Media
}

// ruleIndex buckets rules by the rightmost compound's most selective part.
type ruleIndex struct {
	byID    map[string][]int32
	byClass map[string][]int32
	byTag   map[string][]int32
	other   []int32 // only pseudo-classes (e.g. ":first-child")
}

// NewResolver indexes the rules of sheets. Sheets of equal Origin cascade in
// the order given (later wins ties), so pass app.wxss before the page's sheet.
// env is read at Compute time (Dark, Options), so one Resolver follows a
// dark-mode switch without re-indexing.
func NewResolver(env *Env, sheets ...*Sheet) *Resolver {
	if env == nil {
		env = &Env{}
	}
	r := &Resolver{
		env:      env,
		sheets:   sheets,
		classInv: map[string]InvalidationScope{},
		idInv:    map[string]InvalidationScope{},
	}
	for i := range r.index {
		r.index[i] = ruleIndex{byID: map[string][]int32{}, byClass: map[string][]int32{}, byTag: map[string][]int32{}}
	}
	order := 0
	for _, sh := range sheets {
		if sh == nil {
			continue
		}
		for k := range sh.Rules {
			rule := &sh.Rules[k]
			sel := rule.Selector
			order++
			if sel == nil || len(sel.parts) == 0 || rule.Media == MediaNever {
				continue
			}
			r.noteInvalidation(sel)
			idx := int32(len(r.rules))
			rank := rankOf(sh.Origin, sel.Specificity, order)
			if sel.parts[0].host {
				// :host rules are the component's defaults for its host
				// element: any rule of the host's own context beats them
				// (CSS Scoping §3.3, outer context wins), so they rank
				// below every specificity; source order still applies.
				rank = rankOf(OriginApp, Specificity{}, order)
			}
			r.rules = append(r.rules, indexedRule{
				sel:   sel,
				decls: rule.Decls,
				rank:  rank,
				scope: sh.Scope,
				media: rule.Media,
			})
			r.index[sel.Pseudo].add(&sel.parts[0], idx)
		}
	}
	return r
}

func (ix *ruleIndex) add(c *compound, idx int32) {
	switch {
	case c.id != "":
		ix.byID[c.id] = append(ix.byID[c.id], idx)
	case len(c.classes) > 0:
		ix.byClass[c.classes[0]] = append(ix.byClass[c.classes[0]], idx)
	case c.tag != "":
		ix.byTag[c.tag] = append(ix.byTag[c.tag], idx)
	default:
		ix.other = append(ix.other, idx)
	}
}

// Compute computes el's style: the matching rules in cascade order, then
// inline (the style attribute, highest origin), handed to ComputeInto on top
// of parent (nil for the page root). Warnings from values that fail after
// var() substitution go to diags (may be nil).
func (r *Resolver) Compute(el Element, parent *Computed, inline []Declared, out *Computed, diags *diag.List) {
	r.match(el, PseudoNone)
	r.cascade(inline)
	ComputeInto(out, parent, r.decls, r.env, diags)
}

// ComputePseudo computes el's ::before or ::after box from elStyle (el's
// own computed style, which it inherits from). It reports false, leaving out
// unspecified, when there is no box: no rule matches, or content is
// none/normal, or display is none (spec §2.3).
func (r *Resolver) ComputePseudo(el Element, pseudo Pseudo, elStyle *Computed, out *Computed) bool {
	if pseudo != PseudoBefore && pseudo != PseudoAfter {
		return false
	}
	if !r.match(el, pseudo) {
		return false
	}
	r.cascade(nil)
	ComputeInto(out, elStyle, r.decls, r.env, nil)
	return out.HasContent && out.Display != DisplayNone
}

// HasPseudoRules reports whether any rule targets the pseudo-element at all,
// so the engine can skip ComputePseudo calls on pages without them.
func (r *Resolver) HasPseudoRules(pseudo Pseudo) bool {
	if pseudo != PseudoBefore && pseudo != PseudoAfter {
		return false
	}
	ix := &r.index[pseudo]
	return len(ix.byID)+len(ix.byClass)+len(ix.byTag)+len(ix.other) > 0
}

// match fills r.matched with the indexes of the rules for pseudo that match
// el, and reports whether there are any.
func (r *Resolver) match(el Element, pseudo Pseudo) bool {
	r.matched = r.matched[:0]
	ix := &r.index[pseudo]
	m := matchContext{legacy: r.env.Options.TagNameStyleIsolationLegacy, sharing: r.sharing}
	if r.inPass {
		m.pass = &r.pass
	}
	dark := r.env.Dark
	if id := el.ElementID(); id != "" && len(ix.byID) > 0 {
		r.matchBucket(ix.byID[id], el, &m, dark)
	}
	if len(ix.byClass) > 0 {
		classes := el.Classes()
		if len(classes) > maxScanDuplicates {
			r.matchManyClasses(ix, classes, el, &m, dark)
		} else {
			for i, c := range classes {
				if duplicateBefore(classes, i) {
					continue
				}
				if b, ok := ix.byClass[c]; ok {
					r.matchBucket(b, el, &m, dark)
				}
			}
		}
	}
	if len(ix.byTag) > 0 {
		r.matchBucket(ix.byTag[el.TagName()], el, &m, dark)
	}
	r.matchBucket(ix.other, el, &m, dark)
	r.steps += m.steps
	return len(r.matched) > 0
}

func (r *Resolver) matchBucket(bucket []int32, el Element, m *matchContext, dark bool) {
	for _, idx := range bucket {
		rule := &r.rules[idx]
		if !rule.media.Matches(dark) {
			continue
		}
		m.scope = rule.scope
		m.rule = idx
		if m.matches(rule.sel, el) {
			r.matched = append(r.matched, idx)
		}
	}
}

// maxScanDuplicates is the longest class list whose duplicates are found by
// scanning (quadratic, but allocation-free and fastest for real lists).
const maxScanDuplicates = 32

// matchManyClasses is the class-bucket step for a long class list: a set
// drops duplicates, so 100,000 classes cost linear time.
func (r *Resolver) matchManyClasses(ix *ruleIndex, classes []string, el Element, m *matchContext, dark bool) {
	if r.seen == nil {
		r.seen = map[string]struct{}{}
	}
	clear(r.seen)
	for _, c := range classes {
		if _, dup := r.seen[c]; dup {
			continue
		}
		r.seen[c] = struct{}{}
		if b, ok := ix.byClass[c]; ok {
			r.matchBucket(b, el, m, dark)
		}
	}
}

// duplicateBefore reports whether classes[i] already occurred earlier, so a
// class written twice does not apply its rules twice.
func duplicateBefore(classes []string, i int) bool {
	for _, c := range classes[:i] {
		if c == classes[i] {
			return true
		}
	}
	return false
}

// BeginPass starts a styling pass: until EndPass the Resolver may cache
// facts about the tree (each element's position among its siblings, for
// :nth-child; the outcome of descendant and sibling combinator loops that
// ran long), so the tree must not change in between. Outside a pass
// nothing is cached, which is always correct but makes :nth-child over long
// lists, and descendant or sibling selectors over deep trees and long
// lists, quadratic. The caches keep their memory across passes.
func (r *Resolver) BeginPass() {
	if r.pass.nth == nil {
		r.pass.nth = map[Element]int32{}
		r.pass.loop = map[loopKey]matchResult{}
	}
	clear(r.pass.nth)
	clear(r.pass.loop)
	r.inPass = true
}

// EndPass ends the pass begun by BeginPass and forgets what it cached.
func (r *Resolver) EndPass() {
	r.inPass = false
	clear(r.pass.nth)
	clear(r.pass.loop)
}

// Keyframes returns the @keyframes rule called name that an element of the
// given scope sees: the last definition in its own scope, or in any sheet
// when keyframeStyleIsolation is "legacy" (spec §2.2, §2.9). nil when none.
func (r *Resolver) Keyframes(name string, scope int) *Keyframes {
	legacy := r.env.Options.KeyframeStyleIsolationLegacy
	for i := len(r.sheets) - 1; i >= 0; i-- {
		sh := r.sheets[i]
		if sh == nil || !legacy && sh.Scope != scope {
			continue
		}
		for k := len(sh.Keyframes) - 1; k >= 0; k-- {
			if sh.Keyframes[k].Name == name {
				return &sh.Keyframes[k]
			}
		}
	}
	return nil
}
