package core

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"slices"
	"strings"

	"github.com/skyline-go/skyline/engine"
	"github.com/skyline-go/skyline/style"
)

// The element inspector (key I, or Alt-click): the box under the pointer
// outlined in DevTools' colours (margin, border, padding, content) and a
// panel with the element's tag, id, classes, WXML position, owning
// component, layout box, computed values and the WXSS declaration each
// declared value came from. Everything is drawn on the window over the
// frame, never into the page's pixels.

// Outline colours, as Chrome DevTools draws them (premultiplied).
var (
	MarginColor  = premul(246, 178, 107, 0.66)
	BorderColor  = premul(255, 229, 153, 0.66)
	PaddingColor = premul(147, 196, 125, 0.55)
	ContentColor = premul(111, 168, 220, 0.66)
)

func premul(r, g, b uint8, a float64) color.RGBA {
	m := func(c uint8) uint8 { return uint8(float64(c)*a + 0.5) }
	return color.RGBA{m(r), m(g), m(b), uint8(a*255 + 0.5)}
}

// Outline is an element's four boxes in device px: the margin, border,
// padding and content boxes.
type Outline struct {
	Margin, Border, Padding, Content image.Rectangle
}

// OutlineOf converts a box model (CSS px) to device px at dpr, rounding
// edges outwards to whole pixels.
func OutlineOf(bm engine.BoxModel, dpr float32) Outline {
	r := func(x0, y0, x1, y1 float32) image.Rectangle {
		f := func(v float32, up bool) int {
			if up {
				return int(math.Ceil(float64(v*dpr) - 1e-3))
			}
			return int(math.Floor(float64(v*dpr) + 1e-3))
		}
		return image.Rect(f(x0, false), f(y0, false), f(x1, true), f(y1, true))
	}
	x0, y0, x1, y1 := bm.X, bm.Y, bm.X+bm.W, bm.Y+bm.H
	m, b, p := bm.Margin, bm.Border, bm.Padding // top, right, bottom, left
	return Outline{
		Margin:  r(x0-m[3], y0-m[0], x1+m[1], y1+m[2]),
		Border:  r(x0, y0, x1, y1),
		Padding: r(x0+b[3], y0+b[0], x1-b[1], y1-b[2]),
		Content: r(x0+b[3]+p[3], y0+b[0]+p[0], x1-b[1]-p[1], y1-b[2]-p[2]),
	}
}

// Fill is a rectangle of one colour.
type Fill struct {
	R image.Rectangle
	C color.RGBA
}

// Fills are the rectangles that draw the outline: the rings between the
// boxes (margin, border, padding) and the content box, none overlapping,
// so the translucent colours do not stack.
func (o Outline) Fills() []Fill {
	var out []Fill
	ring := func(outer, inner image.Rectangle, c color.RGBA) {
		inner = inner.Intersect(outer)
		if inner.Empty() {
			if !outer.Empty() {
				out = append(out, Fill{outer, c})
			}
			return
		}
		for _, r := range []image.Rectangle{
			image.Rect(outer.Min.X, outer.Min.Y, outer.Max.X, inner.Min.Y), // top
			image.Rect(outer.Min.X, inner.Max.Y, outer.Max.X, outer.Max.Y), // bottom
			image.Rect(outer.Min.X, inner.Min.Y, inner.Min.X, inner.Max.Y), // left
			image.Rect(inner.Max.X, inner.Min.Y, outer.Max.X, inner.Max.Y), // right
		} {
			if !r.Empty() {
				out = append(out, Fill{r, c})
			}
		}
	}
	ring(o.Margin, o.Border, MarginColor)
	ring(o.Border, o.Padding, BorderColor)
	ring(o.Padding, o.Content, PaddingColor)
	if !o.Content.Empty() {
		out = append(out, Fill{o.Content, ContentColor})
	}
	return out
}

// NodeInfo is what the inspector panel shows of one element.
type NodeInfo struct {
	Selector string   // tag#id.class…
	Crumbs   []string // the ancestors' selectors and its own, the page first
	Pos      string   // the WXML file:line:col that made it
	Owner    string   // the owning component's path, "" for the page
	Box      engine.BoxModel
	HasBox   bool
	Computed []string // "name: value" of the main computed values
	Rules    []style.Applied
	Tree     []TreeRow // the tree view around the element (TreeRows)
}

