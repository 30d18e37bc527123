package logic

import "testing"

// TestSelectComponent: this.selectComponent / selectAllComponents find the
// components whose host is in the caller's own template, by #id, .class,
// tag and comma lists, in creation order; wx://component-export answers
// with export(); components have renderer 'skyline' too.
func TestSelectComponent(t *testing.T) {
	h := newHarness(t, files{
		"pages/s/s.js": `Page({
  onReady() {
    const card = this.selectComponent('#first')
    console.log(card.is, card.data.n, card.renderer, this.renderer)
    console.log(this.selectAllComponents('.card').map(c => c.data.n).join(','))
    console.log(this.selectAllComponents('card.wide, #exp').length, this.selectComponent('.missing'))
    console.log(JSON.stringify(this.selectComponent('#exp')))
    console.log(this.selectAllComponents('.inner').length, card.selectComponent('.inner').data.n)
    card.bump()
    console.log(this.selectComponent('#first').data.n)
  },
})`,
		"comp/card.js": `Component({
  properties: { n: Number },
  methods: { bump() { this.setData({ n: this.data.n + 100 }) } },
})`,
		"comp/exp.js": `Component({ behaviors: ['wx://component-export'], export() { return { api: 'v1' } } })`,
	})
	comps := []ComponentInit{
		{ID: 2, Parent: 1, Owner: 1, Path: "comp/card", Tag: "card", ElementID: "first", Classes: []string{"card"}, Props: map[string]any{"n": 1}},
		{ID: 3, Parent: 2, Owner: 2, Path: "comp/card", Tag: "card", Classes: []string{"inner"}, Props: map[string]any{"n": 3}},
		{ID: 4, Parent: 1, Owner: 1, Path: "comp/card", Tag: "card", Classes: []string{"card", "wide"}, Props: map[string]any{"n": 2}},
		{ID: 5, Parent: 1, Owner: 1, Path: "comp/exp", Tag: "exp", ElementID: "exp"},
	}
	out := h.run(LoadPage{ID: 1, Path: "pages/s/s", Components: comps})
	noDiags(t, out)
	want := `comp/card 1 skyline skyline | 1,2 | 2 null | {"api":"v1"} | 0 3 | 101`
	if got := joined(logsOf(out)); got != want {
		t.Errorf("logs = %q\nwant %q", got, want)
	}
	// A combinator is not supported: null and a warning, once.
	h2 := newHarness(t, files{"pages/s/s.js": `Page({ onLoad() { console.log(this.selectComponent('.a .b'), this.selectAllComponents('.a > .b').length) } })`})
	out = h2.run(LoadPage{ID: 1, Path: "pages/s/s"})
	if got := joined(logsOf(out)); got != "null 0" || len(diagsOf(out)) != 2 {
		t.Errorf("combinators: logs %q diags %q", got, diagPos(out))
	}
}

// TestPageBehaviors: Page({behaviors}) merges the behaviors' data under the
// page's and their methods (page lifecycle functions included) where the
// page has none of that name; later behaviors win over earlier ones.
func TestPageBehaviors(t *testing.T) {
	h := newHarness(t, files{
		"behaviors/list.js": `export const base = Behavior({ data: { list: [], opts: { size: 10, page: 1 } }, methods: { who() { return 'base' }, onShow() { console.log('behavior onShow') } } })
export const paged = Behavior({ behaviors: [base], data: { opts: { page: 2 } }, methods: { who() { return 'paged' }, more() { return this.data.opts.page + 1 } } })`,
		"pages/b/b.js": `import { paged } from '../../behaviors/list'
Page({
  behaviors: [paged],
  data: { opts: { size: 20 }, title: 't' },
  onLoad() { console.log(JSON.stringify(this.data), this.who(), this.more()) },
  who() { return 'page' },
})`,
	})
	out := h.run(LoadPage{ID: 1, Path: "pages/b/b"})
	noDiags(t, out)
	want := `{"list":[],"opts":{"size":20,"page":2},"title":"t"} page 3 | behavior onShow`
	if got := joined(logsOf(out)); got != want {
		t.Errorf("logs = %q\nwant %q", got, want)
	}
	d, err := h.rt.PageDef("pages/b/b")
	if err != nil || d.Data["title"] != "t" || d.Data["list"] == nil {
		t.Errorf("PageDef data = %v, %v", d, err)
	}
}
