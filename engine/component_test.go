package engine

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// loadComp loads a page "index" with extra package files and component
// definitions by path.
func loadComp(t *testing.T, src, data string, files map[string]string, defs map[string]*ComponentDef) *Page {
	t.Helper()
	all := map[string]string{"index.wxml": src}
	for k, v := range files {
		all[k] = v
	}
	if data != "" {
		all["index.data.json"] = data
	}
	dir := writePackage(t, all)
	var opts LoadOptions
	if defs != nil {
		opts.Components = func(path string) (*ComponentDef, error) { return defs[path], nil }
	}
	p, err := Load(filepath.Join(dir, "index"), opts)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return p
}

// byID finds the element with the given id attribute.
func byID(p *Page, id string) *Node {
	var out *Node
	p.Root().Walk(func(n *Node) bool {
		if out == nil && n.Kind == ElementNode && n.ID() == id {
			out = n
		}
		return out == nil
	})
	return out
}

// textOf is the concatenated text under n.
func textOf(n *Node) string {
	var b strings.Builder
	n.Walk(func(m *Node) bool {
		if m.Kind == TextNode {
			b.WriteString(m.Text)
		}
		return true
	})
	return b.String()
}

const cardJSON = `{"usingComponents":{"c-card":"/comp/card"}}`

func TestComponentProperties(t *testing.T) {
	typed := map[string]*ComponentDef{"comp/card": {
		Properties: []PropertySpec{
			{Name: "title", Type: PropString, Default: "untitled", HasDefault: true},
			{Name: "count", Type: PropNumber},
			{Name: "showBadge", Type: PropBoolean},
		},
		Data: map[string]any{"suffix": "!"},
	}}
	tmpl := `<text>{{title}}|{{count + 1}}|{{showBadge}}|{{suffix}}|{{extra}}</text>`
	cases := []struct {
		name string
		src  string
		defs map[string]*ComponentDef
		want string
	}{
		{"untyped passthrough", `<c-card title="a" count="3" show-badge extra="e"/>`, nil, "a|31|true||e"},
		{"typed literals", `<c-card count="3" show-badge="false" extra="e"/>`, typed, "untitled|4|true|!|"},
		{"typed bindings", `<c-card title="{{t}}" count="{{n}}" showBadge="{{0}}"/>`, typed, "T|6|false|!|"},
		{"typed defaults", `<c-card/>`, typed, "untitled|1|false|!|"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := loadComp(t, c.src, `{"t":"T","n":5}`, map[string]string{"index.json": cardJSON, "comp/card.wxml": tmpl}, c.defs)
			if got := textOf(p.Root()); got != c.want {
				t.Errorf("text %q, want %q", got, c.want)
			}
		})
	}
}

func TestComponentDirectoryPath(t *testing.T) {
	p := loadComp(t, `<c-x/>`, "", map[string]string{
		"index.json": `{"usingComponents":{"c-x":"./widgets/x"}}`, "widgets/x/index.wxml": `<text>dir</text>`}, nil)
	if got := textOf(p.Root()); got != "dir" {
		t.Errorf("text %q", got)
	}
	if in := p.Instances(); len(in) != 1 || in[0].Path() != "widgets/x/index" {
		t.Errorf("instances %v", in)
	}
}