// Inspect describes n as laid out on p (the last Update).
func Inspect(p *engine.Page, n *engine.Node) NodeInfo {
	var info NodeInfo
	var b strings.Builder
	b.WriteString(n.Tag)
	if id := n.ID(); id != "" {
		b.WriteString("#" + id)
	}
	for _, c := range n.ClassList() {
		b.WriteString("." + c)
	}
	info.Selector = b.String()
	info.Crumbs = Crumbs(n)
	if n.Pos.File != "" {
		info.Pos = n.Pos.String()
	}
	info.Owner = engine.OwnerPath(n)
	info.Box, info.HasBox = p.BoxModel(n)
	if n.Style != nil {
		info.Computed = ComputedLines(n.Style)
	}
	info.Rules = p.AppliedStyle(n)
	info.Tree = TreeRows(n)
	return info
}

// Lines is the panel's text, a line each: selector, position and owner,
// box, computed values, then the declarations with where they came from.
func (in NodeInfo) Lines() []string {
	out := []string{in.Selector}
	where := in.Pos
	if where == "" {
		where = "(no source position)"
	}
	if in.Owner != "" {
		where += "  in component " + in.Owner
	} else {
		where += "  in the page"
	}
	out = append(out, where)
	if in.HasBox {
		bm := in.Box
		out = append(out, fmt.Sprintf("box %s,%s %s×%s  margin %s  border %s  padding %s",
			num(bm.X), num(bm.Y), num(bm.W), num(bm.H), edges(bm.Margin), edges(bm.Border), edges(bm.Padding)))
	} else {
		out = append(out, "no box (display:none, virtual or inline)")
	}
	if len(in.Computed) > 0 {
		out = append(out, "computed: "+strings.Join(in.Computed, "; "))
	}
	if len(in.Rules) == 0 {
		out = append(out, "no declarations: initial and inherited values")
	}
	for _, r := range GroupRules(in.Rules) {
		out = append(out, r.Decl+"  — "+r.Src)
	}
	return out
}

// RuleLine is one line of the panel's declarations.
type RuleLine struct{ Decl, Src string }

// GroupRules folds the longhands one shorthand declaration gave (margin's
// four sides, border's twelve) into one line, "margin: 10px 0 0 12px";
// a longhand that won alone keeps its own line, "margin-top (margin): …"
// when its shorthand's other sides were overridden.
func GroupRules(rules []style.Applied) []RuleLine {
	var out []RuleLine
	for i := 0; i < len(rules); {
		r := rules[i]
		j := i + 1
		if r.Declared != r.Property {
			for j < len(rules) && rules[j].Declared == r.Declared && rules[j].Pos == r.Pos &&
				rules[j].Value == r.Value && rules[j].Selector == r.Selector && rules[j].Inline == r.Inline {
				j++
			}
		}
		decl, src := RuleText(r)
		if j-i > 1 {
			g := r
			g.Property = r.Declared
			decl, _ = RuleText(g)
		}
		out = append(out, RuleLine{decl, src})
		i = j
	}
	return out
}

// RuleText is one declaration as the panel shows it: "property: value"
// (with the shorthand it came from) and its source, "selector file:line:col"
// or "style attribute file:line:col".
func RuleText(r style.Applied) (decl, src string) {
	sel := r.Selector
	if r.Inline {
		sel = "style attribute"
	}
	imp := ""
	if r.Important {
		imp = " !important"
	}
	name := r.Property
	if r.Declared != r.Property {
		name += " (" + r.Declared + ")"
	}
	return fmt.Sprintf("%s: %s%s", name, r.Value, imp), sel + " " + r.Pos.String()
}

func num(v float32) string { return fmt.Sprintf("%g", math.Round(float64(v)*100)/100) }

func edges(e [4]float32) string {
	if e[0] == e[1] && e[1] == e[2] && e[2] == e[3] {
		return num(e[0])
	}
	return num(e[0]) + " " + num(e[1]) + " " + num(e[2]) + " " + num(e[3])
}

// ComputedLines are the main computed values of c, "name: value".
func ComputedLines(c *style.Computed) []string {
	display := [...]string{"flex", "block", "none", "inline-flex", "inline", "inline-block"}
	position := [...]string{"relative", "absolute", "fixed", "static"}
	dir := [...]string{"column", "column-reverse", "row", "row-reverse"}
	pick := func(names []string, i int) string {
		if i >= 0 && i < len(names) {
			return names[i]
		}
		return fmt.Sprint(i)
	}
	out := []string{
		"display: " + pick(display[:], int(c.Display)),
		"position: " + pick(position[:], int(c.Position)),
		"flex-direction: " + pick(dir[:], int(c.FlexDir)),
		"width: " + length(c.Width), "height: " + length(c.Height),
		"font-size: " + num(c.FontSize),
		"color: " + hexColor(c.Color),
		"background-color: " + hexColor(c.Background.Color),
	}
	if c.Opacity != 1 {
		out = append(out, "opacity: "+num(c.Opacity))
	}
	if !c.ZIndexAuto {
		out = append(out, fmt.Sprintf("z-index: %d", c.ZIndex))
	}
	if c.Overflow == style.OverflowHidden {
		out = append(out, "overflow: hidden")
	}
	if c.FlexGrow != 0 || c.FlexShrink != 1 {
		out = append(out, "flex: "+num(c.FlexGrow)+" "+num(c.FlexShrink))
	}
	return out
}

