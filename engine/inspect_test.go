package engine

import "testing"

// TestInspectBoxModelAndRules: a known element's box model (margin,
// border, padding around its border box), its owning component, and the
// stylesheet positions of its values.
func TestInspectBoxModelAndRules(t *testing.T) {
	p := loadStyled(t, `<view id="top" style="height: 20px"/>
<view id="a" class="box" style="padding-left: 7px"/>
<c-card id="host"/>`,
		".box {\n  width: 100px; height: 50px;\n  margin: 10px 0 0 12px;\n  border: 2px solid #000;\n  padding: 5px;\n}\n",
		`{}`, map[string]string{
			"index.json":           `{"usingComponents":{"c-card":"/comp/card"}}`,
			"comp/card/index.json": `{"component": true}`,
			"comp/card/index.wxml": `<view id="inner" class="in">card</view>`,
			"comp/card/index.wxss": `.in { height: 30px; }`,
		})
	a := byID(p, "a")
	bm, ok := p.BoxModel(a)
	if !ok {
		t.Fatal("no box model for #a")
	}
	want := BoxModel{X: 12, Y: 30, W: 100, H: 50,
		Margin: [4]float32{10, 0, 0, 12}, Border: [4]float32{2, 2, 2, 2}, Padding: [4]float32{5, 5, 5, 7}}
	if bm != want {
		t.Errorf("BoxModel(#a) = %+v\nwant %+v", bm, want)
	}
	if hit := p.HitTest(12+50, 30+25); hit != a {
		t.Errorf("HitTest inside #a = %v", hit)
	}
	rules := map[string]string{}
	for _, ap := range p.AppliedStyle(a) {
		rules[ap.Property] = ap.Pos.String() + " " + ap.Selector + " " + ap.Value
	}
	for prop, w := range map[string]string{
		"width":            "index.wxss:2:3 .box 100px",
		"margin-left":      "index.wxss:3:3 .box 10px 0 0 12px",
		"border-top-width": "index.wxss:4:3 .box 2px solid #000",
		"padding-left":     "index.wxml:2:1  7px",
		"padding-top":      "index.wxss:5:3 .box 5px",
	} {
		if rules[prop] != w {
			t.Errorf("%s from %q, want %q", prop, rules[prop], w)
		}
	}
	inner := byID(p, "inner")
	if got := OwnerPath(inner); got != "comp/card/index" {
		t.Errorf("OwnerPath(#inner) = %q", got)
	}
	if got := OwnerPath(a); got != "" {
		t.Errorf("OwnerPath(#a) = %q, want the page's", got)
	}
	var h string
	for _, ap := range p.AppliedStyle(inner) {
		if ap.Property == "height" {
			h = ap.Pos.String()
		}
	}
	if h != "comp/card/index.wxss:1:7" {
		t.Errorf("#inner's height from %q", h)
	}
}