func TestSlots(t *testing.T) {
	cases := []struct {
		name  string
		comp  string
		multi bool
		page  string
		want  string
	}{
		{"default slot", `<view>[<slot/>]</view>`, false,
			`<c-card><text>{{a}}</text></c-card>`, `c-card(view("[" slot(text("A")) "]"))`},
		{"content without slot is dropped", `<view/>`, false,
			`<c-card><text>x</text></c-card>`, `c-card(view)`},
		{"named slots", `<view><slot name="head"/>|<slot/>|<slot name="foot"/></view>`, true,
			`<c-card><text slot="foot">F</text><text>D</text><text slot="head">H</text></c-card>`,
			`c-card(view(slot[name="head"](text[slot="head"]("H")) "|" slot(text("D")) "|" slot[name="foot"](text[slot="foot"]("F"))))`},
		{"names ignored without multipleSlots", `<view><slot name="head"/><slot/></view>`, false,
			`<c-card><text slot="head">H</text><text>D</text></c-card>`,
			`c-card(view(slot[name="head"](text[slot="head"]("H") text("D")) slot))`},
		{"dynamic slot with item and index", `<view wx:for="{{list}}"><slot item="{{item}}" index="{{index}}"/></view>`, false,
			`<c-card list="{{rows}}"><text slot:item slot:index>{{index}}:{{item.n}}{{a}}</text></c-card>`,
			`c-card[list=[{n:"x"},{n:"y"}]](view(slot[item={n:"x"}][index=0](text("0:xA"))) view(slot[item={n:"y"}][index=1](text("1:yA"))))`},
		{"dynamic slot with alias", `<block wx:for="{{list}}"><slot item="{{item}}"/></block>`, false,
			`<c-card list="{{rows}}"><text slot:item="row">{{row.n}}</text></c-card>`,
			`c-card[list=[{n:"x"},{n:"y"}]](slot[item={n:"x"}](text("x")) slot[item={n:"y"}](text("y")))`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var defs map[string]*ComponentDef // untyped: list passes through
			if c.multi {
				defs = map[string]*ComponentDef{"comp/card": {Options: ComponentOptions{MultipleSlots: true}}}
			}
			p := loadComp(t, c.page, `{"a":"A","rows":[{"n":"x"},{"n":"y"}]}`,
				map[string]string{"index.json": cardJSON, "comp/card.wxml": c.comp}, defs)
			if got := body(p); got != c.want {
				t.Errorf("tree\n got %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestSlotContentFollowsData(t *testing.T) {
	p := loadComp(t, `<c-card list="{{rows}}"><text slot:item>{{item.n}}{{a}}</text></c-card>`, `{"a":"A","rows":[{"n":"x"}]}`,
		map[string]string{"index.json": cardJSON, "comp/card.wxml": `<slot wx:for="{{list}}" item="{{item}}"/>`}, nil)
	steps := []struct {
		patch map[string]any
		want  string
	}{
		{map[string]any{"a": "B"}, "xB"},
		{map[string]any{"rows[0].n": "z"}, "zB"},
		{map[string]any{"rows": []any{map[string]any{"n": "p"}, map[string]any{"n": "q"}}}, "pBqB"},
		// "a" fires the content binding before "rows" passes the new items
		// through the slot: it must fire again with them.
		{map[string]any{"a": "C", "rows": []any{map[string]any{"n": "r"}, map[string]any{"n": "s"}}}, "rCsC"},
	}
	for _, s := range steps {
		if err := p.SetData(s.patch); err != nil {
			t.Fatal(err)
		}
		if got := textOf(p.Root()); got != s.want {
			t.Errorf("after %v: %q, want %q", s.patch, got, s.want)
		}
	}
}

func TestPropertyChangeRerendersOnlyItsInstance(t *testing.T) {
	p := loadComp(t, `<c-card id="a" title="{{x}}"/><c-card id="b" title="{{y}}"/>`, `{"x":"1","y":"2"}`,
		map[string]string{"index.json": cardJSON,
			"comp/card.wxml": `<view><text>{{title}}</text><text>{{other}}</text><text>{{title}}!</text></view>`}, nil)
	p.Update()
	before := p.Evals()
	if err := p.SetData(map[string]any{"x": "9"}); err != nil {
		t.Fatal(err)
	}
	// The host attribute, then the instance's two bindings that read title.
	if got := p.Evals() - before; got != 3 {
		t.Errorf("%d evaluations, want 3", got)
	}
	if a, b := textOf(byID(p, "a")), textOf(byID(p, "b")); a != "99!" || b != "22!" {
		t.Errorf("texts %q %q", a, b)
	}
	for _, n := range p.DirtyNodes() {
		for m := n; m != nil; m = m.Parent() {
			if m == byID(p, "b") {
				t.Errorf("node %s of the other instance is dirty", n.Dump())
			}
		}
	}
}

func TestSetComponentData(t *testing.T) {
	defs := map[string]*ComponentDef{"comp/card": {Options: ComponentOptions{PureDataPattern: "^_"}, Data: map[string]any{"n": 1.0}}}
	p := loadComp(t, `<c-card/><c-card/>`, "", map[string]string{"index.json": cardJSON,
		"comp/card.wxml": `<text>{{n}}{{_hidden}}</text><text>{{list[1]}}</text>`}, defs)
	ins := p.Instances()
	if len(ins) != 2 || ins[0].ID() == ins[1].ID() || ins[0].Owner() != 0 {
		t.Fatalf("instances %v", ins)
	}
	if err := p.SetComponentData(ins[1].ID(), map[string]any{"n": 2, "_hidden": "h", "list[1]": "b"}); err != nil {
		t.Fatal(err)
	}
	if got := textOf(p.Root()); got != "12b" {
		t.Errorf("text %q", got)
	}
	if err := p.SetComponentData(99, map[string]any{"n": 1}); err == nil {
		t.Error("unknown instance accepted")
	}
	if err := p.SetComponentData(ins[0].ID(), map[string]any{"a..b": 1}); err == nil {
		t.Error("bad path accepted")
	}
}

func TestInstanceEvents(t *testing.T) {
	files := map[string]string{"index.json": `{"usingComponents":{"c-row":"/comp/row","c-box":"/comp/box"}}`,
		"comp/row.wxml": `<text>{{label}}</text>`,
		"comp/row.json": `{"usingComponents":{"c-box":"/comp/box"}}`,
		"comp/box.wxml": `<c-inner-free/>`}
	p := loadComp(t, `<c-row wx:for="{{rows}}" wx:key="id" label="{{item.t}}"/><c-box wx:if="{{show}}"/>`,
		`{"rows":[{"id":"a","t":"a"},{"id":"b","t":"b"}],"show":true}`, files, nil)
	desc := func(evs []InstanceEvent) string {
		var s []string
		for _, e := range evs {
			d := fmt.Sprintf("%d:%d", e.Kind, e.ID)
			if e.Props != nil {
				d += fmt.Sprintf("%v", e.Props["label"].Value)
			}
			s = append(s, d)
		}
		return strings.Join(s, " ")
	}
	if got := desc(p.DrainInstanceEvents()); got != "0:1a 0:2b 0:3<nil>" {
		t.Errorf("load: %s", got)
	}
	steps := []struct {
		patch map[string]any
		want  string
	}{
		{map[string]any{"show": false}, "1:3"},
		{map[string]any{"rows": []any{map[string]any{"id": "b", "t": "b"}, map[string]any{"id": "a", "t": "a"}}}, "2:2"},
		{map[string]any{"rows[0].t": "c"}, "3:2c"},
		{map[string]any{"show": true}, "0:4<nil>"},
	}
	for _, s := range steps {
		if err := p.SetData(s.patch); err != nil {
			t.Fatal(err)
		}
		if got := desc(p.DrainInstanceEvents()); got != s.want {
			t.Errorf("after %v: %s, want %s", s.patch, got, s.want)
		}
	}
}

// TestPropertiesChangedInOnePatch: a patch that changes two properties of
// an instance re-renders a binding reading both with both new values (the
// binding fires for the first property while the second still holds its
// old value, and must fire again when the second arrives).
func TestPropertiesChangedInOnePatch(t *testing.T) {
	p := loadComp(t, `<c-card id="a" title="{{x}}" other="{{y}}"/>`, `{"x":"1","y":"2"}`,
		map[string]string{"index.json": cardJSON,
			"comp/card.wxml": `<view><text>{{title}}-{{other}}</text></view>`}, nil)
	p.Update()
	if err := p.SetData(map[string]any{"x": "9", "y": "8"}); err != nil {
		t.Fatal(err)
	}
	if got := textOf(byID(p, "a")); got != "9-8" {
		t.Fatalf("text %q after one patch of both properties, want %q", got, "9-8")
	}
}
