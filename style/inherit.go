package style

// inheritFrom copies the inherited properties of spec §2.4 from parent. It is
// a fixed list of field copies (no table walk) because it runs for every
// element; slices are shared, never mutated in place.
func inheritFrom(out, parent *Computed) {
	out.Color = parent.Color
	out.FontSize = parent.FontSize
	out.FontFamily = parent.FontFamily
	out.FontWeight = parent.FontWeight
	out.FontStyle = parent.FontStyle
	out.FontFeatures = parent.FontFeatures
	out.LineHeight = parent.LineHeight
	out.LetterSpacing = parent.LetterSpacing
	out.WordSpacing = parent.WordSpacing
	out.TextAlign = parent.TextAlign
	out.TextShadow = parent.TextShadow
	out.WhiteSpace = parent.WhiteSpace
	out.WordBreak = parent.WordBreak
	out.TextOverflow = parent.TextOverflow
	out.Visibility = parent.Visibility
	out.PointerEvents = parent.PointerEvents
	out.Vars = parent.Vars
}

// applyWide handles inherit / initial / unset for one property: the value
// comes from the parent (or, at the root, the initial value) or from the
// initial template.
func applyWide(out *Computed, id PropID, w wideKw, parent, tmpl *Computed) {
	src := tmpl
	if parent != nil && (w == wideInherit || (w == wideUnset && propInherited[id])) {
		src = parent
	}
	if id == PropCustom || props[id].copy == nil {
		return
	}
	props[id].copy(out, src)
}
