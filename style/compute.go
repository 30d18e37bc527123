package style

import "github.com/skyline-go/skyline/diag"

// cctx is what applying a value needs at computed-value time: the element's
// font-size for em, its colour for currentColor, and the window for rpx / vw
// / vh (spec §2.1). It is passed by value so applying never allocates.
type cctx struct {
	fontSize float32
	rem      float32
	w, h     float32
	sa       [4]float32 // safe-area insets: top, right, bottom, left
	color    Color
}

// length computes a specified length to px (+ % kept for layout, and a
// min() / max() over percentages kept as an expression).
func (x cctx) length(l *slen) Length {
	if l.kind != LengthFixed {
		return Length{Kind: l.kind}
	}
	px := l.px
	pct := l.pct
	var c *Calc
	if l.relative() {
		vmin, vmax := x.w, x.h
		if vmin > vmax {
			vmin, vmax = vmax, vmin
		}
		px += l.em*x.fontSize + l.rem*x.rem + l.rpx*x.w/750 +
			(l.vw*x.w+l.vh*x.h+l.vmin*vmin+l.vmax*vmax)/100 +
			l.sa[0]*x.sa[0] + l.sa[1]*x.sa[1] + l.sa[2]*x.sa[2] + l.sa[3]*x.sa[3]
		if l.nl != nil {
			r := l.nl.compute(x)
			px, pct, c = px+r.px, pct+r.pct, r.calc
		}
	}
	return Length{Kind: LengthFixed, Px: px, Pct: pct, Calc: c}
}

// px computes a length that has no percentage part.
func (x cctx) px(l *slen) float32 { return x.length(l).Px }

// ComputeInto fills out from the parent's computed style (inherited
// properties per spec §2.4, initial values for the rest) and then applies
// decls in order, lowest precedence first (later wins; the caller has
// already ordered them by cascade, !important included).
//
// font-size and color apply first so that em and currentColor in the other
// declarations see the element's own values. var() resolves through the
// element's custom properties, then the inherited ones; a var() that fails
// makes its property unset (invalid at computed-value time) and adds a
// warning to diags (may be nil). Border widths become 0 on sides whose style
// is none or hidden. Without var() and custom properties this allocates
// nothing.
func ComputeInto(out *Computed, parent *Computed, decls []*Declared, env *Env, diags *diag.List) {
	tmpl := templateFor(env)
	*out = *tmpl
	x := cctx{fontSize: defaultFontSize, color: Black, rem: env.rootFontSize()}
	if env != nil {
		x.w, x.h, x.sa = env.WindowWidth, env.WindowHeight, env.insets()
	}
	if parent != nil {
		inheritFrom(out, parent)
		x.fontSize, x.color = parent.FontSize, parent.Color
	}
	for _, d := range decls {
		if d.Prop == PropCustom {
			out.Vars = resolveCustoms(out.Vars, decls, diags)
			break
		}
	}
	for _, d := range decls {
		if d.Prop == PropFontSize || d.Prop == PropColor {
			applyDecl(out, d, parent, tmpl, x, diags)
		}
	}
	x.fontSize, x.color = out.FontSize, out.Color
	for _, d := range decls {
		if d.Prop != PropFontSize && d.Prop != PropColor && d.Prop != PropCustom && d.Prop < numProps {
			applyDecl(out, d, parent, tmpl, x, diags)
		}
	}
	fixBorderWidths(out)
}

func applyDecl(out *Computed, d *Declared, parent, tmpl *Computed, x cctx, diags *diag.List) {
	if d.HasVar {
		applyVarDecl(out, d, parent, tmpl, x, diags)
		return
	}
	if d.v.wide != wideNone {
		applyWide(out, d.Prop, d.v.wide, parent, tmpl)
		return
	}
	if a := props[d.Prop].apply; a != nil {
		a(out, &d.v, x)
	}
}

// applyVarDecl is kept apart so that the temporary value it parses (which
// escapes through the apply table) costs nothing on the var()-free path.
func applyVarDecl(out *Computed, d *Declared, parent, tmpl *Computed, x cctx, diags *diag.List) {
	v := varValue(d, out.Vars, diags)
	if v.wide != wideNone {
		applyWide(out, d.Prop, v.wide, parent, tmpl)
		return
	}
	if a := props[d.Prop].apply; a != nil {
		a(out, v, x)
	}
}

// ComputeInline parses text as an inline style and computes it on top of
// parent (nil = root). It is a convenience for tests and the layout
// conformance harness: !important declarations win over normal ones, as
// within one inline style attribute.
func ComputeInline(text string, parent *Computed, env *Env) (Computed, []diag.Diagnostic) {
	decls, ds := ParseInlineStyle(text, diag.Pos{File: "<inline>", Line: 1, Col: 1}, env, "")
	ptrs := make([]*Declared, 0, len(decls))
	for _, important := range [2]bool{false, true} {
		for i := range decls {
			if decls[i].Important == important {
				ptrs = append(ptrs, &decls[i])
			}
		}
	}
	var out Computed
	var l diag.List
	ComputeInto(&out, parent, ptrs, env, &l)
	return out, append(ds, l.Items...)
}
