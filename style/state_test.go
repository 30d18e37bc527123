package style

import "testing"

// Interaction pseudo-classes match the states a StatefulElement reports,
// on whichever compound names them.
func TestInteractionStatesMatch(t *testing.T) {
	src := `.title { color: #000001 }
.title:active { color: #000002 }
.card:active .title { width: 7px }
.title:hover { height: 9px }`
	env := &Env{}
	sh, ds := ParseSheet("a.wxss", []byte(src), env, nil)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	root := h("view.card$card", h("text.title$title"))
	card, title := root.find("card"), root.find("title")
	compute := func() Computed {
		r := NewResolver(env, sh)
		r.BeginPass()
		defer r.EndPass()
		var pc, out Computed
		r.Compute(card, nil, nil, &pc, nil)
		r.Compute(title, &pc, nil, &out, nil)
		return out
	}
	c := compute()
	if c.Color.B != 1 || !c.Width.IsAuto() {
		t.Errorf("static: color %v width %v", c.Color, c.Width)
	}
	card.states = StateActive
	c = compute()
	if c.Color.B != 1 || c.Width != Px(7) {
		t.Errorf("active card: color %v width %v; want the title's own colour and 7px", c.Color, c.Width)
	}
	title.states = StateActive
	c = compute()
	if c.Color.B != 2 || !c.Height.IsAuto() {
		t.Errorf("active title: color %v height %v; want :active colour, no :hover", c.Color, c.Height)
	}
}
