package engine

import (
	"slices"

	"github.com/skyline-go/skyline/style"
)

// restyle brings every element's computed style up to date. The first frame
// styles the whole tree; later frames restyle only what the dirty nodes can
// affect (the resolver's invalidation scopes), plus descendants whose
// inherited values changed.
func (p *Page) restyle() {
	pl := p.pipe
	// The tree does not change during a restyle, so the resolver may cache
	// sibling positions for :nth-child (style.Resolver.BeginPass).
	pl.resolver.BeginPass()
	defer pl.resolver.EndPass()
	if !pl.styled {
		p.styleSubtree(p.Root(), nil, true)
		pl.styled = true
		return
	}
	if len(p.DirtyNodes()) == 0 {
		return
	}
	// Mark first, then restyle in document order so every parent is
	// final before its children read it.
	// need: 1 marks a node, 2 its whole subtree too, so nested dirty
	// subtrees (every node of a deep chain inserted at once) are walked once,
	// not once per ancestor.
	need := map[*Node]uint8{}
	mark := func(n *Node) {
		if n != nil && n.Kind == ElementNode && !n.Dead && need[n] == 0 {
			need[n] = 1
		}
	}
	markSubtree := func(n *Node) {
		n.Walk(func(c *Node) bool {
			if need[c] == 2 {
				return false
			}
			if c.Kind == ElementNode && !c.Dead {
				need[c] = 2
			}
			return true
		})
	}
	apply := func(n *Node, scope style.InvalidationScope) {
		if scope&style.InvalidateSelf != 0 {
			mark(n)
		}
		if scope&style.InvalidateDescendants != 0 {
			markSubtree(n)
		}
		if scope&style.InvalidateSiblings != 0 && n.Parent() != nil {
			for s := n.Parent().FirstChild(); s != nil; s = s.NextSibling() {
				markSubtree(s)
			}
		}
		if scope&style.InvalidateParent != 0 && n.Parent() != nil {
			markSubtree(n.Parent())
		}
	}
	for _, n := range p.DirtyNodes() {
		if n.Dead {
			continue
		}
		d := n.Dirty
		if d&(DirtyInserted) != 0 {
			markSubtree(n)
			apply(n, pl.resolver.InvalidationStructural())
		}
		if d&DirtyStructure != 0 {
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				apply(c, pl.resolver.InvalidationStructural())
			}
			mark(n) // :empty
		}
		if d&DirtyText != 0 && n.Parent() != nil {
			// :empty may flip; text roots re-flow in relayout.
			mark(n.Parent())
		}
		if d&DirtyClass != 0 {
			scope := style.InvalidateSelf
			var old []string
			if rtOf(n) != nil {
				old = rtOf(n).styledClasses
			}
			for _, c := range symmetricDiff(old, n.ClassList()) {
				scope |= pl.resolver.Invalidation(c)
			}
			apply(n, scope)
		}
		if d&(DirtyStyle|DirtyAttr) != 0 {
			scope := style.InvalidateSelf | pl.resolver.InvalidationID(n.ID())
			apply(n, scope)
		}
	}
	if len(need) == 0 {
		return
	}
	// Restyle shallowest first, so every parent is final before its
	// children read it; only the marked nodes are visited, not the tree.
	marked := pl.markedBuf[:0]
	for n := range need {
		marked = append(marked, n)
	}
	if len(marked) > 1 {
		p.sortShallowFirst(marked)
	}
	pl.stamp++ // never 0, the stamp of nodes not yet restyled incrementally
	for _, n := range marked {
		if rtOf(n) != nil && rtOf(n).stamp == pl.stamp {
			continue // restyled already as part of a changed ancestor's subtree
		}
		p.restyleOne(n, false)
	}
	pl.markedBuf = marked[:0]
}

// restyleOne restyles n and, when force is set or n's inherited values
// changed, its whole subtree.
func (p *Page) restyleOne(n *Node, force bool) {
	var parent *style.Computed
	if n.Parent() != nil {
		parent = n.Parent().Style
	}
	changed := p.styleNode(n, parent)
	rtOf(n).stamp = p.pipe.stamp
	p.pipe.restyled = append(p.pipe.restyled, n)
	if !changed && !force {
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind == ElementNode {
			p.restyleOne(c, true)
		}
	}
}

// sortShallowFirst sorts nodes by depth. Depths are found once per node
// and shared along ancestor chains, so a deep tree costs its size, not its
// depth per comparison (a 20,000-deep chain with every node marked took
// seconds).
func (p *Page) sortShallowFirst(nodes []*Node) {
	pl := p.pipe
	keyed := pl.depthKeyed[:0]
	if len(nodes) <= 32 {
		// A few nodes (the steady state): walk each to the root once.
		for _, n := range nodes {
			var d int32
			for m := n; m != nil; m = m.Parent() {
				d++
			}
			keyed = append(keyed, depthKeyed{n, d})
		}
	} else {
		depths := make(map[*Node]int32, 2*len(nodes))
		var chain []*Node
		for _, n := range nodes {
			var d int32
			for m := n; m != nil; m = m.Parent() {
				if v, ok := depths[m]; ok {
					d = v
					break
				}
				chain = append(chain, m)
			}
			for i := len(chain) - 1; i >= 0; i-- {
				d++
				depths[chain[i]] = d
			}
			chain = chain[:0]
			keyed = append(keyed, depthKeyed{n, depths[n]})
		}
	}
	slices.SortStableFunc(keyed, func(a, b depthKeyed) int { return int(a.d - b.d) })
	for i, k := range keyed {
		nodes[i] = k.n
	}
	clear(keyed)
	pl.depthKeyed = keyed[:0]
}

