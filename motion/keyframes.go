package motion

import (
	"slices"

	"github.com/skyline-go/skyline/style"
)

// KeyframeSet is one @keyframes rule resolved for one element: for each
// animatable property it declares, the property's keyframes in offset order
// with computed values. Keyframe sets are immutable once built; the host
// may cache one per (rule, element style) and share it between animations.
type KeyframeSet struct {
	Name   string
	tracks []track
}

// track is one property's keyframes. A missing 0% or 100% keyframe is an
// implicit one (CSS Animations 1 §3): it takes the property's underlying
// value when sampled.
type track struct {
	prop style.PropID
	keys []key
}

type key struct {
	offset    float64
	value     Value
	timing    TimingFunction // the keyframe's animation-timing-function …
	hasTiming bool           // … when it declares one
	implicit  bool
}

// Properties lists the properties the set animates.
func (ks *KeyframeSet) Properties() []style.PropID {
	ps := make([]style.PropID, len(ks.tracks))
	for i := range ks.tracks {
		ps[i] = ks.tracks[i].prop
	}
	return ps
}

// AffectsLayout reports whether the set animates a property that changes
// layout (see AffectsLayout).
func (ks *KeyframeSet) AffectsLayout() bool {
	for i := range ks.tracks {
		if AffectsLayout(ks.tracks[i].prop) {
			return true
		}
	}
	return false
}

// ResolveKeyframes computes the keyframes of rule kf for an element whose
// computed style is base: each keyframe's declarations are computed as the
// element's (em, currentColor, rpx, var() resolve against base and env),
// non-animatable properties are dropped (spec §2.7), and within one offset
// a later declaration of a property wins. The host finds kf with
// style.Resolver.Keyframes, which applies keyframeStyleIsolation (spec
// §2.9): an element sees its own style scope's rules unless the page's
// rendererOptions say "legacy".
func ResolveKeyframes(kf *style.Keyframes, base *style.Computed, env *style.Env) *KeyframeSet {
	ks := &KeyframeSet{Name: kf.Name}
	var c style.Computed
	var ptrs []*style.Declared
	for bi := range kf.Frames {
		fr := &kf.Frames[bi]
		ptrs = ptrs[:0]
		for i := range fr.Decls {
			ptrs = append(ptrs, &fr.Decls[i])
		}
		style.ComputeInto(&c, base, ptrs, env, nil)
		var timing TimingFunction
		hasTiming := false
		for _, d := range ptrs {
			if d.Prop == style.PropAnimationTimingFunction && len(c.Animations) > 0 {
				timing, hasTiming = FromStyle(c.Animations[0].Timing), true
			}
		}
		for _, d := range ptrs {
			if !Animatable(d.Prop) {
				continue
			}
			tr := ks.track(d.Prop)
			v := Get(d.Prop, &c)
			for _, off := range fr.Offsets {
				tr.keys = append(tr.keys, key{offset: float64(off), value: v, timing: timing, hasTiming: hasTiming})
			}
		}
	}
	for i := range ks.tracks {
		tr := &ks.tracks[i]
		// Stable: of keys at one offset the later declared comes last, and
		// is the one kept.
		slices.SortStableFunc(tr.keys, func(a, b key) int {
			switch {
			case a.offset < b.offset:
				return -1
			case a.offset > b.offset:
				return 1
			}
			return 0
		})
		kept := tr.keys[:0]
		for j, k := range tr.keys {
			if j+1 < len(tr.keys) && tr.keys[j+1].offset == k.offset {
				continue
			}
			kept = append(kept, k)
		}
		tr.keys = kept
		if tr.keys[0].offset > 0 {
			tr.keys = slices.Insert(tr.keys, 0, key{offset: 0, implicit: true})
		}
		if tr.keys[len(tr.keys)-1].offset < 1 {
			tr.keys = append(tr.keys, key{offset: 1, implicit: true})
		}
	}
	return ks
}

func (ks *KeyframeSet) track(p style.PropID) *track {
	for i := range ks.tracks {
		if ks.tracks[i].prop == p {
			return &ks.tracks[i]
		}
	}
	ks.tracks = append(ks.tracks, track{prop: p})
	return &ks.tracks[len(ks.tracks)-1]
}

// sample writes the track's value at directed progress p into out; dst
// supplies the underlying value for implicit keyframes.
func (tr *track) sample(p float64, def *TimingFunction, dst *style.Computed, out *Value, box Box) {
	keys := tr.keys
	i := 0
	for i < len(keys)-2 && keys[i+1].offset <= p {
		i++
	}
	a, b := &keys[i], &keys[i+1]
	s := 0.0
	if span := b.offset - a.offset; span > 0 {
		s = (p - a.offset) / span
	}
	timing := def
	if a.hasTiming {
		timing = &a.timing
	}
	eased := timing.At(s)
	av, bv := &a.value, &b.value
	var under Value
	if a.implicit || b.implicit {
		under = Get(tr.prop, dst)
		if a.implicit {
			av = &under
		}
		if b.implicit {
			bv = &under
		}
	}
	if !Interpolate(tr.prop, av, bv, eased, out, box) {
		// Values that do not interpolate flip half-way (CSS Animations 1 §3).
		if eased < 0.5 {
			copyValue(out, av)
		} else {
			copyValue(out, bv)
		}
	}
}