func length(l style.Length) string {
	switch l.Kind {
	case style.LengthAuto:
		return "auto"
	case style.LengthNone:
		return "none"
	}
	switch {
	case l.Calc != nil:
		return "calc(…)"
	case l.Pct != 0 && l.Px != 0:
		return fmt.Sprintf("calc(%s%% + %spx)", num(l.Pct), num(l.Px))
	case l.Pct != 0:
		return num(l.Pct) + "%"
	}
	return num(l.Px) + "px"
}

func hexColor(c style.Color) string {
	if c.A == 255 {
		return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
	}
	return fmt.Sprintf("#%02x%02x%02x%02x", c.R, c.G, c.B, c.A)
}

// TreeMove is a step through the node tree from the inspected element.
type TreeMove int

const (
	TreeParent TreeMove = iota
	TreeFirstChild
	TreePrevSibling
	TreeNextSibling
)

// Navigate returns the element one step from n (text nodes are skipped),
// or n itself when there is none: the inspector's arrow keys (Up parent,
// Down first child, Left / Right siblings).
func Navigate(n *engine.Node, m TreeMove) *engine.Node {
	if n == nil {
		return nil
	}
	var next *engine.Node
	switch m {
	case TreeParent:
		next = n.Parent()
	case TreeFirstChild:
		next = n.FirstChild()
		for next != nil && next.Kind != engine.ElementNode {
			next = next.NextSibling()
		}
	case TreePrevSibling:
		next = n.PrevSibling()
		for next != nil && next.Kind != engine.ElementNode {
			next = next.PrevSibling()
		}
	case TreeNextSibling:
		next = n.NextSibling()
		for next != nil && next.Kind != engine.ElementNode {
			next = next.NextSibling()
		}
	}
	if next == nil {
		return n
	}
	return next
}

// Crumbs are the selectors of n's ancestors and n, the page first: where
// the element sits in the tree.
func Crumbs(n *engine.Node) []string {
	var out []string
	for m := n; m != nil; m = m.Parent() {
		out = append(out, label(m))
	}
	slices.Reverse(out)
	return out
}

// TreeRow is one row of the inspector's tree view.
type TreeRow struct {
	Depth   int
	Label   string // tag#id or tag.class
	Node    *engine.Node
	Current bool // the inspected element
}

// MaxTreeRows bounds the tree view.
const MaxTreeRows = 14

// TreeRows is the page tree as the inspector's tree view shows it, around
// n: its ancestors from the page down, each with its element children (n's
// siblings and its ancestors' siblings), then n's own children — the
// outline of where n sits, MaxTreeRows at most, n's row always in it.
func TreeRows(n *engine.Node) []TreeRow {
	if n == nil {
		return nil
	}
	var path []*engine.Node
	for m := n; m != nil; m = m.Parent() {
		path = append(path, m)
	}
	slices.Reverse(path)
	var rows []TreeRow
	add := func(m *engine.Node, depth int) {
		rows = append(rows, TreeRow{Depth: depth, Label: label(m), Node: m, Current: m == n})
	}
	add(path[0], 0)
	var walk func(parent *engine.Node, depth, k int)
	walk = func(parent *engine.Node, depth, k int) {
		for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Kind != engine.ElementNode {
				continue
			}
			add(c, depth)
			if k+1 < len(path) && c == path[k+1] {
				walk(c, depth+1, k+1)
			}
		}
	}
	walk(path[0], 1, 0)
	// Keep a window of rows around n's.
	cur := 0
	for i, r := range rows {
		if r.Current {
			cur = i
		}
	}
	if len(rows) > MaxTreeRows {
		from := min(max(cur-MaxTreeRows/2, 0), len(rows)-MaxTreeRows)
		rows = rows[from : from+MaxTreeRows]
	}
	return rows
}

func label(m *engine.Node) string {
	s := m.Tag
	if id := m.ID(); id != "" {
		s += "#" + id
	} else if cl := m.ClassList(); len(cl) > 0 {
		s += "." + cl[0]
	}
	return s
}