type depthKeyed struct {
	n *Node
	d int32
}

// styleSubtree computes n and its whole subtree (and n's following siblings
// when siblings is set).
func (p *Page) styleSubtree(n *Node, parent *style.Computed, root bool) {
	for ; n != nil; n = n.NextSibling() {
		if n.Kind == ElementNode {
			p.styleNode(n, parent)
			if n.FirstChild() != nil {
				p.styleSubtree(n.FirstChild(), n.Style, false)
			}
		}
		if root {
			return
		}
	}
}

// styleNode computes one element (and its ::before / ::after boxes) and
// reports whether a value its children inherit changed.
func (p *Page) styleNode(n *Node, parent *style.Computed) bool {
	pl := p.pipe
	p.stats.cur.Restyled++
	rt := ensureRT(n)
	if !rt.inlineOK || rt.inlineSrc != n.StyleText() {
		rt.inline = rt.inline[:0]
		if n.StyleText() != "" {
			decls, ds := style.ParseInlineStyle(n.StyleText(), n.Pos, &pl.env, p.Path)
			for _, d := range ds {
				p.warnOnce(d.Pos, d.Msg)
			}
			rt.inline = append(rt.inline, decls...)
		}
		rt.inlineSrc, rt.inlineOK = n.StyleText(), true
	}
	hadStyle := n.Style != nil
	var old inheritedSnapshot
	if hadStyle {
		old = snapshotInherited(n.Style)
	}
	before, moves := p.motionBefore(n, rt, hadStyle)
	pl.resolver.Compute(n, parent, p.withAnimated(n, rt.inline), &rt.computed, &p.diags)
	n.Style = &rt.computed
	c := n.Style
	if n.Hidden() {
		c.Display = style.DisplayNone // spec §8.6: hidden beats display
	}
	if n.Parent() == nil {
		// spec §8.1: the page root is exactly the window.
		c.Width, c.Height = style.Px(pl.vp.Width), style.Px(pl.vp.Height)
		c.Position = style.PositionRelative
		c.Inset = style.Edges{Top: style.Auto, Right: style.Auto, Bottom: style.Auto, Left: style.Auto}
		c.Margin = style.Edges{}
	}
	if moves {
		p.restyleMotion(n, rt, before)
	}
	var pseudoBefore [2]*style.Computed
	if moves {
		pseudoBefore = p.pseudoBefore(rt)
	}
	rt.before = p.pseudo(n, style.PseudoBefore, rt.before)
	rt.after = p.pseudo(n, style.PseudoAfter, rt.after)
	if moves && (rt.before != nil || rt.after != nil || rt.motion != nil) {
		p.restylePseudoMotion(n, rt, pseudoBefore)
	}
	rt.setClassesAtStyle(n.ClassList())
	return !hadStyle || old != snapshotInherited(c)
}

func (p *Page) pseudo(n *Node, which style.Pseudo, prev *style.Computed) *style.Computed {
	pl := p.pipe
	if !pl.resolver.HasPseudoRules(which) {
		return nil
	}
	out := prev
	if out == nil {
		out = new(style.Computed)
	}
	if !pl.resolver.ComputePseudo(n, which, n.Style, out) {
		return nil
	}
	return out
}

// inheritedSnapshot is the comparable part of what children inherit (spec
// §2.4); slices are compared by identity, which is enough to notice a new
// declaration.
type inheritedSnapshot struct {
	color              style.Color
	size, letter, word float32
	family             *string
	weight             uint16
	fstyle             style.FontStyle
	lh                 style.LineHeight
	align              style.TextAlign
	ws                 style.WhiteSpace
	wb                 style.WordBreak
	to                 style.TextOverflow
	vis                style.Visibility
	pe                 style.PointerEvents
	shadow             *style.Shadow
	vars               *style.Vars
	features           string
	nShadow, nFamily   int
	display            style.Display // a display change re-parents anonymous text
}

func snapshotInherited(c *style.Computed) inheritedSnapshot {
	s := inheritedSnapshot{
		color: c.Color, size: c.FontSize, letter: c.LetterSpacing, word: c.WordSpacing,
		weight: c.FontWeight, fstyle: c.FontStyle, lh: c.LineHeight, align: c.TextAlign,
		ws: c.WhiteSpace, wb: c.WordBreak, to: c.TextOverflow, vis: c.Visibility,
		pe: c.PointerEvents, vars: c.Vars, features: c.FontFeatures,
		nShadow: len(c.TextShadow), nFamily: len(c.FontFamily), display: c.Display,
	}
	if len(c.FontFamily) > 0 {
		s.family = &c.FontFamily[0]
	}
	if len(c.TextShadow) > 0 {
		s.shadow = &c.TextShadow[0]
	}
	return s
}

// setClassesAtStyle records the class list the node has when styled, so a
// later class flip can ask the resolver about exactly the names that changed.
func (rt *nodeRT) setClassesAtStyle(names []string) {
	rt.styledClasses = append(rt.styledClasses[:0], names...)
}

// symmetricDiff returns the names in exactly one of a and b.
func symmetricDiff(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			out = append(out, x)
		}
	}
	return out
}
