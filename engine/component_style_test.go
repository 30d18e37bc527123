package engine

import (
	"fmt"
	"testing"
)

func TestComponentStyleIsolation(t *testing.T) {
	const (
		red   = "{255 0 0 255}"
		blue  = "{0 0 255 255}"
		green = "{0 255 0 255}"
		black = "{0 0 0 255}"
	)
	appWXSS := `.g { color: #f00 }`
	pageWXSS := `.p { color: #f00 } .h { color: #f00 } text.t { color: #f00 }`
	compWXSS := `.own { color: #00f } .cs { color: #0f0 } :host { color: #00f }`
	page := `<c-card id="host"><text id="slotted" class="p">s</text></c-card><c-card id="redhost" class="h" ext-cls="p"/>` +
		`<text id="pagecs" class="cs">x</text>`
	comp := `<text id="own" class="own">a</text><text id="pc" class="p">b</text><text id="gc" class="g">c</text>` +
		`<text id="tag" class="t">d</text><text id="ext" class="ext-cls">e</text><text id="inherit">f</text><slot/>`
	cases := []struct {
		name string
		src  string // page markup when not the common one
		json string // comp/card.json
		def  *ComponentDef
		app  string // app.json
		want map[string]string
	}{
		{name: "isolated", want: map[string]string{"own": blue, "pc": blue, "gc": blue, "tag": blue,
			"slotted": red, "pagecs": black, "host": blue, "inherit": blue, "redhost": red, "ext": blue}},
		{name: "apply-shared", json: `{"styleIsolation":"apply-shared"}`, want: map[string]string{
			"own": blue, "pc": red, "gc": red, "tag": red, "pagecs": black}},
		{name: "shared", json: `{"styleIsolation":"shared"}`, want: map[string]string{"pc": red, "pagecs": green}},
		{name: "addGlobalClass", def: &ComponentDef{Options: ComponentOptions{AddGlobalClass: true}}, want: map[string]string{
			"pc": red, "gc": red, "tag": red, "pagecs": black}},
		{name: "external class", src: `<c-card ext-cls="p"/>`, def: &ComponentDef{ExternalClasses: []string{"ext-cls"}}, want: map[string]string{
			"ext": red, "pc": blue}},
		{name: "external class not given", src: `<c-card/>`, def: &ComponentDef{ExternalClasses: []string{"ext-cls"}}, want: map[string]string{
			"ext": blue}},
		{name: "tag names legacy", app: `{"rendererOptions":{"skyline":{"tagNameStyleIsolation":"legacy"}}}`,
			want: map[string]string{"tag": blue, "pc": blue}}, // text.t names a class: still isolated
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{"index.json": `{"usingComponents":{"c-card":"/comp/card"}}`, "index.wxss": pageWXSS,
				"app.wxss": appWXSS, "comp/card.wxml": comp, "comp/card.wxss": compWXSS}
			if c.json != "" {
				files["comp/card.json"] = c.json
			}
			if c.app != "" {
				files["app.json"] = c.app
			}
			var defs map[string]*ComponentDef
			if c.def != nil {
				defs = map[string]*ComponentDef{"comp/card": c.def}
			}
			src := page
			if c.src != "" {
				src = c.src
			}
			p := loadComp(t, src, "", files, defs)
			p.Update()
			for id, want := range c.want {
				n := byID(p, id)
				if n == nil {
					t.Fatalf("no #%s", id)
				}
				if got := fmt.Sprint(n.Style.Color); got != want {
					t.Errorf("#%s color %s, want %s", id, got, want)
				}
			}
		})
	}
}

func TestTagIsolation(t *testing.T) {
	for _, legacy := range []bool{false, true} {
		app := `{}`
		if legacy {
			app = `{"rendererOptions":{"skyline":{"tagNameStyleIsolation":"legacy"}}}`
		}
		p := loadComp(t, `<c-card/>`, "", map[string]string{"app.json": app, "index.json": `{"usingComponents":{"c-card":"/comp/card"}}`,
			"index.wxss": `text { color: #f00 }`, "comp/card.wxml": `<text id="in">x</text>`}, nil)
		p.Update()
		got := byID(p, "in").Style.Color.R == 255
		if got != legacy {
			t.Errorf("legacy=%v: page tag rule applies inside: %v", legacy, got)
		}
	}
}

func TestVirtualHostLeavesNoBox(t *testing.T) {
	for _, virtual := range []bool{false, true} {
		defs := map[string]*ComponentDef{"comp/card": {Options: ComponentOptions{VirtualHost: virtual}}}
		p := loadComp(t, `<view id="row" style="flex-direction: row"><c-card/><view id="after" style="width: 10px; height: 10px"/></view>`, "",
			map[string]string{"index.json": cardJSON,
				"comp/card.wxml": `<view id="a" style="width: 20px; height: 10px"/><view id="b" style="width: 30px; height: 10px"/>`}, defs)
		p.Update()
		row := p.LayoutDump().Root.Children[0]
		var got []string
		for _, c := range row.Children {
			got = append(got, fmt.Sprintf("%s#%s@%g", c.Tag, c.ID, c.Box[0]))
		}
		want := "[c-card#@0 view#after@30]"
		if virtual {
			want = "[view#a@0 view#b@20 view#after@50]"
		}
		if fmt.Sprint(got) != want {
			t.Errorf("virtualHost=%v: row children %v, want %s", virtual, got, want)
		}
	}
}
