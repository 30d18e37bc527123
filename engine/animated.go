package engine

import (
	"slices"

	"github.com/skyline-go/skyline/style"
)

// Animated styles (README "Worklets"): what a worklet's applyAnimatedStyle
// updater returns styles its nodes directly, without a setData. The
// declarations are the highest-priority layer of the node's cascade (as if
// !important in its style attribute, above every sheet and the attribute
// itself); only CSS transitions sit above them.
//
// A change that keeps the same properties and touches only paint —
// transform, transform-origin, opacity, background-color — is written into
// the node's computed style in place: nothing is restyled or laid out, and
// the next frame repaints it (the display list is rebuilt every frame).
// Any other change marks the node's style dirty: it is restyled and its
// relayout boundary laid out again.

// animatedStyle is one node's animated declarations.
type animatedStyle struct {
	src   string
	decls []style.Declared
	props []style.PropID // sorted, distinct
}

// paintOnly are the properties an animated style may change in place.
var paintOnly = map[style.PropID]bool{
	style.PropTransform: true, style.PropTransformOrigin: true, style.PropOpacity: true, style.PropBackgroundColor: true,
}

// SetAnimatedStyle sets n's animated declarations ("transform:
// translateX(3px); opacity: 0.5"); "" removes them. Invalid declarations
// are dropped with a warning, as in a style attribute.
func (p *Page) SetAnimatedStyle(n *Node, decls string) {
	if n == nil || n.Kind != ElementNode || n.Dead {
		return
	}
	old := p.animated[n]
	if old != nil && old.src == decls {
		return
	}
	if decls == "" {
		if old != nil {
			delete(p.animated, n)
			p.MarkDirty(n, DirtyStyle)
		}
		return
	}
	var env *style.Env
	if p.pipe != nil {
		env = &p.pipe.env
	} else {
		vp := p.Viewport()
		env = &style.Env{WindowWidth: vp.Width, WindowHeight: vp.Height, Dark: vp.Dark, SafeArea: vp.SafeArea}
	}
	parsed, ds := style.ParseInlineStyle(decls, n.Pos, env, p.Path)
	for _, d := range ds {
		p.warnOnce(d.Pos, d.Msg)
	}
	props := p.animProps[:0]
	for i := range parsed {
		parsed[i].Important = true
		if !slices.Contains(props, parsed[i].Prop) {
			props = append(props, parsed[i].Prop)
		}
	}
	slices.Sort(props)
	p.animProps = props
	if old != nil && slices.Equal(old.props, props) {
		// The same properties (an animation's steady state): the entry is
		// reused, and a paint-only change applies in place.
		old.src, old.decls = decls, parsed
		if p.inPlace(n, old) {
			p.animatedInPlace++
			return
		}
		p.MarkDirty(n, DirtyStyle)
		return
	}
	a := &animatedStyle{src: decls, decls: parsed, props: slices.Clone(props)}
	if p.animated == nil {
		p.animated = map[*Node]*animatedStyle{}
	}
	if old == nil {
		// A node's first animated style: forget removed nodes' ones.
		for m := range p.animated {
			if m.Dead {
				delete(p.animated, m)
			}
		}
	}
	p.animated[n] = a
	p.MarkDirty(n, DirtyStyle)
}

// AnimatedInPlace counts the animated style changes applied without a
// restyle (tests and benchmarks).
func (p *Page) AnimatedInPlace() int { return p.animatedInPlace }

// inPlace applies a paint-only change to n's computed style directly.
func (p *Page) inPlace(n *Node, a *animatedStyle) bool {
	rt := rtOf(n)
	if p.pipe == nil || !p.pipe.styled || rt == nil || n.Style != &rt.computed || n.Dirty != 0 {
		return false
	}
	for _, d := range a.decls {
		if !paintOnly[d.Prop] || d.HasVar {
			return false
		}
	}
	ptrs := p.animPtrs[:0]
	for i := range a.decls {
		ptrs = append(ptrs, &a.decls[i])
	}
	// Computed against the node's own style as parent: em and
	// currentColor read its font-size and colour.
	style.ComputeInto(&p.animScratch, n.Style, ptrs, &p.pipe.env, nil)
	clear(ptrs)
	p.animPtrs = ptrs[:0]
	c := &rt.computed
	for _, prop := range a.props {
		switch prop {
		case style.PropTransform:
			c.Transform = p.animScratch.Transform
		case style.PropTransformOrigin:
			c.TransformOrigin = p.animScratch.TransformOrigin
		case style.PropOpacity:
			c.Opacity = p.animScratch.Opacity
		case style.PropBackgroundColor:
			c.Background.Color = p.animScratch.Background.Color
		}
	}
	return true
}

// withAnimated is the inline layer the cascade sees for n: its style
// attribute's declarations, then its animated ones.
func (p *Page) withAnimated(n *Node, inline []style.Declared) []style.Declared {
	a := p.animated[n]
	if a == nil {
		return inline
	}
	p.animBuf = append(append(p.animBuf[:0], inline...), a.decls...)
	return p.animBuf
}
